"""Finding a customer by whatever the clerk types, as the search box and `search` do."""

from __future__ import annotations

import pytest

from contact_desk.services import contact_info
from contact_desk.domain.enums import ContactKind, VehicleSource
from contact_desk.services.customers import search_customers
from contact_desk.store.customer import Customer
from contact_desk.store.sales import Vehicle

VIN = "1HGCM82633A004352"


@pytest.fixture
def people(database, manager, new_customer) -> dict[str, int]:
    ann = new_customer("Ann", "Lee", customer_number="C100001")
    bob = new_customer("Bob", "Leeds", company="Leeds Fleet Services", customer_number="C100002")
    cy = new_customer("Cy", "Young", customer_number="X-77")
    uow = database.unit_of_work
    contact_info.add_contact_point(uow(), manager, ann, ContactKind.PHONE, "(212) 555-0142")
    contact_info.add_contact_point(uow(), manager, ann, ContactKind.EMAIL, "Ann.Lee@Example.com")
    contact_info.add_contact_point(uow(), manager, bob, ContactKind.PHONE, "+44 20 7946 0958")
    contact_info.add_contact_point(uow(), manager, cy, ContactKind.PHONE, "(646) 555-0199")
    with database.unit_of_work() as work:
        work.session.add(Vehicle(customer_id=cy, vin=VIN, vin_reversed=VIN[::-1], year=2003,
                                 make="Honda", model="Accord", source=VehicleSource.DMS))
        work.commit()
    return {"ann": ann, "bob": bob, "cy": cy}


def found(database, query: str, limit: int = 50, offset: int = 0,
          after: int | None = None) -> list[int]:
    return [hit.id for hit in search_customers(database.unit_of_work(), query, limit, offset,
                                               after)]


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("ann", {"ann"}),
        ("Ann Lee", {"ann"}),
        ("lee", {"ann", "bob"}),  # last names Lee and Leeds, by prefix
        ("LEEDS", {"bob"}),
        ("leeds fleet", {"bob"}),  # company
        ("C100001", {"ann"}),
        ("c1000", {"ann", "bob"}),  # a DMS number typed in lower case
        ("x-77", {"cy"}),
        ("ann.lee@", {"ann"}),  # email, stored normalised
        ("ANN.LEE@EXAMPLE.COM", {"ann"}),
        ("4352", {"cy"}),  # the end of a VIN, as read off a windshield
        ("3A004352", {"cy"}),
    ],
)
def test_finds_by_name_company_number_email_and_vin(database, people, query, who):
    assert set(found(database, query)) == {people[name] for name in who}


@pytest.mark.parametrize(
    "query",
    ["212", "(212) 555-0142", "212.555.01", "2125550142", "+1 212 555 0142", "1 212 555",
     "555 01", "555-0142", "5550142"],
)
def test_finds_a_phone_typed_in_any_format_or_partly(database, people, query):
    assert people["ann"] in found(database, query)


def test_a_foreign_number_is_found_by_its_international_digits(database, people):
    assert found(database, "+44 20 7946") == [people["bob"]]
    assert found(database, "7946 0958") == [people["bob"]]


def test_nothing_matches_a_stranger(database, people):
    assert found(database, "zz top") == []
    assert found(database, "999 99") == []


def test_results_are_in_name_order_and_come_a_page_at_a_time(database, people):
    everyone = found(database, "")
    assert everyone == [people["ann"], people["bob"], people["cy"]]  # Lee, Leeds, Young
    first = found(database, "", limit=2)
    assert first + found(database, "", limit=2, offset=2) == everyone
    assert first + found(database, "", limit=2, offset=2, after=first[-1]) == everyone
    assert found(database, "", limit=2, offset=3, after=everyone[-1]) == []


@pytest.mark.parametrize("query", ["", "ma", "mar", "555"])
def test_page_after_page_gives_every_match_once_in_list_order(database, manager, new_customer,
                                                              query):
    """Namesakes (equal keys, so ordered by id) straddle the pages; matches come by last
    name, first name and email, and by phone, from several ways at once."""
    made = [new_customer(first, last) for first, last in (
        ("Ann", "Marsh"), ("Mark", "Lee"), ("Ann", "Marsh"), ("Bo", "Young"), ("Ann", "Marsh"),
        ("Mary", "Marsh"), ("Cy", "Mars"), ("Di", "Fox"), ("Ann", "Marsh"))]
    for at, customer_id in enumerate(made):
        contact_info.add_contact_point(database.unit_of_work(), manager, customer_id, ContactKind.PHONE,
                             f"(212) 555-01{at:02d}")
    contact_info.add_contact_point(database.unit_of_work(), manager, made[3], ContactKind.EMAIL,
                         "mar@example.com")
    whole = found(database, query)
    assert len(whole) >= 4

    paged, after = [], None
    while page := found(database, query, limit=2, offset=len(paged), after=after):
        assert len(page) <= 2
        paged += page
        after = page[-1]
    assert paged == whole


def test_a_renamed_customer_is_found_by_the_new_name(database, people):
    with database.unit_of_work() as work:
        work.session.get(Customer, people["cy"]).last_name = "Zimmer"
        work.commit()
    assert found(database, "zimm") == [people["cy"]]
    assert found(database, "young") == []


def test_hits_carry_the_primary_phone_and_email(database, people):
    (hit,) = search_customers(database.unit_of_work(), "C100001")
    assert (hit.name, hit.primary_phone, hit.primary_email) == (
        "Ann Lee", "(212) 555-0142", "ann.lee@example.com")


@pytest.mark.parametrize("limit, offset", [(10**20, 0), (2**63 - 1, 1), (5, 10**20)])
def test_a_limit_or_offset_past_what_the_database_counts_means_all_or_none(
        database, people, limit, offset):
    assert found(database, "lee", limit, offset) == [people["ann"], people["bob"]][offset:]
    assert found(database, "", limit, offset) == found(database, "", 50)[offset:]
