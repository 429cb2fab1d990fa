#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a
# normal build, then one with AddressSanitizer and UndefinedBehaviorSanitizer;
# then fuzzes every reader of untrusted bytes for a bounded time (libFuzzer,
# LINKGRAPH_FUZZ_SECONDS per target, default 60; 0 skips it). Warnings fail
# the build; a fuzz finding fails the run. Set LINKGRAPH_CORPUS to read the shared corpus of
# real blog pages from elsewhere (default: ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
jobs=$(nproc)

echo "== build and test (RelWithDebInfo)"
# Benchmarks are built (not run) so they keep compiling warning-free.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLINKGRAPH_WERROR=ON \
  -DLINKGRAPH_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

echo "== build and test (AddressSanitizer + UndefinedBehaviorSanitizer)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLINKGRAPH_SANITIZE=ON -DLINKGRAPH_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs")

fuzz_seconds="${LINKGRAPH_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" != 0 ]; then
  echo "== fuzz (libFuzzer + ASan + UBSan, ${fuzz_seconds} s per target)"
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++-14 -DLINKGRAPH_FUZZ=ON -DLINKGRAPH_BUILD_TESTS=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs" --target linkgraph_fuzz_targets
  bash tests/fuzz/run.sh build-fuzz "$fuzz_seconds"
fi
