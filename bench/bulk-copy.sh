#!/usr/bin/env bash
# The engine's bulk copy, issue 15's yardstick for `roster seed`: the rows of SRC written
# into EMPTY (a database `roster init` made: roster's schema, every index, trigger and
# CHECK, the built-in roles) by one `INSERT … SELECT` per table, in one transaction, by the
# sqlite3 shell. No parsing, no rules, no hashing: what SQLite itself needs to write them.
#
#   bench/bulk-copy.sh SRC EMPTY     prints the SQL; run it with: sqlite3 EMPTY < copy.sql
set -euo pipefail
src=$1
empty=$2
cols() { sqlite3 "$empty" "SELECT group_concat(name, ', ') FROM pragma_table_info('$1')"; }
echo "ATTACH '$src' AS s;"
echo "BEGIN;"
for t in users profiles roles members invitations outbox sessions audit; do
  c=$(cols "$t")
  filter=""
  [ "$t" = roles ] && filter=" WHERE builtin = 0"
  echo "INSERT INTO main.$t ($c) SELECT $c FROM s.$t$filter;"
done
c=$(cols media)
# Media keep their rowids, which the trigram index is keyed by; the index is filled by one
# statement, as a batch, in rowid order from the table itself (read through a covering
# index, out of rowid order, FTS5 writes a segment at every step down and merges them: the
# yardstick took 0.2 s longer so, until 2026-12-04).
echo "INSERT INTO main.media (rowid, $c) SELECT rowid, $c FROM s.media ORDER BY rowid;"
echo "INSERT INTO main.media_fts (rowid, title) SELECT rowid, title FROM main.media NOT INDEXED ORDER BY rowid;"
echo "COMMIT;"
