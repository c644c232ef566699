"""One bad value never costs a DMS row more than itself, and one row never costs its batch.

A vehicle the garage cannot take is left out and the customer's phones and emails are still
synced; every value the domain accepts fits its column on SQLite and PostgreSQL alike; and a
row the database refuses all the same is reported while the rest of its batch is kept.
Each holds on every path: a small file, a first load, a resync, a big file checked by workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text

from contact_desk.services.customers import search_customers
from contact_desk.store.activity import AuditEvent
from contact_desk.store.database import Database
from contact_desk.sync.dms import FIRST_LOAD, sync_dms
from tests.sync.conftest import customer, points
from tests.sync.test_dms import people

EUROPEAN_VIN = "WVWZZZ1JZ3W386752"  # a Golf built for Europe: no check digit in the 9th place
MISTYPED_VIN = "1HGCM82643A004352"  # an American VIN whose check digit does not match
# The longest address the standard allows: 64 characters before the @, 254 in all.
LONGEST_EMAIL = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".com"


def vehicles(database: Database) -> dict[str, str]:
    """Each customer number with the VIN of the vehicle in its garage, if it has one."""
    with database.sessions() as session:
        found = session.execute(text(
            "SELECT c.customer_number, v.vin FROM vehicle v JOIN customer c "
            "ON c.id = v.customer_id WHERE v.vin != ''"))
        return dict(found.all())


# ---------------------------------------------------------------- a vehicle left out


@pytest.mark.parametrize(("values", "reason"), [
    ({"vin": MISTYPED_VIN},
     f"the VIN {MISTYPED_VIN} was left out, the rest of the row was synced: {MISTYPED_VIN} is "
     "not a valid VIN: its check digit"),
    ({"vin": "1HGCM82633A00435"}, "the VIN 1HGCM82633A00435 was left out"),
    ({"vehicle_year": "nineteen"}, "vehicle_year: 'nineteen' is not a model year"),
    ({"vehicle_make": ""}, "the vehicle 2019 Civic was left out, the rest of the row was synced:"
                           " vehicle_make: Type the make"),
])
def test_a_vehicle_the_garage_cannot_take_is_left_out_and_the_contact_data_is_synced(
    database, manager, export, values, reason
):
    rows = people(3)
    rows[1].update(values)

    report = sync_dms(database, manager, export(rows))

    assert report.customers_created == 3 and report.vehicles_added == 2
    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [(3, "D00001")]
    assert reason in report.bad_rows[0].reason
    assert report.bad_rows[0].rest_synced
    assert points(customer(database, "D00001")) == [
        ("DMS_CELL", "+12125550001", "ACTIVE", True),
        ("DMS_HOME", "+15185550001", "ACTIVE", False),
        ("DMS_EMAIL", "ann1@example.com", "ACTIVE", True),
    ]
    assert "1 row skipped" not in report.summary()
    assert "0 rows skipped, 1 synced with a value left out" in report.summary()


def test_a_resync_with_a_bad_vin_still_brings_the_new_phone_in(database, manager, export):
    rows = people(2)
    sync_dms(database, manager, export(rows))
    rows[0].update(cell_phone="+16465550188", vin=MISTYPED_VIN)

    report = sync_dms(database, manager, export(rows))

    assert (report.customers_updated, report.unchanged) == (1, 1)
    assert [bad.line for bad in report.bad_rows] == [2]
    assert f"the VIN {MISTYPED_VIN} was left out" in report.bad_rows[0].reason
    assert points(customer(database, "D00000"))[:2] == [
        ("DMS_CELL", "+12125550000", "INACTIVE", False),
        ("DMS_HOME", "+15185550000", "ACTIVE", False),
    ]
    assert customer(database, "D00000").phones[-1].value == "+16465550188"
    assert vehicles(database) == {}


def test_a_european_vin_goes_into_the_garage(database, manager, export):
    rows = people(1)
    rows[0]["vin"] = EUROPEAN_VIN.lower()

    report = sync_dms(database, manager, export(rows))

    assert not report.bad_rows, report.bad_rows
    assert vehicles(database) == {"D00000": EUROPEAN_VIN}


# ---------------------------------------------------------------- what the columns keep


def test_the_longest_email_is_kept_and_can_be_replaced_and_dropped(database, manager, export):
    """Its primary moving to the new email is audited with the old one in the reason."""
    rows = people(3)
    rows[1]["email"] = LONGEST_EMAIL.upper()
    first = sync_dms(database, manager, export(rows))
    rows[1]["email"] = "ann1@example.com"
    replaced = sync_dms(database, manager, export(rows))
    rows[1]["email"] = LONGEST_EMAIL
    back = sync_dms(database, manager, export(rows))

    assert [r.bad_rows for r in (first, replaced, back)] == [(), (), ()]
    assert (replaced.customers_updated, back.customers_updated) == (1, 1)
    emails = customer(database, "D00001").emails
    assert [(e.value, e.status.name, e.is_primary) for e in emails] == [
        (LONGEST_EMAIL, "ACTIVE", True), ("ann1@example.com", "INACTIVE", False)]
    with database.sessions() as session:
        reasons = session.scalars(select(AuditEvent.reason)).all()
    assert f"moved by the default rule: {LONGEST_EMAIL} was replaced in the DMS" in reasons


def test_an_extension_longer_than_the_desk_keeps_is_a_bad_row_and_the_longest_is_kept(
    database, manager, export
):
    rows = people(3)
    rows[0]["work_phone"] = "(212) 555-0142 ext. 1234567890123456"
    rows[1]["work_phone"] = "(212) 555-0143 ext. 12345678901234567"

    report = sync_dms(database, manager, export(rows))

    assert report.customers_created == 2
    assert [bad.line for bad in report.bad_rows] == [3]
    assert report.bad_rows[0].reason == (
        "work_phone: '(212) 555-0143 ext. 12345678901234567' has an extension of 17 digits; "
        "the most the desk keeps is 16.")
    work = customer(database, "D00000").phones[-1]
    assert (work.value, work.extension) == ("+12125550142", "1234567890123456")


def test_names_whose_search_keys_grow_longer_are_kept_and_found(database, manager, export):
    """ß casefolds to ss and ﬃ to ffi: a name of 80 characters has a longer search key."""
    rows = people(2)
    rows[0].update(first_name="ﬃ" * 80, last_name="ß" * 80, company="ß" * 120)

    report = sync_dms(database, manager, export(rows))

    assert not report.bad_rows, report.bad_rows
    hits = search_customers(database.unit_of_work(), "ss" * 80, 10)
    assert [hit.customer_number for hit in hits] == ["D00000"]


# ---------------------------------------------------------------- a row the database refuses


@contextmanager
def refused_by_the_database(database: Database, statement: str, number: str) -> Iterator[None]:
    """A trigger that makes the database itself refuse to ``statement`` (INSERT or UPDATE)
    the customer ``number``, as a constraint the desk does not know of would."""
    with database.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(
                f"CREATE TRIGGER refuse BEFORE {statement} ON customer "
                f"WHEN NEW.customer_number = '{number}' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the dealership''s own rule'); END")
        else:
            connection.exec_driver_sql(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF NEW.customer_number = '{number}' THEN RAISE EXCEPTION "
                "'refused by the dealership''s own rule' USING ERRCODE = 'check_violation'; "
                "END IF; RETURN NEW; END $$")
            connection.exec_driver_sql(
                f"CREATE TRIGGER refuse BEFORE {statement} ON customer "
                "FOR EACH ROW EXECUTE FUNCTION refuse()")
    yield


def _refused_row(report, line: int, number: str) -> None:
    assert [(bad.line, bad.customer_number) for bad in report.bad_rows] == [(line, number)]
    assert report.bad_rows[0].reason == (
        "the database refused the row (refused by the dealership's own rule); "
        "the row was left as it was")
    assert not report.bad_rows[0].rest_synced


def test_a_new_customer_the_database_refuses_is_reported_and_its_batch_is_kept(
    database, manager, export
):
    path = export(people(5))
    with refused_by_the_database(database, "INSERT", "D00002"):
        first = sync_dms(database, manager, path, batch_size=10)
        again = sync_dms(database, manager, path, batch_size=10)

    _refused_row(first, 4, "D00002")
    _refused_row(again, 4, "D00002")
    assert (first.customers_created, again.customers_created, again.unchanged) == (4, 0, 4)
    assert [customer(database, f"D0000{n}").last_name for n in (0, 1, 3, 4)] == [
        "Lee0", "Lee1", "Lee3", "Lee4"]


def test_a_known_customer_the_database_refuses_is_left_as_it_was(database, manager, export):
    sync_dms(database, manager, export(people(5)))
    moved = [row | {"city": "Troy", "cell_phone": row["home_phone"]} for row in people(5)]
    with refused_by_the_database(database, "UPDATE", "D00003"):
        report = sync_dms(database, manager, export(moved), batch_size=10)

    _refused_row(report, 5, "D00003")
    assert report.customers_updated == 4
    assert [customer(database, f"D0000{n}").city for n in range(5)] == [
        "Troy", "Troy", "Troy", "Albany", "Troy"]
    assert points(customer(database, "D00003"))[0] == ("DMS_CELL", "+12125550003", "ACTIVE",
                                                       True)


def test_a_big_first_load_checked_by_workers_keeps_every_row_but_the_refused_one(
    database, manager, export
):
    rows = people(FIRST_LOAD)
    rows[10]["vin"] = MISTYPED_VIN
    rows[20]["work_phone"] = "(212) 555-0143 ext. 12345678901234567"
    rows[30]["email"] = LONGEST_EMAIL
    path = export(rows)
    with refused_by_the_database(database, "INSERT", "D02500"):
        report = sync_dms(database, manager, path, workers=2)

    assert [bad.line for bad in report.bad_rows] == [12, 22, 2502]
    assert [bad.rest_synced for bad in report.bad_rows] == [True, False, False]
    assert report.customers_created == FIRST_LOAD - 2
    assert customer(database, "D00030").emails[0].value == LONGEST_EMAIL
    assert customer(database, "D00010").phones[0].value == "+12125550010"
