#!/usr/bin/env bash
# Compares EngineBenchmark (signals only by default) of a base revision with the working tree's:
# builds the benchmarks jar of BASE_REV in a temporary git worktree and of the working tree, then
# runs the same JMH benchmark alternately (base, head, base, head, ...) in short forks, so that
# both see the same machine load, and prints every round, the means and the ratio head / base.
#
# Usage: benchmarks/compare-engine.sh BASE_REV [ROUNDS] [CONTEXT] [EVENTS]
#   ROUNDS  alternations (default 3); each run is one fork of 3 x 1 s warm-up, 5 x 1 s measurement
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
run() { # $1 = jar; prints "score best-iteration" in ns per 5m bar
  (cd "$root" && "$java" -jar "$1" 'EngineBenchmark.engine$' -p context="$context" \
    -p events="$events" -f 1 -wi 3 -w 1 -i 5 -r 1 >"$work/run.log" 2>&1) ||
    { cat "$work/run.log" >&2; exit 1; }
  # Measurement iterations read "Iteration   N: 41.234 ns/op" (warm-up ones start with "#").
  awk '/^Iteration/ { v = $3 + 0; s += v; n++; if (m == "" || v < m) m = v }
    END { if (n == 0) exit 1; printf "%.2f %.2f\n", s / n, m }' "$work/run.log"
}

: >"$work/base.txt"
: >"$work/head.txt"
for ((r = 1; r <= rounds; r++)); do
  b=$(run "$work/base.jar")
  h=$(run "$work/head.jar")
  echo "$b" >>"$work/base.txt"
  echo "$h" >>"$work/head.txt"
  printf 'round %d: base %s, head %s (ns/bar: fork mean, best 1 s iteration)\n' "$r" "$b" "$h"
done

# Under a shared machine's load the best iteration is the figure nearest to an idle core; the
# medians of the fork means are given too.
summary() { # $1 = file; prints "median-of-means best-iteration"
  sort -n -k1,1 "$1" | awk '{ m[NR] = $1; if (b == "" || $2 < b) b = $2 }
    END { med = NR % 2 ? m[(NR + 1) / 2] : (m[NR / 2] + m[NR / 2 + 1]) / 2; print med, b }'
}
read -r base_med base_best < <(summary "$work/base.txt")
read -r head_med head_best < <(summary "$work/head.txt")
echo "EngineBenchmark context=$context events=$events, $rounds rounds"
echo "base: median of fork means $base_med ns/bar, best iteration $base_best"
echo "head: median of fork means $head_med ns/bar, best iteration $head_best"
awk -v bm="$base_med" -v hm="$head_med" -v bb="$base_best" -v hb="$head_best" \
  'BEGIN { printf "head / base: %.3f (medians), %.3f (best iterations)\n", hm / bm, hb / bb }'
