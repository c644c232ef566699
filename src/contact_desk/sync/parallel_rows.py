"""Checking a big export's rows in other processes while this one writes them to the store.

Reading each phone (its region, its line type, the forms it is shown and searched in) is
most of a sync's work; worker processes check the rows ahead, in file order, while the
batches before them are written here. A small file is checked here: starting a process
costs more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice

from contact_desk.sync.collector import WHILE_SYNCING
from contact_desk.sync.dms_csv import DmsExport, DmsRow, Record
from contact_desk.sync.report import BadRow

CHUNK = 250  # rows a worker checks at a time
AHEAD = 8  # chunks asked for before the first is used: the workers never wait, memory stays flat
SMALL_FILE = 3_000  # rows; under this the file is checked in this process
MOST_WORKERS = 4

_export: DmsExport | None = None  # the worker's own copy, sent once when it starts


def default_workers() -> int:
    """A worker per core, up to MOST_WORKERS: past that this process, writing the rows, is
    what the sync waits for."""
    return min(os.cpu_count() or 1, MOST_WORKERS)


def checked_rows(export: DmsExport, workers: int | None = None) -> Iterator[DmsRow | BadRow]:
    """``export.rows()``, checked by ``workers`` processes when the file is big enough.

    Close the iterator (or let it go) to stop: the workers are ended with it.
    """
    workers = default_workers() if workers is None else workers
    if workers < 1 or export.total < SMALL_FILE:
        yield from export.rows()
    else:
        yield from rows_checked_by_workers(export, workers)


def rows_checked_by_workers(export: DmsExport, workers: int) -> Iterator[DmsRow | BadRow]:
    """``export.rows()``, each checked in one of ``workers`` other processes.

    A worker that dies (killed, out of memory) raises BrokenProcessPool here rather than
    leaving the sync waiting for rows that will never come.
    """
    # spawn, not fork: the desk's window has threads, and a forked copy of them can hang.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start, initargs=(export,))
    try:
        records = export.records()
        pending: deque[Future[list[DmsRow | BadRow]]] = deque()
        while chunk := list(islice(records, CHUNK)):
            with _ctrl_c_held_from_new_workers():
                pending.append(pool.submit(_check, chunk))
            if len(pending) >= AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:  # done, cancelled or failed: no worker outlives the sync
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _ctrl_c_held_from_new_workers() -> Iterator[None]:
    """A worker the pool starts here (it starts them as work is submitted) is born with
    Ctrl-C blocked, which it keeps through exec. Until ``_start`` ignores it, a worker is
    still importing, and a Ctrl-C then would kill it with a fatal error on the terminal.
    Blocked in this thread only, for the moment of the submit: a Ctrl-C that comes then
    stops the sync as soon as the submit returns.
    (POSIX only: Windows has no signal masks and sends console Ctrl-C another way.)"""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _start(export: DmsExport) -> None:
    global _export
    _export = export
    # A worker makes and drops objects as the sync does, for as long as it lives.
    gc.set_threshold(WHILE_SYNCING, *gc.get_threshold()[1:])
    # Ctrl-C in a terminal reaches the whole process group; the sync sees it and ends the
    # workers itself, in order, so they leave it to the sync.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A sync killed outright (a crash, End task) cannot end them: each holds its end of the
    # work queue open, so it would wait for work for ever. They watch for that themselves.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(1)


def _check(chunk: list[Record]) -> list[DmsRow | BadRow]:
    assert _export is not None, "the worker was started without its export"
    return [_export.check(record) for record in chunk]
