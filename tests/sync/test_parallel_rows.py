"""A big export's rows checked in worker processes: the same rows, in file order, and the
workers gone when the sync ends or is cancelled."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool

import pytest
from sqlalchemy import select

from contact_desk.store.activity import AuditEvent
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.sync import parallel_rows
from contact_desk.sync.dms import BATCH, sync_dms
from contact_desk.sync.dms_csv import DmsExport, DmsLayout
from contact_desk.sync.parallel_rows import rows_checked_by_workers
from tests.sync.conftest import group_ends, open_copy_of, write_export
from tests.sync.test_dms import Stop, _check_whole_customers, _customers, count, people


def mixed_rows() -> list[dict[str, str]]:
    rows = people(40)
    rows[5]["cell_phone"] = "12"  # bad: too few digits
    rows[17]["email"] = "ann at example"  # bad: not an email
    rows[30]["customer_number"] = rows[29]["customer_number"]  # both bad: the same number
    return rows


def test_workers_check_every_row_as_this_process_does_in_file_order(export, monkeypatch):
    monkeypatch.setattr(parallel_rows, "CHUNK", 7)  # chunks come back out of step
    path = export(mixed_rows())
    dms = DmsExport.open(path, DmsLayout(), "US")

    checked = list(rows_checked_by_workers(dms, workers=2))

    assert checked == list(dms.rows())
    assert [row.line for row in checked] == list(range(2, 42))
    assert sum(not hasattr(row, "values") for row in checked) == 4


def what_was_written(database) -> tuple[list, list, list]:
    with database.sessions() as session:
        return (
            session.execute(select(Customer.customer_number, Customer.first_name,
                                   Customer.last_name).order_by(Customer.id)).all(),
            session.execute(select(ContactPoint.customer_id, ContactPoint.value,
                                   ContactPoint.display, ContactPoint.local_digits,
                                   ContactPoint.is_primary).order_by(ContactPoint.id)).all(),
            session.execute(select(AuditEvent.customer_id, AuditEvent.entity, AuditEvent.field,
                                   AuditEvent.old, AuditEvent.new, AuditEvent.reason)
                            .order_by(AuditEvent.id)).all(),
        )


def test_a_sync_with_workers_writes_what_a_sync_without_them_writes(
    database, manager, sqlite_template, tmp_path, export, monkeypatch
):
    monkeypatch.setattr(parallel_rows, "SMALL_FILE", 0)
    path = export(mixed_rows())

    alone = sync_dms(database, manager, path, workers=0, batch_size=9)
    with open_copy_of(sqlite_template, tmp_path / "helped.sqlite3") as (desk, desk_user):
        helped = sync_dms(desk, desk_user, path, workers=2, batch_size=9)
        written = what_was_written(desk)

    assert helped == alone and alone.customers_created == 36
    assert written == what_was_written(database)


def test_cancel_ends_the_workers_and_keeps_the_batches_written(desk, desk_user, export,
                                                               monkeypatch):
    monkeypatch.setattr(parallel_rows, "SMALL_FILE", 0)

    def cancel_second(done: int, total: int) -> None:
        if done > 10:
            raise Stop()

    with pytest.raises(Stop):
        sync_dms(desk, desk_user, export(people(60)), progress=cancel_second, batch_size=10,
                 workers=2)

    assert multiprocessing.active_children() == []
    assert count(desk, Customer) == 10


def test_a_worker_that_dies_stops_the_sync_with_an_error_instead_of_a_hang(
    desk, desk_user, export, monkeypatch
):
    monkeypatch.setattr(parallel_rows, "SMALL_FILE", 0)
    monkeypatch.setattr(parallel_rows, "CHUNK", 5)

    def kill_a_worker(done: int, total: int) -> None:
        if done == 10:
            os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)

    with pytest.raises(BrokenProcessPool):
        sync_dms(desk, desk_user, export(people(200)), progress=kill_a_worker, batch_size=10,
                 workers=2)

    assert multiprocessing.active_children() == []
    assert count(desk, Customer) % 10 == 0


# As many as people() numbers; ten batches, so a loaded machine cannot finish before Ctrl-C.
TERMINAL_ROWS = 10_000


def start_sync_in_a_terminal(desk, tmp_path) -> tuple[subprocess.Popen, str]:
    """``contact-desk sync dms`` of a big export as its own process group, as a terminal runs
    it, with Ctrl-C left to end it; returns the process and the database file."""
    path = write_export(tmp_path / "big.csv", people(TERMINAL_ROWS))
    file = desk.engine.url.database
    desk.dispose()
    command = [sys.executable, "-m", "contact_desk", "--database", file, "sync", "dms", str(path)]
    env = dict(os.environ, CONTACT_DESK_LOG_DIR=str(tmp_path / "logs"))
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    return process, file


def ctrl_c(process: subprocess.Popen) -> str:
    """A terminal's Ctrl-C, which goes to the whole process group: the sync and its workers.
    Returns what the sync said on stderr as it ended."""
    try:
        os.killpg(process.pid, signal.SIGINT)
        return process.communicate(timeout=30)[1]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_ctrl_c_in_a_terminal_stops_the_sync_and_its_workers_quietly(desk, tmp_path):
    process, file = start_sync_in_a_terminal(desk, tmp_path)
    deadline = time.monotonic() + 60
    while _customers(file) < BATCH:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the first batch never arrived"
        time.sleep(0.02)
    said = ctrl_c(process)

    assert process.returncode == 130, said
    assert said == "contact-desk: stopped; nothing half-written was kept.\n"
    assert group_ends(process.pid), "a worker outlived the sync"
    kept = _customers(file)
    assert kept % BATCH == 0 and 0 < kept < TERMINAL_ROWS
    _check_whole_customers(file, kept)



def _workers_of(group: int) -> list[int]:
    """The sync's worker processes that have been started, from /proc."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as stat:
                pgrp = int(stat.read().rsplit(")", 1)[1].split()[2])
            with open(f"/proc/{entry.name}/cmdline", "rb") as cmdline:
                started_by_spawn = b"spawn_main" in cmdline.read()
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
        if pgrp == group and started_by_spawn:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the workers in /proc")
def test_ctrl_c_while_the_workers_are_still_starting_is_as_quiet(desk, tmp_path):
    """A worker just started is still importing, before it could ignore Ctrl-C itself."""
    process, _ = start_sync_in_a_terminal(desk, tmp_path)
    deadline = time.monotonic() + 60
    while not _workers_of(process.pid):
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "no worker was started"
        time.sleep(0.001)
    said = ctrl_c(process)

    assert (process.returncode, said) == (130, "contact-desk: stopped; nothing half-written "
                                                "was kept.\n")
    assert group_ends(process.pid), "a worker outlived the sync"
