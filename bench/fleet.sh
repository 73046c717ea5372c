#!/usr/bin/env bash
# Benchmark of the dashboard's fleet queries with 10,000 endpoints and 1,000,000 scans in a
# throw-away embedded PostgreSQL. Usage: bench/fleet.sh [-Dbench.endpoints=10000
# -Dbench.scansPerEndpoint=100 -Dbench.runs=15 -Dbench.warmup=5]
set -euo pipefail
cd "$(dirname "$0")/.."

: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME

./mvnw -B -ntp -q test-compile
cp_file=target/bench-classpath.txt
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$cp_file"

exec "$JAVA_HOME/bin/java" "$@" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
	dev.tlswatch.bench.FleetBenchmark
