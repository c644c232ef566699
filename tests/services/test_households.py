"""Linking customers: seen from either side (a parent's other is their child), in both
histories, both versions moved; refused in words when it makes no sense, writing nothing;
unlinked and put back by Undo; a linked pair sharing a phone is a household, not a
duplicate; a co-buyer receives the contracts when the customer says so."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contact_desk.domain.duplicates import DuplicateStatus
from contact_desk.domain.enums import ContactKind
from contact_desk.domain.errors import ConflictError, InvalidValue, NotAllowed
from contact_desk.domain.history import Entity, Field
from contact_desk.domain.household import Relation
from contact_desk.domain.recipients import MessageType
from contact_desk.services import contact_info
from contact_desk.services.card import contact_card
from contact_desk.services.customers import get_customer
from contact_desk.services.duplicate_scan import (
    check_customer,
    duplicate_queue,
    scan_for_duplicates,
)
from contact_desk.services.duplicates import possible_duplicates
from contact_desk.services.history import HistoryGroup, customer_history
from contact_desk.services.households import (
    change_link,
    link_customers,
    put_back_link,
    unlink,
)
from contact_desk.services.recipients import CO_BUYER_ROLE, recipients_for

NOON = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)  # noon in Chicago: no quiet hours


@pytest.fixture
def family(database, manager, new_customer):
    made = {"mary": new_customer("Mary", "Lee", customer_number="C1"),
            "tom": new_customer("Tom", "Lee", customer_number="C2"),
            "kim": new_customer("Kim", "Lee", customer_number="C3")}
    for who, email in (("mary", "mary@example.com"), ("tom", "tom@example.com")):
        contact_info.add_contact_point(database.unit_of_work(), manager, made[who],
                                       ContactKind.EMAIL, email)
    return made


def versions(database, *ids):
    return [get_customer(database.unit_of_work(), i).version for i in ids]


def links(database, customer_id):
    return [(link.other.customer_number, link.relation, link.receives_contracts)
            for link in contact_card(database.unit_of_work(), customer_id).links]


def test_a_link_is_seen_from_both_sides_and_in_both_histories(database, manager, family):
    mary, kim = family["mary"], family["kim"]
    before = versions(database, mary, kim)

    saved = link_customers(database.unit_of_work(), manager, kim, mary, Relation.PARENT,
                           expected_version=before[1])

    assert links(database, kim) == [("C1", Relation.PARENT, False)]
    assert links(database, mary) == [("C3", Relation.CHILD, False)]  # read from her side
    assert saved.version == versions(database, kim)[0] != before[1]
    assert versions(database, mary)[0] != before[0]  # other desks showing Mary hear of it
    for customer, partner, seen in ((kim, "C1 (Mary Lee)", "Parent"),
                                    (mary, "C3 (Kim Lee)", "Child")):
        entry = customer_history(database.unit_of_work(), customer).of(
            [HistoryGroup.CONTACTS])[0]
        assert (entry.entity, entry.field, entry.old, entry.new) == (
            Entity.CUSTOMER_LINK, Field.RELATION, "", seen)
        assert entry.detail == f"with {partner}"


@pytest.mark.parametrize("attempt, refusal, message", [
    (lambda f: (f["mary"], f["mary"], Relation.SPOUSE, False), InvalidValue, "themselves"),
    (lambda f: (f["mary"], f["kim"], Relation.CHILD, True), InvalidValue, "Only a co-buyer"),
    (lambda f: (f["mary"], f["tom"], Relation.CO_BUYER, False), NotAllowed,
     "linked to Mary Lee already, as spouse or partner"),
    (lambda f: (f["mary"], 9999, Relation.SPOUSE, False), Exception, "customer"),
], ids=["itself", "contracts to a child", "twice", "nobody"])
def test_a_link_that_makes_no_sense_is_refused_and_writes_nothing(
        database, manager, family, stored, attempt, refusal, message):
    link_customers(database.unit_of_work(), manager, family["tom"], family["mary"],
                   Relation.SPOUSE)
    before = stored()
    customer, other, relation, contracts = attempt(family)

    with pytest.raises(refusal, match=message):
        link_customers(database.unit_of_work(), manager, customer, other, relation, contracts)

    assert stored() == before


def test_a_link_on_a_stale_copy_is_refused(database, manager, family, stored):
    old = versions(database, family["mary"])[0]
    contact_info.add_contact_point(database.unit_of_work(), manager, family["mary"],
                                   ContactKind.PHONE, "(312) 555-0100")
    before = stored()
    with pytest.raises(ConflictError):
        link_customers(database.unit_of_work(), manager, family["mary"], family["tom"],
                       Relation.SPOUSE, expected_version=old)
    assert stored() == before


def test_unlink_keeps_the_link_and_undo_puts_it_back(database, manager, family):
    mary, tom = family["mary"], family["tom"]
    made = link_customers(database.unit_of_work(), manager, mary, tom, Relation.CO_BUYER, True)

    gone = unlink(database.unit_of_work(), manager, made.id, tom, versions(database, tom)[0])
    assert gone.links == () and links(database, mary) == []
    with pytest.raises(NotAllowed, match="not linked any more"):
        unlink(database.unit_of_work(), manager, made.id, mary)

    back = put_back_link(database.unit_of_work(), manager, made.id, tom, gone.version)
    assert [(link.other.customer_number, link.relation, link.receives_contracts)
            for link in back.links] == [("C1", Relation.CO_BUYER, True)]
    again = link_customers  # linking the two anew takes the same row
    unlink(database.unit_of_work(), manager, made.id, mary)
    assert again(database.unit_of_work(), manager, tom, mary, Relation.SPOUSE).id == made.id
    history = customer_history(database.unit_of_work(), tom).of([HistoryGroup.CONTACTS])
    assert [(e.field, e.old, e.new) for e in history[:3]] == [
        (Field.RELATION, "", "Spouse or partner"),
        (Field.RECEIVES_CONTRACTS, "yes", "no"),
        (Field.RELATION, "Co-buyer", "")]


def test_change_link_says_what_changed_on_both_sides(database, manager, family):
    mary, kim = family["mary"], family["kim"]
    made = link_customers(database.unit_of_work(), manager, mary, kim, Relation.CO_BUYER)

    changed = change_link(database.unit_of_work(), manager, made.id, kim, Relation.CO_BUYER,
                          True)

    assert [(v.relation, v.receives_contracts) for v in changed.links] == [
        (Relation.CO_BUYER, True)]
    entry = customer_history(database.unit_of_work(), mary).of([HistoryGroup.CONTACTS])[0]
    assert (entry.field, entry.old, entry.new) == (Field.RECEIVES_CONTRACTS, "no", "yes")
    with pytest.raises(InvalidValue, match="Only a co-buyer"):
        change_link(database.unit_of_work(), manager, made.id, kim, Relation.PARENT, True)


def test_a_linked_pair_is_a_household_not_a_duplicate(database, manager, new_customer):
    jon = new_customer("Jon", "Smith", customer_number="C7")
    john = new_customer("John", "Smith", customer_number="C8")  # his son, on the same phone
    for who in (jon, john):
        contact_info.add_contact_point(database.unit_of_work(), manager, who,
                                       ContactKind.PHONE, "(312) 555-0142")
    scan_for_duplicates(database, manager)
    assert [p.as_dict()["customers"] for p in duplicate_queue(database)] == [["C7", "C8"]]

    link_customers(database.unit_of_work(), manager, jon, john, Relation.CHILD)

    assert duplicate_queue(database) == []  # linking says they are two people
    decided = possible_duplicates(database.unit_of_work(), DuplicateStatus.NOT_DUPLICATE)
    assert [p.as_dict()["customers"] for p in decided] == [["C7", "C8"]]
    report = scan_for_duplicates(database, manager)
    assert (report.duplicates, report.households) == (0, 1)
    with database.sessions() as session:
        assert check_customer(session, john) == []


def test_a_co_buyer_receives_the_contracts_when_the_customer_says_so(database, manager,
                                                                    family):
    mary, tom = family["mary"], family["tom"]
    made = link_customers(database.unit_of_work(), manager, mary, tom, Relation.CO_BUYER)

    def receives(message):
        found = recipients_for(database.unit_of_work(), mary, message, at=NOON)
        return [(r.who, r.role, r.address, r.included) for r in found.recipients
                if r.who != "Mary Lee"]

    assert receives(MessageType.CONTRACTS) == []  # not asked for
    change_link(database.unit_of_work(), manager, made.id, mary, Relation.CO_BUYER, True)
    assert receives(MessageType.CONTRACTS) == [
        ("Tom Lee", CO_BUYER_ROLE, "tom@example.com", True)]
    assert receives(MessageType.INVOICES) == []  # contracts only
    # Co-buyers are on one contract: his contracts go to her too.
    tom_gets = recipients_for(database.unit_of_work(), tom, MessageType.CONTRACTS, at=NOON)
    assert [(r.who, r.included) for r in tom_gets.recipients] == [("Tom Lee", True),
                                                                  ("Mary Lee", True)]
