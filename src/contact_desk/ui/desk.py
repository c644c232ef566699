"""Who is at the desk and which database: the one door from the window to the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contact_desk.domain.actor import Actor
from contact_desk.services import additional_contacts, customers, mail
from contact_desk.services.mail import InviteSent, MailSettings
from contact_desk.services.contact_info import ContactInfoChanges, SavedContactInfo, save_contact_info
from contact_desk.services.views import AdditionalContactView, CustomerHit, CustomerView
from contact_desk.store.database import Database
from contact_desk.sync import adf, dms, vcard
from contact_desk.sync.report import AdfReport, SyncReport, VcardImportReport
from contact_desk.store.unit_of_work import UnitOfWork


Progress = Callable[[int, int], None]


@dataclass
class Desk:
    """The window calls these; each is one service call with its own transaction."""

    database: Database
    actor: Actor

    def search(self, query: str, limit: int, offset: int) -> list[CustomerHit]:
        return customers.search_customers(self.database.unit_of_work(), query, limit, offset)

    def customer(self, customer_id: int) -> CustomerView:
        return customers.get_customer(self.database.unit_of_work(), customer_id)

    def save_contact_info(
        self, customer_id: int, changes: ContactInfoChanges, expected_version: int
    ) -> SavedContactInfo:
        return save_contact_info(
            self.database.unit_of_work(), self.actor, customer_id, changes, expected_version
        )

    # people on the account

    def add_contact(self, customer_id: int, fields: dict[str, Any], version: int) -> int:
        return additional_contacts.add_contact(self._uow(), self.actor, customer_id,
                                               **fields, expected_version=version)

    def edit_contact(self, contact: AdditionalContactView, fields: dict[str, Any]) -> None:
        additional_contacts.edit_contact(self._uow(), self.actor, contact.id, **fields,
                                         expected_person_version=contact.person_version)

    def use_existing_contact(self, customer_id: int, person_id: int,
                             fields: dict[str, Any]) -> int:
        return additional_contacts.link_existing_contact(
            self._uow(), self.actor, customer_id, person_id, role=fields["role"],
            role_description=fields["role_description"],
            primary_contact=fields["primary_contact"], preferences=fields["preferences"])

    def remove_contact(self, contact_id: int) -> str:
        return additional_contacts.remove_contact(self._uow(), self.actor, contact_id)

    def send_invite(self, contact_id: int) -> InviteSent:
        """Sends mail: call it off the GUI thread."""
        return mail.send_portal_invite(self._uow, self.actor, contact_id,
                                       mail.mail_settings(self._uow()))

    def mail_settings(self) -> MailSettings:
        return mail.mail_settings(self._uow())

    def save_mail_settings(self, settings: MailSettings, password: str | None) -> None:
        mail.save_mail_settings(self._uow(), self.actor, settings, password)

    # sync and interop (slow: call them off the GUI thread)

    def sync_dms(self, path: Path, progress: Progress | None = None) -> SyncReport:
        return dms.sync_dms(self.database, self.actor, path, progress=progress)

    def import_adf(self, path: Path) -> AdfReport:
        return adf.import_adf(self.database, self.actor, path)

    def import_vcards(self, path: Path, progress: Progress | None = None) -> VcardImportReport:
        return vcard.import_vcards(self.database, self.actor, path, progress)

    def export_vcards(self, path: Path, progress: Progress | None = None) -> int:
        return vcard.export_vcards(self.database, path, progress=progress)

    def _uow(self) -> UnitOfWork:
        return self.database.unit_of_work()

    def home_region(self) -> str:
        return customers.home_region_of(self.database.unit_of_work())
