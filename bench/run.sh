#!/usr/bin/env bash
# Benchmark of the probe engine against sslscan and testssl.sh, on in-process servers on
# 127.0.0.1 only. Usage: bench/run.sh [-Dbench.runs=5 -Dbench.warmup=5 -Dbench.testsslRuns=1]
# BENCH_INSTALL_TOOLS=0 measures only what is installed (no apt-get), e.g. the engine alone.
set -euo pipefail
cd "$(dirname "$0")/.."

# A JDK 21 or newer, found as .ci/run finds it (the default java may be 17).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1; }
pick_jdk() {
	local candidate major
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
		[ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
		major=$(java_major "$candidate")
		if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then echo "$candidate"; return 0; fi
	done
	return 1
}
JAVA_HOME=$(pick_jdk) || { echo "No JDK 21+ found under /usr/lib/jvm; install one (e.g. Temurin 21 or 25)." >&2; exit 1; }
export JAVA_HOME

missing=()
command -v sslscan >/dev/null 2>&1 || missing+=(sslscan)
command -v testssl.sh >/dev/null 2>&1 || command -v testssl >/dev/null 2>&1 || missing+=(testssl.sh)
if ((${#missing[@]})) && [ "${BENCH_INSTALL_TOOLS:-1}" != "0" ]; then
	echo "Installing ${missing[*]} with apt-get"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" \
		|| echo "Could not install ${missing[*]}; the benchmark skips what is missing"
fi

./mvnw -B -ntp -q test-compile
cp_file=target/bench-classpath.txt
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cp_file"

exec "$JAVA_HOME/bin/java" "$@" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
	dev.tlswatch.bench.ProbeBenchmark
