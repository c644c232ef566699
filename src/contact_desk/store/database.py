"""Opening a database: the URL, the engine settings, and migrating an older file safely."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from contact_desk.domain.errors import DomainError
from contact_desk.store.loading import build_missing_indexes
from contact_desk.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

APP_NAME = "ContactDesk"
ENV_DATABASE = "CONTACT_DESK_DATABASE"
_MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration. A database already there opens without loading Alembic at all,
# which is a third of the desk's start-up; a test checks this against the migrations.
HEAD = "0008"


def default_database_url() -> str:
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'contact-desk.sqlite3'}"


def resolve_database_url(given: str | None = None) -> str:
    """The URL given, else $CONTACT_DESK_DATABASE, else the embedded file; a bare path means SQLite."""
    url = given or os.environ.get(ENV_DATABASE) or default_database_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def create_db_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DomainError(f"{url!r} is not a database URL (e.g. sqlite:///desk.sqlite3).") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 15})
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(url, pool_pre_ping=True)


def _tune_sqlite(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@dataclass
class Database:
    """An open, migrated database: the engine and the sessions made from it."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.sessions)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None) -> Database:
    """Open (creating or migrating as needed) the database at ``url``."""
    url = resolve_database_url(url)
    engine = create_db_engine(url)
    try:
        backup = migrate(engine)
        build_missing_indexes(engine)
    except OperationalError as error:
        engine.dispose()
        raise DomainError(f"Cannot open the database {_safe(url)}: {error.orig}") from None
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(url=url, engine=engine, sessions=sessions, backup_path=backup)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(_MIGRATIONS)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, to: str = "head") -> Path | None:
    """Bring the schema up to ``to``; an existing SQLite file is copied aside first."""
    current = current_revision(engine)
    if current == (HEAD if to == "head" else to):
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(_MIGRATIONS))
    target = script.get_current_head() if to == "head" else to
    if current == target:
        return None
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DomainError(
            "This database was written by a newer Contact Desk. Update the app to open it."
        )
    backup = _backup_sqlite(engine, current) if current is not None else None
    command.upgrade(alembic_config(engine), to)
    return backup


def _backup_sqlite(engine: Engine, revision: str) -> Path | None:
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        if engine.dialect.name != "sqlite":
            log.warning("Migrating %s without a copy: back it up with its own tools.", engine.url)
        return None
    source = Path(engine.url.database)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.before-{revision}-{stamp}{source.suffix}")
    raw = engine.raw_connection()
    try:
        with sqlite3.connect(target) as copy:
            raw.driver_connection.backup(copy)
    finally:
        raw.close()
    log.info("Copied %s to %s before migrating it", source, target)
    return target


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
