#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a
# normal build, then one with AddressSanitizer and UndefinedBehaviorSanitizer;
# then fuzzes every reader of untrusted bytes for a bounded time (libFuzzer,
# LINKGRAPH_FUZZ_SECONDS per target, default 30, two at a time; 0 skips it; a
# nightly job can give them longer). Warnings fail
# the build; a fuzz finding fails the run. Set LINKGRAPH_CORPUS to read the shared corpus of
# real blog pages from elsewhere (default: ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."

# Each phase says how long it took, so a CI log shows where the time goes.
phase_started=$SECONDS
phase_name=""
phase() {
  if [ -n "$phase_name" ]; then
    echo "== $phase_name: $((SECONDS - phase_started)) s (total $SECONDS s)"
  fi
  phase_name="$1"
  phase_started=$SECONDS
  [ -z "$phase_name" ] || echo "== $phase_name"
}

phase "install what is missing"
bash scripts/install-deps.sh
jobs=$(nproc)

phase "build (RelWithDebInfo)"
# Benchmarks are built (not run) so they keep compiling warning-free. Line
# tables (-g1) are enough for a failing test's backtrace; full debug
# information makes each file take a third longer to compile (a tenth at -O0,
# in the sanitizer build).
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINKGRAPH_WERROR=ON \
  -DLINKGRAPH_BUILD_BENCHMARKS=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j"$jobs"
phase "test (RelWithDebInfo)"
(cd build && ctest --output-on-failure -j"$jobs")

# One clang build serves the sanitizer run and the fuzzing: every library,
# test and fuzz target with ASan + UBSan (and libFuzzer's coverage), at -O1,
# which makes the sanitized tests and fuzzers run about twice as fast as at -O0
# for a little more compile time.
phase "build (clang, AddressSanitizer + UndefinedBehaviorSanitizer, fuzz targets)"
cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DLINKGRAPH_FUZZ=ON -DLINKGRAPH_WERROR=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" >/dev/null
cmake --build build-asan -j"$jobs"
phase "test (AddressSanitizer + UndefinedBehaviorSanitizer)"
(cd build-asan &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs")

fuzz_seconds="${LINKGRAPH_FUZZ_SECONDS:-30}"
if [ "$fuzz_seconds" != 0 ]; then
  phase "fuzz (${fuzz_seconds} s per target)"
  bash tests/fuzz/run.sh build-asan "$fuzz_seconds"
fi
phase ""
