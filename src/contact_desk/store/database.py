"""Opening a database: only one that is the desk's own, created only where asked, upgraded
whole or not at all.

A new database is made only at the default location (the desk's first start), or where a
person asks for one (``init``, ``demo``, the window's New Database…): ``create=True``. Any
other path that holds no database is refused, and so is, by name, a file that is not the
desk's (another application's SQLite file, a text file, a picture), a damaged one, a
read-only one, a folder, or a database in memory. Nothing is written to a refused file.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from contact_desk.domain.errors import DomainError
from contact_desk.os_login import os_login
from contact_desk.store import changes, migrating, sqlite_file
from contact_desk.store.loading import build_missing_indexes, missing_indexes
from contact_desk.store.location import (
    ENV_DATABASE,
    DatabaseLocation,
    NoDatabase,
    default_location,
    locate_database,
)
from contact_desk.store.unit_of_work import UnitOfWork

__all__ = ["ENV_DATABASE", "Database", "DatabaseLocation", "create_database",
           "NoDatabase", "default_location", "locate_database", "open_database"]

log = logging.getLogger(__name__)
HEAD = migrating.HEAD
BUSY_TIMEOUT_MS = 15000
# How long a desk waits for a database server to answer before saying it does not.
CONNECT_TIMEOUT_S = 10


@dataclass
class Database:
    """An open, up-to-date database: where it is, the engine and the sessions made from it."""

    location: DatabaseLocation
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None
    created: bool = False
    upgraded_from: str | None = None  # the schema revision it had before this opening
    # Set when a check found the file damaged: every later commit is refused with it.
    damage: str | None = field(default=None, repr=False)
    # Set when the desk quits: a check of the whole file still running stops.
    _stopping: bool = field(default=False, repr=False)
    _checking: sqlite3.Connection | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.location.is_sqlite

    @property
    def path(self) -> Path | None:
        """The SQLite file; None on a server."""
        return self.location.path

    @property
    def shown(self) -> str:
        return self.location.shown

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, refuse_commit=self.damage)

    def check_integrity(self) -> None:
        """SQLite's quick check of the whole file (seconds at a million customers: it reads
        every page); DomainError naming the damage, after which no change is saved."""
        if self.path is None:
            return
        raw = self.engine.raw_connection()
        connection = raw.driver_connection
        # The check is one long step of SQLite's: interrupt() stops it once it runs, and
        # the few steps before it look whether a stop came first (an interrupt() before a
        # statement runs does nothing).
        connection.set_progress_handler(lambda: int(self._stopping), 1)
        self._checking = connection
        try:
            sqlite_file.quick_check(connection, self.path)
        except DomainError as error:
            self.damage = error.message
            raise
        finally:
            self._checking = None
            connection.set_progress_handler(None, 0)
            raw.close()

    def stop_checks(self) -> None:
        """Stop a check of the whole file still running (the desk is quitting): it reads
        every page, seconds at a million customers, and quitting waited for it. A stopped
        check found nothing and says nothing."""
        self._stopping = True
        checking = self._checking
        if checking is not None:
            checking.interrupt()

    def watch_other_desks(self) -> changes.Watcher:
        """What tells this desk which customers other desks changed (close it when done)."""
        return changes.watch_other_desks(self.engine, self.path)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(given: str | DatabaseLocation | None = None, *, create: bool = False,
                  check: bool = False) -> Database:
    """The database ``given`` names (see locate_database), upgraded to this desk's schema.

    ``create``: make a new database there when it holds none (the default location always
    may). ``check``: run SQLite's quick check of the whole file first, as commands that
    write a lot do before they start.
    """
    location = given if isinstance(given, DatabaseLocation) else locate_database(given)
    if location.path is not None:
        database = _open_sqlite(location, create or location.is_default)
    else:
        database = _open_server(location, create)
    try:
        if check and not database.created and database.backup_path is None:
            database.check_integrity()
        _finish_a_killed_first_load(database)
    except OperationalError as error:
        database.dispose()
        if location.server_url is not None:
            raise server_refusal(location.server_url, error) from None
        raise DomainError(f"Cannot open the database {location.shown}: {error.orig}") from None
    except BaseException:
        database.dispose()
        raise
    return database


def _finish_a_killed_first_load(database: Database) -> None:
    """Build the search indexes a first load killed outright left dropped; not while a run
    is loading, which dropped them on purpose and builds them as it ends."""
    if not missing_indexes(database.engine):
        return
    from contact_desk.store.incoming_lock import held_if_free

    with held_if_free(database) as free:
        if free:
            build_missing_indexes(database.engine)


def create_database(given: str | DatabaseLocation) -> Database:
    """``init``: a new, empty desk database where asked (the folder must exist), or the one
    already there, upgraded."""
    return open_database(given, create=True)


def _open_sqlite(location: DatabaseLocation, create: bool) -> Database:
    path = location.path
    assert path is not None
    found = sqlite_file.examine(path)
    if not found.exists:
        if not create:
            raise NoDatabase(location)
        sqlite_file.check_folder_for_new_file(path, may_create_folder=location.is_default)
        log.info("Creating a new Contact Desk database at %s", path)
    upgrade = migrating.upgrade_sqlite(found)
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        creator=lambda: sqlite_file.connect(path, "rw", timeout=BUSY_TIMEOUT_MS / 1000),
    )
    event.listen(engine, "connect", _tune_sqlite)
    return Database(location, engine, changes.announcing_sessions(engine, on_server=False),
                    backup_path=upgrade.backup, created=upgrade.created,
                    upgraded_from=upgrade.upgraded_from)


def _server_settings(url: URL) -> dict[str, object]:
    """How the desk connects to a server, unless the URL says otherwise: an unreachable one
    answers within CONNECT_TIMEOUT_S, and the server's own views (pg_stat_activity) name
    which desk and whose login each connection is."""
    settings: dict[str, object] = {}
    if "connect_timeout" not in url.query:
        settings["connect_timeout"] = CONNECT_TIMEOUT_S
    if "application_name" not in url.query:
        # PostgreSQL keeps 63 bytes of it.
        who = f"Contact Desk {socket.gethostname()} {os_login() or ''}"
        settings["application_name"] = who.encode()[:63].decode(errors="ignore")
    return settings


def _tune_sqlite(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    with closing(dbapi_connection.cursor()) as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")


def _open_server(location: DatabaseLocation, create: bool) -> Database:
    assert location.server_url is not None
    engine = create_engine(location.server_url, pool_pre_ping=True,
                           connect_args=_server_settings(location.server_url))
    try:
        revision = migrating.server_revision(engine)
        # Read again under the upgrade's lock: of desks racing to create it, one did.
        upgrade = migrating.upgrade_server(engine, location, create) if revision != HEAD \
            else migrating.Upgrade(revision)
    except DBAPIError as error:
        engine.dispose()
        raise server_refusal(location.server_url, error) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(location, engine, changes.announcing_sessions(engine, on_server=True),
                    created=upgrade.created, upgraded_from=upgrade.upgraded_from)


# What libpq says, in the words a clerk can act on; the first that matches is used.
_SERVER_SAYS = (
    (("password authentication failed", "no password supplied"),
     "the server refused the login of {user!r}: the password is wrong or missing"),
    (("Connection refused",),
     "the connection was refused: is the server running there, and is the port right?"),
    (("resolve host", "Name or service not known", "nodename nor servname",
      "could not translate host name"),
     "the host name {host!r} is not known: check the server's name or address"),
    (("No such file or directory",),
     "no server listens on this computer's socket: give the server's host in the URL"),
    (("timeout expired", "timed out"),
     "the server did not answer in time: check the address and the network"),
    (("does not exist",), "{said}"),
)


def server_refusal(url: URL, error: DBAPIError) -> DomainError:
    """One line naming the server (host:port, never the password) and why it refused."""
    lines = str(error.orig or error).strip().splitlines() or ["it gave no reason"]
    said = lines[0].rsplit(" failed: ", 1)[-1].removeprefix("FATAL:").strip()
    port = url.port or 5432
    where = f"at {url.host}:{port}" if url.host else f"on this computer (port {port})"
    reason = next((why for clues, why in _SERVER_SAYS if any(c in lines[0] for c in clues)),
                  "{said}")
    reason = reason.format(user=url.username or "", host=url.host, said=said).rstrip(".")
    end = "" if reason.endswith("?") else "."
    return DomainError(f"Cannot open the database {url.database!r} on the PostgreSQL server "
                       f"{where}: {reason}{end}")
