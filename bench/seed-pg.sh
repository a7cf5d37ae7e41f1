#!/usr/bin/env bash
# Seed benchmark on PostgreSQL, in release mode, against psql replaying a pg_dump of the
# database roster produced (the same rows and indexes, written by PostgreSQL's own tools),
# with SQLite's seed measured in the same run for comparison.
#
#   bench/seed-pg.sh [N]        N events of examples/gen_seed.rs's mix (default 100000)
#   BIG=1000000 bench/seed-pg.sh  also the peak memory of a BIG-event seed (BIG=0 skips)
#
# Starts (or reuses) a throwaway cluster in target/tmp/pg-bench (bench/pg-cluster.sh) and
# stops it at the end. Needs hyperfine, PostgreSQL's server and client, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
BIG=${BIG:-0}
for tool in hyperfine psql pg_dump /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
cargo build --release --quiet --bin roster --example gen_seed
R=$PWD/target/release/roster
G=$PWD/target/release/examples/gen_seed
W=$(mktemp -d)
PG=target/tmp/pg-bench
trap 'bench/pg-cluster.sh stop "$PG" >/dev/null 2>&1 || true; rm -rf "$W"' EXIT
BASE=$(bench/pg-cluster.sh start "$PG")
URL="$BASE&schema=bench"
export USER=${USER:-bench}
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
REPLAY=${BASE/roster_test/roster_replay}

"$G" "$N" > "$W/seed.jsonl"
echo "== $N events: roster seed into an empty PostgreSQL schema, psql replaying its pg_dump, roster seed into SQLite"
q "$BASE" "DROP SCHEMA IF EXISTS bench CASCADE"
"$R" --db "$URL" -q seed "$W/seed.jsonl"
pg_dump -d "$BASE" -n bench > "$W/dump.sql"
q "$BASE" "DROP DATABASE IF EXISTS roster_replay"
hyperfine --style basic --warmup 1 --runs 5 \
  --prepare "psql -X -q -d '$BASE' -c 'DROP SCHEMA IF EXISTS bench CASCADE'" \
  --export-json "$W/pg.json" \
  "$R --db '$URL' -q seed $W/seed.jsonl" \
  --prepare "psql -X -q -d '$BASE' -c 'DROP DATABASE IF EXISTS roster_replay' -c 'CREATE DATABASE roster_replay' && psql -X -q -d '$REPLAY' -c 'CREATE EXTENSION pg_trgm WITH SCHEMA public'" \
  "psql -X -q -v ON_ERROR_STOP=1 -d '$REPLAY' -f $W/dump.sql" \
  --prepare "rm -f $W/a.db $W/a.db-wal $W/a.db-shm" \
  "$R --db $W/a.db -q seed $W/seed.jsonl"

echo "== $N events: a no-op re-run on PostgreSQL (applied event by event)"
"$R" --db "$URL" -q seed "$W/seed.jsonl"
hyperfine --style basic --warmup 0 --runs 2 --export-json "$W/noop.json" "$R --db '$URL' -q seed $W/seed.jsonl"

python3 - "$W/pg.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
pg, replay, sqlite = (x["median"] for x in r)
print(f"roster seed into PostgreSQL {pg:.2f} s, psql replaying pg_dump {replay:.2f} s: ratio {pg / replay:.2f} (goal <= 2.00)")
print(f"roster seed into SQLite {sqlite:.2f} s (same run): PostgreSQL / SQLite {pg / sqlite:.2f}")
PY
python3 -c "import json,sys; print(f\"no-op re-run on PostgreSQL: {json.load(open(sys.argv[1]))['results'][0]['median']:.2f} s\")" "$W/noop.json"

if [ "$BIG" != 0 ]; then
  echo "== $BIG events into an empty PostgreSQL schema: peak memory (maximum resident set size)"
  "$G" "$BIG" > "$W/big.jsonl"
  q "$BASE" "DROP SCHEMA IF EXISTS bench CASCADE"
  /usr/bin/time -f "%M KiB peak, %e s" "$R" --db "$URL" -q seed "$W/big.jsonl"
fi
