#!/usr/bin/env python3
"""Run one command and report its wall time, CPU time and peak RSS as one JSON line.

    python3 bench/timed_run.py LOG -- COMMAND [ARG...]

The command's stdout and stderr go to LOG. Why a separate, tiny process: on Linux a child's ru_maxrss is at least
the resident set of the process that spawned it (exec keeps the old memory's high-water mark), so measuring from a
runner that has loaded pandas and a CSV would report the runner's 300 MB for every tool. This helper imports nothing
heavy, so the floor is its own ~10 MB, below every tool measured.
"""
import json
import os
import sys
import time

if len(sys.argv) < 4 or sys.argv[2] != "--":
    raise SystemExit(__doc__)
log, command = sys.argv[1], sys.argv[3:]
fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
start = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ,
                      file_actions=[(os.POSIX_SPAWN_DUP2, fd, 1), (os.POSIX_SPAWN_DUP2, fd, 2)])
_, status, usage = os.wait4(pid, 0)  # the rusage of exactly this child; ru_maxrss is in KB on Linux
wall = time.perf_counter() - start
print(json.dumps({"exit": os.waitstatus_to_exitcode(status), "wall_s": wall,
                  "cpu_s": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}))
