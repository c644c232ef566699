"""Who would receive a message sent to a customer: read-only, for the desk and for scripts."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.recipients import (
    ContactFacts,
    EmailFacts,
    MessageType,
    PhoneFacts,
    Recipient,
    who_receives,
)
from contact_desk.services.customers import customer_view
from contact_desk.services.lookup import find_customer
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
            "recipients": [{**asdict(r), "channel": r.channel.label} for r in self.recipients],
        }


def recipients_for(
    uow: UnitOfWork, customer_key: str | int, message_type: MessageType
) -> RecipientList:
    """Who gets ``message_type`` sent to the customer numbered ``customer_key``; writes nothing."""
    with uow:
        view = customer_view(uow.session, find_customer(uow.session, customer_key))
    phone, email = _primaries(view)
    return RecipientList(
        customer_id=view.id,
        customer_number=view.customer_number,
        customer_name=view.full_name,
        message_type=message_type,
        recipients=tuple(who_receives(
            message_type, view.full_name, phone, email, _contacts(view),
            opted_out=[point.value for point in view.emails if point.marketing_opt_out])),
    )


def _primaries(view: CustomerView) -> tuple[PhoneFacts | None, EmailFacts | None]:
    phone, email = view.primary(ContactKind.PHONE), view.primary(ContactKind.EMAIL)
    return (
        PhoneFacts(
            display=phone.display,
            value=phone.value,
            status=phone.status,
            do_not_text=phone.do_not_text,
            can_receive_texts=phone.can_receive_texts,
            text_consent=phone.text_consent,
        ) if phone else None,
        EmailFacts(
            value=email.value, status=email.status, marketing_opt_out=email.marketing_opt_out
        ) if email else None,
    )


def _contacts(view: CustomerView) -> list[ContactFacts]:
    return [
        ContactFacts(
            name=contact.full_name,
            role=contact.role_label,
            email=contact.email,
            phone=contact.phone_display or None,
            preferences=frozenset(contact.preferences),
        )
        for contact in view.contacts
    ]
