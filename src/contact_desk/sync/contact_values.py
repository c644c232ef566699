"""Phones and emails arriving in a file (a DMS row, a lead, a card): checked once, and added
where the customer does not have them yet (services.matching decides whose they are)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

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
) -> list[tuple[CheckedValue, ContactPoint]]:
    """Add each value the customer lacks, as ``types[kind]``; those added, with their new
    contact point. In the order given, so the first active one is what the default rule
    makes primary on a new customer."""
    added = []
    for value in values:
        have = {(p.value, p.extension) for p in customer.points(value.kind)}
        if value.key not in have:
            point = new_contact_point(session, actor, customer, types[value.kind], value.text,
                                      today)
            added.append((value, point))
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
