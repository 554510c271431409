#!/usr/bin/env bash
# Before and after, in one interleaved run: bench/compare.sh REV [county|province]
#
# Builds the server of commit REV (in a temporary worktree) and of the working tree, starts both on
# 127.0.0.1 over the same generated data set (each with its own embedded PostgreSQL under
# bench/results/), warms both until they are steady (bench/common.sh's warm_up), then loads each
# operation of bench/operations with wrk in rounds that alternate between the two, and prints the
# median requests/s and p99 of each and their ratio. Alternating rounds share the machine's noise between the two, so the ratio means more
# than either figure.
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:?usage: bench/compare.sh REV [county|province]}
SET=${2:-county}
COUNTIES=$([ "$SET" = province ] && echo 167 || echo 1)
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10}
source bench/common.sh
load_tools

build
AFTER_JAR=$RESULTS/after.jar; cp "$JAR" "$AFTER_JAR"
BEFORE_TREE=$(mktemp -d)
git worktree add -q --detach "$BEFORE_TREE" "$REV"
(cd "$BEFORE_TREE" && ./mvnw -q -B -DskipTests package)
BEFORE_JAR=$RESULTS/before.jar; cp "$(ls "$BEFORE_TREE"/target/junheng-*.jar | grep -v -- '-plain' | head -1)" "$BEFORE_JAR"
git worktree remove --force "$BEFORE_TREE"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
declare -A PORTS=([before]=18091 [after]=18092)
declare -A PGPORTS=([before]=15441 [after]=15442)
for side in before after; do
  JAR=$RESULTS/$side.jar PORT=${PORTS[$side]} PGPORT=${PGPORTS[$side]}
  start_server "$SET-$side" "$COUNTIES"
  pids+=("$SERVER_PID"); trap cleanup EXIT
done
declare -A ROTATIONS=()
for side in before after; do
  PORT=${PORTS[$side]}
  for op in "${OPERATIONS[@]}"; do
    if post "bench/operations/$op.json" | grep -q '"errors"'; then echo "$side: $op answered with errors" >&2; exit 1; fi
  done
  warm_up "$side" hit "${OPERATIONS[@]}"
  ROTATIONS[$side]=$WARMED
done
report=$RESULTS/compare-$SET.md
{
  echo "# $REV (before) against the working tree (after), $SET data set"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; wrk 1 thread, $CONNECTIONS connections; $ROUNDS alternating rounds of ${DURATION}s; warmed until steady (${WARMUP}s an operation, before ${ROTATIONS[before]} rotations, after ${ROTATIONS[after]}); JVM: $JVM_OPTS"
  echo
  echo "| operation | before req/s | after req/s | after / before | before p99 ms | after p99 ms |"
  echo "|---|---|---|---|---|---|"
} > "$report"
for op in "${OPERATIONS[@]}"; do
  declare -A RPS=() P99=()
  for round in $(seq 1 "$ROUNDS"); do
    for side in before after; do
      out=$RESULTS/wrk-compare-$side-$op-$round.txt
      PORT=${PORTS[$side]} hit "$op" "$DURATION" --latency > "$out"
      RPS[$side]+="$(wrk_rps "$out") "
      P99[$side]+="$(wrk_p99_ms "$out") "
    done
  done
  b=$(echo ${RPS[before]} | tr ' ' '\n' | median); a=$(echo ${RPS[after]} | tr ' ' '\n' | median)
  bp=$(echo ${P99[before]} | tr ' ' '\n' | median); ap=$(echo ${P99[after]} | tr ' ' '\n' | median)
  echo "| $op | $b | $a | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}') | $bp | $ap |" >> "$report"
  unset RPS P99
done
cat "$report"
