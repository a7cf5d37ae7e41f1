#!/usr/bin/env bash
# The PostgreSQL seed against psql replaying its pg_dump, alternating one run of each
# (PAIRS pairs, default 8), so that the machine's drift falls on both sides of the ratio:
# hyperfine (bench/seed-pg.sh) runs each command's runs in a row.
#
#   bench/seed-pg-pairs.sh [N]     N events of examples/gen_seed.rs's mix (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PAIRS=${PAIRS:-8}
cargo build --release --quiet --bin roster --example gen_seed
R=$PWD/target/release/roster
W=$(mktemp -d)
PG=target/tmp/pg-bench
trap 'bench/pg-cluster.sh stop "$PG" >/dev/null 2>&1 || true; rm -rf "$W"' EXIT
BASE=$(bench/pg-cluster.sh start "$PG")
URL="$BASE&schema=bench"
REPLAY=${BASE/roster_test/roster_replay}
export USER=${USER:-bench}
target/release/examples/gen_seed "$N" > "$W/seed.jsonl"
psql -X -q -d "$BASE" -c "DROP SCHEMA IF EXISTS bench CASCADE" 2>/dev/null
"$R" --db "$URL" -q seed "$W/seed.jsonl"
pg_dump -d "$BASE" -n bench > "$W/dump.sql"
for _ in $(seq "$PAIRS"); do
  psql -X -q -d "$BASE" -c 'DROP SCHEMA IF EXISTS bench CASCADE' 2>/dev/null
  a=$( { /usr/bin/time -f %e "$R" --db "$URL" -q seed "$W/seed.jsonl"; } 2>&1 | tail -1)
  psql -X -q -d "$BASE" -c 'DROP DATABASE IF EXISTS roster_replay' -c 'CREATE DATABASE roster_replay'
  psql -X -q -d "$REPLAY" -c 'CREATE EXTENSION pg_trgm WITH SCHEMA public'
  b=$( { /usr/bin/time -f %e psql -X -q -v ON_ERROR_STOP=1 -d "$REPLAY" -f "$W/dump.sql" >/dev/null; } 2>&1 | tail -1)
  echo "$a $b"
done | python3 -c '
import statistics, sys
pairs = [tuple(map(float, l.split())) for l in sys.stdin if l.strip()]
for a, b in pairs:
    print(f"roster {a:.2f} s  replay {b:.2f} s  ratio {a / b:.2f}")
ma, mb = statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)
print(f"medians: roster {ma:.2f} s, replay {mb:.2f} s: ratio {ma / mb:.2f} (goal <= 2.00); "
      f"median of the pairs'"'"' ratios {statistics.median(a / b for a, b in pairs):.2f}")
'
