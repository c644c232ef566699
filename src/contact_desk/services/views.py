"""What services hand back to the UI and CLI: plain, frozen snapshots of a customer."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from contact_desk.domain.best_contact import BestContact
from contact_desk.domain.consent import CHANNELS_OF_KIND, ConsentState, ConsentSummary, Purpose
from contact_desk.domain.enums import (
    AssignmentRole,
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactPointType,
    ContactRole,
    ContactStatus,
    DealStage,
    PaymentFrequency,
    Source,
    TextConsent,
    VehicleSource,
)
from contact_desk.domain.program import bill_to_address

if TYPE_CHECKING:
    from contact_desk.services.duplicates import PossibleDuplicateView


@dataclass(frozen=True)
class ContactPointView:
    id: int
    kind: ContactKind
    type: ContactPointType
    value: str
    extension: str
    display: str
    status: ContactStatus
    status_date: date
    is_primary: bool
    can_receive_texts: bool
    consent: ConsentSummary
    version: int
    why_not_primary: str | None

    @property
    def source(self) -> Source:
        return self.type.source

    # The consent at a glance, as the columns before consent records said it (derived).
    @property
    def do_not_call(self) -> bool:
        return self.consent.opted_out(Channel.CALL, Purpose.TRANSACTIONAL)

    @property
    def do_not_text(self) -> bool:
        return self.consent.opted_out(Channel.TEXT, Purpose.TRANSACTIONAL)

    @property
    def text_consent(self) -> TextConsent:
        state = self.consent.state(Channel.TEXT, Purpose.MARKETING)
        if state.is_opt_out or self.do_not_text:
            return TextConsent.OPTED_OUT
        return TextConsent.OPTED_IN if state is ConsentState.OPTED_IN else TextConsent.NOT_ASKED

    @property
    def marketing_opt_out(self) -> bool:
        return self.consent.opted_out(Channel.EMAIL, Purpose.MARKETING)

    def consent_states(self) -> dict[str, str]:
        """Each channel and purpose the value can carry: its state's label."""
        return {f"{channel.cli_name}/{purpose.cli_name}": self.consent.state(channel,
                                                                             purpose).label
                for channel in CHANNELS_OF_KIND[self.kind] for purpose in Purpose}

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "type": self.type.label,
            "source": self.source.label,
            "value": self.value,
            "display": self.display,
            "primary": self.is_primary,
            "status": self.status.label,
            "status_date": self.status_date.isoformat(),
        }
        if self.kind is ContactKind.PHONE:
            data.update(
                extension=self.extension,
                can_receive_texts=self.can_receive_texts,
                do_not_call=self.do_not_call,
                do_not_text=self.do_not_text,
                text_consent=self.text_consent.label,
            )
        else:
            data.update(marketing_opt_out=self.marketing_opt_out)
        data["consent"] = self.consent_states()
        return data


@dataclass(frozen=True)
class AdditionalContactView:
    id: int
    person_id: int
    first_name: str
    last_name: str
    role: ContactRole
    role_description: str
    email: str | None
    phone: str | None
    phone_display: str
    primary_contact: bool
    portal_access: bool
    preferences: tuple[CommunicationPreference, ...]
    invite_sent_at: datetime | None
    invite_sent_by: str | None
    person_version: int

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def role_label(self) -> str:
        if self.role is ContactRole.OTHER and self.role_description:
            return self.role_description
        return self.role.label

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "role": self.role.label,
            "role_description": self.role_description,
            "email": self.email,
            "phone": self.phone,
            "primary_contact": self.primary_contact,
            "portal_access": self.portal_access,
            "preferences": [p.label for p in self.preferences],
            "invite_sent_at": self.invite_sent_at.isoformat() if self.invite_sent_at else None,
            "invite_sent_by": self.invite_sent_by,
        }


@dataclass(frozen=True)
class ContactInfoView:
    """A customer's phones and emails and the banner's warnings, with the customer's
    version: what a save of contact info changes on the page, returned by that save."""

    phones: tuple[ContactPointView, ...]
    emails: tuple[ContactPointView, ...]
    warnings: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class CustomerView:
    id: int
    customer_number: str | None
    first_name: str
    last_name: str
    company: str
    full_name: str
    birth_date: date | None
    address_line1: str
    city: str
    state: str
    postal_code: str
    regular_amount: Decimal | None
    current_due_date: date | None
    payment_frequency: PaymentFrequency | None
    current_amount_due: Decimal | None
    vehicle: str
    version: int
    phones: tuple[ContactPointView, ...]
    emails: tuple[ContactPointView, ...]
    contacts: tuple[AdditionalContactView, ...]
    warnings: tuple[str, ...] = field(default=())
    # The open possible duplicates it is one of (the banner's "may be the same person").
    duplicates: tuple[PossibleDuplicateView, ...] = field(default=())

    @property
    def address(self) -> str:
        return bill_to_address(self.address_line1, self.city, self.state, self.postal_code)

    def with_contact_info(self, info: ContactInfoView) -> CustomerView:
        """This customer after a save of its phones and emails, as the save returned them."""
        return replace(self, phones=info.phones, emails=info.emails, warnings=info.warnings,
                       version=info.version)

    def primary(self, kind: ContactKind) -> ContactPointView | None:
        points = self.phones if kind is ContactKind.PHONE else self.emails
        return next((p for p in points if p.is_primary), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer_number": self.customer_number,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "company": self.company,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "address": {
                "line1": self.address_line1,
                "city": self.city,
                "state": self.state,
                "postal_code": self.postal_code,
            },
            "account": {
                "regular_scheduled_amount": _money(self.regular_amount),
                "current_due_date": _iso(self.current_due_date),
                "payment_frequency": self.payment_frequency.label if self.payment_frequency else None,
                "current_amount_due": _money(self.current_amount_due),
            },
            "vehicle": self.vehicle,
            "version": self.version,
            "phones": [p.as_dict() for p in self.phones],
            "emails": [e.as_dict() for e in self.emails],
            "contacts": [c.as_dict() for c in self.contacts],
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class CustomerHit:
    """One row of the search results list; slotted, as a list scrolled to its end holds a
    million of them."""

    id: int
    customer_number: str | None
    name: str
    company: str
    primary_phone: str | None
    primary_email: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "customer_number": self.customer_number,
            "name": self.name,
            "company": self.company,
            "primary_phone": self.primary_phone,
            "primary_email": self.primary_email,
        }


# ---------------------------------------------------------------- the contact card panel


@dataclass(frozen=True)
class VehicleView:
    id: int
    year: int | None
    make: str
    model: str
    vin: str
    title: str
    source: VehicleSource
    version: int

    @property
    def source_label(self) -> str:
        return self.source.label


@dataclass(frozen=True)
class DealView:
    id: int
    stage: DealStage
    interested_vehicle: str | None  # the vehicle's title ("2026 Honda CR-V")
    trade_in: str | None
    source: str
    created_at: datetime
    source_locked: bool
    why_source_locked: str | None

    @property
    def stage_label(self) -> str:
        return self.stage.label


class AssignmentView(NamedTuple):
    """One line of Details; the user is None while nobody has the role."""

    role: AssignmentRole
    user_id: int | None
    user_name: str | None


@dataclass(frozen=True)
class NoteView:
    id: int
    text: str
    author: str | None
    at: datetime


@dataclass(frozen=True)
class InsightView:
    """The customer's visits to the dealership's website."""

    last_visit: datetime
    last_page: str
    total_browsing: timedelta


@dataclass(frozen=True)
class SummaryView:
    text: str
    generated_at: datetime


@dataclass(frozen=True)
class CardView:
    """Every section of the contact card but Contact Information (that is the CustomerView)."""

    customer_id: int
    birth_date: date | None
    best: BestContact
    open_deal: DealView | None
    garage: tuple[VehicleView, ...]  # owned vehicles, newest model year first
    assignments: tuple[AssignmentView, ...]  # Sales, BDC, Service BDC
    notes: tuple[NoteView, ...]  # newest first
    insight: InsightView | None  # None when the customer never visited the website
    summary: SummaryView | None  # None until one is generated

    @property
    def note_count(self) -> int:
        return len(self.notes)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
