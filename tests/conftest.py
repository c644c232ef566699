"""Test fixtures: every store and service test runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.os_login import os_login
from contact_desk.services import sign_in, users
from contact_desk.store.database import Database, open_database

# keychain is autouse: no test may read or write the keychain of the machine it runs on.
from tests.mail_server import keychain, mail_server  # noqa: F401 - fixtures for every test
from tests.postgres_server import PostgresUnavailable, ThrowawayPostgres

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ENV_POSTGRES = "CONTACT_DESK_TEST_POSTGRES"  # an admin URL of a server to use instead
ENV_SKIP_POSTGRES = "CONTACT_DESK_SKIP_POSTGRES"
TEMPLATE = "contact_desk_template"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """An admin URL of a PostgreSQL server holding a migrated template database."""
    if os.environ.get(ENV_SKIP_POSTGRES) == "1":
        pytest.skip(f"{ENV_SKIP_POSTGRES}=1: PostgreSQL runs were turned off by hand")
    server = None
    url = os.environ.get(ENV_POSTGRES)
    if not url:
        server = ThrowawayPostgres()
        try:
            server.start()
        except PostgresUnavailable as error:
            pytest.fail(
                f"Could not start the throwaway PostgreSQL server ({error}). Install "
                f"PostgreSQL, give {ENV_POSTGRES}, or set {ENV_SKIP_POSTGRES}=1.",
                pytrace=False,
            )
        url = server.url()
    _create_database(url, TEMPLATE)
    template = open_database(_with_database(url, TEMPLATE), create=True)
    template.dispose()
    try:
        yield url
    finally:
        if server is not None:
            server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(str(path), create=True).dispose()
    return path


def _with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def _create_database(admin_url: str, name: str, template: str | None = None) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        suffix = f' TEMPLATE "{template}"' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
    engine.dispose()


def _drop_database(admin_url: str, name: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, empty database: a SQLite file, or a PostgreSQL database."""
    yield from fresh_database_url(request, tmp_path)


def fresh_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh database of the kind ``request.param`` names (sqlite, postgresql),
    for a fixture parametrized like ``database_url``; dropped after."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "desk.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    with new_server_database(request.getfixturevalue("postgres_admin_url")) as url:
        yield url


@contextmanager
def new_server_database(admin: str) -> Iterator[str]:
    """A fresh, migrated, empty database on the test's PostgreSQL server, dropped after."""
    name = f"desk_{os.getpid()}_{next(_names)}"
    _create_database(admin, name, template=TEMPLATE)
    try:
        yield _with_database(admin, name)
    finally:
        _drop_database(admin, name)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    try:
        yield db
    finally:
        db.dispose()


def first_manager(database: Database) -> Actor:
    """The manager a new database makes of the computer login creating it (the one running
    the tests): they may do everything, and act from that login without a PIN."""
    return sign_in.act_as(database.unit_of_work(), None, os_login())


@pytest.fixture
def manager(database: Database) -> Actor:
    """Someone allowed to do everything: the database's first manager."""
    return first_manager(database)


@pytest.fixture
def clerk(database: Database, manager: Actor) -> Actor:
    """A desk clerk who may edit customers and nothing more."""
    uow = database.unit_of_work()
    users.create_user(uow, manager, "clerk", "Casey Clerk", [Permission.EDIT_CUSTOMERS])
    return users.actor_for(uow, "clerk")


@pytest.fixture
def read_only() -> Iterator[Callable[[Path], None]]:
    """``read_only(path)``: a file nobody may write, root included (chattr +i, as a plain
    chmod does not stop root); undone afterwards so tmp_path can be cleaned."""
    made: list[Path] = []

    def make(path: Path) -> None:
        path.chmod(0o444)
        if os.geteuid() == 0:
            subprocess.run(["chattr", "+i", str(path)], check=True)
        made.append(path)

    yield make
    for path in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        path.chmod(0o644)
