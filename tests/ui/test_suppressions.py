"""Suppressed Messages on the card: what is in force, Suppress a message… (about one vehicle
or none, until a date or lifted), Lift after a question, each undoable from the Edit menu,
each refusal said in words with what was typed kept, and all of it by keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QToolButton

from contact_desk.app import create_main_window
from contact_desk.domain.recipients import MessageType
from contact_desk.services import garage
from contact_desk.services.customers import get_customer
from contact_desk.services.suppressions import (
    SuppressionForm,
    in_force,
    lift_suppression,
    suppress,
)
from contact_desk.store.suppression import SuppressionRow
from contact_desk.ui.card.suppressions import NO_VEHICLE, SuppressDialog
from tests.ui.modal import when_open
from tests.ui.test_card_sections import VINS
from tests.ui.test_precise_updates import added_contact, click_primary, statements
from tests.ui.test_undo_every_change import (
    assert_refused_plainly,
    redo,
    refused_undo,
    undo,
    undo_says,
)

REASON = "asked for no reminders"


@pytest.fixture
def ann_open(window, customers):
    window.open_customer(customers.ann)
    return window


@pytest.fixture
def civic(database, manager, customers) -> int:
    """Ann's 2019 Honda Civic, in her garage."""
    return garage.add_vehicle(database.unit_of_work(), manager, customers.ann, VINS[0], 2019,
                              "Honda", "Civic").vehicle_id


def section(window):
    return window.contact_card.sections["suppressions"]


def shown(window) -> list[str]:
    """The suppressions the card lists, as it words them."""
    body = window.contact_card.suppressions
    return [row.label.text() for row in body.listed.rows if not row.isHidden()]


def stored(database, customer_id) -> list[str]:
    with database.sessions() as session:
        return [s.describe() for s in in_force(session, customer_id)]


def lift_button(window, suppression_id: int) -> QToolButton:
    found = window.contact_card.findChild(QToolButton, f"liftSuppression_{suppression_id}")
    assert found is not None and found.isVisible()
    return found


def the_only_id(database) -> int:
    with database.sessions() as session:
        [row] = session.query(SuppressionRow).all()
        return row.id


def fill(dialog: SuppressDialog, message: MessageType, reason: str,
         vehicle: str | None = None, ends_on: date | None = None) -> None:
    form = dialog.form
    form.messageCombo.setCurrentIndex(form.messageCombo.findData(message))
    form.reasonEdit.setText(reason)
    if vehicle is not None:
        form.vehicleCombo.setCurrentIndex(form.vehicleCombo.findText(vehicle))
    if ends_on is not None:
        form.noEndCheck.setChecked(False)
        form.endDateEdit.setDate(QDate(ends_on))


def suppress_from_card(qtbot, window, act) -> None:
    """Press Suppress a message… on the card and ``act`` on the dialog it opens (once it
    has the keyboard)."""

    def active(dialog: SuppressDialog) -> None:
        qtbot.waitUntil(dialog.isActiveWindow)
        act(dialog)

    when_open(SuppressDialog, active)
    qtbot.mouseClick(window.contact_card.findChild(QPushButton, "suppressMessageButton"),
                     Qt.MouseButton.LeftButton)


def suppressed(qtbot, window, message=MessageType.TEXT_REMINDER, reason=REASON,
               **choices) -> None:
    def save(dialog: SuppressDialog) -> None:
        fill(dialog, message, reason, **choices)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.form.problemLabel.text()

    suppress_from_card(qtbot, window, save)


# what the card shows


def test_nothing_is_listed_when_nothing_is_suppressed(ann_open):
    assert shown(ann_open) == []
    assert section(ann_open).heading.text() == "Suppressed Messages"
    assert ann_open.contact_card.suppressions.add.isEnabled()


def test_a_suppression_shows_on_the_card_with_who_set_it_and_when(
        database, manager, customers, ann_open, civic):
    suppress(database.unit_of_work(), manager, customers.ann, SuppressionForm(
        message=MessageType.CAR_UPDATES, reason="car sold", vehicle_id=civic,
        ends_on=date(2099, 1, 31)))
    ann_open.open_customer(customers.ann)
    assert shown(ann_open) == [
        "Car Updates suppressed until 2099-01-31 for 2019 Honda Civic: car sold"]
    assert section(ann_open).heading.text() == "Suppressed Messages (1)"
    label = ann_open.contact_card.findChild(QLabel, f"suppression_{the_only_id(database)}")
    assert label.toolTip().startswith(f"Suppressed by {manager.name} on ")
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_the_card_brings_them_in_its_one_read(qtbot, database, manager, customers, window):
    suppress(database.unit_of_work(), manager, customers.ann,
             SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
    with statements(window) as ran:
        window.open_customer(customers.ann)
    assert shown(window) == ["Marketing suppressed: no offers"]
    assert len([line for line in ran if "FROM suppression" in line]) == 1, ran


def test_suppressions_that_ended_or_were_lifted_are_not_listed(database, manager, customers,
                                                              ann_open):
    made = suppress(database.unit_of_work(), manager, customers.ann,
                    SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
    lift_suppression(database.unit_of_work(), manager, made.id)
    ann_open.open_customer(customers.ann)
    assert shown(ann_open) == []


# suppressing


def test_suppress_without_vehicle_or_end_date_shows_what_the_save_returned(
        qtbot, ann_open, database, customers):
    version = ann_open.customer_page.view.version
    with statements(ann_open) as ran:
        suppressed(qtbot, ann_open)
    assert shown(ann_open) == [f"Text reminder suppressed: {REASON}"]
    assert stored(database, customers.ann) == shown(ann_open)
    assert section(ann_open).heading.text() == "Suppressed Messages (1)"
    assert not any("FROM note" in line or "FROM program" in line for line in ran), \
        "the customer was read again"
    # The page's copy of the customer moved with the save: its own next saves go through.
    page = ann_open.customer_page
    assert page.view.version > version
    assert page.contacts.view.version == page.programs.customer.version == page.view.version
    assert added_contact(qtbot, ann_open, customers.ann) == ["Tom Brown"]
    click_primary(ann_open, 1)
    assert get_customer(database.unit_of_work(), customers.ann).phones[1].is_primary


def test_suppress_one_vehicle_until_a_date(qtbot, ann_open, database, customers, civic):
    ann_open.open_customer(customers.ann)  # the garage now holds the Civic
    until = date.today() + timedelta(days=30)
    suppressed(qtbot, ann_open, MessageType.CAR_UPDATES, "car sold",
               vehicle=f"2019 Honda Civic · {VINS[0]}", ends_on=until)
    said = f"Car Updates suppressed until {until.isoformat()} for 2019 Honda Civic: car sold"
    assert shown(ann_open) == [said] == stored(database, customers.ann)


def test_the_vehicle_and_message_choices_come_from_the_garage_and_the_message_types(
        qtbot, ann_open, customers, civic):
    ann_open.open_customer(customers.ann)
    seen = []

    def look(dialog: SuppressDialog) -> None:
        form = dialog.form
        seen.append(([form.messageCombo.itemText(i) for i in range(form.messageCombo.count())],
                     [form.vehicleCombo.itemText(i) for i in range(form.vehicleCombo.count())],
                     form.noEndCheck.isChecked(), form.endDateEdit.isEnabled(),
                     dialog.windowTitle()))
        dialog.reject()

    suppress_from_card(qtbot, ann_open, look)
    [(messages, vehicles, no_end, date_enabled, title)] = seen
    assert messages == [m.label for m in MessageType]
    assert vehicles == [NO_VEHICLE, f"2019 Honda Civic · {VINS[0]}"]
    assert no_end and not date_enabled  # until lifted, unless a date is chosen
    assert title == "Suppress a message to Ann Lee"


def test_a_missing_reason_is_refused_in_the_dialog_and_what_was_chosen_stays(
        qtbot, ann_open, database, customers, civic):
    ann_open.open_customer(customers.ann)
    until = date.today() + timedelta(days=10)
    seen = []

    def without_reason(dialog: SuppressDialog) -> None:
        fill(dialog, MessageType.CAR_UPDATES, "   ", vehicle=f"2019 Honda Civic · {VINS[0]}",
             ends_on=until)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        form = dialog.form
        seen.append((dialog.isVisible(), form.problemLabel.text(),
                     form.messageCombo.currentData(), form.vehicleCombo.currentData(),
                     form.endDateEdit.date().toPython(), form.reasonEdit.hasFocus()))
        qtbot.keyClicks(form.reasonEdit, "car sold")  # corrected, and saved
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    suppress_from_card(qtbot, ann_open, without_reason)
    [(still_open, problem, message, vehicle, ends_on, reason_focused)] = seen
    assert still_open and problem.startswith("Say why the message is suppressed")
    assert (message, vehicle, ends_on) == (MessageType.CAR_UPDATES, civic, until)
    assert reason_focused
    assert stored(database, customers.ann) == [
        f"Car Updates suppressed until {until.isoformat()} for 2019 Honda Civic: car sold"]


def test_an_end_date_already_past_is_refused_with_the_date_to_correct(qtbot, ann_open,
                                                                     database, customers):
    seen = []

    def past(dialog: SuppressDialog) -> None:
        fill(dialog, MessageType.MARKETING, "no offers", ends_on=date.today() - timedelta(1))
        dialog.save()
        seen.append((dialog.form.problemLabel.text(), dialog.form.endDateEdit.hasFocus()))
        dialog.reject()

    suppress_from_card(qtbot, ann_open, past)
    [(problem, date_focused)] = seen
    assert "has passed" in problem and date_focused
    assert stored(database, customers.ann) == []


def test_a_save_after_another_desk_changed_the_customer_is_refused_and_the_card_shows_theirs(
        qtbot, ann_open, database, manager, customers):
    seen = []

    def meanwhile(dialog: SuppressDialog) -> None:
        suppress(database.unit_of_work(), manager, customers.ann,  # another desk
                 SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
        fill(dialog, MessageType.TEXT_REMINDER, REASON)
        dialog.save()
        seen.append((dialog.isVisible(), dialog.form.problemLabel.text(),
                     dialog.form.reasonEdit.text()))
        dialog.reject()

    suppress_from_card(qtbot, ann_open, meanwhile)
    [(still_open, problem, typed)] = seen
    assert still_open and problem.startswith("Another desk saved changes") and typed == REASON
    assert stored(database, customers.ann) == ["Marketing suppressed: no offers"]
    assert shown(ann_open) == ["Marketing suppressed: no offers"]  # theirs, once closed


def test_the_edit_menu_opens_it_too(qtbot, window, customers):
    assert not window.suppress_action.isEnabled()  # no customer on screen yet
    window.open_customer(customers.ann)
    assert window.suppress_action.isEnabled()
    assert window.suppress_action.text() == "Suppress a &Message…"
    seen = []
    when_open(SuppressDialog, lambda dialog: (seen.append(dialog.windowTitle()),
                                              dialog.reject()))
    window.suppress_action.trigger()
    assert seen == ["Suppress a message to Ann Lee"]


def test_someone_who_may_not_edit_customers_is_told_why(qtbot, database, database_url,
                                                       manager, customers):
    from contact_desk.services import users

    users.create_user(database.unit_of_work(), manager, "val", "Val Viewer", [])
    viewer = users.actor_for(database.unit_of_work(), "val")
    made = suppress(database.unit_of_work(), manager, customers.ann,
                    SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
    main = create_main_window(database_url, actor=viewer)
    qtbot.addWidget(main)
    main.show()
    main.open_customer(customers.ann)
    add, lift = main.contact_card.suppressions.add, lift_button(main, made.id)
    assert not add.isEnabled() and not lift.isEnabled()
    assert "Val Viewer does not have the permission" in add.toolTip()
    assert "Val Viewer does not have the permission" in lift.toolTip()
    said = answered("errorMessage", QMessageBox.StandardButton.Ok)
    main.suppress_action.trigger()  # the Edit menu: told before typing anything
    assert said and "Val Viewer does not have the permission" in said[0]


# lifting


def test_lift_asks_naming_it_and_cancel_keeps_it(qtbot, ann_open, database, customers,
                                                 next_message_box):
    suppressed(qtbot, ann_open)
    said = next_message_box(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(lift_button(ann_open, the_only_id(database)), Qt.MouseButton.LeftButton)
    assert said == [f"Lift “Text reminder suppressed: {REASON}”? Text reminder messages may "
                    "go to Ann Lee again."]
    assert shown(ann_open) == stored(database, customers.ann) != []


def test_lift_once_confirmed_shows_what_the_save_returned(qtbot, ann_open, database,
                                                          customers, next_message_box):
    suppressed(qtbot, ann_open)
    version = ann_open.customer_page.view.version
    next_message_box(QMessageBox.StandardButton.Yes)
    with statements(ann_open) as ran:
        qtbot.mouseClick(lift_button(ann_open, the_only_id(database)),
                         Qt.MouseButton.LeftButton)
    assert shown(ann_open) == [] == stored(database, customers.ann)
    assert section(ann_open).heading.text() == "Suppressed Messages"
    assert not any("FROM note" in line for line in ran)
    assert ann_open.customer_page.view.version > version


def answered(name: str, button: QMessageBox.StandardButton) -> list[str]:
    """Press ``button`` on the next message box named ``name`` (a question, an error) once
    it is up; what it said."""
    said: list[str] = []

    def look(tries: int = 250) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == name:
            said.append(box.text())
            box.button(button).click()
        elif tries:
            QTimer.singleShot(20, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
    return said


def test_a_lift_after_another_desk_changed_the_customer_is_refused(
        qtbot, ann_open, database, manager, customers):
    suppressed(qtbot, ann_open)
    suppress(database.unit_of_work(), manager, customers.ann,  # another desk, meanwhile
             SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
    said = answered("questionMessage", QMessageBox.StandardButton.Yes)
    refusal = answered("errorMessage", QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(lift_button(ann_open, the_only_id_of(database, MessageType.TEXT_REMINDER)),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(refusal))
    assert said and "Another desk" in refusal[0]
    assert len(stored(database, customers.ann)) == 2, "nothing lifted"
    assert len(shown(ann_open)) == 2, "the card shows what is saved now"


def the_only_id_of(database, message: MessageType) -> int:
    with database.sessions() as session:
        [row] = session.query(SuppressionRow).filter_by(message=message).all()
        return row.id


# undo and redo


def test_undo_of_a_suppression_lifts_it_and_redo_puts_it_back(qtbot, ann_open, database,
                                                              customers):
    suppressed(qtbot, ann_open)
    made = the_only_id(database)
    assert undo_says(ann_open) == "Undo Suppress Text reminder"
    undo(ann_open)
    assert shown(ann_open) == [] == stored(database, customers.ann)
    redo(ann_open)
    assert shown(ann_open) == [f"Text reminder suppressed: {REASON}"]
    assert the_only_id(database) == made, "the same suppression, put back"
    undo(ann_open)
    assert stored(database, customers.ann) == []


def test_undo_of_a_lift_puts_it_back_and_redo_lifts_it_again(
        qtbot, ann_open, database, customers, civic, next_message_box):
    ann_open.open_customer(customers.ann)
    suppressed(qtbot, ann_open, MessageType.CAR_UPDATES, "car sold",
               vehicle=f"2019 Honda Civic · {VINS[0]}")
    next_message_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(lift_button(ann_open, the_only_id(database)), Qt.MouseButton.LeftButton)
    assert undo_says(ann_open) == "Undo Lift suppression of Car Updates for 2019 Honda Civic"
    undo(ann_open)
    said = ["Car Updates suppressed for 2019 Honda Civic: car sold"]
    assert shown(ann_open) == said == stored(database, customers.ann)
    redo(ann_open)
    assert shown(ann_open) == [] == stored(database, customers.ann)


def test_undo_after_another_desk_changed_the_customer_is_refused(
        qtbot, ann_open, database, manager, customers, next_message_box):
    suppressed(qtbot, ann_open)
    suppress(database.unit_of_work(), manager, customers.ann,  # another desk
             SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
    assert_refused_plainly(refused_undo(qtbot, ann_open, next_message_box))
    assert len(stored(database, customers.ann)) == 2, "nothing was lifted"
    assert not ann_open.undo_action.isEnabled(), "the refused step left the stack"


def test_redo_of_a_lift_after_another_desk_changed_the_customer_is_refused(
        qtbot, ann_open, database, manager, customers, next_message_box):
    suppressed(qtbot, ann_open)
    next_message_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(lift_button(ann_open, the_only_id(database)), Qt.MouseButton.LeftButton)
    undo(ann_open)  # put back
    suppress(database.unit_of_work(), manager, customers.ann,  # another desk
             SuppressionForm(message=MessageType.MARKETING, reason="no offers"))
    said = next_message_box()
    redo(ann_open)
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].startswith("Redo of “") and "another desk" in said[0]
    assert len(stored(database, customers.ann)) == 2


# the keyboard


def tab_order(dialog: SuppressDialog, start, count: int) -> list[str]:
    start.setFocus()
    names = []
    for _ in range(count):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().objectName() or
                     QApplication.focusWidget().text())
    return names


def test_the_dialog_goes_field_by_field_with_tab_and_enter_saves(qtbot, ann_open, database,
                                                                 customers, civic):
    ann_open.open_customer(customers.ann)  # with a vehicle to choose
    seen = []

    def by_keyboard(dialog: SuppressDialog) -> None:
        form = dialog.form
        seen.append(QApplication.focusWidget() is form.messageCombo)
        seen.append(tab_order(dialog, form.messageCombo, 4))  # the date is off: skipped
        form.noEndCheck.setFocus()
        QTest.keyClick(form.noEndCheck, Qt.Key.Key_Space)  # an end date, then
        seen.append(tab_order(dialog, form.vehicleCombo, 2))
        form.messageCombo.setFocus()
        QTest.keyClick(form.messageCombo, Qt.Key.Key_End)  # the last type: Marketing
        form.reasonEdit.setFocus()
        QTest.keyClicks(form.reasonEdit, "no offers")
        QTest.keyClick(form.reasonEdit, Qt.Key.Key_Return)

    suppress_from_card(qtbot, ann_open, by_keyboard)
    qtbot.waitUntil(lambda: bool(stored(database, customers.ann)))
    [starts_at_message, off, on] = seen
    assert starts_at_message
    assert off == ["reasonEdit", "vehicleCombo", "noEndCheck", "&Suppress"]
    assert on == ["noEndCheck", "endDateEdit"]
    [said] = stored(database, customers.ann)
    assert said.startswith("Marketing suppressed until ") and said.endswith(": no offers")


def test_escape_closes_the_dialog_and_saves_nothing(qtbot, ann_open, database, customers):
    closed = []

    def escape(dialog: SuppressDialog) -> None:
        QTest.keyClicks(dialog.form.reasonEdit, "typed, then Esc")
        QTest.keyClick(dialog.form.reasonEdit, Qt.Key.Key_Escape)
        closed.append(not dialog.isVisible())

    suppress_from_card(qtbot, ann_open, escape)
    assert closed == [True]
    assert stored(database, customers.ann) == [] and not ann_open.undo_action.isEnabled()


def test_tab_goes_from_the_sections_arrow_to_each_lift_then_to_suppress(
        qtbot, ann_open, database):
    suppressed(qtbot, ann_open)
    suppressed(qtbot, ann_open, MessageType.MARKETING, "no offers")
    ann_open.activateWindow()
    qtbot.waitUntil(ann_open.isActiveWindow)
    section(ann_open).toggle.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget().objectName())
    with database.sessions() as session:
        ids = [row.id for row in session.query(SuppressionRow).order_by(SuppressionRow.id)]
    assert reached == [f"liftSuppression_{ids[0]}", f"liftSuppression_{ids[1]}",
                       "suppressMessageButton"]
