"""The desk window: search as you type, open a customer, choose a primary, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QTableView

from contact_desk.app import create_main_window
from contact_desk.domain.enums import ContactKind
from contact_desk.services.customers import create_customer, get_customer
from contact_desk.services.demo import fill_demo_data
from contact_desk.ui.models.contact_points import BADGES_ROLE, CONTACT, PRIMARY
from contact_desk.ui.models.search_results import PAGE
from tests.conftest import first_manager


def search(qtbot, window, text: str) -> None:
    box = window.findChild(QLineEdit, "customerSearch")
    box.clear()
    with qtbot.waitSignal(window.results.pageLoaded, timeout=5000,
                          check_params_cb=lambda query, _: query == text):
        qtbot.keyClicks(box, text)


def numbers_listed(window) -> list[str]:
    model = window.results
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def open_customer(qtbot, window, text: str) -> None:
    search(qtbot, window, text)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.customer_page.view is not None)


def test_the_window_has_its_named_parts(window):
    for name, kind in (("customerSearch", QLineEdit), ("customerList", QTableView),
                       ("phoneTable", QTableView), ("emailTable", QTableView)):
        assert window.findChild(kind, name) is not None, name
    assert window.objectName() == "MainWindow"


def test_every_customer_is_listed_before_anything_is_typed(window):
    assert numbers_listed(window) == ["C1", "C2", "C3"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ann", ["C1"]), ("stone", ["C2"]), ("c3", ["C3"]), ("cy@ex", ["C3"]),
     ("555 01", ["C1", "C2", "C3"]), ("(212) 555-0142", ["C1"]), ("+1 415 555", ["C3"]),
     ("555-0188", ["C1"])],
)
def test_search_as_you_type(qtbot, window, typed, expected):
    search(qtbot, window, typed)
    assert numbers_listed(window) == expected


def test_no_match_is_said_plainly(qtbot, window):
    search(qtbot, window, "zebra")
    assert numbers_listed(window) == []
    assert "No customer matches" in window.search_status.text()


def test_ctrl_f_goes_to_the_search_box(qtbot, window):
    window.customer_list.setFocus()
    window.find_action.trigger()
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert QApplication.focusWidget() is window.search_box


def test_enter_opens_the_first_match_with_its_header(qtbot, window):
    open_customer(qtbot, window, "(212) 555-01")
    form = window.customer_page.form
    assert form.customerName.text() == "Ann Lee"
    assert "C1" in form.customerNumber.text()
    assert form.regularAmountLabel.text() == "Regular Scheduled Amount"
    assert window.pages.currentWidget() is window.customer_screen


def test_clicking_a_row_opens_that_customer(qtbot, window):
    index = window.results.index(1, 1)
    rect = window.customer_list.visualRect(index)
    qtbot.mouseClick(window.customer_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.customer_page.view.customer_number == "C2"


def test_a_row_opens_by_its_id_even_where_a_dms_number_is_the_same_digits(
        qtbot, database, database_url, customers, manager):
    create_customer(database.unit_of_work(), manager, first_name="Dee", last_name="Digits",
                    customer_number=str(customers.bob))
    main = create_main_window(database_url)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.results.rowCount() == 4)
    bob_row = numbers_listed(main).index("C2")
    main.customer_list.activated.emit(main.results.index(bob_row, 1))
    qtbot.waitUntil(lambda: main.customer_page.view is not None)
    assert main.customer_page.view.full_name == "Bob Stone"


def test_the_tables_use_the_dms_words_and_show_status(qtbot, window):
    open_customer(qtbot, window, "ann")
    phones = window.customer_page.phones
    headers = [phones.headerData(c, Qt.Orientation.Horizontal) for c in range(phones.columnCount())]
    assert [h for h in headers if h][:5] == ["Primary", "Type", "Contact", "Status",
                                             "Status Date"]  # "": the Call and Text buttons
    rows = [[phones.index(r, c).data() for c in (1, 2, 4)] for r in range(phones.rowCount())]
    assert rows == [["Cell Phone Number in DMS", "(212) 555-0142", "Active"],
                    ["Home Phone Number in DMS", "(212) 555-0143", "Active"],
                    ["Phone Number Dealer Added", "(646) 555-0188", "Inactive"]]
    assert phones.index(0, PRIMARY).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "Can text" in phones.index(0, headers.index("Texts")).data()


def test_an_inactive_rows_checkbox_is_disabled_and_says_why(qtbot, window):
    open_customer(qtbot, window, "ann")
    cell = window.customer_page.phones.index(2, PRIMARY)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "inactive" in cell.data(Qt.ItemDataRole.ToolTipRole).lower()


def test_checking_primary_unchecks_the_old_one_in_place(qtbot, window, database, customers):
    open_customer(qtbot, window, "ann")
    model, table = window.customer_page.phones, window.customer_page.form.phoneTable
    changed_rows: list[int] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed_rows.extend(
        range(top.row(), bottom.row() + 1)))
    model.modelReset.connect(lambda: resets.append(True))
    rect = table.visualRect(model.index(1, PRIMARY))
    checkbox = QPoint(rect.left() + table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                      // 2 + 4, rect.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=checkbox)
    assert sorted(changed_rows) == [0, 1] and not resets
    checks = [model.index(r, PRIMARY).data(Qt.ItemDataRole.CheckStateRole) for r in range(3)]
    assert checks == [Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    stored = get_customer(database.unit_of_work(), customers.ann)
    assert [p.is_primary for p in stored.phones] == [False, True, False]


def test_an_inactive_row_cannot_be_checked(qtbot, window, database, customers):
    open_customer(qtbot, window, "ann")
    model = window.customer_page.phones
    assert not model.setData(model.index(2, PRIMARY), Qt.CheckState.Checked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert get_customer(database.unit_of_work(), customers.ann).phones[0].is_primary


def test_ctrl_z_undoes_the_primary_choice(qtbot, window, database, customers):
    open_customer(qtbot, window, "ann")
    model = window.customer_page.phones
    model.setData(model.index(1, PRIMARY), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert window.undo_action.text().startswith("&Undo Make (212) 555-0143 the primary")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.is_primary for p in get_customer(database.unit_of_work(), customers.ann).phones] \
        == [True, False, False]
    assert model.index(0, PRIMARY).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_stale_primary_choice_says_another_desk_saved(qtbot, window, database, manager,
                                                       customers, next_message_box):
    from contact_desk.services.contact_info import add_contact_point

    open_customer(qtbot, window, "ann")
    add_contact_point(database.unit_of_work(), manager, customers.ann, ContactKind.PHONE,
                      "(917) 555-0111")  # another desk, a moment ago
    said = next_message_box()
    model = window.customer_page.phones
    assert not model.setData(model.index(1, PRIMARY), Qt.CheckState.Checked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert said and "Another desk" in said[0]
    stored = get_customer(database.unit_of_work(), customers.ann)
    assert stored.phones[0].is_primary  # nothing was overwritten
    # reloaded: the clerk now sees what the other desk saved
    assert model.rowCount() == 4 and model.index(3, CONTACT).data() == "(917) 555-0111"


def test_no_active_phone_shows_the_warning_banner(qtbot, window):
    open_customer(qtbot, window, "stone")
    banner = window.customer_page.form.contactWarning
    assert banner.isVisible()
    assert "will not receive texts" in banner.text()
    open_customer(qtbot, window, "ann")
    assert not banner.isVisible()


def test_do_not_text_shows_a_badge_and_a_warning(qtbot, window):
    open_customer(qtbot, window, "young")
    model = window.customer_page.phones
    assert [b.text for b in model.index(0, CONTACT).data(BADGES_ROLE)] == ["No texts"]
    assert "do-not-text" in window.customer_page.form.contactWarning.text().lower() or \
        "do not text" in window.customer_page.form.contactWarning.text().lower()


def test_the_list_shows_a_page_at_once_then_spans_every_customer(qtbot, tmp_path):
    from contact_desk.app import create_main_window
    from contact_desk.store.database import open_database

    path = tmp_path / "many.sqlite3"
    database = open_database(str(path), create=True)
    fill_demo_data(database, first_manager(database), customers=PAGE + 30)
    database.dispose()
    main = create_main_window(str(path))
    qtbot.addWidget(main)
    # The first page at once; the scroll bar then spans every customer, once counted.
    qtbot.waitUntil(lambda: main.results.rowCount() >= PAGE)
    qtbot.waitUntil(lambda: main.results.counted)
    assert main.results.rowCount() == PAGE + 30
    assert not main.results.canFetchMore(QModelIndex())
    assert main.search_status.text() == ""  # nothing typed: the list of everyone
