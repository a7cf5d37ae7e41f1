#!/usr/bin/env python3
"""Runs commands in turn, round after round (each round in a new random order), and
prints each one's median wall time and the ratio of the first's median to each other's.
On a shared, noisy machine, drift then falls on every command alike, where hyperfine's
one-after-the-other batches give it to whichever ran during it.

    bench/alternate.py [--prepare SHELL-COMMAND] ROUNDS NAME=COMMAND NAME=COMMAND...

Each command is a whitespace-separated argument list (no shell), spawned with
posix_spawn, its output sent to /dev/null; the time is from the spawn to the wait.
A command that exits non-zero stops the run. --prepare runs (untimed, through sh) before
every timed command: to remove the database a seed is about to create, say.
"""
import os
import random
import shlex
import statistics
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    prepare = None
    if args[0] == "--prepare":
        prepare, args = args[1], args[2:]
    rounds = int(args[0])
    commands = []
    for spec in args[1:]:
        name, _, cmd = spec.partition("=")
        argv = shlex.split(cmd)
        commands.append((name, argv))
    null = os.open(os.devnull, os.O_WRONLY)
    times = {name: [] for name, _ in commands}
    order = list(commands)
    for warm in range(min(5, rounds)):
        for name, argv in order:
            run(argv, null, prepare)
    for _ in range(rounds):
        random.shuffle(order)
        for name, argv in order:
            times[name].append(run(argv, null, prepare))
    first = commands[0][0]
    base = statistics.median(times[first])
    for name, _ in commands:
        m = statistics.median(times[name])
        q = statistics.quantiles(times[name], n=4)
        print(f"{name:>10}: median {m * 1e3:7.2f} ms  (quartiles {q[0] * 1e3:.2f}-{q[2] * 1e3:.2f})")
    for name, _ in commands[1:]:
        print(f"{first} / {name} = {base / statistics.median(times[name]):.2f}  (ratio of medians, {rounds} alternating rounds)")


def run(argv, null, prepare):
    if prepare is not None:
        subprocess.run(["sh", "-c", prepare], check=True)
    actions = [(os.POSIX_SPAWN_DUP2, null, 1)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    t1 = time.perf_counter()
    if status != 0:
        sys.exit(f"{' '.join(argv)} failed (status {status})")
    return t1 - t0


if __name__ == "__main__":
    main()
