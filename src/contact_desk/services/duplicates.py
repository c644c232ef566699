"""Possible duplicates: recorded by an import for a person to decide, and read back in the
order a review queue works through them. A pair is kept once, lower id first, with every
value the two were found sharing; it stays open until someone decides."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.duplicates import DuplicateReason, DuplicateSource, DuplicateStatus
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import NotAllowed
from contact_desk.services.lookup import get
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
    customer: CustomerRef
    other: CustomerRef
    reasons: tuple[tuple[DuplicateReason, str], ...]
    source: DuplicateSource
    source_file: str
    found_at: datetime
    status: DuplicateStatus
    score: int = 0

    def as_dict(self) -> dict[str, object]:
        """For scripts: the two customer numbers, the score and the reasons in words."""
        return {"id": self.id,
                "customers": [self.customer.customer_number, self.other.customer_number],
                "score": self.score,
                "reasons": [f"{reason.label} {value}" for reason, value in self.reasons],
                "source": self.source.label, "status": self.status.label}

    def shown(self) -> str:
        shared = ", ".join(f"{reason.label} {value}"
                           for reason, value in self.reasons[:_SHOWN_VALUES])
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
    for neighbour in near:
        low, high = sorted((customer.id, neighbour.customer_id))
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
        views.append(_view(session, pair))
    return tuple(views)


def possible_duplicates(
    uow: UnitOfWork, status: DuplicateStatus | None = DuplicateStatus.OPEN
) -> list[PossibleDuplicateView]:
    """The pairs of ``status`` (all of them for None), oldest first."""
    with uow:
        query = (select(PossibleDuplicate).options(selectinload(PossibleDuplicate.reasons))
                 .order_by(PossibleDuplicate.found_at, PossibleDuplicate.id))
        if status is not None:
            query = query.where(PossibleDuplicate.status == status)
        return [_view(uow.session, pair) for pair in uow.session.scalars(query)]


def _view(session: Session, pair: PossibleDuplicate) -> PossibleDuplicateView:
    first = session.get(Customer, pair.customer_id)
    later = session.get(Customer, pair.other_customer_id)
    return PossibleDuplicateView(
        id=pair.id,
        customer=CustomerRef.of(first),
        other=CustomerRef.of(later),
        reasons=tuple((row.reason, row.value) for row in pair.reasons),
        source=pair.source,
        source_file=pair.source_file,
        found_at=pair.found_at,
        status=pair.status,
        score=pair.score,
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
        view = _view(uow.session, pair)
        uow.commit()
        return view
