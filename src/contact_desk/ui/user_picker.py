"""Who is at the desk: picked at start, so every change is written down under the right name."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.services import users
from contact_desk.store.database import Database

LAST_USER_KEY = "desk/lastUserId"


def what_they_may_do(actor: Actor) -> str:
    if not actor.permissions:
        return "may look, not change"
    if set(actor.permissions) == set(Permission):
        return "may do everything"
    return "may: " + ", ".join(p.label.lower() for p in Permission if p in actor.permissions)


class UserPickerDialog(QDialog):
    """A list of the desk's users; Enter or a double-click picks one."""

    def __init__(self, users: list[Actor], settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userPicker")
        self.setWindowTitle("Who is at the desk?")
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Pick your name. Your changes are written down under it."))
        self.list = QListWidget(objectName="userList")
        self.list.setAccessibleName("Users")
        last = self.settings.value(LAST_USER_KEY)
        for actor in users:
            item = QListWidgetItem(f"{actor.name}  —  {what_they_may_do(actor)}")
            item.setData(Qt.ItemDataRole.UserRole, actor)
            self.list.addItem(item)
            if str(actor.user_id) == str(last):
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 320)

    def chosen(self) -> Actor | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def accept(self) -> None:
        actor = self.chosen()
        if actor is not None:
            self.settings.setValue(LAST_USER_KEY, actor.user_id)
        super().accept()


def pick_user(database: Database, settings: QSettings) -> Actor | None | bool:
    """Ask who is at the desk when there is a choice; None when the database has no desk
    user (the command-line user acts), False when the clerk cancels."""
    people = users.desk_users(database.unit_of_work())
    if not people:
        return None
    if len(people) == 1:
        return people[0]
    picker = UserPickerDialog(people, settings)
    if not picker.exec():
        return False
    return picker.chosen()
