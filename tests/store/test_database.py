"""Opening a database: only the desk's own, created only where asked, upgraded all or nothing."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError
from contact_desk.os_login import os_login
from contact_desk.store import database as database_module
from contact_desk.store import migrating, sqlite_file
from contact_desk.store.database import (
    HEAD,
    NoDatabase,
    create_database,
    locate_database,
    open_database,
)
from contact_desk.store.location import ENV_DATABASE
from contact_desk.store.users import User
from tests.conftest import _create_database, _drop_database, _with_database

CLI = [sys.executable, "-m", "contact_desk"]


def at_revision(path: Path, revision: str) -> Path:
    """A desk file as the migrations up to ``revision`` left it."""
    migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=False), to=revision)
    return path


def revision(path: Path) -> str | None:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def insert_ann(connection: sqlite3.Connection | object) -> None:
    """Customer 1, Ann Lee (C1), as every schema since the first stores her."""
    connection.execute(text(
        "INSERT INTO customer (id, customer_number, first_name, last_name, company, "
        "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
        "created_at, updated_at, version) VALUES (1, 'C1', 'Ann', 'Lee', '', '', '', '', '', "
        "'ann lee', 'lee', '', '2026-01-01', '2026-01-01', 1)"
    ))


def stored_at(path: Path, revision_: str, *statements: tuple[str, list[dict] | dict]) -> Path:
    """Ann and ``statements`` stored in a desk file at migration ``revision_``."""
    at_revision(path, revision_)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        insert_ann(connection)
        for statement, params in statements:
            connection.execute(text(statement), params)
    engine.dispose()
    return path


# A new database, and the schema

def test_a_new_database_is_migrated_to_the_newest_schema_and_stamped_as_the_desks(database):
    with database.engine.connect() as connection:
        assert migrating.current_revision(connection) == migrating.head_revision()
        if database.is_sqlite:
            assert connection.exec_driver_sql("PRAGMA application_id").scalar() \
                == sqlite_file.APPLICATION_ID
    assert database.backup_path is None


def test_the_head_the_desk_opens_without_alembic_is_the_newest_migration():
    assert HEAD == migrating.head_revision()


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path):
    db = create_database(str(tmp_path / "desk.sqlite3"))
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


def test_init_creates_a_database_where_asked_and_leaves_one_already_there_as_it_is(tmp_path):
    path = tmp_path / "desk.sqlite3"
    first = create_database(str(path))
    assert first.created
    first.dispose()
    again = create_database(str(path))
    assert not again.created and again.backup_path is None
    again.dispose()


# Where: a path is a path

@pytest.mark.parametrize("name", ["my?desk.sqlite3", "desk%41.sqlite3", "a#b.sqlite3",
                                  "with space.sqlite3"])
def test_a_path_is_taken_as_it_is_never_as_a_url(tmp_path, name):
    for given in (str(tmp_path / name), f"sqlite:///{tmp_path / name}"):
        db = create_database(given)
        assert db.path == tmp_path / name
        db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) \
        == [name]


@pytest.mark.parametrize(("given", "says"), [
    ("", "is empty"),
    ("   ", "is empty"),
    ("sqlite://", "in memory"),
    ("sqlite:///:memory:", "in memory"),
    ("mysql://desk@db/contacts", "not a database Contact Desk can use"),
    ("no such scheme://x", "not a database Contact Desk can use"),
    ("postgresql://desk@db", "names no database on the server"),
    ("~nosuchlogin/desk.sqlite3", "there is no user 'nosuchlogin' on this computer"),
])
def test_a_database_name_that_cannot_work_is_refused_by_name(given, says):
    with pytest.raises(DomainError, match=says):
        locate_database(given)


def test_an_empty_environment_variable_is_refused_not_taken_for_the_default(monkeypatch):
    monkeypatch.setenv(ENV_DATABASE, "")
    with pytest.raises(DomainError, match=f"{ENV_DATABASE} is empty"):
        locate_database()


def test_a_server_url_and_the_default_file(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATABASE, "postgresql://desk@db/contacts")
    assert locate_database().server_url.drivername == "postgresql+psycopg"
    monkeypatch.delenv(ENV_DATABASE)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *_, **__: str(tmp_path / "data"))
    assert locate_database().is_default
    assert locate_database(str(tmp_path / "data" / "contact-desk.sqlite3")).is_default


# Created only where asked

def test_a_path_with_no_database_is_refused_and_nothing_is_created(tmp_path):
    missing = tmp_path / "typo" / "deeper" / "desk.sqlite3"
    with pytest.raises(NoDatabase, match="create one with contact-desk --database .* init"):
        open_database(str(missing))
    with pytest.raises(NoDatabase):
        open_database(str(tmp_path / "desk.sqlite3"))
    assert list(tmp_path.iterdir()) == []


def test_init_creates_no_folder(tmp_path):
    with pytest.raises(DomainError, match="does not exist. Contact Desk creates no folders"):
        create_database(str(tmp_path / "typo" / "desk.sqlite3"))
    assert list(tmp_path.iterdir()) == []


def test_the_default_location_is_created_with_its_folder_on_first_start(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_DATABASE, raising=False)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *_, **__: str(tmp_path / "a" / "b"))
    db = open_database()
    assert db.created and db.path == tmp_path / "a" / "b" / "contact-desk.sqlite3"
    db.dispose()


def test_an_empty_file_holds_no_database_and_init_may_use_it(tmp_path):
    path = tmp_path / "desk.sqlite3"
    path.touch()
    with pytest.raises(NoDatabase):
        open_database(str(path))
    create_database(str(path)).dispose()
    assert revision(path) == HEAD


# Refused by name, nothing written

def _refused(path: Path, says: str, *, create: bool = False) -> None:
    before = digest(path) if path.is_file() else None
    with pytest.raises(DomainError, match=says) as refused:
        open_database(str(path), create=create)
    assert "not your fault" not in str(refused.value)
    if before is not None:
        assert digest(path) == before
    assert not [p for p in path.parent.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]


def test_another_applications_sqlite_file_is_refused_by_name_and_left_alone(tmp_path):
    path = tmp_path / "photos.db"
    with closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT)")
        other.execute("INSERT INTO album (title) VALUES ('Summer')")
        other.commit()
    for create in (False, True):
        _refused(path, "another application .*album.*not a Contact Desk database", create=create)


def test_a_file_stamped_by_another_application_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as other:
        other.execute("PRAGMA application_id = 1234")
        other.execute("CREATE TABLE customer (id INTEGER)")
        other.commit()
    _refused(path, "another application .*0x000004d2", create=True)


@pytest.mark.parametrize(("name", "content"), [
    ("notes.txt", b"customer_number,first_name\nC1,Ann\n"),
    ("logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
])
def test_a_file_that_is_not_a_database_is_refused(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    for create in (False, True):
        _refused(path, "is not a database: it is another kind of file", create=create)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DomainError, match="is a folder, not a database file"):
        open_database(str(tmp_path), create=True)


def test_a_read_only_file_is_refused_before_anything_is_written(tmp_path, read_only):
    path = tmp_path / "desk.sqlite3"
    create_database(str(path)).dispose()
    read_only(path)
    _refused(path, "is read-only: Contact Desk needs to write")


def test_a_damaged_file_is_refused_by_the_quick_check_and_not_written(tmp_path):
    path = damaged_desk(tmp_path)
    _refused_with_check = digest(path)
    with pytest.raises(DomainError, match="is damaged \\(SQLite's check found"):
        open_database(str(path), check=True)
    assert digest(path) == _refused_with_check


def test_after_a_failed_check_no_change_is_saved(tmp_path):
    path = damaged_desk(tmp_path)
    db = open_database(str(path))
    with pytest.raises(DomainError, match="is damaged"):
        db.check_integrity()
    with db.unit_of_work() as uow, pytest.raises(DomainError, match="is damaged"):
        uow.session.execute(text("UPDATE customer SET first_name = 'X'"))
        uow.commit()
    db.dispose()


def test_a_check_stopped_when_the_desk_quits_says_nothing_and_marks_nothing(tmp_path):
    """Quitting stops the check of the whole file instead of waiting for it (seconds at a
    million customers), even one that had not begun; the damaged file shows the check
    really stopped before it found the damage."""
    path = damaged_desk(tmp_path)
    db = open_database(str(path))
    db.stop_checks()  # the window quits before the check's thread began
    db.check_integrity()  # stopped: no DomainError, though the file is damaged
    assert db.damage is None
    db.dispose()
    db = open_database(str(path))
    with pytest.raises(DomainError, match="is damaged"):
        db.check_integrity()  # run to its end, it finds the damage
    db.dispose()


def damaged_desk(tmp_path: Path) -> Path:
    """A desk file with a hundred customers whose index pages were overwritten with junk."""
    path = tmp_path / "desk.sqlite3"
    db = create_database(str(path))
    with db.engine.begin() as connection:
        for n in range(1, 400):
            connection.execute(text(
                "INSERT INTO customer (customer_number, first_name, last_name, company, "
                "address_line1, city, state, postal_code, name_key, last_name_key, company_key,"
                " created_at, updated_at, version) VALUES (:n, 'Ann', :last, '', '', '', '', '',"
                " :key, :last, '', '2026-01-01', '2026-01-01', 1)"),
                {"n": f"C{n}", "last": f"Lee{n:04d}", "key": f"ann lee{n:04d}"})
    db.dispose()
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = "
                                  "'ix_customer_postal_code'").fetchone()[0]
    assert root < pages
    with path.open("r+b") as file:  # the desk has no connection open on it now
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff\x13" * 200)
    return path


# Upgrading an older file

def test_an_older_database_is_copied_aside_by_sqlite_then_migrated(tmp_path):
    path = stored_at(tmp_path / "old.sqlite3", "0001")
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert migrating.current_revision(connection) == HEAD
        assert connection.execute(text("SELECT customer_number FROM customer")).scalar() == "C1"
    assert db.backup_path is not None and revision(db.backup_path) == "0001"
    with closing(sqlite3.connect(db.backup_path)) as copy:
        assert copy.execute("SELECT customer_number FROM customer").fetchall() == [("C1",)]
    db.dispose()


def test_an_older_desk_file_without_the_stamp_is_recognised_and_stamped(tmp_path):
    path = at_revision(tmp_path / "old.sqlite3", HEAD)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA application_id = 0")
        connection.commit()
    open_database(str(path)).dispose()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] \
            == sqlite_file.APPLICATION_ID


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    create_database(str(path)).dispose()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    with pytest.raises(DomainError, match="newer Contact Desk"):
        open_database(str(path))


def half_migrated(tmp_path: Path, stem: str = "desk") -> Path:
    """What an earlier desk left when it was killed in the middle of 0003: the new column is
    there, the revision still says 0002, and its backup beside it is the good copy."""
    path = stored_at(tmp_path / f"{stem}.sqlite3", "0002")
    good = path.with_name(f"{stem}.before-0002-20261130-101500.sqlite3")
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(good)) as copy:
        source.backup(copy)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("ALTER TABLE contact_point ADD COLUMN local_digits VARCHAR(20) "
                           "NOT NULL DEFAULT ''")
        connection.commit()
    return path


def test_a_half_migrated_file_is_refused_naming_the_backup_that_holds_the_data(tmp_path):
    path = half_migrated(tmp_path)
    before = digest(path)
    for _attempt in range(3):
        with pytest.raises(DomainError) as refused:
            open_database(str(path))
        message = str(refused.value)
        assert "duplicate column name: local_digits" in message
        assert "Nothing in it was changed" in message
        assert "desk.before-0002-20261130-101500.sqlite3" in message
    assert digest(path) == before and revision(path) == "0002"
    # The retries took no copy of the half-migrated file: the good one stays the only one.
    assert [p.name for p in tmp_path.glob("desk.before-*")] \
        == ["desk.before-0002-20261130-101500.sqlite3"]


def test_the_backup_is_found_whatever_the_file_is_called(tmp_path):
    path = half_migrated(tmp_path, stem="desk [north] *2")
    with pytest.raises(DomainError, match=r"desk \[north\] \*2\.before-0002-20261130-101500"):
        open_database(str(path))
    assert len(list(tmp_path.iterdir())) == 2, "a retry took a copy of the half-updated file"


def test_a_backup_that_cannot_be_written_is_refused_and_leaves_no_half_copy(tmp_path, read_only):
    path = stored_at(tmp_path / "desk.sqlite3", "0001")
    full = tmp_path / "full"
    full.mkdir()
    read_only(full)  # as good as a full disk for SQLite: the copy cannot be made
    with closing(sqlite3.connect(path)) as source, \
            pytest.raises(DomainError, match="could not be written to .*full.*nothing was changed"):
        sqlite_file.backup(source, full / "copy.sqlite3")
    assert list(full.iterdir()) == []


def test_an_upgrade_that_fails_changes_nothing_and_its_backup_is_taken_once(tmp_path):
    path = half_migrated(tmp_path)
    next(tmp_path.glob("desk.before-*")).unlink()  # no earlier copy this time
    for _attempt in range(2):
        with pytest.raises(DomainError, match="Nothing in it was changed"):
            open_database(str(path))
    copies = list(tmp_path.glob("desk.before-0002-*"))
    assert len(copies) == 1 and revision(copies[0]) == "0002"
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "verification_document" in tables and "incoming_run" not in tables


SLOW_0002 = """
import sqlite3, sys
from contact_desk.store import migrating, sqlite_file
from pathlib import Path
path = Path(sys.argv[1])
migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=False), to="0002")
with sqlite3.connect(path) as c:
    c.execute("INSERT INTO customer (id, customer_number, first_name, last_name, company, "
              "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
              "created_at, updated_at, version) VALUES (1, 'C1', 'Ann', 'Lee', '', '', '', "
              "'', '', 'ann lee', 'lee', '', '2026-01-01', '2026-01-01', 1)")
    c.executemany(
        "INSERT INTO contact_point (customer_id, kind, type, value, extension, display, digits,"
        " status, status_date, is_primary, can_receive_texts, do_not_call, do_not_text, "
        "text_consent, marketing_opt_out, created_at, version) VALUES (1, 'PHONE', "
        "'DEALER_PHONE', ?, '', ?, ?, 'ACTIVE', '2026-01-01', 0, 1, 0, 0, 'NOT_ASKED', 0, "
        "'2026-01-01', 1)",
        [(f"+1{area}555{n:04d}", f"({area}) 555-{n:04d}", f"{area}555{n:04d}")
         for area in (212, 312, 415, 617, 713, 305) for n in range(10000)])
"""


def test_a_desk_killed_in_the_middle_of_an_upgrade_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "desk.sqlite3"
    subprocess.run([sys.executable, "-c", SLOW_0002, str(path)], check=True)
    kills = 0
    for delay in (0.3, 0.8, 1.5):
        show = subprocess.Popen([*CLI, "--database", str(path), "show", "C1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("desk.before-*")) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(delay)
        if show.poll() is None:
            show.send_signal(signal.SIGKILL)
            kills += 1
        show.wait()
        assert revision(path) in {"0002", HEAD}
        if revision(path) == HEAD:
            break
    assert kills, "every upgrade finished before it could be killed; make SLOW_0002 slower"
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contact_point WHERE "
                                       "local_digits != ''")).scalar() == 60000
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    db.dispose()
    assert len(list(tmp_path.glob("desk.before-0002-*"))) == 1


def test_desks_racing_to_create_the_same_new_database_all_succeed(tmp_path):
    path = tmp_path / "desk.sqlite3"
    racers = [subprocess.Popen([*CLI, "--database", str(path), "init"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(4)]
    results = [(racer.wait(), racer.stderr.read(), racer.stdout.read()) for racer in racers]
    assert [code for code, _, _ in results] == [0, 0, 0, 0], results
    assert sum("Created a new" in out for _, _, out in results) == 1, results
    assert revision(path) == HEAD
    with closing(sqlite3.connect(path)) as connection:
        # Migrated once: the old built-in user (kept, inactive) and one first manager.
        assert connection.execute(
            "SELECT login, active FROM app_user ORDER BY id").fetchall() == [
            ("command-line", 0), (os_login(), 1)]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_init_on_an_older_file_says_it_was_updated_and_where_the_copy_is(tmp_path):
    path = stored_at(tmp_path / "old.sqlite3", "0001")
    done = subprocess.run([*CLI, "--database", str(path), "init"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    [copy] = tmp_path.glob("old.before-0001-*.sqlite3")
    assert done.stdout.strip() == (f"{path} was updated for this version of Contact Desk; its "
                                   f"data as it was before is in {copy}.")


# PostgreSQL

@pytest.fixture
def empty_server_database(postgres_admin_url):
    name = f"empty_{os.getpid()}"
    _create_database(postgres_admin_url, name)
    yield _with_database(postgres_admin_url, name)
    _drop_database(postgres_admin_url, name)


@pytest.mark.postgres
def test_desks_racing_to_init_a_server_database_one_says_it_created_it(empty_server_database):
    racers = [subprocess.Popen([*CLI, "--database", empty_server_database, "init"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(3)]
    results = [(racer.wait(), racer.stderr.read(), racer.stdout.read()) for racer in racers]
    assert [code for code, _, _ in results] == [0, 0, 0], results
    assert sum("Created a new" in out for _, _, out in results) == 1, results


@pytest.mark.postgres
def test_a_server_upgrade_waits_for_another_desks_so_long_then_says_so(
        empty_server_database, monkeypatch):
    monkeypatch.setattr(migrating, "UPGRADE_WAIT_S", 1)
    other_desk = create_engine(empty_server_database)
    try:
        with other_desk.begin() as upgrading:
            upgrading.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                              {"key": migrating._PG_UPGRADE_LOCK})
            with pytest.raises(DomainError, match="Another desk has been updating"):
                open_database(empty_server_database, create=True)
    finally:
        other_desk.dispose()


@pytest.mark.postgres
def test_a_server_database_without_the_desks_tables_needs_init(empty_server_database):
    with pytest.raises(NoDatabase, match="init"):
        open_database(empty_server_database)
    db = create_database(empty_server_database)
    assert db.created
    db.dispose()
    open_database(empty_server_database).dispose()


@pytest.mark.postgres
def test_a_server_database_of_another_application_is_refused(empty_server_database):
    engine = create_engine(empty_server_database)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer)"))
    engine.dispose()
    with pytest.raises(DomainError, match="another application \\(invoices\\)"):
        create_database(empty_server_database)


# What each migration does to rows already stored

def test_migrating_fills_the_local_digits_of_phones_already_stored(tmp_path):
    path = stored_at(tmp_path / "at-0002.sqlite3", "0002", (
        "INSERT INTO contact_point (customer_id, kind, type, value, extension, display, "
        "digits, status, status_date, is_primary, can_receive_texts, do_not_call, "
        "do_not_text, text_consent, marketing_opt_out, created_at, version) VALUES "
        "(1, 'PHONE', 'DMS_CELL', '+12125550142', '', '(212) 555-0142', '2125550142', "
        "'ACTIVE', '2026-01-01', 1, 1, 0, 0, 'NOT_ASKED', 0, '2026-01-01', 1)", {}))
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT local_digits FROM contact_point")).scalar() \
            == "5550142"
    db.dispose()


def test_migrating_gives_documents_already_stored_their_content_type(tmp_path):
    path = stored_at(tmp_path / "at-0003.sqlite3", "0003", (
        "INSERT INTO verification_document (customer_id, file_name, size, sha256, "
        "content, verified_address, uploaded_at) VALUES "
        "(1, :name, 8, 'x', :content, '40 Pine Rd', '2026-01-01')",
        [{"name": name, "content": content}
         for name, content in (("bill.pdf", b"%PDF-1.7"), ("scan.png", b"\x89PNG\r\n\x1a\n"),
                               ("notes.txt", b"Ann Lee"))]))
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT file_name, content_type FROM verification_document ORDER BY id")).all() == [
            ("bill.pdf", "application/pdf"), ("scan.png", "image/png"),
            ("notes.txt", "application/octet-stream")]
    db.dispose()


def test_migrating_gives_vehicles_already_stored_a_first_version(tmp_path):
    path = stored_at(tmp_path / "at-0005.sqlite3", "0005", (
        "INSERT INTO vehicle (customer_id, vin, vin_reversed, year, make, model, source, "
        "owned, created_at) VALUES (1, '', '', 2019, 'Honda', 'Civic', 'DMS', 1, "
        "'2026-01-01')", {}))
    db = open_database(str(path))
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT model, version FROM vehicle")).all() == [
            ("Civic", 1)]
    db.dispose()


@pytest.mark.postgres
def test_a_server_connection_says_which_desk_it_is(empty_server_database):
    database = open_database(empty_server_database, create=True)
    try:
        with database.engine.connect() as connection:
            name = connection.execute(text("SELECT application_name FROM pg_stat_activity "
                                           "WHERE pid = pg_backend_pid()")).scalar()
    finally:
        database.dispose()
    assert name.startswith(f"Contact Desk {socket.gethostname()}"[:63])


def test_a_server_that_never_answers_is_refused_in_time(monkeypatch):
    monkeypatch.setattr(database_module, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as silent:  # accepts connections in the kernel, never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        with pytest.raises(DomainError, match=rf"127.0.0.1:{port}: the server did not answer"):
            open_database(f"postgresql://desk@127.0.0.1:{port}/contacts")


def test_migrating_takes_every_power_from_the_built_in_user_and_makes_the_upgrader_manager(
        tmp_path):
    """The command-line user stays (history names it) but acts no more; a user who could do
    everything keeps doing everything; a clerk gains nothing; and the computer login doing the
    upgrade (before, it acted as the command-line user) is a manager mapped to that login."""
    everything = ("EDIT_CUSTOMERS", "ASSIGN_USERS", "CHANGE_DEAL_SOURCE", "MANAGE_PROGRAMS",
                  "RUN_SYNC")
    path = stored_at(
        tmp_path / "at-0009.sqlite3", "0009",
        ("INSERT INTO app_user (login, name, active) VALUES ('morgan', 'Morgan Avery', 1), "
         "('casey', 'Casey Clerk', 1)", {}),
        ("INSERT INTO user_permission (user_id, permission) SELECT id, :permission FROM "
         "app_user WHERE login = 'morgan'", [{"permission": p} for p in everything]),
        ("INSERT INTO user_permission (user_id, permission) SELECT id, 'EDIT_CUSTOMERS' FROM "
         "app_user WHERE login = 'casey'", {}))
    db = open_database(str(path))
    with db.sessions() as session:
        found = {user.login: user for user in session.scalars(select(User))}
        assert not found["command-line"].active and found["command-line"].permissions == set()
        assert found["morgan"].permissions == frozenset(Permission)
        assert found["casey"].permissions == {Permission.EDIT_CUSTOMERS}
        upgrader = next(user for user in found.values() if user.os_login == os_login())
        assert upgrader.active and upgrader.permissions == frozenset(Permission)
        assert upgrader.pin_hash is None and upgrader.failed_pin_tries == 0
    db.dispose()


def test_a_new_file_goes_to_wal_once_a_desk_that_just_took_it_lets_go(tmp_path):
    """Desks started together: the one that made the file switches it to WAL while another
    has just begun its own transaction on it. SQLite says "locked" at once; the switch
    waits for it instead of reporting that another desk was updating it for minutes."""
    import threading

    path = tmp_path / "desk.sqlite3"
    with closing(sqlite3.connect(path)) as made:
        made.execute("CREATE TABLE t (x)")
        made.commit()
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the desk started at the same moment
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    engine = migrating._sqlite_upgrade_engine(path, create=False)
    try:
        with engine.connect() as connection:
            migrating._switch_to_wal(connection, path)
    finally:
        engine.dispose()
        other.close()
    with closing(sqlite3.connect(path)) as reader:
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
