#!/usr/bin/env bash
# Quick start: install, build and run every test; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
SHAPEGEN_EXTRA_PACKAGES="python3-numpy python3-pil python3-torch python3-torchvision" scripts/setup.sh
cd build && ctest --output-on-failure -j"$(nproc)"
