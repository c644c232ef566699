"""Python's cycle collector, run less often while a sync makes and drops millions of objects.

By default the collector runs after every 700 new container objects. A sync makes that
many for each few rows (the rows, their values, the dicts written), none of them in cycles
that outlive a batch, and at 100,000 customers the collections took about a seventh of
the writing process's time. While any sync runs, the collector waits for 100,000.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

WHILE_SYNCING = 100_000

_lock = threading.Lock()
_running = 0
_before: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The collector's first threshold raised until the last sync running ends."""
    global _running, _before
    with _lock:
        if _running == 0:
            _before = gc.get_threshold()
            gc.set_threshold(WHILE_SYNCING, *_before[1:])
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.set_threshold(*_before)
