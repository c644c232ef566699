"""The mouse wheel scrolls the page under the pointer; it changes a field (a combo box, a
spin box, a date) only when that field has the keyboard focus.

Scrolling the contact card with the pointer over Details used to reassign the customer's
Sales person at every notch. One filter on the application covers every such field the desk
has or will have, in every window and dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox

_WHEEL_SENSITIVE = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Hands a wheel turned over an unfocused field to the field's parent instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, _WHEEL_SENSITIVE):
            return False
        if watched.hasFocus():
            return False
        # The scroll area the field sits in scrolls instead (a wheel sent on is not passed
        # up the parents by Qt, so it goes to the area's viewport itself).
        parent = watched.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QCoreApplication.sendEvent(parent.viewport(), event.clone())
        return True


_guard: WheelGuard | None = None


def install_wheel_guard() -> None:
    """Once per application; windows call it as they are built."""
    global _guard
    app = QApplication.instance()
    if _guard is None and app is not None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
