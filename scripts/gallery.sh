#!/usr/bin/env bash
# Regenerates docs/gallery/: for every augmentation op, a sheet made by
# shapegen itself with only that op on (p = 1). Each row is one base sample:
# the original first, then four variants. Also the preset sheets.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -x build/shapegen ]] || scripts/setup.sh
bin=build/shapegen
mkdir -p docs/gallery
ops=$("$bin" describe | sed -n 's/^order = //p' | tr -d ' ' | tr ',' ' ')
for op in $ops; do
  preset=basic
  [[ $op == background || $op == contrast ]] && preset=color
  "$bin" preview --preset "$preset" --count 3 --variants 4 --"$op".p=1 --out "docs/gallery/$op.png" >/dev/null
  echo "docs/gallery/$op.png"
done
for preset in basic augmented sketch handdrawn geometric photometric detection; do
  "$bin" preview --preset "$preset" --count 30 --columns 10 --out "docs/gallery/preset-$preset.png" >/dev/null
  echo "docs/gallery/preset-$preset.png"
done
