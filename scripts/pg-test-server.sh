#!/usr/bin/env bash
# Starts or stops a private PostgreSQL server for one test run, so the
# PostgreSQL tests never touch a server someone else uses.
#   pg-test-server.sh start DIR   initdb in DIR, start on 127.0.0.1 at a free
#                                 port, create linkgraph_test; prints the URI
#                                 and writes it to DIR/uri
#   pg-test-server.sh stop DIR    stops the server and removes DIR
# Exits 77 (a skip for ctest) when no PostgreSQL server binaries are installed.
# LINKGRAPH_PG_BIN names their folder when they are not in Debian's place.
set -euo pipefail

readonly kDatabase=linkgraph_test
readonly kMarker=.linkgraph-pg-test  # DIR is removed only when it holds this
readonly kPortAttempts=8

die() {
  echo "pg-test-server: $*" >&2
  exit 1
}

skip() {
  echo "pg-test-server: $*; the PostgreSQL tests will skip" >&2
  exit 77
}

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

# The newest installed server's bin folder (Debian keeps one per version).
find_bin_dir() {
  local dir=${LINKGRAPH_PG_BIN:-}
  [ -n "$dir" ] || dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ] || [ ! -x "$dir/pg_ctl" ]; then
    skip "no initdb and pg_ctl in ${dir:-/usr/lib/postgresql/*/bin} (install postgresql)"
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root: then the server runs as the postgres
# system user, otherwise as whoever runs the tests.
server_user() {
  if [ "$(id -u)" -ne 0 ]; then
    id -un
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    skip "running as root and there is no postgres system user to run the server"
  fi
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Removes a folder this script made, and nothing else.
remove_dir() {
  local dir=$1
  [ -e "$dir" ] || return 0
  if [ -e "$dir/$kMarker" ] || [ -z "$(ls -A "$dir")" ]; then
    rm -rf -- "$dir"
  else
    die "$dir exists and was not made by this script; not removing it"
  fi
}

stop_server() {
  local bin_dir=$1 dir=$2
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_server_user "$bin_dir/pg_ctl" -D "$dir/data" stop -m fast -w -t 30 >/dev/null ||
      echo "pg-test-server: pg_ctl stop failed; see $dir/server.log" >&2
  fi
}

init_cluster() {
  local bin_dir=$1 dir=$2 user=$3
  mkdir -p -- "$dir"
  touch -- "$dir/$kMarker"
  [ "$(id -u)" -ne 0 ] || chown -R postgres: -- "$dir"
  as_server_user "$bin_dir/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --no-locale \
    >"$dir/initdb.log" 2>&1 || die "initdb failed; see $dir/initdb.log"
  # Local connections only, without passwords: the server lives for one test
  # run on loopback; fsync off because its data is thrown away.
  as_server_user tee "$dir/data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
  as_server_user tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

# Tries a few random high ports: another test run may hold one.
start_on_free_port() {
  local bin_dir=$1 dir=$2 attempt port
  for ((attempt = 1; attempt <= kPortAttempts; attempt++)); do
    port=$((20000 + RANDOM % 20000))
    if as_server_user "$bin_dir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" \
      start -w -t 30 >/dev/null 2>&1; then
      echo "$port"
      return 0
    fi
  done
  die "the server did not start on any of $kPortAttempts ports; see $dir/server.log"
}

start() {
  local dir=$1 bin_dir user port uri
  bin_dir=$(find_bin_dir)
  user=$(server_user)
  stop_server "$bin_dir" "$dir"  # a run that was interrupted
  remove_dir "$dir"
  init_cluster "$bin_dir" "$dir" "$user"
  port=$(start_on_free_port "$bin_dir" "$dir")
  as_server_user "$bin_dir/createdb" -h "$dir" -p "$port" -U "$user" "$kDatabase" ||
    die "createdb $kDatabase failed; see $dir/server.log"
  uri="postgresql://$user@127.0.0.1:$port/$kDatabase"
  echo "$uri" >"$dir/uri"
  echo "$uri"
}

stop() {
  local dir=$1 bin_dir
  [ -e "$dir" ] || return 0
  bin_dir=$(find_bin_dir)
  stop_server "$bin_dir" "$dir"
  remove_dir "$dir"
}

[ $# -eq 2 ] || usage
dir=$(realpath -m -- "$2")
case "$1" in
  start) start "$dir" ;;
  stop) stop "$dir" ;;
  *) usage ;;
esac
