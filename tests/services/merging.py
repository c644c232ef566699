"""What the merge tests share: two customers who are one person, built through the desk's
own services, and the whole database as values (versions aside) to compare before and after."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import ConsentState
from contact_desk.domain.enums import (
    AssignmentRole,
    AttemptOutcome,
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactRole,
    Source,
)
from contact_desk.domain.history import Field
from contact_desk.domain.recipients import MessageType
from contact_desk.services import activity, additional_contacts, contact_info, garage, users
from contact_desk.services.customers import create_customer, get_customer, open_customer
from contact_desk.services.forms import ContactForm
from contact_desk.services.suppressions import SuppressionForm, suppress
from contact_desk.store.database import Database
from contact_desk.store.models import Base
from tests.consent import said

# Rows whose values a merge and its unmerge may leave different: the versions (they move
# on, so a desk holding an old copy is refused) and when a customer last changed.
MOVING_COLUMNS = frozenset({"version", "updated_at"})
# The merge's own record and history entries; everything else must come back as it was.
OWN_TABLES = frozenset({"customer_merge"})
OWN_FIELDS = frozenset({Field.MERGED.name, Field.UNMERGED.name})


def values_of(database: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table as its values, versions and merge records aside."""
    found: dict[str, list[dict[str, Any]]] = {}
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in OWN_TABLES:
                continue
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            kept = [{k: v for k, v in row._mapping.items() if k not in MOVING_COLUMNS}
                    for row in rows]
            if table.name == "audit_event":
                kept = [row for row in kept if row["field"].name not in OWN_FIELDS]
            found[table.name] = kept
    return found


def kept_values(database: Database, customer_id: int) -> Counter[tuple[str, ...]]:
    """A customer's phones, emails, people, notes, vehicles... as a multiset of values."""
    view = open_customer(database.unit_of_work(), customer_id)  # this row, merged away or not
    held: Counter[tuple[str, ...]] = Counter()
    held.update(("point", p.kind.name, p.value, p.extension) for p in (*view.phones,
                                                                       *view.emails))
    held.update(("person", c.first_name, c.last_name) for c in view.contacts)
    from contact_desk.store import models

    with database.sessions() as session:
        for model, columns in ((models.Note, ("body",)), (models.Vehicle, ("vin", "make")),
                               (models.ContactAttempt, ("channel", "outcome")),
                               (models.SuppressionRow, ("message", "reason")),
                               (models.Program, ("number",)), (models.Invoice, ("number",)),
                               (models.Deal, ("source",)),
                               (models.ConsentRow, ("value", "channel", "purpose", "state"))):
            for row in session.scalars(select(model).where(model.customer_id == customer_id)):
                held[(model.__tablename__, *(str(getattr(row, c)) for c in columns))] += 1
    return held


@dataclass(frozen=True)
class Pair:
    keep: int
    other: int


def phone(database: Database, actor: Actor, customer_id: int, text: str,
          source: Source = Source.DEALER) -> int:
    saved = contact_info.add_contact_point(database.unit_of_work(), actor, customer_id,
                                           ContactKind.PHONE, text, source)
    return max(p.id for p in saved.info.phones)


def email(database: Database, actor: Actor, customer_id: int, text: str,
          source: Source = Source.DEALER) -> int:
    saved = contact_info.add_contact_point(database.unit_of_work(), actor, customer_id,
                                           ContactKind.EMAIL, text, source)
    return max(p.id for p in saved.info.emails)


def ann_twice(database: Database, manager: Actor, vin: Any = None) -> Pair:
    """Ann Lee on file twice: the first with a phone, an email, a note, a spouse; the
    second (a walk-in typed again) with the same email, another phone, her car, a note, an
    attempt, a STOP, a suppression, a bookkeeper and the same spouse, and a Sales user."""
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee",
                           address_line1="1 Oak St", city="Springfield", state="IL",
                           postal_code="62701")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee",
                            birth_date=date(1980, 5, 1))
    phone(database, manager, keep, "(312) 555-0100")
    email(database, manager, keep, "ann@example.com")
    activity.add_note(uow(), manager, keep, "Prefers mornings.")
    spouse = ContactForm(first_name="Bo", last_name="Lee", role=ContactRole.SPOUSE,
                         email="bo@example.com",
                         preferences=frozenset({CommunicationPreference.SCHEDULING}))
    additional_contacts.add_contact(uow(), manager, keep, spouse)
    cell = phone(database, manager, other, "(312) 555-0142")
    email(database, manager, other, "Ann@Example.com")
    activity.add_note(uow(), manager, other, "Walked in on Saturday.")
    activity.log_contact_attempt(uow(), manager, other, Channel.CALL, AttemptOutcome.REACHED)
    if vin is not None:
        garage.add_vehicle(uow(), manager, other, vin(7), 2019, "Honda", "Civic")
    contact_info.set_consent(uow(), manager, cell, said(Channel.TEXT, ConsentState.OPTED_OUT))
    suppress(uow(), manager, other, SuppressionForm(message=MessageType.MARKETING,
                                                    reason="asked at the desk"))
    person = get_customer(uow(), f"#{keep}").contacts[0]
    additional_contacts.link_existing_contact(
        uow(), manager, other, person.person_id, role=ContactRole.SPOUSE,
        preferences=frozenset({CommunicationPreference.INVOICES}))
    additional_contacts.add_contact(uow(), manager, other, ContactForm(
        first_name="Cy", last_name="Books", role=ContactRole.BOOKKEEPER, primary_contact=True))
    users.assign_user(uow(), manager, other, AssignmentRole.SALES, manager.user_id)
    return Pair(keep, other)


def version_of(database: Database, customer_id: int) -> int:
    return get_customer(database.unit_of_work(), f"#{customer_id}").version
