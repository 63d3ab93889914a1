#!/usr/bin/env bash
# Builds shapegen in ./build-asan with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and the libFuzzer targets of fuzz/: one build
# serves scripts/sanitize.sh and scripts/fuzz.sh. Installs clang and its
# runtimes (Debian packages) when missing; incremental after the first run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(clang libclang-rt-14-dev)
source scripts/packages.sh
install_missing "${PACKAGES[@]}"

# -O1 with line tables: file:line in every report, at a fraction of -O0's test time
# and of full debug info's build time. The compiler is chosen once, at the first
# configure; the other settings are applied every time.
config=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only"
        -DSHAPEGEN_SANITIZE=ON -DSHAPEGEN_FUZZ=ON)
if [[ -f build-asan/CMakeCache.txt ]]; then
  cmake -S . -B build-asan "${config[@]}" >/dev/null
else
  CC=clang CXX=clang++ cmake -S . -B build-asan "${config[@]}" >/dev/null
fi
cmake --build build-asan -j"$(nproc)"
