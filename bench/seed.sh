#!/usr/bin/env bash
# Seed benchmarks, in release mode, against sqlite3 replaying a dump and against the
# engine's bulk copy of the same rows (bench/bulk-copy.sh) as the yardsticks.
#
#   bench/seed.sh [N]        N events in the realistic mix of examples/gen_seed.rs (default 100000)
#   BIG=1000000 bench/seed.sh  also the peak-memory runs at BIG events (default 1000000; BIG=0 skips)
#
# Prints the figures recorded in BENCHMARKS.md. Needs hyperfine, sqlite3 and GNU time
# (apt-get install hyperfine sqlite3 time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
BIG=${BIG:-1000000}
for tool in hyperfine sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine sqlite3 time" >&2; exit 1; }
done
cargo build --release --quiet --bin roster --example gen_seed
R=$PWD/target/release/roster
G=$PWD/target/release/examples/gen_seed
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export USER=${USER:-bench}

echo "== $N events: roster seed into an empty database, vs sqlite3 replaying its .dump"
"$G" "$N" > "$W/seed.jsonl"
hyperfine --style basic --warmup 1 --runs 5 --prepare "rm -f $W/a.db $W/a.db-wal $W/a.db-shm" \
  --export-json "$W/first.json" "$R --db $W/a.db -q seed $W/seed.jsonl"
"$R" --db "$W/a.db" -q seed "$W/seed.jsonl"
sqlite3 "$W/a.db" .dump > "$W/dump.sql"
hyperfine --style basic --warmup 1 --runs 5 --prepare "rm -f $W/r.db" \
  --export-json "$W/sqlite.json" "sqlite3 $W/r.db < $W/dump.sql"

echo "== $N events: the engine's bulk copy of the same rows into roster's empty schema (issue 15's yardstick)"
"$R" --db "$W/empty.db" -q init
bench/bulk-copy.sh "$W/a.db" "$W/empty.db" > "$W/copy.sql"
hyperfine --style basic --warmup 1 --runs 5 --prepare "cp $W/empty.db $W/e.db" \
  --export-json "$W/bulk.json" "sqlite3 $W/e.db < $W/copy.sql"

echo "== $N events: a no-op re-run"
hyperfine --style basic --warmup 1 --runs 5 --export-json "$W/noop.json" "$R --db $W/a.db -q seed $W/seed.jsonl"

median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"; }
python3 - "$(median "$W/first.json")" "$(median "$W/sqlite.json")" "$(median "$W/noop.json")" "$(median "$W/bulk.json")" <<'PY'
import sys
first, sqlite, noop, bulk = map(float, sys.argv[1:])
print(f"roster seed {first:.2f} s, sqlite3 replay {sqlite:.2f} s: ratio {first / sqlite:.2f} (goal <= 1.00)")
print(f"roster seed {first:.2f} s, engine bulk copy {bulk:.2f} s: ratio {first / bulk:.2f} (issue 15's goal <= 1.4)")
print(f"no-op re-run {noop:.2f} s: {noop / first:.2f} of the first run (issue 15's goal <= 0.25)")
PY

echo "== 32 users with plain-text passwords: 1 thread vs every core ($(nproc))"
python3 - > "$W/pw.json" <<'PY'
import json
events = [{"event": "user-create", "data": {"email": f"pw{i}@example.com", "name": f"User {i}", "password": f"correct-horse-{i:04d}"}} for i in range(32)]
print(json.dumps({"version": 1, "events": events}))
PY
hyperfine --style basic --warmup 1 --runs 10 --prepare "rm -f $W/p.db $W/p.db-wal $W/p.db-shm" \
  --export-json "$W/pw1.json" "ROSTER_THREADS=1 $R --db $W/p.db -q seed $W/pw.json"
hyperfine --style basic --warmup 1 --runs 10 --prepare "rm -f $W/p.db $W/p.db-wal $W/p.db-shm" \
  --export-json "$W/pwn.json" "$R --db $W/p.db -q seed $W/pw.json"
python3 - "$(median "$W/pw1.json")" "$(median "$W/pwn.json")" <<'PY'
import sys
one, many = map(float, sys.argv[1:])
print(f"32 passwords: 1 thread {one:.2f} s, all cores {many:.2f} s: speed-up {one / many:.2f}x (goal >= 1.8x)")
PY

if [ "$BIG" != 0 ]; then
  echo "== $BIG events: peak memory (maximum resident set size)"
  "$G" "$BIG" > "$W/big.jsonl"
  "$G" "$BIG" document > "$W/big.json"
  for f in big.jsonl big.json; do
    rm -f "$W/b.db"*
    /usr/bin/time -f "$f: %e s, peak %M KiB" "$R" --db "$W/b.db" -q seed "$W/$f"
  done
fi
