"""The search keys of each customer (domain/search_terms), stored one row a key with the
customer's place in the list, so a search reads its matches in list order from one index.

Whoever writes a customer, a phone or email, or a vehicle through the ORM, the flush
rewrites that customer's keys in the same transaction (``_keep_keys_with_the_rows``).
Writes past the ORM (the sync's batches, sync/new_customers) give the rows they insert to
``key_rows``, or call ``refresh_search_keys`` for customers whose rows they changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    delete,
    event,
    inspect,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from contact_desk.domain.customer import MAX_NAME
from contact_desk.domain.enums import ContactKind
from contact_desk.domain.search_terms import KEY_LENGTH, customer_keys
from contact_desk.store.base import Base, key_text
from contact_desk.store.bulk import insert_rows
from contact_desk.store.customer import KEY_GROWTH, ContactPoint, Customer
from contact_desk.store.sales import Vehicle

# Between the last name and the name in ``list_key``: below every character a key holds, so
# the one column sorts as (last_name_key, name_key) do.
LIST_KEY_BREAK = "\x01"
LIST_KEY_LENGTH = MAX_NAME * KEY_GROWTH + 1 + (MAX_NAME * 2 + 1) * KEY_GROWTH
_CHUNK = 500  # customers read and rewritten at a time
# What a change to these columns means for the keys of the row's customer.
_WATCHED = {
    Customer: ("first_name", "last_name", "company", "customer_number"),
    ContactPoint: ("customer_id", "kind", "value", "local_digits"),
    Vehicle: ("customer_id", "vin"),
}


class SearchKeyRow(Base):
    __tablename__ = "search_key"

    customer_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # a KeyKind
    key: Mapped[str] = mapped_column(key_text(KEY_LENGTH), primary_key=True)
    place: Mapped[int] = mapped_column(SmallInteger, nullable=False)  # a Place
    list_key: Mapped[str] = mapped_column(key_text(LIST_KEY_LENGTH), nullable=False)

    __table_args__ = (
        # A key's matches, exact ones in list order; the primary key (customer first)
        # answers "does this customer match", for a walk down the list.
        Index("ix_search_key_lookup", "kind", "place", "key", "list_key", "customer_id"),
        {"sqlite_with_rowid": False},
    )


def list_key(last_name_key: str, name_key: str) -> str:
    """The customer's place in the list as one column: (last_name_key, name_key) run together."""
    return f"{last_name_key}{LIST_KEY_BREAK}{name_key}"


def key_rows(customer_id: int, customer: Mapping[str, Any],
             points: Iterable[tuple[ContactKind, str, str]],
             vins: Iterable[str]) -> list[dict[str, Any]]:
    """The rows of ``search_key`` for a customer of these stored columns (names, number and
    list keys), phones and emails (kind, value, local digits) and VINs: what the flush
    writes from the tables and the sync's batches from the rows they insert."""
    points = list(points)
    keys = customer_keys(
        first_name=customer["first_name"], last_name=customer["last_name"],
        company=customer["company"], customer_number=customer["customer_number"],
        emails=[value for kind, value, _ in points if kind is ContactKind.EMAIL],
        phones=[(value, local) for kind, value, local in points if kind is ContactKind.PHONE],
        vins=vins)
    place_in_list = list_key(customer["last_name_key"], customer["name_key"])
    return [{"customer_id": customer_id, "kind": int(key.kind), "key": key.key,
             "place": int(key.place), "list_key": place_in_list} for key in keys]


def refresh_search_keys(session: Session, customer_ids: Iterable[int]) -> None:
    """Write again the keys of these customers from what is stored now (a customer no
    longer there keeps none)."""
    ids = sorted(set(customer_ids))
    connection = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        connection.execute(delete(SearchKeyRow).where(SearchKeyRow.customer_id.in_(chunk)))
        insert_rows(session, SearchKeyRow.__table__, _stored_keys(session, chunk))


def write_search_keys(session: Session, customer_ids: Sequence[int]) -> None:
    """The keys of customers who have none yet (migration 0017's backfill)."""
    for start in range(0, len(customer_ids), _CHUNK):
        insert_rows(session, SearchKeyRow.__table__,
                    _stored_keys(session, customer_ids[start:start + _CHUNK]))


def _stored_keys(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    connection = session.connection()
    points: dict[int, list[tuple[ContactKind, str, str]]] = defaultdict(list)
    vins: dict[int, list[str]] = defaultdict(list)
    for customer_id, *point in connection.execute(
            select(ContactPoint.customer_id, ContactPoint.kind, ContactPoint.value,
                   ContactPoint.local_digits).where(ContactPoint.customer_id.in_(ids))):
        points[customer_id].append(tuple(point))
    for customer_id, vin in connection.execute(
            select(Vehicle.customer_id, Vehicle.vin).where(Vehicle.customer_id.in_(ids))):
        vins[customer_id].append(vin)
    rows: list[dict[str, Any]] = []
    for customer in connection.execute(
            select(Customer.id, Customer.first_name, Customer.last_name, Customer.company,
                   Customer.customer_number, Customer.last_name_key, Customer.name_key)
            .where(Customer.id.in_(ids))).mappings():
        rows += key_rows(customer["id"], customer, points[customer["id"]], vins[customer["id"]])
    return rows


@event.listens_for(Session, "after_flush")
def _keep_keys_with_the_rows(session: Session, _context: object) -> None:
    """The customers whose names, number, phones, emails or vehicles this flush wrote get
    their keys written again, in the flush's transaction."""
    changed: set[int] = set()
    for item in session.new | session.deleted:
        if isinstance(item, Customer):
            changed.add(item.id)
        elif isinstance(item, (ContactPoint, Vehicle)):
            changed.add(item.customer_id)
    for item in session.dirty:
        watched = _WATCHED.get(type(item))
        if watched is None:
            continue
        state = inspect(item)
        histories = [state.attrs[name].history for name in watched]
        if not any(history.has_changes() for history in histories):
            continue
        changed.add(item.id if isinstance(item, Customer) else item.customer_id)
        if not isinstance(item, Customer) and histories[0].deleted:  # moved to another
            changed.update(owner for owner in histories[0].deleted if owner is not None)
    changed.discard(None)  # type: ignore[arg-type]
    if changed:
        refresh_search_keys(session, changed)
