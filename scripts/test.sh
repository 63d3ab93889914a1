#!/usr/bin/env bash
# Quick start: install, build and run every test; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# Interop and Python tests; slurm-wlm + munge for the real Slurm run
# (tests/slurm), python3-yaml to parse deploy/k8s.
SHAPEGEN_EXTRA_PACKAGES="python3-numpy python3-pil python3-torch python3-torchvision python3-yaml slurm-wlm munge" scripts/setup.sh
cd build && ctest --output-on-failure -j"$(nproc)"
