"""Finding a customer by whatever the clerk types, as the search box and `search` do: each
kind of key, the ranking, and pages that give every match once in both directions."""

from __future__ import annotations

import pytest

from contact_desk.domain.enums import ContactKind, VehicleSource
from contact_desk.services import contact_info
from contact_desk.services.customers import count_search, search_customers
from contact_desk.store.customer import Customer
from contact_desk.store.sales import Vehicle

VIN = "1HGCM82633A004352"


@pytest.fixture
def people(database, manager, new_customer) -> dict[str, int]:
    ann = new_customer("Ann", "Lee", customer_number="C100001")
    bob = new_customer("Bob", "Leeds", company="Leeds Fleet Services", customer_number="C100002")
    cy = new_customer("Cy", "Young", customer_number="X-77")
    jose = new_customer("José", "Muñoz")
    pat = new_customer("Pat", "O'Brien-Smith")
    mary = new_customer("Mary Ann", "Stone")
    motors = new_customer("", "", company="Lakeside Motors")
    uow = database.unit_of_work
    contact_info.add_contact_point(uow(), manager, ann, ContactKind.PHONE, "(212) 555-0142")
    contact_info.add_contact_point(uow(), manager, ann, ContactKind.EMAIL, "Ann.Lee@Example.com")
    contact_info.add_contact_point(uow(), manager, bob, ContactKind.PHONE, "+44 20 7946 0958")
    contact_info.add_contact_point(uow(), manager, bob, ContactKind.EMAIL, "bob@fleetco.com")
    contact_info.add_contact_point(uow(), manager, cy, ContactKind.PHONE, "(646) 555-0199")
    with database.unit_of_work() as work:
        work.session.add(Vehicle(customer_id=cy, vin=VIN, vin_reversed=VIN[::-1], year=2003,
                                 make="Honda", model="Accord", source=VehicleSource.DMS))
        work.commit()
    return {"ann": ann, "bob": bob, "cy": cy, "jose": jose, "pat": pat, "mary": mary,
            "motors": motors}


def found(database, query: str, limit: int = 50, offset: int = 0, after: int | None = None,
          backwards: bool = False) -> list[int]:
    return [hit.id for hit in search_customers(database.unit_of_work(), query, limit, offset,
                                               after, backwards)]


def finds(database, people, query: str) -> set[str]:
    ids = set(found(database, query))
    return {name for name, customer_id in people.items() if customer_id in ids}


@pytest.mark.parametrize(("query", "who"), [
    ("munoz", {"jose"}), ("Muñoz", {"jose"}), ("MUNOZ", {"jose"}), ("jose", {"jose"}),
    ("obrien", {"pat"}), ("Smith", {"pat"}), ("obriensmith", {"pat"}),
    ("O'Brien-Smith", {"pat"}), ("o’brien", {"pat"}),
    ("ann", {"ann", "mary"}),  # Mary Ann's second name
    ("Ann Lee", {"ann"}), ("lee", {"ann", "bob"}), ("LEEDS", {"bob"}),
    ("mary ann", {"mary"}), ("maryann", {"mary"}),
])
def test_every_word_of_a_name_folded(database, people, query, who):
    assert finds(database, people, query) == who


@pytest.mark.parametrize(("query", "who"), [
    ("motors", {"motors"}), ("lakeside", {"motors"}), ("Lakeside Motors", {"motors"}),
    ("fleet", {"bob"}), ("leeds fleet", {"bob"}), ("services", {"bob"}),
])
def test_every_word_of_a_company(database, people, query, who):
    assert finds(database, people, query) == who


@pytest.mark.parametrize("query", [
    "212", "(212) 555-0142", "212.555.01", "2125550142", "+1 212 555 0142", "1 212 555",
    "+1 (212) 555", "212-555-0142", "555 01", "555-0142", "5550142",
])
def test_a_phone_by_its_national_number_typed_in_any_format(database, people, query):
    assert people["ann"] in found(database, query)


@pytest.mark.parametrize(("query", "who"), [
    ("0142", {"ann"}), ("0199", {"cy"}), ("50142", {"ann"}), ("0958", {"bob"}),
    ("9999", set()),
])
def test_a_phone_by_its_last_four_digits_or_more(database, people, query, who):
    assert finds(database, people, query) == who


def test_a_foreign_number_by_its_international_digits(database, people):
    assert found(database, "+44 20 7946") == [people["bob"]]
    assert found(database, "7946 0958") == [people["bob"]]


@pytest.mark.parametrize(("query", "who"), [
    ("ann.lee", {"ann"}), ("ann.lee@", {"ann"}), ("ANN.LEE@EXAMPLE.COM", {"ann"}),
    ("fleetco", {"bob"}), ("fleetco.com", {"bob"}), ("example.com", {"ann"}),
    ("bob@", {"bob"}),
])
def test_an_email_by_its_local_part_or_its_domain(database, people, query, who):
    assert finds(database, people, query) == who


@pytest.mark.parametrize(("query", "who"), [
    ("C100001", {"ann"}), ("c1000", {"ann", "bob"}), ("100001", {"ann"}),
    ("100002", {"bob"}), ("x-77", {"cy"}), ("X77", {"cy"}), ("77", {"cy"}),
])
def test_a_customer_number_with_or_without_its_letters(database, people, query, who):
    assert finds(database, people, query) == who


@pytest.mark.parametrize(("query", "who"), [
    ("1HGCM8", {"cy"}), (VIN.lower(), {"cy"}), ("004352", {"cy"}), ("3A004352", {"cy"}),
    ("33A004352", {"cy"}), ("4352", set()),  # four characters are a phone's end, not a VIN's
])
def test_a_vin_by_its_start_or_its_last_six_to_eight(database, people, query, who):
    assert finds(database, people, query) == who


def test_nothing_matches_a_stranger(database, people):
    assert found(database, "zz top") == []
    assert found(database, "999 99") == []
    assert count_search(database.unit_of_work(), "zz top") == 0


def test_exact_matches_first_then_first_words_then_other_words_ties_in_list_order(
        database, new_customer):
    leeds = new_customer("Bob", "Leeds")
    other_word = new_customer("Mary Lee", "Adams")
    lee_first = new_customer("Lee", "Zimmer")
    ann_lee = new_customer("Ann", "Lee")
    namesake = new_customer("Ann", "Lee")
    firm = new_customer("", "", company="Leeward Motors")
    hyphen = new_customer("Jo", "Smith-Lee")
    ranked = found(database, "lee")
    # Exact (Lee, then Zimmer: list order), first words (the company alone, with no last
    # name, is listed first; then Leeds), other words (Adams, then Smith-Lee).
    assert ranked == [ann_lee, namesake, lee_first, firm, leeds, other_word, hyphen]
    assert count_search(database.unit_of_work(), "lee") == 7


def test_results_are_in_name_order_and_come_a_page_at_a_time(database, people):
    everyone = found(database, "")
    assert len(everyone) == 7 and everyone[:3] == [people["motors"], people["ann"],
                                                   people["bob"]]  # Lakeside, Lee, Leeds
    first = found(database, "", limit=2)
    assert first + found(database, "", limit=10, after=first[-1]) == everyone
    assert found(database, "", limit=2, after=everyone[-1]) == []
    assert found(database, "", limit=3, backwards=True) == everyone[-3:]
    assert found(database, "", limit=2, after=everyone[-3], backwards=True) == everyone[-5:-3]
    assert found(database, "", limit=2, offset=3) == everyone[3:5]
    assert found(database, "", limit=2, offset=1, after=everyone[1]) == everyone[3:5]
    assert count_search(database.unit_of_work(), "") == 7


@pytest.fixture(params=["read the keys", "walk the list"])
def plan(request, monkeypatch) -> str:
    """Both ways a rank's matches are read: the few keys sorted, or down the list's index."""
    from contact_desk.store import search

    enough = 10**9 if request.param == "read the keys" else 0
    monkeypatch.setattr(search._Plan, "enough_keys", property(lambda self: enough))
    return request.param


@pytest.mark.parametrize("query", ["", "ma", "mar", "555", "ann marsh", "a"])
def test_page_after_page_gives_every_match_once_in_order_both_ways(
        database, manager, new_customer, plan, query):
    """Namesakes (equal keys, so ordered by id) straddle the pages; matches come by several
    ranks and ways at once."""
    made = [new_customer(first, last) for first, last in (
        ("Ann", "Marsh"), ("Mark", "Lee"), ("Ann", "Marsh"), ("Bo", "Young"), ("Ann", "Marsh"),
        ("Mary", "Marsh"), ("Cy", "Mars"), ("Di", "Fox"), ("Ann", "Marsh"), ("Lee", "Ma"))]
    for at, customer_id in enumerate(made):
        contact_info.add_contact_point(database.unit_of_work(), manager, customer_id,
                                       ContactKind.PHONE, f"(212) 555-01{at:02d}")
    contact_info.add_contact_point(database.unit_of_work(), manager, made[3],
                                   ContactKind.EMAIL, "mar@example.com")
    whole = found(database, query)
    assert len(whole) >= 3 and len(set(whole)) == len(whole)
    assert count_search(database.unit_of_work(), query) == len(whole)

    paged, after = [], None
    while page := found(database, query, limit=2, after=after):
        assert len(page) <= 2
        paged += page
        after = page[-1]
    assert paged == whole
    backwards, before = [], None
    while page := found(database, query, limit=3, after=before, backwards=True):
        backwards = page + backwards
        before = page[0]
    assert backwards == whole
    for offset in range(len(whole) + 1):
        assert found(database, query, limit=2, offset=offset) == whole[offset:offset + 2]


def test_a_renamed_customer_is_found_by_the_new_name(database, people):
    with database.unit_of_work() as work:
        work.session.get(Customer, people["cy"]).last_name = "Zimmer"
        work.commit()
    assert found(database, "zimm") == [people["cy"]]
    assert found(database, "young") == []


def test_a_changed_phone_and_a_removed_vehicle_are_searched_as_they_are(database, people):
    with database.unit_of_work() as work:
        cy = work.session.get(Customer, people["cy"])
        cy.points(ContactKind.PHONE)[0].value = "+16465550177"
        work.session.delete(work.session.query(Vehicle).filter_by(customer_id=cy.id).one())
        work.commit()
    assert found(database, "0177") == [people["cy"]]
    assert found(database, "0199") == []
    assert found(database, "004352") == []


def test_hits_carry_the_primary_phone_and_email(database, people):
    (hit,) = search_customers(database.unit_of_work(), "C100001")
    assert (hit.name, hit.primary_phone, hit.primary_email) == (
        "Ann Lee", "(212) 555-0142", "ann.lee@example.com")


@pytest.mark.parametrize("limit, offset", [(10**20, 0), (2**63 - 1, 1), (5, 10**20)])
def test_a_limit_or_offset_past_what_the_database_counts_means_all_or_none(
        database, people, limit, offset):
    assert found(database, "lee", limit, offset) == [people["ann"], people["bob"]][offset:]
    assert found(database, "", limit, offset) == found(database, "", 50)[offset:]
