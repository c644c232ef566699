"""Customers the DMS sends for the first time, written a batch at a time: one INSERT per table.

What is written is what ``reconcile`` writes for a customer it does not know, audit events
included. Both follow one plan: a new customer's columns are ``new_customer_columns``', a
new value's ``new_point_columns``', the primary is the default rule's with its reason, the
consent flags become the records ``services.consent`` plans, and what the ORM adds on its own way (search keys
and their rows, first versions, defaults) the store adds here from the same functions and columns. Only the way
to the database is shorter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    VehicleSource,
)
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.history import Cause
from contact_desk.domain.primary import PrimaryCandidate, default_primary
from contact_desk.services import audit
from contact_desk.services.consent import dms_forms, first_record_events, record_columns
from contact_desk.services.contact_points import (
    PRIMARY_FIELD,
    first_primary_reason,
    new_point_columns,
)
from contact_desk.services.customers import new_customer_columns
from contact_desk.services.forms import ConsentForm
from contact_desk.services.garage import described
from contact_desk.store.activity import AuditEvent
from contact_desk.store.base import utc_now
from contact_desk.store.bulk import insert_rows
from contact_desk.store.consent import ConsentRow
from contact_desk.store.customer import ContactPoint, Customer, search_keys, shown_name
from contact_desk.store.sales import Vehicle
from contact_desk.store.search_keys import SearchKeyRow, key_rows
from contact_desk.sync.dms_csv import DmsRow, DmsValue
from contact_desk.sync.reconcile import RowOutcome, RowRefused


def create_customers(
    session: Session, actor: Actor, rows: Sequence[DmsRow], today: date
) -> list[RowOutcome]:
    """Add a customer for each row (none of them is in the desk yet); an outcome per row."""
    if not rows:
        return []
    customers = [_customer(row, today) for row in rows]
    by_number = _insert(session, Customer, customers, "customer_number")
    ids = [by_number[(customer["customer_number"],)] for customer in customers]
    events: list[dict[str, Any]] = []
    points: list[tuple[int, DmsValue, bool, list[ConsentForm]]] = []
    outcomes = []
    for row, customer, customer_id in zip(rows, customers, ids):
        name = shown_name(customer["first_name"], customer["last_name"], customer["company"],
                          customer["customer_number"], customer_id)
        events.append(audit.event(actor, customer_id, "customer", customer_id, "created",
                                  None, name))
        points += _points(row, customer_id)
        outcomes.append(RowOutcome(created=True, changed=True,
                                   values_added=len(row.values),
                                   vehicles_added=int(row.vehicle is not None)))
    point_ids = []
    if points:
        by_value = _insert(session, ContactPoint, [
            _point_columns(customer_id, value, primary, today)
            for customer_id, value, primary, _ in points
        ], "customer_id", "kind", "value", "extension")
        point_ids = [by_value[(customer_id, value.kind, *value.key)]
                     for customer_id, value, _, _ in points]
    events += _point_events(actor, points, point_ids)
    _consent_records(session, actor, points, point_ids)
    events += _vehicles(session, actor, rows, ids)
    insert_rows(session, AuditEvent.__table__, events)
    insert_rows(session, SearchKeyRow.__table__, [
        key for row, customer, customer_id in zip(rows, customers, ids)
        for key in key_rows(customer_id, customer,
                            [(value.kind, value.parsed.value, value.parsed.local_digits)
                             for value in row.values],
                            [row.vehicle.vin] if row.vehicle is not None else [])])
    return outcomes


def _insert(session: Session, entity: type, rows: list[dict[str, Any]],
            *key: str) -> dict[tuple, int]:
    """Insert ``rows`` into ``entity``'s table; each new id by the ``key`` columns' values.

    The ids are read back afterwards (asking for them with the INSERT would send the rows
    through SQLAlchemy one at a time): the first key column's values are new to the table,
    so the rows having them are the rows just written.
    """
    table = entity.__table__
    insert_rows(session, table, rows)
    first = table.c[key[0]]
    found = session.execute(select(table.c.id, *(table.c[name] for name in key))
                            .where(first.in_({row[key[0]] for row in rows})))
    return {tuple(row[1:]): row[0] for row in found}


def _customer(row: DmsRow, today: date) -> dict[str, Any]:
    details = row.details
    born = details.get("birth_date")
    try:
        columns = new_customer_columns(
            first_name=str(details.get("first_name", "")),
            last_name=str(details.get("last_name", "")),
            company=str(details.get("company", "")), customer_number=row.customer_number,
            birth_date=born if isinstance(born, date) else None, details=details, today=today)
    except InvalidValue as error:
        raise RowRefused(row, error.message) from None
    return columns | search_keys(columns["first_name"], columns["last_name"],
                                 columns["company"])


def _points(row: DmsRow, customer_id: int) -> list[tuple[int, DmsValue, bool, list[ConsentForm]]]:
    """Each value of the row with whether the default rule makes it primary, and the
    opt-outs its DMS flags state."""
    found = []
    for kind in ContactKind:
        values = [value for value in row.values if value.kind is kind]
        chosen = _primary_at(tuple(value.type for value in values))
        forms = dms_forms(kind, row.consent)
        found += [(customer_id, value, at == chosen, forms) for at, value in enumerate(values)]
    return found


@cache
def _primary_at(types: tuple[ContactPointType, ...]) -> int | None:
    """Where the default rule puts the primary among a new customer's values of one kind,
    all active, of ``types`` in file order. Rows repeat a handful of layouts, so each
    layout is asked once."""
    chosen = default_primary(PrimaryCandidate(at, type_, ContactStatus.ACTIVE, False, at)
                             for at, type_ in enumerate(types))
    return None if chosen is None else chosen.id


def _point_columns(customer_id: int, value: DmsValue, primary: bool,
                   today: date) -> dict[str, Any]:
    """The plan's columns and the primary."""
    return {"customer_id": customer_id, **new_point_columns(value.type, value.parsed, today),
            "is_primary": primary}


def _consent_records(session: Session, actor: Actor,
                     points: list[tuple[int, DmsValue, bool, list[ConsentForm]]],
                     point_ids: Sequence[int]) -> None:
    """The DMS's opt-outs of the new values, as reconcile records them, in one INSERT."""
    at = utc_now()
    rows = [columns for (customer_id, value, _, forms) in points for form in forms
            for columns in record_columns(actor, value.kind, value.parsed.value, form, at,
                                          customer_id)]
    insert_rows(session, ConsentRow.__table__, rows)


def _point_events(actor: Actor, points: list[tuple[int, DmsValue, bool, list[ConsentForm]]],
                  point_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The audit trail reconcile leaves: each value added, then the primary, then consent."""
    events = []
    by_kind: dict[tuple[int, ContactKind], list[tuple[int, DmsValue, bool, list]]] = {}
    for (customer_id, value, primary, forms), point_id in zip(points, point_ids):
        by_kind.setdefault((customer_id, value.kind), []).append(
            (point_id, value, primary, forms))
    for (customer_id, kind), added in by_kind.items():
        for point_id, value, _, _ in added:
            events.append(audit.event(actor, customer_id, "contact_point", point_id, "added",
                                      None, value.parsed.display, reason=value.type.label))
        primary = next(value for _, value, is_primary, _ in added if is_primary)
        events.append(audit.event(
            actor, customer_id, "customer", customer_id, PRIMARY_FIELD[kind], None,
            primary.parsed.display, reason=first_primary_reason(kind),
            cause=Cause.DEFAULT_RULE))
        for point_id, _, _, forms in added:
            events += [event for form in forms
                       for event in first_record_events(actor, (point_id, customer_id), form)]
    return events


def _vehicles(session: Session, actor: Actor, rows: Sequence[DmsRow],
              ids: Sequence[int]) -> list[dict[str, Any]]:
    owners = [(customer_id, row.vehicle) for row, customer_id in zip(rows, ids)
              if row.vehicle is not None]
    if not owners:
        return []
    by_owner = _insert(session, Vehicle, [
        {"customer_id": customer_id, "vin": wanted.vin, "vin_reversed": wanted.vin[::-1],
         "year": wanted.year, "make": wanted.make, "model": wanted.model,
         "source": VehicleSource.DMS, "owned": True}
        for customer_id, wanted in owners
    ], "customer_id")  # a new customer has the one vehicle of the row
    vehicle_ids = [by_owner[(customer_id,)] for customer_id, _ in owners]
    return [audit.event(actor, customer_id, "vehicle", vehicle_id, "added", None,
                        described(wanted), reason=VehicleSource.DMS.label)
            for (customer_id, wanted), vehicle_id in zip(owners, vehicle_ids)]
