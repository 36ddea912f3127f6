#!/usr/bin/env bash
# Runs the sweep benchmarks of issue 12 (see benchmarks/README.md), from anywhere in the repository:
#
#   benchmarks/sweep-bench.sh local [SweepComparison options]
#       builds the benchmarks jar and runs org.smc4j.benchmarks.sweep.SweepComparison: the sweep's
#       LocalSweepRunner on 1 and 2 threads, the same backtests one by one through the engine, and
#       ta4j's BacktestExecutor on the same grid, round by round in one JVM. Options (defaults):
#       --symbols 4 --months 6 --combos 200 --rounds 3 --warmup 1 --variants anchor,sweep1,sweep2,ta4j
#
#   benchmarks/sweep-bench.sh spark [SparkSweepComparison options]
#       builds with the spark-bench profile (Spark 4.2 joins the benchmarks module for this run only)
#       and runs org.smc4j.benchmarks.spark.SparkSweepComparison: the local runner against Spark
#       local[N] on one sweep, alternately in one JVM. Options (defaults):
#       --symbols 4 --months 6 --combos 1200 --threads 2 --rounds 2 --warmup 1
#
# The candle data is found as for any benchmark run from the repository root (../shared/data).
# Every line printed by the harness carries the machine's load average: record it with the figures.
set -euo pipefail

mode=${1:?usage: sweep-bench.sh local|spark [options]}
shift
root=$(git rev-parse --show-toplevel)
cd "$root"
echo "$(date -u +%FT%TZ) $(uptime)"
case "$mode" in
  local)
    ./mvn21 -B -q -o package -pl benchmarks -am -DskipTests -Dspotless.check.skip=true
    java=$("$root/scripts/find-jdk.sh")/bin/java
    "$java" -cp benchmarks/target/benchmarks.jar org.smc4j.benchmarks.sweep.SweepComparison "$@"
    ;;
  spark)
    # The exec plugin runs the harness with the JDK that runs Maven (mvn21 picks a JDK >= 21).
    ./mvn21 -B package -pl benchmarks -am -Pspark-bench -DskipTests -Dspotless.check.skip=true \
      -Dspark.bench.args="${*:---combos 1200 --rounds 2}"
    ;;
  *)
    echo "unknown mode $mode (local or spark)" >&2
    exit 2
    ;;
esac
echo "$(date -u +%FT%TZ) $(uptime)"
