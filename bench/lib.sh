# Shell helpers the benchmark scripts share; source it after setting WORK (a scratch folder).

# Prints user+sys CPU seconds of one command.
cpu_of() {
  local out="$WORK/time.txt"
  /usr/bin/time -f "%U %S" -o "$out" "$@" >/dev/null
  awk '{ printf "%.3f\n", $1 + $2 }' "$out"
}

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# --- servers on loopback
stop() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
free_port() {
    local port
    for port in $(seq 18200 18300); do
        if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo $port; return; fi
    done
    echo "$(basename "$0"): no free loopback port in 18200-18300" >&2; exit 1
}

# Starts $SERVER (serve_segments) with $SERVER_ARGS and the given arguments in $WORK/$1, and
# waits for its READY line.
start_server() {
    local name=$1; shift
    "$SERVER" $SERVER_ARGS "$@" --data-dir "$WORK/$name" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    echo $! >"$WORK/$name.pid"
    for _ in $(seq 600); do grep -q READY "$WORK/$name.out" && break; sleep 0.1; done
    grep -q READY "$WORK/$name.out" || { cat "$WORK/$name.err" >&2; exit 1; }
}

# --- wrk runs (serving.sh, timeshift_serving.sh); they read WRK_THREADS, CONNECTIONS, DURATION.
loadavg() { cut -d' ' -f1 /proc/loadavg; }
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# user + nice + system time of the whole machine, and of this shell's finished children (wrk).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 }' /proc/stat; }
children_ticks() { times | awk -v hz="$TICKS" 'NR == 2 { split($1 " " $2, t, /[ms ]+/); print int((t[1] * 60 + t[2] + t[3] * 60 + t[4]) * hz) }'; }

# One wrk run against URL $1 while measuring process $2 (with wrk's Lua script $3 when given)
#   -> "requests/s MB/s p99_ms cpu_us/request load_average errors others_cpu_percent".
# The load average counts the benchmark's own threads too (wrk, and the server's loop
# threads); "others" is the CPU that neither wrk nor the measured server used during the run,
# in percent of all cores: what other programs took.
wrk_run() {
    local before after summary load machine0 machine1 wrk0 wrk1 start_ns end_ns
    load=$(loadavg)
    start_ns=$(date +%s%N); machine0=$(machine_ticks); wrk0=$(children_ticks)
    before=$(cpu_ticks "$2")
    summary=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency ${3:+-s "$3"} "$1" | awk '
        / 99% / { v = $2; ms = v + 0;
                  if (v ~ /us$/) ms /= 1000; else if (v ~ /ms$/) ms += 0; else if (v ~ /s$/) ms *= 1000; p99 = ms }
        /^Requests\/sec/ { rps = $2 }
        /^Transfer\/sec/ { v = $2; mb = v + 0;
                  if (v ~ /GB$/) mb *= 1024; else if (v ~ /KB$/) mb /= 1024; else if (v ~ /B$/ && v !~ /MB$/) mb /= 1048576; bw = mb }
        /Non-2xx|Socket errors/ { errors = 1 }
        END { printf "%.1f %.1f %.2f %d", rps, bw, p99, errors }')
    after=$(cpu_ticks "$2")
    machine1=$(machine_ticks); wrk1=$(children_ticks); end_ns=$(date +%s%N)
    echo "$summary" | awk -v t=$((after - before)) -v hz="$TICKS" -v d="$DURATION" -v load="$load" \
        -v others=$(( (machine1 - machine0) - (after - before) - (wrk1 - wrk0) )) -v n="$(nproc)" \
        -v elapsed=$(( (end_ns - start_ns) / 1000000 )) \
        '{ o = others / (hz * elapsed / 1000 * n) * 100; if (o < 0) o = 0
           printf "%s %s %s %.1f %s %s %.0f\n", $1, $2, $3, ($1 > 0) ? t / hz * 1e6 / ($1 * d) : 0, load, $4, o }'
}

# --- adaptive bitrate (abr.sh, abr_scaling.sh)
# Writes SECONDS of 1920x1080 H.264 at FPS (20 Mb/s, a keyframe every GOP frames) + MP2 192k,
# as DVB sources send, to OUT: lavfi's testsrc2 with temporal noise of strength NOISE, so the
# encoders see grain rather than flat test patterns.
make_abr_input() {
  local out=$1 seconds=$2 fps=$3 gop=$4 noise=$5
  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=s=1920x1080:r=${fps}:d=${seconds},noise=alls=${noise}:allf=t" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:d=${seconds}" \
    -c:v libx264 -preset ultrafast -b:v 20M -maxrate 20M -bufsize 40M -g "$gop" -keyint_min "$gop" \
    -sc_threshold 0 -pix_fmt yuv420p -c:a mp2 -b:a 192k -ac 2 -f mpegts "$out"
}

# PSNR (the psnr filter's "average", all planes) of an encoded RUNG against SOURCE scaled to the
# rung's size with swscale's bicubic; timestamps from 0 on both, so frames pair up.
psnr() {
  local rung=$1 source=$2 size
  size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0:s=x "$rung" | sed -n 1p)
  ffmpeg -nostdin -hide_banner -i "$rung" -i "$source" -lavfi \
    "[0:v]setpts=PTS-STARTPTS[d];[1:v]setpts=PTS-STARTPTS,scale=${size%x*}:${size#*x}:flags=bicubic[ref];[d][ref]psnr" \
    -f null - 2>&1 | sed -n 's/.*PSNR .* average:\([0-9.inf]*\).*/\1/p' | tail -1
}
