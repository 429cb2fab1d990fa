#!/usr/bin/env bash
# The crawl benchmark (prints figures, asserts nothing): linkgraph crawls a
# generated WordPress blog served on 127.0.0.1 by linkgraph_test_blog_server
# (2,000 posts of ~50 KB with threaded comments by default), with politeness
# off. Four runs, each with pages/s, MB/s, CPU seconds and peak RSS:
#   crawl    the crawl alone (--no-graph), into an empty store
#   again    the same, unchanged site again (every page revalidated: 304s)
#   job      the default job users run from cron (crawl and graph), empty store
#   nightly  that job again after 1% of the posts got one new comment each
# then the second and fourth runs' share of the first and third ones' time,
# and whether the graph after "nightly" equals what `rebuild` derives.
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
server_pid=
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

serve() {  # extra server options; sets url
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -f "$work/url"
  "$server" --posts "$posts" --min-post-bytes 50000 --port "${port:-0}" --ignore-stdin "$@" > "$work/url" &
  server_pid=$!
  for _ in $(seq 1 600); do [ -s "$work/url" ] && break; sleep 0.1; done
  url=$(head -1 "$work/url")
  [ -n "$url" ] || { echo "crawl_bench: the blog server did not start" >&2; exit 1; }
  port=${url##*:}
}

run() {  # name, database, then crawl options
  local name=$1 db=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$linkgraph" crawl --db "$db" --delay 0 --quiet "$@" "$url/" > "$work/out"
  read -r wall user sys rss_kb < "$work/time"
  local summary; summary=$(head -1 "$work/out")
  local pages; pages=$(sed -E 's/^crawl [a-z]+: ([0-9]+) fetched, ([0-9]+) not modified.*/\1 \2/' <<< "$summary")
  local fetched=${pages% *} not_modified=${pages#* }
  local megabytes; megabytes=$(sed -E 's/.* ([0-9.]+) MB in .*/\1/' <<< "$summary")
  awk -v n="$name" -v f="$fetched" -v nm="$not_modified" -v w="$wall" -v u="$user" -v s="$sys" \
      -v r="$rss_kb" -v mb="$megabytes" 'BEGIN {
    printf "%-7s %6d fetched %6d not modified  %6.2f s  %7.1f pages/s  %6.1f MB/s  CPU %5.2f s  peak RSS %5.1f MB\n",
      n, f, nm, w, (f + nm) / w, mb / w, u + s, r / 1024 }'
  echo "$wall" > "$work/wall.$name"
}

share() {  # later, earlier
  awk -v a="$(cat "$work/wall.$2")" -v b="$(cat "$work/wall.$1")" -v l="$1" -v e="$2" \
    'BEGIN { printf "%s: %.1f%% of %s'"'"'s time\n", l, 100 * b / a, e }'
}

serve
echo "site: $posts posts at $url ($(nproc) cores)"
run crawl "$work/crawl.db" --no-graph "$@"
run again "$work/crawl.db" --no-graph --recrawl-after 0 "$@"
run job "$work/job.db" "$@"
serve --late-comments $(( posts / 100 > 0 ? posts / 100 : 1 ))
run nightly "$work/job.db" --recrawl-after 0 "$@"
share again crawl
share nightly job

# The graph the nightly job kept current, against one derived from scratch.
"$linkgraph" export --db "$work/job.db" --format json --out "$work/kept.json"
cp "$work/job.db" "$work/rebuilt.db"
"$linkgraph" rebuild --db "$work/rebuilt.db" > /dev/null
"$linkgraph" export --db "$work/rebuilt.db" --format json --out "$work/rebuilt.json"
if cmp -s "$work/kept.json" "$work/rebuilt.json"; then
  echo "graph after nightly: the same export as after a rebuild"
else
  echo "graph after nightly: DIFFERS from a rebuild ($(diff "$work/kept.json" "$work/rebuilt.json" | wc -l) lines)"
fi
