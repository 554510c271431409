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
WARMUP=${BENCH_WARMUP:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PG_PORT:-15432}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MaxDirectMemorySize=64m}
OPERATIONS=(school-page plan teacher-search)
RESULTS=bench/results
mkdir -p "$RESULTS"

need() {
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else
    echo "bench needs $1 (Debian package $2)" >&2; exit 1
  fi
}
need wrk wrk
need psql postgresql-client
need curl curl

./mvnw -q -B -DskipTests package
JAR=$(ls target/junheng-*.jar | grep -v -- '-plain' | head -1)

sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -tAq -c "$1"; }

post() { curl -s -X POST "http://127.0.0.1:$PORT/graphql" -H 'Content-Type: application/json' --data-binary "@$1"; }

run_set() {
  local name=$1 counties=$2 report="$RESULTS/$1.md"
  echo "== $name data set ($counties counties)"
  java $JVM_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --junheng.embedded.data-dir="$RESULTS/data-$name" --junheng.embedded.port="$PGPORT" \
    --junheng.embedded.server-config.shared_preload_libraries=pg_stat_statements \
    --junheng.demo-data=true --junheng.demo.counties="$counties" > "$RESULTS/server-$name.log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 900); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/graphiql" && break
    kill -0 $pid 2>/dev/null || { echo "server died, see $RESULTS/server-$name.log" >&2; exit 1; }
    sleep 1
  done
  sql "create extension if not exists pg_stat_statements" >/dev/null
  local schools teachers
  schools=$(sql "select count(*) from school"); teachers=$(sql "select count(*) from teacher")
  {
    echo "# $name data set: $schools schools, $teachers teachers"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; wrk 1 thread, $CONNECTIONS connections, ${DURATION}s each after ${WARMUP}s of warm-up on every operation; JVM: $JVM_OPTS"
    echo
    echo "| operation | requests/s | p50 ms | p99 ms | SQL statements per request |"
    echo "|---|---|---|---|---|"
  } > "$report"
  # Warm the JIT on every operation before measuring any of them.
  for op in "${OPERATIONS[@]}"; do
    BODY="bench/operations/$op.json" wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/graphql.lua "http://127.0.0.1:$PORT/graphql" > /dev/null
  done
  for op in "${OPERATIONS[@]}"; do
    local body="bench/operations/$op.json"
    if post "$body" | grep -q '"errors"'; then echo "$op answered with errors:" >&2; post "$body" >&2; exit 1; fi
    sql "select pg_stat_statements_reset()" >/dev/null
    for _ in $(seq 1 50); do post "$body" > /dev/null; done
    local statements
    statements=$(sql "select round(coalesce(sum(calls), 0) / 50.0, 2) from pg_stat_statements where query !~* 'pg_stat_statements|^(begin|commit)'")
    BODY="$body" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/graphql.lua "http://127.0.0.1:$PORT/graphql" > "$RESULTS/wrk-$name-$op.txt"
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
  kill $pid; wait $pid 2>/dev/null || true
  trap - EXIT
  cat "$report"
}

case "$SETS" in
  county) run_set county 1 ;;
  province) run_set province 167 ;;
  all) run_set county 1; run_set province 167 ;;
  *) echo "usage: bench/run.sh [county|province|all]" >&2; exit 2 ;;
esac
