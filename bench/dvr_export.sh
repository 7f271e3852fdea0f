#!/usr/bin/env bash
# Recording export benchmark: CPU seconds (user + sys) to turn a long recording, stored as 4 s
# MPEG-TS segments of 1080p H.264 + AAC, into one MP4 with the moov atom in front: the engine's
# RecordingExport (driven by bench/dvr_export.cpp) against
# `ffmpeg -i rec.m3u8 -c copy -movflags +faststart out.mp4` on the same segments. ROUNDS
# alternating rounds; medians and their ratio (goal <= 1.0x), the load average at start and end.
#
#   bench/dvr_export.sh [BUILD_DIR]       (env: ROUNDS=5 MINUTES=60)
#
# BUILD_DIR defaults to ./build (the `dvr_export` target must be built). One minute of media is
# encoded (x264 ultrafast, noise keeps the bitrate near 5 Mb/s, 2 s GOP) and cut into segments;
# the other minutes are stream copies of those with their timestamps moved on, so the
# recording's timeline continues.
# Needs ffmpeg, ffprobe, /usr/bin/time and about 3 x 38 MB per minute of free space in TMPDIR.
set -euo pipefail

BUILD_DIR=${1:-build}
ROUNDS=${ROUNDS:-5}
MINUTES=${MINUTES:-60}
SEGMENT_S=4
DRIVER="$BUILD_DIR/bench/dvr_export"
[ -x "$DRIVER" ] || { echo "missing $DRIVER — build the 'dvr_export' target first" >&2; exit 1; }
for tool in ffmpeg ffprobe /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool (installer/install-deps.sh --test)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/panelx-dvr-export.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "Generating a ${MINUTES} min recording of 1080p H.264 + AAC in ${SEGMENT_S} s segments ..."
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=s=1920x1080:r=25,noise=alls=12:allf=t" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000" -t 60 \
  -c:v libx264 -preset ultrafast -b:v 5M -maxrate 5M -bufsize 10M -g 50 -keyint_min 50 \
  -sc_threshold 0 -pix_fmt yuv420p -c:a aac -b:a 128k -ac 2 -f mpegts "$WORK/minute.ts"
mkdir "$WORK/minute" "$WORK/rec"
ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/minute.ts" -c copy -f segment \
  -segment_time "$SEGMENT_S" -segment_format mpegts "$WORK/minute/%d.ts"
PER_MINUTE=$(find "$WORK/minute" -name '*.ts' | wc -l)
# Each segment copied once per minute, its timestamps moved on by that many minutes (the
# muxer adds the same constant to every copy, so the timeline stays continuous).
for minute in $(seq 0 $(( MINUTES - 1 ))); do
  for i in $(seq 0 $(( PER_MINUTE - 1 ))); do
    ffmpeg -nostdin -hide_banner -loglevel error -y -copyts -i "$WORK/minute/$i.ts" -c copy \
      -output_ts_offset $(( minute * 60 )) -f mpegts "$WORK/rec/$(( minute * PER_MINUTE + i )).ts"
  done
done
rm -r "$WORK/minute.ts" "$WORK/minute"
SEGMENTS=$(find "$WORK/rec" -name '*.ts' | wc -l)
{
  echo "#EXTM3U"
  echo "#EXT-X-VERSION:3"
  echo "#EXT-X-TARGETDURATION:$(( SEGMENT_S + 2 ))"
  echo "#EXT-X-MEDIA-SEQUENCE:0"
  echo "#EXT-X-PLAYLIST-TYPE:VOD"
  for n in $(seq 0 $(( SEGMENTS - 1 ))); do
    echo "#EXTINF:${SEGMENT_S}.000,"
    echo "rec/$n.ts"
  done
  echo "#EXT-X-ENDLIST"
} >"$WORK/rec.m3u8"
SIZE_MB=$(( $(du -sb "$WORK/rec" | cut -f1) / 1000000 ))
echo "Input: ${SEGMENTS} segments, ${SIZE_MB} MB"

# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

OURS=()
FFMPEG=()
for round in $(seq 1 "$ROUNDS"); do
  rm -f "$WORK/ours.mp4" "$WORK/ff.mp4"
  OURS+=("$(cpu_of "$DRIVER" "$WORK/rec.m3u8" "$WORK/ours.mp4")")
  FFMPEG+=("$(cpu_of ffmpeg -nostdin -hide_banner -loglevel error -y -i "$WORK/rec.m3u8" \
    -c copy -movflags +faststart "$WORK/ff.mp4")")
  echo "round $round: panelx ${OURS[-1]} s, ffmpeg ${FFMPEG[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
done

duration_of() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
OURS_DURATION=$(duration_of "$WORK/ours.mp4")
FF_DURATION=$(duration_of "$WORK/ff.mp4")
OURS_MB=$(( $(stat -c %s "$WORK/ours.mp4") / 1000000 ))
FF_MB=$(( $(stat -c %s "$WORK/ff.mp4") / 1000000 ))

OURS_MED=$(printf '%s\n' "${OURS[@]}" | median)
FF_MED=$(printf '%s\n' "${FFMPEG[@]}" | median)
awk -v o="$OURS_MED" -v f="$FF_MED" -v od="$OURS_DURATION" -v fd="$FF_DURATION" \
    -v om="$OURS_MB" -v fm="$FF_MB" -v rounds="$ROUNDS" -v minutes="$MINUTES" 'BEGIN {
  printf "\n| %d min recording | CPU s (median of %d) | CPU s per minute of media | output s | output MB |\n", minutes, rounds
  printf "| --- | --- | --- | --- | --- |\n"
  printf "| PanelX RecordingExport | %.3f | %.4f | %.2f | %d |\n", o, o / minutes, od, om
  printf "| ffmpeg -c copy -movflags +faststart | %.3f | %.4f | %.2f | %d |\n", f, f / minutes, fd, fm
  printf "\nRatio PanelX / ffmpeg: %.2fx (goal <= 1.0x)\n", o / f
}'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
