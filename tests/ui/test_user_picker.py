"""Who is at the desk: picked at start from the store's users, remembered for next time."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from contact_desk.app import create_main_window
from contact_desk.ui.user_picker import pick_user
from contact_desk.domain.enums import Permission
from contact_desk.services import users
from contact_desk.ui.user_picker import UserPickerDialog


def test_the_picker_lists_the_desk_users_but_not_the_command_line(qtbot, database):
    uow = database.unit_of_work
    users.create_user(uow(), "morgan", "Morgan Avery", list(Permission))
    users.create_user(uow(), "casey", "Casey Clerk", [Permission.EDIT_CUSTOMERS])
    people = users.desk_users(uow())
    picker = UserPickerDialog(people, QSettings())
    qtbot.addWidget(picker)
    texts = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert texts == ["Casey Clerk  —  may: edit customers and their contact information",
                     "Morgan Avery  —  may do everything"]


def test_the_chosen_user_is_remembered_and_acts_in_the_window(qtbot, database, database_url):
    uow = database.unit_of_work
    users.create_user(uow(), "morgan", "Morgan Avery", list(Permission))
    users.create_user(uow(), "casey", "Casey Clerk", [Permission.EDIT_CUSTOMERS])

    def choose(name: str) -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, UserPickerDialog):
            QTimer.singleShot(20, lambda: choose(name))
            return
        item = picker.list.findItems(name, Qt.MatchFlag.MatchStartsWith)[0]
        picker.list.setCurrentItem(item)
        picker.accept()

    QTimer.singleShot(0, lambda: choose("Morgan"))
    actor = pick_user(database, QSettings())
    assert actor.name == "Morgan Avery"
    window = create_main_window(database_url, actor=actor)
    qtbot.addWidget(window)
    assert window.desk.actor.name == "Morgan Avery"
    assert "Morgan Avery at the desk" in window.statusBar().currentMessage()

    again = UserPickerDialog(users.desk_users(uow()), QSettings())
    qtbot.addWidget(again)
    assert again.chosen().name == "Morgan Avery"  # remembered from last time
