"""Who Receives…: per message type (and the vehicle it is about), who a message sent now
reaches on which channel and address, who is left out and why (with when it may go out),
and the suppression in force; from the Edit menu (Ctrl+Shift+R), the card and the page's
context menus, keyboard throughout."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from contact_desk.domain.recipients import MessageType
from contact_desk.domain.vin import vin_check_digit
from contact_desk.services import garage
from contact_desk.services.suppressions import SuppressionForm, suppress
from contact_desk.ui.models.columns import local_time
from contact_desk.ui.recipients_dialog import NO_VEHICLE, RecipientsDialog
from tests.ui.modal import when_open
from tests.ui.test_main_window import open_customer

NEW_YORK = ZoneInfo("America/New_York")
NOON = datetime(2026, 3, 3, 12, 0, tzinfo=NEW_YORK)
LATE = datetime(2026, 3, 3, 21, 40, tzinfo=NEW_YORK)


def rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def choose(dialog: RecipientsDialog, message: MessageType) -> None:
    dialog.form.messageCombo.setCurrentIndex(dialog.form.messageCombo.findData(message))


@pytest.fixture
def civic(database, manager, customers) -> int:
    draft = "2HGFC2F59KH000001"
    vin = draft[:8] + vin_check_digit(draft) + draft[9:]
    return garage.add_vehicle(database.unit_of_work(), manager, customers.ann, vin, 2019,
                              "Honda", "Civic").vehicle_id


def opened_dialog(qtbot, window, check, open_it=None) -> None:
    """Open Who Receives… (Ctrl+Shift+R unless told) and run ``check`` on it."""
    done: list[bool] = []

    def look(dialog: RecipientsDialog) -> None:
        check(dialog)
        done.append(True)
        dialog.reject()

    when_open(RecipientsDialog, look)
    if open_it is None:
        qtbot.keyClick(window, Qt.Key.Key_R,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    else:
        open_it()
    assert done == [True]


def test_a_text_reminder_at_noon_goes_to_the_primary_phone(qtbot, window):
    window.desk.clock = lambda: NOON
    open_customer(qtbot, window, "ann")

    def check(dialog: RecipientsDialog) -> None:
        assert dialog.message is MessageType.TEXT_REMINDER
        assert rows(dialog.receives) == [["Text", "Ann Lee (Customer)", "(212) 555-0142",
                                          "primary phone"]]
        assert rows(dialog.left_out) == []
        assert dialog.form.receivesTitle.text() == "&Receives it (1)"
        assert dialog.form.suppressionLabel.text() == (
            "No suppression in force for Text reminder.")

    opened_dialog(qtbot, window, check)


def test_marketing_leaves_out_the_text_without_an_opt_in_and_says_why(qtbot, window):
    window.desk.clock = lambda: NOON
    open_customer(qtbot, window, "ann")

    def check(dialog: RecipientsDialog) -> None:
        choose(dialog, MessageType.MARKETING)
        email = dialog.found.included[0].shown
        assert rows(dialog.receives) == [["Email", "Ann Lee (Customer)", email,
                                          "primary email"]]
        assert rows(dialog.left_out) == [[
            "Text", "Ann Lee (Customer)", "(212) 555-0142", "—",
            "(212) 555-0142: No opt-in to marketing texts on record"]]

    opened_dialog(qtbot, window, check)


def test_quiet_hours_leave_a_text_out_until_a_time_shown_on_the_desk_s_clock(qtbot, window):
    window.desk.clock = lambda: LATE
    open_customer(qtbot, window, "ann")

    def check(dialog: RecipientsDialog) -> None:
        [late] = rows(dialog.left_out)
        assert late[4] == ("(212) 555-0142: it is 9:40 PM in New York: transactional texts "
                           "may go out from 8:00 AM")
        assert late[3] == local_time(datetime(2026, 3, 4, 8, 0, tzinfo=NEW_YORK))
        assert dialog.form.receivesTitle.text() == "&Receives it: nobody"

    opened_dialog(qtbot, window, check)


def test_a_suppression_about_one_vehicle_leaves_everyone_out_for_that_vehicle_only(
        qtbot, window, database, manager, customers, civic):
    suppress(database.unit_of_work(), manager, customers.ann,
             SuppressionForm(message=MessageType.CAR_UPDATES, reason="car sold",
                             vehicle_id=civic))
    window.desk.clock = lambda: NOON
    open_customer(qtbot, window, "ann")

    def check(dialog: RecipientsDialog) -> None:
        choose(dialog, MessageType.CAR_UPDATES)
        assert dialog.found.suppression is None, "about no vehicle: it goes out"
        assert [row[0] for row in rows(dialog.receives)] == ["Text", "Email"]
        vehicles = dialog.form.vehicleCombo
        assert [vehicles.itemText(i) for i in range(vehicles.count())][0] == NO_VEHICLE
        vehicles.setCurrentIndex(vehicles.findData(civic))
        said = "Car Updates suppressed for 2019 Honda Civic: car sold"
        assert dialog.form.suppressionLabel.text() == f"Suppression in force: {said}"
        assert rows(dialog.receives) == []
        assert {row[4] for row in rows(dialog.left_out)} == {said}

    opened_dialog(qtbot, window, check)


def test_text_from_the_database_is_shown_as_it_is(qtbot, window, database, manager,
                                                  customers):
    shouting = "<b>sold</b> & gone"
    suppress(database.unit_of_work(), manager, customers.ann,
             SuppressionForm(message=MessageType.INVOICES, reason=shouting))
    window.desk.clock = lambda: NOON
    open_customer(qtbot, window, "ann")

    def check(dialog: RecipientsDialog) -> None:
        choose(dialog, MessageType.INVOICES)
        label = dialog.form.suppressionLabel
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text() == f"Suppression in force: Invoices suppressed: {shouting}"
        assert "&lt;b&gt;" in label.toolTip()

    opened_dialog(qtbot, window, check)


def test_the_card_s_button_and_the_tables_menu_open_it_too(qtbot, window):
    window.desk.clock = lambda: NOON
    open_customer(qtbot, window, "ann")
    button = window.contact_card.findChild(QPushButton, "whoReceivesButton")
    opened_dialog(qtbot, window, lambda dialog: None, button.click)
    page = window.customer_page
    opened_dialog(qtbot, window, lambda dialog: None, page.whoReceivesRequested.emit)


def test_the_dialog_is_worked_from_the_keyboard(qtbot, window):
    window.desk.clock = lambda: NOON
    open_customer(qtbot, window, "ann")

    def check(dialog: RecipientsDialog) -> None:
        form = dialog.form
        qtbot.waitUntil(lambda: QApplication.focusWidget() is form.messageCombo)
        qtbot.keyClick(form.messageCombo, Qt.Key.Key_Down)
        assert dialog.message is MessageType.EMAIL_REMINDER
        assert [row[0] for row in rows(dialog.receives)] == ["Email"]
        form.vehicleCombo.setEnabled(True)  # Ann has no vehicle: it is skipped otherwise
        reached = []
        for _ in range(3):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.append(QApplication.focusWidget())
        assert [w.objectName() for w in reached] == ["vehicleCombo", "receivesTable",
                                                     "leftOutTable"]
        assert form.messageLabel.buddy() is form.messageCombo

    opened_dialog(qtbot, window, check)


def test_the_menu_item_waits_for_a_customer(window):
    assert not window.who_receives_action.isEnabled()
    assert window.who_receives_action.shortcut().toString() == "Ctrl+Shift+R"
