"""Possible duplicates in the window: the banner on a customer who is one of an open pair
(Open Other, Not a Duplicate, Review…), and the queue (Edit > Possible Duplicates…,
Ctrl+Shift+D): newest first, a window of its own, Not a Duplicate remembered, a scan in the
background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from contact_desk.domain.enums import ContactKind
from contact_desk.services import contact_info, users
from contact_desk.services.customers import create_customer
from contact_desk.services.duplicate_scan import scan_for_duplicates
from contact_desk.ui.duplicates_dialog import DuplicatesDialog


@pytest.fixture
def anne(database, manager, customers) -> int:
    """Anne Lee: Ann Lee's DMS cell, a letter more in the first name (one person, twice)."""
    made = create_customer(database.unit_of_work(), manager, first_name="Anne",
                           last_name="Lee", customer_number="C4")
    contact_info.add_contact_point(database.unit_of_work(), manager, made, ContactKind.PHONE,
                                   "212-555-0142")
    return made


@pytest.fixture
def scanned(database, manager, anne) -> int:
    scan_for_duplicates(database, manager)
    return anne


def banner(window):
    return window.customer_page.duplicate_banner


def queue(window) -> DuplicatesDialog:
    dialog = window.findChild(DuplicatesDialog)
    assert dialog is not None
    return dialog


def rows(dialog: DuplicatesDialog, column: str) -> list[str]:
    number = [c.header for c in dialog.model.columns].index(column)
    return [dialog.model.index(row, number).data() for row in range(dialog.model.rowCount())]


WHY = "same mobile (212) 555-0142; names Ann Lee / Anne Lee"


def test_the_banner_names_the_other_customer_and_why(qtbot, window, customers, scanned):
    window.open_customer(customers.ann)

    shown = banner(window)
    assert shown.isVisible()
    assert shown.message.text() == f"May be the same person as C4 (Anne Lee): {WHY}."
    assert shown.message.textFormat() == Qt.TextFormat.PlainText
    window.open_customer(customers.bob)
    assert not banner(window).isVisible()  # Bob is nobody's duplicate

    window.open_customer(customers.ann)
    qtbot.mouseClick(banner(window).open_button, Qt.MouseButton.LeftButton)
    assert window.customer_page.view.id == scanned
    assert banner(window).message.text() == f"May be the same person as C1 (Ann Lee): {WHY}."


def test_not_a_duplicate_on_the_banner_is_remembered(qtbot, window, customers, scanned,
                                                     database):
    window.open_customer(customers.ann)
    version = window.customer_page.view.version

    qtbot.mouseClick(banner(window).not_button, Qt.MouseButton.LeftButton)

    assert not banner(window).isVisible()
    assert window.customer_page.view.duplicates == ()
    assert window.customer_page.view.version == version  # the customer itself is unchanged
    window.open_customer(scanned)
    assert not banner(window).isVisible()
    assert window.desk.duplicate_queue().open_in_all == 0
    assert scan_for_duplicates(database, window.desk.actor).new == 0  # never asked again


def test_the_queue_opens_customers_while_it_stays_open(qtbot, window, customers, scanned):
    window.open_customer(customers.bob)
    QTest.keyClick(window, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = queue(window)
    qtbot.waitExposed(dialog)

    assert not dialog.isModal() and QApplication.activeModalWidget() is None
    assert dialog.heading.text() == "1 pair waits for a decision, newest first."
    assert (rows(dialog, "Customer"), rows(dialog, "May be"), rows(dialog, "Why")) == (
        ["C1 (Ann Lee)"], ["C4 (Anne Lee)"], [WHY])
    assert int(rows(dialog, "Score")[0]) > 0
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.customer_page.view.id == scanned and dialog.isVisible()
    qtbot.mouseClick(dialog.open_first_button, Qt.MouseButton.LeftButton)
    assert window.customer_page.view.id == customers.ann
    assert banner(window).isVisible()

    qtbot.mouseClick(dialog.not_duplicate_button, Qt.MouseButton.LeftButton)

    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert dialog.heading.text() == "No possible duplicates are waiting for a decision."
    assert not dialog.not_duplicate_button.isEnabled()
    assert not banner(window).isVisible()  # the page on screen follows the queue


def test_review_on_the_banner_opens_the_queue_on_that_pair(qtbot, window, customers, scanned,
                                                            database, manager):
    other = create_customer(database.unit_of_work(), manager, first_name="Bobby",
                            last_name="Stone", customer_number="C5")
    contact_info.add_contact_point(database.unit_of_work(), manager, other, ContactKind.EMAIL,
                                   "bob@example.com")
    scan_for_duplicates(database, manager)
    window.open_customer(customers.ann)

    qtbot.mouseClick(banner(window).review_button, Qt.MouseButton.LeftButton)

    dialog = queue(window)
    assert dialog.model.rowCount() == 2
    assert dialog.current().partner_of(customers.ann)[0] == scanned  # Ann's pair, not Bob's


def test_scan_all_customers_runs_in_the_background_and_fills_the_queue(
        qtbot, window, anne, next_message_box):
    window.show_duplicates()
    dialog = queue(window)
    assert dialog.model.rowCount() == 0

    said = next_message_box()
    qtbot.mouseClick(dialog.scan_button, Qt.MouseButton.LeftButton)

    assert said and said[0].startswith("Scanned 4 customers: 1 possible duplicate pairs, "
                                       "1 of them new")
    assert rows(dialog, "May be") == ["C4 (Anne Lee)"]


def test_a_viewer_sees_the_queue_but_may_not_decide(qtbot, window, customers, scanned,
                                                    database, manager):
    users.create_user(database.unit_of_work(), manager, "viewer", "Val Viewer", [])
    window.desk.actor = users.actor_for(database.unit_of_work(), "viewer")
    window.open_customer(customers.ann)
    assert not banner(window).not_button.isEnabled()
    assert "permission" in banner(window).not_button.toolTip()

    window.show_duplicates()
    dialog = queue(window)
    assert dialog.model.rowCount() == 1
    assert not dialog.not_duplicate_button.isEnabled()
    assert not dialog.scan_button.isEnabled()
