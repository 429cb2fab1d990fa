#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a
# normal build, then one with AddressSanitizer and UndefinedBehaviorSanitizer;
# then fuzzes every reader of untrusted bytes for a bounded time (libFuzzer,
# LINKGRAPH_FUZZ_SECONDS per target, default 60; 0 skips it). Warnings fail
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

phase "build (AddressSanitizer + UndefinedBehaviorSanitizer)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLINKGRAPH_SANITIZE=ON -DLINKGRAPH_WERROR=ON \
  -DCMAKE_CXX_FLAGS_DEBUG="-g1" >/dev/null
cmake --build build-asan -j"$jobs"
phase "test (AddressSanitizer + UndefinedBehaviorSanitizer)"
(cd build-asan &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs")

fuzz_seconds="${LINKGRAPH_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" != 0 ]; then
  phase "build the fuzz targets (libFuzzer + ASan + UBSan)"
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DLINKGRAPH_FUZZ=ON -DLINKGRAPH_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" >/dev/null
  cmake --build build-fuzz -j"$jobs" --target linkgraph_fuzz_targets
  phase "fuzz (${fuzz_seconds} s per target)"
  bash tests/fuzz/run.sh build-fuzz "$fuzz_seconds"
fi
phase ""
