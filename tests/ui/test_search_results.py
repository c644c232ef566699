"""The customer list holds a window of pages: scrolled anywhere it shows the right customers,
keeps only the pages near what is in sight, reads a page it let go again by key, and its
scroll bar spans every match once they are counted. Qt's own model tester watches it."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractItemView, QTableView

from contact_desk.services.customers import create_customer
from contact_desk.store.database import open_database
from contact_desk.ui import models
from contact_desk.ui.desk import Desk
from contact_desk.ui.models.search_results import PAGE, SearchResultsModel
from tests.conftest import first_manager

CUSTOMERS = 7 * PAGE + 37
WINDOW = 3


@pytest.fixture
def desk(tmp_path):
    database = open_database(str(tmp_path / "many.sqlite3"), create=True)
    manager = first_manager(database)
    for n in range(CUSTOMERS):
        create_customer(database.unit_of_work(), manager, first_name=f"Pat{n:04d}",
                        last_name=f"Zed{n % 50:02d}", customer_number=f"C{n:04d}")
    yield Desk(database, manager)
    database.dispose()


@pytest.fixture
def listing(qtbot, qtlog, desk, monkeypatch):
    """The model on a table view, watched by QAbstractItemModelTester; every search the
    model asks for is written down."""
    monkeypatch.setattr(models.search_results, "WINDOW_PAGES", WINDOW)
    asked: list[tuple] = []

    def search(query, limit, offset, after, backwards=False):
        asked.append((limit, offset, after, backwards))
        return desk.search(query, limit, offset, after, backwards)

    model = SearchResultsModel(search, hits=desk.customer_hits, count=desk.count_search)
    tester = QAbstractItemModelTester(
        model, QAbstractItemModelTester.FailureReportingMode.Warning)
    view = QTableView()
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.addWidget(view)
    model.set_query("")
    qtbot.waitUntil(lambda: model.counted and not model.loading)
    yield model, view, asked
    assert not [record.message for record in qtlog.records if "FAIL" in record.message]
    del tester


def everyone(desk) -> list[int]:
    return [hit.id for hit in desk.search("", CUSTOMERS * 2, 0, None)]


def settle(qtbot, model, view, row: int) -> None:
    view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    view.viewport().repaint()
    qtbot.waitUntil(lambda: not model.loading and model.hit(row) is not None)


def test_the_list_spans_every_match_once_counted(qtbot, listing, desk):
    model, view, _ = listing
    assert model.rowCount() == CUSTOMERS and not model.canFetchMore()
    assert view.verticalScrollBar().maximum() > 0


def test_scrolled_anywhere_it_shows_the_right_customers_and_keeps_only_a_window(
        qtbot, listing, desk):
    model, view, asked = listing
    ids = everyone(desk)
    for row in (CUSTOMERS - 1, 3 * PAGE + 5, 150, 6 * PAGE + 2, 0, 4 * PAGE + 99):
        settle(qtbot, model, view, row)
        shown = [model.hit(r) for r in range(row, min(row + 20, CUSTOMERS))]
        assert [hit.id for hit in shown if hit is not None] == ids[row:row + len(shown)]
        assert len(model._pages) <= WINDOW
    # The end was read backwards from the end, nothing passed over.
    assert (CUSTOMERS % PAGE, 0, None, True) in asked


def test_a_page_let_go_is_read_again_by_key_when_scrolled_back(qtbot, listing, desk):
    model, view, asked = listing
    ids = everyone(desk)
    for row in range(0, 6 * PAGE, PAGE // 2):  # down the list: each page after the last
        settle(qtbot, model, view, row)
    assert 1 not in model._pages and 2 not in model._pages  # (row 0: the tester reads it)
    asked.clear()
    settle(qtbot, model, view, PAGE + 10)  # back up: page 1 was let go
    assert [model.hit(r).id for r in range(PAGE + 10, PAGE + 30)] == ids[PAGE + 10:PAGE + 30]
    assert asked and all(offset == 0 and after is not None for _, offset, after, _ in asked)


def test_a_new_query_starts_over_with_its_first_page(qtbot, listing, desk):
    model, view, _ = listing
    settle(qtbot, model, view, 4 * PAGE)
    with qtbot.waitSignal(model.pageLoaded, check_params_cb=lambda q, _: q == "Pat001"):
        model.set_query("Pat001")
    qtbot.waitUntil(lambda: model.counted)
    assert [model.hit(r) for r in range(model.rowCount())] == desk.search("Pat001", 50, 0, None)
    assert model.rowCount() == 10


def test_without_a_count_the_list_grows_a_page_at_a_time(qtbot, desk):
    model = SearchResultsModel(desk.search)  # as the Replace Customer dialog has it
    tester = QAbstractItemModelTester(  # noqa: F841 - it watches while it lives
        model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_query("")
    qtbot.waitUntil(lambda: model.rowCount() == PAGE and not model.loading)
    assert model.canFetchMore()
    for _ in range(CUSTOMERS // PAGE):
        with qtbot.waitSignal(model.rowsInserted):
            model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == CUSTOMERS and not model.canFetchMore() and model.counted
    assert [model.hit(row).id for row in range(CUSTOMERS)] == everyone(desk)  # 8 pages kept
