"""The customer list under the search box: a window of pages near what is in sight, each read
off the GUI thread by key from its neighbour, over a scroll bar that spans every match.

The first page comes at once and the list grows a page at a time as it is scrolled, while
the matches are counted in the background; once the count lands the list has that many
rows (an exact count, not an estimate), those not read yet shown blank until their page
arrives. Only ``WINDOW_PAGES`` pages are kept: scrolled back, a page let go is read again,
by key from the row before it (or after it); a page no neighbour was read for is reached
from the nearest one (or either end) by passing over the rows between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal

from contact_desk.services.views import CustomerHit
from contact_desk.store.changes import Changes
from contact_desk.ui.background import run_in_background
from contact_desk.ui.models.columns import Column, Index, RowsModel

log = logging.getLogger(__name__)
PAGE = 100
WINDOW_PAGES = 12  # pages kept: about three screens either side of the one in sight
COUNT_AFTER_MS = 150  # a query typed on is not counted: only one the clerk stopped at
# query, limit, offset, after (the customer the page follows), backwards
Search = Callable[..., list[CustomerHit]]
Hits = Callable[[list[int]], list[CustomerHit]]  # the rows of these customers, as they are now
Count = Callable[[str], int]  # how many customers a query finds
LOADING = "…"

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
    pageLoaded = Signal(str, int)  # the query, how many rows the list has now
    searchFailed = Signal(object)

    def __init__(self, search: Search, parent: Any = None, hits: Hits | None = None,
                 count: Count | None = None) -> None:
        super().__init__(parent)
        self._search, self._hits, self._count = search, hits, count
        self._query = ""
        self._generation = 0
        self._pages: dict[int, list[CustomerHit]] = {}
        # The first and last customer of every page ever read: where to read it again from.
        self._firsts: dict[int, int] = {}
        self._lasts: dict[int, int] = {}
        self._in_flight: set[int] = set()
        self._size = 0  # rows the list has
        self._counted = False  # the size is every match, not only what was read so far
        self._exhausted = True
        self._used: dict[int, None] = {}  # pages by when a view last asked for them
        self._count_later = QTimer(self, singleShot=True, interval=COUNT_AFTER_MS)
        self._count_later.timeout.connect(self._start_count)
        # Other desks' changes to rows out of sight, read again as they come into sight;
        # the rows read since the last change are not read twice.
        self._stale = Changes()
        self._read_since: set[int] = set()

    @property
    def query(self) -> str:
        return self._query

    @property
    def loading(self) -> bool:
        return bool(self._in_flight)

    @property
    def counted(self) -> bool:
        """Whether the list's length is every match (else more may come as it is scrolled)."""
        return self._counted

    def set_query(self, query: str) -> None:
        """Start over with ``query``; the first page arrives with ``pageLoaded``."""
        self.beginResetModel()
        self._query = query
        self._generation += 1
        self._stale, self._read_since = Changes(), set()
        self._pages, self._firsts, self._lasts, self._in_flight = {}, {}, {}, set()
        self._size, self._counted, self._exhausted, self._used = 0, False, False, {}
        self._count_later.stop()
        self.endResetModel()
        self._load(0)

    def hit(self, row: int) -> CustomerHit | None:
        """The customer on ``row``; None while its page is being read."""
        page = self._pages.get(row // PAGE)
        at = row % PAGE
        return page[at] if page is not None and at < len(page) else None

    def row(self, number: int) -> CustomerHit | None:
        return self.hit(number)

    # the table

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._size

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._size:
            return None
        page = index.row() // PAGE
        self._used.pop(page, None)  # a view asks for the rows it shows
        self._used[page] = None
        hit = self.hit(index.row())
        if hit is None:
            if page not in self._in_flight:
                self._load(page)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return LOADING if index.column() == 1 else ""
            return None
        return self.columns[index.column()].data(hit, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        hit = self.hit(index.row())
        if hit is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return self.columns[index.column()].flags(hit)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return (not parent.isValid() and not self._counted and not self._exhausted
                and not self._in_flight)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load(self._size // PAGE)

    # reading pages

    def _load(self, page: int) -> None:
        """Read ``page`` off the GUI thread, from the nearest row whose customer is known."""
        self._in_flight.add(page)
        generation, query, search = self._generation, self._query, self._search
        wanted = self._way_to(page)
        run_in_background(
            lambda: search(query, *wanted),
            lambda hits: self._page_arrived(generation, page, hits),
            lambda error: self._page_failed(generation, page, error),
            owner=self,
        )

    def _way_to(self, page: int) -> tuple[int, int, int | None, bool]:
        """(limit, offset, after, backwards) of the search that reads ``page``."""
        start = page * PAGE
        limit = PAGE if not self._counted else min(PAGE, self._size - start)
        if page == 0:
            return limit, 0, None, False
        if page - 1 in self._lasts:
            return limit, 0, self._lasts[page - 1], False
        if page + 1 in self._firsts:
            return limit, 0, self._firsts[page + 1], True
        # No neighbour read: pass over the rows between the nearest one and this page.
        ways = [(start, (limit, start, None, False))]
        below = [known for known in self._lasts if known < page]
        if below:
            nearest = max(below)
            skip = start - (nearest + 1) * PAGE
            ways.append((skip, (limit, skip, self._lasts[nearest], False)))
        if self._counted:
            above = [known for known in self._firsts if known > page]
            end, after = (min(above) * PAGE, self._firsts[min(above)]) if above \
                else (self._size, None)
            skip = end - (start + limit)
            ways.append((skip, (limit, skip, after, True)))
        return min(ways, key=lambda way: way[0])[1]

    def _page_arrived(self, generation: int, page: int, hits: list[CustomerHit]) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(page)
        start = page * PAGE
        if hits:
            self._pages[page] = hits
            self._firsts[page], self._lasts[page] = hits[0].id, hits[-1].id
            self._used.pop(page, None)
            self._used[page] = None
        if not self._counted:
            self._grew(page, hits)
        elif len(hits) < PAGE and start + len(hits) < self._size:
            self._shrink_to(start + len(hits))  # fewer than counted: the list ends sooner
        elif hits:
            self.dataChanged.emit(self.index(start, 0),
                                  self.index(start + len(hits) - 1, len(self.columns) - 1))
        self._keep_window()

    def _grew(self, page: int, hits: list[CustomerHit]) -> None:
        """A page read before the count landed: the list grows by it."""
        start = page * PAGE
        if start + len(hits) > self._size:
            self.beginInsertRows(QModelIndex(), self._size, start + len(hits) - 1)
            self._size = start + len(hits)
            self.endInsertRows()
        if len(hits) < PAGE:
            self._exhausted = self._counted = True  # every match is read: that is the count
            self._count_later.stop()
        elif page == 0 and self._count is not None:
            self._count_later.start()
        if page == 0 or self._counted:
            self.pageLoaded.emit(self._query, self._size)

    def _start_count(self) -> None:
        generation, query, count = self._generation, self._query, self._count
        run_in_background(lambda: count(query),
                          lambda total: self._count_arrived(generation, total),
                          lambda error: log.warning("Could not count the customers found: %s",
                                                    error),
                          owner=self)

    def _count_arrived(self, generation: int, total: int) -> None:
        if generation != self._generation or self._counted:
            return
        self._counted = True
        if total > self._size:
            self.beginInsertRows(QModelIndex(), self._size, total - 1)
            self._size = total
            self.endInsertRows()
        elif total < self._size:
            self._shrink_to(total)
        self.pageLoaded.emit(self._query, self._size)

    def _shrink_to(self, size: int) -> None:
        self.beginRemoveRows(QModelIndex(), size, self._size - 1)
        self._size = size
        last = (size - 1) // PAGE if size else -1
        for page in [page for page in self._pages if page > last]:
            del self._pages[page]
        if last >= 0 and last in self._pages:
            self._pages[last] = self._pages[last][:size - last * PAGE]
        self.endRemoveRows()

    def _keep_window(self) -> None:
        """Let go of the pages a view asked for longest ago, past ``WINDOW_PAGES``. No signal:
        a row let go is the same customer, read again when a view next asks for it."""
        if len(self._pages) <= WINDOW_PAGES:
            return
        for page in list(self._used):
            if len(self._pages) <= WINDOW_PAGES:
                break
            self._pages.pop(page, None)
            if page not in self._in_flight:
                del self._used[page]

    def _page_failed(self, generation: int, page: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(page)
        self._exhausted = True
        self.searchFailed.emit(error)

    # other desks' changes

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
        shown = range(max(shown.start, 0), min(shown.stop, self._size))
        rows = [row for row in shown if row not in self._read_since
                and (hit := self.hit(row)) is not None and self._stale.touches(hit.id)]
        self._read_since.update(rows)
        ids = [self.hit(row).id for row in rows]
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
            hit = self.hit(row)
            if hit is not None and hit.id in by_id and by_id[hit.id] != hit:
                self._pages[row // PAGE][row % PAGE] = by_id[hit.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
