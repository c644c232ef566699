"""File → Mail Server Settings: where portal invites are sent from, or saved to."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from contact_desk.domain.errors import InvalidValue
from contact_desk.services.mail import MailSettings, Security
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_mail_settings import Ui_MailSettingsDialog
from contact_desk.ui.messages import explain
from contact_desk.ui.text_colors import problem_style



class MailSettingsDialog(QDialog):
    """Saved through the service, which checks the values; the password goes to the keychain."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_MailSettingsDialog()
        self.form.setupUi(self)
        self.desk = desk
        form = self.form
        for security in Security:
            form.securityCombo.addItem(security.value, security)
        self.settings = desk.mail_settings()
        form.hostEdit.setText(self.settings.host)
        form.portSpin.setValue(self.settings.port)
        form.securityCombo.setCurrentIndex(list(Security).index(self.settings.security))
        form.usernameEdit.setText(self.settings.username)
        form.fromAddressEdit.setText(self.settings.from_address)
        form.dealershipEdit.setText(self.settings.dealership_name)
        form.outboxEdit.setText(self.settings.outbox)
        form.outboxEdit.setPlaceholderText(str(self.settings.outbox_folder()))
        form.passwordEdit.setPlaceholderText("unchanged (kept in the system keychain)")
        form.saveError.setStyleSheet(problem_style())
        form.saveError.hide()
        form.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        form.buttonBox.rejected.connect(self.reject)

    def typed(self) -> MailSettings:
        form = self.form
        return replace(
            self.settings,
            host=form.hostEdit.text().strip(),
            port=form.portSpin.value(),
            security=form.securityCombo.currentData(),
            username=form.usernameEdit.text().strip(),
            from_address=form.fromAddressEdit.text().strip(),
            dealership_name=form.dealershipEdit.text().strip(),
            outbox=form.outboxEdit.text().strip(),
        )

    def save(self) -> None:
        password = self.form.passwordEdit.text() or None  # empty: keep the stored one
        try:
            self.desk.save_mail_settings(self.typed(), password)
        except Exception as error:
            self.form.saveError.setText(explain(error))
            self.form.saveError.show()
            field = getattr(error, "field", None) if isinstance(error, InvalidValue) else None
            widget = {"host": self.form.hostEdit, "port": self.form.portSpin,
                      "from_address": self.form.fromAddressEdit,
                      "username": self.form.usernameEdit}.get(field or "")
            if widget is not None:
                widget.setFocus()
            return
        self.accept()
