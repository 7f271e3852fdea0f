#!/usr/bin/env bash
# Installs what PanelX needs (Debian 12 packages), builds it and starts it with the demo channel.
# Extra arguments go to panelx, e.g. ./run.sh --headless --port 9000
set -euo pipefail
cd "$(dirname "$0")"
installer/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPANELX_TESTS=OFF -DPANELX_BENCH=OFF
cmake --build build -j"$(nproc)"
args=("$@")
# No display (a server or a container): run as a service instead of a window.
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [[ " ${args[*]} " != *" --headless "* ]]; then
  echo "No display found: starting headless (open the URL below in VLC or an IPTV app)."
  args=(--headless "${args[@]}")
fi
exec build/app/panelx "${args[@]}"
