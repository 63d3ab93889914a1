#!/usr/bin/env bash
# Quick start: install, build the command (only what the demo runs), generate
# the default preset into ./out and a contact sheet into ./out-preview.png.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh cli
./build/shapegen generate --preset basic --out out --overwrite
./build/shapegen preview --preset basic --count 24 --out out-preview.png
echo "dataset: $(pwd)/out  (images/, manifest.jsonl, labels.csv, classes.json, dataset.ini)"
echo "preview: $(pwd)/out-preview.png"
