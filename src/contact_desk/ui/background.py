"""Work that must not freeze the window: run a function on the thread pool, get the answer back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

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
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._deliver(self._relay.failed, error)
        else:
            self._deliver(self._relay.succeeded, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the owner (e.g. a closed window) is gone: nobody waits for the answer


_running: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_result: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    owner: QObject | None = None,
) -> None:
    """Call ``work()`` on a pool thread; ``on_result`` or ``on_error`` runs in the GUI thread.

    With an ``owner``, the answer is dropped if the owner was deleted meanwhile.
    """
    relay = _Relay(owner)
    _running.add(relay)
    relay.destroyed.connect(lambda *_: _running.discard(relay))

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        handler(value)

    relay.succeeded.connect(lambda result: finish(on_result, result))
    relay.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(_Task(work, relay))
