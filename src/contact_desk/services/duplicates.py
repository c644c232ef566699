"""Possible duplicates: recorded by an import for a person to decide, and read back in the
order a review queue works through them. A pair is kept once, lower id first, with every
value the two were found sharing; it stays open until someone decides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.duplicates import DuplicateReason, DuplicateSource, DuplicateStatus
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.phone import PhoneNumber
from contact_desk.services.households import linked_pairs
from contact_desk.services.lookup import get, home_region
from contact_desk.services.matching import CustomerRef, Near
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.duplicates import PossibleDuplicate, PossibleDuplicateReason
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

_SHOWN_VALUES = 3  # values named in a one-line mention; the view keeps them all


@dataclass(frozen=True)
class PossibleDuplicateView:
    """A pair for a person to decide: ``customer`` is the one on file first, ``other`` the
    later one (the customer an import made)."""

    id: int
    customer_id: int
    other_customer_id: int
    customer: CustomerRef
    other: CustomerRef
    reasons: tuple[tuple[DuplicateReason, str], ...]
    source: DuplicateSource
    source_file: str
    found_at: datetime
    status: DuplicateStatus
    score: int = 0
    # Each reason in words, a phone as the desk shows it: "same phone (773) 555-0123".
    words: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """For scripts: the two customer numbers, the score and the reasons in words."""
        return {"id": self.id,
                "customers": [self.customer.customer_number, self.other.customer_number],
                "score": self.score,
                "reasons": list(self.words),
                "source": self.source.label, "status": self.status.label}

    def partner_of(self, customer_id: int) -> tuple[int, CustomerRef]:
        """The other one of the pair, seen from ``customer_id``: its id and how it is named."""
        if customer_id == self.customer_id:
            return self.other_customer_id, self.other
        return self.customer_id, self.customer

    def reasons_shown(self) -> str:
        """Every reason in words, as the queue and the banner say them."""
        return "; ".join(self.words)

    def shown(self) -> str:
        shared = ", ".join(self.words[:_SHOWN_VALUES])
        more = len(self.reasons) - _SHOWN_VALUES
        shared += f" and {more} more" if more > 0 else ""
        return f"{self.other.shown()} may be {self.customer.shown()}: {shared}"


def record_possible_duplicates(
    session: Session,
    customer: Customer,
    near: Sequence[Near],
    source: DuplicateSource,
    file_name: str,
) -> tuple[PossibleDuplicateView, ...]:
    """Record ``customer`` (just made by an import) as a possible duplicate of each customer
    ``near`` it; a pair already recorded gains the values not yet among its reasons."""
    views = []
    linked = linked_pairs(session, (tuple(sorted((customer.id, n.customer_id))) for n in near))
    for neighbour in near:
        low, high = sorted((customer.id, neighbour.customer_id))
        if (low, high) in linked:  # a household a person linked: expected to share
            continue
        pair = session.scalars(
            select(PossibleDuplicate).where(PossibleDuplicate.customer_id == low,
                                            PossibleDuplicate.other_customer_id == high)
        ).first()
        if pair is None:
            pair = PossibleDuplicate(customer_id=low, other_customer_id=high, source=source,
                                     source_file=file_name[:255])
            session.add(pair)
        known = {(row.reason, row.value) for row in pair.reasons}
        pair.reasons.extend(PossibleDuplicateReason(reason=reason, value=value)
                            for reason, value in neighbour.reasons if (reason, value) not in known)
        session.flush()
        views.append(_view(session, pair, home_region(session)))
    return tuple(views)


def possible_duplicates(
    uow: UnitOfWork, status: DuplicateStatus | None = DuplicateStatus.OPEN
) -> list[PossibleDuplicateView]:
    """The pairs of ``status`` (all of them for None), oldest first."""
    with uow:
        query = (select(PossibleDuplicate)
                 .order_by(PossibleDuplicate.found_at, PossibleDuplicate.id))
        if status is not None:
            query = query.where(PossibleDuplicate.status == status)
        return _views(uow.session, query)


@dataclass(frozen=True)
class QueuePage:
    """The newest open pairs, and how many are open in all (the queue's heading)."""

    pairs: tuple[PossibleDuplicateView, ...]
    open_in_all: int


def duplicate_queue_page(uow: UnitOfWork, limit: int = 500) -> QueuePage:
    """The review queue: the ``limit`` newest open pairs, newest first (by the status and
    time index), read in a fixed number of statements however long the queue is."""
    with uow:
        is_open = PossibleDuplicate.status == DuplicateStatus.OPEN
        query = (select(PossibleDuplicate).where(is_open)
                 .order_by(PossibleDuplicate.found_at.desc(), PossibleDuplicate.id.desc())
                 .limit(limit))
        return QueuePage(tuple(_views(uow.session, query)), uow.session.scalar(
            select(func.count(PossibleDuplicate.id)).where(is_open)) or 0)


def duplicates_of(session: Session, customer_id: int) -> tuple[PossibleDuplicateView, ...]:
    """The open pairs ``customer_id`` is one of, newest first: the customer page's banner."""
    query = (select(PossibleDuplicate)
             .where(or_(PossibleDuplicate.customer_id == customer_id,
                        PossibleDuplicate.other_customer_id == customer_id),
                    PossibleDuplicate.status == DuplicateStatus.OPEN)
             .order_by(PossibleDuplicate.found_at.desc(), PossibleDuplicate.id.desc()))
    return tuple(_views(session, query))


def _views(session: Session, query: Select[tuple[PossibleDuplicate]]
           ) -> list[PossibleDuplicateView]:
    """The pairs ``query`` selects with their reasons, both customers read in one go."""
    return pair_views(session, session.scalars(
        query.options(selectinload(PossibleDuplicate.reasons))).all())


def pair_views(session: Session, pairs: Sequence[PossibleDuplicate]
               ) -> list[PossibleDuplicateView]:
    """The pairs as views, both customers of each read in one go."""
    ids = {i for pair in pairs for i in (pair.customer_id, pair.other_customer_id)}
    for start in range(0, len(ids), 900):  # into the identity map, for _view's gets
        chunk = sorted(ids)[start:start + 900]
        session.scalars(select(Customer).where(Customer.id.in_(chunk))).all()
    region = home_region(session)
    return [_view(session, pair, region) for pair in pairs]


def _worded(reason: DuplicateReason, value: str, region: str) -> str:
    """A reason as a person reads it: an import keeps a phone as E.164, shown here as the
    desk shows phones (the scan keeps it as shown already)."""
    if reason in (DuplicateReason.SAME_PHONE, DuplicateReason.SAME_MOBILE) \
            and value.startswith("+"):
        value = PhoneNumber.from_stored(value).display(region)  # valid when it was stored
    return f"{reason.label} {value}"


def _view(session: Session, pair: PossibleDuplicate, region: str) -> PossibleDuplicateView:
    first = session.get(Customer, pair.customer_id)
    later = session.get(Customer, pair.other_customer_id)
    return PossibleDuplicateView(
        id=pair.id,
        customer_id=pair.customer_id,
        other_customer_id=pair.other_customer_id,
        customer=CustomerRef.of(first),
        other=CustomerRef.of(later),
        reasons=tuple((row.reason, row.value) for row in pair.reasons),
        source=pair.source,
        source_file=pair.source_file,
        found_at=pair.found_at,
        status=pair.status,
        score=pair.score,
        words=tuple(_worded(row.reason, row.value, region) for row in pair.reasons),
    )


@retried_when_desks_collide
def not_a_duplicate(uow: UnitOfWork, actor: Actor, pair_id: int) -> PossibleDuplicateView:
    """A person decided the two are different people: the pair leaves the queue, and no
    scan or import asks about it again."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        pair = get(uow.session, PossibleDuplicate, pair_id, "possible duplicate")
        if pair.status is not DuplicateStatus.OPEN:
            raise NotAllowed(f"That pair was decided already ({pair.status.label.lower()}).")
        pair.status = DuplicateStatus.NOT_DUPLICATE
        pair.decided_at, pair.decided_by_id = utc_now(), actor.user_id
        uow.flush()
        (view,) = pair_views(uow.session, [pair])
        uow.commit()
        return view
