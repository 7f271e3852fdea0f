#!/usr/bin/env bash
# Installs what the tests need (Debian 12 packages and the independent HLS checkers), builds
# PanelX with its tests and runs the whole suite through ctest.
set -euo pipefail
cd "$(dirname "$0")"
installer/install-deps.sh --test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPANELX_TESTS=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure --timeout 600 -j"$(nproc)"
