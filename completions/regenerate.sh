#!/bin/sh
# Rewrites the checked-in completion scripts: the registrations of the dynamic engine for
# bash, zsh and fish (they change only with clap_complete), the static scripts for
# PowerShell and elvish (which change with every command, flag or value; CI fails until
# you run this):
#   completions/regenerate.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --quiet --bin roster
bin="${CARGO_TARGET_DIR:-target}/debug/roster"
for pair in bash:roster.bash zsh:_roster fish:roster.fish powershell:_roster.ps1 elvish:roster.elv; do
  shell="${pair%%:*}"
  file="completions/${pair#*:}"
  "$bin" completions "$shell" > "$file.tmp"
  mv "$file.tmp" "$file"
done
echo "completions/: regenerated for bash, zsh, fish, powershell and elvish"
