#!/usr/bin/env bash
# Crash test: kill -9 a large seed at random moments and show that the database is, each
# time, either untouched or complete — never half-written — and still verifies.
#
#   bench/crash.sh [KILLS] [EVENTS]     defaults: 20 kills, 4000 events
#
# Two cases, KILLS times each: a seed into a new database (afterwards there is no database,
# or the complete one), and a second seed into an existing one (afterwards the database
# exports exactly as before, or exactly as after a complete run). Uses the binaries in
# ROSTER_BIN_DIR (default target/debug, built by `cargo test --all-targets`). CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-20}
EVENTS=${2:-4000}
BIN=${ROSTER_BIN_DIR:-target/debug}
R=$PWD/$BIN/roster
G=$PWD/$BIN/examples/gen_seed
[ -x "$R" ] && [ -x "$G" ] || cargo build --quiet --bin roster --example gen_seed
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# A pinned clock: the states compared hold expiry times computed from "now".
export USER=${USER:-crash} ROSTER_TEST_FAST_HASH=1 ROSTER_NOW=2026-11-21T12:00:00Z

"$G" "$EVENTS" > "$W/big.jsonl"
# The existing database's contents: the demo seed, which shares no name with big.jsonl.
cp seed.json "$W/base.json"

state() { "$R" --db "$1" export --with-secrets | sha256sum | cut -d' ' -f1; }
seconds() { python3 -c 'import sys,time; print(time.time())'; }

# Reference states and the time one full run takes.
t0=$(seconds)
"$R" --db "$W/full.db" -q seed "$W/big.jsonl"
t1=$(seconds)
FULL=$(state "$W/full.db")
"$R" --db "$W/base.db" -q seed "$W/base.json"
BASE=$(state "$W/base.db")
cp "$W/base.db" "$W/both.db"
"$R" --db "$W/both.db" -q seed "$W/big.jsonl"
BOTH=$(state "$W/both.db")
DUR=$(python3 -c "print($t1 - $t0)")
echo "one full seed of $EVENTS events: ${DUR}s; killing $KILLS times in each case"

moment() { python3 -c "import random; print(round(random.uniform(0, $DUR * 1.1), 3))"; }
fail() { echo "crash test FAILED: $*" >&2; exit 1; }

empty=0; complete=0
for i in $(seq "$KILLS"); do
  rm -f "$W/new.db" "$W/new.db-wal" "$W/new.db-shm" "$W"/.new.db.*
  "$R" --db "$W/new.db" -q seed "$W/big.jsonl" & pid=$!
  sleep "$(moment)"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  if [ -e "$W/new.db" ]; then
    "$R" --db "$W/new.db" -q audit verify || fail "new database, kill $i: audit verify"
    [ "$(state "$W/new.db")" = "$FULL" ] || fail "new database, kill $i: neither absent nor complete"
    complete=$((complete + 1))
  else
    empty=$((empty + 1))
  fi
done
echo "new database: $empty kills left no database, $complete left the complete one"

before=0; after=0
for i in $(seq "$KILLS"); do
  cp "$W/base.db" "$W/old.db"; rm -f "$W/old.db-wal" "$W/old.db-shm"
  "$R" --db "$W/old.db" -q seed "$W/big.jsonl" & pid=$!
  sleep "$(moment)"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  "$R" --db "$W/old.db" -q audit verify || fail "existing database, kill $i: audit verify"
  s=$(state "$W/old.db")
  if [ "$s" = "$BASE" ]; then before=$((before + 1));
  elif [ "$s" = "$BOTH" ]; then after=$((after + 1));
  else fail "existing database, kill $i: neither untouched nor complete"; fi
done
echo "existing database: $before kills left it untouched, $after left it complete"
echo "crash test: $((KILLS * 2)) kills, every database untouched or complete"
