#!/usr/bin/env bash
# Issue 15's search figure: `media list P --search "Film 0123" --limit 50` on a profile of
# 200 000 items (titles `Film 0000000`…`Film 0199999`: 1 000 match) against one of 10 000
# (`Film 0000000`…`Film 0009999`: none match), end to end (a new process, JSON out), in
# release mode, with hyperfine. Two layouts: both profiles in one database, and each alone.
#
#   bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin roster
R=$PWD/target/release/roster
W=${W:-$(mktemp -d)}
export USER=${USER:-bench}
gen() { # PROFILE COUNT
  python3 - "$1" "$2" <<'PY'
import sys
p, n = sys.argv[1], int(sys.argv[2])
print('{"event":"profile-create","data":{"slug":"%s","name":"%s"}}' % (p, p))
for i in range(n):
    print('{"event":"media-add","data":{"profile":"%s","type":"movie","title":"Film %07d"}}' % (p, i))
PY
}
if [ ! -e "$W/both.db" ]; then
  { gen big 200000; gen small 10000; } > "$W/both.jsonl"
  gen big 200000 > "$W/big.jsonl"
  gen small 10000 > "$W/small.jsonl"
  for f in both big small; do "$R" --db "$W/$f.db" -q seed "$W/$f.jsonl"; done
fi
q="--search 'Film 0123' --limit 50"
hyperfine -N --style basic --warmup 3 --runs ${RUNS:-40} --export-json "$W/search.json" \
  -n "one db: big" "$R --db $W/both.db --format json media list big $q" \
  -n "one db: small" "$R --db $W/both.db --format json media list small $q" \
  -n "alone: big" "$R --db $W/big.db --format json media list big $q" \
  -n "alone: small" "$R --db $W/small.db --format json media list small $q" \
  -n "floor: --version" "$R --version"
python3 - "$W/search.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"one database: big / small = {r['one db: big'] / r['one db: small']:.2f}")
print(f"each alone:   big / small = {r['alone: big'] / r['alone: small']:.2f}  (goal <= 1.5)")
PY
