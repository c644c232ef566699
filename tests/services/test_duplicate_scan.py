"""The duplicate scan over a real database: close names sharing a phone, the same name and
birth date, a VIN; a household is not queued; a decided pair is never asked again; one
customer's check finds the same as the scan; one scan at a time."""

from __future__ import annotations

from datetime import date

import pytest

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.errors import NotAllowed
from contact_desk.services import contact_info
from contact_desk.services.duplicate_scan import (
    check_customer,
    duplicate_queue,
    scan_for_duplicates,
)
from contact_desk.services.duplicates import not_a_duplicate
from contact_desk.services.garage import add_vehicle
from contact_desk.store.customer import Customer


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
