#!/usr/bin/env bash
# Compares EngineBenchmark (signals only by default) of a base revision with the working tree's:
# builds the benchmarks jar of BASE_REV in a temporary git worktree and of the working tree, then
# runs the same JMH benchmark alternately (base, head, base, head, ...) in short forks, so that
# both see the same machine load, and prints every round, the best, 10th-percentile and median
# iteration of each side and the ratios head / base.
#
# Usage: benchmarks/compare-engine.sh BASE_REV [ROUNDS] [CONTEXT] [EVENTS]
#   ROUNDS  alternations (default 3); each run is one fork of 5 x 0.5 s warm-up and 20 x 0.2 s
#           measurement iterations
#   CONTEXT DERIVED (default), SUPPLIED or FIVE_MINUTE_ONLY; EVENTS SIGNALS (default) or ALL
# Run it from anywhere inside the repository; the candle data is found as for any benchmark run
# from the repository root (../shared/data, or -Dsmc4j.shared.dir through JAVA_TOOL_OPTIONS).
set -euo pipefail

base_rev=${1:?usage: compare-engine.sh BASE_REV [ROUNDS] [CONTEXT] [EVENTS]}
rounds=${2:-3}
context=${3:-DERIVED}
events=${4:-SIGNALS}

root=$(git rev-parse --show-toplevel)
base_sha=$(git -C "$root" rev-parse --verify "$base_rev^{commit}")
head_sha=$(git -C "$root" rev-parse HEAD)
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

build() { # $1 = source tree, $2 = jar copy
  (cd "$1" && ./mvn21 -B -q -o package -pl benchmarks -am -DskipTests -Dspotless.check.skip=true \
    -Dmaven.javadoc.skip=true >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
  cp "$1/benchmarks/target/benchmarks.jar" "$2"
}

echo "base ${base_sha:0:7} ($base_rev), head ${head_sha:0:7} (working tree)"
git -C "$root" worktree add --detach "$work/base" "$base_sha" >/dev/null 2>&1
build "$work/base" "$work/base.jar"
build "$root" "$work/head.jar"

java=$("$root/scripts/find-jdk.sh")/bin/java
run() { # $1 = jar, $2 = file that collects the measurement iterations (ns per 5m bar)
  (cd "$root" && "$java" -jar "$1" 'EngineBenchmark.engine$' -p context="$context" \
    -p events="$events" -f 1 -wi 5 -w 500ms -i 20 -r 200ms >"$work/run.log" 2>&1) ||
    { cat "$work/run.log" >&2; exit 1; }
  # Measurement iterations read "Iteration   N: 41.234 ns/op" (warm-up ones start with "#").
  awk '/^Iteration/ { print $3 + 0 }' "$work/run.log" | tee -a "$2" |
    sort -n | awk '{ v[NR] = $1 } END { printf "median %.2f, best %.2f", v[int((NR + 1) / 2)], v[1] }'
}

: >"$work/base.txt"
: >"$work/head.txt"
for ((r = 1; r <= rounds; r++)); do
  printf 'round %d: base %s' "$r" "$(run "$work/base.jar" "$work/base.txt")"
  printf '; head %s (ns/bar over 20 iterations of 200 ms)\n' "$(run "$work/head.jar" "$work/head.txt")"
done

# On a shared machine the low end of the distribution is the figure nearest to an idle core: the
# best iteration and the 10th percentile of all iterations of a side are given with the median.
summary() { # $1 = file of iterations; prints "best p10 median"
  sort -n "$1" | awk '{ v[NR] = $1 }
    END { print v[1], v[int((NR + 9) / 10)], v[int((NR + 1) / 2)] }'
}
read -r base_best base_p10 base_med < <(summary "$work/base.txt")
read -r head_best head_p10 head_med < <(summary "$work/head.txt")
echo "EngineBenchmark context=$context events=$events, $rounds rounds, ns per 5m bar:"
echo "base: best $base_best, 10th percentile $base_p10, median $base_med"
echo "head: best $head_best, 10th percentile $head_p10, median $head_med"
awk -v b1="$base_best" -v b2="$base_p10" -v b3="$base_med" \
  -v h1="$head_best" -v h2="$head_p10" -v h3="$head_med" 'BEGIN {
    printf "head / base: %.3f (best), %.3f (10th percentile), %.3f (median)\n",
      h1 / b1, h2 / b2, h3 / b3 }'
