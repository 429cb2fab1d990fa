#!/usr/bin/env bash
# The crawl benchmark (prints figures, asserts nothing): linkgraph crawls a
# generated WordPress blog served on 127.0.0.1 by linkgraph_test_blog_server
# (2,000 posts of ~50 KB with threaded comments by default), with politeness
# off, then crawls it again unchanged. Prints pages/s, MB/s, CPU seconds and
# peak RSS for both runs, and the second run's share of the first's time.
#
#   bash bench/crawl_bench.sh [BUILD_DIR] [POSTS] [EXTRA CRAWL OPTIONS...]
set -euo pipefail

build=${1:-build}
posts=${2:-2000}
shift $(( $# > 2 ? 2 : $# ))
linkgraph="$build/cli/linkgraph"
server="$build/tests/linkgraph_test_blog_server"
for program in "$linkgraph" "$server" /usr/bin/time; do
  [ -x "$program" ] || { echo "crawl_bench: $program missing (build with tests; apt-get install time)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$server" --posts "$posts" --min-post-bytes 50000 --port 0 --ignore-stdin > "$work/url" &
server_pid=$!
for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "crawl_bench: the blog server did not start" >&2; exit 1; }

run() {  # name, then crawl options
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$linkgraph" crawl --db "$work/bench.db" --delay 0 --no-graph --quiet "$@" "$url/" > "$work/out"
  read -r wall user sys rss_kb < "$work/time"
  local summary; summary=$(cat "$work/out")
  local pages; pages=$(sed -E 's/^crawl [a-z]+: ([0-9]+) fetched, ([0-9]+) not modified.*/\1 \2/' <<< "$summary")
  local fetched=${pages% *} not_modified=${pages#* }
  local megabytes; megabytes=$(sed -E 's/.* ([0-9.]+) MB in .*/\1/' <<< "$summary")
  awk -v n="$name" -v f="$fetched" -v nm="$not_modified" -v w="$wall" -v u="$user" -v s="$sys" \
      -v r="$rss_kb" -v mb="$megabytes" 'BEGIN {
    printf "%-7s %6d fetched %6d not modified  %6.2f s  %7.1f pages/s  %6.1f MB/s  CPU %5.2f s  peak RSS %5.1f MB\n",
      n, f, nm, w, (f + nm) / w, mb / w, u + s, r / 1024 }'
  echo "$wall" > "$work/wall.$name"
}

echo "site: $posts posts at $url ($(nproc) cores)"
run first "$@"
run second --recrawl-after 0 "$@"
awk -v a="$(cat "$work/wall.first")" -v b="$(cat "$work/wall.second")" \
    'BEGIN { printf "second crawl: %.1f%% of the first one'"'"'s time\n", 100 * b / a }'
