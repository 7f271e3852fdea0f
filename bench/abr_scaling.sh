#!/usr/bin/env bash
# Scaling for the ladder: one pass from the source, or a cascade from a larger rung's picture
# (docs/benchmarks.md, "Scaling: one pass or a cascade"). On the same generated 1080p input as
# bench/abr.sh, for each way of making the 720p, 480p and 360p pictures: the CPU seconds of
# decoding and scaling alone (ffmpeg with one thread, the scaled pictures thrown away; the
# decode alone subtracted), medians of alternating runs; then each smaller rung encoded as the
# ladder encodes it and its PSNR against the source scaled straight to its size.
#
#   bench/abr_scaling.sh [RUNS] [SECONDS]
#
# RUNS defaults to 3, SECONDS of generated media to 20. Needs ffmpeg, ffprobe, /usr/bin/time.
set -euo pipefail

RUNS=${1:-3}
SECONDS_OF_MEDIA=${2:-20}
FPS=30
GOP=60
WORK=$(mktemp -d "${TMPDIR:-/tmp}/panelx-abr-scaling.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
INPUT="$WORK/input.ts"
make_abr_input "$INPUT" "$SECONDS_OF_MEDIA" "$FPS" "$GOP" 6

# The scaling graphs: every picture from the source (the ladder before), 360p from 720p (the
# ladder now), and 480p from 720p as well.
declare -A GRAPHS=(
  [one-pass]="[0:v]split=3[a][b][c];[a]scale=-2:720[o1];[b]scale=-2:480[o2];[c]scale=-2:360[o3]"
  [360p-from-720p]="[0:v]split=2[a][b];[a]scale=-2:720,split[o1][m];[m]scale=-2:360[o3];[b]scale=-2:480[o2]"
  [480p-360p-from-720p]="[0:v]scale=-2:720,split=3[o1][m][n];[m]scale=-2:480[o2];[n]scale=-2:360[o3]"
)
ORDER=(one-pass 360p-from-720p 480p-360p-from-720p)
single=(ffmpeg -nostdin -hide_banner -loglevel error -threads 1 -filter_threads 1
  -filter_complex_threads 1 -i "$INPUT")
declare -A CPU
decode=()
for _ in $(seq 1 "$RUNS"); do
  decode+=("$(cpu_of "${single[@]}" -an -f null -)")
  for name in "${ORDER[@]}"; do
    CPU[$name]+="$(cpu_of "${single[@]}" -filter_complex "${GRAPHS[$name]}" \
      -map "[o1]" -f null - -map "[o2]" -f null - -map "[o3]" -f null -) "
  done
done
DECODE=$(printf '%s\n' "${decode[@]}" | median)
ONE=$(printf '%s\n' ${CPU[one-pass]} | median)
echo
echo "| scaling | CPU s, decode + scale (median of $RUNS) | scaling alone | against one pass |"
echo "| --- | --- | --- | --- |"
for name in "${ORDER[@]}"; do
  printf '%s\n' ${CPU[$name]} | median | awk -v n="$name" -v d="$DECODE" -v one="$ONE" \
    '{ printf "| %s | %.2f | %.2f | %.0f %% |\n", n, $1, $1 - d, 100 * ($1 - d) / (one - d) }'
done
echo "Decoding alone: $DECODE s."

# Each smaller rung as the ladder encodes it (veryfast, the rung's bitrate and VBV, 2 s GOPs).
encode() { # OUT FILTER KBPS PROFILE
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$INPUT" -an -vf "$2" -c:v libx264 \
    -preset veryfast -profile:v "$4" -b:v "${3}k" -maxrate "$(( $3 * 11 / 10 ))k" \
    -bufsize "$(( $3 * 2 ))k" -g "$GOP" -keyint_min "$GOP" -sc_threshold 0 -flags +cgop \
    -pix_fmt yuv420p "$1"
}
echo
echo "| rung | from | PSNR (dB) | against from the source (dB) |"
echo "| --- | --- | --- | --- |"
for rung in "480 1400 main" "360 800 main"; do
  read -r height kbps profile <<<"$rung"
  encode "$WORK/direct.ts" "scale=-2:$height" "$kbps" "$profile"
  direct=$(psnr "$WORK/direct.ts" "$INPUT")
  printf '| %sp | the source | %.2f | |\n' "$height" "$direct"
  for from in 720 480; do
    [ "$from" -gt "$height" ] || continue
    encode "$WORK/cascade.ts" "scale=-2:$from,scale=-2:$height" "$kbps" "$profile"
    awk -v h="$height" -v f="$from" -v p="$(psnr "$WORK/cascade.ts" "$INPUT")" -v d="$direct" \
      'BEGIN { printf "| %sp | %sp | %.2f | %+.2f |\n", h, f, p, p - d }'
  done
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
