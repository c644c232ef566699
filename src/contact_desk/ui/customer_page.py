"""The customer page: header with the account figures, the warning banner, phones and emails,
the other people on the account and the finance programs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.errors import ConflictError, DomainError
from contact_desk.services.contact_info import ContactInfoChanges
from contact_desk.services.duplicates import PossibleDuplicateView
from contact_desk.services.views import ContactInfoView, ContactPointView, CustomerView
from contact_desk.ui.badges import BadgeDelegate
from contact_desk.ui.click_to_contact import TableContacts
from contact_desk.ui.contact_info_command import ContactInfoCommand
from contact_desk.ui.contacts_section import ContactsSection
from contact_desk.ui.desk import Desk
from contact_desk.ui.duplicates_banner import DuplicateBanner, without_pair
from contact_desk.ui.edit_contact_info import CONFLICT, EditContactInfoDialog
from contact_desk.ui.forms.ui_customer_page import Ui_CustomerPage
from contact_desk.ui.messages import show_error
from contact_desk.ui.models.contact_points import CONTACT, PRIMARY, ContactPointsModel, badges
from contact_desk.ui.plain_text import no_mnemonic
from contact_desk.ui.programs_section import ProgramsSection
from contact_desk.ui.undo import CustomerUndo

BANNER_STYLE = (
    "QLabel#contactWarning { background: #fff4ce; color: #5c4400; border: 1px solid #f0c000;"
    " border-radius: 4px; padding: 8px; }"
)
NOTHING = "—"


class CustomerPage(QWidget):
    """Shows one customer; every change goes through the desk and onto the undo stack."""

    customerChanged = Signal(int)
    contactInfoChanged = Signal(object)  # the CustomerView after a save of its phones/emails
    whoReceivesRequested = Signal()  # from a phone's or email's context menu
    openCustomerRequested = Signal(int)  # another customer to show (a possible duplicate)
    reviewDuplicateRequested = Signal(int)  # the queue, on this possible duplicate pair

    def __init__(self, desk: Desk, undo: CustomerUndo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_CustomerPage()
        self.form.setupUi(self)
        self.desk, self.undo = desk, undo
        self.view: CustomerView | None = None
        self.phones = ContactPointsModel(ContactKind.PHONE, self.choose_primary, self)
        self.emails = ContactPointsModel(ContactKind.EMAIL, self.choose_primary, self)
        for table, model in ((self.form.phoneTable, self.phones),
                             (self.form.emailTable, self.emails)):
            _prepare_table(table, model)
        self.click_to_contact = [TableContacts(table, model, desk, self.whoReceivesRequested.emit,
                                               self)
                                 for table, model in ((self.form.phoneTable, self.phones),
                                                      (self.form.emailTable, self.emails))]
        name_font = QFont(self.form.customerName.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.5)
        name_font.setBold(True)
        self.form.customerName.setFont(name_font)
        self.contacts = ContactsSection(self.form.additionalContactsTable,
                                        self.form.addContactButton, desk, undo, self)
        self.contacts.changed.connect(self.reload)
        self.programs = ProgramsSection(self.form.programsSection, desk, self, undo)
        self.programs.changed.connect(self.reload)
        self.programs.editContactInfo.connect(lambda: self.edit_contact_info())
        for title in (self.form.contactInfoTitle, self.form.contactsTitle,
                      self.form.programsTitle):
            bold = QFont(title.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.15)
            title.setFont(bold)
        self.form.pageLayout.addStretch(1)
        self.form.contactWarning.setStyleSheet(BANNER_STYLE)
        self.form.contactWarning.hide()
        self.duplicate_banner = DuplicateBanner(desk, self)
        self.form.pageLayout.insertWidget(
            self.form.pageLayout.indexOf(self.form.contactWarning) + 1, self.duplicate_banner)
        self.duplicate_banner.openCustomer.connect(self.openCustomerRequested)
        self.duplicate_banner.reviewRequested.connect(self.reviewDuplicateRequested)
        self.duplicate_banner.decided.connect(self.pair_decided)
        self.form.editContactInfoButton.clicked.connect(lambda: self.edit_contact_info())

    # showing

    def show_customer(self, customer_id: int) -> None:
        """Load the customer from the store and show it (a single, quick read)."""
        try:
            view = self.desk.customer(customer_id)
        except DomainError as error:
            show_error(self, "Customer", error)
            return
        self.show_view(view)

    def reload(self) -> None:
        if self.view is not None:
            self.show_customer(self.view.id)

    def show_view(self, view: CustomerView) -> None:
        self.view = view
        form = self.form
        form.customerName.setText(view.full_name)
        form.customerVehicle.setText(view.vehicle or "No vehicle on file")
        form.customerNumber.setText(
            f"Customer # {view.customer_number}" if view.customer_number else f"Internal # {view.id}"
        )
        form.regularAmount.setText(_money(view.regular_amount))
        form.currentDueDate.setText(
            view.current_due_date.isoformat() if view.current_due_date else NOTHING
        )
        form.paymentFrequency.setText(
            view.payment_frequency.label if view.payment_frequency else NOTHING
        )
        form.currentAmountDue.setText(_money(view.current_amount_due))
        self._show_banner(view)
        self.duplicate_banner.show_pairs(view.id, view.duplicates)
        self.phones.show_points(view.phones)
        self.emails.show_points(view.emails)
        self.contacts.show_contacts(view)
        self.programs.show_programs(view)
        for table in (form.phoneTable, form.emailTable):
            table.resizeColumnsToContents()
        for table in (form.phoneTable, form.emailTable, form.additionalContactsTable):
            _fit_height(table)
        self.customerChanged.emit(view.id)

    def show_contact_info(self, info: ContactInfoView) -> None:
        """After a save of phones and emails, what it returned: the rows that changed are
        repainted, the banner and the card's Contact Information follow; nothing is read
        again, and a table is refitted only when more than a Primary check changed."""
        if self.view is None:
            return
        before = self.view
        self._hold(before.with_contact_info(info))
        self._show_banner(self.view)
        for table, model, old, new in (
            (self.form.phoneTable, self.phones, before.phones, info.phones),
            (self.form.emailTable, self.emails, before.emails, info.emails),
        ):
            model.show_points(new)
            if _laid_out(old) != _laid_out(new):
                table.resizeColumnsToContents()
                _fit_height(table)
        self.contactInfoChanged.emit(self.view)

    def follow_version(self, customer_id: int, version: int) -> None:
        """A save the page shows nothing of (a suppression, on the card) moved the customer's
        version: the page's copy takes it, so its own next save is not refused as stale."""
        if self.view is not None and self.view.id == customer_id:
            self._hold(replace(self.view, version=version))

    def pair_decided(self, pair: PossibleDuplicateView) -> None:
        """A possible duplicate was decided (here or in the queue): the banner drops it."""
        if self.view is not None and pair.id in {p.id for p in self.view.duplicates}:
            self._hold(replace(self.view, duplicates=without_pair(self.view.duplicates,
                                                                  pair.id)))
            self.duplicate_banner.show_pairs(self.view.id, self.view.duplicates)

    def _hold(self, view: CustomerView) -> None:
        """The customer as saved last, shown as it was: the sections' saves (Add Contact,
        Update customer details) expect its version too."""
        self.view = self.contacts.view = self.programs.customer = view

    def _show_banner(self, view: CustomerView) -> None:
        banner = self.form.contactWarning
        text = "\n".join(view.warnings)
        if banner.text() != text:
            banner.setText(text)
        banner.setVisible(bool(view.warnings))

    # changing

    def choose_primary(self, point: ContactPointView) -> bool:
        """The Primary checkbox: one transaction, the old primary unchecks with it."""
        changes = ContactInfoChanges(primaries=(point.id,))
        # The Edit menu shows it as "Undo Make ...": an "&" in an email stays one.
        return self._save(changes, f"Make {no_mnemonic(point.display)} the primary "
                                   f"{point.kind.label.lower()}")

    def edit_contact_info(self, add: ContactKind | None = None, focus: int | None = None) -> None:
        """The edit dialog; from the card, with a new row of ``add`` or the row ``focus``."""
        if self.view is None:
            return
        dialog = self._edit_dialog()
        if add is not None:
            dialog.add_row(add)
        elif focus is not None:
            dialog.focus_point(focus)
        while dialog.exec() == CONFLICT:
            pending = dialog.pending()
            show_error(self, "Edit Contact Info", ConflictError(
                "Another desk saved changes to this customer first. Their changes are shown "
                "now, and your edits are kept in the dialog: check them and save again."
            ))
            self.reload()
            dialog = self._edit_dialog()
            dialog.carry_over(pending)

    def _edit_dialog(self) -> EditContactInfoDialog:
        assert self.view is not None
        return EditContactInfoDialog(self.view, self.desk.home_region(), self._save_from_dialog,
                                     self, load=self.desk.customer,
                                     read_file=self.desk.read_chosen_file)

    def _save_from_dialog(self, changes: ContactInfoChanges,
                          edited: CustomerView | None = None) -> None:
        """Raises the domain error for the dialog to show; on success the page reloads. The
        version expected is the one the dialog shows: the page may have been shown afresh
        (another desk's change) while the clerk typed."""
        self._save(changes, "Edit contact info", raise_errors=True, before=edited)

    def _save(self, changes: ContactInfoChanges, text: str, raise_errors: bool = False,
              before: CustomerView | None = None) -> bool:
        before = before or self.view
        if before is None:
            return False
        try:
            saved = self.desk.save_contact_info(before.id, changes, before.version)
        except DomainError as error:
            if raise_errors:
                raise
            show_error(self, "Contact Info", error)
            self.reload()
            return False
        self.undo.push(ContactInfoCommand(self.desk, before, changes, saved, text))
        self.show_contact_info(saved.info)
        return True


def _prepare_table(table: QTableView, model: ContactPointsModel) -> None:
    table.setModel(model)
    table.setItemDelegateForColumn(CONTACT, BadgeDelegate(table))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    # One line a row: rows sized to their contents asked every cell of the table for its
    # size at each layout, a few thousand calls into the model per customer opened.
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(rows.minimumSectionSize())  # the height a line is given
    table.setColumnWidth(PRIMARY, 64)


def _fit_height(table: QTableView, least_rows: int = 2) -> None:
    """As tall as its rows (at least two), so the page reads top to bottom without gaps.

    Room for the horizontal scroll bar is always kept: on a narrow window it must not
    cover the last row.
    """
    rows = max(table.model().rowCount(), least_rows)
    row_height = table.verticalHeader().defaultSectionSize()
    if table.model().rowCount() and table.verticalHeader().sectionResizeMode(0) \
            != QHeaderView.ResizeMode.Fixed:
        row_height = max(row_height, table.sizeHintForRow(0))  # every row is one line
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += rows * row_height + table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height + 2)


def _laid_out(points: tuple[ContactPointView, ...]) -> list[tuple[object, ...]]:
    """What a table's column widths and height depend on: all but the Primary check."""
    return [(p.id, p.type, p.display, p.status, p.status_date, p.can_receive_texts,
             tuple(badge.text for badge in badges(p))) for p in points]


def _money(amount: Decimal | None) -> str:
    return f"${amount:,.2f}" if amount is not None else NOTHING
