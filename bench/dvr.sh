#!/usr/bin/env bash
# DVR figures of docs/benchmarks.md ("DVR"): creating a retroactive recording over a 2 h buffer
# and rendering the VOD playlist of a 12 h recording. Medians of ROUNDS rounds (default 15).
#   bench/dvr.sh [build-dir]
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-15}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/bench/dvr_bench" retroactive "$rounds"
"$build/bench/dvr_bench" playlist "$rounds"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
