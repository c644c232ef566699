"""A customer new to the desk is written with the rest of its batch, and leaves the same
audit trail, value for value, as the desk leaves when it adds one thing at a time."""

from __future__ import annotations

import pytest

from contact_desk.sync.dms import sync_dms
from tests.sync.conftest import FIELDS, customer

ROW = {
    "customer_number": "D00042", "first_name": "Ann", "last_name": "Lee",
    "cell_phone": "(212) 555-0142", "home_phone": "518-555-0199", "email": "Ann@Example.com",
    "vin": "1HGCM82633A004352", "vehicle_year": "2003", "vehicle_make": "Honda",
    "vehicle_model": "Accord", "do_not_text": "Y", "do_not_call": "N", "do_not_email": "N",
}


def test_a_new_customer_is_audited_as_each_step_would_be(database, manager, export,
                                                          audit_trail):
    sync_dms(database, manager, export([ROW], header=FIELDS))

    ann = customer(database, "D00042")
    trail = [(e.entity, e.field, e.old, e.new, e.reason, e.cause.name) for e in audit_trail()
             if e.customer_id == ann.id]
    assert trail == [
        ("customer", "created", None, "Ann Lee", "", "DMS_CHANGED"),
        ("contact_point", "added", None, "(212) 555-0142", "Cell Phone Number in DMS",
         "DMS_CHANGED"),
        ("contact_point", "added", None, "(518) 555-0199", "Home Phone Number in DMS",
         "DMS_CHANGED"),
        ("customer", "primary_phone", None, "(212) 555-0142",
         "moved by the default rule: first active phone", "DEFAULT_RULE"),
        *[("contact_point", field, "NOT_ASKED", "OPTED_OUT", "DMS; The DMS marks it do not text",
           "DMS_CHANGED") for _ in range(2) for field in ("text_transactional", "text_marketing")],
        ("contact_point", "added", None, "ann@example.com", "Email in DMS", "DMS_CHANGED"),
        ("customer", "primary_email", None, "ann@example.com",
         "moved by the default rule: first active email", "DEFAULT_RULE"),
        ("vehicle", "added", None, "2003 Honda Accord (1HGCM82633A004352)", "DMS",
         "DMS_CHANGED"),
    ]
    assert [(p.display, p.is_primary, p.do_not_text) for p in ann.phones] == [
        ("(212) 555-0142", True, True), ("(518) 555-0199", False, True)]
    assert ann.version == 1 and ann.emails[0].is_primary


def test_a_batch_of_new_customers_takes_each_its_own_values(database, manager, export):
    rows = [{**ROW, "customer_number": f"D{n:05}", "cell_phone": f"+1212555{n:04}",
             "home_phone": "", "email": f"ann{n}@example.com", "vin": ""} for n in range(7)]

    report = sync_dms(database, manager, export(rows, header=FIELDS), batch_size=3)

    assert report.customers_created == 7 and report.values_added == 14
    for n in range(7):
        stored = customer(database, f"D{n:05}")
        assert [p.value for p in stored.phones] == [f"+1212555{n:04}"]
        assert [e.value for e in stored.emails] == [f"ann{n}@example.com"]


@pytest.mark.parametrize("batch_size", [1, 10])
def test_each_layout_of_values_gets_the_default_rules_primary(database, manager, export,
                                                               batch_size):
    layouts = {  # the row's phones: the one the default rule makes primary
        "C1": ({"cell_phone": "2125550101", "home_phone": "2125550102"}, "(212) 555-0101"),
        "C2": ({"home_phone": "2125550103", "work_phone": "2125550104"}, "(212) 555-0103"),
        "C3": ({"work_phone": "2125550105"}, "(212) 555-0105"),
        "C4": ({}, None),
    }
    rows = [{**ROW, "customer_number": number, "cell_phone": "", "home_phone": "",
             "work_phone": "", "email": "", "vin": "", **phones}
            for number, (phones, _) in layouts.items()]

    sync_dms(database, manager, export(rows, header=FIELDS), batch_size=batch_size)

    for number, (_, primary) in layouts.items():
        phones = customer(database, number).phones
        assert [p.display for p in phones if p.is_primary] == ([primary] if primary else [])


def test_the_batch_and_the_one_at_a_time_way_store_the_same_customer(database, manager,
                                                                      export):
    """Both ways follow one plan: the same row made a customer by reconcile (the ORM, a
    step at a time) and by the sync's batch (one INSERT per table) is stored alike, column
    for column, but for its ids, number and times."""
    from datetime import date

    from sqlalchemy import select

    from contact_desk.store.customer import ContactPoint, Customer
    from contact_desk.sync.dms_csv import DmsExport, DmsLayout
    from contact_desk.sync.new_customers import create_customers
    from contact_desk.sync.reconcile import reconcile

    path = export([ROW, {**ROW, "customer_number": "D00043"}], header=FIELDS)
    one, batch = DmsExport.open(path, DmsLayout(), "US").rows()
    today = date(2026, 12, 3)
    with database.unit_of_work() as uow:
        reconcile(uow.session, manager, None, one, today)
        create_customers(uow.session, manager, [batch], today)
        uow.commit()

    left_out = {"id", "customer_id", "customer_number", "created_at", "updated_at",
                "version"}  # a version counts saves: the ORM's way saves a new customer twice

    def stored(number: str) -> tuple[dict, list[dict]]:
        with database.unit_of_work() as uow:
            row = uow.session.scalars(select(Customer).where(
                Customer.customer_number == number)).one()
            columns = {c.key: getattr(row, c.key) for c in Customer.__table__.columns
                       if c.key not in left_out}
            points = [{c.key: getattr(p, c.key) for c in ContactPoint.__table__.columns
                       if c.key not in left_out}
                      for p in sorted(row.contact_points, key=lambda p: p.display)]
            return columns, points

    assert stored("D00042") == stored("D00043")
