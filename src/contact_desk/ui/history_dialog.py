"""The customer's History: every change, newest first, field by field (when, who, at which
desk or by which sync or import, why, old -> new), filtered by kind, exported to CSV. What
it shows comes from services/history; the values are plain text, whatever the DMS sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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

from contact_desk.services.history import CustomerHistory, HistoryEntry, HistoryGroup
from contact_desk.ui.desk import Desk
from contact_desk.ui.file_dialogs import Choose, chosen_path
from contact_desk.ui.messages import explain, show_error, show_info
from contact_desk.ui.models.columns import Column, RowsModel
from contact_desk.ui.plain_text import plain

CSV_FILTER = "CSV (*.csv);;All files (*)"


def _when(entry: HistoryEntry) -> str:
    return entry.at.astimezone().strftime("%Y-%m-%d %H:%M")


COLUMNS: tuple[Column[HistoryEntry], ...] = (
    Column("When", _when, tooltip=lambda e: e.at.astimezone().isoformat(timespec="seconds")),
    Column("Who", lambda e: e.who),
    Column("Desk", lambda e: e.desk),
    Column("Why", lambda e: e.why),
    Column("What", lambda e: e.what),
    Column("Field", lambda e: e.field.label),
    Column("Old", lambda e: e.old, tooltip=lambda e: e.old or None),
    Column("New", lambda e: e.new, tooltip=lambda e: e.new or None),
    Column("Detail", lambda e: e.detail, tooltip=lambda e: e.detail or None),
)


class HistoryModel(RowsModel[HistoryEntry]):
    columns = COLUMNS

    def show(self, entries: tuple[HistoryEntry, ...]) -> None:
        self.beginResetModel()
        self.rows = list(entries)
        self.endResetModel()


class HistoryDialog(QDialog):
    """Opened on the customer on screen; Refresh reads it again (another desk may have
    changed it meanwhile)."""

    def __init__(self, desk: Desk, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.desk, self.customer_id = desk, customer_id
        self.history: CustomerHistory | None = None
        self.resize(1120, 560)
        layout = QVBoxLayout(self)
        self.heading = plain(QLabel(self))
        self.heading.setObjectName("historyHeading")
        layout.addWidget(self.heading)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Show:", self))
        self.group_boxes: dict[HistoryGroup, QCheckBox] = {}
        for group in HistoryGroup:
            box = QCheckBox(group.label, self, objectName=f"historyFilter_{group.name}")
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._show())
            filters.addWidget(box)
            self.group_boxes[group] = box
        filters.addStretch(1)
        layout.addLayout(filters)
        self.model = HistoryModel(self)
        self.table = QTableView(self, objectName="historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((126, 112, 70, 112, 104, 104, 140, 150)):
            self.table.setColumnWidth(column, width)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        layout.addWidget(self.table, 1)
        self.count = plain(QLabel(self))
        self.count.setObjectName("historyCount")
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.refresh_button = QPushButton("&Refresh", self, objectName="historyRefresh")
        self.export_button = QPushButton("&Export CSV…", self, objectName="historyExport")
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.refresh_button, self.export_button):
            button.setAutoDefault(False)  # Enter closes; it never exports by surprise
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        layout.addWidget(buttons)
        self.refresh()
        self.table.setFocus()

    def groups(self) -> frozenset[HistoryGroup]:
        return frozenset(group for group, box in self.group_boxes.items() if box.isChecked())

    def shown_entries(self) -> tuple[HistoryEntry, ...]:
        return self.history.of(self.groups()) if self.history is not None else ()

    def refresh(self) -> None:
        try:
            self.history = self.desk.history(self.customer_id)
        except Exception as error:  # noqa: BLE001 - said to the clerk; logged if unexpected
            self.history = None
            self.heading.setText(explain(error))
        else:
            self.setWindowTitle(f"History — {self.history.customer_name}")
            self.heading.setText(f"Every change of {self.history.customer_name}, newest first.")
        self._show()

    def _show(self) -> None:
        entries = self.shown_entries()
        self.model.show(entries)
        every = len(self.history.entries) if self.history is not None else 0
        self.count.setText(f"{len(entries):,} of {every:,} changes shown."
                           if len(entries) != every else f"{every:,} changes.")
        self.export_button.setEnabled(bool(entries))

    def export_csv(self) -> None:
        if self.history is None:
            return
        suggested = f"history-{self.history.customer_name}.csv".replace("/", "-")
        path = chosen_path(self, "Export the history as CSV", Choose.FILE_TO_SAVE,
                           filters=CSV_FILTER, suggested=suggested)
        if not path:
            return
        try:
            written = self.desk.export_history(path, self.shown_entries())
        except Exception as error:  # noqa: BLE001 - said to the clerk; logged if unexpected
            show_error(self, "History not exported", error)
            return
        show_info(self, "History exported", f"{written:,} changes were written to {path}.")
