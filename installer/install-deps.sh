#!/usr/bin/env bash
# Installs the Debian 12 packages PanelX Desktop needs to build and run; with --test also
# the independent checkers the test suite and benchmarks use. Idempotent; run as root.
set -euo pipefail
BUILD=(cmake ninja-build g++ pkg-config clang-format
       qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-multimedia-dev qt6-charts-dev
       qt6-svg-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
       libavformat-dev libavcodec-dev libavutil-dev libavfilter-dev libavdevice-dev
       libswscale-dev libswresample-dev libh2o-evloop-dev libssl-dev libqrencode-dev
       libsqlite3-dev
       qt6-qpa-plugins
       gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
       gstreamer1.0-libav libqt6multimedia6
       fonts-dejavu-core)
TEST=(ffmpeg curl nginx-light wrk xvfb x11-apps imagemagick desktop-file-utils appstream
      dpkg-dev file procps time)
PKGS=("${BUILD[@]}")
[ "${1:-}" = --test ] && PKGS+=("${TEST[@]}")
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[install-deps] installing: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The independent HLS players and validators the tests check our output with, when the
# checkout sits beside them (tests skip with a message otherwise).
if [ "${1:-}" = --test ]; then
  clients="${PANELX_HLS_CLIENTS:-$(cd "$(dirname "$0")/.." && pwd)/../shared/tools/hls-clients}"
  if [ -x "$clients/install.sh" ]; then
    "$clients/install.sh" || echo "[install-deps] HLS client tools could not be installed; their checks will be skipped"
  fi
fi
