"""Little building blocks the card's sections share: clearing a body, a line, a small button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QToolButton, QWidget

from contact_desk.ui.plain_text import no_mnemonic, plain, tooltip_text

MUTED = "color: palette(mid);"


def clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # gone at once, not only after the next event
            widget.deleteLater()
        elif inner is not None:
            clear(inner)


def text_label(text: str, name: str = "", muted: bool = False, wrap: bool = True) -> QLabel:
    """Plain text only: a note or a page title must never be read as HTML."""
    label = plain(QLabel(text, objectName=name, wordWrap=wrap))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setStyleSheet(MUTED)
    return label


def small_button(text: str, name: str, tip: str, act: Callable[[], None],
                 enabled: bool = True) -> QToolButton:
    """``text`` and ``tip`` are shown as they are: a vehicle's make may hold "&" or "<"."""
    button = QToolButton(objectName=name, text=no_mnemonic(text), toolTip=tooltip_text(tip),
                         autoRaise=True)
    button.setAccessibleName(tip)
    button.setEnabled(enabled)
    button.clicked.connect(lambda _=False: act())
    return button


def line(*widgets: QWidget, stretch_after: int | None = None) -> QWidget:
    """Widgets side by side; a stretch after the widget at ``stretch_after`` (default: last)."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget)
        if index == (len(widgets) - 1 if stretch_after is None else stretch_after):
            layout.addStretch()
    return holder
