"""Who receives which message: the customer on the primary phone and email, and the people
on the account by email for what they subscribed to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from contact_desk.domain.consent import NOTHING_RECORDED, ConsentSummary, Purpose
from contact_desk.domain.enums import (
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactStatus,
    LabelledEnum,
)
from contact_desk.domain.reach import ReachAnswer, ReachTarget, can_reach

if TYPE_CHECKING:
    from contact_desk.domain.suppression import Suppression

TEXT, EMAIL = Channel.TEXT, Channel.EMAIL
CUSTOMER_ROLE = "Customer"


class MessageType(LabelledEnum):
    """What the dealership sends; the CLI name is the member's name in kebab case."""

    TEXT_REMINDER = "Text reminder"
    EMAIL_REMINDER = "Email reminder"
    REGISTRATION = "Registration"
    PAYMENT_CONFIRMATION = "Payment confirmation"
    SCHEDULING = CommunicationPreference.SCHEDULING.label
    CAR_UPDATES = CommunicationPreference.CAR_UPDATES.label
    CONTRACTS = CommunicationPreference.CONTRACTS.label
    INVOICES = CommunicationPreference.INVOICES.label
    ESTIMATES = CommunicationPreference.ESTIMATES.label
    MARKETING = CommunicationPreference.MARKETING.label

    @property
    def channels(self) -> tuple[Channel, ...]:
        return ROUTES[self].channels

    @property
    def preference(self) -> CommunicationPreference | None:
        return ROUTES[self].preference


class Route(NamedTuple):
    channels: tuple[Channel, ...]
    preference: CommunicationPreference | None


# The routing table. For each message type: the channels it goes out on (the customer
# gets one message per channel, in this order), and the communication preference an
# additional contact must have ticked to get it by email. None means the message is the
# customer's own business (a reminder, a receipt) and goes to the customer only.
ROUTES: dict[MessageType, Route] = {
    MessageType.TEXT_REMINDER: Route((TEXT,), None),
    MessageType.EMAIL_REMINDER: Route((EMAIL,), None),
    MessageType.REGISTRATION: Route((EMAIL,), None),
    MessageType.PAYMENT_CONFIRMATION: Route((EMAIL, TEXT), None),
    MessageType.SCHEDULING: Route((TEXT, EMAIL), CommunicationPreference.SCHEDULING),
    MessageType.CAR_UPDATES: Route((TEXT, EMAIL), CommunicationPreference.CAR_UPDATES),
    MessageType.CONTRACTS: Route((EMAIL,), CommunicationPreference.CONTRACTS),
    MessageType.INVOICES: Route((EMAIL,), CommunicationPreference.INVOICES),
    MessageType.ESTIMATES: Route((EMAIL,), CommunicationPreference.ESTIMATES),
    MessageType.MARKETING: Route((EMAIL, TEXT), CommunicationPreference.MARKETING),
}


@dataclass(frozen=True)
class ContactFacts:
    """An additional contact on the account: who they are and what they subscribed to."""

    name: str
    role: str
    email: str | None
    phone: str | None
    preferences: frozenset[CommunicationPreference]
    # The email's consent: a value's own, so a household address shares the customer's.
    consent: ConsentSummary = NOTHING_RECORDED


@dataclass(frozen=True)
class Recipient:
    """One person on one channel. ``address`` is what a sender uses (E.164 or the email),
    ``shown`` the way the desk reads it; ``reason`` says why they are in or left out."""

    who: str
    role: str
    channel: Channel
    address: str | None
    shown: str | None
    included: bool
    reason: str
    not_before: datetime | None = None  # left out for the hour: when it may go out


def purpose_of(message: MessageType) -> Purpose:
    """Marketing sells; every other message is the customer's own business."""
    return Purpose.MARKETING if message is MessageType.MARKETING else Purpose.TRANSACTIONAL


def who_receives(
    message: MessageType,
    customer_name: str,
    phone: ReachTarget | None,
    email: ReachTarget | None,
    contacts: Sequence[ContactFacts] = (),
    *,
    at: datetime,
    suppression: Suppression | None = None,
) -> list[Recipient]:
    """Everyone considered for ``message`` sent at ``at``: the customer once per channel on
    the primary value, then each contact by email. Whether a value may be reached is
    domain/reach's answer (consent, line, quiet hours), the same the card and the click
    to text give. A suppression in force leaves everyone out, saying so.

    An address gets the message once: a contact who shares an address with someone before
    them (a household email) is left out, saying whose.
    """
    found = [_customer(message, customer_name, ch, phone, email, at) for ch in message.channels]
    found.extend(_contact(message, contact, at) for contact in contacts)
    if suppression is not None:
        return [replace(r, included=False, reason=suppression.describe(), not_before=None)
                for r in found]
    return _once_per_address(found)


def _once_per_address(found: list[Recipient]) -> list[Recipient]:
    first: dict[tuple[Channel, str], Recipient] = {}
    for at, recipient in enumerate(found):
        if not recipient.included or recipient.address is None:
            continue
        key = (recipient.channel, recipient.address.casefold())
        if key in first:
            found[at] = replace(recipient, included=False,
                                reason=f"same address as {first[key].who}, who gets it already")
        else:
            first[key] = recipient
    return found


def _customer(
    message: MessageType,
    name: str,
    channel: Channel,
    phone: ReachTarget | None,
    email: ReachTarget | None,
    at: datetime,
) -> Recipient:
    target = phone if channel is TEXT else email
    if target is None:
        missing = "no active phone number" if channel is TEXT else "no active email address"
        return Recipient(name, CUSTOMER_ROLE, channel, None, None, False, missing)
    answer = can_reach(target, channel, purpose_of(message), at)
    used = "primary phone" if channel is TEXT else "primary email"
    return Recipient(name, CUSTOMER_ROLE, channel, target.value, target.display,
                     answer.allowed, used if answer.allowed else _said(target, answer),
                     answer.next_allowed_at)


def _said(target: ReachTarget, answer: ReachAnswer) -> str:
    """Why not, naming the value unless the reason already does."""
    if target.display in answer.reason:
        return answer.reason
    return f"{target.display}: {answer.reason}"


def _contact(message: MessageType, contact: ContactFacts, at: datetime) -> Recipient:
    included, reason = _contact_verdict(message, contact, at)
    return Recipient(contact.name, contact.role, EMAIL, contact.email, contact.email, included,
                     reason)


def _contact_verdict(message: MessageType, contact: ContactFacts,
                     at: datetime) -> tuple[bool, str]:
    """Contacts are reached by email only, only for what they subscribed to, and only
    where the address may be emailed for the purpose (an opt-out is the address's)."""
    preference = message.preference
    if preference is None:
        return False, f"{message.label.lower()} messages go to the customer only"
    if preference not in contact.preferences:
        return False, f"not subscribed to {preference.label}"
    if not contact.email:
        # A phone on the card would make the clerk wonder why it is not used.
        texts = ", and contacts are not texted" if contact.phone else ""
        return False, f"subscribed to {preference.label} but has no email address{texts}"
    target = ReachTarget(kind=ContactKind.EMAIL, display=contact.email, value=contact.email,
                         status=ContactStatus.ACTIVE, can_receive_texts=False,
                         consent=contact.consent)
    answer = can_reach(target, EMAIL, purpose_of(message), at)
    if not answer.allowed:
        return False, _said(target, answer)
    return True, f"subscribed to {preference.label}"
