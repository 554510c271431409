#!/usr/bin/env bash
# The deployment topology without Docker: bench/balancer.sh
#
# One PostgreSQL (Debian's, a throwaway cluster in a temp directory), two instances of the packaged
# jar on it, HAProxy (Debian's) in front, everything on 127.0.0.1 on free ports. Through the
# balancer: queries (both instances must answer), a graphql-transport-ws subscription to
# milestoneUpdates, and milestone writes (updateMilestone, version read first) before, during and
# after a kill -9 of the instance the socket is connected to; the client reconnects through the
# balancer and resumes with `after: <last cursor>`. PASS when the cursors received are exactly the
# cursors in milestone_event for that window (nothing lost, no duplicate, in order).
#
# Bounded: every wait has a limit and the whole run is stopped after BALANCER_TIME_LIMIT seconds
# (default 300; long commands have their own timeouts); everything it started is stopped and its temp directory removed on exit.
# BALANCER_MAVEN_ARGS="-P container" checks the container jar (no embedded PostgreSQL) instead, and
# BALANCER_LAYERED=1 runs it as docker/Dockerfile does (extracted layers, Boot's launcher).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

WRITES=${BALANCER_WRITES:-30}
INTERVAL_MS=${BALANCER_INTERVAL_MS:-250}
LIMIT=${BALANCER_TIME_LIMIT:-300}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k}
STARTED=$(date +%s)
say() { printf '[%3ds] %s\n' $(( $(date +%s) - STARTED )) "$*"; }
fail() { say "FAIL: $*"; exit 1; }

# --- tools ------------------------------------------------------------------------------------
need curl curl
need node nodejs
need haproxy haproxy
need psql postgresql-client
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/postgres" ]; then
  [ "$(id -u)" = 0 ] || { echo "bench/balancer.sh needs Debian's postgresql (apt-get install postgresql)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
[ -d bench/node_modules/ws ] || npm install --silent --no-save --prefix bench ws@8 >/dev/null

# --- clean-up and the time limit --------------------------------------------------------------
WORK=$(mktemp -d /tmp/junheng-balancer.XXXXXX)
chmod 755 "$WORK"
PIDS=()
SHELLS=()
PG_STARTED=
AS=()
[ "$(id -u)" = 0 ] && AS=(runuser -u postgres --) # PostgreSQL refuses to run as root
cleanup() {
  set +e
  [ -n "${WATCHDOG:-}" ] && kill "$WATCHDOG" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; done
  for pid in "${SHELLS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$PG_STARTED" ] && "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$RESULTS/balancer" && cp "$WORK"/*.log "$WORK"/pglog/*.log "$WORK"/*.cfg "$WORK"/*.json "$RESULTS/balancer/" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'say "FAIL: time limit of ${LIMIT}s reached"; exit 1' USR1
( sleep "$LIMIT"; kill -USR1 $$ ) 2>/dev/null &
WATCHDOG=$!

free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
PGPORT=$(free_port); PORT_A=$(free_port); PORT_B=$(free_port); PORT_LB=$(free_port)
MGMT_A=$(free_port); MGMT_B=$(free_port)
while [ "$(printf '%s\n' $PGPORT $PORT_A $PORT_B $PORT_LB $MGMT_A $MGMT_B | sort -u | wc -l)" -lt 6 ]; do PORT_LB=$(free_port); MGMT_B=$(free_port); done

# --- build ------------------------------------------------------------------------------------
say "building the jar (./mvnw -q -B -DskipTests ${BALANCER_MAVEN_ARGS:-} package)"
rm -f target/junheng-*.jar # a jar of the other profile would be kept as it is
timeout 400 ./mvnw -q -B -DskipTests ${BALANCER_MAVEN_ARGS:-} package
JAR=$(ls target/junheng-*.jar | grep -v -- '-plain' | head -1)
say "jar $JAR ($(( $(stat -c %s "$JAR") / 1048576 )) MB, $(unzip -l "$JAR" | grep -c 'embedded-postgres' || true) embedded-postgres entries)"

if [ -n "${BALANCER_LAYERED:-}" ]; then
  # as docker/Dockerfile runs it: the jar's layers extracted into one directory, Boot's launcher
  java -Djarmode=tools -jar "$JAR" extract --layers --launcher --destination "$WORK/layers" >/dev/null
  mkdir "$WORK/app"
  for layer in dependencies spring-boot-loader snapshot-dependencies application; do cp -a "$WORK/layers/$layer/." "$WORK/app/"; done
  LAUNCH="cd $WORK/app && exec java $JVM_OPTS -XX:+ExitOnOutOfMemoryError org.springframework.boot.loader.launch.JarLauncher"
  say "running the extracted layers with org.springframework.boot.loader.launch.JarLauncher, as the image does"
else
  LAUNCH="exec java $JVM_OPTS -jar $JAR"
fi

# --- PostgreSQL -------------------------------------------------------------------------------
mkdir "$WORK/pg" "$WORK/sock" "$WORK/pglog"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/sock" "$WORK/pglog"
"${AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --no-locale >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log"; fail "initdb"; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/postgres.log" -w -t 30 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $WORK/sock -c max_connections=100" start >/dev/null
PG_STARTED=1
PGVERSION=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc 'show server_version')
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'create database junheng' >/dev/null
say "PostgreSQL $PGVERSION ($PGBIN) on 127.0.0.1:$PGPORT"
dbsql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d junheng -tAq -c "$1"; }

# --- two instances ----------------------------------------------------------------------------
# Both are asked for the demo data and started together, as `docker compose up --scale junheng=2`
# starts its replicas: one migrates and loads it, the other waits and finds it there.
start_instance() { # NAME PORT MANAGEMENT_PORT DEMO
  SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$PGPORT/junheng" SPRING_R2DBC_USERNAME=postgres \
  SPRING_FLYWAY_URL="jdbc:postgresql://127.0.0.1:$PGPORT/junheng" SPRING_FLYWAY_USER=postgres \
  JUNHENG_SECURITY_JWT_SECRET="$BENCH_SECRET" JUNHENG_DEMO_DATA="$4" \
  SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$2" MANAGEMENT_SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_PORT="$3" \
    bash -c '( '"$LAUNCH"' ) >"$1" 2>&1 & echo $! >"$2"; wait $!' - "$WORK/junheng-$1.log" "$WORK/$1.pid" \
    2>/dev/null & # the inner shell, not this one, notes the kill -9
  SHELLS+=($!)
  for _ in $(seq 1 50); do [ -s "$WORK/$1.pid" ] && break; sleep 0.1; done
  PIDS+=("$(cat "$WORK/$1.pid")")
  eval "PID_$1=$(cat "$WORK/$1.pid")"
}
start_instance a "$PORT_A" "$MGMT_A" true
start_instance b "$PORT_B" "$MGMT_B" true
for name in a b; do
  port=$([ $name = a ] && echo "$PORT_A" || echo "$PORT_B"); pid=$(eval echo "\$PID_$name")
  for i in $(seq 1 120); do
    curl -s -o /dev/null -m 2 "http://127.0.0.1:$port/graphql/schema" && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$WORK/junheng-$name.log"; fail "instance $name died at start"; }
    [ "$i" = 120 ] && fail "instance $name did not answer within 120 s"
    sleep 1
  done
  say "instance $name (pid $pid) answers on 127.0.0.1:$port"
done

LOADS=$(cat "$WORK"/junheng-[ab].log | grep -c 'Loaded demo data' || true)
SCHOOLS=$(dbsql "select count(*) from school")
say "demo data loaded $LOADS time(s): $SCHOOLS schools, $(dbsql "select count(*) from milestone") milestones"
[ "$LOADS" = 1 ] && [ "$SCHOOLS" = 120 ] || fail "the demo data should be loaded once (120 schools)"

# --- HAProxy ----------------------------------------------------------------------------------
# Health: the readiness probe on the management port when the jar has one, else a TCP check.
if curl -sf -o /dev/null -m 2 "http://127.0.0.1:$MGMT_A/actuator/health/readiness"; then
  CHECK="option httpchk GET /actuator/health/readiness"; PORT_CHECK_A="port $MGMT_A"; PORT_CHECK_B="port $MGMT_B"
  say "health check: GET /actuator/health/readiness on the management ports"
else
  CHECK="# no actuator in this jar: TCP checks"; PORT_CHECK_A=; PORT_CHECK_B=
  say "health check: TCP (this jar has no /actuator/health/readiness)"
fi
cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # an upgraded WebSocket and a Server-Sent Events stream stay open for as long as this
  timeout tunnel 1h
  retries 3
  option redispatch 1
frontend junheng
  bind 127.0.0.1:$PORT_LB
  default_backend junheng
backend junheng
  balance roundrobin
  $CHECK
  # which instance answered (also on the WebSocket's 101 response)
  http-response set-header X-Junheng-Backend %s
  default-server inter 1s fall 2 rise 2
  server a 127.0.0.1:$PORT_A check $PORT_CHECK_A
  server b 127.0.0.1:$PORT_B check $PORT_CHECK_B
EOF
haproxy -c -q -f "$WORK/haproxy.cfg" || fail "haproxy configuration"
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 20); do curl -s -o /dev/null -m 2 "http://127.0.0.1:$PORT_LB/graphql/schema" && break; sleep 0.5; done
sleep 2 # both servers checked up
say "HAProxy $(haproxy -v | awk 'NR==1 { print $3 }') round robin on 127.0.0.1:$PORT_LB"

# --- the scenario -----------------------------------------------------------------------------
MILESTONE=$(dbsql "select coalesce(min(id) filter (where status = 'OVERDUE'), min(id)) from milestone")
MILESTONE_ID=$(printf 'Milestone:%s' "$MILESTONE" | base64 | tr '+/' '-_' | tr -d '=')
say "driving: 20 queries, a subscription, $WRITES writes of milestone $MILESTONE every ${INTERVAL_MS} ms, kill -9 after $((WRITES / 3))"
timeout 120 node bench/balancer.mjs "http://127.0.0.1:$PORT_LB" "$MILESTONE_ID" "{\"a\":$PID_a,\"b\":$PID_b}" "$WRITES" "$INTERVAL_MS" \
  2> >(sed 's/^/        client /') >"$WORK/client.json" || true
sleep 0.2
SUMMARY=$(cat "$WORK/client.json")
j() { node -e 'const s = JSON.parse(process.argv[1]); const v = new Function("s", "with (s) { return (" + process.argv[2] + ") }")(s);
  console.log(typeof v === "object" ? JSON.stringify(v) : v)' "$SUMMARY" "$1"; }
START=$(j start); END=$(j end)
RECEIVED=$(j 'received.join(" ")')
EXPECTED=$(dbsql "select coalesce(string_agg(id::text, ' ' order by id), '') from milestone_event where id > $START and id <= $END")
WRITE_EVENTS=$(dbsql "select count(*) from milestone_event where id > $START and id <= $END and milestone_id = $MILESTONE and kind = 'PROGRESS_CHANGED'")
KILLED=$(j killed.backend)
# events committed while the client had no socket: from the kill to the resubscription
DOWN=$(dbsql "select count(*) from milestone_event where id > $START and id <= $END
  and occurred_at >= '$(j killed.at)' and occurred_at < '$(j 'sockets[sockets.length - 1].at')'")
SOCKETS=$(j 'sockets.map(s => s.backend + " after " + s.after).join(", ")')

echo
echo "queries by backend:     $(j queriesByBackend)"
echo "writes by backend:      $(j writesByBackend) ($(j writesAcknowledged) acknowledged, $(j writeRetries) retried, $WRITE_EVENTS PROGRESS_CHANGED events in the table)"
echo "sockets:                $SOCKETS"
echo "killed:                 instance $KILLED (pid $(j killed.pid)) at cursor $(j killed.lastCursorBefore)"
echo "while disconnected:     $DOWN events committed between the kill and the resubscription"
echo "window:                 cursors after $START up to $END"
echo "events in the table:    $(wc -w <<<"$EXPECTED")"
echo "events received:        $(wc -w <<<"$RECEIVED") (duplicates $(j duplicates), out of order $(j outOfOrder))"
echo "client errors:          $(j errors)"
echo

PROBLEMS=()
[ "$(j 'Object.keys(queriesByBackend).filter(k => k === "a" || k === "b").length')" = 2 ] || PROBLEMS+=("queries did not reach both instances")
[ "$(j 'sockets.length')" -ge 2 ] || PROBLEMS+=("the client did not reconnect")
[ "$(j 'sockets.length >= 2 && sockets[sockets.length - 1].backend !== killed.backend')" = true ] || PROBLEMS+=("the new socket is not on the surviving instance")
[ "$(j 'sockets.length >= 2 && Number(sockets[1].after) >= Number(killed.lastCursorBefore)')" = true ] || PROBLEMS+=("the client did not resume after its last cursor")
[ "$(j writesAcknowledged)" = "$WRITES" ] || PROBLEMS+=("only $(j writesAcknowledged) of $WRITES writes acknowledged")
[ "$WRITE_EVENTS" -ge "$WRITES" ] || PROBLEMS+=("fewer write events than acknowledged writes")
[ -n "$EXPECTED" ] || PROBLEMS+=("no events in the window")
[ "$RECEIVED" = "$EXPECTED" ] || PROBLEMS+=("cursors received differ from the table: received [$RECEIVED], table [$EXPECTED]")
if [ ${#PROBLEMS[@]} = 0 ]; then
  say "PASS: $(wc -w <<<"$RECEIVED") events, cursors $((START + 1))..$END, received exactly as in milestone_event across a kill -9 of instance $KILLED"
else
  for p in "${PROBLEMS[@]}"; do say "problem: $p"; done
  KEEP_LOGS=1
  fail "${#PROBLEMS[@]} problem(s); logs in $RESULTS/balancer/"
fi
