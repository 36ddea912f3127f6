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
run() { # $1 = jar, $2 = result csv
  (cd "$root" && "$java" -jar "$1" 'EngineBenchmark.engine$' -p context="$context" \
    -p events="$events" -f 1 -wi 3 -w 1 -i 5 -r 1 -rf csv -rff "$2" >"$work/run.log" 2>&1) ||
    { cat "$work/run.log" >&2; exit 1; }
  # The score column (5th) of the single result row, quotes removed.
  awk -F, 'NR == 2 { gsub(/"/, "", $5); print $5 }' "$2"
}

base_scores=()
head_scores=()
for ((r = 1; r <= rounds; r++)); do
  b=$(run "$work/base.jar" "$work/base-$r.csv")
  h=$(run "$work/head.jar" "$work/head-$r.csv")
  base_scores+=("$b")
  head_scores+=("$h")
  printf 'round %d: base %s ns/bar, head %s ns/bar\n' "$r" "$b" "$h"
done

printf '%s\n' "${base_scores[@]}" >"$work/base.txt"
printf '%s\n' "${head_scores[@]}" >"$work/head.txt"
awk -v ctx="$context" -v ev="$events" '
  FNR == 1 { file++ }
  file == 1 { b += $1; nb++; if (minb == "" || $1 < minb) minb = $1 }
  file == 2 { h += $1; nh++; if (minh == "" || $1 < minh) minh = $1 }
  END {
    printf "EngineBenchmark context=%s events=%s, %d rounds\n", ctx, ev, nb
    printf "base: mean %.2f ns/bar, best round %.2f\n", b / nb, minb
    printf "head: mean %.2f ns/bar, best round %.2f\n", h / nh, minh
    printf "head / base: %.3f (means), %.3f (best rounds)\n", (h / nh) / (b / nb), minh / minb
  }' "$work/base.txt" "$work/head.txt"
