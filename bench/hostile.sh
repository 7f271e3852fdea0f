#!/usr/bin/env bash
# Hostile-client benchmark (docs/benchmarks.md, "Under slowloris"): while ATTACKERS connections
# from one address (127.0.0.2) trickle half-requests at PanelX's viewer server (bench/slowloris:
# a request head that never ends, one more byte every TRICKLE_MS, reconnecting when closed), a
# viewer from another address (wrk from 127.0.0.1) fetches the live playlist and a 1 MiB
# segment. Each measured unloaded, then loaded, ROUNDS times alternating; medians. Goals: live
# playlist p99 <= 1 s under attack, segment rate >= 0.5x the unloaded rate. Also prints how many
# connections the attacker held, requests that failed (socket errors, timeouts, non-2xx) and the
# load average (/proc/loadavg, 1 min) at the start of every run.
#
#   bench/hostile.sh [build-dir]        (env: ROUNDS=3 DURATION=10 CONNECTIONS=10
#                                        ATTACKERS=2000 TRICKLE_MS=2000 SETTLE_S=10
#                                        SERVER_ARGS="--threads 2")
# Only loopback addresses are used; 127.0.0.2 answers on Linux without any set-up.
set -euo pipefail

BUILD=${1:-build}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-10}
ATTACKERS=${ATTACKERS:-2000}
TRICKLE_MS=${TRICKLE_MS:-2000}
SETTLE_S=${SETTLE_S:-10}
SERVER_ARGS=${SERVER_ARGS:-}
SERVER=$BUILD/bench/serve_segments
ATTACKER=$BUILD/bench/slowloris

command -v wrk >/dev/null || { echo "hostile.sh: wrk is not installed (installer/install-deps.sh installs it)" >&2; exit 1; }
for program in "$SERVER" "$ATTACKER"; do
    [ -x "$program" ] || { echo "hostile.sh: $program not found: build first (cmake --build $BUILD --target serve_segments slowloris)" >&2; exit 1; }
done
# The server and the attacker each need a descriptor per connection.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
(( $(ulimit -n) >= ATTACKERS + 256 )) || echo "NOTE: the open-file limit ($(ulimit -n)) is below $((ATTACKERS + 256)); the attacker cannot open all its connections"

WORK=$(mktemp -d)
SERVER_PID=
ATTACKER_PID=
stop() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
cleanup() { stop "$ATTACKER_PID"; stop "$SERVER_PID"; rm -rf "$WORK"; }
trap cleanup EXIT

"$SERVER" $SERVER_ARGS --segments 10 --size 1048576 --data-dir "$WORK/data" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q READY "$WORK/server.out" && break; sleep 0.1; done
grep -q READY "$WORK/server.out" || { cat "$WORK/server.err" >&2; exit 1; }
PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$WORK/server.out")
PLAYLIST=http://127.0.0.1:$PORT/live/bench.m3u8
SEGMENT=http://127.0.0.1:$PORT/seg/1/src/5.ts
loadavg() { cut -d' ' -f1 /proc/loadavg; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores);" \
     "wrk -c$CONNECTIONS -d${DURATION}s --timeout 2s from 127.0.0.1, $ATTACKERS attacking connections" \
     "from 127.0.0.2 (a byte every $TRICKLE_MS ms), server args \"$SERVER_ARGS\", $ROUNDS rounds"

# One wrk run -> "ok_requests/s p99_ms failed load": ok = answered 2xx; failed = socket errors
# (connect, read, write, timeout) plus non-2xx answers; p99 is over the answered requests only.
run() {
    local load
    load=$(loadavg)
    wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 2s --latency "$1" 2>&1 | awk -v d="$DURATION" -v load="$load" '
        / 99% / { v = $2; ms = v + 0;
                  if (v ~ /us$/) ms /= 1000; else if (v ~ /ms$/) ms += 0; else if (v ~ /s$/) ms *= 1000; p99 = ms }
        / requests in / { total = $1 }
        /Socket errors/ { gsub(",", ""); failed += $4 + $6 + $8 + $10 }
        /Non-2xx/ { bad += $5 }
        END { if (p99 == "" || total - bad <= 0) p99 = -1
              printf "%.1f %.2f %d %s\n", (total - bad) / d, p99, failed + bad, load }'
}

declare -A RESULTS
ATTACK_HELD=
start_attack() {
    "$ATTACKER" --target "127.0.0.1:$PORT" --bind 127.0.0.2 --connections "$ATTACKERS" \
        --trickle-ms "$TRICKLE_MS" --duration-s 100000 >"$WORK/attack.out" 2>"$WORK/attack.err" &
    ATTACKER_PID=$!
    # Let it fill the server before measuring.
    for _ in $(seq "$((SETTLE_S * 10))"); do
        held=$(sed -n 's/.*held=\([0-9]*\).*/\1/p' "$WORK/attack.out" | tail -1)
        [ "${held:-0}" -ge "$ATTACKERS" ] && break
        sleep 0.1
    done
}
stop_attack() {
    ATTACK_HELD+="$(sed -n 's/.*held=\([0-9]*\).*/\1/p' "$WORK/attack.out" | tail -"$((DURATION * 2))" | sort -n | head -1)"$'\n'
    cat "$WORK/attack.err" >&2
    stop "$ATTACKER_PID"; ATTACKER_PID=
}

for round in $(seq "$ROUNDS"); do
    for phase in unloaded loaded; do
        [ $phase = loaded ] && start_attack
        for kind in playlist segment; do
            url=$PLAYLIST; [ $kind = segment ] && url=$SEGMENT
            result=$(run "$url")
            RESULTS[$phase.$kind]+="$result"$'\n'
            printf 'round %d %-8s %-8s %s  (ok req/s, p99 ms, failed, load)\n' "$round" "$phase" "$kind" "$result"
        done
        [ $phase = loaded ] && stop_attack
    done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
column_median() { printf '%s' "${RESULTS[$1]}" | awk -v c="$2" 'NF { print $c }' | median; }
verdict() { awk -v r="$1" -v op="$2" -v g="$3" 'BEGIN { ok = (op == ">=") ? r >= g : (r >= 0 && r <= g); print ok ? "met" : "NOT met" }'; }

echo
echo "| what | unloaded | under slowloris | goal |"
echo "| --- | --- | --- | --- |"
p=$(column_median loaded.playlist 2)
echo "| live playlist p99 (ms; -1 = nothing answered) | $(column_median unloaded.playlist 2) | $p | ≤ 1000 ms: $(verdict "$p" "<=" 1000) |"
echo "| live playlist answered (req/s) | $(column_median unloaded.playlist 1) | $(column_median loaded.playlist 1) | — |"
u=$(column_median unloaded.segment 1); l=$(column_median loaded.segment 1)
r=$(awk -v a="$u" -v b="$l" 'BEGIN { printf "%.2f", (a > 0) ? b / a : 0 }')
echo "| 1 MiB segment answered (req/s) | $u | $l | ratio $r, ≥ 0.5×: $(verdict "$r" ">=" 0.5) |"
echo "| segment p99 (ms) | $(column_median unloaded.segment 2) | $(column_median loaded.segment 2) | — |"
echo "| failed requests per run (errors, time-outs, non-2xx) | $(column_median unloaded.playlist 3); $(column_median unloaded.segment 3) | $(column_median loaded.playlist 3); $(column_median loaded.segment 3) | — |"
echo
echo "attacker connections held during the loaded runs (lowest per round): $(printf '%s' "$ATTACK_HELD" | awk 'NF' | paste -sd' ' -) of $ATTACKERS"
LOADS=$(printf '%s\n' "${RESULTS[@]}" | awk 'NF { print $4 }')
echo "load average (1 min) over the runs: median $(printf '%s\n' "$LOADS" | median)," \
     "range $(printf '%s\n' "$LOADS" | sort -n | sed -n '1p;$p' | paste -sd- -) on $(nproc) cores"
