"""Who receives which message: the customer on the primary phone and email, and the people
on the account by email for what they subscribed to."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from contact_desk.domain.enums import (
    Channel,
    CommunicationPreference,
    ContactStatus,
    LabelledEnum,
    TextConsent,
)

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
class PhoneFacts:
    """The customer's primary phone, as far as sending a text depends on it."""

    display: str
    value: str
    status: ContactStatus
    do_not_text: bool
    can_receive_texts: bool
    text_consent: TextConsent


@dataclass(frozen=True)
class EmailFacts:
    """The customer's primary email, as far as sending an email depends on it."""

    value: str
    status: ContactStatus
    marketing_opt_out: bool


@dataclass(frozen=True)
class ContactFacts:
    """An additional contact on the account: who they are and what they subscribed to."""

    name: str
    role: str
    email: str | None
    phone: str | None
    preferences: frozenset[CommunicationPreference]


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


def who_receives(
    message: MessageType,
    customer_name: str,
    phone: PhoneFacts | None,
    email: EmailFacts | None,
    contacts: Sequence[ContactFacts] = (),
    opted_out: Collection[str] = (),
) -> list[Recipient]:
    """Everyone considered for ``message``: the customer once per channel, then each contact.

    An address gets the message once: a contact who shares an address with someone before
    them (a household email) is left out, saying whose. ``opted_out`` are the customer's
    email addresses that opted out of marketing: the opt-out is the address's, so marketing
    reaches no one there, whoever it would be sent for.
    """
    blocked = {address.casefold() for address in opted_out}
    if email is not None and email.marketing_opt_out:
        blocked.add(email.value.casefold())
    found = [_customer(message, customer_name, ch, phone, email) for ch in message.channels]
    found.extend(_contact(message, contact, blocked) for contact in contacts)
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
    phone: PhoneFacts | None,
    email: EmailFacts | None,
) -> Recipient:
    if channel is TEXT:
        address, shown = (phone.value, phone.display) if phone else (None, None)
        why_not, used = _why_no_text(message, phone), "primary phone"
    else:
        address = shown = email.value if email else None
        why_not, used = _why_no_email(message, email), "primary email"
    return Recipient(name, CUSTOMER_ROLE, channel, address, shown, why_not is None, why_not or used)


def _why_no_text(message: MessageType, phone: PhoneFacts | None) -> str | None:
    if phone is None:
        return "no active phone number"
    shown = phone.display
    if phone.status is not ContactStatus.ACTIVE:
        return f"the primary phone {shown} is {phone.status.label.lower()}"
    if phone.do_not_text:
        return f"{shown} is marked do-not-text"
    if not phone.can_receive_texts:
        return f"{shown} cannot receive texts (not a mobile number)"
    if phone.text_consent is TextConsent.OPTED_OUT:
        return f"{shown} opted out of texts"
    if message is MessageType.MARKETING and phone.text_consent is not TextConsent.OPTED_IN:
        return f"{shown} has not opted in to marketing texts"
    return None


def _why_no_email(message: MessageType, email: EmailFacts | None) -> str | None:
    if email is None:
        return "no active email address"
    if email.status is not ContactStatus.ACTIVE:
        return f"the primary email {email.value} is {email.status.label.lower()}"
    if message is MessageType.MARKETING and email.marketing_opt_out:
        return f"{email.value} opted out of marketing email"
    return None


def _contact(message: MessageType, contact: ContactFacts, opted_out: set[str]) -> Recipient:
    included, reason = _contact_verdict(message, contact, opted_out)
    return Recipient(contact.name, contact.role, EMAIL, contact.email, contact.email, included,
                     reason)


def _contact_verdict(message: MessageType, contact: ContactFacts,
                     opted_out: set[str]) -> tuple[bool, str]:
    """Contacts are reached by email only, only for what they subscribed to, and never for
    marketing on an address that opted out of it."""
    preference = message.preference
    if preference is None:
        return False, f"{message.label.lower()} messages go to the customer only"
    if preference not in contact.preferences:
        return False, f"not subscribed to {preference.label}"
    if not contact.email:
        # A phone on the card would make the clerk wonder why it is not used.
        texts = ", and contacts are not texted" if contact.phone else ""
        return False, f"subscribed to {preference.label} but has no email address{texts}"
    if message is MessageType.MARKETING and contact.email.casefold() in opted_out:
        return False, f"{contact.email} opted out of marketing email"
    return True, f"subscribed to {preference.label}"
