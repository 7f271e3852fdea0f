#!/usr/bin/env bash
# Scale and start-up of the engine (docs/benchmarks.md, "Scale" and "Start-up").
#   bench/engine.sh [build-dir] [channel counts...]
# Makes a 60 s 1080p H.264 (5 Mb/s) + AAC clip with the ffmpeg CLI, then runs engine_bench:
# N copy channels of it, each read at its native rate, in one process.
set -euo pipefail
build="${1:-build}"; shift || true
counts=("${@:-25 50 100}")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
clip="$work/clip-5mbps.ts"
ffmpeg -v error -f lavfi -i testsrc2=s=1920x1080:r=25:d=60 -f lavfi -i sine=f=440:r=48000:d=60 \
  -c:v libx264 -preset ultrafast -b:v 5M -maxrate 5M -bufsize 5M -g 50 -keyint_min 50 \
  -sc_threshold 0 -x264-params nal-hrd=cbr -c:a aac -b:a 128k -f mpegts "$clip"
echo "clip: $(du -h "$clip" | cut -f1), $(ffprobe -v error -show_entries format=bit_rate -of csv=p=0 "$clip") b/s"
"$build/bench/engine_bench" startup "$clip" 7
for n in ${counts[@]}; do
  "$build/bench/engine_bench" scale "$clip" "$n"
done
