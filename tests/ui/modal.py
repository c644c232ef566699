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
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # not reject(): it may ask first
            raise
    elif tries:
        QTimer.singleShot(20, lambda: when_open(kind, act, tries - 1))


def answer_file_dialog(path: object, tries: int = 250) -> None:
    """Once the desk's file dialog is up, type ``path`` into its file name box and press
    Open (or Save), as a clerk would."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    def choose(dialog: QFileDialog) -> None:
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setText(str(path))
        QTest.keyClick(name_box, Qt.Key.Key_Return)
        assert not dialog.isVisible(), f"the file dialog did not take {path}"

    when_open(QFileDialog, choose, tries)
