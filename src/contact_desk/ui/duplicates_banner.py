"""The banner on a customer who is one of an open possible duplicate: who the other may be,
and why, with Open, Not a Duplicate and Review… (the queue, on that pair). Hidden for a
customer with none. What it says comes from services/duplicates, shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError
from contact_desk.services.duplicates import PossibleDuplicateView
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import show_error
from contact_desk.ui.plain_text import plain, tooltip_text
from contact_desk.ui.text_colors import dark

# (background, border, text) on a light window and on a dark one; the text reads at 7:1
STYLES = (("#e8f0fe", "#8ab4f8", "#174ea6"), ("#1f2a3d", "#4a6da7", "#d2e3fc"))


def banner_text(customer_id: int, pairs: tuple[PossibleDuplicateView, ...]) -> str:
    """"May be the same person as C2 (John Smith): same mobile …"; and how many more."""
    first = pairs[0]
    _, other = first.partner_of(customer_id)
    text = f"May be the same person as {other.shown()}: {first.reasons_shown()}."
    if len(pairs) > 1:
        more = len(pairs) - 1
        text += f" And {more} more possible duplicate{'s' if more > 1 else ''}: see Review…"
    return text


class DuplicateBanner(QFrame):
    """``openCustomer`` asks the window to show a customer; ``reviewRequested`` to show the
    queue on a pair; ``decided`` says a pair was decided here (the page drops it)."""

    openCustomer = Signal(int)
    reviewRequested = Signal(int)
    decided = Signal(object)  # the PossibleDuplicateView as decided

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateBanner")
        self.desk = desk
        self.customer_id: int | None = None
        self.pairs: tuple[PossibleDuplicateView, ...] = ()
        self.message = plain(QLabel(self, objectName="duplicateBannerText", wordWrap=True))
        self.message.setAccessibleName("Possible duplicate")
        self.open_button = QPushButton("Open Other", self, objectName="openDuplicateButton")
        self.open_button.clicked.connect(self._open)
        self.not_button = QPushButton("Not a Duplicate", self,
                                      objectName="bannerNotDuplicateButton")
        self.not_button.clicked.connect(self._not_a_duplicate)
        self.review_button = QPushButton("Review…", self, objectName="reviewDuplicateButton")
        self.review_button.setToolTip("The possible duplicates queue, on this pair")
        self.review_button.clicked.connect(self._review)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self.message, 1)
        for button in (self.open_button, self.not_button, self.review_button):
            layout.addWidget(button)
        self.restyle()
        self.hide()

    def restyle(self) -> None:
        background, border, text = STYLES[1] if dark() else STYLES[0]
        self.setStyleSheet(f"QFrame#duplicateBanner {{ background: {background}; border: 1px "
                           f"solid {border}; border-radius: 4px; }} QLabel {{ color: {text}; }}")

    def show_pairs(self, customer_id: int, pairs: tuple[PossibleDuplicateView, ...]) -> None:
        self.customer_id, self.pairs = customer_id, pairs
        if not pairs:
            self.hide()
            return
        self.message.setText(banner_text(customer_id, pairs))
        _, other = pairs[0].partner_of(customer_id)
        self.open_button.setToolTip(tooltip_text(f"Show {other.shown()}"))
        why_not = self.desk.actor.why_not(Permission.EDIT_CUSTOMERS)
        self.not_button.setEnabled(why_not is None)
        self.not_button.setToolTip(tooltip_text(
            why_not or f"They are different people: never ask again about {other.shown()}"))
        self.show()

    def _first(self) -> tuple[PossibleDuplicateView, int] | None:
        if not self.pairs or self.customer_id is None:
            return None
        pair = self.pairs[0]
        return pair, pair.partner_of(self.customer_id)[0]

    def _open(self) -> None:
        first = self._first()
        if first is not None:
            self.openCustomer.emit(first[1])

    def _review(self) -> None:
        first = self._first()
        if first is not None:
            self.reviewRequested.emit(first[0].id)

    def _not_a_duplicate(self) -> None:
        first = self._first()
        if first is None:
            return
        try:
            decided = self.desk.not_a_duplicate(first[0].id)
        except DomainError as error:
            show_error(self, "Not a Duplicate", error)
            return
        self.decided.emit(decided)


def without_pair(pairs: tuple[PossibleDuplicateView, ...], pair_id: int,
                 ) -> tuple[PossibleDuplicateView, ...]:
    return tuple(pair for pair in pairs if pair.id != pair_id)

