"""The DMS sync as a whole: counts, idempotency, batches and Cancel, dry runs, permission,
and a sync killed with SIGKILL half-way through."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contact_desk.domain.enums import ProgramState
from contact_desk.domain.errors import PermissionDenied
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.program import Program
from contact_desk.store.sales import Vehicle
from contact_desk.services.customers import search_customers
from contact_desk.store.loading import SEARCH_ONLY
from contact_desk.sync.dms import BATCH, FIRST_LOAD, sync_dms
from tests.sync.conftest import customer, group_ends, write_export

VIN = "1HGCM82633A004352"


def people(count: int, start: int = 0) -> list[dict[str, str]]:
    """``count`` customers with a cell, a home phone, an email and a car each."""
    return [
        {"customer_number": f"D{n:05d}", "first_name": "Ann", "last_name": f"Lee{n}",
         "cell_phone": f"+1212555{n:04d}", "home_phone": f"+1518555{n:04d}",
         "email": f"ann{n}@example.com", "birth_date": "1980-05-17", "city": "Albany",
         "vehicle_year": "2019", "vehicle_make": "Honda", "vehicle_model": "Civic"}
        for n in range(start, start + count)
    ]


class Stop(Exception):
    """What the GUI's Cancel raises from inside progress()."""


def count(database, model) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_report_counts_what_happened(database, manager, export):
    rows = people(3) + [{"customer_number": "BAD", "first_name": "Bo", "last_name": "Ray",
                         "email": "not an email"}]
    first = sync_dms(database, manager, export(rows))
    changed = people(3)
    changed[0]["cell_phone"] = "+16465550188"
    changed[1]["email"] = ""
    second = sync_dms(database, manager, export(changed))

    assert (first.rows_read, first.customers_created, first.values_added,
            first.vehicles_added) == (4, 3, 9, 3)
    assert [(bad.line, bad.customer_number) for bad in first.bad_rows] == [(5, "BAD")]
    assert "email" in first.bad_rows[0].reason
    assert (second.customers_created, second.customers_updated, second.unchanged) == (0, 2, 1)
    assert (second.values_added, second.values_deactivated, second.vehicles_added) == (1, 2, 0)
    assert not second.dry_run


def test_the_same_file_twice_changes_nothing_and_writes_no_audit_event(
    database, manager, export, stored
):
    rows = people(30)
    rows[3]["company"] = "=cmd|' /C calc'!A0"
    rows[4].update(cell_phone="(212) 555-0004 ext. 12", work_phone="212.555.0004")
    path = export(rows + [{"customer_number": "X", "cell_phone": "12"}])
    sync_dms(database, manager, path)
    before = stored()

    again = sync_dms(database, manager, path)

    assert stored() == before
    assert (again.customers_created, again.customers_updated, again.unchanged) == (0, 0, 30)
    assert (again.values_added, again.values_deactivated, again.vehicles_added) == (0, 0, 0)
    assert len(again.bad_rows) == 1


def test_progress_is_called_after_each_batch(desk, desk_user, export):
    seen = []

    sync_dms(desk, desk_user, export(people(25)), progress=lambda *at: seen.append(at),
             batch_size=10)

    assert seen == [(10, 25), (20, 25), (25, 25)]


def test_cancel_rolls_back_the_current_batch_and_keeps_the_earlier_ones(
    desk, desk_user, export
):
    def cancel_second(done: int, total: int) -> None:
        if done > 10:
            raise Stop()

    path = export(people(25))
    with pytest.raises(Stop):
        sync_dms(desk, desk_user, path, progress=cancel_second, batch_size=10)
    assert count(desk, Customer) == 10
    assert count(desk, ContactPoint) == 30

    rerun = sync_dms(desk, desk_user, path, batch_size=10)
    assert (rerun.customers_created, rerun.unchanged) == (15, 10)
    assert count(desk, Customer) == 25


def test_a_row_refused_while_applied_is_skipped_and_its_batch_keeps_the_others(
    desk, desk_user, export
):
    sync_dms(desk, desk_user, export(people(5)))
    with desk.sessions() as session:
        session.add(Program(number="FP1", state=ProgramState.ACTIVE, financed_amount=1000,
                            customer_id=customer(desk, "D00002").id))
        session.commit()
    moved = [row | {"city": "Troy"} for row in people(5)]

    report = sync_dms(desk, desk_user, export(moved), batch_size=10)

    assert [bad.line for bad in report.bad_rows] == [4]
    assert "verification document" in report.bad_rows[0].reason
    assert report.customers_updated == 4
    cities = [customer(desk, f"D0000{n}").city for n in range(5)]
    assert cities == ["Troy", "Troy", "Albany", "Troy", "Troy"]


def test_a_dry_run_counts_and_keeps_nothing(database, manager, export, stored):
    before = stored()
    report = sync_dms(database, manager, export(people(12)), dry_run=True, batch_size=5)

    assert report.dry_run and report.customers_created == 12 and report.values_added == 36
    assert stored() == before


def test_someone_without_the_sync_permission_is_refused(database, clerk, export, refused):
    with refused(PermissionDenied, "sync"):
        sync_dms(database, clerk, export(people(1)))


def test_a_first_load_builds_the_search_indexes_after_its_last_batch(desk, desk_user, export):
    """Into an empty desk, a big file's rows go in without the search indexes, which are
    built once at the end; a later sync, into a desk in use, keeps them throughout."""
    file, path = desk.engine.url.database, export(people(FIRST_LOAD))
    first, later = [], []

    sync_dms(desk, desk_user, path, progress=lambda *_: first.append(_search_indexes(file)))
    after = _search_indexes(file)
    sync_dms(desk, desk_user, path, progress=lambda *_: later.append(_search_indexes(file)))

    assert len(first) == FIRST_LOAD // BATCH and all(found == set() for found in first)
    assert after == SEARCH_ONLY
    assert all(found == SEARCH_ONLY for found in later)
    hits = search_customers(desk.unit_of_work(), "518 555 2999", 10)
    assert [hit.customer_number for hit in hits] == ["D02999"]


# ---------------------------------------------------------------- a kill -9 half-way

ROWS = 6000  # long enough that the kill lands while batches are still being written


def test_a_sync_killed_mid_batch_leaves_whole_batches_and_a_rerun_completes(
    desk, tmp_path: Path
):
    path = write_export(tmp_path / "big.csv", people(ROWS))
    file = desk.engine.url.database
    desk.dispose()
    command = [sys.executable, "-m", "contact_desk", "--database", file, "sync", "dms", str(path)]
    env = dict(os.environ, CONTACT_DESK_LOG_DIR=str(tmp_path / "logs"))
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while _customers(file) < BATCH:  # the first batch is in
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the first batch never arrived"
            time.sleep(0.02)
        time.sleep(0.05)  # into a later batch
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    assert group_ends(process.pid), "the killed sync's workers were left running"

    kept = _customers(file)
    assert kept % BATCH == 0 and 0 < kept < ROWS, f"{kept} customers: half a batch was kept"
    _check_whole_customers(file, kept)
    assert _search_indexes(file) == set(), "a first load builds them after its last batch"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ROWS - kept:,} customers created" in rerun.stdout
    assert f"{kept:,} unchanged" in rerun.stdout
    _check_whole_customers(file, ROWS)
    assert _search_indexes(file) == SEARCH_ONLY  # built again when the rerun opened the desk


def _search_indexes(file: str) -> set[str]:
    with sqlite3.connect(file, timeout=15) as connection:
        names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in names} & SEARCH_ONLY


def _customers(file: str) -> int:
    with sqlite3.connect(file, timeout=15) as connection:
        return connection.execute("SELECT count(*) FROM customer").fetchone()[0]


def _check_whole_customers(file: str, expected: int) -> None:
    """Every customer kept has all of its row: three values, both primaries, its car."""
    with sqlite3.connect(file, timeout=15) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        partial = connection.execute("""
            SELECT c.customer_number FROM customer c
            WHERE (SELECT count(*) FROM contact_point p WHERE p.customer_id = c.id) != 3
               OR (SELECT count(*) FROM contact_point p
                   WHERE p.customer_id = c.id AND p.is_primary) != 2
               OR (SELECT count(*) FROM vehicle v WHERE v.customer_id = c.id) != 1
        """).fetchall()
        numbers = [n for (n,) in connection.execute(
            "SELECT customer_number FROM customer ORDER BY customer_number")]
    assert partial == []
    assert numbers == [f"D{n:05d}" for n in range(expected)]


def test_vehicles_of_a_file_are_in_the_garage(database, manager, export):
    rows = people(1)
    rows[0]["vin"] = VIN
    sync_dms(database, manager, export(rows))

    with database.sessions() as session:
        vehicle = session.scalars(select(Vehicle)).one()
    assert (vehicle.vin, vehicle.year, vehicle.source.name, vehicle.owned) == (
        VIN, 2019, "DMS", True)
    assert customer(database, "D00000").vehicle == "2019 Honda Civic"
