#!/usr/bin/env bash
# The fleet benchmark (docs/benchmark.md). Two parts, both printed as Markdown tables:
#  1. scale: the application jar in its own JVM on a fresh embedded PostgreSQL under target/bench-fleet,
#     local TLS servers with 10% tarpits, N = 1,000, 5,000 and 10,000 endpoints registered through the REST
#     API, the real scheduler; beside it the plain-JSSE handshake baseline (dev.tlswatch.bench.FleetScaleBenchmark);
#  2. dashboard: 10,000 endpoints, 1,000,000 scans and 10,000 open alerts seeded with SQL, p50/p95 of every
#     dashboard page and API list over HTTP (dev.tlswatch.bench.FleetBenchmark); then the retention phase:
#     half of those scans are past the 90 days kept in full, and a representative set of pages is timed
#     idle, while the real retention run prunes them and after it (-Dbench.retention=false skips it).
# Usage: bench/fleet.sh [--quick] [--scale-only|--dashboard-only] [-Dbench.window=60 ...]
#   --quick: N = 200 and 1,000 endpoints / 20,000 scans for the dashboard, a smoke run of a few minutes.
# The machine is shared? Run the full benchmark once: the scale part took 26 minutes on 2 cores at load
# average 5-7 (each size waits 4 minutes for the JIT before it measures quick checks; registering 10,000
# endpoints alone took 3 minutes), the dashboard part with its retention phase about 11 more at load average 8.
set -euo pipefail
cd "$(dirname "$0")/.."

# A JDK 21 or newer, found as .ci/run finds it.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1; }
pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(pick_jdk) || { echo "No JDK 21+ found under /usr/lib/jvm; install one (e.g. Temurin 21 or 25)." >&2; exit 1; }
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

quick=false
parts=(scale dashboard)
props=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --scale-only) parts=(scale) ;;
    --dashboard-only) parts=(dashboard) ;;
    -D*) props+=("$arg") ;;
    *) echo "Unknown argument: $arg" >&2; exit 2 ;;
  esac
done

# MVN_FLAGS=-o for an offline build once the dependencies are in ~/.m2.
./mvnw -B -ntp -q ${MVN_FLAGS:-} package -DskipTests
cp_file=target/bench-classpath.txt
./mvnw -B -ntp -q ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.outputFile="$cp_file"
jar=$(ls target/tlswatch-*.jar | grep -v original | head -n 1)
classpath="target/test-classes:target/classes:$(cat "$cp_file")"

echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME")), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for part in "${parts[@]}"; do
  case "$part" in
    scale)
      "$JAVA_HOME/bin/java" -Dbench.quick="$quick" -Dbench.jar="$jar" "${props[@]}" -cp "$classpath" \
        dev.tlswatch.bench.FleetScaleBenchmark ;;
    dashboard)
      extra=()
      if $quick; then extra=(-Dbench.endpoints=1000 -Dbench.scansPerEndpoint=20 -Dbench.runs=10 -Dbench.retentionRounds=30); fi
      "$JAVA_HOME/bin/java" "${extra[@]}" "${props[@]}" -cp "$classpath" dev.tlswatch.bench.FleetBenchmark ;;
  esac
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
