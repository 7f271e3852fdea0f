#!/usr/bin/env bash
# How many 720p25 channels with the 720p/480p/360p ladder one process keeps live in real time,
# and the RSS per ABR channel (docs/benchmarks.md, "Adaptive bitrate").
#
#   bench/abr_channels.sh [BUILD_DIR] [SECONDS] [MAX_CHANNELS]
#
# Makes a 720p25 H.264 (3 Mb/s) + AAC clip with the ffmpeg CLI (longer than warm-up and
# measurement, so no channel loops back to the file's start while measured), then runs
# abr_bench channels with K = 1, 2, ... channels of it, each read at its native rate in one
# engine, for SECONDS (60) each; stops after the first K that is not kept live. A channel is
# kept when every rung's speed stayed >= 1.0x at every reading (once a second), no frame was
# dropped and no rung fell behind or was shed. PRESET (veryfast) may be set in the environment.
set -euo pipefail

BUILD_DIR=${1:-build}
SECONDS_MEASURED=${2:-60}
MAX_CHANNELS=${3:-6}
PRESET=${PRESET:-veryfast}
DRIVER="$BUILD_DIR/bench/abr_bench"
[ -x "$DRIVER" ] || { echo "missing $DRIVER — build the 'abr_bench' target first" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "missing ffmpeg (installer/install-deps.sh --test)" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/panelx-abr-channels.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

CLIP_SECONDS=$(( SECONDS_MEASURED + 60 ))
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=s=1280x720:r=25:d=20,noise=alls=6:allf=t" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:d=20" \
  -c:v libx264 -preset veryfast -b:v 3M -maxrate 3M -bufsize 6M -g 50 -keyint_min 50 \
  -sc_threshold 0 -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 -f mpegts "$WORK/part.ts"
ffmpeg -nostdin -hide_banner -loglevel error -y -stream_loop $(( CLIP_SECONDS / 20 )) \
  -i "$WORK/part.ts" -c copy -f mpegts "$WORK/clip.ts"
echo "clip: $(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/clip.ts") s of" \
  "720p25, $(( $(stat -c %s "$WORK/clip.ts") / 1000000 )) MB; ladder 720p,480p,360p, preset $PRESET"

for channels in $(seq 1 "$MAX_CHANNELS"); do
  echo "K=$channels (load average at start: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$DRIVER" channels "$WORK/clip.ts" "$channels" "$SECONDS_MEASURED" 720p,480p,360p "$PRESET" \
    | tee "$WORK/run.txt"
  kept=$(awk '$1 == "channels" { print $4 }' "$WORK/run.txt")
  [ "$kept" = "$channels" ] || break
done
