"""Merge two customers who are one person, and unmerge them.

A merge keeps every value (equal phones and emails once), moves every record of the
customer merged in to the survivor, leaves one primary phone and email, remembers both DMS
numbers, and is one transaction and one history entry (cause: merged). The customer merged
in stays as a row pointing to the survivor (store/merges), so its number and id lead there.
Unmerge puts back exactly what the merge changed, while neither customer has changed since.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import (
    AssignmentRole,
    ContactKind,
    ContactPointType,
    ContactStatus,
    Permission,
)
from contact_desk.domain.errors import ConflictError, NotAllowed, NotFound
from contact_desk.domain.history import Cause, Entity, Field
from contact_desk.domain.merge import (
    CustomerFacts,
    FieldValue,
    LinkFacts,
    MergeChoices,
    MergeField,
    MergePlan,
    PointFacts,
    Side,
    check_can_merge,
    plan_merge,
)
from contact_desk.domain.primary import check_can_be_primary
from contact_desk.domain.program import bill_to_address
from contact_desk.services import audit
from contact_desk.services.lookup import check_version, find_customer, get
from contact_desk.services.merge_rows import MOVED_WHOLE, merge_rows
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.household import CustomerLink
from contact_desk.store.merges import CustomerMerge, merge_in_force, survivor_of
from contact_desk.store.people import AccountContact
from contact_desk.store.row_log import RowLog, put_back, steps_of
from contact_desk.store.sales import Vehicle
from contact_desk.store.search_keys import SearchKeyRow, refresh_search_keys
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide
from contact_desk.store.users import Assignment, User

_CUSTOMER = Customer.__table__
CHANGED_SINCE = ("{name} changed after the merge, so it can no longer be undone: nothing "
                 "was changed. Make the changes needed by hand instead.")
CHANGED_BEFORE = ("Another desk changed {name} after you opened the merge. Nothing was "
                  "merged: look at the two customers again and merge once more.")
# What a table's rows are called when a merge moves them.
RECORD_WORDS = {
    "contact_point": ("phone or email", "phones and emails"),
    "account_contact": ("person on the account", "people on the account"),
    "possible_duplicate": ("possible duplicate", "possible duplicates"),
    "customer_link": ("linked customer", "linked customers"),
    "note": ("note", "notes"),
    "contact_attempt": ("contact attempt", "contact attempts"),
    "web_activity": ("website visit", "website visits"),
    "consent_record": ("consent record", "consent records"),
    "suppression": ("suppressed message", "suppressed messages"),
    "deal": ("deal", "deals"),
    "vehicle": ("vehicle", "vehicles"),
    "program": ("program", "programs"),
    "invoice": ("invoice", "invoices"),
    "verification_document": ("verification document", "verification documents"),
    "card_uid": ("vCard identity", "vCard identities"),
    "audit_event": ("history entry", "history entries"),
}


def counted(count: int, table: str) -> str:
    one, many = RECORD_WORDS[table]
    return f"{count:,} {one if count == 1 else many}"


@dataclass(frozen=True)
class PointChoice:
    """A phone or email of one side, as the merge dialog offers it for primary."""

    id: int
    kind: ContactKind
    display: str
    type: ContactPointType
    status: ContactStatus
    is_primary: bool
    why_not_primary: str | None


@dataclass(frozen=True)
class MergeCustomer:
    """One of the two customers, as the merge dialog puts it side by side."""

    id: int
    number: str  # the DMS number, else "#id"
    name: str
    version: int
    from_dms: bool
    values: Mapping[MergeField, str]
    points: tuple[PointChoice, ...]
    records: tuple[str, ...]  # what else it has, in words ("3 notes")

    def of(self, kind: ContactKind) -> tuple[PointChoice, ...]:
        return tuple(point for point in self.points if point.kind is kind)


@dataclass(frozen=True)
class MergePreview:
    """What merging ``other`` into ``keep`` would do by default; ``why_not`` is the reason
    the person at the desk may not (None: they may)."""

    keep: MergeCustomer
    other: MergeCustomer
    sides: Mapping[MergeField, Side]
    primary: Mapping[ContactKind, int | None]
    kept_once: tuple[str, ...]
    moving: tuple[str, ...]
    why_not: str | None

    def differs(self, merge_field: MergeField) -> bool:
        return self.keep.values[merge_field] != self.other.values[merge_field]


@dataclass(frozen=True)
class MergeDone:
    """A merge saved: its id (for Unmerge), and the versions it left both customers at."""

    merge_id: int
    survivor_id: int
    survivor_number: str
    survivor_version: int
    merged_id: int
    merged_number: str
    merged_version: int
    sides: Mapping[MergeField, Side]
    moved: tuple[str, ...]
    kept_once: tuple[str, ...]
    primary: Mapping[ContactKind, str | None]

    def as_dict(self) -> dict[str, Any]:
        return {"merge_id": self.merge_id, "survivor": self.survivor_number,
                "merged": self.merged_number,
                "fields": {f.cli_name: side.cli_name for f, side in self.sides.items()},
                "moved": list(self.moved), "kept_once": list(self.kept_once),
                "primary_phone": self.primary.get(ContactKind.PHONE),
                "primary_email": self.primary.get(ContactKind.EMAIL)}


@dataclass(frozen=True)
class Unmerged:
    """An unmerge saved: both customers as they were, at new versions."""

    merge_id: int
    survivor_id: int
    survivor_version: int
    merged_id: int
    merged_number: str
    merged_version: int

    def as_dict(self) -> dict[str, Any]:
        return {"merge_id": self.merge_id, "restored": self.merged_number}


def merge_preview(uow: UnitOfWork, actor: Actor, keep_id: int, other_id: int) -> MergePreview:
    """Both customers side by side and the default of every choice; refused (NotAllowed,
    NotFound) for a customer and itself, or one gone or merged away."""
    check_can_merge(keep_id, other_id)
    with uow:
        session = uow.session
        keep, other = _two(session, keep_id, other_id)
        keep_facts, other_facts = _facts(session, keep), _facts(session, other)
        plan = plan_merge(keep_facts, other_facts)
        return MergePreview(
            keep=_side(session, keep, keep_facts), other=_side(session, other, other_facts),
            sides=plan.sides, primary={k: _id(plan.primary(k)) for k in ContactKind},
            kept_once=_kept_once(session, plan), moving=_moving(session, other.id, plan),
            why_not=actor.why_not(Permission.MERGE_CUSTOMERS))


@retried_when_desks_collide
def merge_customers(uow: UnitOfWork, actor: Actor, keep_id: int, other_id: int,
                    choices: MergeChoices | None = None, keep_version: int | None = None,
                    other_version: int | None = None) -> MergeDone:
    """Merge customer ``other_id`` into ``keep_id`` with the clerk's ``choices`` (the
    defaults for the rest). ``keep_version``/``other_version`` are those the clerk saw:
    another desk's change since is refused (ConflictError), nothing moved."""
    actor.require(Permission.MERGE_CUSTOMERS)
    check_can_merge(keep_id, other_id)
    with uow:
        session = uow.session
        keep, other = _two(session, keep_id, other_id)
        for customer, expected in ((keep, keep_version), (other, other_version)):
            check_version(customer, expected, CHANGED_BEFORE.format(name=_named(customer)))
        _take(session, [keep, other], CHANGED_BEFORE)
        keep, other = _two(session, keep_id, other_id)
        plan = plan_merge(_facts(session, keep), _facts(session, other), choices)
        kept_once = _kept_once(session, plan)
        moving = _moving(session, other.id, plan)
        primary = {kind: point.display if (point := plan.primary(kind)) else None
                   for kind in ContactKind}
        merged_number, merged_name = _number(other), other.full_name
        log = RowLog(session)
        merge_rows(session, log, actor, keep_id, other_id, plan)
        # The rows moved by plain statements, past the flush that keeps search keys: the
        # survivor is found by what it has now, the merged-away customer by nothing.
        refresh_search_keys(session, [keep_id])
        session.connection().execute(delete(SearchKeyRow).where(
            SearchKeyRow.customer_id == other_id))
        versions = _versions(session, keep_id, other_id)
        merge = CustomerMerge(survivor_id=keep_id, merged_id=other_id, user_id=actor.user_id,
                              desk=audit.this_desk(), survivor_version=versions[keep_id],
                              merged_version=versions[other_id], undo=log.as_json())
        session.add(merge)
        uow.flush()
        taken = [f.label.lower() for f, side in plan.sides.items()
                 if side is Side.OTHER and plan.values[f].shown]
        audit.record(session, actor, keep_id, Entity.CUSTOMER, other_id, Field.MERGED, None,
                     merged_number, reason=_history_words(merged_number, merged_name, moving,
                                                          kept_once, taken),
                     cause=Cause.MERGED)
        survivor_number = _number_of(session, keep_id)
        uow.commit()
        return MergeDone(
            merge_id=merge.id, survivor_id=keep_id,
            survivor_number=survivor_number, survivor_version=versions[keep_id],
            merged_id=other_id, merged_number=merged_number,
            merged_version=versions[other_id], sides=dict(plan.sides), moved=moving,
            kept_once=kept_once, primary=primary)


@retried_when_desks_collide
def unmerge(uow: UnitOfWork, actor: Actor, merge_id: int) -> Unmerged:
    """Put both customers back exactly as they were before merge ``merge_id`` (at new
    versions); refused once either has changed since (ConflictError), nothing changed."""
    actor.require(Permission.MERGE_CUSTOMERS)
    with uow:
        session = uow.session
        merge = get(session, CustomerMerge, merge_id, "merge")
        if merge.unmerged_at is not None:
            raise NotAllowed("That merge was undone already.")
        survivor = get(session, Customer, merge.survivor_id, "customer")
        merged = get(session, Customer, merge.merged_id, "customer")
        for customer, left in ((survivor, merge.survivor_version),
                               (merged, merge.merged_version)):
            if customer.version != left:
                raise ConflictError(CHANGED_SINCE.format(name=_named(customer)))
        _take(session, [survivor, merged], CHANGED_SINCE)
        put_back(session, steps_of(merge.undo))
        refresh_search_keys(session, [survivor.id, merged.id])  # both found again as before
        merge.unmerged_at, merge.unmerged_by_id = utc_now(), actor.user_id
        uow.flush()
        session.expire_all()
        restored = _number_of(session, merged.id)
        audit.record(session, actor, survivor.id, Entity.CUSTOMER, merged.id, Field.UNMERGED,
                     restored, None, cause=Cause.MERGED)
        audit.record(session, actor, merged.id, Entity.CUSTOMER, survivor.id, Field.UNMERGED,
                     _number_of(session, survivor.id), None, cause=Cause.MERGED)
        versions = _versions(session, survivor.id, merged.id)
        uow.commit()
        return Unmerged(merge_id=merge_id, survivor_id=survivor.id,
                        survivor_version=versions[survivor.id], merged_id=merged.id,
                        merged_number=restored, merged_version=versions[merged.id])


def merge_to_undo(uow: UnitOfWork, customer: str) -> int:
    """The merge ``unmerge CUSTOMER`` undoes: the one that took that customer away (a DMS
    number or "#id", as typed on the command line), else the newest merge into it."""
    with uow:
        session = uow.session
        found = find_customer(session, customer, follow_merges=False)
        merge = merge_in_force(session, found.id) or session.scalars(
            select(CustomerMerge).where(CustomerMerge.survivor_id == found.id,
                                        CustomerMerge.unmerged_at.is_(None))
            .order_by(CustomerMerge.id.desc())).first()
        if merge is None:
            raise NotFound(f"{_named(found)} has no merge to undo: it was not merged into "
                           "another customer, and none was merged into it.")
        return merge.id


def merge_keys(uow: UnitOfWork, keep: str, other: str) -> tuple[int, int]:
    """The two customers a command line names (DMS numbers or "#id"), as they are: a
    customer merged away is named as itself, for the merge to refuse in words."""
    with uow:
        return tuple(find_customer(uow.session, key, follow_merges=False).id  # type: ignore
                     for key in (keep, other))


# ---------------------------------------------------------------- reading the two


def _two(session: Session, keep_id: int, other_id: int) -> tuple[Customer, Customer]:
    keep = get(session, Customer, keep_id, "customer")
    other = get(session, Customer, other_id, "customer")
    for customer in (keep, other):
        if merge_in_force(session, customer.id) is not None:
            survivor = session.get(Customer, survivor_of(session, customer.id))
            raise NotFound(f"{_named(customer)} was merged into {_named(survivor)} already; "
                           "open that customer instead.")
    return keep, other


def _take(session: Session, customers: list[Customer], conflict: str) -> None:
    """Both customers' rows, taken for this transaction in the order of their ids (so two
    merges never wait on each other), each at the version read: another desk's change
    since refuses the merge."""
    for customer in sorted(customers, key=lambda c: c.id):
        done = session.execute(update(_CUSTOMER).where(
            _CUSTOMER.c.id == customer.id, _CUSTOMER.c.version == customer.version)
            .values(version=_CUSTOMER.c.version + 1, updated_at=utc_now()))
        if done.rowcount != 1:
            raise ConflictError(conflict.format(name=_named(customer)))
    session.expire_all()


def _versions(session: Session, *ids: int) -> dict[int, int]:
    return dict(session.execute(select(_CUSTOMER.c.id, _CUSTOMER.c.version).where(
        _CUSTOMER.c.id.in_(ids))).all())


def _number(customer: Customer) -> str:
    return customer.customer_number or f"#{customer.id}"


def _number_of(session: Session, customer_id: int) -> str:
    number = session.scalar(select(_CUSTOMER.c.customer_number).where(
        _CUSTOMER.c.id == customer_id))
    return number or f"#{customer_id}"


def _named(customer: Customer | None) -> str:
    if customer is None:
        return "another customer"
    return f"{customer.full_name} ({_number(customer)})"


def _id(point: Any) -> int | None:
    return point.id if point is not None else None


def _facts(session: Session, customer: Customer) -> CustomerFacts:
    assigned = dict(session.execute(select(Assignment.role, Assignment.user_id).where(
        Assignment.customer_id == customer.id)).all())
    names = _user_names(session, list(assigned.values()))
    values = {
        MergeField.FIRST_NAME: FieldValue((customer.first_name,), customer.first_name),
        MergeField.LAST_NAME: FieldValue((customer.last_name,), customer.last_name),
        MergeField.COMPANY: FieldValue((customer.company,), customer.company),
        MergeField.BIRTH_DATE: FieldValue(
            (customer.birth_date,),
            customer.birth_date.isoformat() if customer.birth_date else ""),
        MergeField.ADDRESS: FieldValue(
            tuple(getattr(customer, c) for c in MergeField.ADDRESS.columns),
            bill_to_address(customer.address_line1, customer.city, customer.state,
                            customer.postal_code)),
        MergeField.PAYMENT: FieldValue(
            tuple(getattr(customer, c) for c in MergeField.PAYMENT.columns),
            _payment_words(customer)),
    }
    for role in AssignmentRole:
        user_id = assigned.get(role)
        values[MergeField[role.name]] = FieldValue((user_id,), names.get(user_id, ""))
    points = tuple(PointFacts(
        id=p.id, kind=p.kind, type=p.type, value=p.value, extension=p.extension,
        display=p.display, status=p.status, status_date=p.status_date,
        is_primary=p.is_primary, dms_number=p.dms_number, card_types=p.card_types)
        for p in customer.contact_points)
    links = tuple(LinkFacts(id=link.id, person_id=link.person_id,
                            primary_contact=link.primary_contact,
                            preferences=link.preferences)
                  for link in session.scalars(select(AccountContact).where(
                      AccountContact.customer_id == customer.id).order_by(AccountContact.id)))
    return CustomerFacts(id=customer.id, customer_number=customer.customer_number,
                         values=values, points=points, links=links)


def _user_names(session: Session, ids: list[int]) -> dict[int | None, str]:
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.name).where(User.id.in_(ids))).all())


def _payment_words(customer: Customer) -> str:
    parts = []
    if customer.regular_amount is not None:
        every = f" {customer.payment_frequency.label.lower()}" \
            if customer.payment_frequency else ""
        parts.append(f"{customer.regular_amount:,.2f}{every}")
    if customer.current_amount_due is not None:
        parts.append(f"{customer.current_amount_due:,.2f} due")
    if customer.current_due_date is not None:
        parts.append(f"on {customer.current_due_date.isoformat()}")
    return " ".join(parts)


def _side(session: Session, customer: Customer, facts: CustomerFacts) -> MergeCustomer:
    return MergeCustomer(
        id=customer.id, number=_number(customer), name=customer.full_name,
        version=customer.version, from_dms=facts.from_dms,
        values={f: value.shown for f, value in facts.values.items()},
        points=tuple(PointChoice(id=p.id, kind=p.kind, display=p.display, type=p.type,
                                 status=p.status, is_primary=p.is_primary,
                                 why_not_primary=_why_not_primary(p))
                     for p in facts.points),
        records=_records(session, customer.id))


def _why_not_primary(point: PointFacts) -> str | None:
    try:
        check_can_be_primary(point.status, point.display)
    except NotAllowed as refusal:
        return refusal.message
    return None


def _counts(session: Session, customer_id: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    for model in MOVED_WHOLE:
        table = model.__table__
        counts[table.name] = session.scalar(select(func.count()).select_from(table).where(
            table.c.customer_id == customer_id)) or 0
    return +counts


def _records(session: Session, customer_id: int) -> tuple[str, ...]:
    people = session.scalar(select(func.count()).select_from(AccountContact).where(
        AccountContact.customer_id == customer_id)) or 0
    counts = Counter({"account_contact": people, "customer_link": _linked(session,
                                                                          customer_id)})
    counts += _counts(session, customer_id)
    return tuple(counted(n, table) for table, n in counts.items())


def _linked(session: Session, customer_id: int) -> int:
    """How many customers this one is linked to (households and relationships)."""
    return session.scalar(select(func.count()).select_from(CustomerLink).where(
        or_(CustomerLink.customer_id == customer_id,
            CustomerLink.other_customer_id == customer_id),
        CustomerLink.removed_at.is_(None))) or 0


def _moving(session: Session, other_id: int, plan: MergePlan) -> tuple[str, ...]:
    """What the merge moves from ``other_id``, in words: the values by name, people by
    name, vehicles by title, the rest counted."""
    lines = [p.display for p in plan.points if p.from_other]
    moved = set(plan.links.moved)
    people = session.scalars(select(AccountContact).where(
        AccountContact.customer_id == other_id).order_by(AccountContact.id)).all()
    lines += [f"{link.person.full_name} ({link.role.label.lower()})" for link in people
              if link.id in moved]
    vehicles = session.scalars(select(Vehicle).where(Vehicle.customer_id == other_id)
                               .order_by(Vehicle.id)).all()
    lines += [vehicle.title or vehicle.vin or "a vehicle" for vehicle in vehicles]
    linked = _linked(session, other_id)
    lines += [counted(linked, "customer_link")] if linked else []
    lines += [counted(n, table) for table, n in _counts(session, other_id).items()
              if table != "vehicle"]
    return tuple(lines)


def _kept_once(session: Session, plan: MergePlan) -> tuple[str, ...]:
    """What both customers have, kept once: the values, and the people on both accounts."""
    people = [session.get(AccountContact, link_id) for link_id in plan.links.folded.values()]
    return (*(p.display for p in plan.absorbed),
            *(link.person.full_name for link in people if link is not None))


def _history_words(number: str, name: str, moving: tuple[str, ...], kept_once: tuple[str, ...],
                   taken: list[str]) -> str:
    said = f"{number} ({name}) merged into this customer"
    if moving:
        said += "; moved: " + ", ".join(moving)
    if kept_once:
        said += "; on both, kept once: " + ", ".join(kept_once)
    if taken:
        said += f"; taken from {number}: " + ", ".join(taken)
    return said
