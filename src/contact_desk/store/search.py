"""Finding customers by whatever the clerk types: name, company, number, email, VIN or phone digits."""

from __future__ import annotations

import re
from functools import lru_cache

from sqlalchemy import ColumnElement, Select, and_, bindparam, or_, select, tuple_
from sqlalchemy.orm import Session

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.phone import search_digits
from contact_desk.store.base import LARGEST_INTEGER
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.sales import Vehicle

_PHONE_CHARS = re.compile(r"^[\d\s().+\-/]+$")
MIN_DIGITS = 3
LOCAL_DIGITS_MAX = 8
LIST_ORDER = (Customer.last_name_key, Customer.name_key, Customer.id)


# Where each kind of prefix is compared, and which table the branch joins to.
_COLUMNS = {
    "last_name": (Customer.last_name_key, None),
    "name": (Customer.name_key, None),
    "company": (Customer.company_key, None),
    "number": (Customer.customer_number, None),
    "email": (ContactPoint.value, ContactPoint),
    "vin": (Vehicle.vin_reversed, Vehicle),
    "phone digits": (ContactPoint.digits, ContactPoint),
    "phone local digits": (ContactPoint.local_digits, ContactPoint),
    "phone e164": (ContactPoint.value, ContactPoint),
}
_KIND_OF = {"email": ContactKind.EMAIL, "phone": ContactKind.PHONE}


def prefixes(query: str) -> list[tuple[str, str]]:
    """(where, prefix) for every way ``query`` can match, e.g. ("last_name", "lee")."""
    text = " ".join(query.split())
    if not text:
        return []
    folded = text.casefold()
    found = [("last_name", folded), ("name", folded), ("company", folded)]
    found += [("number", number) for number in dict.fromkeys((text, text.upper()))]
    found.append(("email", folded))
    vin = re.sub(r"[\s-]", "", text).upper()
    if len(vin) >= 4 and vin.isalnum():
        found.append(("vin", vin[::-1]))
    digits = search_digits(text)
    if _PHONE_CHARS.match(text) and len(digits) >= MIN_DIGITS:
        found += _phone_prefixes(text, digits)
    return found


def _phone_prefixes(text: str, digits: str) -> list[tuple[str, str]]:
    found = [("phone digits", digits)]
    if digits.startswith("1") and len(digits) > 4:
        found.append(("phone digits", digits[1:]))
    if len(digits) <= LOCAL_DIGITS_MAX:
        # "555 01" or "555-0142": the number without its area code.
        found.append(("phone local digits", digits))
    if text.lstrip().startswith("+") or len(digits) > 10:
        # "+1 212 555" or "1 212 555 0142": match E.164 from the country code on.
        found.append(("phone e164", "+" + digits))
    return found


def parameters(found: list[tuple[str, str]], dialect: str) -> dict[str, str]:
    """The bound values of ``matching_ids``' statement for these prefixes."""
    values = {}
    for at, (_, prefix) in enumerate(found):
        if dialect == "sqlite":
            values[f"p{at}"], values[f"p{at}_end"] = prefix, prefix + "\U0010ffff"
        else:
            escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            values[f"p{at}"] = escaped + "%"
    return values


@lru_cache(maxsize=64)
def matching_ids(shape: tuple[str, ...], dialect: str, limited: bool) -> Select[tuple[int]]:
    """Customer ids in list order for prefixes of these kinds (``prefixes``' first items).

    The statement depends only on the kinds, so it is built once and its values are bound
    (``parameters``). With ``limited``, each way of matching keeps only its first
    ``:enough`` customers in list order before they are put together: a page never sorts
    the thousands a two-letter prefix finds, only the first few of each way.
    """
    ways: dict[str, list[ColumnElement[bool]]] = {}
    for at, where in enumerate(shape):
        column, _ = _COLUMNS[where]
        ways.setdefault(where.split()[0], []).append(_starts(column, at, dialect))
    branches = []
    for way, conditions in ways.items():
        joined = _COLUMNS[next(w for w in shape if w.split()[0] == way)][1]
        condition = or_(*conditions)
        if way in _KIND_OF:
            condition = and_(ContactPoint.kind == _KIND_OF[way], condition)
        branches.append(_in_list_order(condition, joined, limited))
    union = branches[0].union(*branches[1:]).subquery()
    return select(union.c.id).order_by(union.c.last_name_key, union.c.name_key, union.c.id)


def _starts(column: ColumnElement[str], at: int, dialect: str) -> ColumnElement[bool]:
    """``column`` starts with prefix number ``at``, written so the column's index is used."""
    if dialect == "sqlite":
        # SQLite uses an index for a range, not for LIKE on a case-sensitive column; in
        # code point order the range holds exactly the values starting with the prefix.
        return and_(column >= bindparam(f"p{at}"), column < bindparam(f"p{at}_end"))
    return column.like(bindparam(f"p{at}"), escape="\\")


def _in_list_order(condition: ColumnElement[bool], joined: type | None,
                   limited: bool) -> Select[tuple[int, str, str]]:
    """The customers ``condition`` finds, with the keys the list is ordered by."""
    branch = select(Customer.id, Customer.last_name_key, Customer.name_key)
    if joined is not None:
        branch = branch.join(joined, joined.customer_id == Customer.id).distinct()
    branch = branch.where(condition)
    if not limited:
        return branch
    first = branch.order_by(*LIST_ORDER).limit(bindparam("enough")).subquery()
    return select(first.c.id, first.c.last_name_key, first.c.name_key)


def search_customer_ids(session: Session, query: str, limit: int, offset: int = 0,
                        after: int | None = None) -> list[int]:
    """Ids of customers matching ``query``, ordered by name, one page at a time.

    Nothing typed lists every customer, so the list is never an empty page on start. That
    list is a million customers long: given ``after``, the customer its last page ended
    with, the next page starts where the index has it instead of counting ``offset`` rows
    from the top. A search finds few enough that counting costs nothing.
    """
    limit, offset = min(limit, LARGEST_INTEGER), min(offset, LARGEST_INTEGER)  # all there is
    found = prefixes(query)
    last_shown = None if found or after is None else session.execute(
        select(*LIST_ORDER).where(Customer.id == after)).first()
    if last_shown is not None:
        return list(session.scalars(_EVERYONE_AFTER, {**last_shown._asdict(), "limit": limit}))
    if not found:
        return list(session.scalars(_EVERYONE, {"limit": limit, "offset": offset}))
    dialect = session.get_bind().dialect.name
    wanted = _page(matching_ids(tuple(where for where, _ in found), dialect, True))
    return list(session.scalars(wanted, {**parameters(found, dialect), "enough": min(offset + limit, LARGEST_INTEGER),
                                         "limit": limit, "offset": offset}))


@lru_cache(maxsize=64)
def _page(ids: Select[tuple[int]]) -> Select[tuple[int]]:
    return ids.limit(bindparam("limit")).offset(bindparam("offset"))


_EVERYONE = _page(select(Customer.id).order_by(*LIST_ORDER))
_EVERYONE_AFTER = (select(Customer.id)
                   .where(tuple_(*LIST_ORDER) > tuple_(*(bindparam(key.key) for key in LIST_ORDER)))
                   .order_by(*LIST_ORDER).limit(bindparam("limit")))
