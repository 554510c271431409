#!/usr/bin/env bash
# Junheng's indicator benchmark, on the province data set (167 counties, about 20,000 schools):
#  1. full recompute: the province's balance for both stages, which computes every school's seven
#     indicators from the base figures and the enrollment-weighted CVs (nothing is cached);
#  2. change to verdict: a school's conditions corrected through the API, then its county's verdict
#     read back; the time from sending the change to holding the updated verdict.
# Usage: bench/indicators.sh   (BENCH_RUNS recomputes, BENCH_CHANGES changes)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
need curl curl
need psql postgresql-client
need python3 python3
build
RUNS=${BENCH_RUNS:-5}
CHANGES=${BENCH_CHANGES:-30}
start_server province 167
python3 bench/indicators.py "http://127.0.0.1:$PORT/graphql" "$RUNS" "$CHANGES" | tee "$RESULTS/indicators.md"
stop_server
