"""File → Calling and Texting Apps: the dealership's app link for each channel, which
click-to-call, -text and -email open instead of tel:, sms: and mailto:."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from contact_desk.domain.enums import Channel
from contact_desk.domain.errors import InvalidValue
from contact_desk.services.contact_apps import ContactApps
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_contact_apps import Ui_ContactAppsDialog
from contact_desk.ui.messages import explain
from contact_desk.ui.text_colors import problem_style


class ContactAppsDialog(QDialog):
    """Saved through the service, which checks each link's placeholders."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ContactAppsDialog()
        self.form.setupUi(self)
        self.desk = desk
        self.edits = {Channel.CALL: self.form.callEdit, Channel.TEXT: self.form.textEdit,
                      Channel.EMAIL: self.form.emailEdit}
        apps = desk.contact_apps()
        for channel, edit in self.edits.items():
            edit.setText(apps.template(channel))
        self.form.saveError.setStyleSheet(problem_style())
        self.form.saveError.hide()
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(
            self.save)
        self.form.buttonBox.rejected.connect(self.reject)

    def typed(self) -> ContactApps:
        return ContactApps(**{channel.cli_name: edit.text()
                              for channel, edit in self.edits.items()})

    def save(self) -> None:
        try:
            self.desk.save_contact_apps(self.typed())
        except Exception as error:
            self.form.saveError.setText(explain(error))
            self.form.saveError.show()
            field = error.field if isinstance(error, InvalidValue) else None
            edit = next((e for c, e in self.edits.items() if c.cli_name == field), None)
            if edit is not None:
                edit.setFocus()
                edit.selectAll()
            return
        self.accept()
