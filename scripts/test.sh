#!/usr/bin/env bash
# Quick start: install, build and run every test; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
# Interop and Python tests: Debian's Python with PIL, torch and torchvision,
# and python3-venv for build/venv, where scripts/venv.sh adds the pinned real
# clients (pycocotools, Ultralytics, webdataset) and the tests run (ccache
# makes the second build of the pip test a copy of the first);
# slurm-wlm + munge for the real Slurm run (tests/slurm), python3-yaml to
# parse deploy/k8s.
SHAPEGEN_EXTRA_PACKAGES="python3-pil python3-torch python3-torchvision python3-yaml python3-venv ccache slurm-wlm munge" \
SHAPEGEN_CMAKE_ARGS="-DSHAPEGEN_TEST_PYTHON=$PWD/build/venv/bin/python" scripts/setup.sh
scripts/venv.sh
cd build && ctest --output-on-failure -j"$(nproc)"
