"""The duplicate scan: every customer against every other, in bounded work, and the check of
one customer (a new one, or the one on screen) against those on file.

The shared values are grouped by the database (a phone, an email, a VIN that two to
LARGEST_GROUP customers have); names with birth dates and houses (postal code and street
number) are grouped here, read once. Only the customers of those groups are read in full
and compared (domain/duplicate_scan). A pair found is kept as a possible duplicate for a
person to decide, newest first in the queue; a pair anyone decided ("Not a duplicate",
merged) is never asked again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.duplicate_scan import (
    LARGEST_GROUP,
    Candidate,
    Finding,
    compare,
    house_key,
    name_birth_key,
    pairs_of_groups,
)
from contact_desk.domain.duplicates import DuplicateReason, DuplicateSource, DuplicateStatus
from contact_desk.domain.enums import ContactKind, ContactStatus, Permission
from contact_desk.domain.incoming import IncomingKind
from contact_desk.services.duplicates import (
    PossibleDuplicateView,
    duplicate_queue_page,
    pair_views,
)
from contact_desk.services.households import linked_pairs
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.database import Database
from contact_desk.store.duplicates import PossibleDuplicate, PossibleDuplicateReason
from contact_desk.store.incoming_lock import one_at_a_time
from contact_desk.store.merges import merged_away
from contact_desk.store.sales import Vehicle

BATCH = 2000  # customers read in full, or pairs written, per statement
_REASON_OF_WORDS = {reason.label: reason for reason in DuplicateReason}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ScanReport:
    customers: int
    compared: int
    duplicates: int  # pairs found that may be one person
    new: int  # of them, pairs not in the queue before
    households: int  # pairs that share a value and differ in first name: not duplicates
    cancelled: bool = False

    def summary(self) -> str:
        cut = " (cancelled: the pairs found so far are kept)" if self.cancelled else ""
        return (f"Scanned {self.customers:,} customers{cut}: {self.duplicates:,} possible "
                f"duplicate pairs, {self.new:,} of them new; {self.households:,} households "
                f"sharing a phone, email or address (not duplicates).")


def scan_for_duplicates(database: Database, actor: Actor, progress: Progress | None = None,
                        cancelled: Callable[[], bool] | None = None) -> ScanReport:
    """Compare every customer with those it shares something with; the new pairs join the
    queue. One scan at a time (with the sync and the imports)."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with one_at_a_time(database, actor, IncomingKind.DUPLICATE_SCAN):
        with database.sessions() as session:
            customers = session.scalar(select(func.count(Customer.id))) or 0
            pairs = list(pairs_of_groups(_groups(session)))
        duplicates = new = households = compared = 0
        for start in range(0, len(pairs), BATCH):
            if cancelled is not None and cancelled():
                return ScanReport(customers, compared, duplicates, new, households, True)
            chunk = pairs[start:start + BATCH]
            with database.sessions() as session:
                found = compared_pairs(session, chunk)
                kept = [f for f in found if f.duplicate]
                new += len(keep_findings(session, kept))
                session.commit()
            compared += len(chunk)
            duplicates += len(kept)
            households += len(found) - len(kept)
            if progress is not None:
                progress(compared, len(pairs))
    return ScanReport(customers, compared, duplicates, new, households)


def check_customer(session: Session, customer_id: int) -> list[Finding]:
    """The customer against those on file it shares something with, by the indexes: its
    values, its last name (and its first, for a swapped name), its house."""
    found = candidates(session, [customer_id])
    if not found:  # gone, or merged into another: the survivor is the one to check
        return []
    (me,) = found
    others: set[int] = set()
    values = [*me.phones, *me.emails]
    if values:
        others.update(session.scalars(select(ContactPoint.customer_id).where(
            ContactPoint.value.in_(values))))
    if me.vins:
        others.update(session.scalars(select(Vehicle.customer_id).where(
            Vehicle.vin.in_(sorted(me.vins)))))
    # A name or a house alone proves nothing: only the same name with the same birth date,
    # or the same house, makes a pair here (a shared value was looked up above).
    names = {key for key in (me.last_name.casefold(), me.first_name.casefold()) if key}
    if names and me.birth_date is not None:
        others.update(session.scalars(select(Customer.id).where(
            Customer.last_name_key.in_(sorted(names)), Customer.birth_date == me.birth_date)))
    house = me.address_key
    if house is not None:
        postal = house[1]
        others.update(session.scalars(select(Customer.id).where(
            Customer.postal_code.between(postal, postal + "~"),
            Customer.address_line1.like(f"%{house[2]}%"))))
    others.discard(customer_id)
    if not others:
        return []
    found = [finding for finding in (compare(me, other)
                                     for other in candidates(session, sorted(others)))
             if finding is not None and finding.duplicate]
    linked = linked_pairs(session, ((f.low, f.high) for f in found))
    return [finding for finding in found if (finding.low, finding.high) not in linked]


def compared_pairs(session: Session, pairs: Sequence[tuple[int, int]]) -> list[Finding]:
    """Each pair compared, its customers read in one go."""
    ids = sorted({customer for pair in pairs for customer in pair})
    by_id = {c.id: c for c in candidates(session, ids)}
    found = [finding for finding in (compare(by_id[low], by_id[high]) for low, high in pairs
                                     if low in by_id and high in by_id)
             if finding is not None]
    # Two customers a person linked (a spouse, a co-buyer...) are a household, whatever
    # they share.
    linked = linked_pairs(session, ((f.low, f.high) for f in found if f.duplicate))
    return [replace(f, duplicate=False) if (f.low, f.high) in linked else f for f in found]


def keep_findings(session: Session, findings: Iterable[Finding],
                  source: DuplicateSource = DuplicateSource.SCAN) -> list[PossibleDuplicate]:
    """Add the pairs not on file to the queue (an open pair gets the new score and any new
    reason; a decided pair is left as decided); the pairs that were new."""
    findings = list(findings)
    if not findings:
        return []
    lows = sorted({f.low for f in findings})
    known = {(p.customer_id, p.other_customer_id): p for p in session.scalars(
        select(PossibleDuplicate).where(PossibleDuplicate.customer_id.in_(lows)))}
    new = []
    for finding in findings:
        pair = known.get((finding.low, finding.high))
        if pair is None:
            pair = PossibleDuplicate(customer_id=finding.low, other_customer_id=finding.high,
                                     source=source, score=finding.score)
            session.add(pair)
            new.append(pair)
        elif pair.status is not DuplicateStatus.OPEN:
            continue
        else:
            pair.score = max(pair.score, finding.score)
        have = {(row.reason, row.value) for row in pair.reasons}
        pair.reasons.extend(
            PossibleDuplicateReason(reason=reason, value=value[:254])
            for reason, value in ((_REASON_OF_WORDS[what], value)
                                  for what, value in finding.reasons)
            if (reason, value[:254]) not in have)
    session.flush()
    return new


def duplicate_queue(database: Database, limit: int = 1_000_000) -> list[PossibleDuplicateView]:
    """The open pairs, newest first (the review queue)."""
    return list(duplicate_queue_page(database.unit_of_work(), limit).pairs)


def check_arrival(session: Session, customer_id: int, source: DuplicateSource
                  ) -> list[PossibleDuplicateView]:
    """A customer an import or the desk just made, checked against those on file inside the
    caller's transaction: the pairs found join the queue; those not in it before."""
    return pair_views(session, keep_findings(session, check_customer(session, customer_id),
                                             source))


# ---------------------------------------------------------------- reading customers


def _groups(session: Session) -> Iterable[list[int]]:
    """The customers sharing each key: values and VINs grouped by the database, names with
    birth dates and houses grouped here."""
    usable = ContactPoint.status != ContactStatus.INVALID
    shared = (select(ContactPoint.kind, ContactPoint.value).where(usable)
              .group_by(ContactPoint.kind, ContactPoint.value)
              .having(func.count(func.distinct(ContactPoint.customer_id)).between(
                  2, LARGEST_GROUP)).subquery())
    rows = session.execute(select(ContactPoint.value, ContactPoint.customer_id)
                           .join(shared, (shared.c.kind == ContactPoint.kind)
                                 & (shared.c.value == ContactPoint.value)).where(usable))
    groups: dict[tuple, list[int]] = {}
    for value, customer_id in rows:
        groups.setdefault(("value", value), []).append(customer_id)
    vins = (select(Vehicle.vin).where(Vehicle.vin != "").group_by(Vehicle.vin)
            .having(func.count(func.distinct(Vehicle.customer_id)).between(2, LARGEST_GROUP))
            .subquery())
    for vin, customer_id in session.execute(
            select(Vehicle.vin, Vehicle.customer_id).join(vins, vins.c.vin == Vehicle.vin)):
        groups.setdefault(("vin", vin), []).append(customer_id)
    people = session.connection().execute(
        select(Customer.id, Customer.first_name, Customer.last_name, Customer.birth_date,
               Customer.postal_code, Customer.address_line1)
        .execution_options(yield_per=20000))
    for customer_id, first, last, born, postal, line1 in people:
        for key in (name_birth_key(first or "", last or "", born), house_key(postal, line1)):
            if key is not None:
                groups.setdefault(key, []).append(customer_id)
    return groups.values()


def candidates(session: Session, ids: Sequence[int]) -> list[Candidate]:
    """The customers ``ids`` as the comparison reads them, a batch per statement; one
    merged into another is no one's duplicate (its values are the survivor's now)."""
    found: list[Candidate] = []
    for start in range(0, len(ids), BATCH):
        chunk = list(ids[start:start + BATCH])
        phones: dict[int, dict[str, tuple[str, bool]]] = {i: {} for i in chunk}
        emails: dict[int, set[str]] = {i: set() for i in chunk}
        vins: dict[int, set[str]] = {i: set() for i in chunk}
        for point in session.execute(
                select(ContactPoint.customer_id, ContactPoint.kind, ContactPoint.value,
                       ContactPoint.display, ContactPoint.can_receive_texts)
                .where(ContactPoint.customer_id.in_(chunk),
                       ContactPoint.status != ContactStatus.INVALID)):
            if point.kind is ContactKind.PHONE:
                phones[point.customer_id][point.value] = (point.display,
                                                          point.can_receive_texts)
            else:
                emails[point.customer_id].add(point.value)
        for customer_id, vin in session.execute(select(Vehicle.customer_id, Vehicle.vin).where(
                Vehicle.customer_id.in_(chunk), Vehicle.vin != "")):
            vins[customer_id].add(vin)
        for row in session.execute(select(
                Customer.id, Customer.customer_number, Customer.first_name, Customer.last_name,
                Customer.company, Customer.birth_date, Customer.postal_code,
                Customer.address_line1).where(Customer.id.in_(chunk),
                                              Customer.id.not_in(merged_away()))):
            found.append(Candidate(
                id=row.id, number=row.customer_number or f"#{row.id}",
                first_name=row.first_name or "", last_name=row.last_name or "",
                company=row.company or "", birth_date=row.birth_date,
                postal_code=row.postal_code or "", address_line1=row.address_line1 or "",
                phones=phones[row.id], emails=frozenset(emails[row.id]),
                vins=frozenset(vins[row.id])))
    return found

