"""Acting on a modal dialog from a test while the code under test waits inside its exec()."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_open(kind: type, act: Callable, tries: int = 250) -> None:
    """Run ``act(dialog)`` once a modal ``kind`` is up. A failed check closes the dialog, so
    the test fails instead of waiting for ever in exec()."""
    widget = QApplication.activeModalWidget()
    if isinstance(widget, kind):
        try:
            act(widget)
        except BaseException:
            if isinstance(widget, QDialog):
                widget.reject()
            raise
    elif tries:
        QTimer.singleShot(20, lambda: when_open(kind, act, tries - 1))
