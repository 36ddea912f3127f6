#!/usr/bin/env bash
# Runs an example with a JDK >= 21 (found by scripts/find-jdk.sh; a plain `java` may be older),
# building examples.jar first when it is missing or older than a source or POM.
# Usage: examples/run.sh [ta4j] [example options]
#   examples/run.sh ../shared/data/binance-usdm/BTCUSDT/5m --tick-size 0.1   # plain engine
#   examples/run.sh ta4j                                                     # ta4j BarSeriesManager
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=$("$here/scripts/find-jdk.sh")
export JAVA_HOME
jar="$here/examples/target/examples.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path "$here/*/target" -prune -o -path "$here/.git" -prune -o \( -path "$here/*/src/*" -type f -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
  echo "Building examples.jar (first run or sources changed)..." >&2
  "$here/mvn21" -q -B -DskipTests -Dspotless.check.skip=true -pl examples -am package >&2
fi
if [ "${1:-}" = "ta4j" ]; then
  shift
  exec "$JAVA_HOME/bin/java" -cp "$jar" org.smc4j.examples.Ta4jStrategyExample "$@"
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
