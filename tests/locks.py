"""The POSIX locks this process holds on a SQLite database's files, read from /proc/locks.

SQLite in WAL mode holds a read lock on the -shm file (and, while a connection is open, on
the database file) for as long as a connection is open. If anything else in the process
opens and closes one of those files, the kernel drops every lock the process had on it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

needs_proc_locks = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="/proc/locks is Linux's")


def locks_held(database: Path) -> set[str]:
    """Which of ``database``, its -wal and its -shm this process holds a POSIX lock on."""
    files = {}
    for path in (database, database.with_name(database.name + "-wal"),
                 database.with_name(database.name + "-shm")):
        if path.exists():
            stat = path.stat()
            files[(os.major(stat.st_dev), os.minor(stat.st_dev), stat.st_ino)] = path.name
    held = set()
    me = str(os.getpid())
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] == "->":  # a request waiting behind a lock: not held
            continue
        kind, pid, device = fields[1], fields[4], fields[5]
        if kind != "POSIX" or pid != me:
            continue
        major, minor, inode = device.split(":")
        key = (int(major, 16), int(minor, 16), int(inode))
        if key in files:
            held.add(files[key])
    return held
