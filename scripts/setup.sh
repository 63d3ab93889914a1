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
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
