#!/usr/bin/env bash
# Benchmark of the probe engine against sslscan and testssl.sh, on in-process servers on
# 127.0.0.1 only. Usage: bench/run.sh [-Dbench.runs=5 -Dbench.warmup=5 -Dbench.testsslRuns=1]
set -euo pipefail
cd "$(dirname "$0")/.."

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME

missing=()
command -v sslscan >/dev/null 2>&1 || missing+=(sslscan)
command -v testssl.sh >/dev/null 2>&1 || command -v testssl >/dev/null 2>&1 || missing+=(testssl.sh)
if ((${#missing[@]})); then
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
