#!/usr/bin/env bash
# Installs the Debian packages shapegen needs (only the missing ones), then
# configures and builds it in ./build. Sourced by demo.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# pybind11 + Python headers build the Python module; NumPy is what it returns.
PACKAGES=(build-essential cmake pkg-config libcairo2-dev libpng-dev libdeflate-dev
          libboost-program-options-dev libboost-test-dev nlohmann-json3-dev
          pybind11-dev python3-pybind11 python3-dev python3-numpy
          ${SHAPEGEN_EXTRA_PACKAGES:-})
source scripts/packages.sh
install_missing "${PACKAGES[@]}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
