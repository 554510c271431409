#!/usr/bin/env bash
# The floor under every request: bench/floor.sh
#
# On the county set, in interleaved rounds (BENCH_ROUNDS, 3, of BENCH_DURATION seconds, 10), wrk
# loads: a static file Junheng serves (/favicon.svg), the smallest GraphQL request
# ({ __typename }), and the page of 50 schools sent as its full document and as a cached
# automatic persisted query (the hash alone, after one request registered it). Prints requests/s
# and p99 of each; the ratio to the static file is what to read on a noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10}
source bench/common.sh
load_tools
build
start_server county 1
WORK=$(mktemp -d); trap 'rm -rf "$WORK"; kill $SERVER_PID 2>/dev/null || true' EXIT
echo '{"query":"{ __typename }"}' > "$WORK/typename.json"
HASH=$(node -e 'const q = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).query;
  console.log(require("crypto").createHash("sha256").update(q).digest("hex"))' bench/operations/school-page.json)
node -e 'const fs = require("fs"); const body = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const ext = { persistedQuery: { version: 1, sha256Hash: process.argv[2] } };
  fs.writeFileSync(process.argv[3], JSON.stringify({ ...body, extensions: ext }));
  delete body.query; fs.writeFileSync(process.argv[4], JSON.stringify({ ...body, extensions: ext }));' \
  bench/operations/school-page.json "$HASH" "$WORK/register.json" "$WORK/persisted.json"
post "$WORK/register.json" | grep -q '"schools"' || { echo "registering the persisted query failed" >&2; exit 1; }
post "$WORK/persisted.json" | grep -q '"schools"' || { echo "the persisted query did not run" >&2; exit 1; }
cat > "$WORK/get.lua" <<'LUA'
wrk.method = "GET"
LUA
load() { # name -> "rps p99ms"
  case $1 in
    static) wrk -t1 -c"$CONNECTIONS" -d"${2}s" --latency -s "$WORK/get.lua" "http://127.0.0.1:$PORT/favicon.svg" ;;
    typename) BODY="$WORK/typename.json" wrk -t1 -c"$CONNECTIONS" -d"${2}s" --latency -s bench/graphql.lua "http://127.0.0.1:$PORT/graphql" ;;
    document) hit school-page "$2" --latency ;;
    persisted) BODY="$WORK/persisted.json" wrk -t1 -c"$CONNECTIONS" -d"${2}s" --latency -s bench/graphql.lua "http://127.0.0.1:$PORT/graphql" ;;
  esac | awk '/Requests\/sec/ {r=$2} $1 == "99%" {v=$2; if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /us$/) {sub(/us/, "", v); v=v/1000} else if (v ~ /s$/) {sub(/s/, "", v); v=v*1000}; p=v} END {print r, p}'
}
KINDS=(static typename document persisted)
warm_up server load "${KINDS[@]}"
declare -A RPS=() P99=()
for round in $(seq 1 "$ROUNDS"); do
  for kind in "${KINDS[@]}"; do
    read -r r p < <(load "$kind" "$DURATION"); RPS[$kind]+="$r "; P99[$kind]+="$p "
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
S=$(echo "${RPS[static]}" | median)
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk 1 thread, $CONNECTIONS connections, $ROUNDS interleaved rounds of ${DURATION}s; JVM: $JVM_OPTS"
echo
echo "| request | req/s (median) | p99 ms | / static file |"
echo "|---|---|---|---|"
for kind in "${KINDS[@]}"; do
  r=$(echo "${RPS[$kind]}" | median); p=$(echo "${P99[$kind]}" | median)
  echo "| $kind | $r | $p | $(awk -v a="$r" -v b="$S" 'BEGIN {printf "%.2f", a / b}') |"
done
