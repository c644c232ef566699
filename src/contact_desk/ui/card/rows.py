"""Little building blocks the card's sections share: clearing a body, a line, a small button,
and rows made once and reused from customer to customer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.ui.plain_text import no_mnemonic, plain, tooltip_text

MUTED = "color: palette(mid);"
Row = TypeVar("Row", bound=QWidget)
Item = TypeVar("Item")


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


class ElidedLabel(QLabel):
    """One line of plain text that gives way with "…" where the card is too narrow (a long
    email beside its buttons), the whole in its tooltip; ``text()`` is the whole."""

    def __init__(self, text: str = "", name: str = "") -> None:
        super().__init__(objectName=name)
        plain(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._whole = ""
        self.setText(text)

    def text(self) -> str:
        return self._whole

    def setText(self, text: str) -> None:
        self._whole = text
        self._fit()

    def sizeHint(self) -> QSize:
        """As wide as the whole text: given the room, nothing is cut."""
        return QSize(self.fontMetrics().horizontalAdvance(self._whole) + 2,
                     super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideMiddle,
                                              self.width())
        if QLabel.text(self) != shown:
            super().setText(shown)
        self.setToolTip(tooltip_text(self._whole) if shown != self._whole else "")


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


class ReusedRows(Generic[Row]):
    """One row widget per item of a list that changes from customer to customer, in
    ``holder``. Rows are made when more are needed and then kept: made and deleted for
    every customer opened, they were most of what opening a customer cost."""

    def __init__(self, make: Callable[[], Row]) -> None:
        self.holder = QWidget()
        self._layout = QVBoxLayout(self.holder)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._make = make
        self.rows: list[Row] = []

    def show(self, items: Sequence[Item], fill: Callable[[Row, Item], None],
             blank: Callable[[Row], None]) -> None:
        """``fill`` a row for each item; the rows left over are ``blank``-ed and hidden."""
        while len(self.rows) < len(items):
            self.rows.append(self._make())
            self._layout.addWidget(self.rows[-1])
        for row, item in zip(self.rows, items):
            fill(row, item)
            row.show()
        for row in self.rows[len(items):]:
            blank(row)
            row.hide()
