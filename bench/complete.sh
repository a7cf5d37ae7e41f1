#!/usr/bin/env bash
# How long one Tab takes: shell completions on the demo database (README "Shell
# completions"; the goal is at most about 50 ms). Release build; hyperfine means.
#
#   bench/complete.sh          SQLite (the demo seed.json in a scratch directory)
#   PG=1 bench/complete.sh     PostgreSQL too, on the tests' throwaway cluster
#                              (bench/pg-cluster.sh; target/tmp/pg-cluster, left running)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cargo build --release --quiet --bin roster
bin=$root/target/release/roster
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp seed.json "$work/"
cd "$work"
"$bin" -q seed seed.json

# What the bash registration runs on a Tab: COMPLETE=bash, the index of the word being
# completed, then the words. `roster --version` is the floor: start, parse, exit.
tab() { # INDEX WORDS...
  local index=$1
  shift
  echo "env COMPLETE=bash _CLAP_COMPLETE_INDEX=$index $bin -- roster $*"
}
bench() { # DB-ARGS...
  hyperfine -N --warmup 5 --runs 100 \
    -n 'roster --version (the floor)' "$bin --version" \
    -n 'profile show <Tab> (slugs)' "$(tab 3 "$@" profile show "''")" \
    -n 'member add smith-family b<Tab> (users)' "$(tab 4 "$@" member add smith-family b)" \
    -n 'roster --as <Tab> (users)' "$(tab 2 "$@" --as "''")" \
    -n 'role show <Tab> (roles)' "$(tab 3 "$@" role show "''")" \
    -n 'can bob member-<Tab> (events, no database)' "$(tab 3 "$@" can bob member-)" \
    -n 'profile show <Tab>, no database' "env COMPLETE=bash _CLAP_COMPLETE_INDEX=5 $bin -- roster --db missing.db profile show ''"
}
bench

if [ "${PG:-}" = 1 ]; then
  url=$("$root/bench/pg-cluster.sh" start "$root/target/tmp/pg-cluster")
  url="$url&schema=complete_bench"
  ROSTER_DB=$url "$bin" -q seed seed.json
  echo "PostgreSQL (Unix socket):"
  # The index counts `--db URL` (two more words).
  tab() {
    local index=$(($1 + 2))
    shift
    echo "env COMPLETE=bash _CLAP_COMPLETE_INDEX=$index $bin -- roster --db '$url' $*"
  }
  bench
fi
