"""Can we reach this customer now? Each phone and email of the customer, by every channel it
can carry and for every purpose: domain/reach's answer at one moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from contact_desk.domain.consent import CHANNELS_OF_KIND, Purpose
from contact_desk.domain.enums import Channel
from contact_desk.domain.reach import ReachAnswer, ReachTarget, can_reach
from contact_desk.services.customers import get_customer
from contact_desk.services.views import ContactPointView, CustomerView
from contact_desk.store.unit_of_work import UnitOfWork


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
    return ReachTarget(
        kind=point.kind, display=point.display, value=point.value, status=point.status,
        can_receive_texts=point.can_receive_texts, consent=point.consent,
        address_state=customer.state or None, postal_code=customer.postal_code or None,
    )


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
