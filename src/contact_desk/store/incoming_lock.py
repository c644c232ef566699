"""One run bringing data in (a DMS sync, an import, demo data) per database at a time.

Two syncs of the same file at once would each create the same customers, and the first
load's dropped indexes would be built under the other. So a run holds a lock for as long as
it works, and a second one is refused at once, told who is running since when. The lock is
the operating system's, so a run that is killed lets go of it: on SQLite an exclusive
transaction on a small SQLite file beside the database (``NAME.incoming-lock``), on
PostgreSQL a session advisory lock. Who holds it is read from ``incoming_run``, where the
holder's row lives while it runs.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, text

from contact_desk.domain.actor import Actor
from contact_desk.domain.errors import DomainError
from contact_desk.domain.incoming import IncomingKind
from contact_desk.store import sqlite_file
from contact_desk.store.runs import IncomingRun

if TYPE_CHECKING:
    from contact_desk.store.database import Database

log = logging.getLogger(__name__)

_PG_INCOMING_LOCK = 0x43446E63  # "CDnc"


class IncomingRunning(DomainError):
    """Another sync or import of the same database is running."""


@contextmanager
def one_at_a_time(database: Database, actor: Actor, kind: IncomingKind,
                  file_name: str = "") -> Iterator[None]:
    """Hold the database's incoming lock while the block runs; IncomingRunning, before
    anything is written, when another run holds it."""
    with held_if_free(database) as got:
        if not got:
            raise IncomingRunning(_who_is_running(database, kind))
        run_id = _record_start(database, actor, kind, file_name)
        try:
            yield
        finally:
            _record_end(database, run_id)


@contextmanager
def held_if_free(database: Database) -> Iterator[bool]:
    """The incoming lock for the block if no run holds it (True), else nothing (False)."""
    with (_sqlite_lock(database.path) if database.path is not None
          else _server_lock(database)) as got:
        yield got


def lock_path(database_path: Path) -> Path:
    """The lock beside the database's real file: two spellings of one database (a link, a
    folder reached two ways) share one lock."""
    real = Path(os.path.realpath(database_path))
    return real.with_name(real.name + sqlite_file.LOCK_SUFFIX)


@contextmanager
def _sqlite_lock(path: Path) -> Iterator[bool]:
    lock = lock_path(path)
    try:
        connection = _open_lock(path, lock)
    except (OSError, sqlite3.Error) as error:
        raise _unusable(lock, error) from None
    connection.isolation_level = None
    try:
        try:
            connection.execute("BEGIN EXCLUSIVE")
            # A lock file this desk may not write would give a lock nobody else sees: the
            # write proves it is really held (and is rolled back when the run ends).
            connection.execute("CREATE TABLE IF NOT EXISTS held (x)")
            connection.execute("INSERT INTO held VALUES (1)")
            got = True
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise _unusable(lock, error) from None
            got = False
        except sqlite3.Error as error:
            raise _unusable(lock, error) from None
        try:
            yield got
        finally:
            if got:
                connection.execute("ROLLBACK")
    finally:
        connection.close()


def _open_lock(database_path: Path, lock: Path) -> sqlite3.Connection:
    """The lock file, made on first use with the database's own permissions, so every desk
    that may write the database may take its lock."""
    new = not lock.exists()
    connection = sqlite_file.connect(lock, "rwc", timeout=0)
    if new:
        try:
            os.chmod(lock, os.stat(database_path).st_mode & 0o666)
        except OSError:
            log.warning("Could not give %s the permissions of %s", lock, database_path)
    return connection


def _unusable(lock: Path, error: Exception) -> DomainError:
    log.warning("The incoming lock %s cannot be used: %s", lock, error)
    said = getattr(error, "strerror", None) or error
    return DomainError(
        f"{lock} (the lock that keeps two imports or syncs of this database apart) cannot be "
        f"used: {said}. Check that you may write the folder {lock.parent} and that file; "
        "nothing was changed."
    )


@contextmanager
def _server_lock(database: Database) -> Iterator[bool]:
    with database.engine.connect() as connection:
        got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                 {"key": _PG_INCOMING_LOCK}).scalar()
        connection.commit()
        try:
            yield bool(got)
        finally:
            if got:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                   {"key": _PG_INCOMING_LOCK})
                connection.commit()


def _record_start(database: Database, actor: Actor, kind: IncomingKind, file_name: str) -> int:
    with database.unit_of_work() as uow:
        # With the lock held no other run is going: rows left are those of killed runs.
        uow.session.execute(delete(IncomingRun))
        run = IncomingRun(kind=kind, file_name=file_name[:255], user_id=actor.user_id,
                          user_name=actor.name[:80], host=socket.gethostname()[:255],
                          pid=os.getpid())
        uow.session.add(run)
        uow.commit()
        return run.id


def _record_end(database: Database, run_id: int) -> None:
    with database.unit_of_work() as uow:
        uow.session.execute(delete(IncomingRun).where(IncomingRun.id == run_id))
        uow.commit()


def _who_is_running(database: Database, wanted: IncomingKind) -> str:
    with database.unit_of_work() as uow:
        run = uow.session.scalars(
            select(IncomingRun)
            .order_by(IncomingRun.started_at.desc(), IncomingRun.id.desc()).limit(1)).first()
        return _running_sentence(run, wanted)


def _running_sentence(run: IncomingRun | None, wanted: IncomingKind) -> str:
    wait = f"Wait for it to finish, then start the {wanted.label} again; nothing was changed."
    if run is None:
        return ("Another sync or import is already running on this database: it has just "
                f"started. {wait}")
    started = run.started_at.astimezone()
    when = started.strftime("%H:%M") if started.date() == datetime.now().astimezone().date() \
        else started.strftime("%Y-%m-%d %H:%M")
    what = f"{run.kind.label} of {run.file_name}" if run.file_name else run.kind.label
    by = f" by {run.user_name}" if run.user_name else ""
    where = f" on {run.host}" if run.host else ""
    return f"A {what} is already running on this database, since {when}{by}{where}. {wait}"

