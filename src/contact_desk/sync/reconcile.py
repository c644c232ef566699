"""Applying one checked DMS row to its customer, through the services' own helpers.

Only DMS-sourced phones and emails of the columns in the file are touched. A DMS field
whose value changed leaves its old row Inactive (dated the sync day) and carries the new
value, which takes the primary over if the old one had it; a value gone from the DMS
becomes Inactive and the primary moves by the default rule. A value the DMS still sends
is Active again unless the desk marked it Invalid (the DMS cannot know a number was
disconnected). Consent flags from the DMS become opt-out records (services/consent), only
ever added, never lifted: a STOP reply recorded at the desk outlives an export that has not
heard of it, and a flag the DMS repeats is recorded once.
Nothing is written for a row that matches what is stored, so a second run writes nothing.

A row of a customer merged into another (``alias``: its DMS number, kept) goes to the
survivor and touches only the values that came from that number; the survivor's name and
address follow its own DMS record, so two records never take turns at them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.customer import check_customer_names
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    Source,
    VehicleSource,
)
from contact_desk.domain.history import Cause
from contact_desk.domain.vehicle import VehicleDetails
from contact_desk.services import audit
from contact_desk.services.consent import add_records, dms_forms, still_to_record
from contact_desk.services.contact_points import apply_status, new_contact_point, settle_primary
from contact_desk.services.customers import change_details, new_customer
from contact_desk.services.garage import described, new_vehicle
from contact_desk.services.lookup import touch
from contact_desk.store.consent import records_of
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.sales import Vehicle
from contact_desk.sync.dms_csv import DmsRow, DmsValue

_NAMES = ("first_name", "last_name", "company")


class RowRefused(Exception):
    """One row of a batch cannot be used; the batch is rolled back and run without it."""

    def __init__(self, row: DmsRow, reason: str) -> None:
        super().__init__(reason)
        self.row = row
        self.reason = reason


@dataclass
class RowOutcome:
    created: bool = False
    changed: bool = False
    values_added: int = 0
    values_deactivated: int = 0
    vehicles_added: int = 0


def reconcile(
    session: Session, actor: Actor, customer: Customer | None, row: DmsRow, today: date,
    alias: str | None = None,
) -> RowOutcome:
    """Make ``customer`` (None: not yet in the desk) say what the DMS row says; ``alias``
    is the row's number when it is not the customer's own (a customer merged in).

    Raises a DomainError only before the first change of the row (the names, or a new
    address that needs a verification document), so the row can be skipped cleanly.
    """
    outcome = RowOutcome()
    if customer is None:
        customer = new_customer(session, actor, customer_number=row.customer_number,
                                **row.details)  # type: ignore[arg-type]
        outcome.created = outcome.changed = True
    elif alias is None:
        wanted = dict(row.details)
        if any(name in wanted for name in _NAMES):
            names = [str(wanted.get(n, getattr(customer, n))) for n in _NAMES]
            wanted.update(zip(_NAMES, check_customer_names(*names)))
        outcome.changed = bool(change_details(session, actor, customer, wanted))
    for kind in ContactKind:
        _reconcile_values(session, actor, customer, row, kind, today, outcome, alias)
    if row.vehicle is not None:
        _add_vehicle(session, actor, customer, row.vehicle, outcome)
    if outcome.changed:
        touch(customer)
    return outcome


def _reconcile_values(
    session: Session,
    actor: Actor,
    customer: Customer,
    row: DmsRow,
    kind: ContactKind,
    today: date,
    outcome: RowOutcome,
    alias: str | None,
) -> None:
    fields = {t for t in ContactPointType
              if t.kind is kind and t.dms_field is not None and t.dms_field in row.columns}
    if not fields:
        return
    points = customer.points(kind)
    wanted = [v for v in row.values if v.type in fields]
    targets, claimed = _targets(points, wanted, alias)
    leaving = [p for p in points if p.type in fields and p.dms_number == alias
               and p not in claimed and p.status is ContactStatus.ACTIVE]
    field_of = {p.id: p.type for p in leaving}
    for value in wanted:
        if value.type not in targets:  # a value the customer does not have yet
            targets[value.type] = added = new_contact_point(
                session, actor, customer, value.type, value.text, today, value.parsed)
            added.dms_number = alias
            outcome.values_added += 1
            continue
        point = targets[value.type]
        if point is None:  # a person added this value already: theirs stays as it is
            continue
        if point.type is not value.type:  # the DMS moved it to another field
            audit.record_changes(session, actor, customer.id, "contact_point", point.id,
                                 point, {"type": value.type})
            outcome.changed = True
        if point.status is ContactStatus.INACTIVE:
            apply_status(session, actor, customer, point, ContactStatus.ACTIVE, today)
            outcome.values_added += 1
    for point in leaving:
        successor = targets.get(field_of[point.id])  # None: the DMS has no such value now
        apply_status(session, actor, customer, point, ContactStatus.INACTIVE, today,
                     successor=successor,
                     cause=Cause.DMS_CHANGED if successor is not None else Cause.DMS_REMOVED)
        outcome.values_deactivated += 1
    settle_primary(session, actor, customer, kind)
    if outcome.values_added or outcome.values_deactivated:
        outcome.changed = True
    _set_consent(session, actor, customer, row, kind, targets, outcome)


def _targets(
    points: list[ContactPoint], wanted: list[DmsValue], alias: str | None = None
) -> tuple[dict[ContactPointType, ContactPoint | None], set[ContactPoint]]:
    """Which stored row carries each wanted value: the same field's row, else another DMS
    row holding the value (the DMS moved it), else None when a person's row holds it (or
    another DMS record's, merged in). A field left out has no row yet."""
    by_key = {(p.value, p.extension): p for p in points}
    targets: dict[ContactPointType, ContactPoint | None] = {}
    claimed: set[ContactPoint] = set()
    for value in wanted:
        point = by_key.get(value.key)
        if point is not None and point.type is value.type and point.dms_number == alias:
            targets[value.type] = point
            claimed.add(point)
    for value in wanted:
        point = by_key.get(value.key)
        if value.type in targets or point is None:
            continue
        if (point.type.source is Source.DMS and point.dms_number == alias
                and point not in claimed):
            targets[value.type] = point
            claimed.add(point)
        else:
            targets[value.type] = None
    return targets, claimed


def _set_consent(
    session: Session,
    actor: Actor,
    customer: Customer,
    row: DmsRow,
    kind: ContactKind,
    targets: dict[ContactPointType, ContactPoint | None],
    outcome: RowOutcome,
) -> None:
    forms = dms_forms(kind, row.consent)
    points = [point for point in targets.values() if point is not None]
    if not forms or not points:
        return
    found = records_of(session, ((point.kind, point.value) for point in points))
    for point in points:
        for form in forms:
            todo = still_to_record(found[(point.kind, point.value)], form)
            if todo is not None:
                add_records(session, actor, point.kind, point.value, todo)
                outcome.changed = True


def _add_vehicle(
    session: Session,
    actor: Actor,
    customer: Customer,
    wanted: VehicleDetails,
    outcome: RowOutcome,
) -> None:
    """The row's vehicle into the garage, unless it is there: the same VIN, or without a VIN
    the same year, make and model."""
    garage = [] if outcome.created else session.scalars(
        select(Vehicle).where(Vehicle.customer_id == customer.id)).all()
    for vehicle in garage:
        if wanted.vin and vehicle.vin == wanted.vin:
            return
        same_car = (vehicle.year, vehicle.make.casefold(), vehicle.model.casefold()) == (
            wanted.year, wanted.make.casefold(), wanted.model.casefold())
        if not wanted.vin and not vehicle.vin and same_car:
            return
    vehicle = new_vehicle(session, customer.id, wanted, owned=True, source=VehicleSource.DMS)
    audit.record(session, actor, customer.id, "vehicle", vehicle.id, "added", None,
                 described(vehicle), reason=VehicleSource.DMS.label)
    outcome.vehicles_added += 1
    outcome.changed = True
