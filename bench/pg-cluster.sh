#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, CI and benchmarks: in DIR, listening only on
# a Unix socket in DIR, trusting every local connection, not waiting for the disk.
#
#   bench/pg-cluster.sh start DIR   makes the cluster if need be, starts it unless it runs,
#                                   creates database roster_test, prints its URL
#   bench/pg-cluster.sh url DIR     prints that URL (fails when the cluster is not running)
#   bench/pg-cluster.sh stop DIR    stops the cluster (nothing to do when it is not running)
#
# For example:
#   export ROSTER_TEST_PG_URL=$(bench/pg-cluster.sh start target/tmp/pg-ci)
#   ROSTER_TEST_BACKEND=postgres cargo test
#
# The test harness (tests/cli/pg.rs) uses the same layout for the cluster it starts by
# itself in target/tmp/pg-cluster, and the same lock (DIR.lock), so either may start a
# cluster and both reuse it; `bench/pg-cluster.sh stop target/tmp/pg-cluster` stops that one.
# Run as root, the server's programs run as the postgres user (the server refuses root).
set -euo pipefail
export LC_ALL=C

usage() {
  echo "usage: $0 start|stop|url DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
action=$1
case $action in start | stop | url) ;; *) usage ;; esac
dir=$(realpath -m -- "$2")
data=$dir/data
log=$dir/server.log
db=roster_test
mark='# roster test cluster: complete'

die() {
  echo "pg-cluster: $*" >&2
  exit 1
}

case $dir in *"'"* | *$'\n'*) die "$dir: the path may not hold a quote or a line break" ;; esac
# sun_path holds 108 bytes, with the terminating NUL.
[ $((${#dir} + 14)) -le 107 ] || die "$dir: the path is too long for a Unix socket"

# The server's programs: `pg_config --bindir`, the directory an initdb on PATH links to, the
# newest /usr/lib/postgresql/*/bin; the first that has initdb, pg_ctl and postgres.
find_bindir() {
  local candidates=() d
  d=$(pg_config --bindir 2>/dev/null) && candidates+=("$d")
  local IFS=:
  for d in $PATH; do
    [ -e "$d/initdb" ] && candidates+=("$(dirname -- "$(readlink -f -- "$d/initdb")")")
  done
  IFS=$'\n'
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5nr); do
    candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      printf '%s\n' "$d"
      return 0
    fi
  done
  return 1
}
bin=$(find_bindir) || die "no initdb, pg_ctl and postgres in \`pg_config --bindir\`, PATH or /usr/lib/postgresql/*/bin"
if [ -x "$bin/psql" ]; then psql=$bin/psql; else psql=$(command -v psql) || die "no psql"; fi

# Runs a server program as the owner of the cluster, in DIR (which that user can enter).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

urlenc() {
  local s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9/._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c" && out+=$c ;;
    esac
  done
  printf '%s' "$out"
}
url() { printf 'postgresql:///%s?host=%s&user=postgres' "$1" "$(urlenc "$dir")"; }
sql() { "$psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$(url postgres)" -c "$1"; }

running() { [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

if [ ! -d "$dir" ]; then
  case $action in
    url) die "no cluster is running in $dir: run $0 start $dir" ;;
    stop) echo "pg-cluster: no cluster in $dir" >&2 && exit 0 ;;
  esac
fi

# The same lock as the test harness: flock(2) on DIR.lock, held until this script ends. The
# server must not inherit it (9>&- on what starts it), or the lock would outlive us.
mkdir -p -- "$(dirname -- "$dir")"
exec 9>"$dir.lock"
flock 9

case $action in
  url)
    running || die "no cluster is running in $dir: run $0 start $dir"
    url "$db"
    echo
    ;;
  stop)
    if running; then
      as_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -s 9>&-
      echo "pg-cluster: stopped $dir" >&2
    else
      echo "pg-cluster: no cluster is running in $dir" >&2
    fi
    ;;
  start)
    if ! grep -qxF "$mark" "$data/postgresql.conf" 2>/dev/null; then
      # None yet, or what an interrupted initdb left.
      rm -rf -- "$data"
      mkdir -p -- "$dir"
      [ "$(id -u)" != 0 ] || chown postgres: "$dir"
      initdb=(as_owner "$bin/initdb" -D "$data" -A trust -U postgres --no-sync -E UTF8)
      if ! "${initdb[@]}" --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
        rm -rf -- "$data"
        "${initdb[@]}" --no-locale >"$dir/initdb.log" 2>&1 || {
          cat "$dir/initdb.log" >&2
          die "initdb failed"
        }
      fi
      cat >>"$data/postgresql.conf" <<EOF

# roster test cluster (tests/cli/pg.rs, bench/pg-cluster.sh)
listen_addresses = ''
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
$mark
EOF
    fi
    if ! running; then
      as_owner "$bin/pg_ctl" start -w -t 120 -s -D "$data" -l "$log" 9>&- >/dev/null || {
        tail -n 10 "$log" >&2 || true
        die "pg_ctl start failed"
      }
    fi
    if [ -z "$(sql "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      sql "CREATE DATABASE $db" 9>&-
    fi
    url "$db"
    echo
    ;;
esac
