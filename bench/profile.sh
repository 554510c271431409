#!/usr/bin/env bash
# Where a request's CPU goes: bench/profile.sh [operation] [county|province]
#
# Starts the packaged server on the data set (bench/common.sh) with a JDK Flight Recording,
# warms it until it is steady (bench/common.sh's warm_up), loads one operation of bench/operations
# with wrk for BENCH_DURATION seconds (20), then prints the hottest frames of the recording's CPU
# samples: by the method on top of the stack (self) and by the Junheng or library package a sample
# passes through (inclusive), so a change can be profiled before and after with one command. The
# recording is kept under bench/results/ for JDK Mission Control.
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
warm_up server hit "$OP"
echo "one request alone: $(curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$PORT/graphql" \
  -H 'Content-Type: application/json' -H "Authorization: $AUTH" --data-binary "@bench/operations/$OP.json") s"
# Only the measured load is recorded, not the start or the warm-up.
jcmd "$SERVER_PID" JFR.start name=load settings=profile > /dev/null
hit "$OP" "$DURATION" --latency | grep -E "Requests/sec|99%"
jcmd "$SERVER_PID" JFR.dump name=load filename="$JFR" > /dev/null
stop_server
top_frames "$JFR" "$RESULTS/profile-$OP.txt"
