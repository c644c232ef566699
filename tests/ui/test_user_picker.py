"""Who is at the desk: picked at start, or switched from the File menu without restarting;
anyone who may do more than a clerk gives their PIN; a manager sets PINs in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from contact_desk.app import create_main_window
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import NotFound, PermissionDenied
from contact_desk.os_login import os_login
from contact_desk.services import sign_in, users
from contact_desk.ui.pin_dialog import SetPinDialog
from contact_desk.ui.user_picker import UserPickerDialog, pick_user
from tests.ui.modal import when_open

PIN = "4711"


@pytest.fixture
def staff(database, manager) -> None:
    """Morgan, a manager at another computer with a PIN; Casey, a clerk; Dana, who may run
    the sync but has no PIN yet."""
    uow = database.unit_of_work
    users.create_user(uow(), manager, "morgan", "Morgan Avery", list(Permission),
                      os_login="morgan-pc")
    sign_in.set_pin(uow(), manager, "morgan", PIN)
    users.create_user(uow(), manager, "casey", "Casey Clerk", [Permission.EDIT_CUSTOMERS])
    users.create_user(uow(), manager, "dana", "Dana Deals",
                      [Permission.EDIT_CUSTOMERS, Permission.RUN_SYNC])


def picker_on(qtbot, database) -> UserPickerDialog:
    here = os_login()
    picker = UserPickerDialog(
        sign_in.desk_people(database.unit_of_work(), here), QSettings(),
        lambda login, pin: sign_in.sign_in(database.unit_of_work(), login, here, pin))
    qtbot.addWidget(picker)
    picker.show()
    return picker


def choose(picker: UserPickerDialog, name: str) -> None:
    picker.list.setCurrentItem(picker.list.findItems(name, Qt.MatchFlag.MatchStartsWith)[0])


def test_the_picker_says_who_needs_a_pin(qtbot, database, staff):
    picker = picker_on(qtbot, database)
    texts = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert "Morgan Avery  (PIN)  —  may do everything" in texts
    assert "Casey Clerk  —  may: edit customers and their contact information" in texts
    assert any(text.startswith("Dana Deals  (no PIN yet)  —  may: ") for text in texts)
    assert any(text.startswith(f"{os_login()}  —  may do everything") and "PIN" not in text
               for text in texts), "the manager at their own computer gives none"
    assert not any("Command line" in text for text in texts)


def test_a_manager_picked_in_the_window_gives_their_pin(qtbot, database, staff):
    picker = picker_on(qtbot, database)
    choose(picker, "Morgan")
    pin = picker.findChild(QLineEdit, "pinField")
    assert pin.isVisible() and pin.echoMode() is QLineEdit.EchoMode.Password
    picker.accept()
    assert picker.isVisible() and picker.actor is None
    assert "PIN is needed" in picker.findChild(QLabel, "pinProblem").text()
    qtbot.keyClicks(pin, "0000")
    picker.accept()
    assert picker.isVisible() and picker.actor is None
    assert picker.findChild(QLabel, "pinProblem").text() == (
        "Wrong PIN for Morgan Avery; 4 more tries before a minute's lock.")
    assert pin.text() == ""
    qtbot.keyClicks(pin, PIN)
    picker.accept()
    assert not picker.isVisible() and picker.actor.name == "Morgan Avery"


def test_five_wrong_pins_in_the_picker_lock_morgan(qtbot, database, staff):
    picker = picker_on(qtbot, database)
    choose(picker, "Morgan")
    pin = picker.findChild(QLineEdit, "pinField")
    for _ in range(5):
        qtbot.keyClicks(pin, "0000")
        picker.accept()
    qtbot.keyClicks(pin, PIN)
    picker.accept()
    assert picker.actor is None
    assert "Morgan Avery is locked for a minute" in picker.findChild(QLabel, "pinProblem").text()


def test_a_clerk_is_picked_without_a_pin_and_a_manager_without_one_is_refused(
        qtbot, database, staff):
    picker = picker_on(qtbot, database)
    choose(picker, "Dana")
    picker.accept()
    assert picker.actor is None
    assert "Dana Deals may do more than a clerk and has no PIN yet" in \
        picker.findChild(QLabel, "pinProblem").text()
    choose(picker, "Casey")
    assert not picker.findChild(QLineEdit, "pinField").isVisible()
    picker.accept()
    assert picker.actor.name == "Casey Clerk"


def test_the_chosen_user_is_remembered_for_next_time(qtbot, database, staff):
    picker = picker_on(qtbot, database)
    choose(picker, "Casey")
    picker.accept()
    again = picker_on(qtbot, database)
    assert again.chosen().actor.name == "Casey Clerk"


def test_a_user_named_at_start_is_asked_only_their_pin(qtbot, database, staff):
    def give_pin(picker: UserPickerDialog) -> None:
        assert picker.list.count() == 1
        qtbot.keyClicks(picker.findChild(QLineEdit, "pinField"), PIN)
        picker.accept()

    when_open(UserPickerDialog, give_pin)
    assert pick_user(database, QSettings(), "morgan").name == "Morgan Avery"
    assert pick_user(database, QSettings(), "casey").name == "Casey Clerk"  # nothing asked
    with pytest.raises(NotFound, match="There is no active user 'nobody'"):
        pick_user(database, QSettings(), "nobody")


@pytest.fixture
def desk_window(qtbot, database_url, customers, staff):
    window = create_main_window(database_url)
    qtbot.addWidget(window)
    window.show()
    window.open_customer(customers.ann)
    return window


def test_switching_user_needs_no_restart_and_the_card_follows(qtbot, desk_window):
    sales = desk_window.contact_card.findChild(QComboBox, "assignedSales")
    assert sales.isEnabled() and desk_window.set_pin_action.isEnabled()
    undo_before = desk_window.undo_stack.count()

    def pick_casey(picker: UserPickerDialog) -> None:
        choose(picker, "Casey")
        picker.accept()

    when_open(UserPickerDialog, pick_casey)
    desk_window.findChild(QAction, "switchUserAction").trigger()
    assert desk_window.desk.actor.name == "Casey Clerk"
    assert "Casey Clerk at the desk" in desk_window.statusBar().currentMessage()
    assert desk_window.customer_page.view.id is not None, "the customer stays open"
    sales = desk_window.contact_card.findChild(QComboBox, "assignedSales")
    assert not sales.isEnabled() and "Casey Clerk does not have" in sales.toolTip()
    assert not desk_window.set_pin_action.isEnabled()
    assert desk_window.undo_stack.count() == 0 <= undo_before


def test_cancelling_the_switch_leaves_who_is_at_the_desk(qtbot, desk_window):
    before = desk_window.desk.actor
    when_open(UserPickerDialog, lambda picker: picker.reject())
    desk_window.switch_user()
    assert desk_window.desk.actor == before


def test_a_manager_sets_a_pin_in_the_window(qtbot, database, desk_window):
    def set_danas(dialog: SetPinDialog) -> None:
        user = dialog.findChild(QComboBox, "pinUser")
        user.setCurrentIndex(user.findText("Dana Deals"))
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPin"), "8642")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPinAgain"), "8643")
        dialog.accept()
        assert dialog.findChild(QLabel, "pinProblem").text() == "The two PINs differ."
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPin"), "86")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPinAgain"), "86")
        dialog.accept()
        assert "at least 4" in dialog.findChild(QLabel, "pinProblem").text()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPin"), "8642")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "newPinAgain"), "8642")
        dialog.accept()

    when_open(SetPinDialog, set_danas)
    desk_window.set_pin_action.trigger()
    assert "The PIN of Dana Deals is set" in desk_window.statusBar().currentMessage()
    with pytest.raises(PermissionDenied, match="Wrong PIN"):
        sign_in.sign_in(database.unit_of_work(), "dana", os_login(), "0000")
    assert sign_in.sign_in(database.unit_of_work(), "dana", os_login(), "8642").name == \
        "Dana Deals"

