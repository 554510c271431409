#!/usr/bin/env bash
# Live fan-out benchmark: bench/fanout.sh [subscribers] [events] [events-per-second]
# (BENCH_WARMUP_EVENTS events, 10 by default, go first and are reported apart: the server's JIT warming up)
#
# Starts the packaged server (demo county) on 127.0.0.1, opens N WebSocket subscribers to the
# demo plan's milestoneUpdates (bench/fanout.mjs, Node), measures the server's live heap per idle
# subscriber (full GC before and after, jcmd), then changes a milestone at a steady rate straight
# in PostgreSQL and reports commit-to-delivery latency p50/p99/max and events delivered per second.
set -euo pipefail
cd "$(dirname "$0")/.."

SUBSCRIBERS=${1:-10000}
EVENTS=${2:-50}
RATE=${3:-5}
WARMUP_EVENTS=${BENCH_WARMUP_EVENTS:-10}
source bench/common.sh
# Room for 10,000 subscribers; the per-subscriber figure is measured, not assumed.
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx1g -XX:+UseSerialGC -Xss512k}
need psql postgresql-client
need curl curl
need node nodejs
[ -d bench/node_modules/ws ] || npm install --silent --no-save --prefix bench ws@8 >/dev/null
ulimit -n "$(ulimit -Hn)"
# BENCH_JAR runs that jar (another commit's, to compare) instead of building this tree.
[ "$(ulimit -n)" -gt $((SUBSCRIBERS + 1000)) ] || { echo "open-file limit $(ulimit -n) is too low for $SUBSCRIBERS subscribers" >&2; exit 1; }
if [ -n "${BENCH_JAR:-}" ]; then JAR=$BENCH_JAR; else build; fi

start_server county 1
# An overdue milestone of the demo plan: changing its progress is one PROGRESS_CHANGED event each
# time, and the overdue sweep leaves it alone.
MILESTONE=$(sql "select min(id) from milestone where status = 'OVERDUE'")
sql "update milestone set progress = 0 where id = $MILESTONE" >/dev/null
PLAN=$(printf 'Plan:%s' "$(sql "select plan_id from milestone where id = $MILESTONE")" | base64 | tr '+/' '-_' | tr -d '=')
# The live heap after a full GC; the class histogram is kept, to say what an idle subscriber holds.
live_heap() { jcmd "$SERVER_PID" GC.class_histogram > "$RESULTS/fanout-histogram-$1.txt"; awk '/^Total/ { print $3 }' "$RESULTS/fanout-histogram-$1.txt"; }
sleep 5
BEFORE=$(live_heap before)

OUT="$RESULTS/fanout-client.log"
node bench/fanout.mjs "ws://127.0.0.1:$PORT/graphql" "$PLAN" "$SUBSCRIBERS" "$EVENTS" $(((EVENTS + WARMUP_EVENTS) / RATE + 60)) "$WARMUP_EVENTS" > "$OUT" &
CLIENT=$!
until grep -q '^ready' "$OUT"; do kill -0 $CLIENT || { cat "$OUT"; exit 1; }; sleep 1; done
sleep 10 # every subscription replayed and idle
AFTER=$(live_heap idle)
RSS=$(ps -o rss= -p "$SERVER_PID")

# BENCH_PROFILE=1 records the server's CPU samples while the events go out.
[ -n "${BENCH_PROFILE:-}" ] && jcmd "$SERVER_PID" JFR.start name=fanout settings=profile > /dev/null
SERVER_CPU=$(cpu_seconds "$SERVER_PID"); STARTED=$(date +%s.%N)
# One psql session takes the changes at the steady rate (a psql started per change cost the
# machine a tenth of its CPU).
exec 3> >(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -q > /dev/null)
for i in $(seq 1 $((WARMUP_EVENTS + EVENTS))); do
  echo "update milestone set progress = $((i % 100 + 1)) where id = $MILESTONE;" >&3
  sleep "$(awk "BEGIN { print 1 / $RATE }")"
  if [ "$i" = "$WARMUP_EVENTS" ]; then SERVER_CPU=$(cpu_seconds "$SERVER_PID"); STARTED=$(date +%s.%N); fi
done
exec 3>&-
wait $CLIENT
SERVER_CPU=$(awk -v a="$SERVER_CPU" -v b="$(cpu_seconds "$SERVER_PID")" 'BEGIN { print b - a }')
ELAPSED=$(awk -v a="$STARTED" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
[ -n "${BENCH_PROFILE:-}" ] && jcmd "$SERVER_PID" JFR.dump name=fanout filename="$RESULTS/fanout.jfr" > /dev/null
stop_server

SUMMARY=$(grep '^{' "$OUT")
PER=$(( (AFTER - BEFORE) / SUBSCRIBERS ))
REPORT="$RESULTS/fanout.md"
{
  echo "# Fan-out: $SUBSCRIBERS WebSocket subscribers, $EVENTS events at $RATE/s"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, client and server on the same machine; JVM: $JVM_OPTS"
  echo
  echo "- client: $SUMMARY"
  echo "- live heap after full GC: $BEFORE bytes before, $AFTER bytes with the subscribers idle: $PER bytes per subscriber"
  echo "- server RSS with the subscribers idle: $((RSS / 1024)) MB"
  echo "- server CPU from the first event after the warm-up to the last delivery (${ELAPSED%.*} s): $SERVER_CPU s (the client's is clientCpuSeconds above)"
  echo "- what an idle subscriber holds (classes that grew most, bytes per subscriber):"
  awk -v n="$SUBSCRIBERS" 'FNR == NR && $1 ~ /:$/ { before[$4] = $3; next } $1 ~ /:$/ { grow = $3 - before[$4];
      if (grow > 0) printf "%d %s\n", grow / n, $4 }' "$RESULTS/fanout-histogram-before.txt" "$RESULTS/fanout-histogram-idle.txt" \
    | sort -rn | awk 'NR <= 15 { printf "  - %s: %d\n", $2, $1 }'
} > "$REPORT"
[ -n "${BENCH_PROFILE:-}" ] && top_frames "$RESULTS/fanout.jfr" "$RESULTS/fanout-profile.txt" >> "$REPORT"
cat "$REPORT"
