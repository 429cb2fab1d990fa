#!/usr/bin/env bash
# The crawl-workers benchmark (prints figures, asserts nothing): N linkgraph
# crawl workers share one PostgreSQL database and crawl HOSTS generated blogs
# together, against one worker, and against one process into a SQLite file.
#
#   bash bench/workers_bench.sh LINKGRAPH_BINARY [HOSTS=8] [POSTS_TOTAL=2000] [WORKER_COUNTS="1 2 4"]
#
# Env: REPEAT (2) runs of each configuration; BENCH_DIR (/work/shared/bench)
# the shared harness whose gen_site.py and serve.sh are used in place;
# BASE_PORT (8100): the sites listen on BASE_PORT+1 .. BASE_PORT+HOSTS;
# NGINX_WORKERS (1) nginx worker processes per site.
#
# Workers lease hosts (host:port) one at a time, so they can only run in
# parallel across hosts: the site is split into HOSTS blogs of
# POSTS_TOTAL/HOSTS posts, each served from its own port on 127.0.0.1.
# Wall time runs from the start of the first worker to the exit of the last.
set -euo pipefail

usage() {
  echo "usage: $0 LINKGRAPH_BINARY [HOSTS=8] [POSTS_TOTAL=2000] [WORKER_COUNTS=\"1 2 4\"]" >&2
  exit 2
}

die() {
  echo "workers_bench: $*" >&2
  exit 1
}

if [ $# -lt 1 ] || [ $# -gt 4 ]; then usage; fi
linkgraph=$(readlink -f -- "$1")
hosts=${2:-8}
posts_total=${3:-2000}
read -r -a worker_counts <<< "${4:-1 2 4}"
repeat=${REPEAT:-2}
bench_dir=${BENCH_DIR:-/work/shared/bench}
base_port=${BASE_PORT:-8100}
nginx_workers=${NGINX_WORKERS:-1}
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)

[[ $hosts =~ ^[1-9][0-9]*$ ]] || die "HOSTS must be a positive number, not '$hosts'"
[[ $posts_total =~ ^[1-9][0-9]*$ ]] || die "POSTS_TOTAL must be a positive number"
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "REPEAT must be a positive number"
((${#worker_counts[@]} > 0)) || die "WORKER_COUNTS is empty"
for n in "${worker_counts[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "WORKER_COUNTS holds '$n', not a positive number"
done
posts_per_host=$((posts_total / hosts))
((posts_per_host > 0)) || die "POSTS_TOTAL ($posts_total) is smaller than HOSTS ($hosts)"

[ -x "$linkgraph" ] || die "$1 is not an executable linkgraph binary"
for file in gen_site.py serve.sh; do
  [ -f "$bench_dir/$file" ] ||
    die "no $bench_dir/$file: the shared bench harness is missing (set BENCH_DIR to its folder)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time missing (apt-get install time)"
command -v psql >/dev/null || die "psql missing (apt-get install postgresql-client)"

# The options the runs rely on; a binary without them would fail every run.
help=$("$linkgraph" crawl --help 2>&1; "$linkgraph" --help 2>&1) || true
for option in --db --delay --quiet --no-graph; do
  grep -q -- "$option" <<< "$help" || die "'$linkgraph crawl --help' does not list $option"
done
# Named workers let the split of the work be read back from the database.
names_workers=0
if grep -q -- --worker-name <<< "$help"; then names_workers=1; fi

work=$(mktemp -d /tmp/workers-bench.XXXXXX)
# nginx workers (nobody) read the docroots and PostgreSQL (postgres) owns its
# data folder below: both must be able to enter the folder.
chmod 755 "$work"
started_ports=()
worker_pids=()
pg_dir=
admin_uri=

cleanup() {
  local pid port
  for pid in "${worker_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for port in "${started_ports[@]}"; do
    bash "$bench_dir/serve.sh" stop "$port" >/dev/null 2>&1 || true
  done
  if [ -n "$pg_dir" ]; then bash "$repo/scripts/pg-test-server.sh" stop "$pg_dir" || true; fi
  rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU ticks of a process tree as the kernel keeps them: a process's own time
# plus the time of the children it has reaped (the postmaster reaps each
# connection's backend, nginx's master its workers), plus its live children's.
ticks_of() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  stat=${stat##*) }  # the command name may hold spaces
  local -a f
  read -r -a f <<< "$stat"
  echo $((f[11] + f[12] + f[13] + f[14]))  # utime stime cutime cstime
}

tree_ticks() {
  local total=0 pid child
  for pid in "$@"; do
    total=$((total + $(ticks_of "$pid")))
    for child in $(pgrep -P "$pid" || true); do
      total=$((total + $(ticks_of "$child")))
    done
  done
  echo "$total"
}

clock_ticks=$(getconf CLK_TCK)
# Prints "POSTGRES_TICKS NGINX_TICKS" for the servers this script started.
server_ticks() {
  local -a postmaster=() masters=()
  local port
  if [ -n "$pg_dir" ]; then mapfile -t postmaster < <(head -1 "$pg_dir/data/postmaster.pid"); fi
  for port in "${started_ports[@]}"; do masters+=("$(cat "/tmp/lgb-nginx-$port/nginx.pid")"); done
  echo "$(tree_ticks "${postmaster[@]}") $(tree_ticks "${masters[@]}")"
}

echo "== machine: $(nproc) cores, $(uptime | sed 's/^ *//')"
echo "== busiest processes before the runs:"
ps -eo pid,pcpu,etime,comm --sort=-pcpu | head -6

# --- the sites ------------------------------------------------------------
seeds=()
echo "== generating $hosts sites of $posts_per_host posts (gen_site.py, seeds 1..$hosts)"
for ((h = 1; h <= hosts; h++)); do
  port=$((base_port + h))
  /usr/bin/python3 "$bench_dir/gen_site.py" --out "$work/site$h" --posts "$posts_per_host" \
    --seed "$h" --base-url "http://127.0.0.1:$port" >/dev/null
  ACCESS_LOG=0 WORKERS=$nginx_workers bash "$bench_dir/serve.sh" start "$work/site$h/www" "$port" \
    >/dev/null || die "could not serve site $h on port $port (see serve.sh's message above)"
  started_ports+=("$port")
  seeds+=("http://127.0.0.1:$port/")
done
html_pages=$(cat "$work"/site*/stats.json | sed -nE 's/.*"html_pages": ([0-9]+).*/\1/p' |
  awk '{ s += $1 } END { print s }')
echo "   $html_pages HTML pages in all, on ports $((base_port + 1))..$((base_port + hosts))"

# --- PostgreSQL -------------------------------------------------------------
set +e
bash "$repo/scripts/pg-test-server.sh" start "$work/pg" >/dev/null
pg_status=$?
set -e
if [ "$pg_status" -eq 0 ]; then
  pg_dir=$work/pg
  admin_uri=$(cat "$pg_dir/uri")
  echo "== PostgreSQL $(psql "$admin_uri" -Atqc 'SHOW server_version') at ${admin_uri%/*}"
elif [ "$pg_status" -eq 77 ]; then
  echo "== no PostgreSQL server installed: only the SQLite reference runs"
  worker_counts=()
else
  die "the private PostgreSQL server did not start"
fi

# --- the runs ---------------------------------------------------------------
results=$work/results  # one line a run: config n run wall fetched stored cpu pg_cpu nginx_cpu
: > "$results"

# One configuration once: LABEL WORKERS DATABASE. Starts the workers at once,
# waits for all, and prints and records the run's figures.
run_once() {
  local label=$1 n=$2 db=$3 run=$4 dir="$work/run.$1.$4" i rc codes='' load
  mkdir -p "$dir"
  load=$(cut -d' ' -f1 /proc/loadavg)
  local pg_before nginx_before pg_after nginx_after start end
  read -r pg_before nginx_before < <(server_ticks)
  worker_pids=()
  start=$(date +%s.%N)
  for ((i = 1; i <= n; i++)); do
    local -a name=()
    if [ "$names_workers" = 1 ] && [[ $db == postgresql://* ]]; then name=(--worker-name "w$i"); fi
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time.$i" \
      "$linkgraph" crawl --db "$db" --delay 0 --quiet --no-graph "${name[@]}" "${seeds[@]}" \
      > "$dir/out.$i" 2> "$dir/err.$i" &
    worker_pids+=($!)
  done
  for ((i = 1; i <= n; i++)); do
    rc=0
    wait "${worker_pids[i - 1]}" || rc=$?
    codes+=" $rc"
    if [ "$rc" -ne 0 ]; then
      echo "   worker $i exited $rc:" >&2
      head -5 "$dir/err.$i" >&2
    fi
  done
  end=$(date +%s.%N)
  worker_pids=()
  local pg_cpu nginx_cpu
  read -r pg_after nginx_after < <(server_ticks)
  pg_cpu=$((pg_after - pg_before))
  nginx_cpu=$((nginx_after - nginx_before))

  # The crawl's pages come from the database: a worker's summary line counts
  # its own pages, except the line of a worker that finds the crawl finished by
  # another, which gives the crawl's totals.
  local fetched stored split
  "$linkgraph" status --db "$db" > "$dir/status" 2>&1 || true
  fetched=$(awk '$1 == "crawl-fetched" { print $2 }' "$dir/status")
  stored=$(awk '$1 == "pages" { print $2 }' "$dir/status")
  if [ -z "$fetched" ]; then
    echo "   no crawl-fetched in '$linkgraph status':" >&2
    head -5 "$dir/status" >&2
    fetched=0
  fi
  # Who did what: URLs done per worker and on how many hosts (the schema's
  # crawl_urls.claimed_by; "?" when the database does not say).
  split='?'
  if [ "$n" -gt 1 ] && [[ $db == postgresql://* ]]; then
    split=$(psql "$db" -Atc "SELECT coalesce(nullif(claimed_by, ''), '-') || ' ' || count(*) || '/'
        || count(DISTINCT host) || 'h' FROM crawl_urls WHERE done = 1 GROUP BY claimed_by
        ORDER BY claimed_by" 2>/dev/null | paste -sd, | sed 's/,/, /g') || split='?'
  fi

  # Workers' CPU: user + system seconds summed, the largest peak RSS.
  local cpu user sys rss_mb
  cpu=$(for ((i = 1; i <= n; i++)); do tail -1 "$dir/time.$i"; done |
    awk '{ u += $2; s += $3; if ($4 > m) m = $4 } END { printf "%.2f %.2f %.0f", u, s, m / 1024 }')
  read -r user sys rss_mb <<< "$cpu"
  local wall
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  awk -v l="$label" -v r="$run" -v w="$wall" -v f="$fetched" -v sp="${split:-?}" -v st="${stored:-?}" \
      -v u="$user" -v s="$sys" -v m="$rss_mb" \
      -v pg="$pg_cpu" -v ng="$nginx_cpu" -v hz="$clock_ticks" -v ld="$load" -v c="$codes" 'BEGIN {
    printf "   %-10s run %d: %5d fetched (%s pages stored) in %6.2f s = %6.1f pages/s\n", l, r, f, st, w, f / w
    if (sp != "?") printf "   %-10s        URLs done per worker/hosts: %s\n", "", sp
    printf "   %-10s        workers CPU %.2f s (user %.2f, sys %.2f), peak RSS %s MB; postgres CPU %.2f s; nginx CPU %.2f s; load %s; exit%s\n",
      "", u + s, u, s, m, pg / hz, ng / hz, ld, c }'
  echo "$label $n $run $wall $fetched ${stored:-0} $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') \
$(awk -v t="$pg_cpu" -v hz="$clock_ticks" 'BEGIN { print t / hz }') \
$(awk -v t="$nginx_cpu" -v hz="$clock_ticks" 'BEGIN { print t / hz }')" >> "$results"
}

# Repeats are interleaved (every configuration once, then again) so that load
# from others on the machine spreads over all configurations alike.
for ((run = 1; run <= repeat; run++)); do
  echo "== round $run of $repeat"
  rm -f "$work"/ref.sqlite*
  run_once sqlite-1 1 "$work/ref.sqlite" "$run"
  rm -f "$work"/ref.sqlite*
  for n in "${worker_counts[@]}"; do
    database=lgwb_${n}w_$run
    psql "$admin_uri" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $database" >/dev/null
    run_once "pg-$n" "$n" "${admin_uri%/*}/$database" "$run"
    psql "$admin_uri" -v ON_ERROR_STOP=1 -qc "DROP DATABASE $database" >/dev/null
  done
done

# --- the table ----------------------------------------------------------------
echo
echo "== $hosts hosts x $posts_per_host posts, --delay 0 --no-graph, $(nproc) cores, load now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   best = the run with the shortest wall time; speed-up against pg-1's best pages/s"
awk '
  { key = $1; if (!(key in best) || $4 < wall[key]) { best[key] = $0; wall[key] = $4 }
    runs[key]++; all[key] = all[key] (all[key] ? " " : "") sprintf("%.2f", $4)
    if (!(key in seen)) { order[++count] = key; seen[key] = 1 } }
  END {
    if ("pg-1" in best) { split(best["pg-1"], b, " "); base = b[5] / b[4] }
    printf "%-10s %4s %6s %7s %14s %8s %8s %7s %7s %7s\n", "config", "runs", "pages", "stored",
      "wall s (runs)", "best s", "pages/s", "vs pg-1", "CPU s", "pg CPU"
    for (i = 1; i <= count; i++) {
      split(best[order[i]], f, " ")
      rate = f[5] / f[4]
      printf "%-10s %4d %6d %7d %14s %8.2f %8.1f %7s %7.2f %7.2f\n", order[i], runs[order[i]], f[5], f[6],
        all[order[i]], f[4], rate, base ? sprintf("%.2fx", rate / base) : "-", f[7], f[8]
    }
  }' "$results"
