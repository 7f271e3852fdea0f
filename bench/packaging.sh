#!/usr/bin/env bash
# Packaging benchmark: CPU seconds (user + sys) per minute of 1080p H.264 + AAC media for the
# engine's copy-mode segmenter (bench/packaging.cpp) against `ffmpeg -c copy -f hls` on the
# same file, same 4 s segments. Several alternating runs; medians and their ratio.
#
#   bench/packaging.sh [BUILD_DIR] [RUNS] [MINUTES]
#
# BUILD_DIR defaults to ./build (the `packaging` target must be built), RUNS to 5, MINUTES of
# generated media to 5. Needs ffmpeg, ffprobe and /usr/bin/time.
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${2:-5}
MINUTES=${3:-5}
SEGMENT_MS=4000
DRIVER="$BUILD_DIR/bench/packaging"
[ -x "$DRIVER" ] || { echo "missing $DRIVER — build the 'packaging' target first" >&2; exit 1; }
for tool in ffmpeg ffprobe /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (installer/install-deps.sh --test)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/panelx-packaging.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# 20 s of 1080p25 at ~5 Mb/s (noise keeps the encoder from starving the bitrate), 2 s GOP,
# AAC 128k stereo, looped by stream copy to the wanted length: an MP4 as a channel's file
# source would be.
echo "Generating ${MINUTES} min of 1080p H.264 + AAC ..."
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=s=1920x1080:r=25,noise=alls=12:allf=t" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000" -t 20 \
  -c:v libx264 -preset ultrafast -b:v 5M -maxrate 5M -bufsize 10M -g 50 -keyint_min 50 \
  -sc_threshold 0 -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 "$WORK/part.mp4"
LOOPS=$(( MINUTES * 3 - 1 ))
ffmpeg -nostdin -hide_banner -loglevel error -y -stream_loop "$LOOPS" -i "$WORK/part.mp4" \
  -c copy -movflags +faststart "$WORK/input.mp4"
rm "$WORK/part.mp4"
DURATION=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/input.mp4")
SIZE_MB=$(( $(stat -c %s "$WORK/input.mp4") / 1000000 ))
echo "Input: ${DURATION} s, ${SIZE_MB} MB"

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

OURS=()
FFMPEG=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/ours" "$WORK/ff" && mkdir -p "$WORK/ff"
  OURS+=("$(cpu_of "$DRIVER" "$WORK/input.mp4" "$WORK/ours" "$SEGMENT_MS")")
  FFMPEG+=("$(cpu_of ffmpeg -nostdin -hide_banner -loglevel error -i "$WORK/input.mp4" -c copy \
    -f hls -hls_time $(( SEGMENT_MS / 1000 )) -hls_list_size 0 \
    -hls_segment_filename "$WORK/ff/%d.ts" "$WORK/ff/index.m3u8")")
  echo "run $run: panelx ${OURS[-1]} s, ffmpeg ${FFMPEG[-1]} s"
done
OURS_SEGMENTS=$(find "$WORK/ours/segments" -name '*.ts' | wc -l)
FF_SEGMENTS=$(find "$WORK/ff" -name '*.ts' | wc -l)

OURS_MED=$(printf '%s\n' "${OURS[@]}" | median)
FF_MED=$(printf '%s\n' "${FFMPEG[@]}" | median)
awk -v o="$OURS_MED" -v f="$FF_MED" -v d="$DURATION" -v os="$OURS_SEGMENTS" -v fs="$FF_SEGMENTS" \
    -v runs="$RUNS" 'BEGIN {
  m = d / 60
  printf "\n| | CPU s (median of %d) | CPU s per minute of media | segments |\n", runs
  printf "| --- | --- | --- | --- |\n"
  printf "| PanelX segmenter | %.3f | %.4f | %d |\n", o, o / m, os
  printf "| ffmpeg -c copy -f hls | %.3f | %.4f | %d |\n", f, f / m, fs
  printf "\nRatio PanelX / ffmpeg: %.2fx (goal <= 0.8x)\n", o / f
}'
