"""A customer's history, field by field and newest first: when, who, at which desk or by
which sync or import, why, old -> new. Read from the audit events' typed columns, rendered
with the labels of today's desk (domain/history); the same for the window, the command line
and the CSV export."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from contact_desk.domain.enums import LabelledEnum
from contact_desk.domain.history import CONSENT_FIELD_OF, Cause, Entity, Field, shown
from contact_desk.services.files import check_output
from contact_desk.services.lookup import find_customer, get
from contact_desk.store.activity import AuditEvent
from contact_desk.store.customer import Customer
from contact_desk.store.database import Database
from contact_desk.store.unit_of_work import UnitOfWork


class HistoryGroup(LabelledEnum):
    """What a clerk filters the history by."""

    CONTACT_POINTS = "Phones and emails"
    CONSENT = "Consent and suppressed messages"
    CONTACTS = "People on the account"
    PROGRAMS = "Programs and invoices"
    ASSIGNMENTS = "Assigned users"
    OTHER = "Name, address, notes, vehicles and deals"


CONSENT_FIELDS = frozenset({Field.DO_NOT_CALL, Field.DO_NOT_TEXT, Field.TEXT_CONSENT,
                            Field.MARKETING_OPT_OUT, *CONSENT_FIELD_OF.values()})
_GROUP_OF_ENTITY = {
    Entity.CONTACT_POINT: HistoryGroup.CONTACT_POINTS,
    Entity.ACCOUNT_CONTACT: HistoryGroup.CONTACTS,
    Entity.CONTACT_PERSON: HistoryGroup.CONTACTS,
    Entity.PROGRAM: HistoryGroup.PROGRAMS,
    Entity.INVOICE: HistoryGroup.PROGRAMS,
    Entity.VERIFICATION_DOCUMENT: HistoryGroup.PROGRAMS,
    Entity.ASSIGNMENT: HistoryGroup.ASSIGNMENTS,
    Entity.SUPPRESSION: HistoryGroup.CONSENT,
    Entity.CUSTOMER_LINK: HistoryGroup.CONTACTS,
}
ACCOUNT_FIGURE_FIELDS = frozenset({Field.REGULAR_AMOUNT, Field.PAYMENT_FREQUENCY,
                                   Field.CURRENT_DUE_DATE, Field.CURRENT_AMOUNT_DUE})
CSV_COLUMNS = ("when", "who", "desk", "why", "what", "field", "old", "new", "detail")


def group_of(entity: Entity, field: Field) -> HistoryGroup:
    if field in CONSENT_FIELDS:
        return HistoryGroup.CONSENT
    if field in (Field.PRIMARY_PHONE, Field.PRIMARY_EMAIL):
        return HistoryGroup.CONTACT_POINTS
    if field in ACCOUNT_FIGURE_FIELDS:
        return HistoryGroup.PROGRAMS
    return _GROUP_OF_ENTITY.get(entity, HistoryGroup.OTHER)


@dataclass(frozen=True)
class HistoryEntry:
    """One change of one field, as the history shows it (labels, not codes)."""

    id: int
    at: datetime
    who: str
    desk: str
    cause: Cause
    group: HistoryGroup
    entity: Entity
    field: Field
    old: str
    new: str
    detail: str

    @property
    def why(self) -> str:
        return self.cause.label

    @property
    def what(self) -> str:
        return self.entity.label

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "who": self.who, "desk": self.desk,
                "cause": self.cause.cli_name, "why": self.why, "group": self.group.cli_name,
                "entity": self.entity.cli_name, "what": self.what,
                "field": self.field.cli_name, "field_label": self.field.label,
                "old": self.old, "new": self.new, "detail": self.detail}

    def csv_row(self) -> list[str]:
        return [self.at.astimezone().isoformat(timespec="seconds"), self.who, self.desk,
                self.why, self.what, self.field.label, self.old, self.new, self.detail]


@dataclass(frozen=True)
class CustomerHistory:
    customer_id: int
    customer_name: str
    entries: tuple[HistoryEntry, ...]

    def of(self, groups: Iterable[HistoryGroup] | None) -> tuple[HistoryEntry, ...]:
        """The entries in ``groups`` (every one when None), newest first."""
        if groups is None:
            return self.entries
        wanted = frozenset(groups)
        return tuple(entry for entry in self.entries if entry.group in wanted)


def customer_history(uow: UnitOfWork, customer: str | int) -> CustomerHistory:
    """Every change of a customer, newest first: ``customer`` is an internal id (the window)
    or what a clerk types on the command line (a DMS number or ``#id``)."""
    with uow:
        session = uow.session
        found = (get(session, Customer, customer, "customer") if isinstance(customer, int)
                 else find_customer(session, customer))
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.customer_id == found.id)
            .options(selectinload(AuditEvent.user))
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))
        return CustomerHistory(found.id, found.full_name,
                               tuple(_entry(event) for event in events))


def _entry(event: AuditEvent) -> HistoryEntry:
    return HistoryEntry(
        id=event.id, at=event.at, who=event.user.name if event.user else "nobody recorded",
        desk=event.desk, cause=event.cause, group=group_of(event.entity, event.field),
        entity=event.entity, field=event.field, old=shown(event.field, event.old),
        new=shown(event.field, event.new), detail=event.reason)


def export_history_csv(database: Database, path: Path,
                       entries: Iterable[HistoryEntry]) -> int:
    """Write ``entries`` as CSV (a spreadsheet opens it); the file appears whole or not at
    all, and never over the database. Returns how many rows were written."""
    output = check_output(database, Path(path))
    written = 0
    with output.open(encoding="utf-8-sig") as file:  # the BOM tells Excel it is UTF-8
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for entry in entries:
            writer.writerow([_safe_cell(cell) for cell in entry.csv_row()])
            written += 1
    return written


def _safe_cell(text: str) -> str:
    """A value a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
