#!/usr/bin/env bash
# Rewrites tests/golden/*.png from the current build. Run it only when a
# rendering change is intended; look at the new images and explain the change
# in the commit that updates them.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target test_golden
SHAPEGEN_UPDATE_GOLDEN=1 ./build/tests/test_golden --run_test=rendered_images_match_the_references
git status --short tests/golden
