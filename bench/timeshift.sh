#!/usr/bin/env bash
# Timeshift figures of docs/benchmarks.md ("Timeshift and catch-up"): a window over a 2 h buffer
# (1,800 segments of 4 s) and a 24 h buffer (21,600): the per-request cost (selectWindow +
# renderWindow on a built snapshot, random starts, to-live and range requests), the cold cost
# (the buffer index's first snapshot, read from the store's SQLite index) and the cost of
# following one new segment. Goals: per request <= 1 ms (2 h) and <= 10 ms (24 h).
#   bench/timeshift.sh [build-dir]        (env: ROUNDS=7, REQUESTS=2000)
set -euo pipefail
build="${1:-build}"
rounds="${ROUNDS:-7}"
requests="${REQUESTS:-2000}"
driver="$build/bench/timeshift_bench"
[ -x "$driver" ] || { echo "missing $driver — build the 'timeshift_bench' target first" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/panelx-timeshift.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
source "$(dirname "$0")/lib.sh"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for segments in 1800 21600; do
  "$driver" window "$segments" "$requests"
  for _ in $(seq "$rounds"); do "$driver" cold "$segments"; done >"$WORK/cold.txt"
  echo "cold first snapshot of $segments segments: median $(median <"$WORK/cold.txt") ms of $rounds runs"
  echo "following one new segment ($segments held): median $("$driver" extend "$segments" 50) ms of 50"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
