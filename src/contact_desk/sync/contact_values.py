"""Phones and emails arriving in a file (a DMS row, a lead, a card): checked once, matched to
the customer they belong to, and added where the customer does not have them yet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import ContactKind, ContactPointType
from contact_desk.domain.errors import InvalidValue
from contact_desk.services.contact_points import ParsedValue, new_contact_point, parse_value
from contact_desk.store.customer import ContactPoint, Customer


@dataclass(frozen=True)
class CheckedValue:
    """A valid phone or email: ``key`` is how the store compares it, ``text`` adds it,
    ``parsed`` is what the store keeps of it (read once, in the region given)."""

    kind: ContactKind
    key: tuple[str, str]
    text: str
    parsed: ParsedValue


def check_value(kind: ContactKind, text: str, region: str,
                home: str | None = None) -> CheckedValue:
    """``text`` read as a phone (in ``region``, shown as a desk in ``home`` shows it) or an
    email; InvalidValue says why not."""
    parsed = parse_value(kind, text, region, home)
    canonical = parsed.value
    if kind is ContactKind.PHONE and parsed.extension:
        canonical = f"{parsed.value} ext. {parsed.extension}"
    return CheckedValue(kind, (parsed.value, parsed.extension), canonical, parsed)


def find_customer_by_values(session: Session, values: Sequence[CheckedValue]) -> Customer | None:
    """The customer who has one of the emails, else one of the phones (the oldest if several)."""
    for kind in (ContactKind.EMAIL, ContactKind.PHONE):
        wanted = {value.key[0] for value in values if value.kind is kind}
        if not wanted:
            continue
        customer_id = session.scalars(
            select(ContactPoint.customer_id)
            .where(ContactPoint.kind == kind, ContactPoint.value.in_(wanted))
            .order_by(ContactPoint.customer_id)
            .limit(1)
        ).first()
        if customer_id is not None:
            return session.get(Customer, customer_id)
    return None


def stored_keys(values: Iterable[CheckedValue]) -> tuple[tuple[ContactKind, str], ...]:
    """(kind, value as stored) of each value: what services.matching compares."""
    return tuple((value.kind, value.key[0]) for value in values)


def add_missing_values(
    session: Session,
    actor: Actor,
    customer: Customer,
    types: dict[ContactKind, ContactPointType],
    values: Iterable[CheckedValue],
    today: date | None = None,
) -> int:
    """Add each value the customer lacks, as ``types[kind]``; the count added. In the order
    given, so the first active one is what the default rule makes primary on a new customer."""
    added = 0
    for value in values:
        have = {(p.value, p.extension) for p in customer.points(value.kind)}
        if value.key not in have:
            new_contact_point(session, actor, customer, types[value.kind], value.text, today)
            added += 1
    return added


def checked_values(
    texts: Iterable[tuple[ContactKind, str]], region: str
) -> tuple[list[CheckedValue], list[str]]:
    """The values that are valid, once each, and a sentence for each one that is not."""
    good: list[CheckedValue] = []
    bad: list[str] = []
    for kind, text in texts:
        try:
            value = check_value(kind, text, region)
        except InvalidValue as error:
            bad.append(error.message)
            continue
        if all(value.key != other.key or value.kind is not other.kind for other in good):
            good.append(value)
    return good, bad
