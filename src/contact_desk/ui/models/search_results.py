"""The customer list under the search box: one page at a time, loaded off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from contact_desk.services.views import CustomerHit
from contact_desk.ui.background import run_in_background
from contact_desk.ui.models.columns import Column

PAGE = 100
Index = QModelIndex | QPersistentModelIndex
Search = Callable[[str, int, int], list[CustomerHit]]

COLUMNS: tuple[Column[CustomerHit], ...] = (
    Column("Customer #", lambda hit: hit.customer_number or f"#{hit.id}"),
    Column("Name", lambda hit: hit.name),
    Column("Company", lambda hit: hit.company if hit.company != hit.name else ""),
    Column("Primary phone", lambda hit: hit.primary_phone or ""),
    Column("Primary email", lambda hit: hit.primary_email or ""),
)


class SearchResultsModel(QAbstractTableModel):
    """Rows for the latest query only: an answer to an older query is dropped when it lands."""

    pageLoaded = Signal(str, int)  # the query, how many rows are shown now
    searchFailed = Signal(object)

    def __init__(self, search: Search, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._hits: list[CustomerHit] = []
        self._query = ""
        self._generation = 0
        self._loading = False
        self._exhausted = True

    @property
    def query(self) -> str:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def set_query(self, query: str) -> None:
        """Start over with ``query``; the first page arrives with ``pageLoaded``."""
        self.beginResetModel()
        self._query = query
        self._generation += 1
        self._hits = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._load_page()

    def hit(self, row: int) -> CustomerHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return COLUMNS[index.column()].data(self._hits[index.row()], role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load_page()

    def _load_page(self) -> None:
        self._loading = True
        generation, query, offset = self._generation, self._query, len(self._hits)
        run_in_background(
            lambda: self._search(query, PAGE, offset),
            lambda hits: self._page_arrived(generation, hits),
            lambda error: self._page_failed(generation, error),
        )

    def _page_arrived(self, generation: int, hits: list[CustomerHit]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(hits) < PAGE
        if hits:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
            self._hits.extend(hits)
            self.endInsertRows()
        self.pageLoaded.emit(self._query, len(self._hits))

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.searchFailed.emit(error)
