"""Possible Duplicates: the review queue, newest first, each pair with its score and the
reasons in words (services/duplicates). The clerk opens either customer, says "Not a
duplicate" (remembered: never asked again for that pair), or scans every customer again in
the background. A window of its own, so the clerk can open customers while it stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError
from contact_desk.services.duplicates import PossibleDuplicateView
from contact_desk.ui.desk import Desk
from contact_desk.ui.long_work import Progress, run_with_progress, stopping_between_batches
from contact_desk.ui.messages import show_error, show_info
from contact_desk.ui.models.columns import Column, RowsModel, local_time
from contact_desk.ui.plain_text import plain, tooltip_text

SHOWN = 500  # pairs read at once; the heading says how many wait in all
REFRESH_KEY = "F5"
NOTHING = "No possible duplicates are waiting for a decision."


def _reasons(pair: PossibleDuplicateView) -> str:
    return pair.reasons_shown()


COLUMNS: tuple[Column[PossibleDuplicateView], ...] = (
    Column("Found", lambda p: local_time(p.found_at)),
    Column("Customer", lambda p: p.customer.shown(), tooltip=lambda p: p.customer.shown()),
    Column("May be", lambda p: p.other.shown(), tooltip=lambda p: p.other.shown()),
    Column("Score", lambda p: str(p.score) if p.score else "—",
           tooltip=lambda p: "How alike the two are, out of 100 (the scan's comparison)"
           if p.score else "Recorded by an import that found them sharing a value",
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
    Column("Found by", lambda p: p.source.label),
    Column("Why", _reasons, tooltip=_reasons),
)


class DuplicatesModel(RowsModel[PossibleDuplicateView]):
    columns = COLUMNS

    def show_pairs(self, pairs: tuple[PossibleDuplicateView, ...]) -> None:
        self.beginResetModel()
        self.rows = list(pairs)
        self.endResetModel()

    def take_out(self, pair_id: int) -> None:
        """A decided pair leaves the queue; the other rows stay as they are."""
        for number, pair in enumerate(self.rows):
            if pair.id == pair_id:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()
                return


class DuplicatesDialog(QDialog):
    """``open_customer`` shows a customer in the main window (the queue stays open);
    ``decided`` is told of each pair decided here, so a banner on screen can follow."""

    def __init__(self, desk: Desk, open_customer: Callable[[int], None],
                 decided: Callable[[PossibleDuplicateView], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle("Possible Duplicates")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.desk, self._open_customer = desk, open_customer
        self._decided = decided or (lambda _pair: None)
        self.open_in_all = 0
        self.resize(1060, 480)
        layout = QVBoxLayout(self)
        self.heading = plain(QLabel(self, objectName="duplicatesHeading"))
        layout.addWidget(self.heading)
        self.model = DuplicatesModel(self)
        self.table = QTableView(self, objectName="duplicatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Possible duplicates, newest first")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((120, 210, 260, 56, 120)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(lambda _index: self.open_other())
        layout.addWidget(self.table, 1)
        self.empty = plain(QLabel(NOTHING, self, objectName="duplicatesEmpty",
                                  alignment=Qt.AlignmentFlag.AlignCenter))
        self.empty.setMargin(24)
        layout.addWidget(self.empty)

        actions = QHBoxLayout()
        self.open_first_button = QPushButton("Open &Customer", self,
                                             objectName="openFirstButton")
        self.open_first_button.setToolTip("Show the customer on file first in the window")
        self.open_first_button.clicked.connect(self.open_first)
        self.open_other_button = QPushButton("Open &May Be", self, objectName="openOtherButton")
        self.open_other_button.setToolTip("Show the later customer in the window (Enter)")
        self.open_other_button.clicked.connect(self.open_other)
        self.not_duplicate_button = QPushButton("&Not a Duplicate", self,
                                                objectName="notDuplicateButton")
        self.not_duplicate_button.clicked.connect(self.not_a_duplicate)
        self.scan_button = QPushButton("&Scan All Customers…", self, objectName="scanButton")
        self.scan_button.setToolTip("Compare every customer with those it shares a phone, "
                                    "email, VIN, name or address with; new pairs join the queue")
        self.scan_button.clicked.connect(self.scan)
        refresh = QPushButton("Refresh", self, objectName="refreshDuplicatesButton",
                              shortcut=QKeySequence(REFRESH_KEY))
        refresh.setToolTip(f"Read the queue again ({REFRESH_KEY})")
        refresh.clicked.connect(self.refresh)
        for button in (self.open_first_button, self.open_other_button,
                       self.not_duplicate_button, self.scan_button, refresh):
            # Enter in the table opens the later customer; no button takes it as well.
            button.setAutoDefault(False)
        for button in (self.open_first_button, self.open_other_button,
                       self.not_duplicate_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.scan_button)
        actions.addWidget(refresh)
        layout.addLayout(actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)  # Esc closes
        layout.addWidget(buttons)
        for why_not, button in ((desk.actor.why_not(Permission.EDIT_CUSTOMERS),
                                 self.not_duplicate_button),
                                (desk.actor.why_not(Permission.EDIT_CUSTOMERS),
                                 self.scan_button)):
            if why_not is not None:
                button.setEnabled(False)
                button.setToolTip(tooltip_text(why_not))
        self._may_decide = self.not_duplicate_button.isEnabled()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._follow())
        self.refresh()

    # reading

    def refresh(self, select: int | None = None) -> None:
        """Read the queue again, keeping the pair selected (or ``select``) where it still
        waits."""
        keep = select if select is not None else (self.current().id if self.current() else None)
        try:
            page = self.desk.duplicate_queue(SHOWN)
        except DomainError as error:
            show_error(self, "Possible Duplicates", error)
            return
        self.model.show_pairs(page.pairs)
        self.open_in_all = page.open_in_all
        rows = [pair.id for pair in page.pairs]
        self._select(rows.index(keep) if keep in rows else 0)
        self._follow()

    def current(self) -> PossibleDuplicateView | None:
        row = self.table.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def _select(self, row: int) -> None:
        if self.model.rowCount():
            row = min(row, self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)

    def _follow(self) -> None:
        shown, waiting = self.model.rowCount(), self.open_in_all
        if not waiting:
            self.heading.setText(NOTHING)
        elif shown < waiting:
            self.heading.setText(f"{waiting:,} pairs wait for a decision; the newest {shown:,} "
                                 "are shown, newest first.")
        else:
            noun = "pair waits" if waiting == 1 else "pairs wait"
            self.heading.setText(f"{waiting:,} {noun} for a decision, newest first.")
        self.table.setVisible(bool(shown))
        self.empty.setVisible(not shown)
        chosen = self.current() is not None
        self.open_first_button.setEnabled(chosen)
        self.open_other_button.setEnabled(chosen)
        self.not_duplicate_button.setEnabled(chosen and self._may_decide)

    def show_pair(self, pair_id: int) -> None:
        """Select ``pair_id`` (a banner's Review…), reading the queue again to find it."""
        self.refresh(select=pair_id)

    # acting

    def open_first(self) -> None:
        pair = self.current()
        if pair is not None:
            self._open_customer(pair.customer_id)

    def open_other(self) -> None:
        pair = self.current()
        if pair is not None:
            self._open_customer(pair.other_customer_id)

    def not_a_duplicate(self) -> None:
        pair = self.current()
        if pair is None:
            return
        row = self.table.currentIndex().row()
        try:
            decided = self.desk.not_a_duplicate(pair.id)
        except DomainError as error:
            show_error(self, "Not a Duplicate", error)
            self.refresh()
            return
        self.model.take_out(pair.id)
        self.open_in_all = max(0, self.open_in_all - 1)
        self._select(row)
        self._follow()
        self._decided(decided)

    def scan(self) -> None:
        def work(progress: Progress):
            noted, pressed = stopping_between_batches(progress)
            return self.desk.scan_for_duplicates(noted, pressed)

        try:
            report = run_with_progress(self, "Scan for duplicates",
                                       "Comparing customers who share a phone, email, VIN, "
                                       "name or address…", work,
                                       cancelling="Stopping… the pairs found so far are kept.")
        except DomainError as error:
            show_error(self, "Scan for duplicates", error)
            return
        if report is not None:
            show_info(self, "Scan for duplicates", report.summary())
        self.refresh()
