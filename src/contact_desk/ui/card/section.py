"""One collapsible section of the contact card: a title, a count, an arrow, and a body."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

SECTION_STYLE = (
    "CardSection { background: palette(base); border: 1px solid palette(mid);"
    " border-radius: 6px; }"
)


class CardSection(QFrame):
    """Collapses from the arrow in its upper-right corner; ``toggled(open)`` says so."""

    toggled = Signal(bool)

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"section_{name}")
        self.name, self.title = name, title
        self.setStyleSheet(SECTION_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 6, 8)
        outer.setSpacing(4)
        top = QHBoxLayout()
        self.heading = QLabel(title, objectName=f"{name}Title")
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.toggle = QToolButton(objectName=f"{name}Toggle", autoRaise=True)
        self.toggle.setAccessibleName(f"Collapse or expand {title}")
        self.toggle.clicked.connect(lambda: self.set_open(not self.is_open))
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.toggle, alignment=Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.body = QWidget(objectName=f"{name}Body")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(6)
        outer.addWidget(self.body)
        self._open = True
        self._show_state()

    @property
    def is_open(self) -> bool:
        return self._open

    def set_open(self, open_: bool) -> None:
        if open_ == self._open:
            return
        self._open = open_
        self._show_state()
        self.toggled.emit(open_)

    def set_count(self, count: int | None) -> None:
        """A number beside the title (e.g. how many notes), or none."""
        self.heading.setText(self.title if count is None else f"{self.title} ({count})")

    def _show_state(self) -> None:
        self.body.setVisible(self._open)
        self.toggle.setArrowType(Qt.ArrowType.UpArrow if self._open else Qt.ArrowType.DownArrow)
        self.toggle.setToolTip(f"Collapse {self.title}" if self._open else f"Expand {self.title}")
