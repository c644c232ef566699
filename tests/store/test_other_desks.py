"""A desk hears which customers other desks changed: PostgreSQL by LISTEN/NOTIFY from the
writing transaction, SQLite by data_version and the audit events after the last one seen.
The other desk is another process; the desk's own writes are not reported back to it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator

import pytest

from contact_desk.services.activity import add_note
from contact_desk.services.customers import create_customer
from contact_desk.store import changes
from contact_desk.store.changes import Changes
from contact_desk.store.database import Database
from tests.other_desk import at_other_desk

WAIT_S = 20


@pytest.fixture
def watcher(database: Database) -> Iterator[changes.Watcher]:
    watching = database.watch_other_desks()
    if isinstance(watching, changes.ServerWatcher):
        assert watching.wait_listening(WAIT_S)
    yield watching
    watching.close()


def heard(watcher: changes.Watcher) -> Changes | None:
    """What the watcher has heard once the other desk's process has ended; a NOTIFY may
    still be on its way to the listening thread, so it is waited for (never a fixed time)."""
    import time

    found: Changes | None = None
    deadline = time.monotonic() + WAIT_S
    while found is None and time.monotonic() < deadline:
        found = watcher.changes()
        if found is None and isinstance(watcher, changes.SqliteWatcher):
            return None  # SQLite answers at once: the commit is in the file already
        if found is None:
            time.sleep(0.02)
    return found


@pytest.fixture
def ann(database, manager) -> int:
    return create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee")


def test_a_change_at_another_desk_names_the_customer(database, watcher, ann, database_url):
    at_other_desk(database_url, "rename", ann, "Anne", "Lee")
    assert heard(watcher) == Changes(frozenset({ann}))
    assert watcher.changes() is None  # said once


def test_a_note_at_another_desk_is_a_change_too(database, watcher, ann, database_url):
    at_other_desk(database_url, "note", ann, "Called back about the lease")
    assert heard(watcher) == Changes(frozenset({ann}))


def test_the_desks_own_writes_are_not_reported(database, manager, watcher, ann, database_url):
    bo = create_customer(database.unit_of_work(), manager, first_name="Bo", last_name="Ng")
    add_note(database.unit_of_work(), manager, bo, "my own note")
    # The other desk's change comes after the desk's own: all it hears is theirs.
    at_other_desk(database_url, "note", ann, "theirs")
    assert heard(watcher) == Changes(frozenset({ann}))


def test_a_refused_change_elsewhere_is_not_reported(database, watcher, ann, database_url):
    at_other_desk(database_url, "failed-rename", ann)
    at_other_desk(database_url, "note", ann, "after")
    # Only the note: the refused save's transaction sent nothing and left no event.
    assert heard(watcher) == Changes(frozenset({ann}))


def test_own_and_other_changes_together_name_only_the_others(database, manager, watcher, ann,
                                                             database_url):
    bo = create_customer(database.unit_of_work(), manager, first_name="Bo", last_name="Ng")
    at_other_desk(database_url, "note", ann, "theirs")
    add_note(database.unit_of_work(), manager, bo, "mine")
    assert heard(watcher) == Changes(frozenset({ann}))


def test_a_sync_of_many_customers_elsewhere_says_many(database, watcher, database_url,
                                                      tmp_path, monkeypatch):
    monkeypatch.setattr(changes, "MOST_READ", 50)  # SQLite's side reads here, in the test
    rows = [f"D{n},Pat,Doe{n},,(212) 555-{n:04d}" for n in range(changes.MOST_NAMED + 1)]
    export = tmp_path / "dms.csv"
    export.write_text("customer_number,first_name,last_name,company,cell_phone\n"
                      + "\n".join(rows) + "\n")
    result = subprocess.run([sys.executable, "-m", "contact_desk", "--database", database_url,
                             "sync", "dms", str(export)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert heard(watcher) == Changes(many=True)


def test_a_rolled_back_event_id_taken_by_another_desk_is_theirs():
    own = changes._OwnWrites()
    watcher = object()
    own.watching(watcher, 0)
    own.add([5])
    own.drop([5])  # rolled back: SQLite may give id 5 to the next desk's event
    assert own.others(watcher, [(5, 42)]) == {42}


def test_a_payload_that_is_not_a_desks_is_ignored():
    assert changes.heard("not json") is None
    assert changes.heard('{"from": "elsewhere", "customers": [3, 4]}') == \
        Changes(frozenset({3, 4}))
    assert changes.heard('{"from": "elsewhere", "many": true}') == Changes(many=True)
    assert changes.heard('{"from": "%s", "customers": [3]}' % changes.SENDER) is None


def test_the_sqlite_watcher_holds_no_read_transaction(tmp_path, sqlite_template):
    """A checkpoint that must wait for every reader goes through while the desk watches."""
    import shutil

    from contact_desk.store.database import open_database

    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = open_database(str(path))
    watching = database.watch_other_desks()
    try:
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("INSERT INTO customer (first_name, last_name, company, address_line1, "
                       "city, state, postal_code, name_key, last_name_key, company_key, "
                       "created_at, updated_at, version) VALUES ('A', 'B', '', '', '', '', "
                       "'', 'a b', 'b', '', '2024-01-01', '2024-01-01', 1)")
        assert watching.changes() is None  # no audit event: nothing a desk shows
        busy, _, _ = writer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
        assert not watching._connection.in_transaction
        writer.close()
    finally:
        watching.close()
        database.dispose()
