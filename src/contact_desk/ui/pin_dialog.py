"""File > Set a User's PIN…: a manager sets or resets someone's PIN (which lifts a lock)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from contact_desk.domain.errors import DomainError
from contact_desk.ui.desk import Desk
from contact_desk.ui.plain_text import plain
from contact_desk.ui.text_colors import problem_style


class SetPinDialog(QDialog):
    """Whose PIN, the new PIN twice; OK asks the services, which say what is wrong."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPinDialog")
        self.setWindowTitle("Set a User's PIN")
        self.desk = desk
        self.saved_for: str | None = None
        form = QFormLayout(self)
        self.user = QComboBox(objectName="pinUser")
        self.user.setAccessibleName("User")
        for person in desk.desk_people():
            self.user.addItem(person.actor.name, person.login)
        self.pin = QLineEdit(objectName="newPin", echoMode=QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName("New PIN")
        self.again = QLineEdit(objectName="newPinAgain", echoMode=QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("New PIN again")
        self.problem = plain(QLabel(objectName="pinProblem", wordWrap=True))
        self.problem.setStyleSheet(problem_style())
        form.addRow("&User:", self.user)
        form.addRow("&New PIN:", self.pin)
        form.addRow("&Again:", self.again)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setTabOrder(self.user, self.pin)
        self.setTabOrder(self.pin, self.again)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        if self.pin.text() != self.again.text():
            self._refuse("The two PINs differ.")
            return
        try:
            self.saved_for = self.desk.set_pin(self.user.currentData(), self.pin.text())
        except DomainError as refusal:
            self._refuse(refusal.message)
            return
        super().accept()

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.pin.clear()
        self.again.clear()
        self.pin.setFocus()
