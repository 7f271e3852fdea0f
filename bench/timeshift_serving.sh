#!/usr/bin/env bash
# Timeshift serving benchmark (docs/benchmarks.md, "Timeshift and catch-up"): 1,000 viewers,
# each asking for its own moment of a 2 h buffer (1,800 segments of 4 s):
# GET /timeshift/bench.m3u8?start=<random unix s> from PanelX's viewer server, against nginx
# (1 worker, sendfile, access_log off) serving static playlists of the same sizes: WINDOWS
# windows fetched from PanelX beforehand with the same random starts, one picked at random per
# request. wrk with a Lua script of random starts, alternating rounds; prints the medians of
# requests per second, p99 latency and each server's CPU time per request, the ratio against
# the goal (PanelX ≥ 0.5× nginx's rate) and the load average.
#
#   bench/timeshift_serving.sh [build-dir]   (env: ROUNDS=5 DURATION=10 CONNECTIONS=1000
#                                             WRK_THREADS=1 SEGMENTS=1800 WINDOWS=200
#                                             SERVER_ARGS="")
set -euo pipefail

BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-1000}
WRK_THREADS=${WRK_THREADS:-1}
SEGMENTS=${SEGMENTS:-1800}
WINDOWS=${WINDOWS:-200}
SERVER_ARGS=${SERVER_ARGS:-}
SERVER=$BUILD/bench/serve_segments

for tool in nginx wrk curl; do
    command -v $tool >/dev/null || { echo "timeshift_serving.sh: $tool is not installed (installer/install-deps.sh installs it)" >&2; exit 1; }
done
[ -x "$SERVER" ] || { echo "timeshift_serving.sh: $SERVER not found: build first (cmake --build $BUILD --target serve_segments)" >&2; exit 1; }
# wrk, the servers and nginx each hold a descriptor per viewer.
ulimit -n 8192

WORK=$(mktemp -d)
source "$(dirname "$0")/lib.sh"
SERVER_PID=
NGINX_PID=
cleanup() { stop "$SERVER_PID"; stop "$NGINX_PID"; rm -rf "$WORK"; }
trap cleanup EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
start_server buffer --segments "$SEGMENTS" --size 1024 --ending-now --per-address $((CONNECTIONS + 64))
SERVER_PID=$(cat "$WORK/buffer.pid")
OUR_PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$WORK/buffer.out")
# Starts anywhere from the buffer's oldest moment to a minute before now.
NOW=$(date +%s)
LO=$((NOW - SEGMENTS * 4 + 4))
HI=$((NOW - 60))

mkdir -p "$WORK/static/w" "$WORK/nginx/tmp"
for i in $(seq 0 $((WINDOWS - 1))); do
    curl -sf "http://127.0.0.1:$OUR_PORT/timeshift/bench.m3u8?start=$((LO + (RANDOM * 32768 + RANDOM) % (HI - LO + 1)))" \
        -o "$WORK/static/w/$i.m3u8" || { echo "timeshift_serving.sh: PanelX did not answer a timeshift window" >&2; exit 1; }
done
AVERAGE_BYTES=$(cat "$WORK"/static/w/*.m3u8 | wc -c | awk -v n="$WINDOWS" '{ printf "%d", $1 / n }')

NGINX_PORT=$(free_port)
USER_LINE=""
[ "$(id -u)" = 0 ] && USER_LINE="user root;"
cat >"$WORK/nginx/nginx.conf" <<CONF
$USER_LINE
worker_processes 1;
worker_rlimit_nofile 8192;
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
    types { application/vnd.apple.mpegurl m3u8; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /w/ { root $WORK/static; }
    }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>"$WORK/nginx/stderr" &
NGINX_PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/w/0.m3u8" && break; sleep 0.1; done
NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -1)

# One Lua script for both: a random number in [LO, HI] put into the path's pattern.
cat >"$WORK/random.lua" <<'LUA'
local lo, hi, pattern = tonumber(os.getenv("LO")), tonumber(os.getenv("HI")), os.getenv("PATTERN")
math.randomseed(os.time())
request = function() return wrk.format("GET", string.format(pattern, math.random(lo, hi))) end
LUA
echo "$SEGMENTS segments of 4 s; windows average $AVERAGE_BYTES bytes; wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds"

declare -A RESULTS
LOADS=
for round in $(seq "$ROUNDS"); do
    if (( round % 2 )); then order="nginx panelx"; else order="panelx nginx"; fi
    for who in $order; do
        if [ $who = nginx ]; then
            result=$(LO=0 HI=$((WINDOWS - 1)) PATTERN="/w/%d.m3u8" wrk_run "http://127.0.0.1:$NGINX_PORT" "$NGINX_WORKER" "$WORK/random.lua")
        else
            result=$(LO=$LO HI=$HI PATTERN="/timeshift/bench.m3u8?start=%d" wrk_run "http://127.0.0.1:$OUR_PORT" "$SERVER_PID" "$WORK/random.lua")
        fi
        RESULTS[$who]+="$result"$'\n'
        LOADS+="$(echo "$result" | cut -d' ' -f5)"$'\n'
        printf 'round %d %-6s %s  (req/s MB/s p99ms cpu_us/req load errors others%%)\n' "$round" "$who" "$result"
    done
done

column_median() { printf '%s' "${RESULTS[$1]}" | awk -v c="$2" 'NF { print $c }' | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
echo
echo "| what | nginx | PanelX | ratio | goal |"
echo "| --- | --- | --- | --- | --- |"
n=$(column_median nginx 1); p=$(column_median panelx 1); r=$(ratio "$n" "$p")
echo "| timeshift windows (req/s) | $n | $p | $r | ≥ 0.5×: $(awk -v r="$r" 'BEGIN { print (r >= 0.5) ? "met" : "NOT met" }') |"
n=$(column_median nginx 3); p=$(column_median panelx 3)
echo "| p99 latency (ms) | $n | $p | $(ratio "$n" "$p") | — |"
n=$(column_median nginx 4); p=$(column_median panelx 4)
echo "| server CPU per request (µs) | $n | $p | $(ratio "$n" "$p") | — |"
echo "load average (1 min) over the runs: median $(printf '%s' "$LOADS" | awk 'NF' | median) on $(nproc) cores"
errors=$(printf '%s\n' "${RESULTS[@]}" | awk 'NF && $6 != 0' | wc -l)
[ "$errors" = 0 ] || echo "WARNING: $errors runs had non-2xx answers or socket errors; their rates are not comparable"
