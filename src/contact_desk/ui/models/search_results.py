"""The customer list under the search box: one page at a time, loaded off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Signal

from contact_desk.services.views import CustomerHit
from contact_desk.store.changes import Changes
from contact_desk.ui.background import run_in_background
from contact_desk.ui.models.columns import Column, Index, RowsModel

log = logging.getLogger(__name__)
PAGE = 100
Search = Callable[[str, int, int, int | None], list[CustomerHit]]  # query, limit, offset, after
Hits = Callable[[list[int]], list[CustomerHit]]  # the rows of these customers, as they are now

COLUMNS: tuple[Column[CustomerHit], ...] = (
    Column("Customer #", lambda hit: hit.customer_number or f"#{hit.id}"),
    Column("Name", lambda hit: hit.name),
    Column("Company", lambda hit: hit.company if hit.company != hit.name else ""),
    Column("Primary phone", lambda hit: hit.primary_phone or ""),
    Column("Primary email", lambda hit: hit.primary_email or ""),
)


class SearchResultsModel(RowsModel[CustomerHit]):
    """Rows for the latest query only: an answer to an older query is dropped when it lands."""

    columns = COLUMNS
    pageLoaded = Signal(str, int)  # the query, how many rows are shown now
    searchFailed = Signal(object)

    def __init__(self, search: Search, parent: Any = None, hits: Hits | None = None) -> None:
        super().__init__(parent)
        self._search, self._hits = search, hits
        self._query = ""
        self._generation = 0
        self._loading = False
        self._exhausted = True
        # Other desks' changes to rows out of sight, read again as they come into sight;
        # the rows read since the last change are not read twice.
        self._stale = Changes()
        self._read_since: set[int] = set()

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
        self._stale, self._read_since = Changes(), set()
        self.rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._load_page()

    def hit(self, row: int) -> CustomerHit:
        return self.rows[row]

    def refresh_rows(self, shown: range, changed: Changes) -> None:
        """Read again the rows in ``shown`` (those in sight) whose customers another desk
        changed, off the GUI thread; only their cells change: no reset, the scroll position
        and the selection stay, and a customer who no longer matches stays until the next
        search."""
        if self._hits is None:
            return
        self._stale, self._read_since = self._stale | changed, set()
        self._read_again(shown)

    def refresh_come_into_sight(self, shown: range) -> None:
        """The list scrolled: rows now in sight that another desk changed while they were
        out of it are read again (each once)."""
        if self._stale.many or self._stale.customer_ids:
            self._read_again(shown)

    def _read_again(self, shown: range) -> None:
        shown = range(max(shown.start, 0), min(shown.stop, len(self.rows)))
        rows = [row for row in shown if row not in self._read_since
                and self._stale.touches(self.rows[row].id)]
        self._read_since.update(rows)
        ids = [self.rows[row].id for row in rows]
        if not ids:
            return
        generation, hits = self._generation, self._hits
        run_in_background(lambda: hits(ids),
                          lambda fresh: self._rows_arrived(generation, shown, fresh),
                          lambda error: log.warning("Could not refresh the customer list: %s",
                                                    error),
                          owner=self)

    def _rows_arrived(self, generation: int, shown: range, fresh: list[CustomerHit]) -> None:
        if generation != self._generation:
            return
        by_id = {hit.id: hit for hit in fresh}
        last_column = len(self.columns) - 1
        for row in shown:
            if row < len(self.rows) and self.rows[row].id in by_id \
                    and by_id[self.rows[row].id] != self.rows[row]:
                self.rows[row] = by_id[self.rows[row].id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load_page()

    def _load_page(self) -> None:
        self._loading = True
        generation, query, offset = self._generation, self._query, len(self.rows)
        after = self.rows[-1].id if self.rows else None  # the customer the page follows
        run_in_background(
            lambda: self._search(query, PAGE, offset, after),
            lambda hits: self._page_arrived(generation, hits),
            lambda error: self._page_failed(generation, error),
            owner=self,
        )

    def _page_arrived(self, generation: int, hits: list[CustomerHit]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(hits) < PAGE
        if hits:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
            self.rows.extend(hits)
            self.endInsertRows()
        self.pageLoaded.emit(self._query, len(self.rows))

    def _page_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.searchFailed.emit(error)
