"""Households and relationships between customers: a spouse, a co-buyer, a parent and
child, a business and its owner, a fleet account and its driver. A link is kept once per
pair and read from either side; a linked pair sharing a phone or an address is expected (a
household), never a possible duplicate; a co-buyer may receive the customer's contracts
when the customer says so."""

from __future__ import annotations

from contact_desk.domain.enums import LabelledEnum
from contact_desk.domain.errors import InvalidValue


class Relation(LabelledEnum):
    """What the other customer is to this one ("Tom is Mary's spouse or partner")."""

    SPOUSE = "Spouse or partner"
    CO_BUYER = "Co-buyer"
    PARENT = "Parent"
    CHILD = "Child"
    BUSINESS_OWNER = "Business owner"
    BUSINESS = "Business owned"
    FLEET_DRIVER = "Fleet driver"
    FLEET_ACCOUNT = "Fleet account"

    @property
    def inverse(self) -> Relation:
        """What this customer is to the other: a parent's other is their child."""
        return _INVERSE[self]


_PAIRS = ((Relation.SPOUSE, Relation.SPOUSE), (Relation.CO_BUYER, Relation.CO_BUYER),
          (Relation.PARENT, Relation.CHILD), (Relation.BUSINESS_OWNER, Relation.BUSINESS),
          (Relation.FLEET_DRIVER, Relation.FLEET_ACCOUNT))
_INVERSE = {one: other for a, b in _PAIRS for one, other in ((a, b), (b, a))}


def check_link(customer_id: int, other_id: int, relation: Relation,
               receives_contracts: bool) -> None:
    """A link a person asked for, refused in words when it cannot be."""
    if customer_id == other_id:
        raise InvalidValue("A customer cannot be linked to themselves.")
    if receives_contracts and relation is not Relation.CO_BUYER:
        raise InvalidValue("Only a co-buyer can receive the customer's contracts.",
                           field="receives_contracts")


def stored_as(customer_id: int, other_id: int, relation: Relation) -> tuple[int, int, Relation]:
    """The pair as it is kept: lower id first, ``relation`` what the higher one is to the
    lower one."""
    if customer_id < other_id:
        return customer_id, other_id, relation
    return other_id, customer_id, relation.inverse


def seen_from(customer_id: int, low: int, high: int, relation: Relation) -> tuple[int, Relation]:
    """A kept pair from ``customer_id``'s side: the other one, and what they are to them."""
    return (high, relation) if customer_id == low else (low, relation.inverse)
