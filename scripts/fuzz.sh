#!/usr/bin/env bash
# A bounded libFuzzer run of every target in fuzz/ (built in ./build-asan
# with ASan + UBSan): each for FUZZ_SECONDS (default 60), FUZZ_PARALLEL
# (default 2) at a time, on a temporary copy of its corpus so the
# committed corpus stays as it is. A crash, leak, timeout, out-of-memory or
# broken round trip fails the run; the input that did it is kept in
# build-asan/fuzz-artifacts/ and shown. New corpus entries are discarded.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-asan.sh
seconds=${FUZZ_SECONDS:-60}
parallel=${FUZZ_PARALLEL:-2}
targets=(preset value overrides manifest png tar)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$PWD/build-asan/fuzz-artifacts
mkdir -p "$artifacts"
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

run_target() {
  local t=$1 dict=() max_len=8192
  # A real WebDataset tar is whole 10240-byte records: the tar target's seeds
  # must fit.
  [[ $t == tar ]] && max_len=24576
  cp -r "fuzz/corpus/$t" "$work/$t"
  [[ -f fuzz/$t.dict ]] && dict=(-dict="fuzz/$t.dict")
  if build-asan/fuzz/fuzz_"$t" "$work/$t" "${dict[@]}" -max_total_time="$seconds" -max_len="$max_len" \
       -timeout=10 -malloc_limit_mb=256 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts/$t-" >"$work/$t.log" 2>&1; then
    echo "fuzz_$t: $(grep -E '^stat::number_of_executed_units' "$work/$t.log" | awk '{print $2}') runs, no failure"
  else
    echo "fuzz_$t: FAILED"
    tail -n 60 "$work/$t.log"
    return 1
  fi
}
export -f run_target
export work seconds artifacts

status=0
printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'run_target {}' || status=1
if ((status)); then
  for f in "$artifacts"/*; do
    [[ -f $f ]] || continue
    echo "failing input $f:"
    od -A d -c "$f" | head -n 20
  done
fi
exit $status
