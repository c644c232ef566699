"""Linking customers (domain/household): each change one transaction, audited on both
customers, both versions moved so other desks hear of it; Undo of a link unlinks it, Undo
of an unlink puts it back. The card lists a customer's links; routing sends contracts to a
linked co-buyer when the customer asked; the duplicate scan treats a linked pair as the
household it is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.duplicates import DuplicateStatus
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.history import Field
from contact_desk.domain.household import Relation, check_link, seen_from, stored_as
from contact_desk.services import audit
from contact_desk.services.lookup import check_version, find_customer, get, touch
from contact_desk.services.matching import CustomerRef
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.duplicates import PossibleDuplicate
from contact_desk.store.household import CustomerLink
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

_ORDER = {relation: at for at, relation in enumerate(Relation)}


@dataclass(frozen=True)
class LinkView:
    """One link seen from one customer: the other, and what they are to this one."""

    id: int
    other_id: int
    other: CustomerRef
    relation: Relation
    receives_contracts: bool

    def shown(self) -> str:
        """"Spouse or partner: C4 (Tom Lee)"; a co-buyer sent the contracts says so."""
        said = f"{self.relation.label}: {self.other.shown()}"
        return said + ("; receives contracts" if self.receives_contracts else "")

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "customer_number": self.other.customer_number,
                "name": self.other.name, "relation": self.relation.cli_name,
                "relation_label": self.relation.label,
                "receives_contracts": self.receives_contracts}


@dataclass(frozen=True)
class SavedLinks:
    """What a change made: the link it is about, the customer's links after it, and the
    version of that customer the next change (its undo) expects."""

    id: int
    links: tuple[LinkView, ...]
    version: int


def links_of(session: Session, customer_id: int) -> tuple[LinkView, ...]:
    """The customer's links in force, by relation (in the enum's order) and then name."""
    rows = session.scalars(select(CustomerLink).where(
        or_(CustomerLink.customer_id == customer_id,
            CustomerLink.other_customer_id == customer_id),
        CustomerLink.removed_at.is_(None))).all()
    views = []
    for row in rows:
        other_id, relation = seen_from(customer_id, row.customer_id, row.other_customer_id,
                                       row.relation)
        views.append(LinkView(row.id, other_id, CustomerRef.of(session.get(Customer, other_id)),
                              relation, row.receives_contracts))
    return tuple(sorted(views, key=lambda v: (_ORDER[v.relation], v.other.name.casefold(),
                                              v.id)))


def customer_links(uow: UnitOfWork, customer_key: str | int
                   ) -> tuple[int, tuple[LinkView, ...]]:
    """The customer numbered ``customer_key`` (or of that id) and their links."""
    with uow:
        customer = find_customer(uow.session, customer_key)
        return customer.id, links_of(uow.session, customer.id)


def customer_ids(uow: UnitOfWork, *keys: str | int) -> tuple[int, ...]:
    """The customers numbered ``keys`` (the command line's), each refused in words if
    there is none."""
    with uow:
        return tuple(find_customer(uow.session, key).id for key in keys)


def linked_pairs(session: Session, pairs: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of ``pairs`` (lower id first) are linked now: a household, not a duplicate."""
    wanted = sorted(set(pairs))
    found: set[tuple[int, int]] = set()
    for start in range(0, len(wanted), 400):
        chunk = wanted[start:start + 400]
        rows = session.execute(select(CustomerLink.customer_id,
                                      CustomerLink.other_customer_id).where(
            CustomerLink.customer_id.in_({low for low, _ in chunk}),
            CustomerLink.other_customer_id.in_({high for _, high in chunk}),
            CustomerLink.removed_at.is_(None))).tuples()
        found.update(pair for pair in rows if pair in set(chunk))  # by the pair's index
    return found


def co_buyers_for_contracts(session: Session, customer_id: int) -> list[Customer]:
    """The linked co-buyers the customer asked to be sent their contracts too."""
    return [session.get(Customer, link.other_id) for link in links_of(session, customer_id)
            if link.relation is Relation.CO_BUYER and link.receives_contracts]


@retried_when_desks_collide
def link_customers(uow: UnitOfWork, actor: Actor, customer_id: int, other_id: int,
                   relation: Relation, receives_contracts: bool = False,
                   expected_version: int | None = None) -> SavedLinks:
    """Link ``other_id`` to the customer as their ``relation``. Linking says they are two
    people: an open possible duplicate of the two is decided "Not a duplicate"."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        check_link(customer_id, other_id, relation, receives_contracts)
        customer = get(session, Customer, customer_id, "customer")
        check_version(customer, expected_version)
        other = get(session, Customer, other_id, "customer")
        low, high, kept = stored_as(customer_id, other_id, relation)
        row = session.scalars(select(CustomerLink).where(
            CustomerLink.customer_id == low, CustomerLink.other_customer_id == high)).first()
        if row is not None and row.removed_at is None:
            _, now = seen_from(customer_id, low, high, row.relation)
            raise NotAllowed(f"{other.full_name} is linked to {customer.full_name} already, "
                             f"as {now.label.lower()}.")
        if row is None:
            row = CustomerLink(customer_id=low, other_customer_id=high, relation=kept,
                               receives_contracts=receives_contracts,
                               created_by_id=actor.user_id)
            session.add(row)
        else:  # linked before and unlinked: the same row, as asked now
            row.relation, row.receives_contracts = kept, receives_contracts
            row.removed_at = row.removed_by_id = None
            row.created_at, row.created_by_id = utc_now(), actor.user_id
        session.flush()
        _audit_both(session, actor, row, customer, other, added=True)
        _decide_open_pair(session, actor, low, high)
        return _saved(uow, customer, other, row.id)


@retried_when_desks_collide
def change_link(uow: UnitOfWork, actor: Actor, link_id: int, customer_id: int,
                relation: Relation, receives_contracts: bool,
                expected_version: int | None = None) -> SavedLinks:
    """What the other is to the customer, or whether they receive the contracts, changed."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        row, customer, other = _link_of(session, link_id, customer_id, expected_version)
        check_link(customer_id, other.id, relation, receives_contracts)
        kept = stored_as(customer_id, other.id, relation)[2]
        for who, seen in ((customer, relation), (other, relation.inverse)):
            _, before = seen_from(who.id, row.customer_id, row.other_customer_id, row.relation)
            if before is not seen:
                audit.record(session, actor, who.id, "customer_link", row.id, Field.RELATION,
                             before, seen, reason=_with(customer if who is other else other))
            if row.receives_contracts != receives_contracts:
                audit.record(session, actor, who.id, "customer_link", row.id,
                             Field.RECEIVES_CONTRACTS, row.receives_contracts,
                             receives_contracts,
                             reason=_with(customer if who is other else other))
        row.relation, row.receives_contracts = kept, receives_contracts
        return _saved(uow, customer, other, row.id)


@retried_when_desks_collide
def unlink(uow: UnitOfWork, actor: Actor, link_id: int, customer_id: int,
           expected_version: int | None = None) -> SavedLinks:
    """The two are no longer linked; the link is kept, marked removed."""
    return _mark(uow, actor, link_id, customer_id, expected_version, removed=True)


@retried_when_desks_collide
def put_back_link(uow: UnitOfWork, actor: Actor, link_id: int, customer_id: int,
                  expected_version: int | None = None) -> SavedLinks:
    """Undo of an unlink: linked again as they were."""
    return _mark(uow, actor, link_id, customer_id, expected_version, removed=False)


def _mark(uow: UnitOfWork, actor: Actor, link_id: int, customer_id: int,
          expected_version: int | None, removed: bool) -> SavedLinks:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        row, customer, other = _link_of(session, link_id, customer_id, expected_version,
                                        in_force=None)
        if (row.removed_at is not None) is removed:
            raise NotAllowed("They are not linked any more." if removed
                             else "They are linked already.")
        row.removed_at, row.removed_by_id = (utc_now(), actor.user_id) if removed \
            else (None, None)
        _audit_both(session, actor, row, customer, other, added=not removed,
                    reason="put back" if not removed else "")
        return _saved(uow, customer, other, row.id)


def _link_of(session: Session, link_id: int, customer_id: int, expected_version: int | None,
             in_force: bool | None = True) -> tuple[CustomerLink, Customer, Customer]:
    row = get(session, CustomerLink, link_id, "link")
    if customer_id not in (row.customer_id, row.other_customer_id):
        raise NotAllowed("That link is not one of this customer's.")
    if in_force and row.removed_at is not None:
        raise NotAllowed("They are not linked any more.")
    customer = get(session, Customer, customer_id, "customer")
    check_version(customer, expected_version)
    other_id, _ = seen_from(customer_id, row.customer_id, row.other_customer_id, row.relation)
    return row, customer, get(session, Customer, other_id, "customer")


def _with(other: Customer) -> str:
    return f"with {CustomerRef.of(other).shown()}"


def _audit_both(session: Session, actor: Actor, row: CustomerLink, customer: Customer,
                other: Customer, added: bool, reason: str = "") -> None:
    """The link in each customer's history, as each of them sees it."""
    for who, partner in ((customer, other), (other, customer)):
        _, seen = seen_from(who.id, row.customer_id, row.other_customer_id, row.relation)
        said = ", ".join(part for part in (_with(partner), reason) if part)
        audit.record(session, actor, who.id, "customer_link", row.id, Field.RELATION,
                     None if added else seen, seen if added else None, reason=said)
        if row.receives_contracts:
            audit.record(session, actor, who.id, "customer_link", row.id,
                         Field.RECEIVES_CONTRACTS, not added, added, reason=said)


def _decide_open_pair(session: Session, actor: Actor, low: int, high: int) -> None:
    pair = session.scalars(select(PossibleDuplicate).where(and_(
        PossibleDuplicate.customer_id == low, PossibleDuplicate.other_customer_id == high,
        PossibleDuplicate.status == DuplicateStatus.OPEN))).first()
    if pair is not None:
        pair.status = DuplicateStatus.NOT_DUPLICATE
        pair.decided_at, pair.decided_by_id = utc_now(), actor.user_id


def _saved(uow: UnitOfWork, customer: Customer, other: Customer, link_id: int) -> SavedLinks:
    touch(customer)
    touch(other)
    uow.flush()
    saved = SavedLinks(link_id, links_of(uow.session, customer.id), customer.version)
    uow.commit()
    return saved
