"""Who is at the desk: picked at start and from File > Who Is at the Desk?, so every change
is written down under the right name. Anyone who may do more than a clerk gives their PIN,
unless this computer login is theirs; the services check it and count wrong tries."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError
from contact_desk.os_login import os_login
from contact_desk.services import sign_in
from contact_desk.services.sign_in import DeskUser
from contact_desk.store.database import Database
from contact_desk.ui.plain_text import plain, tooltip_text

LAST_USER_KEY = "desk/lastUserId"
SignIn = Callable[[str, "str | None"], Actor]  # (login, PIN typed) -> who acts, or DomainError


def what_they_may_do(actor: Actor) -> str:
    if not actor.permissions:
        return "may look, not change"
    if set(actor.permissions) == set(Permission):
        return "may do everything"
    return "may: " + ", ".join(p.label[0].lower() + p.label[1:]
                               for p in Permission if p in actor.permissions)


def _shown(person: DeskUser) -> str:
    marker = ""
    if person.pin_asked:
        marker = "  (PIN)" if person.has_pin else "  (no PIN yet)"
    return f"{person.actor.name}{marker}  —  {what_they_may_do(person.actor)}"


class UserPickerDialog(QDialog):
    """A list of the desk's users and, for one who needs it, their PIN; OK signs in."""

    def __init__(self, people: list[DeskUser], settings: QSettings, attempt: SignIn,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userPicker")
        self.setWindowTitle("Who is at the desk?")
        self.settings = settings
        self.attempt = attempt
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Pick your name. Your changes are written down under it."))
        self.list = QListWidget(objectName="userList")
        self.list.setAccessibleName("Users")
        # A long list of permissions wraps in the row: no sideways scrolling to read it.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        last = self.settings.value(LAST_USER_KEY)
        for person in people:
            item = QListWidgetItem(_shown(person))
            item.setToolTip(tooltip_text(_shown(person)))
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.list.addItem(item)
            if str(person.actor.user_id) == str(last):
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        layout.addWidget(self.list)
        self.pin_label = QLabel("&PIN:", objectName="pinLabel")
        self.pin = QLineEdit(objectName="pinField", echoMode=QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName("PIN")
        self.pin_label.setBuddy(self.pin)
        self.problem = plain(QLabel(objectName="pinProblem", wordWrap=True))
        self.problem.setStyleSheet("color: #b00020")
        for widget in (self.pin_label, self.pin, self.problem):
            layout.addWidget(widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setTabOrder(self.list, self.pin)
        self.list.currentItemChanged.connect(lambda *_: self._show_pin())
        self._show_pin()
        self.resize(520, 360)

    def chosen(self) -> DeskUser | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_pin(self) -> None:
        person = self.chosen()
        asked = person is not None and person.pin_asked
        self.pin_label.setVisible(asked)
        self.pin.setVisible(asked)
        self.pin.clear()
        self.problem.clear()
        if asked:
            self.pin.setFocus()

    def accept(self) -> None:
        person = self.chosen()
        if person is None:
            return
        try:
            self.actor = self.attempt(person.login, self.pin.text() or None)
        except DomainError as refusal:
            self.problem.setText(refusal.message)
            self.pin.clear()
            self.pin.setFocus()
            return
        self.settings.setValue(LAST_USER_KEY, person.actor.user_id)
        super().accept()


def pick_user(database: Database, settings: QSettings, login: str | None = None,
              parent: QWidget | None = None) -> Actor | bool:
    """Who is at the desk; False when the clerk cancels. ``login`` (from --user) names them:
    asked only for their PIN when one is needed. With one user, who needs no PIN, nothing is
    asked. DomainError when ``login`` names nobody."""
    here = os_login()
    people = sign_in.desk_people(database.unit_of_work(), here)
    if login is not None:
        named = [person for person in people if person.login == login.strip().lower()]
        if not named or not named[0].pin_asked:
            return sign_in.act_as(database.unit_of_work(), login, here)
        people = named
    elif len(people) == 1 and not people[0].pin_asked:
        return people[0].actor
    picker = UserPickerDialog(
        people, settings,
        lambda chosen, pin: sign_in.sign_in(database.unit_of_work(), chosen, here, pin), parent)
    if not picker.exec() or picker.actor is None:
        return False
    return picker.actor
