"""Columns described once as data: header, text, and the optional extras a role asks for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contact_desk.ui.plain_text import tooltip_text

Row = TypeVar("Row")


def local_time(moment: datetime) -> str:
    """A moment as the desk shows it: the desk's own time zone, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    tooltip: Callable[[Row], str | None] | None = None
    check: Callable[[Row], bool] | None = None  # a checkbox column
    enabled: Callable[[Row], bool] | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def data(self, row: Row, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row)
        if role == Qt.ItemDataRole.CheckStateRole and self.check is not None:
            return Qt.CheckState.Checked if self.check(row) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
            tip = self.tooltip(row)  # a view shows it as HTML when it looks like HTML
            return tooltip_text(tip) if tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.align)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if self.check is not None:
                return f"{self.header}: {'yes' if self.check(row) else 'no'}"
            return self.text(row)
        return None

    def flags(self, row: Row) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsSelectable
        if self.enabled is None or self.enabled(row):
            flags |= Qt.ItemFlag.ItemIsEnabled
        if self.check is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A table of ``rows`` whose columns are described once; subclasses say how rows change."""

    columns: tuple[Column[Row], ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def row(self, number: int) -> Row:
        return self.rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.columns[index.column()].data(self.rows[index.row()], role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self.columns[index.column()].flags(self.rows[index.row()])
