#!/usr/bin/env bash
# Serving benchmark (docs/benchmarks.md, "Serving"): PanelX's viewer HTTP server against nginx
# (1 worker, sendfile on, tcp_nopush on, access_log off) on the same 1 MiB segment files under
# the same URLs, and live playlists against nginx serving a static file of the same size. Live
# playlists are measured twice: from a fresh store, and in steady state, from a second server
# whose store keeps committing a segment every COMMIT_INTERVAL_MS while retention removes the
# oldest on every commit. wrk with 100 connections, several alternating rounds; prints medians
# of throughput, p99 latency and each server's CPU time per request (from /proc, which a busy
# machine disturbs much less than throughput), the ratios against the goals, the load average
# (/proc/loadavg, 1 min) at the start of every run and the share of the CPU that other programs
# took during it. Ratios measured while other programs take the CPU say little (the scheduler's
# shares decide them), so rerun on a quiet machine for the real figures; the script says so.
#
#   bench/serving.sh [build-dir]        (env: ROUNDS=5 DURATION=10 CONNECTIONS=100
#                                        WRK_THREADS=1 SEGMENT_BYTES=1048576
#                                        COMMIT_INTERVAL_MS=100 NGINX_NOPUSH=on
#                                        SERVER_ARGS="--threads 2")
# Nothing is pinned, and wrk itself takes a core.
set -euo pipefail

BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-100}
WRK_THREADS=${WRK_THREADS:-1}
SEGMENT_BYTES=${SEGMENT_BYTES:-1048576}
COMMIT_INTERVAL_MS=${COMMIT_INTERVAL_MS:-100}
NGINX_NOPUSH=${NGINX_NOPUSH:-on}
SERVER_ARGS=${SERVER_ARGS:-}
SERVER=$BUILD/bench/serve_segments

for tool in nginx wrk curl; do
    command -v $tool >/dev/null || { echo "serving.sh: $tool is not installed (installer/install-deps.sh installs it)" >&2; exit 1; }
done
[ -x "$SERVER" ] || { echo "serving.sh: $SERVER not found: build first (cmake --build $BUILD --target serve_segments)" >&2; exit 1; }

WORK=$(mktemp -d)
source "$(dirname "$0")/lib.sh"
SERVER_PID=
STEADY_PID=
NGINX_PID=
cleanup() {
    stop "$SERVER_PID"; stop "$STEADY_PID"; stop "$NGINX_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
# Our server over freshly committed segments, and one in steady state (small segments: only
# its playlists are measured; more than the 16-segment live window, which retention keeps).
# wrk's connections all come from 127.0.0.1: one address is the whole audience here.
start_server data --segments 10 --size "$SEGMENT_BYTES" --per-address 1024
SERVER_PID=$(cat "$WORK/data.pid")
start_server steady --segments 20 --size 65536 --commit-interval-ms "$COMMIT_INTERVAL_MS" --per-address 1024
STEADY_PID=$(cat "$WORK/steady.pid")
OUR_PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$WORK/data.out")
STEADY_PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$WORK/steady.out")
ROOT=$(sed -n 's/.*root=\([^ ]*\).*/\1/p' "$WORK/data.out")
SEG_PATH=/seg/1/src/5.ts
PLAYLIST_PATH=/live/bench.m3u8

# nginx serves the same files under the same URLs, and the live playlist as a static file.
mkdir -p "$WORK/static/live" "$WORK/nginx/tmp"
curl -sf "http://127.0.0.1:$OUR_PORT$PLAYLIST_PATH" -o "$WORK/static$PLAYLIST_PATH"
NGINX_PORT=$(free_port)
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user root;"   # the worker must read the 0700 data folder
cat >"$WORK/nginx/nginx.conf" <<CONF
$USER_LINE
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush $NGINX_NOPUSH;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp; uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
    types { video/mp2t ts; application/vnd.apple.mpegurl m3u8; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /seg/ { alias $ROOT/; }
        location /live/ { root $WORK/static; }
    }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>"$WORK/nginx/stderr" &
NGINX_PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT$SEG_PATH" && break; sleep 0.1; done
for port in $OUR_PORT $NGINX_PORT; do
    for path in $SEG_PATH $PLAYLIST_PATH; do
        curl -sf -o /dev/null "http://127.0.0.1:$port$path" || { echo "serving.sh: http://127.0.0.1:$port$path does not answer" >&2; exit 1; }
    done
done
curl -sf -o /dev/null "http://127.0.0.1:$STEADY_PORT$PLAYLIST_PATH" || { echo "serving.sh: the steady-state server does not answer" >&2; exit 1; }
echo "segment $(stat -c %s "$ROOT/1/src/5.ts") bytes, playlist $(stat -c %s "$WORK/static$PLAYLIST_PATH") bytes;" \
     "wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, server args \"$SERVER_ARGS\"," \
     "steady state: a commit every $COMMIT_INTERVAL_MS ms, nginx tcp_nopush $NGINX_NOPUSH"
NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1)

declare -A RESULTS
LOADS=
OTHERS=
for round in $(seq "$ROUNDS"); do
    # Alternate who goes first, so drift on a shared machine hits both sides alike.
    if (( round % 2 )); then order="nginx panelx steady"; else order="steady panelx nginx"; fi
    for kind in segment playlist; do
        path=$SEG_PATH; [ $kind = playlist ] && path=$PLAYLIST_PATH
        for who in $order; do
            [ $kind = segment ] && [ $who = steady ] && continue
            case $who in
                nginx) port=$NGINX_PORT; pid=$NGINX_WORKER ;;
                panelx) port=$OUR_PORT; pid=$SERVER_PID ;;
                steady) port=$STEADY_PORT; pid=$STEADY_PID ;;
            esac
            result=$(wrk_run "http://127.0.0.1:$port$path" "$pid")
            RESULTS[$who.$kind]+="$result"$'\n'
            LOADS+="$(echo "$result" | cut -d' ' -f5)"$'\n'
            OTHERS+="$(echo "$result" | cut -d' ' -f7)"$'\n'
            printf 'round %d %-8s %-6s %s  (req/s MB/s p99ms cpu_us/req load errors others%%)\n' "$round" "$kind" "$who" "$result"
        done
    done
done

column_median() { printf '%s' "${RESULTS[$1]}" | awk -v c="$2" 'NF { print $c }' | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
verdict() { awk -v r="$1" -v op="$2" -v g="$3" 'BEGIN { ok = (op == ">=") ? r >= g : r <= g; print ok ? "met" : "NOT met" }'; }

echo
echo "| what | nginx | PanelX | ratio | goal |"
echo "| --- | --- | --- | --- | --- |"
n_rps=$(column_median nginx.segment 1); p_rps=$(column_median panelx.segment 1)
r=$(ratio "$n_rps" "$p_rps")
echo "| segment throughput (req/s; MB/s) | $n_rps; $(column_median nginx.segment 2) | $p_rps; $(column_median panelx.segment 2) | $r | ≥ 1.0×: $(verdict "$r" ">=" 1.0) |"
n=$(column_median nginx.segment 3); p=$(column_median panelx.segment 3); r=$(ratio "$n" "$p")
echo "| segment p99 latency (ms) | $n | $p | $r | ≤ 1.5×: $(verdict "$r" "<=" 1.5) |"
n=$(column_median nginx.segment 4); p=$(column_median panelx.segment 4)
echo "| segment server CPU per request (µs) | $n | $p | $(ratio "$n" "$p") | — |"
n_rps=$(column_median nginx.playlist 1)
for who in panelx steady; do
    label="live playlist rate, fresh store (req/s)"
    [ $who = steady ] && label="live playlist rate, steady state (req/s)"
    p=$(column_median $who.playlist 1); r=$(ratio "$n_rps" "$p")
    echo "| $label | $n_rps | $p | $r | ≥ 1.2×: $(verdict "$r" ">=" 1.2) |"
done
for who in panelx steady; do
    n=$(column_median nginx.playlist 3); p=$(column_median $who.playlist 3)
    echo "| live playlist p99 latency, $( [ $who = steady ] && echo steady state || echo fresh store ) (ms) | $n | $p | $(ratio "$n" "$p") | — |"
done
for who in panelx steady; do
    n=$(column_median nginx.playlist 4); p=$(column_median $who.playlist 4)
    echo "| live playlist server CPU per request, $( [ $who = steady ] && echo steady state || echo fresh store ) (µs) | $n | $p | $(ratio "$n" "$p") | — |"
done
echo
LOAD_MEDIAN=$(printf '%s' "$LOADS" | awk 'NF' | median)
echo "load average (1 min) over the runs: median $LOAD_MEDIAN," \
     "range $(printf '%s' "$LOADS" | awk 'NF' | sort -n | sed -n '1p;$p' | paste -sd- -) on $(nproc) cores"
OTHERS_MEDIAN=$(printf '%s' "$OTHERS" | awk 'NF' | median)
echo "CPU taken by other programs during the runs: median $OTHERS_MEDIAN % of all cores," \
     "range $(printf '%s' "$OTHERS" | awk 'NF' | sort -n | sed -n '1p;$p' | paste -sd- -) %"
# wrk and a server already fill the cores; whatever else runs makes the schedulers' shares, not
# the servers, decide the ratios (two loop threads would gain against one nginx worker).
awk -v o="$OTHERS_MEDIAN" 'BEGIN { exit !(o > 10) }' \
    && echo "NOTE: other programs took over 10 % of the CPU: these are not quiet-machine figures"
errors=$(printf '%s\n' "${RESULTS[@]}" | awk 'NF && $6 != 0' | wc -l)
[ "$errors" = 0 ] || echo "WARNING: $errors runs had non-2xx answers or socket errors; their rates are not comparable"
stop "$STEADY_PID"; STEADY_PID=
cat "$WORK/steady.err" | grep '^steady state' || true
