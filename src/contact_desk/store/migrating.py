"""Bringing a database's schema up to this version of the desk: all or nothing, one desk at a time.

The whole upgrade, every migration and the stamp, is one transaction (SQLite and PostgreSQL
both run DDL in a transaction), taken with the database's write lock: a desk killed half-way
leaves the schema as it was, and a second desk opening the same database meanwhile waits,
then finds it up to date. Before an existing SQLite file is changed, SQLite's backup API
copies it aside once: a later attempt at the same upgrade keeps that copy and takes none.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from contact_desk.domain.errors import DomainError
from contact_desk.os_login import os_login
from contact_desk.store import sqlite_file
from contact_desk.store.location import DatabaseLocation, NoDatabase

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration. A database already there opens without loading Alembic at all,
# which is a third of the desk's start-up; a test checks this against the migrations.
HEAD = "0017"
# How long a desk waits for another desk's upgrade of the same database to finish.
UPGRADE_WAIT_S = 600
WAL_SWITCH_WAIT_S = 5
# pg_advisory_xact_lock's key for "upgrading the schema" ("CDmg").
_PG_UPGRADE_LOCK = 0x43446D67


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass(frozen=True)
class Upgrade:
    """What opening did to the schema: the revision found once the lock was held (None: no
    desk tables yet, so they were created) and the copy taken before changing it."""

    found: str | None
    backup: Path | None = None

    @property
    def created(self) -> bool:
        return self.found is None

    @property
    def upgraded_from(self) -> str | None:
        return self.found if self.found not in (None, HEAD) else None


def upgrade_sqlite(found: sqlite_file.SqliteFile, to: str = "head") -> Upgrade:
    """Create or upgrade the desk file ``found`` describes."""
    path = found.path
    target = _target(to)
    if found.is_desk and found.revision == target and found.has_desk_id:
        return Upgrade(found.revision)
    engine = _sqlite_upgrade_engine(path, create=not found.exists)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                upgrade = _upgrade_locked_sqlite(connection, path, to)
                connection.exec_driver_sql("COMMIT")
            except BaseException:
                # SQLite ends a transaction itself on some errors (a full disk): a ROLLBACK
                # then would fail and hide the reason.
                if connection.connection.dbapi_connection.in_transaction:
                    connection.exec_driver_sql("ROLLBACK")
                raise
            if not found.exists:
                _switch_to_wal(connection, path)
    except DBAPIError as error:
        raise _busy_or(error, path) from None
    finally:
        engine.dispose()
    return upgrade


def _switch_to_wal(connection: Connection, path: Path) -> None:
    """Put the new file in WAL mode, which needs it to itself for a moment: a desk started
    at the same time may just have taken it (its own BEGIN IMMEDIATE), and SQLite answers
    "locked" at once rather than waiting. The file is made and committed by then, and every
    connection a desk opens asks for WAL too, so after a few tries it is left to them:
    creating it did not fail, and saying "another desk has been updating it for minutes"
    was not true."""
    deadline = time.monotonic() + WAL_SWITCH_WAIT_S
    while True:
        try:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            return
        except DBAPIError as error:
            if "locked" not in str(error.orig):
                raise
            if time.monotonic() > deadline:
                log.info("%s was busy; the next desk to open it puts it in WAL mode", path)
                return
        time.sleep(0.05)


def _upgrade_locked_sqlite(connection: Connection, path: Path, to: str) -> Upgrade:
    """The upgrade itself, with the write lock held; read the revision only now that no
    other desk can be half-way through the same upgrade."""
    current = current_revision(connection)
    target = _target(to)
    backup = None
    if current != target:
        _refuse_unknown(current)
        if current is not None:
            # The copy is read through a second connection: SQLite cannot copy from the one
            # holding the write lock, and shares its locks between the two.
            with closing(sqlite_file.connect(path, "ro")) as reader:
                sqlite_file.quick_check(reader, path)
            backup = _backup_once(path, current)
        _run_alembic(connection, to, path, current, backup)
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            log.error("Upgrading %s from %s: rows whose references are missing (table, "
                      "rowid, parent, constraint): %s", path, current, problems[:50])
            raise DomainError(
                f"Updating {path} would leave {len(problems)} rows pointing at rows that are "
                "not there; nothing was changed. Details are in the log."
            )
    connection.exec_driver_sql(f"PRAGMA application_id = {sqlite_file.APPLICATION_ID}")
    return Upgrade(current, backup)


def upgrade_server(engine: Engine, location: DatabaseLocation, create: bool) -> Upgrade:
    """Create or upgrade the desk's tables on a PostgreSQL server, in one transaction."""
    with engine.begin() as connection:
        # As on SQLite: wait for another desk's upgrade so long, then say so, never for ever.
        connection.execute(text(f"SET LOCAL lock_timeout = '{UPGRADE_WAIT_S}s'"))
        try:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _PG_UPGRADE_LOCK})
        except DBAPIError as error:
            if "lock timeout" not in str(error.orig):
                raise
            raise _busy_or(error, location.shown) from None
        current = current_revision(connection)
        if current == HEAD:
            return Upgrade(current)
        if current is None:
            _refuse_foreign_server(connection, location, create)
        _refuse_unknown(current)
        if current is not None:
            log.warning("Upgrading %s from %s without a copy: back it up with its own tools.",
                        location.shown, current)
        _run_alembic(connection, "head", location.shown, current, None)
    return Upgrade(current)


def server_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)


def _refuse_foreign_server(connection: Connection, location: DatabaseLocation,
                           create: bool) -> None:
    tables = sorted(connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())
    if tables:
        shown = ", ".join(tables[:4]) + (", …" if len(tables) > 4 else "")
        raise DomainError(
            f"{location.shown} holds the tables of another application ({shown}), not a "
            "Contact Desk database. Nothing was written to it."
        )
    if not create:
        raise NoDatabase(location)


def alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    # Whoever creates (or first upgrades) a database becomes its first manager: 0010.
    config.attributes["os_login"] = os_login()
    return config


def _run_alembic(connection: Connection, to: str, where: Path | str, current: str | None,
                 backup: Path | None) -> None:
    from alembic import command

    try:
        command.upgrade(alembic_config(connection), to)
    except DBAPIError as error:
        log.exception("Upgrading %s from %s failed", where, current)
        raise _failed(where, current, error, backup) from None


def _failed(where: Path | str, current: str | None, error: DBAPIError,
            backup: Path | None) -> DomainError:
    said = str(error.orig).strip().splitlines()[0]
    message = (f"{where} could not be updated for this version of Contact Desk (the database "
               f"said: {said}). Nothing in it was changed.")
    copies = _backups(Path(where), current) if isinstance(where, Path) and current else []
    if copies:
        message += (
            f" It may have been left half-updated by an earlier version; its data as it was "
            f"before is in {copies[0]}: close every desk, then put that file in its place."
        )
    return DomainError(message + " Details are in the log.")


def _backup_once(path: Path, revision: str) -> Path:
    """The copy of ``path`` from before upgrading it from ``revision``: the one already taken
    by an earlier attempt (it is the one made before anything changed), else a new one."""
    earlier = _backups(path, revision)
    if earlier:
        log.info("Keeping %s, taken before an earlier attempt at this upgrade", earlier[0])
        return earlier[0]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
    with closing(sqlite_file.connect(path, "ro")) as reader:
        sqlite_file.backup(reader, target)
    log.info("Copied %s to %s before upgrading it from %s", path, target, revision)
    return target


def _backups(path: Path, revision: str) -> list[Path]:
    """Copies of ``path`` taken before upgrading it from ``revision``, oldest first; only
    those that really are that revision of a desk file."""
    # A pattern of its own: the file's name may hold [ or * that glob would read as one.
    name = re.compile(rf"{re.escape(path.stem)}\.before-{re.escape(revision)}-\d{{8}}-\d{{6}}"
                      rf"{re.escape(path.suffix)}")
    try:
        found = sorted(p for p in path.parent.iterdir() if name.fullmatch(p.name))
    except OSError:
        return []
    return [copy for copy in found if sqlite_file.revision_of(copy) == revision]


def _target(to: str) -> str:
    return HEAD if to == "head" else to


def _refuse_unknown(current: str | None) -> None:
    if current is None:
        return
    from alembic.script import ScriptDirectory

    known = {revision.revision for revision in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
    if current not in known:
        raise DomainError(
            "This database was written by a newer Contact Desk. Update the app to open it."
        )


def _sqlite_upgrade_engine(path: Path, create: bool) -> Engine:
    """One connection outside SQLAlchemy's transaction handling, so that BEGIN IMMEDIATE
    and COMMIT are the desk's own; foreign keys are checked once, at the end."""
    mode = "rwc" if create else "rw"
    engine = create_engine(
        URL.create("sqlite", database=str(path)),
        creator=lambda: sqlite_file.connect(path, mode, timeout=UPGRADE_WAIT_S),
        poolclass=NullPool, isolation_level="AUTOCOMMIT",
    )

    @event.listens_for(engine, "connect")
    def _settings(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    return engine


def _busy_or(error: DBAPIError, path: Path | str) -> DomainError:
    if "locked" in str(error.orig) or "lock timeout" in str(error.orig):
        return DomainError(
            f"Another desk has been updating {path} for over {UPGRADE_WAIT_S // 60} minutes; "
            "try again when it has finished."
        )
    return DomainError(f"{path} cannot be opened (SQLite said: {error.orig}).")
