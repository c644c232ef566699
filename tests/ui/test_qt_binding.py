"""The Qt binding the desk runs on keeps Python's reference counts: a binding that loses a
reference to None on each call into Qt frees None after a few hundred customers, and the
desk aborts ("Fatal Python error: none_dealloc") with the clerk's work on screen."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def test_calls_into_qt_keep_the_references_to_none_true_and_false(qtbot):
    app = QApplication.instance()
    singletons = (None, True, False)
    before = [sys.getrefcount(value) for value in singletons]
    for _ in range(300):
        app.processEvents()
    lost = [b - sys.getrefcount(value) for b, value in zip(before, singletons, strict=True)]
    assert max(lost) < 30, f"references lost to None, True and False: {lost}"
