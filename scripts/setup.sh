#!/usr/bin/env bash
# Installs the Debian packages shapegen needs (only the missing ones), then
# configures and builds it in ./build. Run by demo.sh and test.sh.
#   scripts/setup.sh       everything: library, CLI, Python module, tests, fuzz
#                          drivers, benchmarks (test.sh)
#   scripts/setup.sh cli   only the command, and only the packages it needs
#                          (demo.sh); a ./build configured before keeps its
#                          settings, only the CLI is built
# $SHAPEGEN_EXTRA_PACKAGES: more Debian packages; $SHAPEGEN_CMAKE_ARGS: more
# configure arguments (full build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=${1:-all}

PACKAGES=(build-essential cmake pkg-config libcairo2-dev libpng-dev libdeflate-dev
          libboost-program-options-dev nlohmann-json3-dev)
if [[ $mode != cli ]]; then
  # Boost.Test for the tests; pybind11 + Python headers build the Python
  # module, NumPy is what it returns.
  PACKAGES+=(libboost-test-dev pybind11-dev python3-pybind11 python3-dev python3-numpy
             ${SHAPEGEN_EXTRA_PACKAGES:-})
fi
source scripts/packages.sh
install_missing "${PACKAGES[@]}"

if [[ $mode == cli ]]; then
  if [[ ! -f build/CMakeCache.txt ]]; then
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DSHAPEGEN_PYTHON=OFF >/dev/null
  fi
  cmake --build build -j"$(nproc)" --target shapegen_cli
else
  # Tests and module on explicitly: a ./build that `setup.sh cli` made has them off.
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON -DSHAPEGEN_PYTHON=ON \
        ${SHAPEGEN_CMAKE_ARGS:-} >/dev/null
  cmake --build build -j"$(nproc)"
fi
