"""The Add Contact dialog, which also edits a contact (Save Changes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QWidget

from contact_desk.domain.additional_contact import contact_problems, why_no_portal_access
from contact_desk.domain.enums import CommunicationPreference, ContactRole
from contact_desk.domain.errors import ConflictError, DuplicateEmail
from contact_desk.services.forms import ContactForm
from contact_desk.services.views import AdditionalContactView
from contact_desk.ui.forms.ui_contact_dialog import Ui_ContactDialog
from contact_desk.ui.messages import confirm_discard, explain
from contact_desk.ui.other_desks import ChangedElsewhereBar
from contact_desk.ui.plain_text import no_mnemonic, tooltip_text
from contact_desk.ui.text_colors import note_style, problem_style



Save = Callable[[ContactForm], None]
UseExisting = Callable[[int, ContactForm], None]
Load = Callable[[], AdditionalContactView | None]  # the contact as stored now (None: gone)
GONE = "Another desk removed this contact from the account: there is nothing to save it to."


class ContactDialog(QDialog):
    """Fields are checked as they are typed; Save waits until they are all right."""

    def __init__(self, region: str, save: Save, use_existing: UseExisting,
                 contact: AdditionalContactView | None = None,
                 parent: QWidget | None = None, load: Load | None = None,
                 customer_id: int | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ContactDialog()
        self.form.setupUi(self)
        self.region, self._save, self._use_existing = region, save, use_existing
        self.contact = contact
        self._existing_id: int | None = None
        self._touched: set[str] = set()
        form = self.form
        for role in ContactRole:
            form.roleCombo.addItem(role.label, role)
        self.preference_boxes: dict[CommunicationPreference, QCheckBox] = {
            CommunicationPreference.SCHEDULING: form.prefScheduling,
            CommunicationPreference.CAR_UPDATES: form.prefCarUpdates,
            CommunicationPreference.CONTRACTS: form.prefContracts,
            CommunicationPreference.INVOICES: form.prefInvoices,
            CommunicationPreference.ESTIMATES: form.prefEstimates,
            CommunicationPreference.MARKETING: form.prefMarketing,
        }
        self.problem_labels: dict[str, QLabel] = {
            "first_name": form.firstNameProblem, "last_name": form.lastNameProblem,
            "email": form.emailProblem, "phone": form.phoneProblem,
            "role_description": form.roleDescriptionProblem,
        }
        for label in (*self.problem_labels.values(), form.saveError):
            label.setStyleSheet(problem_style())
            label.hide()
        form.portalAccessReason.setStyleSheet(note_style())
        form.useExistingButton.hide()
        self._load = load
        if contact is not None:
            self._fill(contact)
            if load is not None and customer_id is not None:
                self.changed_elsewhere = ChangedElsewhereBar(customer_id, self.reload, self)
                form.dialogLayout.insertWidget(0, self.changed_elsewhere)
        for name, edit in (("first_name", form.firstNameEdit), ("last_name", form.lastNameEdit),
                           ("email", form.emailEdit), ("phone", form.phoneEdit),
                           ("role_description", form.roleDescriptionEdit)):
            edit.textEdited.connect(lambda _, name=name: self._edited(name))
        form.roleCombo.currentIndexChanged.connect(lambda _: self._edited("role_description"))
        form.portalAccessCheck.toggled.connect(lambda _: self._refresh())
        self.save_button.clicked.connect(self.save)
        form.buttonBox.rejected.connect(self.reject)
        form.useExistingButton.clicked.connect(self.use_existing)
        self._refresh()
        self._as_opened = self.typed()

    def reject(self) -> None:
        """Closing with typed changes asks first: nothing the clerk typed is lost by accident."""
        if self.typed() != self._as_opened and not confirm_discard(self):
            return
        super().reject()

    @property
    def save_button(self):  # noqa: ANN201 - a QPushButton
        return self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def typed(self) -> ContactForm:
        form = self.form
        return ContactForm(
            first_name=form.firstNameEdit.text(),
            last_name=form.lastNameEdit.text(),
            email=form.emailEdit.text().strip() or None,
            phone=form.phoneEdit.text().strip() or None,
            role=form.roleCombo.currentData(),
            role_description=form.roleDescriptionEdit.text(),
            primary_contact=form.primaryContactCheck.isChecked(),
            portal_access=form.portalAccessCheck.isChecked(),
            preferences=frozenset(p for p, box in self.preference_boxes.items()
                                  if box.isChecked()),
        )

    def problems(self) -> dict[str, str]:
        typed = self.typed()
        return contact_problems(typed.first_name, typed.last_name, typed.role,
                                typed.role_description, typed.email, typed.phone,
                                typed.portal_access, self.region)

    def save(self) -> None:
        self._touched.update(self.problem_labels)
        self._refresh()
        if not self.save_button.isEnabled():
            return
        try:
            self._save(self.typed())
        except DuplicateEmail as taken:
            self._existing_id = taken.existing_contact_id
            self._show_save_error(taken.message)
            self.form.useExistingButton.setText(
                f"&Use the existing contact ({no_mnemonic(taken.existing_name)})")
            self.form.useExistingButton.show()
            self.form.useExistingButton.setFocus()
            return
        except ConflictError as conflict:
            self._show_save_error(conflict.message)
            return
        except Exception as error:  # shown in the dialog; what was typed stays
            self._show_save_error(explain(error))
            return
        self.accept()

    def reload(self) -> None:
        """The contact as another desk left them in every field the clerk has not changed;
        what they typed stays, and their save then expects the fresh version."""
        if self._load is None or self.contact is None:
            return
        try:
            fresh = self._load()
        except Exception as error:  # noqa: BLE001 - said in the dialog, nothing typed is lost
            self._show_save_error(explain(error))
            return
        if fresh is None:
            self._show_save_error(GONE)
            return
        typed, opened = self.typed(), self._as_opened
        self.contact = fresh
        self._fill(fresh)
        stored = self.typed()
        kept = {field.name: getattr(typed, field.name) for field in fields(ContactForm)
                if getattr(typed, field.name) != getattr(opened, field.name)}
        self._show(replace(stored, **kept))
        self._as_opened = stored
        self._refresh()

    def use_existing(self) -> None:
        """Link the person who already has this email, with this dialog's role and choices."""
        if self._existing_id is None:
            return
        try:
            self._use_existing(self._existing_id, self.typed())
        except Exception as error:
            self._show_save_error(explain(error))
            return
        self.accept()

    def _fill(self, contact: AdditionalContactView) -> None:
        self.setWindowTitle(f"Edit Contact — {contact.full_name}")
        self.save_button.setText("Save Changes")
        self._show(ContactForm(
            first_name=contact.first_name, last_name=contact.last_name, email=contact.email,
            phone=contact.phone_display or None, role=contact.role,
            role_description=contact.role_description,
            primary_contact=contact.primary_contact, portal_access=contact.portal_access,
            preferences=frozenset(contact.preferences)))

    def _show(self, typed: ContactForm) -> None:
        form = self.form
        form.firstNameEdit.setText(typed.first_name)
        form.lastNameEdit.setText(typed.last_name)
        form.emailEdit.setText(typed.email or "")
        form.phoneEdit.setText(typed.phone or "")
        form.roleCombo.setCurrentIndex(list(ContactRole).index(typed.role))
        form.roleDescriptionEdit.setText(typed.role_description)
        form.primaryContactCheck.setChecked(typed.primary_contact)
        form.portalAccessCheck.setChecked(typed.portal_access)
        for preference, box in self.preference_boxes.items():
            box.setChecked(preference in typed.preferences)

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        if name == "email" and self._existing_id is not None:
            self._existing_id = None
            self.form.useExistingButton.hide()
        self._refresh()

    def _refresh(self) -> None:
        form = self.form
        problems = self.problems()
        for name, label in self.problem_labels.items():
            shown = problems.get(name) if name in self._touched else None
            label.setText(shown or "")
            label.setVisible(shown is not None)
        other = form.roleCombo.currentData() is ContactRole.OTHER
        form.roleDescriptionEdit.setEnabled(other)
        form.roleDescriptionLabel.setEnabled(other)
        # Portal access needs a valid email: say so beside the checkbox, don't just grey it.
        email_ok = bool(form.emailEdit.text().strip()) and "email" not in problems
        if not email_ok and form.portalAccessCheck.isChecked():
            form.portalAccessCheck.setChecked(False)
            return  # toggled() refreshes again
        form.portalAccessCheck.setEnabled(email_ok)
        reason = "" if email_ok else (why_no_portal_access(None) or "")
        form.portalAccessReason.setText(reason)
        form.portalAccessReason.setVisible(bool(reason))
        form.portalAccessCheck.setToolTip(tooltip_text(reason))
        self.save_button.setEnabled(not problems)
        form.saveError.hide()

    def _show_save_error(self, text: str) -> None:
        self.form.saveError.setText(text)
        self.form.saveError.show()
