#!/usr/bin/env bash
# The test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang,
# ./build-asan): any report of either fails the run. The fuzz corpus is
# replayed too (CTest fuzz_corpus_*), under libFuzzer's malloc limit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-asan.sh
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
# The interop tests run Debian's Python on datasets: the instrumented code
# there is generate, which the other tests run as well, and Python's start
# (torchvision) is most of their time. The Python module is not built under
# the sanitizers (CMakeLists.txt), so the python_* tests report skipped.
# Fontconfig's caches, kept until exit, are no leak of ours (lsan.supp).
cd build-asan && ctest --output-on-failure -j"$(nproc)" -E '^interop_'
