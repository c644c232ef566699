"""Long work (demo data, sync, import, export) off the GUI thread, with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from contact_desk.ui.background import run_in_background
from contact_desk.ui.plain_text import plain

T = TypeVar("T")
Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """Raised inside the work when the clerk pressed Cancel; the work's transaction rolls back."""


class _ProgressRelay(QObject):
    moved = Signal(int, int)


NOTHING_KEPT = "Cancelling… nothing is kept."


def stopping_between_batches(progress: Progress) -> tuple[Progress, Callable[[], bool]]:
    """For work that stops itself between batches and reports what it kept: a progress
    that notes a Cancel instead of raising it, and the question the work asks."""
    pressed = False

    def noted(done: int, total: int) -> None:
        nonlocal pressed
        try:
            progress(done, total)
        except Cancelled:
            pressed = True

    return noted, lambda: pressed


def run_with_progress(parent: QWidget | None, title: str, label: str,
                      work: Callable[[Progress], T], cancellable: bool = True,
                      cancelling: str = NOTHING_KEPT) -> T | None:
    """Run ``work(progress)`` on a pool thread while a progress dialog keeps the window alive.

    Returns the work's result, or None when cancelled (``cancellable=False`` shows no
    Cancel; ``cancelling`` is what the dialog says once Cancel is pressed, as what a
    cancelled work keeps differs). An error the work raised is re-raised here, in the GUI
    thread, for the caller to show.
    """
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setLabel(plain(QLabel(label)))  # it names a file or an address as it is
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:  # e.g. one SMTP exchange: it cannot be taken back half-way
        dialog.setCancelButton(None)
    relay = _ProgressRelay()
    cancelled = False

    def moved(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if total and done >= total and not cancelled:
            # The work asks no more: what is left (the last save, or the search indexes a
            # first sync builds) cannot be cancelled, so Cancel would promise what it cannot.
            dialog.setLabelText("Finishing…")
            dialog.setCancelButton(None)

    relay.moved.connect(moved)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def cancel() -> None:
        nonlocal cancelled
        cancelled = True
        dialog.setLabelText(cancelling)

    def progress(done: int, total: int) -> None:  # runs on the worker thread
        if cancelled:
            raise Cancelled()
        relay.moved.emit(done, total)

    def finished(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    dialog.canceled.connect(cancel)
    dialog.show()
    run_in_background(lambda: work(progress), lambda r: finished("result", r),
                      lambda e: finished("error", e))
    loop.exec()
    dialog.close()
    error = outcome.get("error")
    if isinstance(error, Cancelled):
        return None
    if error is not None:
        raise error
    return outcome.get("result")
