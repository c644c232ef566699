"""The people on a customer's account as a table: who, role, how to reach, what they receive."""

from __future__ import annotations


from contact_desk.domain.enums import CommunicationPreference
from contact_desk.services.views import AdditionalContactView
from contact_desk.ui.models.columns import Column, RowsModel, local_time

ALL_PREFERENCES = len(CommunicationPreference)


def communication(contact: AdditionalContactView) -> str:
    return f"{len(contact.preferences)} of {ALL_PREFERENCES}"


def communication_tooltip(contact: AdditionalContactView) -> str:
    if not contact.preferences:
        return f"{contact.full_name} receives no messages."
    return f"{contact.full_name} receives: " + ", ".join(p.label for p in contact.preferences)


def _access_tooltip(contact: AdditionalContactView) -> str | None:
    if not contact.portal_access:
        return None
    if contact.invite_sent_at is None:
        return "Logs in to the customer portal with their email. No invite sent yet."
    return (f"Invite sent {local_time(contact.invite_sent_at)} by "
            f"{contact.invite_sent_by or 'someone'}.")


def _name(contact: AdditionalContactView) -> str:
    return f"{contact.full_name} (primary)" if contact.primary_contact else contact.full_name


COLUMNS: tuple[Column[AdditionalContactView], ...] = (
    Column("Name", _name, tooltip=lambda c: "Primary contact: main point of contact"
           if c.primary_contact else None),
    Column("Role", lambda c: c.role_label),
    Column("Email", lambda c: c.email or ""),
    Column("Phone", lambda c: c.phone_display),
    Column("Communication", communication, tooltip=communication_tooltip),
    Column("Access", lambda c: "Portal Access" if c.portal_access else "",
           tooltip=_access_tooltip),
    Column("", lambda c: ""),  # the row's actions: edit, send invite, delete
)
ACTIONS = len(COLUMNS) - 1


class AdditionalContactsModel(RowsModel[AdditionalContactView]):
    columns = COLUMNS

    def contact(self, row: int) -> AdditionalContactView:
        return self.rows[row]

    def show_contacts(self, contacts: tuple[AdditionalContactView, ...]) -> None:
        self.beginResetModel()
        self.rows = list(contacts)
        self.endResetModel()
