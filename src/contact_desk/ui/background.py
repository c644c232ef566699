"""Work that must not freeze the window: run a function on the thread pool, get the answer back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive there, queued."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        # The relay is alive: run_in_background holds it until its answer has arrived.
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


_running: set[_Relay] = set()  # each relay lives here until its answer has arrived


def run_in_background(
    work: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None = None,
) -> None:
    """Call ``work()`` on a pool thread; ``on_result`` or ``on_error`` runs in the GUI thread.

    With an ``owner``, the answer is dropped if the owner was deleted meanwhile. The relay
    the answer travels by is never the owner's child: deleting the owner in the GUI thread
    while the pool thread emits would pull the object out from under the emit.
    """
    relay = _Relay()
    _running.add(relay)

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        if owner is None or shiboken6.isValid(owner):
            handler(value)

    relay.succeeded.connect(lambda result: finish(on_result, result))
    relay.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(_Task(work, relay))
