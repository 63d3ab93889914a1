#!/usr/bin/env bash
# The measurements of docs/SCALE.md: one run against N shards run on this
# machine (then merged), and the bytes each layout takes per image.
# usage: scripts/bench-scale.sh [SHAPEGEN] [COUNT] [PRESET] [ROUNDS]
set -euo pipefail
bin=$(realpath "${1:-build/shapegen}")
count=${2:-20000}
preset=${3:-detection}
rounds=${4:-3}
cpus=$(nproc)
work=$(mktemp -d /tmp/shapegen-bench-scale.XXXXXX)  # fresh folders: no reuse of deleted ones
trap 'rm -rf "$work"' EXIT
args=(--preset "$preset" --count "$count" --split train=0.8,val=0.1,test=0.1
      --formats imagefolder,coco,yolo,masks,webdataset)
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "shapegen $("$bin" --version | cut -d' ' -f2), preset $preset, $count images, all layouts, $cpus CPUs;"
echo "each configuration run $rounds times, interleaved; the fastest and the median wall time"
echo
# The machine may be shared: configurations take turns, round after round,
# and the fastest of each is the least disturbed.
declare -A gen merge
for round in $(seq "$rounds"); do
  t0=$(now)
  "$bin" generate "${args[@]}" --jobs "$cpus" --out "$work/one-$round" >/dev/null
  t1=$(now)
  gen[1]+="$(secs "$t0" "$t1") "
  [[ $round == 1 ]] || rm -rf "$work/one-$round"
  for n in 2 4 8; do
    t0=$(now)
    seq 0 $((n - 1)) | xargs -P "$cpus" -I{} "$bin" generate "${args[@]}" --jobs 1 \
      --shard "{}/$n" --out "$work/s$n-$round-{}" >/dev/null
    t1=$(now)
    "$bin" merge --out "$work/m$n-$round" "$work"/s$n-$round-* >/dev/null
    t2=$(now)
    diff -r -q -x data.yaml "$work/one-1" "$work/m$n-$round" >/dev/null || { echo "merged $n differs"; exit 1; }
    gen[$n]+="$(secs "$t0" "$t1") "
    merge[$n]+="$(secs "$t1" "$t2") "
    rm -rf "$work"/s$n-$round-* "$work/m$n-$round"
  done
done
stats() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f s, median %.1f s", v[1], v[int((NR + 1) / 2)] }'; }
echo "| run | processes at once x threads | generate: fastest, median | merge: fastest, median |"
echo "|---|---|---|---|"
echo "| one run | 1 x $cpus | $(stats "${gen[1]}") | - |"
for n in 2 4 8; do
  echo "| $n shards, then merge | $cpus x 1 | $(stats "${gen[$n]}") | $(stats "${merge[$n]}") |"
done
echo
echo "| layout | files | bytes per image | note |"
echo "|---|---|---|---|"
# Files that are hard links to the primary images cost no bytes: count those
# of a layout's files that have no other name.
size() { find "$@" -type f -links 1 -printf '%s\n' 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }
files() { find "$@" -type f 2>/dev/null | wc -l; }
per() { awk -v b="$1" -v n="$count" 'BEGIN { printf "%.0f", b / n }'; }
d=$work/one-1
row() { echo "| $1 | $(files "${@:3}") | $(per "$(size "${@:3}")") | $2 |"; }
echo "| images/*.png | $count | $(per "$(find "$d/images" -maxdepth 1 -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')") | the primary files |"
row "manifest.jsonl" "" "$d/manifest.jsonl"
row "labels.csv" "" "$d/labels.csv"
row "COCO" "annotations/*.json" "$d/annotations"
row "YOLO" "labels/; images/<split>/ are hard links" "$d/labels" "$d/images/train" "$d/images/val" "$d/images/test"
row "masks" "semantic + instance" "$d/masks"
row "ImageFolder" "hard links to images/" "$d/train" "$d/val" "$d/test"
row "WebDataset" "PNG + JSON + cls, 512-byte tar blocks" "$d/webdataset"
echo
echo "disk used by the whole folder: $(du -sk "$d" | cut -f1) KiB for $count images"
