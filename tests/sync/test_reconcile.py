"""Every reconciliation case of the DMS sync, as a table: what the desk holds, what the DMS
sends, what the desk holds afterwards. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import ContactKind, ContactStatus, ProgramState
from contact_desk.services import contact_info
from contact_desk.services import contact_points as cp
from contact_desk.store.customer import ContactPoint
from contact_desk.store.program import Program
from contact_desk.store.sales import Vehicle
from contact_desk.sync.dms import sync_dms
from tests.consent import set_flag
from tests.sync.conftest import HEADER, customer, points

A, B, C, D = "+12125550142", "+12125550143", "+16465550188", "+15185550100"
MAIL, MAIL2, OWN_MAIL = "ann@example.com", "ann.lee@example.org", "ann@home.example"
VIN = "1HGCM82633A004352"
BASE = {"customer_number": "C1", "first_name": "Ann", "last_name": "Lee"}

Desk = Callable[..., None]


def dealer(kind: ContactKind, text: str) -> Desk:
    def act(database, actor, customer_id):
        contact_info.add_contact_point(database.unit_of_work(), actor, customer_id, kind, text)
    return act


def choose(text: str) -> Desk:
    def act(database, actor, customer_id):
        cp.set_primary_by_value(database.unit_of_work(), actor, "C1", text)
    return act


def _point_id(database, customer_id: int, text: str) -> int:
    with database.sessions() as session:
        return session.scalars(select(ContactPoint.id).where(
            ContactPoint.customer_id == customer_id, ContactPoint.value == text)).one()


def mark(text: str, status: ContactStatus) -> Desk:
    def act(database, actor, customer_id):
        point_id = _point_id(database, customer_id, text)
        contact_info.set_contact_point_status(database.unit_of_work(), actor, point_id, status)
    return act


def no_texts(text: str) -> Desk:
    def act(database, actor, customer_id):
        point_id = _point_id(database, customer_id, text)
        set_flag(database.unit_of_work(), actor, point_id, do_not_text=True)
    return act


def financed(database, actor, customer_id):
    with database.sessions() as session:
        session.add(Program(number="FP1", state=ProgramState.ACTIVE, customer_id=customer_id,
                            financed_amount=Decimal("20000.00")))
        session.commit()


@dataclass(frozen=True)
class Case:
    """``first`` is synced, then the ``desk`` acts, then ``then`` is synced (unless None)
    from a file with the columns of ``header``."""

    rule: str
    first: dict[str, str]
    then: dict[str, str] | None
    expected: list[tuple[str, str, str, bool]]
    desk: tuple[Desk, ...] = ()
    header: tuple[str, ...] = HEADER
    bad: str = ""
    details: dict[str, object] = field(default_factory=dict)
    between: dict[str, str] | None = None  # a sync after the desk's acts, before ``then``


CASES = [
    Case("a new customer gets the DMS values; the DMS cell and email are primary",
         {"home_phone": A, "cell_phone": B, "email": MAIL}, None,
         [("DMS_CELL", B, "ACTIVE", True), ("DMS_HOME", A, "ACTIVE", False),
          ("DMS_EMAIL", MAIL, "ACTIVE", True)]),
    Case("without a cell, the first active phone is primary",
         {"home_phone": A, "work_phone": B}, None,
         [("DMS_HOME", A, "ACTIVE", True), ("DMS_WORK", B, "ACTIVE", False)]),
    Case("the same number as cell and home is kept once, as the cell",
         {"cell_phone": A, "home_phone": "(212) 555-0142"}, None,
         [("DMS_CELL", A, "ACTIVE", True)]),
    Case("a fleet customer with only a company is created",
         {"first_name": "", "last_name": "", "company": "Acme Fleet", "work_phone": A}, None,
         [("DMS_WORK", A, "ACTIVE", True)], details={"company": "Acme Fleet", "first_name": ""}),
    Case("the same row again changes nothing",
         {"cell_phone": A, "email": MAIL}, {"cell_phone": A, "email": MAIL},
         [("DMS_CELL", A, "ACTIVE", True), ("DMS_EMAIL", MAIL, "ACTIVE", True)]),
    Case("a changed cell makes the old one inactive and the primary follows the field",
         {"cell_phone": A, "home_phone": B}, {"cell_phone": C, "home_phone": B},
         [("DMS_CELL", A, "INACTIVE", False), ("DMS_HOME", B, "ACTIVE", False),
          ("DMS_CELL", C, "ACTIVE", True)]),
    Case("a changed home phone that was not primary leaves the primary where it is",
         {"cell_phone": A, "home_phone": B}, {"cell_phone": A, "home_phone": C},
         [("DMS_CELL", A, "ACTIVE", True), ("DMS_HOME", B, "INACTIVE", False),
          ("DMS_HOME", C, "ACTIVE", False)]),
    Case("a primary chosen on the home phone follows the home field, not the default cell",
         {"cell_phone": A, "home_phone": B}, {"cell_phone": A, "home_phone": C},
         [("DMS_CELL", A, "ACTIVE", False), ("DMS_HOME", B, "INACTIVE", False),
          ("DMS_HOME", C, "ACTIVE", True)], desk=(choose(B),)),
    Case("a changed email makes the old one inactive and the new one primary",
         {"email": MAIL}, {"email": MAIL2},
         [("DMS_EMAIL", MAIL, "INACTIVE", False), ("DMS_EMAIL", MAIL2, "ACTIVE", True)]),
    Case("a value gone from the DMS becomes inactive; the primary moves by the default rule",
         {"cell_phone": A, "home_phone": B, "email": MAIL}, {"home_phone": B},
         [("DMS_CELL", A, "INACTIVE", False), ("DMS_HOME", B, "ACTIVE", True),
          ("DMS_EMAIL", MAIL, "INACTIVE", False)]),
    Case("customer- and dealer-added values are never changed",
         {"cell_phone": A, "email": MAIL}, {"email": MAIL2},
         [("DMS_CELL", A, "INACTIVE", False), ("DEALER_PHONE", D, "ACTIVE", True),
          ("DMS_EMAIL", MAIL, "INACTIVE", False), ("DEALER_EMAIL", OWN_MAIL, "ACTIVE", False),
          ("DMS_EMAIL", MAIL2, "ACTIVE", True)],
         desk=(dealer(ContactKind.PHONE, D), dealer(ContactKind.EMAIL, OWN_MAIL))),
    Case("a primary a person chose stays while it is active",
         {"cell_phone": A}, {"cell_phone": C},
         [("DMS_CELL", A, "INACTIVE", False), ("DEALER_PHONE", D, "ACTIVE", True),
          ("DMS_CELL", C, "ACTIVE", False)], desk=(dealer(ContactKind.PHONE, D), choose(D))),
    Case("a DMS value a person already added is left as theirs, not copied",
         {"cell_phone": A}, {"cell_phone": A, "home_phone": D},
         [("DMS_CELL", A, "ACTIVE", True), ("DEALER_PHONE", D, "ACTIVE", False)],
         desk=(dealer(ContactKind.PHONE, D),)),
    Case("numbers that swap fields are moved, not replaced",
         {"cell_phone": A, "home_phone": B}, {"cell_phone": B, "home_phone": A},
         [("DMS_HOME", A, "ACTIVE", True), ("DMS_CELL", B, "ACTIVE", False)]),
    Case("a value that comes back is active again and takes its field's primary back",
         {"cell_phone": A}, {"cell_phone": A},
         [("DMS_CELL", A, "ACTIVE", True), ("DMS_CELL", C, "INACTIVE", False)],
         between={"cell_phone": C}),
    Case("a value the desk marked invalid stays invalid while the DMS still sends it",
         {"cell_phone": A, "home_phone": B}, {"cell_phone": A, "home_phone": B},
         [("DMS_CELL", A, "INVALID", False), ("DMS_HOME", B, "ACTIVE", True)],
         desk=(mark(A, ContactStatus.INVALID),)),
    Case("a value a person made inactive is active again while the DMS sends it",
         {"cell_phone": A, "home_phone": B}, {"cell_phone": A, "home_phone": B},
         [("DMS_CELL", A, "ACTIVE", False), ("DMS_HOME", B, "ACTIVE", True)],
         desk=(mark(A, ContactStatus.INACTIVE),)),
    Case("a column the file does not have is left alone",
         {"cell_phone": A, "work_phone": B}, {"cell_phone": A},
         [("DMS_CELL", A, "ACTIVE", True), ("DMS_WORK", B, "ACTIVE", False)],
         header=tuple(h for h in HEADER if h != "work_phone")),
    Case("names, birth date and address follow the DMS",
         {"city": "Albany"}, {"first_name": "Anne", "birth_date": "05/17/1980",
                              "address_line1": "2 Oak St", "city": "Troy", "state": "NY"},
         [], details={"first_name": "Anne", "birth_date": date(1980, 5, 17), "city": "Troy",
                      "address_line1": "2 Oak St"}),
    Case("a new address of a customer with a financed program waits for a document",
         {"city": "Albany", "cell_phone": A}, {"city": "Troy", "cell_phone": C},
         [("DMS_CELL", A, "ACTIVE", True)], desk=(financed,), bad="verification document",
         details={"city": "Albany"}),
    Case("do-not-call and do-not-text from the DMS are set on its phones",
         {"cell_phone": A}, {"cell_phone": A, "do_not_call": "Y", "do_not_text": "yes"},
         [("DMS_CELL", A, "ACTIVE", True)], header=(*HEADER, "do_not_call", "do_not_text"),
         details={"do_not_call": True, "do_not_text": True}),
    Case("a do-not-text the desk recorded is not lifted by a DMS that says N",
         {"cell_phone": A}, {"cell_phone": A, "do_not_text": "N"},
         [("DMS_CELL", A, "ACTIVE", True)], desk=(no_texts(A),),
         header=(*HEADER, "do_not_text"), details={"do_not_text": True}),
    Case("a vehicle goes into the garage with source DMS, once",
         {"vin": VIN, "vehicle_year": "2003", "vehicle_make": "Honda",
          "vehicle_model": "Accord"},
         {"vin": VIN, "vehicle_year": "2003", "vehicle_make": "Honda",
          "vehicle_model": "Accord"}, [], details={"vehicles": [(VIN, "DMS")]}),
]


@pytest.fixture
def sync_row(database, manager, export):
    """Sync a file holding C1 (Ann Lee) with these values."""

    def sync(values: dict[str, str], header=HEADER):
        return sync_dms(database, manager, export([BASE | values], header=header))

    return sync


@pytest.mark.parametrize("case", CASES, ids=[case.rule for case in CASES])
def test_reconciliation(case: Case, database, manager, sync_row, audit_trail):
    first = sync_row(case.first)
    assert not first.bad_rows, first.bad_rows
    customer_id = customer(database, "C1").id
    for act in case.desk:
        act(database, manager, customer_id)
    if case.between is not None:
        sync_row(case.between)
    if case.then is not None:
        events_before = len(audit_trail())
        report = sync_row(case.then, case.header)
        if case.bad:
            assert len(report.bad_rows) == 1 and case.bad in report.bad_rows[0].reason
            assert report.bad_rows[0].line == 2 and report.bad_rows[0].customer_number == "C1"
            assert len(audit_trail()) == events_before, "a skipped row wrote something"
    view = customer(database, "C1")
    assert points(view) == case.expected
    for point in (*view.phones, *view.emails):
        if point.status is ContactStatus.INACTIVE and point.type.source.name == "DMS":
            assert point.status_date == date.today()
    _check_details(database, view, case.details)


def _check_details(database, view, details: dict[str, object]) -> None:
    for name, expected in details.items():
        if name == "vehicles":
            with database.sessions() as session:
                garage = session.execute(select(Vehicle.vin, Vehicle.source).where(
                    Vehicle.customer_id == view.id)).all()
            assert [(vin, source.name) for vin, source in garage] == expected
        elif name in ("do_not_call", "do_not_text"):
            assert getattr(view.phones[0], name) is expected
        else:
            assert getattr(view, name) == expected


def test_a_primary_that_followed_its_dms_field_is_logged_and_shown_as_a_move(
    database, sync_row, audit_trail
):
    sync_row({"cell_phone": A})
    sync_row({"cell_phone": C})

    moves = audit_trail(field="primary_phone")
    assert [(m.old, m.new) for m in moves][-1] == ("(212) 555-0142", "(646) 555-0188")
    assert "replaced in the DMS" in moves[-1].reason
    warnings = customer(database, "C1").warnings
    assert any("moved to (646) 555-0188" in warning for warning in warnings), warnings
