"""Which customer on file an import (a lead, a card) is about, by the one matching rule.

A DMS customer number, or a card UID the desk knows, names the customer outright. A phone
or email names a customer only together with a name that agrees (domain.duplicates): the
customers who share a value but not the name are handed back, for the import to record as
possible duplicates of the customer it makes. Every look-up is by an index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.duplicates import DuplicateReason, MatchBasis, Names, names_agree
from contact_desk.domain.enums import ContactKind
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.imports import CardUid

# A fleet's or an office's phone can be on thousands of customers: the first this many
# sharing a value are looked at, and the first MAX_NEAR of those that disagree recorded.
MAX_SHARING = 1_000
MAX_NEAR = 20
_REASONS = {ContactKind.PHONE: DuplicateReason.SAME_PHONE,
            ContactKind.EMAIL: DuplicateReason.SAME_EMAIL}


@dataclass(frozen=True)
class Arrival:
    """What an import says about the person: ``values`` are (kind, stored value) pairs,
    a phone in E.164, an email normalised."""

    names: Names
    values: tuple[tuple[ContactKind, str], ...] = ()
    customer_number: str | None = None
    uid: str | None = None


@dataclass(frozen=True)
class Near:
    """A customer sharing values with an arrival whose name does not agree."""

    customer_id: int
    reasons: tuple[tuple[DuplicateReason, str], ...]


@dataclass(frozen=True)
class CustomerRef:
    """How a report names a customer: by DMS customer number, never by the desk's own id;
    one without a number by name, saying whether the import made it."""

    customer_number: str | None
    name: str
    created: bool = False

    @classmethod
    def of(cls, customer: Customer, created: bool = False) -> CustomerRef:
        return cls(customer.customer_number, customer.full_name, created)

    def shown(self) -> str:
        if self.customer_number:
            return f"{self.customer_number} ({self.name})"
        return f"{self.name} ({'new customer, ' if self.created else ''}no customer number)"


@dataclass(frozen=True)
class Found:
    """The customer the arrival is about, and why; or None and the customers near it."""

    customer: Customer | None
    basis: MatchBasis | None = None
    near: tuple[Near, ...] = ()


def find_customer_for(session: Session, arrival: Arrival) -> Found:
    """The customer ``arrival`` is about, by the matching rule; see the module."""
    if arrival.customer_number:
        customer = session.scalars(
            select(Customer).where(Customer.customer_number == arrival.customer_number)
        ).first()
        if customer is not None:
            return Found(customer, MatchBasis.CUSTOMER_NUMBER)
    if arrival.uid:
        customer_id = session.scalar(select(CardUid.customer_id).where(CardUid.uid == arrival.uid))
        if customer_id is not None:
            return Found(session.get(Customer, customer_id), MatchBasis.CARD_UID)
    return _by_values(session, arrival)


def _by_values(session: Session, arrival: Arrival) -> Found:
    wanted = {value: kind for kind, value in arrival.values}
    if not wanted:
        return Found(None)
    shared: dict[int, dict[tuple[DuplicateReason, str], None]] = {}
    rows = session.execute(
        select(ContactPoint.customer_id, ContactPoint.kind, ContactPoint.value)
        .where(ContactPoint.value.in_(wanted))
        .order_by(ContactPoint.customer_id, ContactPoint.id)
        .limit(MAX_SHARING)
    )
    for customer_id, kind, value in rows:
        if wanted.get(value) is kind:
            shared.setdefault(customer_id, {})[(_REASONS[kind], value)] = None
    if not shared:
        return Found(None)
    names = {row.id: Names(row.first_name, row.last_name, row.company) for row in session.execute(
        select(Customer.id, Customer.first_name, Customer.last_name, Customer.company)
        .where(Customer.id.in_(shared)))}
    agreeing = [customer_id for customer_id in shared
                if names_agree(arrival.names, names[customer_id])]
    if agreeing:
        # An email is more a person's own than a phone: a customer sharing one goes first.
        by_email = [c for c in agreeing if _shares(shared[c], DuplicateReason.SAME_EMAIL)]
        chosen = (by_email or agreeing)[0]
        basis = MatchBasis.EMAIL_AND_NAME if by_email else MatchBasis.PHONE_AND_NAME
        return Found(session.get(Customer, chosen), basis)
    near = tuple(Near(customer_id, tuple(reasons)) for customer_id, reasons in shared.items())
    return Found(None, near=near[:MAX_NEAR])


def _shares(reasons: dict[tuple[DuplicateReason, str], None], reason: DuplicateReason) -> bool:
    return any(kind is reason for kind, _ in reasons)



def exported_uids(session: Session, customer_ids: Iterable[int]) -> dict[int, str]:
    """The UID each customer's card is written with: the first the desk gave it or took."""
    uids: dict[int, str] = {}
    for customer_id, uid in session.execute(
        select(CardUid.customer_id, CardUid.uid)
        .where(CardUid.customer_id.in_(list(customer_ids))).order_by(CardUid.id)
    ):
        uids.setdefault(customer_id, uid)
    return uids
