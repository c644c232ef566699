"""Which customer on file an import (a lead, a card) is about, by the one matching rule.

A DMS customer number, or a card UID the desk knows, names the customer when the card's
name confirms it (domain.duplicates.names_confirm): a hand-edited or foreign card carrying
someone else's key never goes to that someone. A phone or email names a customer only
together with a name that agrees; when the name agrees with several customers sharing the
values (a household, a fleet), the one with the same full name and birth date or email is
taken, if there is exactly one. Otherwise the import goes to nobody: the customers it came
near are handed back, with what they share, for the import to record as possible
duplicates of the customer it makes. Every look-up is by an index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.duplicates import (
    DuplicateReason,
    KeptApart,
    MatchBasis,
    Names,
    names_agree,
    names_confirm,
    same_full_name,
)
from contact_desk.domain.enums import ContactKind
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.duplicates import PossibleDuplicateReason
from contact_desk.store.imports import CardUid, stored_key
from contact_desk.store.merges import survivor_of

# A fleet's or an office's phone can be on thousands of customers: the first this many
# sharing a value are looked at, and the first MAX_NEAR of those recorded.
MAX_SHARING = 1_000
MAX_NEAR = 20
_REASONS = {ContactKind.PHONE: DuplicateReason.SAME_PHONE,
            ContactKind.EMAIL: DuplicateReason.SAME_EMAIL}
_REASON_LENGTH = PossibleDuplicateReason.__table__.c.value.type.length

_KEY_NOT_CONFIRMED = {
    MatchBasis.CUSTOMER_NUMBER: (DuplicateReason.SAME_CUSTOMER_NUMBER,
                                 KeptApart.NUMBER_NAME_DISAGREES),
    MatchBasis.CARD_UID: (DuplicateReason.SAME_CARD_UID, KeptApart.UID_NAME_DISAGREES),
}

Reasons = dict[tuple[DuplicateReason, str], None]  # in the order found, each once


@dataclass(frozen=True)
class Arrival:
    """What an import says about the person: ``values`` are (kind, stored value) pairs,
    a phone in E.164, an email normalised."""

    names: Names
    values: tuple[tuple[ContactKind, str], ...] = ()
    customer_number: str | None = None
    uid: str | None = None
    birth_date: date | None = None


@dataclass(frozen=True)
class Near:
    """A customer the arrival came near without being theirs, and what the two share."""

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
    """The customer the arrival is about, and why; or None, the customers near it, and why
    it went to none of them (``kept_apart``; None when it shares nothing with anyone)."""

    customer: Customer | None
    basis: MatchBasis | None = None
    near: tuple[Near, ...] = ()
    kept_apart: KeptApart | None = None


def find_customer_for(session: Session, arrival: Arrival) -> Found:
    """The customer ``arrival`` is about, by the matching rule; see the module."""
    keyed = _by_key(session, arrival)
    if keyed is None:
        return _by_values(session, arrival)
    customer, basis = keyed
    if names_confirm(arrival.names, _names(customer)):
        return Found(customer, basis)
    # Someone else's key: the card is about whom its values and name say (never the key's
    # customer, whose name does not agree), and else near the key's customer first.
    by_values = _by_values(session, arrival)
    if by_values.customer is not None:
        return by_values
    reason, kept_apart = _KEY_NOT_CONFIRMED[basis]
    key = arrival.customer_number if basis is MatchBasis.CUSTOMER_NUMBER else arrival.uid
    near = {customer.id: {(reason, stored_key(key or "", _REASON_LENGTH)): None}}
    for neighbour in by_values.near:
        near.setdefault(neighbour.customer_id, {}).update(dict.fromkeys(neighbour.reasons))
    return Found(None, near=_nearest(near), kept_apart=kept_apart)


def _by_key(session: Session, arrival: Arrival) -> tuple[Customer, MatchBasis] | None:
    """The customer the arrival's DMS number names, else the one its card UID names."""
    if arrival.customer_number:
        customer = session.scalars(
            select(Customer).where(Customer.customer_number == arrival.customer_number)
        ).first()
        if customer is not None:  # a number merged into another customer is the survivor's
            survivor = survivor_of(session, customer.id)
            return session.get(Customer, survivor) or customer, MatchBasis.CUSTOMER_NUMBER
    if arrival.uid:
        customer_id = customer_of_uid(session, arrival.uid)
        if customer_id is not None:
            return session.get(Customer, customer_id), MatchBasis.CARD_UID
    return None


def customer_of_uid(session: Session, uid: str) -> int | None:
    """The customer a card UID (as stored_key keeps it) names, if the desk knows it."""
    return session.scalar(select(CardUid.customer_id).where(CardUid.uid == uid))


def _by_values(session: Session, arrival: Arrival) -> Found:
    """By phone or email and agreeing name."""
    wanted = {value: kind for kind, value in arrival.values}
    if not wanted:
        return Found(None)
    shared: dict[int, Reasons] = {}
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
    on_file = {row.id: (Names(row.first_name, row.last_name, row.company), row.birth_date)
               for row in session.execute(
                   select(Customer.id, Customer.first_name, Customer.last_name,
                          Customer.company, Customer.birth_date)
                   .where(Customer.id.in_(shared)))}
    agreeing = [customer_id for customer_id in shared
                if names_agree(arrival.names, on_file[customer_id][0])]
    if agreeing:
        chosen = agreeing if len(agreeing) == 1 else [
            customer_id for customer_id in agreeing
            if _exact(arrival, *on_file[customer_id], shared[customer_id])]
        if len(chosen) == 1:
            basis = (MatchBasis.EMAIL_AND_NAME if _shares_email(shared[chosen[0]])
                     else MatchBasis.PHONE_AND_NAME)
            return Found(session.get(Customer, chosen[0]), basis)
    # Those whose name agrees first: they are the likelier to be the same person.
    order = agreeing + [customer_id for customer_id in shared if customer_id not in agreeing]
    return Found(None, near=_nearest({customer_id: shared[customer_id] for customer_id in order}),
                 kept_apart=KeptApart.SEVERAL_AGREE if agreeing else KeptApart.NAME_DISAGREES)


def _exact(arrival: Arrival, names: Names, born: date | None, reasons: Reasons) -> bool:
    """Whether a customer whose name agrees is the arrival's exact match among several: the
    same full name, and, where the arrival gives a birth date or an email, the same birth
    date or a shared email (in a household the name alone is Sr.'s as much as Jr.'s)."""
    if not same_full_name(arrival.names, names):
        return False
    gives_email = any(kind is ContactKind.EMAIL for kind, _ in arrival.values)
    if arrival.birth_date is None and not gives_email:
        return True
    return (arrival.birth_date is not None and arrival.birth_date == born) or _shares_email(
        reasons)


def _shares_email(reasons: Reasons) -> bool:
    return any(reason is DuplicateReason.SAME_EMAIL for reason, _ in reasons)


def _nearest(near: dict[int, Reasons]) -> tuple[Near, ...]:
    return tuple(Near(customer_id, tuple(reasons))
                 for customer_id, reasons in list(near.items())[:MAX_NEAR])


def _names(customer: Customer) -> Names:
    return Names(customer.first_name, customer.last_name, customer.company)


def exported_uids(session: Session, customer_ids: Iterable[int]) -> dict[int, str]:
    """The UID each customer's card is written with: the first the desk gave it or took."""
    uids: dict[int, str] = {}
    for customer_id, uid in session.execute(
        select(CardUid.customer_id, CardUid.uid)
        .where(CardUid.customer_id.in_(list(customer_ids))).order_by(CardUid.id)
    ):
        uids.setdefault(customer_id, uid)
    return uids
