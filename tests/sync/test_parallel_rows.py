"""A big export's rows checked in worker processes: the same rows, in file order, and the
workers gone when the sync ends or is cancelled."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import select

from contact_desk.store.activity import AuditEvent
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.sync import parallel_rows
from contact_desk.sync.dms import sync_dms
from contact_desk.sync.dms_csv import DmsExport, DmsLayout
from contact_desk.sync.parallel_rows import rows_checked_by_workers
from tests.sync.conftest import open_copy_of
from tests.sync.test_dms import Stop, count, people


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
