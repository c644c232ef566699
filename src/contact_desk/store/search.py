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
LIST_ORDER = (Customer.last_name_key, Customer.name_key, Customer.id)


def _prefix(column: ColumnElement[str], prefix: str, dialect: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, written so the column's plain index is used."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = column.like(f"{escaped}%", escape="\\")
    if dialect == "sqlite":
        # SQLite uses an index for a range, not for LIKE on a case-sensitive column.
        return and_(column >= prefix, column < prefix + "\U0010ffff", like)
    return like


def customer_ids_query(query: str, dialect: str, enough: int | None = None,
                       ) -> Select[tuple[int]] | None:
    """A SELECT of matching customer ids in list order, or None when nothing typed can match.

    With ``enough``, each way of matching (name, number, email, VIN, phone) keeps only its
    first ``enough`` customers in list order before they are put together: a page never
    sorts the thousands a two-letter prefix finds, only the first few of each way.
    """
    text = " ".join(query.split())
    if not text:
        return None
    folded = text.casefold()
    digits = search_digits(text)
    numbers = dict.fromkeys((text, text.upper()))  # DMS numbers are upper case
    conditions: list[tuple[ColumnElement[bool], type | None]] = [
        (_prefix(Customer.last_name_key, folded, dialect), None),
        (_prefix(Customer.name_key, folded, dialect), None),
        (_prefix(Customer.company_key, folded, dialect), None),
        (or_(*(_prefix(Customer.customer_number, number, dialect) for number in numbers)), None),
        (and_(ContactPoint.kind == ContactKind.EMAIL,
              _prefix(ContactPoint.value, folded, dialect)), ContactPoint),
    ]
    vin = re.sub(r"[\s-]", "", text).upper()
    if len(vin) >= 4 and vin.isalnum():
        conditions.append((_prefix(Vehicle.vin_reversed, vin[::-1], dialect), Vehicle))
    if _PHONE_CHARS.match(text) and len(digits) >= MIN_DIGITS:
        conditions.append((_phone_digits(text, digits, dialect), ContactPoint))
    branches = [_in_list_order(condition, joined, enough) for condition, joined in conditions]
    union = branches[0].union(*branches[1:]).subquery()
    return select(union.c.id).order_by(union.c.last_name_key, union.c.name_key, union.c.id)


def _in_list_order(condition: ColumnElement[bool], joined: type | None,
                   enough: int | None) -> Select[tuple[int, str, str]]:
    """The customers ``condition`` finds, with the keys the list is ordered by."""
    branch = select(Customer.id, Customer.last_name_key, Customer.name_key)
    if joined is not None:
        branch = branch.join(joined, joined.customer_id == Customer.id).distinct()
    branch = branch.where(condition)
    if enough is None:
        return branch
    limited = branch.order_by(*LIST_ORDER).limit(enough).subquery()
    return select(limited.c.id, limited.c.last_name_key, limited.c.name_key)


def _phone_digits(text: str, digits: str, dialect: str) -> ColumnElement[bool]:
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
    return and_(ContactPoint.kind == ContactKind.PHONE, or_(*clauses))


def search_customer_ids(session: Session, query: str, limit: int, offset: int = 0) -> list[int]:
    """Ids of customers matching ``query``, ordered by name, one page at a time.

    Nothing typed lists every customer, so the list is never an empty page on start.
    """
    if not query.strip():
        wanted = select(Customer.id).order_by(*LIST_ORDER)
    else:
        ids = customer_ids_query(query, session.get_bind().dialect.name, offset + limit)
        if ids is None:
            return []
        wanted = ids
    return list(session.scalars(wanted.limit(limit).offset(offset)))
