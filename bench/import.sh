#!/usr/bin/env bash
# The province's school conditions (20,040 rows) and staff lists (832,731 rows) as a bureau would
# upload them, timed:
#   bench/import.sh [counties] [conditions|teachers|all]    (167: the province set; 1: the demo county)
# A throwaway Debian PostgreSQL cluster on a free loopback port and one packaged instance that
# loads the set; the conditions are then written out as the import CSV (every figure as recorded,
# books + 1, so every row is an update), and the teachers as the staff-list CSV (training hours
# + 1, so every row is an update, and every 100th teacher left out, so that one in a hundred is
# recorded as having left). Each file is uploaded as a dry run, as a commit, and once more
# (nothing changes). Reports each upload's wall time, the rows' outcomes, and the server's heap
# in use sampled every 200 ms (Prometheus, jvm_memory_used_bytes{area="heap"}). The province's staff list is
# 114 MB of CSV, so the upload limit is raised to BENCH_MAX_FILE (300 MB; the default refuses
# anything over 20 MB). Removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
COUNTIES=${1:-167}
KINDS=${2:-all}; [ "$KINDS" = all ] && KINDS="conditions teachers"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/junheng-import.XXXXXX); chmod 755 "$WORK"; mkdir "$WORK/pg" "$WORK/log"
AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --) && chown postgres "$WORK/pg" "$WORK/log"
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
PGPORT=$(free_port); APORT=$(free_port); MPORT=$(free_port)
cleanup() { set +e; [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null; [ -n "${APP:-}" ] && kill "$APP" && wait "$APP";
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT
"${AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/log/pg.log" -w -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $WORK/pg" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc 'create database junheng'
q() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d junheng -tAq -c "$1"; }
[ -n "$(ls target/junheng-*.jar 2>/dev/null)" ] || ./mvnw -q -B -DskipTests package
JAR=$(ls target/junheng-*.jar | grep -v -- '-plain' | head -1)
SPRING_R2DBC_URL="r2dbc:postgresql://127.0.0.1:$PGPORT/junheng" SPRING_R2DBC_USERNAME=postgres SPRING_FLYWAY_USER=postgres \
  JUNHENG_SECURITY_JWT_SECRET="$BENCH_SECRET" JUNHENG_DEMO_DATA=true \
  java ${JVM_OPTS:-} -Xmx1g -jar "$JAR" --server.address=127.0.0.1 --server.port="$APORT" --management.server.address=127.0.0.1 \
  --management.server.port="$MPORT" --junheng.demo.counties="$COUNTIES" \
  --junheng.imports.max-file-size="${BENCH_MAX_FILE:-300000000}" >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 900); do curl -s -o /dev/null -m 2 "http://127.0.0.1:$APORT/graphql/schema" && break; kill -0 $APP || { tail "$WORK/app.log"; exit 1; }; sleep 1; done
write_conditions() {
HEADER=$(curl -s "http://127.0.0.1:$APORT/templates/conditions.csv" | sed '1s/^\xEF\xBB\xBF//' | head -1 | tr -d '\r')
{ printf '\xEF\xBB\xBF%s\r\n' "$HEADER"
  q "copy (select s.code, s.name, c.school_year,
        g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12],
        array_to_string(c.class_sizes, ','), c.teaching_area, c.sports_area, c.equipment_value, c.multimedia_classrooms,
        array_to_string(c.music_room_areas, ','), array_to_string(c.art_room_areas, ','), coalesce(c.books, 0) + 1
      from school_conditions c join school s on s.id = c.school_id,
        lateral (select case when s.stage = 'JUNIOR' then array_fill(null::int, array[6]) || c.students_by_grade
                             else c.students_by_grade end as g) grades
      order by s.code, c.school_year) to stdout with (format csv)"; } > "$WORK/conditions.csv"
}
write_teachers() {
HEADER=$(curl -s "http://127.0.0.1:$APORT/templates/teachers.csv" | sed '1s/^\xEF\xBB\xBF//' | head -1 | tr -d '\r')
{ printf '\xEF\xBB\xBF%s\r\n' "$HEADER"
  q "copy (select s.code, s.name, 2026, t.staff_number, t.name, case t.gender when 'MALE' then '男' else '女' end, t.birth_year,
        t.highest_degree, t.professional_title, array_to_string(t.subjects, '、'), t.backbone_level, t.backbone_valid_from,
        t.backbone_valid_until, case when t.has_certificate then '是' else '否' end, case when t.pe_specialist then '是' else '否' end,
        case when t.music_specialist then '是' else '否' end, case when t.art_specialist then '是' else '否' end,
        t.training_hours_5y + 1, t.joined_school_on
      from teacher t join school s on s.id = t.school_id
      where t.id % 100 <> 0 and t.joined_school_on <= date '2026-09-01'
      order by s.code, t.staff_number) to stdout with (format csv)"; } > "$WORK/teachers.csv"
}
heap() { curl -s "http://127.0.0.1:$MPORT/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{area="heap"/ { s += $NF } END { printf "%.0f\n", s }'; }
upload() { # kind dryRun label
  : > "$WORK/heap"
  ( while true; do heap >> "$WORK/heap"; sleep 0.2; done ) & SAMPLER=$!
  START=$(date +%s.%N)
  RESULT=$(curl -s -m 1800 -H "Authorization: $AUTH" -F "file=@$WORK/$1.csv;filename=$1.csv" -F "dryRun=$2" \
    "http://127.0.0.1:$APORT/imports/$1")
  END=$(date +%s.%N)
  kill $SAMPLER; wait $SAMPLER 2>/dev/null || true; SAMPLER=
  PEAK=$(sort -n "$WORK/heap" | tail -1)
  echo "$RESULT" | node -e 'let s = ""; process.stdin.on("data", (d) => s += d).on("end", () => { const r = JSON.parse(s);
    console.log(`${process.argv[1]}: ${r.status} in ${(process.argv[2] - process.argv[3]).toFixed(1)} s wall (server ${r.durationMs} ms);`
      + ` created ${r.rowsCreated}, updated ${r.rowsUpdated}, unchanged ${r.rowsUnchanged}, refused ${r.rowsRefused},`
      + ` left ${r.teachersLeft}; peak heap in use ${Math.round(process.argv[4] / 1048576)} MB`);
    if (r.fileProblem) console.log(r.fileProblem); if (r.problems && r.problems.length) console.log(r.problems.slice(0, 3)); if (!r.status) console.log(s.slice(0, 300)); })' \
    "$3" "$END" "$START" "$PEAK"
}
echo "heap in use before: $(( $(heap) / 1048576 )) MB (-Xmx1g)"
for KIND in $KINDS; do
  "write_$KIND"
  echo "$COUNTIES counties: $(( $(wc -l < "$WORK/$KIND.csv") - 1 )) $KIND rows, $(du -h "$WORK/$KIND.csv" | cut -f1) of CSV"
  upload "$KIND" true "$KIND dry run"
  upload "$KIND" false "$KIND commit"
  upload "$KIND" false "$KIND again"
done
echo "figures events written: $(q "select count(*) from figures_event"); audit entries: $(q "select count(*) from audit_entry where operation like 'import%'")"
echo "teachers present: $(q "select count(*) from teacher where left_school_on is null"), left: $(q "select count(*) from teacher where left_school_on is not null"), tenures: $(q "select count(*) from teacher_tenure")"
