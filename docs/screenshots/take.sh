#!/usr/bin/env bash
# Saves a screenshot of every page of the PanelX window into this folder. It starts PanelX
# under Xvfb with a fresh data folder and settings (so the demo channel is created and goes
# live), turns the demo channel's quality ladder on, waits until the dashboard has some history,
# then visits each page (the Quality page shows the ladder's rungs at work).
#
#   docs/screenshots/take.sh [path/to/panelx] [--lang de]
#
# Needs xvfb-run (Debian package xvfb). The viewer server listens on 127.0.0.1 only.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin="$repo/build/app/panelx"
lang=en
while [ $# -gt 0 ]; do
  case "$1" in
    --lang) lang=${2:?--lang needs en or de}; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) bin=$1; shift ;;
  esac
done
[ -x "$bin" ] || { echo "No panelx program at $bin: build first, or give its path." >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install xvfb" >&2; exit 2; }

out="$here"
[ "$lang" = en ] || out="$here/$lang"
mkdir -p "$out"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config/PanelX" "$work/share" "$work/runtime"
chmod 700 "$work/runtime"
# A port away from the default, so a PanelX that is already running is not disturbed.
port=${PANELX_SCREENSHOT_PORT:-$((20000 + RANDOM % 20000))}
# Settings as a user would have them (no command-line overrides), so the Settings page shows
# the ordinary state; the data folder is the default one inside the temporary XDG_DATA_HOME.
cat > "$work/config/PanelX/PanelX.conf" <<CONF
[engine]
httpPort=$port
listen=loopback
[ui]
language=$lang
CONF

rm -f "$out"/[0-9][0-9]-*.png
echo "Taking screenshots into $out (about two minutes)..."
# The warm-up lets the dashboard's bitrate graph collect a minute of history.
XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/share" XDG_RUNTIME_DIR="$work/runtime" \
LANG=en_US.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb \
PANELX_SCREENSHOT_WARMUP_MS=${PANELX_SCREENSHOT_WARMUP_MS:-60000} \
  timeout 400 xvfb-run -a -s "-screen 0 1280x800x24" "$bin" --screenshots "$out"
ls -1 "$out"/[0-9][0-9]-*.png
