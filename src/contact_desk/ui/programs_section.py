"""The Programs section of the customer page: each finance program with its state, its customer
and contact (a menu per role of what may change, and why not), and its invoices."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QFrame, QHeaderView, QLabel, QMenu, QToolButton, QWidget

from contact_desk.domain.enums import ProgramState
from contact_desk.domain.program import ProgramRole, RoleAction, RoleActionKind
from contact_desk.services.customers import SavedDetails
from contact_desk.services.forms import CustomerForm
from contact_desk.services.program_views import InvoiceView, ProgramView
from contact_desk.services.views import CustomerView
from contact_desk.ui.desk import Desk
from contact_desk.ui.forms.ui_program_frame import Ui_ProgramFrame
from contact_desk.ui.messages import explain, show_info
from contact_desk.ui.models.columns import Column, RowsModel
from contact_desk.ui.plain_text import plain, tooltip_text
from contact_desk.ui.program_contact_dialogs import (
    REPLACE_INSTEAD,
    ReplaceContactDialog,
    UpdateContactDialog,
)
from contact_desk.ui.program_customer_dialogs import (
    EDIT_CONTACT_INFO,
    ReplaceCustomerDialog,
    UpdateCustomerDialog,
)
from contact_desk.ui.program_dialogs import ProgramDialog, describe_replacement
from contact_desk.ui.undo import CustomerUndo, EditStep

NO_PROGRAMS = "No programs for this customer."
NO_CONTACT_YET = "No contact yet"
NOTHING = "—"
BADGE_STYLE = "border-radius: 8px; padding: 1px 8px; {colours}"
STATE_COLOURS = {
    ProgramState.QUOTE: "background: #eceff1; color: #37474f;",
    ProgramState.NOT_YET_ACTIVE: "background: #e3f2fd; color: #0d47a1;",
    ProgramState.ACTIVE: "background: #e6f4ea; color: #1e6b34;",
    ProgramState.CLOSED: "background: #f1f3f4; color: #5f6368;",
}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Act = Callable[[ProgramView, RoleAction], None]


def money(amount: Decimal | None) -> str:
    return f"${amount:,.2f}" if amount is not None else NOTHING


class InvoicesModel(RowsModel[InvoiceView]):
    columns = (
        Column("Invoice #", lambda invoice: invoice.number),
        Column("Amount", lambda invoice: money(invoice.amount), align=RIGHT),
        Column("Due", lambda invoice: invoice.due_date.isoformat()),
        Column("Status", lambda invoice: invoice.status_label),
        Column("Bill to", lambda invoice: invoice.bill_to_name),
        Column("Bill-to address", lambda invoice: invoice.bill_to_address),
    )

    def show_invoices(self, invoices: tuple[InvoiceView, ...]) -> None:
        self.beginResetModel()
        self.rows = list(invoices)
        self.endResetModel()


def role_menu(program: ProgramView, role: ProgramRole, act: Act, parent: QWidget) -> QMenu:
    """The role's actions; one the program's state or the user's permissions forbid is shown
    disabled, with the reason as its tooltip and status tip."""
    menu = QMenu(parent)
    menu.setObjectName(f"{role}RoleActions_{program.id}")
    menu.setToolTipsVisible(True)
    for action in program.actions_of(role):
        item = menu.addAction(f"&{action.label}…")
        item.setObjectName(f"{action.action}_{role}")
        item.setEnabled(action.allowed)
        if action.reason:
            item.setToolTip(tooltip_text(action.reason))
            item.setStatusTip(action.reason)
        item.triggered.connect(lambda _=False, action=action: act(program, action))
    return menu


class ProgramFrame(QFrame):
    """One program: number, state and amount, Customer and Roles, and its invoices."""

    def __init__(self, program: ProgramView, act: Act, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form = Ui_ProgramFrame()
        form.setupUi(self)
        self.program = program
        self.setObjectName(f"program_{program.id}")
        self.setAccessibleName(f"Program {program.number}")
        for label in (form.numberLabel, form.rolesTitle, form.invoicesTitle):
            bold = QFont(label.font())
            bold.setBold(True)
            label.setFont(bold)
        form.numberLabel.setText(program.number)
        form.stateLabel.setText(program.state_label)
        form.stateLabel.setStyleSheet(BADGE_STYLE.format(colours=STATE_COLOURS[program.state]))
        form.financedLabel.setText(f"Financed {money(program.financed_amount)}")
        form.descriptionLabel.setText(program.description)
        form.descriptionLabel.setVisible(bool(program.description))
        form.customerName.setText(program.customer.name)
        contact = program.contact
        form.contactName.setText(
            " · ".join(part for part in (contact.name, contact.email, contact.phone_display)
                       if part) if contact else NO_CONTACT_YET)
        self.role_buttons: dict[ProgramRole, QToolButton] = {
            ProgramRole.CUSTOMER: form.customerRoleMenu, ProgramRole.CONTACT: form.contactRoleMenu,
        }
        for role, button in self.role_buttons.items():
            button.setObjectName(f"{role}RoleMenu_{program.id}")
            button.setAccessibleName(f"{role.capitalize()} actions on {program.number}")
            button.setMenu(role_menu(program, role, act, button))
        self.invoices = InvoicesModel(self)
        self.invoices.show_invoices(program.invoices)
        table = form.invoicesTable
        table.setObjectName(f"invoicesTable_{program.id}")
        table.setAccessibleName(f"Invoices of {program.number}")
        table.setModel(self.invoices)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.setVisible(bool(program.invoices))
        form.noInvoicesLabel.setVisible(not program.invoices)

    def menu_of(self, role: ProgramRole) -> QMenu:
        menu = self.role_buttons[role].menu()
        assert menu is not None
        return menu


class ProgramsSection(QObject):
    """Fills the page's ``programsSection``; ``changed`` asks the page to reload after a save,
    ``editContactInfo`` to open its Edit Contact Info dialog."""

    changed = Signal()
    editContactInfo = Signal()

    def __init__(self, container: QWidget, desk: Desk, parent: QWidget,
                 undo: CustomerUndo | None = None) -> None:
        super().__init__(parent)
        self.container, self.desk, self.parent_widget = container, desk, parent
        self.undo = undo  # where a details change goes, to be undone (None: nowhere)
        self.customer: CustomerView | None = None
        self.programs: tuple[ProgramView, ...] = ()
        self.frames: dict[int, ProgramFrame] = {}

    def show_programs(self, customer: CustomerView) -> None:
        """Load the customer's programs (with what this desk's user may do) and show them."""
        self.customer = customer
        self._clear()
        try:
            self.programs = self.desk.programs_of(customer.id)
        except Exception as error:
            self.programs = ()
            self._note("programsError", f"The programs could not be shown. {explain(error)}")
            return
        if not self.programs:
            self._note("noPrograms", NO_PROGRAMS)
        for program in self.programs:
            frame = ProgramFrame(program, self.act, self.container)
            self.container.layout().addWidget(frame)
            self.frames[program.id] = frame

    def frame(self, program_id: int) -> ProgramFrame:
        return self.frames[program_id]

    # actions

    def act(self, program: ProgramView, action: RoleAction) -> None:
        if self.customer is None or not action.allowed:
            return
        open_dialog = {
            (ProgramRole.CUSTOMER, RoleActionKind.UPDATE_DETAILS): self.update_customer,
            (ProgramRole.CUSTOMER, RoleActionKind.REPLACE): self.replace_customer,
            (ProgramRole.CONTACT, RoleActionKind.UPDATE_DETAILS): self.update_contact,
            (ProgramRole.CONTACT, RoleActionKind.REPLACE): self.replace_contact,
        }[(action.role, action.action)]
        open_dialog(program)

    def update_customer(self, program: ProgramView) -> None:
        assert self.customer is not None
        customer = self.customer
        dialog = UpdateCustomerDialog(self.desk, customer, self.parent_widget)
        saved = self._finish(dialog) and isinstance(dialog.outcome, SavedDetails)
        if saved and dialog.outcome.changed and self.undo is not None:
            self.undo.push(EditStep(
                customer.id, "Update customer details", CustomerForm.of(customer),
                dialog.details(), dialog.outcome.version,
                lambda typed, version: self.desk.put_back_customer_details(
                    customer.id, typed, version).version))
        if dialog.result() == EDIT_CONTACT_INFO:
            self.editContactInfo.emit()

    def replace_customer(self, program: ProgramView) -> None:
        dialog = ReplaceCustomerDialog(self.desk, program, self.programs, self.parent_widget)
        if self._finish(dialog):
            replacement = dialog.outcome
            new_name = self.desk.customer(replacement.new_party_id).full_name
            show_info(self.parent_widget, "Customer replaced", describe_replacement(
                replacement, ProgramRole.CUSTOMER, program.customer.name, new_name))

    def update_contact(self, program: ProgramView) -> None:
        dialog = UpdateContactDialog(self.desk, program, self.parent_widget)
        self._finish(dialog)
        if dialog.result() == REPLACE_INSTEAD:
            self.replace_contact(program, dialog.suggested)

    def replace_contact(self, program: ProgramView,
                        suggested: tuple[int, str] | None = None) -> None:
        assert self.customer is not None
        dialog = ReplaceContactDialog(self.desk, program, self.programs, self.customer.contacts,
                                      suggested, self.parent_widget)
        if self._finish(dialog):
            old = program.contact.name if program.contact else NO_CONTACT_YET
            show_info(self.parent_widget, "Contact replaced", describe_replacement(
                dialog.outcome, ProgramRole.CONTACT, old, dialog.new_name))

    # building

    def _finish(self, dialog: ProgramDialog) -> bool:
        """Run the dialog; whether it saved. The page reloads after a save or a conflict."""
        saved = dialog.exec() == QDialog.DialogCode.Accepted
        if saved or dialog.stale:
            self.changed.emit()
        dialog.deleteLater()
        return saved

    def _note(self, name: str, text: str) -> None:
        label = plain(QLabel(text, self.container, objectName=name))
        label.setWordWrap(True)
        self.container.layout().addWidget(label)

    def _clear(self) -> None:
        self.frames = {}
        layout = self.container.layout()
        while layout.count():
            widget = layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
