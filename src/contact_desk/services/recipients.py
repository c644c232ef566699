"""Who would receive a message sent to a customer: read-only, for the desk and for scripts."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from contact_desk.domain.consent import NOTHING_RECORDED, ConsentSummary
from contact_desk.domain.enums import CommunicationPreference, ContactKind
from contact_desk.domain.recipients import ContactFacts, MessageType, Recipient, who_receives
from contact_desk.domain.suppression import Suppression
from contact_desk.services.consent import summaries
from contact_desk.services.customers import customer_view
from contact_desk.services.households import co_buyers_for_contracts
from contact_desk.services.lookup import find_customer
from contact_desk.services.reach import reach_target
from contact_desk.services.suppressions import in_force
from contact_desk.services.views import CustomerView
from contact_desk.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class RecipientList:
    """Everyone considered for one message to one customer, with why each is in or out."""

    customer_id: int
    customer_number: str | None
    customer_name: str
    message_type: MessageType
    recipients: tuple[Recipient, ...]
    suppression: Suppression | None = None

    @property
    def included(self) -> tuple[Recipient, ...]:
        return tuple(r for r in self.recipients if r.included)

    @property
    def left_out(self) -> tuple[Recipient, ...]:
        return tuple(r for r in self.recipients if not r.included)

    def as_dict(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "customer_number": self.customer_number,
            "customer_name": self.customer_name,
            "message_type": self.message_type.cli_name,
            "message_label": self.message_type.label,
            "suppressed": self.suppression.describe() if self.suppression else None,
            "recipients": [{**asdict(r), "channel": r.channel.label,
                            "not_before": r.not_before.isoformat() if r.not_before else None}
                           for r in self.recipients],
        }


def recipients_for(
    uow: UnitOfWork, customer_key: str | int, message_type: MessageType,
    at: datetime | None = None, vehicle_id: int | None = None,
) -> RecipientList:
    """Who gets ``message_type`` sent to the customer numbered ``customer_key`` at ``at``
    (aware; default now), about the vehicle ``vehicle_id`` if it is about one; writes
    nothing."""
    at = at or datetime.now(timezone.utc)
    with uow:
        session = uow.session
        view = customer_view(session, find_customer(session, customer_key))
        co_buyers = (_co_buyers(session, view.id) if message_type is MessageType.CONTRACTS
                     else [])
        consent = summaries(session, ((ContactKind.EMAIL, c.email.casefold())
                                      for c in view.contacts if c.email))
        suppression = next((s for s in in_force(session, view.id, at.date())
                            if s.applies(message_type, vehicle_id, at.date())), None)
    phone, email = view.primary(ContactKind.PHONE), view.primary(ContactKind.EMAIL)
    return RecipientList(
        customer_id=view.id,
        customer_number=view.customer_number,
        customer_name=view.full_name,
        message_type=message_type,
        recipients=tuple(who_receives(
            message_type, view.full_name,
            reach_target(phone, view) if phone else None,
            reach_target(email, view) if email else None,
            [*_contacts(view, consent), *co_buyers], at=at, suppression=suppression)),
        suppression=suppression,
    )


CO_BUYER_ROLE = "Co-buyer, a linked customer"


def _co_buyers(session: Session, customer_id: int) -> list[ContactFacts]:
    """The linked co-buyers the customer asked to be sent their contracts: each on their
    own primary email, with its own consent."""
    found = []
    for co_buyer in co_buyers_for_contracts(session, customer_id):
        email = customer_view(session, co_buyer).primary(ContactKind.EMAIL)
        found.append(ContactFacts(
            name=co_buyer.full_name, role=CO_BUYER_ROLE,
            email=email.value if email else None, phone=None,
            preferences=frozenset({CommunicationPreference.CONTRACTS}),
            consent=email.consent if email else NOTHING_RECORDED))
    return found


def _contacts(view: CustomerView,
              consent: dict[tuple[ContactKind, str], ConsentSummary]) -> list[ContactFacts]:
    return [
        ContactFacts(
            name=contact.full_name,
            role=contact.role_label,
            email=contact.email,
            phone=contact.phone_display or None,
            preferences=frozenset(contact.preferences),
            consent=consent.get((ContactKind.EMAIL, (contact.email or "").casefold()),
                                NOTHING_RECORDED),
        )
        for contact in view.contacts
    ]
