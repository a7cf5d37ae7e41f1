#!/usr/bin/env bash
# Issue 15's listing figure: `roster --format json profile list` on 500 profiles with
# 20 000 members, against `sqlite3 -json` running the same query on the same file, end to
# end (a new process each), in release mode, with hyperfine; and the floor, `roster
# --version` (a process that opens nothing); then the same in alternating rounds.
#
#   bench/profile-list.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin roster
R=$PWD/target/release/roster
W=${W:-$(mktemp -d)}
export USER=${USER:-bench}
if [ ! -e "$W/p.db" ]; then
  python3 - > "$W/p.jsonl" <<'PY'
import random
random.seed(7)
for u in range(5000):
    print('{"event":"user-create","data":{"email":"u%d@example.com","name":"User %d"}}' % (u, u))
for p in range(500):
    print('{"event":"profile-create","data":{"slug":"profile-%03d","name":"Profile %d","member_limit":1000}}' % (p, p))
    for u in random.sample(range(5000), 40):
        print('{"event":"member-add","data":{"profile":"profile-%03d","user":"u%d@example.com","role":"member"}}' % (p, u))
PY
  "$R" --db "$W/p.db" -q seed "$W/p.jsonl"
fi
# What `profile list` reads, column for column (src/store/sqlite/profiles.rs).
SQL="SELECT p.id, p.slug, p.name, p.logo, p.color, p.member_limit, p.metadata, p.created_at, p.updated_at,
  (SELECT count(*) FROM members m WHERE m.profile_id = p.id) AS member_count,
  p.require_verified_email, p.invitation_limit FROM profiles p ORDER BY p.slug"
hyperfine -N --style basic --warmup 5 --runs ${RUNS:-100} --export-json "$W/list.json" \
  -n roster "$R --db $W/p.db --format json profile list" \
  -n sqlite3 "sqlite3 -json $W/p.db \"$SQL\"" \
  -n floor "$R --version"
python3 - "$W/list.json" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"roster / sqlite3 -json = {r['roster'] / r['sqlite3']:.2f}  (hyperfine means; goal <= 1.2)")
PY
# The same three in alternating rounds (bench/alternate.py): the machine's drift falls on
# each alike.
bench/alternate.py "${RUNS:-100}" "roster=$R --db $W/p.db --format json profile list" \
  "sqlite3=sqlite3 -json $W/p.db '$SQL'" "floor=$R --version"
