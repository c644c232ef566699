"""Finding customers by whatever the clerk types: name, company, number, email, VIN or phone digits."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.phone import search_digits
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.sales import Vehicle

_PHONE_CHARS = re.compile(r"^[\d\s().+\-/]+$")
MIN_DIGITS = 3
LOCAL_DIGITS_MAX = 8


def _prefix(column: ColumnElement[str], prefix: str, dialect: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, written so the column's plain index is used."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = column.like(f"{escaped}%", escape="\\")
    if dialect == "sqlite":
        # SQLite uses an index for a range, not for LIKE on a case-sensitive column.
        return and_(column >= prefix, column < prefix + "\U0010ffff", like)
    return like


def customer_ids_query(query: str, dialect: str) -> Select[tuple[int]] | None:
    """A SELECT of matching customer ids, or None when nothing typed can match."""
    text = " ".join(query.split())
    if not text:
        return None
    folded = text.casefold()
    digits = search_digits(text)
    parts: list[Select[tuple[int]]] = [
        select(Customer.id).where(_prefix(Customer.name_key, folded, dialect)),
        select(Customer.id).where(_prefix(Customer.last_name_key, folded, dialect)),
        select(Customer.id).where(_prefix(Customer.company_key, folded, dialect)),
        select(Customer.id).where(or_(*(
            _prefix(Customer.customer_number, number, dialect)
            for number in dict.fromkeys((text, text.upper()))  # DMS numbers are upper case
        ))),
        select(ContactPoint.customer_id).where(
            ContactPoint.kind == ContactKind.EMAIL, _prefix(ContactPoint.value, folded, dialect)
        ),
    ]
    vin = re.sub(r"[\s-]", "", text).upper()
    if len(vin) >= 4 and vin.isalnum():
        parts.append(
            select(Vehicle.customer_id).where(_prefix(Vehicle.vin_reversed, vin[::-1], dialect))
        )
    if _PHONE_CHARS.match(text) and len(digits) >= MIN_DIGITS:
        parts.append(_phone_digits_query(text, digits, dialect))
    union = parts[0].union(*parts[1:]).subquery()
    return select(union.c[0])


def _phone_digits_query(text: str, digits: str, dialect: str) -> Select[tuple[int]]:
    national = [digits]
    if text.lstrip().startswith("+") or len(digits) > 10:
        # "+1 212 555" or "1 212 555 0142": match E.164 from the country code on.
        e164_match = _prefix(ContactPoint.value, "+" + digits, dialect)
    else:
        e164_match = None
    if digits.startswith("1") and len(digits) > 4:
        national.append(digits[1:])
    clauses = [_prefix(ContactPoint.digits, prefix, dialect) for prefix in national]
    if len(digits) <= LOCAL_DIGITS_MAX:
        # "555 01" or "555-0142": the number without its area code.
        clauses.append(_prefix(ContactPoint.local_digits, digits, dialect))
    if e164_match is not None:
        clauses.append(e164_match)
    return select(ContactPoint.customer_id).where(
        ContactPoint.kind == ContactKind.PHONE, or_(*clauses)
    )


def search_customer_ids(session: Session, query: str, limit: int, offset: int = 0) -> list[int]:
    """Ids of customers matching ``query``, ordered by name, one page at a time.

    Nothing typed lists every customer, so the list is never an empty page on start.
    """
    wanted = select(Customer.id)
    if query.strip():
        ids = customer_ids_query(query, session.get_bind().dialect.name)
        if ids is None:
            return []
        wanted = wanted.where(Customer.id.in_(select(ids.subquery().c[0])))
    rows = session.execute(
        wanted
        .order_by(Customer.last_name_key, Customer.name_key, Customer.id)
        .limit(limit)
        .offset(offset)
    )
    return [row[0] for row in rows]
