"""The customer's dialogs of the Programs section: update their details (a new address may need
a verification document), and replace them on a program by a customer found or a new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from contact_desk.domain.customer import check_customer_names
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.limits import ADDRESS_FIELDS, check_address
from contact_desk.domain.program import MAX_DOCUMENT_BYTES, ProgramRole, check_verification_document
from contact_desk.services.customers import VerificationUpload
from contact_desk.services.forms import CustomerForm
from contact_desk.services.program_views import ProgramView
from contact_desk.services.views import CustomerHit, CustomerView
from contact_desk.ui.desk import Desk
from contact_desk.ui.file_dialogs import DOCUMENT_FILTER, Choose, chosen_path
from contact_desk.ui.forms.ui_program_customer_details import Ui_CustomerDetailsDialog
from contact_desk.ui.forms.ui_program_replace_customer import Ui_ReplaceCustomerDialog
from contact_desk.ui.messages import explain, show_info
from contact_desk.ui.models.search_results import SearchResultsModel
from contact_desk.ui.other_desks import ChangedElsewhereBar
from contact_desk.ui.program_dialogs import ProgramDialog, linked_programs
from contact_desk.ui.text_colors import problem_style

SEARCH_DELAY_MS = 250
ATTACH_TO_SAVE = "Attach the verification document to save the new address."
EDIT_CONTACT_INFO = 2  # the dialog's result when the clerk went on to the phones and emails


class UpdateCustomerDialog(ProgramDialog):
    """Names and address of the customer; Save waits for the document a new address needs."""

    def __init__(self, desk: Desk, customer: CustomerView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form = Ui_CustomerDetailsDialog()
        form.setupUi(self)
        self.desk, self.customer = desk, customer
        self.document: VerificationUpload | None = None
        self.needs_verification = desk.address_needs_verification(customer.id)
        self.edits = {
            "first_name": form.firstNameEdit, "last_name": form.lastNameEdit,
            "company": form.companyEdit, "address_line1": form.addressLine1Edit,
            "city": form.cityEdit, "state": form.stateEdit, "postal_code": form.postalCodeEdit,
        }
        for name, edit in self.edits.items():
            edit.setText(getattr(customer, name))
            edit.textChanged.connect(self._refresh)
        self._describe()
        self.changed_elsewhere = ChangedElsewhereBar(customer.id, self.reload, self)
        form.dialogLayout.insertWidget(0, self.changed_elsewhere)
        self.prepare(form.saveError, form.buttonBox,
                     (form.reachNote, form.verificationNote, form.saveReason))
        form.documentProblem.setStyleSheet(problem_style())
        form.chooseDocumentButton.clicked.connect(self.choose_document)
        form.removeDocumentButton.clicked.connect(self.remove_document)
        form.editPhonesButton.clicked.connect(self.edit_phones_and_emails)
        self._show_document(None)

    def _describe(self) -> None:
        customer, form = self.customer, self.form
        form.reachNote.setText(
            f"What you change here is {customer.full_name}'s everywhere: on every program "
            "and on every invoice billed to them.")
        form.verificationNote.setText(
            f"{customer.full_name} has a financed program, so a new address needs a document "
            "from a third party (a bill or statement) naming them at the new address."
            if self.needs_verification else
            "Needed only for a new address while a program is financed.")

    def reload(self) -> None:
        """The customer as another desk left them in every field the clerk has not changed;
        what they typed (and a document attached) stays, and Save expects the fresh version."""
        try:
            fresh = self.desk.customer(self.customer.id)
            self.needs_verification = self.desk.address_needs_verification(fresh.id)
        except Exception as error:  # noqa: BLE001 - said in the dialog; nothing typed is lost
            self.show_save_error(explain(error))
            return
        kept = {name for name in self.edits if self.changed((name,))}
        self.customer = fresh
        for name, edit in self.edits.items():
            if name not in kept:
                edit.setText(getattr(fresh, name))
        self._as_opened = ({name: getattr(fresh, name) for name in self.edits}, None)
        self._describe()
        self._refresh()

    def typed(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items()}

    def typed_state(self) -> object:
        return self.typed(), self.document

    def changed(self, names: tuple[str, ...] | None = None) -> bool:
        """Whether what is typed in ``names`` (every field by default) differs from the stored."""
        typed = self.typed()
        return any(" ".join(typed[name].split()) != getattr(self.customer, name)
                   for name in names or tuple(typed))

    def moving(self) -> bool:
        return self.changed(ADDRESS_FIELDS)

    def choose_document(self) -> None:
        path = chosen_path(self, "Choose the verification document", Choose.FILE_TO_OPEN,
                           filters=DOCUMENT_FILTER)
        if path:
            self.attach_document(Path(path))

    def attach_document(self, path: Path) -> None:
        """Read the file and keep it if it can be proof; otherwise say why and keep the last."""
        try:
            # One byte past the limit: check_verification_document says how big is too big.
            content = self.desk.read_chosen_file(path, MAX_DOCUMENT_BYTES + 1)
            check_verification_document(path.name, content)
        except InvalidValue as refusal:
            self._show_document(refusal.message)
            return
        self.document = VerificationUpload(path.name, content)
        self._show_document(None)

    def remove_document(self) -> None:
        self.document = None
        self._show_document(None)

    def save(self) -> None:
        """Saves; ``outcome`` is then what the save changed, and the version it left."""
        self.save_with(lambda: self.desk.update_customer_details(
            self.customer.id, self.details(), self.document, self.customer.version))

    def details(self) -> CustomerForm:
        return CustomerForm(**self.typed())

    def _show_document(self, problem: str | None) -> None:
        form = self.form
        form.documentName.setText(self.document.file_name if self.document else "")
        form.removeDocumentButton.setEnabled(self.document is not None)
        form.documentProblem.setText(problem or "")
        form.documentProblem.setVisible(problem is not None)
        self._refresh()

    def problem(self) -> str | None:
        """What the domain says is wrong with what is typed (a name or address too long,
        a person without a last name), so Save waits with the reason, not a surprise."""
        typed = self.typed()
        try:
            check_customer_names(typed["first_name"], typed["last_name"], typed["company"])
            check_address(typed)
        except InvalidValue as refusal:
            return refusal.message
        return None

    def _refresh(self) -> None:
        needs_document = self.needs_verification and self.moving() and self.document is None
        reason = self.problem() or (ATTACH_TO_SAVE if needs_document else None)
        self.form.saveReason.setText(reason or "")
        self.form.saveReason.setVisible(reason is not None)
        self.allow_save(reason)
        self.hide_save_error()

    def edit_phones_and_emails(self) -> None:
        """Go on to Edit Contact Info, where each phone and email keeps its type, primary and
        consent; with something typed here, the clerk saves or cancels it first."""
        if self.document is None and not self.changed():
            self.done(EDIT_CONTACT_INFO)
            return
        show_info(self, "Phones and emails",
                  "Phones and emails are changed with Edit Contact Info, where each keeps its "
                  "type, primary and consent. Save or cancel what you typed here first.")


class ReplaceCustomerDialog(ProgramDialog):
    """Search for the customer to put on the program as you type, or create one."""

    def __init__(self, desk: Desk, program: ProgramView, programs: tuple[ProgramView, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form = Ui_ReplaceCustomerDialog()
        form.setupUi(self)
        self.desk, self.program = desk, program
        old = program.customer.name
        self.setWindowTitle(f"Replace Customer — {program.number}")
        form.scopeNote.setText(
            f"Replacing {old} applies to every program and invoice linked to {old}:\n"
            + linked_programs(programs, ProgramRole.CUSTOMER, old))
        self.results = SearchResultsModel(desk.search, self)
        self.results.searchFailed.connect(lambda error: self.show_save_error(explain(error)))
        self.results.modelReset.connect(self._refresh)
        table = form.resultsTable
        table.setModel(self.results)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().selectionChanged.connect(self._refresh)
        table.doubleClicked.connect(lambda _: self.save())
        self._search_later = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_later.timeout.connect(lambda: self.results.set_query(form.searchEdit.text()))
        form.searchEdit.textChanged.connect(lambda _: self._search_later.start())
        for edit in (form.firstNameEdit, form.lastNameEdit, form.companyEdit):
            edit.textChanged.connect(self._refresh)
        form.existingRadio.toggled.connect(self._refresh)
        form.problemLabel.setStyleSheet(problem_style())
        self.prepare(form.saveError, form.buttonBox, (form.scopeNote,), "&Replace")
        self.results.set_query("")
        form.searchEdit.setFocus()

    def picked(self) -> CustomerHit | None:
        rows = self.form.resultsTable.selectionModel().selectedRows()
        return self.results.hit(rows[0].row()) if rows else None

    def new_names(self) -> CustomerForm:
        form = self.form
        return CustomerForm(first_name=form.firstNameEdit.text(),
                            last_name=form.lastNameEdit.text(), company=form.companyEdit.text())

    def typed_state(self) -> object:
        return self.new_names()

    def save(self) -> None:
        if self.form.existingRadio.isChecked():
            hit = self.picked()
            if hit is not None:
                self.save_with(lambda: self.desk.replace_program_customer(self.program.id,
                                                                          hit.id))
            return
        self.save_with(lambda: self.desk.replace_program_customer_with_new(
            self.program.id, self.new_names()))

    def _refresh(self) -> None:
        form = self.form
        existing = form.existingRadio.isChecked()
        form.searchEdit.setEnabled(existing)
        form.resultsTable.setEnabled(existing)
        form.newCustomerFields.setEnabled(not existing)
        problem = None
        if existing:
            reason = None if self.picked() else "Pick the customer to put on the program."
        else:
            reason = problem = self._names_problem()
        form.problemLabel.setText(problem or "")
        form.problemLabel.setVisible(bool(problem) and any(self.new_names().values()))
        self.allow_save(reason)
        self.hide_save_error()

    def _names_problem(self) -> str | None:
        try:
            check_customer_names(**self.new_names())
        except InvalidValue as problem:
            return problem.message
        return None
