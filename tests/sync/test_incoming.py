"""One sync or import per database at a time, between real processes, on SQLite and PostgreSQL;
and what comes in is never the database's own file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from contact_desk.domain.errors import DomainError, InvalidValue
from contact_desk.store.database import open_database
from contact_desk.store.incoming_lock import held_if_free, lock_path
from contact_desk.sync.adf import import_adf
from contact_desk.sync.dms import FIRST_LOAD, sync_dms
from contact_desk.sync.vcard import import_vcards
from tests.locks import locks_held, needs_proc_locks
from tests.sync.conftest import write_export
from tests.sync.test_dms import people

ROWS = 8_000  # long enough that a second process starts while the first still runs


def cli(database_url: str, *argv: str, tmp_path: Path) -> subprocess.Popen:
    env = dict(os.environ, CONTACT_DESK_LOG_DIR=str(tmp_path / "logs"))
    return subprocess.Popen([sys.executable, "-m", "contact_desk", "--database", database_url,
                             *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def scalar(database_url: str, query: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(query)).scalar()
    finally:
        engine.dispose()


def running_rows(database_url: str) -> int:
    return scalar(database_url, "SELECT count(*) FROM incoming_run")


def wait_until_running(database_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not running_rows(database_url):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the sync never started"
        time.sleep(0.02)


@pytest.fixture
def big_export(tmp_path: Path) -> Path:
    return write_export(tmp_path / "export.csv", people(ROWS))


def test_a_second_sync_is_refused_saying_who_runs_one_since_when(
        database, database_url, big_export, tmp_path, manager):
    first = cli(database_url, "sync", "dms", str(big_export), tmp_path=tmp_path)
    wait_until_running(database_url, first)
    lead = tmp_path / "lead.vcf"
    lead.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann\r\nFN:Ann Lee\r\n"
                    "TEL:212 555 0199\r\nEND:VCARD\r\n", encoding="utf-8")
    for argv in (("sync", "dms", str(big_export)), ("import", "vcard", str(lead))):
        second = cli(database_url, *argv, tmp_path=tmp_path)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 2, (out, err)
        assert err.count("\n") == 1 and "not your fault" not in err
        assert "A DMS sync of export.csv is already running on this database, since " in err
        assert f"by {manager.name} on {socket.gethostname()}" in err
        assert "Wait for it to finish" in err and "nothing was changed" in err
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert scalar(database_url, "SELECT count(*) FROM customer") == ROWS
    assert running_rows(database_url) == 0, "a finished run leaves no trace of running"


def test_a_killed_sync_lets_go_of_the_lock(database, database_url, big_export, tmp_path):
    first = cli(database_url, "sync", "dms", str(big_export), tmp_path=tmp_path)
    wait_until_running(database_url, first)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    again = cli(database_url, "sync", "dms", str(big_export), tmp_path=tmp_path)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert scalar(database_url, "SELECT count(*) FROM customer") == ROWS
    assert running_rows(database_url) == 0, "the killed run's row was cleared"


def test_two_first_loads_started_together_keep_each_customer_once(
        database, database_url, tmp_path):
    export = write_export(tmp_path / "export.csv", people(FIRST_LOAD + 500))
    racers = [cli(database_url, "sync", "dms", str(export), tmp_path=tmp_path) for _ in range(2)]
    results = [(racer.wait(timeout=300), racer.communicate()[1]) for racer in racers]
    assert sorted(code for code, _ in results)[0] == 0, results
    for code, err in results:
        assert code == 0 or (code == 2 and "already running" in err), results
    assert scalar(database_url, "SELECT count(*) FROM customer") == FIRST_LOAD + 500
    assert scalar(database_url, "SELECT count(DISTINCT customer_number) FROM customer") \
        == FIRST_LOAD + 500


@needs_proc_locks
def test_the_database_itself_is_refused_as_an_input_before_it_is_opened(desk, desk_user):
    own = Path(desk.path)
    reading = desk.engine.connect()  # a desk at work: SQLite holds its locks meanwhile
    reading.execute(text("SELECT count(*) FROM customer")).scalar()
    held = locks_held(own)
    assert "desk.sqlite3-shm" in held
    for read in (lambda path: sync_dms(desk, desk_user, path),
                 lambda path: sync_dms(desk, desk_user, own.with_name("x.csv"), mapping=path),
                 lambda path: import_adf(desk, desk_user, path),
                 lambda path: import_vcards(desk, desk_user, path)):
        for path in (own, own.with_name(own.name + "-wal"), own.with_name(own.name + "-shm")):
            with pytest.raises(InvalidValue, match="the desk's own database, not a file to import"):
                read(path)
    assert locks_held(own) == held, "something opened and closed the database's own files"
    reading.close()


def test_a_pipe_is_refused_as_an_input_before_anything_waits_on_it(desk, desk_user, tmp_path):
    pipe = tmp_path / "export.csv"
    os.mkfifo(pipe)
    for read in (lambda: sync_dms(desk, desk_user, pipe),
                 lambda: import_adf(desk, desk_user, pipe),
                 lambda: import_vcards(desk, desk_user, pipe)):
        with pytest.raises(InvalidValue, match="not a file"):
            read()


def test_two_spellings_of_one_database_share_one_incoming_lock(desk, tmp_path):
    alias = tmp_path / "shortcut.sqlite3"
    alias.symlink_to(desk.path)
    other = open_database(str(alias))
    try:
        with held_if_free(desk) as first, held_if_free(other) as second:
            assert first and not second
    finally:
        other.dispose()


def test_the_lock_file_gets_the_databases_permissions(desk):
    desk.path.chmod(0o660)
    lock = lock_path(desk.path)
    lock.unlink(missing_ok=True)
    with held_if_free(desk) as got:
        assert got
    assert lock.stat().st_mode & 0o777 == 0o660


@pytest.mark.parametrize("spoil", ["folder", "read-only"])
def test_a_lock_file_that_cannot_be_used_is_refused_by_name(desk, desk_user, tmp_path,
                                                            read_only, spoil):
    lock = lock_path(desk.path)
    lock.unlink(missing_ok=True)
    if spoil == "folder":
        lock.mkdir()
    else:
        with held_if_free(desk):
            pass
        read_only(lock)
    export = write_export(tmp_path / "export.csv", people(3))
    with pytest.raises(DomainError, match=r"desk.sqlite3.incoming-lock \(the lock that keeps"):
        sync_dms(desk, desk_user, export)
    assert scalar(f"sqlite:///{desk.path}", "SELECT count(*) FROM customer") == 0
