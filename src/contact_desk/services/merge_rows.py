"""The rows a merge changes, each change written down (store/row_log) so that Unmerge puts
them back: the survivor's single fields and assigned users, the phones and emails (equal
ones folded into one, the primaries settled), the people on the account, the possible
duplicates, the links to other customers, and every other record of the merged-in customer, moved whole.

Run inside the merge's transaction, with both customers' rows already taken (their
versions moved on), by plain statements: nothing here goes through the ORM's objects.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.duplicates import DuplicateStatus
from contact_desk.domain.household import seen_from, stored_as
from contact_desk.domain.merge import MergePlan, Side
from contact_desk.domain.program import bill_to_address
from contact_desk.store.activity import AuditEvent, ContactAttempt, Note, WebActivity
from contact_desk.store.base import utc_now
from contact_desk.store.consent import ConsentRow
from contact_desk.store.customer import ContactPoint, Customer, search_keys, shown_name
from contact_desk.store.duplicates import PossibleDuplicate, PossibleDuplicateReason
from contact_desk.store.household import CustomerLink
from contact_desk.store.imports import CardUid
from contact_desk.store.people import AccountContact, ContactPreference
from contact_desk.store.program import Invoice, Program, VerificationDocument
from contact_desk.store.row_log import RowLog
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.suppression import SuppressionRow
from contact_desk.store.users import Assignment

# Records that are the merged-in customer's alone, moved to the survivor as they are. Its
# interaction summary stays with it: a summary is made again from what it sums up.
MOVED_WHOLE = (Note, ContactAttempt, WebActivity, ConsentRow, SuppressionRow, Deal, Vehicle,
               Program, Invoice, VerificationDocument, CardUid, AuditEvent)
_CUSTOMER = Customer.__table__
_POINT = ContactPoint.__table__
_LINK = AccountContact.__table__
_PREFERENCE = ContactPreference.__table__
_PAIR = PossibleDuplicate.__table__
_REASON = PossibleDuplicateReason.__table__
_ASSIGNMENT = Assignment.__table__
_CUSTOMER_LINK = CustomerLink.__table__


@dataclass(frozen=True)
class MergedRows:
    """How many rows of each table moved to the survivor (by table name); the values
    folded into one the survivor had; the possible-duplicate pairs settled."""

    moved: Counter[str]
    folded: int


def merge_rows(session: Session, log: RowLog, actor: Actor, keep_id: int, other_id: int,
               plan: MergePlan) -> MergedRows:
    moved: Counter[str] = Counter()
    _take_number(session, log, keep_id, other_id, plan)
    details_changed = _single_fields(session, log, keep_id, other_id, plan)
    _assignments(session, log, keep_id, other_id, plan)
    moved["contact_point"] = _points(session, log, keep_id, other_id, plan)
    moved["account_contact"] = _links(session, log, keep_id, other_id, plan)
    moved["possible_duplicate"] = _pairs(session, log, actor, keep_id, other_id)
    moved["customer_link"] = _customer_links(session, log, actor, keep_id, other_id)
    moved_invoices: list[int] = []
    for model in MOVED_WHOLE:
        table = model.__table__
        ids = list(session.scalars(select(table.c.id).where(table.c.customer_id == other_id)
                                   .order_by(table.c.id)))
        log.move(table, "customer_id", ids, other_id, keep_id)
        moved[table.name] += len(ids)
        if model is Invoice:
            moved_invoices = ids
    _bill_to(session, log, keep_id, moved_invoices, every=details_changed)
    return MergedRows(moved=+moved, folded=len(plan.absorbed))


def _take_number(session: Session, log: RowLog, keep_id: int, other_id: int,
                 plan: MergePlan) -> None:
    if not plan.takes_number:
        return
    number = session.scalar(select(_CUSTOMER.c.customer_number).where(
        _CUSTOMER.c.id == other_id))
    log.update(_CUSTOMER, {"id": other_id}, customer_number=None)  # first: numbers are unique
    log.update(_CUSTOMER, {"id": keep_id}, customer_number=number)


def _single_fields(session: Session, log: RowLog, keep_id: int, other_id: int,
                   plan: MergePlan) -> bool:
    changes: dict[str, object] = {}
    for merge_field, side in plan.sides.items():
        if side is Side.OTHER and merge_field.columns:
            changes.update(zip(merge_field.columns, plan.values[merge_field].value))
    if not changes:
        return False
    row = session.execute(select(_CUSTOMER).where(_CUSTOMER.c.id == keep_id)).one()._mapping
    names = {name: changes.get(name, row[name]) for name in ("first_name", "last_name",
                                                            "company")}
    # Written past the ORM, so its listener does not keep the search keys: kept here.
    return bool(log.update(_CUSTOMER, {"id": keep_id}, **changes, **search_keys(**names)))


def _assignments(session: Session, log: RowLog, keep_id: int, other_id: int,
                 plan: MergePlan) -> None:
    held = {(customer_id, role): user_id for customer_id, role, user_id in session.execute(
        select(_ASSIGNMENT.c.customer_id, _ASSIGNMENT.c.role, _ASSIGNMENT.c.user_id).where(
            _ASSIGNMENT.c.customer_id.in_((keep_id, other_id))))}
    for merge_field, side in plan.sides.items():
        role = merge_field.role
        if role is None or side is Side.KEEP:
            continue
        mine, theirs = held.get((keep_id, role)), held.get((other_id, role))
        key = {"customer_id": keep_id, "role": role}
        if theirs == mine:
            continue
        if theirs is None:
            log.delete(_ASSIGNMENT, key)
        elif mine is None:
            log.insert(_ASSIGNMENT, **key, user_id=theirs)
        else:
            log.update(_ASSIGNMENT, key, user_id=theirs)


def _points(session: Session, log: RowLog, keep_id: int, other_id: int,
            plan: MergePlan) -> int:
    """Equal values folded into KEEP's row, OTHER's others moved, one primary of each
    kind; in an order the database's one-primary and one-value rules hold at each step."""
    primaries = {p.id for p in plan.points if p.is_primary}
    was_primary = set(session.scalars(select(_POINT.c.id).where(
        _POINT.c.customer_id.in_((keep_id, other_id)), _POINT.c.is_primary)))
    for point_id in sorted(was_primary - primaries):
        log.update(_POINT, {"id": point_id}, is_primary=False)
    for point in plan.absorbed:
        log.delete(_POINT, {"id": point.absorbed})
    moved = 0
    for point in plan.points:
        values = {"type": point.type, "status": point.status, "status_date": point.status_date,
                  "dms_number": point.dms_number, "card_types": point.card_types}
        if point.from_other:
            values["customer_id"] = keep_id
            moved += 1
        log.update(_POINT, {"id": point.id}, **values)
    for point_id in sorted(primaries):
        log.update(_POINT, {"id": point_id}, is_primary=True)
    return moved


def _links(session: Session, log: RowLog, keep_id: int, other_id: int,
           plan: MergePlan) -> int:
    links = plan.links
    for link_id in links.unprimaried:
        log.update(_LINK, {"id": link_id}, primary_contact=False)
    log.move(_LINK, "customer_id", list(links.moved), other_id, keep_id)
    for link_id in links.promoted:
        log.update(_LINK, {"id": link_id}, primary_contact=True)
    for link_id, preferences in links.gained.items():
        for preference in sorted(preferences, key=lambda p: p.name):
            log.insert(_PREFERENCE, account_contact_id=link_id, preference=preference)
    for link_id in links.folded:
        for preference in session.scalars(select(_PREFERENCE.c.preference).where(
                _PREFERENCE.c.account_contact_id == link_id)).all():
            log.delete(_PREFERENCE, {"account_contact_id": link_id, "preference": preference})
        log.delete(_LINK, {"id": link_id})
    return len(links.moved) + len(links.folded)


def _pairs(session: Session, log: RowLog, actor: Actor, keep_id: int, other_id: int) -> int:
    """The pair of the two is decided (merged); OTHER's pairs with anyone else become the
    survivor's, joining the survivor's own pair with that customer where there is one."""
    pairs = session.execute(select(_PAIR.c.id, _PAIR.c.customer_id, _PAIR.c.other_customer_id,
                                   _PAIR.c.score).where(
        or_(_PAIR.c.customer_id == other_id, _PAIR.c.other_customer_id == other_id))
        .order_by(_PAIR.c.id)).all()
    for pair_id, low, high, score in pairs:
        third = high if low == other_id else low
        if third == keep_id:
            log.update(_PAIR, {"id": pair_id}, status=DuplicateStatus.MERGED,
                       decided_at=utc_now(), decided_by_id=actor.user_id)
            continue
        new_low, new_high = sorted((keep_id, third))
        twin = session.execute(select(_PAIR.c.id, _PAIR.c.score).where(
            _PAIR.c.customer_id == new_low, _PAIR.c.other_customer_id == new_high)).first()
        if twin is None:
            log.update(_PAIR, {"id": pair_id}, customer_id=new_low, other_customer_id=new_high)
            continue
        have = set(session.execute(select(_REASON.c.reason, _REASON.c.value).where(
            _REASON.c.duplicate_id == twin.id)).all())
        for reason_id, reason, value in session.execute(
                select(_REASON.c.id, _REASON.c.reason, _REASON.c.value).where(
                    _REASON.c.duplicate_id == pair_id).order_by(_REASON.c.id)):
            if (reason, value) in have:
                log.delete(_REASON, {"id": reason_id})
            else:
                log.update(_REASON, {"id": reason_id}, duplicate_id=twin.id)
        if score > twin.score:
            log.update(_PAIR, {"id": twin.id}, score=score)
        log.delete(_PAIR, {"id": pair_id})
    return len(pairs)


def _customer_links(session: Session, log: RowLog, actor: Actor, keep_id: int,
                    other_id: int) -> int:
    """OTHER's links to other customers become the survivor's (what each is to the
    survivor, as it was to OTHER); where the survivor is linked to that customer already,
    its link stands (taken back if it was unlinked) and OTHER's is unlinked. A link between
    the two is unlinked: one customer is not linked to itself. Nothing is deleted."""
    table = _CUSTOMER_LINK
    links = session.execute(select(table.c.id, table.c.customer_id, table.c.other_customer_id,
                                   table.c.relation, table.c.receives_contracts).where(
        or_(table.c.customer_id == other_id, table.c.other_customer_id == other_id),
        table.c.removed_at.is_(None)).order_by(table.c.id)).all()
    unlinked = {"removed_at": utc_now(), "removed_by_id": actor.user_id}
    moved = 0
    for link_id, low, high, relation, contracts in links:
        third, what = seen_from(other_id, low, high, relation)
        if third == keep_id:
            log.update(table, {"id": link_id}, **unlinked)
            continue
        new_low, new_high, stored = stored_as(keep_id, third, what)
        twin = session.execute(select(table.c.id, table.c.removed_at).where(
            table.c.customer_id == new_low, table.c.other_customer_id == new_high)).first()
        if twin is None:
            log.update(table, {"id": link_id}, customer_id=new_low, other_customer_id=new_high,
                       relation=stored)
            moved += 1
            continue
        log.update(table, {"id": link_id}, **unlinked)
        if twin.removed_at is not None:
            log.update(table, {"id": twin.id}, removed_at=None, removed_by_id=None,
                       relation=stored, receives_contracts=contracts)
            moved += 1
    return moved


def _bill_to(session: Session, log: RowLog, keep_id: int, moved: list[int],
             every: bool) -> None:
    """Invoices follow the customer's name and address: those moved, and all of the
    survivor's when its name or address changed."""
    row = session.execute(select(_CUSTOMER).where(_CUSTOMER.c.id == keep_id)).one()._mapping
    name = shown_name(row["first_name"], row["last_name"], row["company"],
                      row["customer_number"], keep_id)
    address = bill_to_address(row["address_line1"], row["city"], row["state"],
                              row["postal_code"])
    table = Invoice.__table__
    ids = (session.scalars(select(table.c.id).where(table.c.customer_id == keep_id)).all()
           if every else moved)
    for invoice_id in sorted(ids):
        log.update(table, {"id": invoice_id}, bill_to_name=name, bill_to_address=address)
