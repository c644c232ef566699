"""The contact's dialogs of the Programs section: correct the contact's own details, and replace
the contact on a program by someone on the customer's account or a new person."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from contact_desk.domain.additional_contact import contact_problems
from contact_desk.domain.enums import ContactRole
from contact_desk.domain.errors import DuplicateEmail
from contact_desk.domain.program import ProgramRole, RoleActionKind
from contact_desk.services.forms import ContactForm, PersonForm
from contact_desk.services.program_views import ProgramView
from contact_desk.services.views import AdditionalContactView
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_program_contact_details import Ui_ContactDetailsDialog
from contact_desk.ui.forms.ui_program_replace_contact import Ui_ReplaceContactDialog
from contact_desk.ui.plain_text import no_mnemonic, tooltip_text
from contact_desk.ui.program_dialogs import ProgramDialog, linked_programs
from contact_desk.ui.text_colors import problem_style

REPLACE_INSTEAD = 2  # exec() result: the clerk chose Replace contact for the email's owner
PERSON_ID = Qt.ItemDataRole.UserRole


class UpdateContactDialog(ProgramDialog):
    """The contact's name, email and phone; someone else's email leads to Replace contact."""

    def __init__(self, desk: Desk, program: ProgramView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert program.contact is not None, "the menu offers this only for a program's contact"
        self.form = form = Ui_ContactDetailsDialog()
        form.setupUi(self)
        self.desk, self.program, self.contact = desk, program, program.contact
        self.suggested: tuple[int, str] | None = None  # the email's owner, to replace with
        self.setWindowTitle(f"Update Contact Details — {self.contact.name}")
        form.reachNote.setText(
            f"{self.contact.name} is one person wherever they appear: what you change here "
            "shows on every program and account they are on.")
        form.firstNameEdit.setText(self.contact.first_name)
        form.lastNameEdit.setText(self.contact.last_name)
        form.emailEdit.setText(self.contact.email or "")
        form.phoneEdit.setText(self.contact.phone_display)
        form.emailEdit.textEdited.connect(lambda _: self._forget_suggestion())
        for edit in (form.firstNameEdit, form.lastNameEdit, form.phoneEdit):
            edit.textEdited.connect(lambda _: self.hide_save_error())
        form.replaceInsteadButton.hide()
        form.replaceInsteadButton.clicked.connect(lambda: self.done(REPLACE_INSTEAD))
        self.prepare(form.saveError, form.buttonBox, (form.reachNote,))

    def fields(self) -> PersonForm:
        form = self.form
        return PersonForm(first_name=form.firstNameEdit.text(),
                          last_name=form.lastNameEdit.text(),
                          email=form.emailEdit.text().strip() or None,
                          phone=form.phoneEdit.text().strip() or None)

    def typed_state(self) -> object:
        return self.fields()

    def save(self) -> None:
        self.save_with(lambda: self.desk.update_program_contact_details(
            self.program.id, self.fields(), self.contact.version))

    def refused(self, error: Exception) -> None:
        if not isinstance(error, DuplicateEmail):
            return
        self.suggested = (error.existing_contact_id, error.existing_name)
        replace = self.program.action(ProgramRole.CONTACT, RoleActionKind.REPLACE)
        button = self.form.replaceInsteadButton
        button.setEnabled(replace.allowed)
        button.setToolTip(tooltip_text(
            replace.reason or f"Put {error.existing_name} on {self.program.number} instead"))
        button.show()
        if replace.allowed:
            button.setFocus()

    def _forget_suggestion(self) -> None:
        self.suggested = None
        self.form.replaceInsteadButton.hide()
        self.hide_save_error()


class ReplaceContactDialog(ProgramDialog):
    """Pick a person already on the customer's account (or the one suggested), or add one."""

    def __init__(self, desk: Desk, program: ProgramView, programs: tuple[ProgramView, ...],
                 people: tuple[AdditionalContactView, ...],
                 suggested: tuple[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form = Ui_ReplaceContactDialog()
        form.setupUi(self)
        self.desk, self.program = desk, program
        self.region = desk.home_region()
        self.new_name = ""
        self._existing: tuple[int, str] | None = None  # who has the email typed for a new one
        self.setWindowTitle(f"Replace Contact — {program.number}")
        self._describe_scope(programs)
        current = program.contact.person_id if program.contact else None
        for person in people:
            if person.person_id != current:
                details = " — ".join(part for part in (person.role_label, person.email) if part)
                self._add_person(person.person_id, person.full_name, details)
        if suggested is not None:
            self._pick(*suggested, details="has the email you typed")
        for role in ContactRole:
            form.roleCombo.addItem(role.label, role)
        has_people = form.peopleList.count() > 0
        form.noPeopleLabel.setVisible(not has_people)
        form.existingRadio.setEnabled(has_people)
        form.newRadio.setChecked(not has_people)
        form.peopleList.itemSelectionChanged.connect(self._refresh)
        form.peopleList.itemDoubleClicked.connect(lambda _: self.save())
        for edit in (form.firstNameEdit, form.lastNameEdit, form.roleDescriptionEdit,
                     form.emailEdit, form.phoneEdit):
            edit.textChanged.connect(self._refresh)
        form.emailEdit.textEdited.connect(lambda _: self._forget_existing())
        form.roleCombo.currentIndexChanged.connect(lambda _: self._refresh())
        form.existingRadio.toggled.connect(lambda _: self._refresh())
        form.problemLabel.setStyleSheet(problem_style())
        form.useExistingButton.hide()
        form.useExistingButton.clicked.connect(self.use_existing)
        self.prepare(form.saveError, form.buttonBox, (form.scopeNote, form.noPeopleLabel),
                     "&Replace")
        self._refresh()

    def picked(self) -> tuple[int, str] | None:
        items = self.form.peopleList.selectedItems()
        return (items[0].data(PERSON_ID), items[0].data(Qt.ItemDataRole.AccessibleTextRole)) \
            if items else None

    def new_person(self) -> ContactForm:
        form = self.form
        return ContactForm(first_name=form.firstNameEdit.text(),
                           last_name=form.lastNameEdit.text(),
                           role=form.roleCombo.currentData(),
                           role_description=form.roleDescriptionEdit.text(),
                           email=form.emailEdit.text().strip() or None,
                           phone=form.phoneEdit.text().strip() or None)

    def typed_state(self) -> object:
        return self.new_person()

    def save(self) -> None:
        if self.form.existingRadio.isChecked():
            person = self.picked()
            if person is not None:
                self.new_name = person[1]
                self.save_with(lambda: self.desk.replace_program_contact(self.program.id,
                                                                         person[0]))
            return
        fields = self.new_person()
        self.new_name = " ".join(f"{fields.first_name} {fields.last_name}".split())
        self.save_with(lambda: self.desk.replace_program_contact_with_new(self.program.id,
                                                                          fields))

    def refused(self, error: Exception) -> None:
        if isinstance(error, DuplicateEmail):
            self._existing = (error.existing_contact_id, error.existing_name)
            self.form.useExistingButton.setText(f"&Use {no_mnemonic(error.existing_name)} instead")
            self.form.useExistingButton.show()
            self.form.useExistingButton.setFocus()

    def use_existing(self) -> None:
        """Put the person who already has the typed email on the program, not a second one."""
        if self._existing is None:
            return
        self._pick(*self._existing, details="has the email you typed")
        self.form.existingRadio.setChecked(True)
        self.save()

    def _describe_scope(self, programs: tuple[ProgramView, ...]) -> None:
        contact = self.program.contact
        if contact is None:
            text = (f"{self.program.number} has no contact yet: the person you pick becomes "
                    "its contact.")
        else:
            theirs = tuple(p for p in programs
                           if p.contact and p.contact.person_id == contact.person_id)
            text = (f"Replacing {contact.name} applies to every program linked to them, also "
                    "those of other customers they are on. On this customer:\n"
                    + linked_programs(theirs, ProgramRole.CONTACT, contact.name))
        self.form.scopeNote.setText(text)

    def _add_person(self, person_id: int, name: str, details: str) -> QListWidgetItem:
        item = QListWidgetItem(f"{name} — {details}" if details else name)
        item.setData(PERSON_ID, person_id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
        self.form.peopleList.addItem(item)
        return item

    def _pick(self, person_id: int, name: str, details: str) -> None:
        """Select the person in the list, adding them if they are not on this account."""
        people = self.form.peopleList
        item = next((people.item(row) for row in range(people.count())
                     if people.item(row).data(PERSON_ID) == person_id), None)
        if item is None:
            item = self._add_person(person_id, name, details)
            self.form.noPeopleLabel.hide()
            self.form.existingRadio.setEnabled(True)
        people.setCurrentItem(item)
        self.form.existingRadio.setChecked(True)

    def _forget_existing(self) -> None:
        self._existing = None
        self.form.useExistingButton.hide()

    def _refresh(self) -> None:
        form = self.form
        existing = form.existingRadio.isChecked()
        form.peopleList.setEnabled(existing)
        form.newPersonFields.setEnabled(not existing)
        other = form.roleCombo.currentData() is ContactRole.OTHER
        form.roleDescriptionEdit.setEnabled(other)
        form.roleDescriptionLabel.setEnabled(other)
        problem = None
        if existing:
            reason = None if self.picked() else "Pick the person to put on the program."
        else:
            fields = self.new_person()
            problems = contact_problems(fields.first_name, fields.last_name, fields.role,
                                        fields.role_description, fields.email, fields.phone,
                                        region=self.region)
            reason = next(iter(problems.values()), None)
            typed = any((fields.first_name, fields.last_name, fields.email, fields.phone))
            problem = reason if typed else None
        form.problemLabel.setText(problem or "")
        form.problemLabel.setVisible(problem is not None)
        self.allow_save(reason)
        self.hide_save_error()
