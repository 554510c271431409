#!/usr/bin/env bash
# Rows, table and index sizes of a generated data set, and a replica's connections:
#   bench/sizes.sh [counties]    (167: the province set, 20,040 schools; 1: the demo county)
# A throwaway Debian PostgreSQL cluster on a free loopback port, one packaged instance that loads
# the set, then the figures; everything stopped and removed on exit. Used for docs/scaling.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
COUNTIES=${1:-167}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/junheng-sizes.XXXXXX); chmod 755 "$WORK"; mkdir "$WORK/pg" "$WORK/log"
AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --) && chown postgres "$WORK/pg" "$WORK/log"
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
PGPORT=$(free_port); APORT=$(free_port); MPORT=$(free_port)
cleanup() { set +e; [ -n "${APP:-}" ] && kill "$APP" && wait "$APP"; "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/log/pg.log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $WORK/pg -c fsync=off" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'create database junheng'
q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d junheng -tAq -F ' | ' -c "$1"; }
[ -n "$(ls target/junheng-*.jar 2>/dev/null)" ] || ./mvnw -q -B -DskipTests package
JAR=$(ls target/junheng-*.jar | grep -v -- '-plain' | head -1)
STARTED=$(date +%s)
SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$PGPORT/junheng" SPRING_R2DBC_USERNAME=postgres SPRING_FLYWAY_USER=postgres \
  JUNHENG_SECURITY_JWT_SECRET="$BENCH_SECRET" JUNHENG_DEMO_DATA=true \
  java $JVM_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$APORT" --management.server.port="$MPORT" \
  --junheng.demo.counties="$COUNTIES" >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 600); do curl -s -o /dev/null -m 2 "http://127.0.0.1:$APORT/graphql/schema" && break; kill -0 $APP || { tail "$WORK/app.log"; exit 1; }; sleep 1; done
echo "loaded and answering after $(( $(date +%s) - STARTED )) s: $(grep -o 'Loaded demo data.*' "$WORK/app.log")"
q "vacuum analyze" >/dev/null
echo "PostgreSQL $(q 'show server_version'), $COUNTIES counties; database $(q "select pg_size_pretty(pg_database_size('junheng'))")"
echo
echo "| table | rows | table | indexes | total |"
echo "|---|---|---|---|---|"
q "select '| ' || c.relname, to_char(c.reltuples::bigint, 'FM999,999,999'), pg_size_pretty(pg_table_size(c.oid)),
     pg_size_pretty(pg_indexes_size(c.oid)), pg_size_pretty(pg_total_relation_size(c.oid)) || ' |'
   from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind = 'r' and pg_total_relation_size(c.oid) > 65536
   order by pg_total_relation_size(c.oid) desc"
echo
echo "largest indexes:"
q "select '  ' || indexrelid::regclass, pg_size_pretty(pg_relation_size(indexrelid)) from pg_index i join pg_class c on c.oid = i.indrelid
   join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' order by pg_relation_size(indexrelid) desc limit 8"
echo
# an idle replica, then one under 16 concurrent queries
conns() { q "select count(*) || ' connections (' || count(*) filter (where query ilike 'LISTEN%') || ' LISTEN)' from pg_stat_activity where datname = 'junheng' and pid <> pg_backend_pid()"; }
echo "one replica idle: $(conns)"
PEAK=0
for round in 1 2 3 4; do
  CURLS=()
  for i in $(seq 1 16); do
    curl -s -o /dev/null -m 30 -X POST "http://127.0.0.1:$APORT/graphql" -H 'Content-Type: application/json' -H "Authorization: $AUTH" \
      --data-binary @bench/operations/school-page.json & CURLS+=($!)
  done
  sleep 0.3
  NOW=$(q "select count(*) from pg_stat_activity where datname = 'junheng' and pid <> pg_backend_pid()")
  [ "$NOW" -gt "$PEAK" ] && PEAK=$NOW
  wait "${CURLS[@]}"
done
echo "one replica under 16 concurrent page queries: at most $PEAK connections (spring.r2dbc.pool.max-size: two per core, at least 4, plus LISTEN)"
