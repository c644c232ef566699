"""The Contacts section of the customer page: add, edit, invite and remove people on the account."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QMessageBox, QPushButton, QTableView, QWidget

from contact_desk.domain.additional_contact import check_can_send_invite
from contact_desk.domain.errors import NotAllowed
from contact_desk.services.additional_contacts import RemovedContact, SavedContact
from contact_desk.services.forms import ContactForm
from contact_desk.services.views import AdditionalContactView, CustomerView
from contact_desk.ui.contact_dialog import ContactDialog
from contact_desk.ui.desk import Desk
from contact_desk.ui.long_work import run_with_progress
from contact_desk.ui.messages import message_box, show_error, show_info
from contact_desk.ui.models.additional_contacts import ACTIONS, AdditionalContactsModel
from contact_desk.ui.plain_text import no_mnemonic
from contact_desk.ui.row_actions import RowAction, RowActionsDelegate
from contact_desk.ui.undo import CustomerUndo, EditStep, PlaceStep


def why_no_invite(contact: AdditionalContactView) -> str | None:
    try:
        check_can_send_invite(contact.portal_access, contact.email, contact.full_name)
    except NotAllowed as refusal:
        return refusal.message
    return None


class ContactsSection(QObject):
    """Owns the contacts table and its actions; ``changed`` asks the page to reload."""

    changed = Signal()

    def __init__(self, table: QTableView, add_button: QPushButton, desk: Desk,
                 undo: CustomerUndo, parent: QWidget) -> None:
        super().__init__(parent)
        self.table, self.desk, self.parent_widget = table, desk, parent
        self.undo = undo
        self.model = AdditionalContactsModel(self)
        self.view: CustomerView | None = None
        table.setModel(self.model)
        header = table.horizontalHeader()
        # Sized to the contents when they change (show_contacts): a header that sizes itself
        # to its contents asks every cell again at each layout of the page.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        table.setItemDelegateForColumn(ACTIONS, RowActionsDelegate(self.actions, table))
        table.activated.connect(lambda index: self.edit(index.row()))
        table.customContextMenuRequested.connect(self._menu)
        table.installEventFilter(self)
        add_button.clicked.connect(self.add)

    def show_contacts(self, view: CustomerView) -> None:
        self.view = view
        self.model.show_contacts(view.contacts)
        self.table.resizeColumnsToContents()

    # actions

    def add(self) -> None:
        if self.view is None:
            return
        view = self.view

        def save(form: ContactForm, _shown: AdditionalContactView | None) -> None:
            saved = self.desk.add_contact(view.id, form, view.version)
            self.undo.push(self._place_step(view.id, f"Add contact {_named(form)}",
                                            placed=saved))

        self._open_dialog(None, save)

    def edit(self, row: int) -> None:
        contact = self.model.contact(row)
        view = self.view
        if view is None:
            return

        def save_fields(form: ContactForm, saved: SavedContact) -> SavedContact:
            return self.desk.edit_contact(saved.account_contact_id, form, saved.person_version,
                                          saved.version)

        def save(form: ContactForm, shown: AdditionalContactView | None) -> None:
            """``shown``: the contact as the dialog last loaded them (Reload brings another
            desk's change), the version the save expects and the undo goes back to."""
            shown = shown or contact
            before = ContactForm.of(shown)
            saved = self.desk.edit_contact(shown.id, form, shown.person_version)
            self.undo.push(EditStep(view.id, f"Edit contact {_named(before)}", before, form,
                                    saved, save_fields))

        self._open_dialog(contact, save)

    def send_invite(self, row: int) -> None:
        contact = self.model.contact(row)
        reason = why_no_invite(contact)
        if reason:
            show_error(self.parent_widget, "Send invite", reason)
            return
        try:
            sent = run_with_progress(self.parent_widget, "Send invite",
                                     f"Sending the portal invite to {contact.email}…",
                                     lambda _: self.desk.send_invite(contact.id),
                                     cancellable=False)
        except Exception as error:
            show_error(self.parent_widget, "Send invite", error)
            return
        self.changed.emit()
        if sent.via == "smtp":
            show_info(self.parent_widget, "Invite sent",
                      f"The portal invite was sent to {sent.person_name} at {sent.to_address}.")
        else:
            show_info(self.parent_widget, "Invite saved as a file",
                      "No mail server is set up, so the invite was not emailed. It was saved "
                      f"as a file you can open or forward:\n\n{sent.eml_path}\n\n"
                      "To email invites, fill in File → Mail Server Settings.")

    def delete(self, row: int) -> None:
        contact = self.model.contact(row)
        loses = ", ".join(p.label for p in contact.preferences) or "no messages"
        access = " They will no longer be able to log in to the customer portal." \
            if contact.portal_access else ""
        box = message_box(self.parent_widget, QMessageBox.Icon.Question, "Remove contact",
                          f"Remove {contact.full_name} ({contact.role_label}) from this "
                          f"account?\n\nThey will stop receiving: {loses}.{access}",
                          QMessageBox.StandardButton.Cancel, name="confirmRemoveContact")
        remove = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not remove:
            return
        customer_id = self.view.id if self.view is not None else None
        try:
            removed = self.desk.remove_contact(contact.id, contact.person_version)
        except Exception as error:
            show_error(self.parent_widget, "Remove contact", error)
        else:
            if customer_id is not None:
                self.undo.push(self._place_step(
                    customer_id, f"Remove contact {no_mnemonic(contact.full_name)}",
                    taken=removed))
        self.changed.emit()

    def _place_step(self, customer_id: int, text: str, **state: object
                    ) -> PlaceStep[SavedContact, RemovedContact]:
        """Undo and redo take the person off the account and put them back, in turn, each
        expecting the versions the other left."""
        return PlaceStep(
            customer_id, text,
            lambda saved: self.desk.remove_contact(
                saved.account_contact_id, saved.person_version, saved.version),
            lambda removed: self.desk.put_back_contact(removed, removed.version),
            **state)  # type: ignore[arg-type]

    # building

    def _open_dialog(self, contact: AdditionalContactView | None,
                     save: Callable[[ContactForm, AdditionalContactView | None], object]
                     ) -> None:
        """``save`` gets what was typed and the contact as the dialog last loaded it (another
        desk's change may have been reloaded into it), whose version the save expects."""
        view = self.view
        if view is None:
            return

        def use_existing(person_id: int, form: ContactForm) -> None:
            saved = self.desk.use_existing_contact(view.id, person_id, form)
            self.undo.push(self._place_step(view.id, f"Add contact {_named(form)}",
                                            placed=saved))

        dialog = ContactDialog(
            self.desk.home_region(), lambda form: save(form, dialog.contact), use_existing,
            contact, self.parent_widget,
            load=lambda: self._stored(view.id, contact.id) if contact else None,
            customer_id=view.id)
        dialog.exec()
        self.changed.emit()  # saved, or refused because another desk saved: show what is stored

    def _stored(self, customer_id: int, contact_id: int) -> AdditionalContactView | None:
        return next((c for c in self.desk.customer(customer_id).contacts if c.id == contact_id),
                    None)

    def actions(self, row: int) -> tuple[RowAction, ...]:
        """The buttons of the row of ``row``: Edit, Send invite (when it can be sent), Delete."""
        contact = self.model.contact(row)
        invite_reason = why_no_invite(contact)
        again = " again" if contact.invite_sent_at else ""
        return (
            RowAction("editContactButton", "Edit", f"Edit {contact.full_name}", self.edit),
            RowAction("sendInviteButton", f"Send invite{again}",
                      invite_reason or f"Email a portal invite to {contact.email}",
                      self.send_invite, invite_reason is None),
            RowAction("deleteContactButton", "Delete",
                      f"Remove {contact.full_name} from this account", self.delete),
        )

    def _menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        row, contact = index.row(), self.model.contact(index.row())
        menu = QMenu(self.table)
        menu.addAction("Edit…", lambda: self.edit(row))
        invite = QAction("Send invite", menu)
        invite.setEnabled(why_no_invite(contact) is None)
        invite.triggered.connect(lambda: self.send_invite(row))
        menu.addAction(invite)
        menu.addAction("Delete…", lambda: self.delete(row))
        menu.exec(self.table.viewport().mapToGlobal(position))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Delete  # type: ignore[attr-defined]
                and self.table.currentIndex().isValid()):
            self.delete(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)


def _named(form: ContactForm) -> str:
    """A person as the Edit menu names them ("Undo Add contact Ann Lee"); "&" stays one."""
    return no_mnemonic(f"{form.first_name} {form.last_name}".strip())
