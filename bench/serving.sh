#!/usr/bin/env bash
# Serving benchmark (docs/benchmarks.md, "Serving"): PanelX's viewer HTTP server against nginx
# (1 worker, sendfile on, access_log off) on the same 1 MiB segment files under the same URLs,
# and live playlists against nginx serving a static file of the same size. wrk with 100
# connections, several alternating rounds; prints medians of throughput and p99 latency and the
# ratios. Nothing is pinned, and wrk itself takes a core.
#
#   bench/serving.sh [build-dir]        (env: ROUNDS=5 DURATION=10 CONNECTIONS=100
#                                        WRK_THREADS=1 SEGMENT_BYTES=1048576
#                                        SERVER_ARGS="--epoll --threads 2")
# Besides wrk's figures it reports each server's CPU time per request (from /proc), which a
# busy machine disturbs much less than throughput.
set -euo pipefail

BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-100}
WRK_THREADS=${WRK_THREADS:-1}
SEGMENT_BYTES=${SEGMENT_BYTES:-1048576}
SERVER_ARGS=${SERVER_ARGS:-}
SERVER=$BUILD/bench/serve_segments

for tool in nginx wrk curl; do
    command -v $tool >/dev/null || { echo "serving.sh: $tool is not installed (installer/install-deps.sh installs it)" >&2; exit 1; }
done
[ -x "$SERVER" ] || { echo "serving.sh: $SERVER not found: build first (cmake --build $BUILD)" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=
NGINX_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    local port
    for port in $(seq 18200 18300); do
        if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo $port; return; fi
    done
    echo "serving.sh: no free loopback port in 18200-18300" >&2; exit 1
}

# Our server over freshly committed segments.
"$SERVER" $SERVER_ARGS --segments 10 --size "$SEGMENT_BYTES" \
    --data-dir "$WORK/data" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q READY "$WORK/server.out" && break; sleep 0.1; done
grep -q READY "$WORK/server.out" || { cat "$WORK/server.err" >&2; exit 1; }
OUR_PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$WORK/server.out")
ROOT=$(sed -n 's/.*root=\([^ ]*\).*/\1/p' "$WORK/server.out")
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
    tcp_nopush on;
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
echo "segment $(stat -c %s "$ROOT/1/src/5.ts") bytes, playlist $(stat -c %s "$WORK/static$PLAYLIST_PATH") bytes;" \
     "wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, server args \"$SERVER_ARGS\", $(nproc) cores"
NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1)
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# One wrk run against URL $1 while measuring process $2 -> "requests/s MB/s p99_ms cpu_us/request".
run() {
    local before after summary
    before=$(cpu_ticks "$2")
    summary=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | awk '
        / 99% / { v = $2; ms = v + 0;
                  if (v ~ /us$/) ms /= 1000; else if (v ~ /ms$/) ms += 0; else if (v ~ /s$/) ms *= 1000; p99 = ms }
        /^Requests\/sec/ { rps = $2 }
        /^Transfer\/sec/ { v = $2; mb = v + 0;
                  if (v ~ /GB$/) mb *= 1024; else if (v ~ /KB$/) mb /= 1024; else if (v ~ /B$/ && v !~ /MB$/) mb /= 1048576; bw = mb }
        END { printf "%.1f %.1f %.2f", rps, bw, p99 }')
    after=$(cpu_ticks "$2")
    echo "$summary" | awk -v t=$((after - before)) -v hz="$TICKS" -v d="$DURATION" \
        '{ printf "%s %s %s %.1f\n", $1, $2, $3, ($1 > 0) ? t / hz * 1e6 / ($1 * d) : 0 }'
}

declare -A RESULTS
for round in $(seq "$ROUNDS"); do
    # Alternate who goes first, so drift on a shared machine hits both sides alike.
    if (( round % 2 )); then order="nginx panelx"; else order="panelx nginx"; fi
    for kind in segment playlist; do
        path=$SEG_PATH; [ $kind = playlist ] && path=$PLAYLIST_PATH
        for who in $order; do
            port=$OUR_PORT; pid=$SERVER_PID
            [ $who = nginx ] && port=$NGINX_PORT && pid=$NGINX_WORKER
            result=$(run "http://127.0.0.1:$port$path" "$pid")
            RESULTS[$who.$kind]+="$result"$'\n'
            printf 'round %d %-8s %-6s %s  (req/s MB/s p99ms cpu_us/req)\n' "$round" "$kind" "$who" "$result"
        done
    done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
column_median() { printf '%s' "${RESULTS[$1]}" | awk -v c="$2" 'NF { print $c }' | median; }

echo
echo "| what | nginx | PanelX | ratio | goal |"
echo "| --- | --- | --- | --- | --- |"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
for kind in segment playlist; do
    n_rps=$(column_median nginx.$kind 1); p_rps=$(column_median panelx.$kind 1)
    n_bw=$(column_median nginx.$kind 2); p_bw=$(column_median panelx.$kind 2)
    n_p99=$(column_median nginx.$kind 3); p_p99=$(column_median panelx.$kind 3)
    if [ $kind = segment ]; then
        r=$(ratio "$n_rps" "$p_rps"); ok=$(awk -v r="$r" 'BEGIN { print (r >= 0.8) ? "met" : "NOT met" }')
        echo "| segment throughput (req/s; MB/s) | $n_rps; $n_bw | $p_rps; $p_bw | $r | ≥ 0.8×: $ok |"
        r=$(ratio "$n_p99" "$p_p99"); ok=$(awk -v r="$r" 'BEGIN { print (r <= 2) ? "met" : "NOT met" }')
        echo "| segment p99 latency (ms) | $n_p99 | $p_p99 | $r | ≤ 2×: $ok |"
        n_cpu=$(column_median nginx.$kind 4); p_cpu=$(column_median panelx.$kind 4)
        echo "| segment server CPU per request (µs) | $n_cpu | $p_cpu | $(ratio "$n_cpu" "$p_cpu") | — |"
    else
        r=$(ratio "$n_rps" "$p_rps"); ok=$(awk -v r="$r" 'BEGIN { print (r >= 0.5) ? "met" : "NOT met" }')
        echo "| live playlist rate (req/s) | $n_rps | $p_rps | $r | ≥ 0.5×: $ok |"
        echo "| live playlist p99 latency (ms) | $n_p99 | $p_p99 | $(ratio "$n_p99" "$p_p99") | — |"
        n_cpu=$(column_median nginx.$kind 4); p_cpu=$(column_median panelx.$kind 4)
        echo "| live playlist server CPU per request (µs) | $n_cpu | $p_cpu | $(ratio "$n_cpu" "$p_cpu") | — |"
    fi
done
