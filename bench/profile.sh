#!/usr/bin/env bash
# Where a request's CPU goes: bench/profile.sh [operation] [county|province]
#
# Starts the packaged server on the data set (bench/common.sh) with a JDK Flight Recording,
# warms it, loads one operation of bench/operations with wrk for BENCH_DURATION seconds (20),
# then prints the hottest frames of the recording's CPU samples: by the method on top of the
# stack (self) and by the Junheng or library package a sample passes through (inclusive), so a
# change can be profiled before and after with one command. The recording is kept under
# bench/results/ for JDK Mission Control.
set -euo pipefail
cd "$(dirname "$0")/.."
OP=${1:-school-page}
SET=${2:-county}
COUNTIES=$([ "$SET" = province ] && echo 167 || echo 1)
DURATION=${BENCH_DURATION:-20}
source bench/common.sh
load_tools
build
JFR=$RESULTS/profile-$OP.jfr
start_server "$SET" "$COUNTIES"
if post "bench/operations/$OP.json" | grep -q '"errors"'; then echo "$OP answered with errors" >&2; exit 1; fi
BODY="bench/operations/$OP.json" wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/graphql.lua "http://127.0.0.1:$PORT/graphql" > /dev/null
echo "one request alone: $(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/graphql" \
  -H 'Content-Type: application/json' -H "Authorization: $AUTH" --data-binary "@bench/operations/$OP.json") s"
# Only the measured load is recorded, not the start or the warm-up.
jcmd "$SERVER_PID" JFR.start name=load settings=profile > /dev/null
BODY="bench/operations/$OP.json" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/graphql.lua \
  "http://127.0.0.1:$PORT/graphql" | grep -E "Requests/sec|99%"
jcmd "$SERVER_PID" JFR.dump name=load filename="$JFR" > /dev/null
stop_server
jfr print --stack-depth 64 --events jdk.ExecutionSample "$JFR" > "$RESULTS/profile-$OP.txt"
node - "$RESULTS/profile-$OP.txt" <<'JS'
const text = require("fs").readFileSync(process.argv[2], "utf8");
const samples = text.split("jdk.ExecutionSample {").slice(1);
const self = new Map(), through = new Map();
for (const sample of samples) {
  const frames = [...sample.matchAll(/^\s+([\w$.<>]+)\(/gm)].map((m) => m[1]);
  if (!frames.length) continue;
  self.set(frames[0], (self.get(frames[0]) || 0) + 1);
  const seen = new Set(frames.map((f) => f.split(".").slice(0, f.startsWith("org.junheng") ? 3 : 2).join(".")));
  for (const p of seen) through.set(p, (through.get(p) || 0) + 1);
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
  .map(([k, v]) => `${(100 * v / samples.length).toFixed(1).padStart(5)}%  ${k}`).join("\n");
console.log(`${samples.length} CPU samples\n\ntop frames (self):\n${top(self, 25)}\n\npackages on the stack (inclusive):\n${top(through, 20)}`);
JS
