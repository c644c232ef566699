"""Who is at the desk and which database: the one door from the window to the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import AssignmentRole, AttemptOutcome, Channel, DealVehicleKind
from contact_desk.domain.household import Relation
from contact_desk.domain.merge import MergeChoices
from contact_desk.services import (
    activity,
    additional_contacts,
    card,
    customers,
    deals,
    duplicates,
    files,
    garage,
    history,
    households,
    merge,
    sign_in,
    summary,
    suppressions,
    users,
)
from contact_desk.os_login import os_login
from contact_desk.services.sign_in import DeskUser
from contact_desk.services.contact_info import ContactInfoChanges, SavedContactInfo, save_contact_info
from contact_desk.services.views import (
    CardView,
    CustomerHit,
    CustomerView,
    SummaryView,
)
from contact_desk.store.database import Database
from contact_desk.store.unit_of_work import UnitOfWork
from contact_desk.services import program_views, programs
from contact_desk.services.additional_contacts import RemovedContact, SavedContact
from contact_desk.services.customers import SavedDetails, VerificationUpload
from contact_desk.services.duplicates import PossibleDuplicateView, QueuePage
from contact_desk.services.households import SavedLinks
from contact_desk.services.garage import GarageEntry, RemovedVehicle
from contact_desk.services.merge import MergeDone, MergePreview, Unmerged
from contact_desk.services.forms import ContactForm, CustomerForm, PersonForm
from contact_desk.services.program_views import ProgramView
from contact_desk.services.programs import Replacement
from contact_desk.services.suppressions import SavedSuppressions, SuppressionForm

if TYPE_CHECKING:  # mail and the file formats load when first used: the window starts sooner
    from contact_desk.domain.consent import Purpose
    from contact_desk.domain.recipients import MessageType
    from contact_desk.services.contact_apps import ContactApps
    from contact_desk.services.duplicate_scan import ScanReport
    from contact_desk.services.mail import InviteSent, MailSettings
    from contact_desk.services.reach import StartedContact
    from contact_desk.services.recipients import RecipientList
    from contact_desk.sync.reply_report import ReplyImportReport
    from contact_desk.sync.report import AdfReport, SyncReport, VcardImportReport


Progress = Callable[[int, int], None]


def now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Desk:
    """The window calls these; each is one service call with its own transaction."""

    database: Database
    actor: Actor
    # What "now" is for the reach questions (the card's lines, click-to-contact, who
    # receives): one clock for the window, which a test sets.
    clock: Callable[[], datetime] = field(default=now)

    def read_chosen_file(self, path: Path, limit: int) -> bytes:
        """A file the clerk chose (a document to attach): never the database's own files."""
        return files.read_input(self.database, path, limit)

    def search(self, query: str, limit: int, offset: int, after: int | None,
               backwards: bool = False) -> list[CustomerHit]:
        return customers.search_customers(self.database.unit_of_work(), query, limit, offset,
                                          after, backwards)

    def count_search(self, query: str) -> int:
        return customers.count_search(self.database.unit_of_work(), query)

    def customer_hits(self, customer_ids: list[int]) -> list[CustomerHit]:
        return customers.customer_hits(self.database.unit_of_work(), customer_ids)

    def customer(self, customer_id: int) -> CustomerView:
        return customers.open_customer(self.database.unit_of_work(), customer_id)

    def save_contact_info(
        self, customer_id: int, changes: ContactInfoChanges, expected_version: int
    ) -> SavedContactInfo:
        return save_contact_info(
            self.database.unit_of_work(), self.actor, customer_id, changes, expected_version
        )

    # people on the account

    # Each save returns the ids and versions its undo and redo expect.

    def add_contact(self, customer_id: int, contact: ContactForm,
                    version: int | None) -> SavedContact:
        return additional_contacts.add_contact(self._uow(), self.actor, customer_id, contact,
                                               expected_version=version)

    def edit_contact(self, contact_id: int, form: ContactForm, person_version: int,
                     version: int | None = None) -> SavedContact:
        return additional_contacts.edit_contact(
            self._uow(), self.actor, contact_id, form, expected_person_version=person_version,
            expected_version=version)

    def use_existing_contact(self, customer_id: int, person_id: int, form: ContactForm,
                             version: int | None = None) -> SavedContact:
        """The person already known, on this account with the place the form gives them."""
        return additional_contacts.link_existing_contact(
            self._uow(), self.actor, customer_id, person_id, role=form.role,
            role_description=form.role_description, primary_contact=form.primary_contact,
            preferences=form.preferences, expected_version=version)

    def remove_contact(self, contact_id: int, person_version: int | None = None,
                       version: int | None = None) -> RemovedContact:
        return additional_contacts.remove_contact(
            self._uow(), self.actor, contact_id, expected_person_version=person_version,
            expected_version=version)

    def put_back_contact(self, removed: RemovedContact, version: int) -> SavedContact:
        return additional_contacts.put_back_contact(self._uow(), self.actor, removed, version)

    def send_invite(self, contact_id: int) -> InviteSent:
        """Sends mail: call it off the GUI thread."""
        from contact_desk.services import mail

        return mail.send_portal_invite(self._uow, self.actor, contact_id,
                                       mail.mail_settings(self._uow()))

    def mail_settings(self) -> MailSettings:
        from contact_desk.services import mail

        return mail.mail_settings(self._uow())

    def save_mail_settings(self, settings: MailSettings, password: str | None) -> None:
        from contact_desk.services import mail

        mail.save_mail_settings(self._uow(), self.actor, settings, password)

    # reaching the customer

    def start_contact(self, point_id: int, channel: Channel,
                      purpose: Purpose) -> StartedContact:
        """Asks can_reach at the desk's clock; raises ContactRefused with the reason."""
        from contact_desk.services import reach

        return reach.start_contact(self._uow(), self.actor, point_id, channel, purpose,
                                   self.clock())

    def contact_apps(self) -> ContactApps:
        from contact_desk.services import contact_apps

        return contact_apps.contact_apps(self._uow())

    def save_contact_apps(self, apps: ContactApps) -> ContactApps:
        from contact_desk.services import contact_apps

        return contact_apps.save_contact_apps(self._uow(), self.actor, apps)

    def recipients(self, customer_id: int, message: MessageType,
                   vehicle_id: int | None = None) -> RecipientList:
        """Who receives ``message`` sent now (the desk's clock), about the vehicle if any."""
        from contact_desk.services import recipients

        # "#id": the internal id, even where a DMS number is the same digits.
        return recipients.recipients_for(self._uow(), f"#{customer_id}", message,
                                         self.clock(), vehicle_id)

    # the contact card

    def card(self, customer_id: int) -> CardView:
        return card.contact_card(self._uow(), customer_id)

    def log_attempt(self, customer_id: int, channel: Channel, outcome: AttemptOutcome) -> None:
        activity.log_contact_attempt(self._uow(), self.actor, customer_id, channel, outcome)

    def add_note(self, customer_id: int, text: str) -> int:
        return activity.add_note(self._uow(), self.actor, customer_id, text)

    def withdraw_note(self, note_id: int) -> None:
        activity.withdraw_note(self._uow(), self.actor, note_id)

    def restore_note(self, note_id: int) -> None:
        activity.restore_note(self._uow(), self.actor, note_id)

    def add_vehicle(self, customer_id: int, vin: str, year: int | None, make: str,
                    model: str) -> GarageEntry:
        return garage.add_vehicle(self._uow(), self.actor, customer_id, vin, year, make, model)

    def edit_vehicle(self, vehicle_id: int, version: int, vin: str, year: int | None,
                     make: str, model: str) -> int:
        """Returns the vehicle's version after the edit."""
        return garage.edit_vehicle(self._uow(), self.actor, vehicle_id, vin, year, make, model,
                                   expected_version=version)

    def remove_vehicle(self, vehicle_id: int, version: int) -> RemovedVehicle:
        return garage.remove_vehicle(self._uow(), self.actor, vehicle_id,
                                     expected_version=version)

    def put_back_vehicle(self, removed: RemovedVehicle) -> GarageEntry:
        return garage.put_back_vehicle(self._uow(), self.actor, removed)

    def add_deal_vehicle(self, deal_id: int, kind: DealVehicleKind, vin: str,
                         year: int | None, make: str, model: str) -> None:
        deals.add_deal_vehicle(self._uow(), self.actor, deal_id, kind, vin, year, make, model)

    def change_deal_source(self, deal_id: int, source: str) -> None:
        deals.change_deal_source(self._uow(), self.actor, deal_id, source)

    def assign(self, customer_id: int, role: AssignmentRole, user_id: int | None,
               expected_user_id: int | None) -> None:
        users.assign_user(self._uow(), self.actor, customer_id, role, user_id,
                          expected_user_id)

    def history(self, customer_id: int) -> history.CustomerHistory:
        return history.customer_history(self._uow(), customer_id)

    def export_history(self, path: str | Path, entries: tuple[history.HistoryEntry, ...]) -> int:
        return history.export_history_csv(self.database, Path(path), entries)

    def desk_users(self) -> list[Actor]:
        return users.list_users(self._uow())

    def desk_people(self) -> list[DeskUser]:
        return sign_in.desk_people(self._uow(), os_login())

    def set_pin(self, login: str, pin: str) -> str:
        return sign_in.set_pin(self._uow(), self.actor, login, pin)

    def regenerate_summary(self, customer_id: int) -> SummaryView:
        return summary.regenerate_summary(self._uow(), self.actor, customer_id)

    # suppressed messages: each returns what is in force after it and the version it left

    def suppress(self, customer_id: int, form: SuppressionForm,
                 version: int) -> SavedSuppressions:
        return suppressions.suppress(self._uow(), self.actor, customer_id, form, version)

    def lift_suppression(self, suppression_id: int, version: int) -> SavedSuppressions:
        return suppressions.lift_suppression(self._uow(), self.actor, suppression_id, version)

    def put_back_suppression(self, suppression_id: int, version: int) -> SavedSuppressions:
        """Undo of a lift (and redo of a suppression): in force again as it was."""
        return suppressions.put_back_suppression(self._uow(), self.actor, suppression_id,
                                                 version)

    # merging two customers who are one person

    def merge_preview(self, keep_id: int, other_id: int) -> MergePreview:
        """The two side by side and the default of each choice; refused for a customer and
        itself, or one gone or merged away."""
        return merge.merge_preview(self._uow(), self.actor, keep_id, other_id)

    def merge_customers(self, keep_id: int, other_id: int, choices: MergeChoices | None,
                        keep_version: int | None, other_version: int | None) -> MergeDone:
        return merge.merge_customers(self._uow(), self.actor, keep_id, other_id, choices,
                                     keep_version, other_version)

    def unmerge(self, merge_id: int) -> Unmerged:
        return merge.unmerge(self._uow(), self.actor, merge_id)
    # linked customers (households and relationships)

    def link_customers(self, customer_id: int, other_id: int, relation: Relation,
                       receives_contracts: bool, version: int) -> SavedLinks:
        return households.link_customers(self._uow(), self.actor, customer_id, other_id,
                                         relation, receives_contracts, version)

    def unlink(self, link_id: int, customer_id: int, version: int) -> SavedLinks:
        return households.unlink(self._uow(), self.actor, link_id, customer_id, version)

    def put_back_link(self, link_id: int, customer_id: int, version: int) -> SavedLinks:
        """Undo of an unlink (and redo of a link)."""
        return households.put_back_link(self._uow(), self.actor, link_id, customer_id,
                                        version)

    # possible duplicates

    def duplicate_queue(self, limit: int = 500) -> QueuePage:
        return duplicates.duplicate_queue_page(self._uow(), limit)

    def not_a_duplicate(self, pair_id: int) -> PossibleDuplicateView:
        return duplicates.not_a_duplicate(self._uow(), self.actor, pair_id)

    def scan_for_duplicates(self, progress: Progress | None = None,
                            cancelled: Callable[[], bool] | None = None) -> ScanReport:
        """Slow: every customer against those it shares something with (off the GUI thread)."""
        from contact_desk.services.duplicate_scan import scan_for_duplicates

        return scan_for_duplicates(self.database, self.actor, progress, cancelled)

    # sync and interop (slow: call them off the GUI thread)

    def sync_dms(self, path: Path, progress: Progress | None = None) -> SyncReport:
        from contact_desk.sync import dms

        return dms.sync_dms(self.database, self.actor, path, progress=progress)

    def import_adf(self, path: Path) -> AdfReport:
        from contact_desk.sync import adf

        return adf.import_adf(self.database, self.actor, path)

    def import_vcards(self, path: Path, progress: Progress | None = None) -> VcardImportReport:
        from contact_desk.sync import vcard

        return vcard.import_vcards(self.database, self.actor, path, progress)

    def import_replies(self, path: Path, progress: Progress | None = None,
                       cancelled: Callable[[], bool] | None = None) -> ReplyImportReport:
        from contact_desk.sync import replies

        return replies.import_replies(self.database, self.actor, path, progress=progress,
                                      cancelled=cancelled)

    def export_vcards(self, path: Path, progress: Progress | None = None) -> int:
        from contact_desk.sync import vcard

        return vcard.export_vcards(self.database, self.actor, path, progress=progress)

    def _uow(self) -> UnitOfWork:
        return self.database.unit_of_work()

    def home_region(self) -> str:
        return customers.home_region_of(self.database.unit_of_work())

    # finance programs

    def programs_of(self, customer_id: int) -> tuple[ProgramView, ...]:
        """The customer's programs, with the actions this desk's user may take on each."""
        return program_views.program_views(self._uow(), customer_id, self.actor)

    def address_needs_verification(self, customer_id: int) -> bool:
        return programs.address_needs_verification(self._uow(), customer_id)

    def update_customer_details(self, customer_id: int, details: CustomerForm,
                                verification: VerificationUpload | None,
                                version: int) -> SavedDetails:
        return customers.update_customer_details(
            self._uow(), self.actor, customer_id, details, verification=verification,
            expected_version=version)

    def put_back_customer_details(self, customer_id: int, details: CustomerForm,
                                  version: int) -> SavedDetails:
        return customers.put_back_customer_details(self._uow(), self.actor, customer_id,
                                                   details, version)

    def replace_program_customer(self, program_id: int, customer_id: int) -> Replacement:
        return programs.replace_program_customer(self._uow(), self.actor, program_id,
                                                 customer_id)

    def replace_program_customer_with_new(self, program_id: int,
                                          customer: CustomerForm) -> Replacement:
        return programs.replace_program_customer_with_new(self._uow(), self.actor, program_id,
                                                          customer)

    def replace_program_contact(self, program_id: int, person_id: int) -> Replacement:
        return programs.replace_program_contact(self._uow(), self.actor, program_id, person_id)

    def replace_program_contact_with_new(self, program_id: int,
                                         contact: ContactForm) -> Replacement:
        return programs.replace_program_contact_with_new(self._uow(), self.actor, program_id,
                                                         contact)

    def update_program_contact_details(self, program_id: int, person: PersonForm,
                                       person_version: int) -> list[str]:
        return programs.update_program_contact_details(
            self._uow(), self.actor, program_id, person, expected_person_version=person_version)
