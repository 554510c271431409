#!/usr/bin/env bash
# Junheng's HTTP benchmark: bench/run.sh [county|province|all]
#
# For each data set it starts the packaged server on 127.0.0.1 with its own embedded PostgreSQL
# (data kept under bench/results/data-<set>, generated on first use: the province set takes a
# few minutes once), checks that each operation answers without errors, counts the SQL
# statements one request sends (pg_stat_statements), then loads it with wrk for a bounded time
# and reports throughput, p50/p99 latency and the server's resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."

SETS=${1:-all}
DURATION=${BENCH_DURATION:-20}
source bench/common.sh
load_tools
build

run_set() {
  local name=$1 counties=$2 report="$RESULTS/$1.md"
  echo "== $name data set ($counties counties)"
  start_server "$name" "$counties"
  local pid=$SERVER_PID
  sql "create extension if not exists pg_stat_statements" >/dev/null
  local schools teachers
  schools=$(sql "select count(*) from school"); teachers=$(sql "select count(*) from teacher")
  {
    echo "# $name data set: $schools schools, $teachers teachers"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; wrk 1 thread, $CONNECTIONS connections, ${DURATION}s each after warming every operation until steady (${WARMUP}s each, in rotations); JVM: $JVM_OPTS"
    echo
    echo "| operation | requests/s | p50 ms | p99 ms | SQL statements per request |"
    echo "|---|---|---|---|---|"
  } > "$report"
  # Warm the JIT on every operation before measuring any of them.
  warm_up "$name" hit "${OPERATIONS[@]}"
  for op in "${OPERATIONS[@]}"; do
    local body="bench/operations/$op.json"
    if post "$body" | grep -q '"errors"'; then echo "$op answered with errors:" >&2; post "$body" >&2; exit 1; fi
    sql "select pg_stat_statements_reset()" >/dev/null
    for _ in $(seq 1 50); do post "$body" > /dev/null; done
    local statements
    statements=$(sql "select round(coalesce(sum(calls), 0) / 50.0, 2) from pg_stat_statements where query !~* 'pg_stat_statements|^(begin|commit)'")
    hit "$op" "$DURATION" --latency > "$RESULTS/wrk-$name-$op.txt"
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' "$RESULTS/wrk-$name-$op.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$RESULTS/wrk-$name-$op.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$RESULTS/wrk-$name-$op.txt")
    echo "| $op | $rps | $p50 | $p99 | $statements |" >> "$report"
  done
  local rss hwm
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
  { echo; echo "Server (JVM) resident memory after the load: ${rss} MB (peak ${hwm} MB); PostgreSQL runs as its own processes."; } >> "$report"
  stop_server
  cat "$report"
}

case "$SETS" in
  county) run_set county 1 ;;
  province) run_set province 167 ;;
  all) run_set county 1; run_set province 167 ;;
  *) echo "usage: bench/run.sh [county|province|all]" >&2; exit 2 ;;
esac
