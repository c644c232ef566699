"""Suppressing a message type for one customer, and lifting it: each one transaction,
audited, the customer's version moved so other desks hear of it; Undo of a suppression
lifts it, Undo of a lift puts it back. Routing (services/recipients) reads them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.recipients import MessageType
from contact_desk.domain.suppression import Suppression, check_suppression
from contact_desk.services import audit
from contact_desk.services.lookup import check_version, find_customer, get, touch
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.sales import Vehicle
from contact_desk.store.suppression import SuppressionRow
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide


@dataclass(frozen=True, kw_only=True)
class SuppressionForm:
    message: MessageType
    reason: str
    vehicle_id: int | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class SavedSuppressions:
    """What a change made: the suppression it is about, the customer's suppressions in
    force after it, and the version the next change (its undo) expects."""

    id: int
    suppressions: tuple[Suppression, ...]
    version: int


def in_force(session: Session, customer_id: int, today: date | None = None
             ) -> tuple[Suppression, ...]:
    """The customer's suppressions not lifted and not over, oldest first."""
    today = today or date.today()
    rows = session.scalars(select(SuppressionRow).where(
        SuppressionRow.customer_id == customer_id, SuppressionRow.lifted_at.is_(None))
        .order_by(SuppressionRow.id))
    return tuple(s for s in (row.as_suppression() for row in rows) if s.in_force_on(today))


def customer_and_vehicle(uow: UnitOfWork, customer_key: str | int,
                         vin: str | None) -> tuple[int, int | None]:
    """The command line's customer (number or id) and, if a VIN is given, which of their
    vehicles it is; refused in words when they have none with that VIN."""
    with uow:
        customer = find_customer(uow.session, customer_key)
        if not vin:
            return customer.id, None
        wanted = vin.strip().upper()
        vehicle_id = uow.session.scalar(select(Vehicle.id).where(
            Vehicle.customer_id == customer.id, Vehicle.vin == wanted))
        if vehicle_id is None:
            raise NotAllowed(f"{customer.full_name} has no vehicle with the VIN {wanted}.")
        return customer.id, vehicle_id


@retried_when_desks_collide
def suppress(uow: UnitOfWork, actor: Actor, customer_id: int, form: SuppressionForm,
             expected_version: int | None = None) -> SavedSuppressions:
    """Stop ``form.message`` going to the customer (about one vehicle, if given)."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        customer = get(session, Customer, customer_id, "customer")
        check_version(customer, expected_version)
        reason = check_suppression(form.reason, form.ends_on, date.today())
        if form.vehicle_id is not None:
            vehicle = get(session, Vehicle, form.vehicle_id, "vehicle")
            if vehicle.customer_id != customer.id:
                raise NotAllowed("That vehicle is not in this customer's garage.")
        row = SuppressionRow(customer_id=customer.id, message=form.message, reason=reason,
                             vehicle_id=form.vehicle_id, ends_on=form.ends_on,
                             user_id=actor.user_id)
        session.add(row)
        session.flush()
        audit.record(session, actor, customer.id, "suppression", row.id, "added", None,
                     row.as_suppression().describe())
        return _saved(uow, customer, row.id)


@retried_when_desks_collide
def lift_suppression(uow: UnitOfWork, actor: Actor, suppression_id: int,
                     expected_version: int | None = None) -> SavedSuppressions:
    """The message may go out again; the suppression is kept, marked lifted."""
    return _mark(uow, actor, suppression_id, expected_version, lifted=True)


@retried_when_desks_collide
def put_back_suppression(uow: UnitOfWork, actor: Actor, suppression_id: int,
                         expected_version: int | None = None) -> SavedSuppressions:
    """Undo of a lift: in force again as it was."""
    return _mark(uow, actor, suppression_id, expected_version, lifted=False)


def _mark(uow: UnitOfWork, actor: Actor, suppression_id: int, expected_version: int | None,
          lifted: bool) -> SavedSuppressions:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        row = get(session, SuppressionRow, suppression_id, "suppression")
        customer = get(session, Customer, row.customer_id, "customer")
        check_version(customer, expected_version)
        if (row.lifted_at is not None) is lifted:
            raise NotAllowed("It is lifted already." if lifted else "It is in force already.")
        row.lifted_at, row.lifted_by_id = (utc_now(), actor.user_id) if lifted else (None, None)
        described = row.as_suppression().describe()
        audit.record(session, actor, customer.id, "suppression", row.id,
                     "removed" if lifted else "added", described if lifted else None,
                     None if lifted else described,
                     reason="lifted" if lifted else "put back")
        return _saved(uow, customer, row.id)


def _saved(uow: UnitOfWork, customer: Customer, suppression_id: int) -> SavedSuppressions:
    touch(customer)
    uow.flush()
    saved = SavedSuppressions(suppression_id, in_force(uow.session, customer.id),
                              customer.version)
    uow.commit()
    return saved
