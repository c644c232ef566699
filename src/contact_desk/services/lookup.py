"""Loading the records a use case works on, and the checks every change shares."""

from __future__ import annotations

import re
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.errors import ConflictError, NotFound
from contact_desk.domain.phone import DEFAULT_REGION
from contact_desk.store.base import LARGEST_ID, Base, utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.merges import survivor_of
from contact_desk.store.sales import Vehicle
from contact_desk.store.users import Setting

Row = TypeVar("Row", bound=Base)

HOME_REGION = "home_region"
_ID = re.compile(r"[0-9]+")


def find_customer(session: Session, key: str | int, follow_merges: bool = True) -> Customer:
    """A customer by DMS customer number, else by internal id. A customer merged into
    another leads to the survivor (its number stays known), unless ``follow_merges`` is
    false (a merge or unmerge asked about that customer itself)."""
    text = str(key).strip()
    customer = session.scalars(
        select(Customer)
        .where(Customer.customer_number == text)
        .options(selectinload(Customer.contact_points))
    ).first()
    as_id = text.lstrip("#")
    # ASCII digits only ("²".isdigit() is true), and no id past what the database holds.
    if customer is None and _ID.fullmatch(as_id) and int(as_id) <= LARGEST_ID:
        customer = session.get(Customer, int(as_id))
    if customer is None:
        raise NotFound(f"No customer has the number or id {text!r}.")
    if follow_merges:
        survivor = survivor_of(session, customer.id)
        if survivor != customer.id:
            return get(session, Customer, survivor, "customer")
    return customer


def get(session: Session, model: type[Row], row_id: int, what: str) -> Row:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"That {what} no longer exists; another desk may have removed it.")
    return row


def check_version(row: Customer | Vehicle, expected_version: int | None,
                  conflict: str | None = None) -> None:
    """Refuse a change made on a copy of the row older than the one stored; ``conflict``
    says so in the row's words (the default speaks of the customer)."""
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(conflict)


def touch(customer: Customer) -> None:
    """Mark the customer changed, so a desk holding an older copy is refused."""
    customer.updated_at = utc_now()


def home_region(session: Session) -> str:
    setting = session.get(Setting, HOME_REGION)
    return setting.value if setting else DEFAULT_REGION
