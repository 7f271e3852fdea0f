#!/usr/bin/env bash
# Adaptive bitrate benchmark: the engine's ladder (bench/abr_bench.cpp: one Transcoder, decode
# once, four libx264 rungs into a segment store) against the ffmpeg command line doing the same
# job (one decode, split, four scales, four libx264 outputs) on the same generated 1080p30
# file, alternating runs; medians of wall and CPU seconds, their ratios, and each rung's PSNR
# against the source for both.
#
#   bench/abr.sh [BUILD_DIR] [RUNS] [SECONDS]
#
# BUILD_DIR defaults to ./build (the `abr_bench` target must be built), RUNS to 3, SECONDS of
# generated media to 60. PRESET (veryfast) and SEGMENT_MS (2000, also the GOP) may be set in the
# environment; NOISE (6) is the strength of the temporal noise laid over testsrc2 so the
# encoders get something closer to camera pictures than flat test patterns; INPUT=file uses
# that file instead (1080p at 30 fps for the GOP to be SEGMENT_MS). At the end one more run
# of each side under perf gives the CPU per library (PROFILE=0 leaves it out). Needs ffmpeg,
# ffprobe and /usr/bin/time; perf for the profile.
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${2:-3}
SECONDS_OF_MEDIA=${3:-60}
PRESET=${PRESET:-veryfast}
SEGMENT_MS=${SEGMENT_MS:-2000}
NOISE=${NOISE:-6}
FPS=30
GOP=$(( FPS * SEGMENT_MS / 1000 ))
DRIVER="$BUILD_DIR/bench/abr_bench"
[ -x "$DRIVER" ] || { echo "missing $DRIVER — build the 'abr_bench' target first" >&2; exit 1; }
for tool in ffmpeg ffprobe /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (installer/install-deps.sh --test)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/panelx-abr.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${INPUT:-}" ]; then
  [ -f "$INPUT" ] || { echo "INPUT=$INPUT is not a file" >&2; exit 1; }
else
  # MP2 audio, as DVB sources send: both sides then make the same AAC 128k (the ladder copies
  # AAC sources, where ffmpeg told to encode would do work the ladder does not).
  echo "Generating ${SECONDS_OF_MEDIA} s of 1080p${FPS} H.264 (20 Mb/s) + MP2 ..."
  INPUT="$WORK/input.ts"
  make_abr_input "$INPUT" "$SECONDS_OF_MEDIA" "$FPS" "$GOP" "$NOISE"
fi
echo "Input: $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$INPUT") s, $(( $(stat -c %s "$INPUT") / 1000000 )) MB"

# The ladder of engine/transcode/Ladder.cpp: name height kb/s profile.
RUNGS=("1080p 1080 5000 high" "720p 720 2800 high" "480p 480 1400 main" "360p 360 800 main")
FILTER="[0:v]split=4[a][b][c][d];[a]scale=-2:1080[v1];[b]scale=-2:720[v2];[c]scale=-2:480[v3];[d]scale=-2:360[v4]"
FFMPEG_CMD=(ffmpeg -nostdin -hide_banner -loglevel error -y -i "$INPUT" -filter_complex "$FILTER")
index=1
for rung in "${RUNGS[@]}"; do
  read -r name height kbps profile <<<"$rung"
  FFMPEG_CMD+=(-map "[v$index]" -map 0:a -c:v libx264 -preset "$PRESET" -profile:v "$profile"
    -b:v "${kbps}k" -maxrate "$(( kbps * 11 / 10 ))k" -bufsize "$(( kbps * 2 ))k"
    -g "$GOP" -keyint_min "$GOP" -sc_threshold 0 -flags +cgop -pix_fmt yuv420p -fps_mode passthrough
    -c:a aac -b:a 128k -ac 2
    -f hls -hls_time "$(( SEGMENT_MS / 1000 ))" -hls_list_size 0
    -hls_segment_filename "$WORK/ff/$name/%d.ts" "$WORK/ff/$name/index.m3u8")
  index=$(( index + 1 ))
done
echo
echo "ffmpeg command (INPUT and OUT stand for the folders of the run):"
printf '%q ' "${FFMPEG_CMD[@]}" | sed "s|$INPUT|INPUT|g; s|$WORK/ff|OUT|g"
echo
echo

# Wall and CPU seconds (user + sys, children included) of one command: "wall cpu".
measure() {
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" "$@" >"$WORK/out.txt"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$WORK/time.txt"
}

OURS_WALL=(); OURS_CPU=(); FF_WALL=(); FF_CPU=(); LOADS=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/ours" "$WORK/ff"
  for rung in "${RUNGS[@]}"; do mkdir -p "$WORK/ff/${rung%% *}"; done
  LOADS+=("$(loadavg)")
  read -r wall cpu < <(measure "$DRIVER" ladder "$INPUT" "$WORK/ours" "$SEGMENT_MS" "$PRESET" \
    1080p,720p,480p,360p)
  OURS_WALL+=("$wall"); OURS_CPU+=("$cpu")
  cp "$WORK/out.txt" "$WORK/ours.txt"
  read -r wall cpu < <(measure "${FFMPEG_CMD[@]}")
  FF_WALL+=("$wall"); FF_CPU+=("$cpu")
  echo "run $run (load ${LOADS[-1]}): panelx ${OURS_WALL[-1]} s wall ${OURS_CPU[-1]} s CPU," \
    "ffmpeg ${FF_WALL[-1]} s wall ${FF_CPU[-1]} s CPU"
done
echo
grep -E '^rung' "$WORK/ours.txt" | sed 's/ dir .*//'

frames() { ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 "$1" | sed -n 1p; }
# Segments in order, concatenated: what a player downloads.
concat() { find "$1" -name '*.ts' -printf '%f\n' | sort -n | sed "s|^|$1/|" | xargs cat >"$2"; }

echo
echo "| rung | size | frames ours / ffmpeg | PSNR ours (dB) | PSNR ffmpeg (dB) | difference (dB) |"
echo "| --- | --- | --- | --- | --- | --- |"
for rung in "${RUNGS[@]}"; do
  name=${rung%% *}
  ours_dir=$(awk -v n="$name" '$1 == "rung" && $2 == n { print $NF }' "$WORK/ours.txt")
  concat "$ours_dir" "$WORK/ours-$name.ts"
  concat "$WORK/ff/$name" "$WORK/ff-$name.ts"
  size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0:s=x "$WORK/ours-$name.ts" | sed -n 1p)
  ours=$(psnr "$WORK/ours-$name.ts" "$INPUT"); ff=$(psnr "$WORK/ff-$name.ts" "$INPUT")
  awk -v n="$name" -v s="$size" -v o="$ours" -v f="$ff" -v fo="$(frames "$WORK/ours-$name.ts")" \
    -v ff="$(frames "$WORK/ff-$name.ts")" \
    'BEGIN { printf "| %s | %s | %s / %s | %.2f | %.2f | %+.2f |\n", n, s, fo, ff, o, f, o - f }'
done

OW=$(printf '%s\n' "${OURS_WALL[@]}" | median); OC=$(printf '%s\n' "${OURS_CPU[@]}" | median)
FW=$(printf '%s\n' "${FF_WALL[@]}" | median); FC=$(printf '%s\n' "${FF_CPU[@]}" | median)
awk -v ow="$OW" -v oc="$OC" -v fw="$FW" -v fc="$FC" -v runs="$RUNS" -v loads="${LOADS[*]}" 'BEGIN {
  printf "\n| | wall s (median of %d) | CPU s (median of %d) |\n| --- | --- | --- |\n", runs, runs
  printf "| PanelX ladder | %.2f | %.2f |\n| ffmpeg CLI | %.2f | %.2f |\n", ow, oc, fw, fc
  printf "\nThroughput ratio (ffmpeg wall / PanelX wall): %.3fx (goal >= 1.10x)\n", fw / ow
  printf "CPU ratio (ffmpeg CPU / PanelX CPU): %.3fx\n", fc / oc
  printf "Load average (1 min) at the start of each run: %s\n", loads
}'

# Where the CPU goes, per library, one more run of each under perf (not timed), when perf is
# there and may sample: libx264 is the encoders, libavcodec the H.264 decoder and AAC, libswscale
# the scaling (ffmpeg's scale filters call it too).
if [ "${PROFILE:-1}" = 1 ] && command -v perf >/dev/null \
    && perf record -q -o "$WORK/probe.perf" -- true 2>/dev/null; then
  rm -rf "$WORK/profile-ours"
  perf record -q -F 250 -o "$WORK/ours.perf" -- "$DRIVER" ladder "$INPUT" "$WORK/profile-ours" \
    "$SEGMENT_MS" "$PRESET" 1080p,720p,480p,360p >/dev/null 2>&1
  perf record -q -F 250 -o "$WORK/ff.perf" -- "${FFMPEG_CMD[@]}" >/dev/null 2>&1
  by_library() {
    perf report -i "$1" --sort dso --stdio 2>/dev/null \
      | awk '/^ +[0-9.]+%/ { sub(/\.so.*/, "", $2); sub(/%/, "", $1); if ($1 >= 0.5) printf "%s %s\n", $2, $1 }'
  }
  echo
  echo "| library | share of PanelX's CPU (%) | share of ffmpeg's CPU (%) |"
  echo "| --- | --- | --- |"
  join -a1 -a2 -e - -o 0,1.2,2.2 <(by_library "$WORK/ours.perf" | sort -k1,1) <(by_library "$WORK/ff.perf" | sort -k1,1) \
    | sort -k2 -gr | awk '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
fi
