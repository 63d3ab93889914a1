#!/usr/bin/env bash
# Quick start: install, build and run every test; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cd build && ctest --output-on-failure -j"$(nproc)"
