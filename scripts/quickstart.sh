#!/usr/bin/env bash
# Installs what is missing, builds linkgraph, crawls the bundled sample blog
# (examples/wendy-the-recruiter) into ./linkgraph.db and prints its reports.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target linkgraph

linkgraph=build/cli/linkgraph
"$linkgraph" crawl --db linkgraph.db "file://$PWD/examples/wendy-the-recruiter/index.html"
report() {
  echo
  echo "== linkgraph report $*"
  "$linkgraph" report "$@" --db linkgraph.db
}
report met
report replies
report vouch @LaraNewman
report path "Dave Martin" @LaraNewman
