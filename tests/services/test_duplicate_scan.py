"""The duplicate scan over a real database: close names sharing a phone, the same name and
birth date, a VIN; a household is not queued; a decided pair is never asked again; one
customer's check finds the same as the scan; one scan at a time."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from contact_desk.domain.duplicates import DuplicateSource
from contact_desk.domain.enums import ContactKind
from contact_desk.domain.errors import NotAllowed
from contact_desk.services import contact_info
from contact_desk.services.customers import create_customer, get_customer
from contact_desk.services.duplicate_scan import (
    check_customer,
    duplicate_queue,
    scan_for_duplicates,
)
from contact_desk.services.duplicates import duplicate_queue_page, not_a_duplicate
from contact_desk.services.garage import add_vehicle
from contact_desk.store.customer import Customer
from contact_desk.sync.adf import import_adf
from contact_desk.sync.vcard import import_vcards


@pytest.fixture
def people(database, manager, new_customer, vin):
    def customer(first, last, number, phone=None, email=None, born=None, car=None):
        made = new_customer(first, last, customer_number=number)
        for kind, value in ((ContactKind.PHONE, phone), (ContactKind.EMAIL, email)):
            if value:
                contact_info.add_contact_point(database.unit_of_work(), manager, made, kind,
                                               value)
        if born:  # as the DMS gives it: the desk has no birth date field to type into
            with database.sessions() as session:
                session.get(Customer, made).birth_date = born
                session.commit()
        if car:
            add_vehicle(database.unit_of_work(), manager, made, vin(car), 2020, "Honda", "Civic")
        return made

    return {
        "jon": customer("Jon", "Smith", "C1", phone="(312) 555-0142"),
        "john": customer("John", "Smith", "C2", phone="312-555-0142"),
        "mary": customer("Mary", "Lee", "C3", phone="(312) 555-0199"),
        "tom": customer("Tom", "Lee", "C4", phone="(312) 555-0199"),  # her husband
        "ann": customer("Ann", "Park", "C5", born=date(1980, 5, 17)),
        "ann2": customer("Ann", "Park", "C6", born=date(1980, 5, 17)),
        "bill": customer("Bill", "Cole", "C7", car=1),
        "william": customer("William", "Cole", "C8", car=1),
    }


def test_the_scan_finds_the_planted_pairs_and_not_the_household(database, manager, people):
    report = scan_for_duplicates(database, manager)

    queue = duplicate_queue(database)
    pairs = {tuple(p.as_dict()["customers"]) for p in queue}
    assert pairs == {("C1", "C2"), ("C5", "C6"), ("C7", "C8")}
    assert (report.duplicates, report.new, report.households) == (3, 3, 1)
    jon = next(p for p in queue if p.as_dict()["customers"] == ["C1", "C2"])
    assert jon.as_dict()["reasons"] == ["same mobile (312) 555-0142", "names Jon Smith / John Smith"]
    assert jon.score > 0


def test_a_pair_decided_not_a_duplicate_is_never_asked_again(database, manager, people):
    scan_for_duplicates(database, manager)
    jon = next(p for p in duplicate_queue(database) if p.as_dict()["customers"] == ["C1", "C2"])
    not_a_duplicate(database.unit_of_work(), manager, jon.id)
    again = scan_for_duplicates(database, manager)
    assert again.new == 0
    assert ["C1", "C2"] not in [p.as_dict()["customers"] for p in duplicate_queue(database)]
    with pytest.raises(NotAllowed, match="decided already"):
        not_a_duplicate(database.unit_of_work(), manager, jon.id)


def test_a_second_scan_adds_nothing(database, manager, people, stored):
    scan_for_duplicates(database, manager)
    before = {k: v for k, v in stored().items() if k != "incoming_run"}
    assert scan_for_duplicates(database, manager).new == 0
    assert {k: v for k, v in stored().items() if k != "incoming_run"} == before


def test_one_customers_check_finds_what_the_scan_finds(database, manager, people):
    with database.sessions() as session:
        found = check_customer(session, people["john"])
        household = check_customer(session, people["tom"])
    assert [(f.low, f.high) for f in found] == [(people["jon"], people["john"])]
    assert household == []


def test_a_viewer_may_not_scan(database, viewer, people):
    with pytest.raises(Exception, match="permission"):
        scan_for_duplicates(database, viewer)


def test_a_card_for_someone_new_is_checked_as_it_arrives(database, manager, people, tmp_path):
    card = tmp_path / "ann.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Park;Ann;;;\r\nFN:Ann Park\r\n"
                    "BDAY:1980-05-17\r\nEMAIL:ann.park@example.com\r\nEND:VCARD\r\n")

    report = import_vcards(database, manager, card)

    assert report.customers_created == 1
    with database.sessions() as session:
        new = session.scalar(select(Customer.id).where(Customer.customer_number.is_(None),
                                                       Customer.first_name == "Ann"))
    found = [pair for pair in duplicate_queue(database) if new in
             (pair.customer_id, pair.other_customer_id)]
    assert {p.id for p in report.possible_duplicates} == {p.id for p in found}
    assert "2 possible duplicates recorded" in report.summary()
    assert {pair.partner_of(new)[0] for pair in found} == {people["ann"], people["ann2"]}
    assert {pair.source for pair in found} == {DuplicateSource.VCARD}
    assert all("same birth date" in pair.reasons_shown() for pair in found)


def test_a_customer_added_at_the_desk_is_checked(database, manager, people):
    made = create_customer(database.unit_of_work(), manager, first_name="Ann",
                           last_name="Park", birth_date=date(1980, 5, 17))

    with database.sessions() as session:
        number = session.get(Customer, made).customer_number
    desk_pairs = [p for p in duplicate_queue(database) if made in
                  (p.customer_id, p.other_customer_id)]
    assert number is None
    assert {p.source for p in desk_pairs} == {DuplicateSource.DESK}
    assert {p.partner_of(made)[0] for p in desk_pairs} == {people["ann"], people["ann2"]}


def test_the_customer_page_knows_its_open_duplicates(database, manager, people):
    scan_for_duplicates(database, manager)

    jon = get_customer(database.unit_of_work(), "C1")
    (pair,) = jon.duplicates
    assert pair.partner_of(jon.id) == (people["john"], pair.other)
    assert pair.other.customer_number == "C2"
    assert pair.reasons_shown() == "same mobile (312) 555-0142; names Jon Smith / John Smith"
    assert get_customer(database.unit_of_work(), "C3").duplicates == ()  # a household

    not_a_duplicate(database.unit_of_work(), manager, pair.id)
    assert get_customer(database.unit_of_work(), "C1").duplicates == ()
    assert get_customer(database.unit_of_work(), "C2").duplicates == ()


def test_the_queue_is_newest_first_and_counts_every_open_pair(database, manager, people):
    scan_for_duplicates(database, manager)
    everything = duplicate_queue(database)
    assert [p.found_at for p in everything] == sorted((p.found_at for p in everything),
                                                      reverse=True)

    page = duplicate_queue_page(database.unit_of_work(), limit=2)

    assert page.open_in_all == 3
    assert [p.id for p in page.pairs] == [p.id for p in everything[:2]]
    not_a_duplicate(database.unit_of_work(), manager, everything[0].id)
    assert duplicate_queue_page(database.unit_of_work()).open_in_all == 2


def test_a_lead_kept_apart_gets_the_scans_score(database, manager, people, tmp_path):
    lead = tmp_path / "lead.xml"
    lead.write_text(
        '<?xml version="1.0"?><?adf version="1.0"?><adf><prospect><requestdate>'
        "2026-12-01T10:00:00</requestdate><customer><contact><name part=\"first\">Johnn"
        '</name><name part="last">Smith</name><phone>(312) 555-0142</phone></contact>'
        "</customer><vendor><vendorname>Desk Motors</vendorname></vendor></prospect></adf>")

    report = import_adf(database, manager, lead)

    assert report.customer_created
    near = [p for p in duplicate_queue(database) if report.customer_id in
            (p.customer_id, p.other_customer_id)]
    assert {p.partner_of(report.customer_id)[0] for p in near} == {people["jon"], people["john"]}
    score = {p.partner_of(report.customer_id)[0]: p.score for p in near}
    # The scan's comparison scores the close name; Jon is a hint the lead's phone gave.
    assert score[people["john"]] > 0 and score[people["jon"]] == 0
