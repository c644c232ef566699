"""Can we reach this customer now? Each phone and email of the customer, by every channel it
can carry and for every purpose: domain/reach's answer at one moment; the card's line per
channel for the primary values; and click-to-call, -text and -email, which ask first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import CHANNELS_OF_KIND, Purpose
from contact_desk.domain.contact_links import contact_url
from contact_desk.domain.enums import AttemptOutcome, Channel, ContactKind, Permission
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.history import Entity, Field
from contact_desk.domain.reach import ReachAnswer, ReachTarget, can_reach
from contact_desk.services import audit
from contact_desk.services.activity import add_attempt
from contact_desk.services.consent import summary_of
from contact_desk.services.contact_apps import apps_in
from contact_desk.services.customers import get_customer, point_view
from contact_desk.services.lookup import get
from contact_desk.services.views import ContactPointView, CustomerView
from contact_desk.store.customer import ContactPoint
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

CARD_CHANNELS = (Channel.CALL, Channel.TEXT, Channel.EMAIL)  # the card's order
_KIND_OF = {Channel.CALL: ContactKind.PHONE, Channel.TEXT: ContactKind.PHONE,
            Channel.EMAIL: ContactKind.EMAIL}
_NONE_ACTIVE = {ContactKind.PHONE: "no active phone number",
                ContactKind.EMAIL: "no active email address"}
_DONE = {Channel.CALL: "called", Channel.TEXT: "texted", Channel.EMAIL: "emailed"}


@dataclass(frozen=True)
class ValueReach:
    """The answer for one value, channel and purpose."""

    value: str  # E.164 for phones, the address for emails
    display: str
    channel: Channel
    purpose: Purpose
    answer: ReachAnswer

    def as_dict(self) -> dict[str, Any]:
        opens = self.answer.next_allowed_at
        return {
            "value": self.value,
            "channel": self.channel.cli_name,
            "purpose": self.purpose.cli_name,
            "allowed": self.answer.allowed,
            "reason": self.answer.reason,
            "next_allowed_at": opens.isoformat() if opens else None,
        }


@dataclass(frozen=True)
class CustomerReach:
    customer_id: int
    customer_number: str | None
    customer_name: str
    at: datetime
    answers: tuple[ValueReach, ...]


def reach_target(point: ContactPointView, customer: CustomerView) -> ReachTarget:
    """The value as the reach question reads it, with the customer's address."""
    return _target(point, customer.state, customer.postal_code)


def _target(point: ContactPointView, state: str, postal_code: str) -> ReachTarget:
    return ReachTarget(
        kind=point.kind, display=point.display, value=point.value, status=point.status,
        can_receive_texts=point.can_receive_texts, consent=point.consent,
        address_state=state or None, postal_code=postal_code or None,
    )


@dataclass(frozen=True)
class ChannelReach:
    """The card's line for one channel: the primary value (None when there is none) and
    the answer for the customer's own business and for marketing."""

    channel: Channel
    point: ContactPointView | None
    transactional: ReachAnswer
    marketing: ReachAnswer


def primary_reach(customer: CustomerView, at: datetime) -> tuple[ChannelReach, ...]:
    """Call, text and email on the primary values at ``at`` (aware), from the view alone:
    the card asks again each minute without reading anything."""
    lines = []
    for channel in CARD_CHANNELS:
        kind = _KIND_OF[channel]
        point = customer.primary(kind)
        if point is None:
            none = ReachAnswer(False, _NONE_ACTIVE[kind], None)
            lines.append(ChannelReach(channel, None, none, none))
            continue
        target = reach_target(point, customer)
        lines.append(ChannelReach(channel, point,
                                  can_reach(target, channel, Purpose.TRANSACTIONAL, at),
                                  can_reach(target, channel, Purpose.MARKETING, at)))
    return tuple(lines)


@dataclass(frozen=True)
class StartedContact:
    """What the window opens, the answer that allowed it, and the attempt logged."""

    url: str
    answer: ReachAnswer
    attempt_id: int


class ContactRefused(NotAllowed):
    """can_reach said no: nothing was opened or logged; ``answer`` holds the reason."""

    def __init__(self, message: str, answer: ReachAnswer) -> None:
        super().__init__(message)
        self.answer = answer


@retried_when_desks_collide
def start_contact(uow: UnitOfWork, actor: Actor, point_id: int, channel: Channel,
                  purpose: Purpose, at: datetime, template: str | None = None
                  ) -> StartedContact:
    """Click-to-call, -text or -email: may the value be reached now for ``purpose``? If
    not, ContactRefused with the reason and nothing written; if so, the contact attempt
    (started) and its history entry in one transaction, and the link to open: through
    ``template``, or (None) the desk's setting for the channel's app."""
    actor.require(Permission.EDIT_CUSTOMERS)
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("The moment to check needs its UTC offset.")
    with uow:
        session = uow.session
        point = get(session, ContactPoint, point_id, "phone or email")
        view = point_view(point, summary_of(session, point.kind, point.value))
        customer = point.customer
        answer = can_reach(_target(view, customer.state, customer.postal_code), channel,
                           purpose, at)
        if not answer.allowed:
            raise ContactRefused(f"{view.display} was not {_DONE[channel]}; nothing was "
                                 f"opened or logged.\n{answer.reason[:1].upper()}"
                                 f"{answer.reason[1:]}.", answer)
        link = apps_in(session).template(channel) if template is None else template
        url = contact_url(channel, point.value, point.extension, link)
        attempt = add_attempt(session, actor, customer.id, channel, AttemptOutcome.STARTED,
                              at)
        audit.record(session, actor, customer.id, Entity.CONTACT_ATTEMPT, attempt.id,
                     Field.STARTED, None, channel,
                     f"{purpose.label} {channel.label.lower()} to {view.display}: "
                     f"{answer.reason}")
        uow.commit()
        return StartedContact(url, answer, attempt.id)


def customer_reach(uow: UnitOfWork, key: str | int, at: datetime) -> CustomerReach:
    """May each of the customer's values be reached at ``at`` (aware), by each channel it can
    carry, for each purpose; the customer by DMS number or internal id."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("The moment to check needs its UTC offset.")
    customer = get_customer(uow, key)
    answers = tuple(
        ValueReach(point.value, point.display, channel, purpose,
                   can_reach(reach_target(point, customer), channel, purpose, at))
        for point in (*customer.phones, *customer.emails)
        for channel in CHANNELS_OF_KIND[point.kind]
        for purpose in Purpose
    )
    return CustomerReach(customer.id, customer.customer_number, customer.full_name, at,
                         answers)
