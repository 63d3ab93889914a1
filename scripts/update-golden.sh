#!/usr/bin/env bash
# Regenerates the reference datasets of our golden suite:
#   tests/golden/<case>/ref/  from  tests/golden/<case>/preset.ini
# Run it only when a change of rendering or labels is intended; look at the
# new images (and `git diff` of the manifests) and say why in the commit.
# With case names, only those cases are rewritten.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target shapegen_cli >/dev/null
cases=("$@")
if ((${#cases[@]} == 0)); then
  for dir in tests/golden/*/; do cases+=("$(basename "$dir")"); done
fi
for case in "${cases[@]}"; do
  ./build/shapegen generate --preset "tests/golden/$case/preset.ini" --out "tests/golden/$case/ref" --overwrite
done
git status --short tests/golden
