"""Where the database is: a SQLite file (a path, never parsed as a URL) or a PostgreSQL server.

`--database` takes what a person types: a file path, ``sqlite:///PATH`` (the PATH taken as
it is: a ``?`` or ``%41`` in it is part of the name), or a ``postgresql://`` URL. Anything
else is refused by name before any file or server is touched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from contact_desk.domain.errors import DomainError

APP_NAME = "ContactDesk"
ENV_DATABASE = "CONTACT_DESK_DATABASE"
DEFAULT_FILE_NAME = "contact-desk.sqlite3"
SQLITE_PREFIX = "sqlite:///"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_IN_MEMORY = {"sqlite://", "sqlite:///", "sqlite:///:memory:", ":memory:"}
_GIVE = "give a file path (such as desk.sqlite3) or a postgresql:// server URL"


class NoDatabase(DomainError):
    """The location holds no Contact Desk database yet; only a person's ``init`` makes one."""

    def __init__(self, location: DatabaseLocation) -> None:
        shown = location.shown
        quoted = f'"{shown}"' if any(c in shown for c in " '\"&;$?*[]()") else shown
        super().__init__(
            f"No Contact Desk database at {shown}: create one with "
            f"contact-desk --database {quoted} init"
        )
        self.location = location


@dataclass(frozen=True)
class DatabaseLocation:
    """A SQLite file (``path``) or a server (``server_url``); exactly one of them is set.

    ``is_default`` marks the desk's own file in the user data folder, the one place where
    the desk creates a database (and its folder) without being asked.
    """

    path: Path | None = None
    server_url: URL | None = None
    is_default: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def shown(self) -> str:
        """The file, or the server URL without its password: for messages and the window."""
        if self.path is not None:
            return str(self.path)
        assert self.server_url is not None
        return self.server_url.render_as_string(hide_password=True)


def default_location() -> DatabaseLocation:
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return DatabaseLocation(path=folder / DEFAULT_FILE_NAME, is_default=True)


def locate_database(given: str | None = None,
                    environ: Mapping[str, str] | None = None) -> DatabaseLocation:
    """What ``--database`` (else $CONTACT_DESK_DATABASE, else the default file) names.

    An empty value is a mistake, not a request for the default: a script that meant to name
    a database and named none must not sync into the desk's own file.
    """
    environ = os.environ if environ is None else environ
    if given is None:
        if ENV_DATABASE not in environ:
            return default_location()
        given, source = environ[ENV_DATABASE], f"${ENV_DATABASE}"
    else:
        source = "--database"
    text = given.strip()
    if not text:
        raise DomainError(f"{source} is empty: {_GIVE}.")
    if text in _IN_MEMORY:
        raise DomainError(
            f"{text} is a database in memory, which keeps nothing once the command ends: {_GIVE}."
        )
    if text.startswith(SQLITE_PREFIX):
        return _file(text[len(SQLITE_PREFIX):], given)
    if "://" not in text:
        return _file(given, given)
    scheme = _SCHEME.match(text)
    name = scheme.group(1).lower() if scheme else text.split("://", 1)[0]
    if name.split("+", 1)[0] in {"postgresql", "postgres"}:
        return DatabaseLocation(server_url=_server_url(text))
    raise DomainError(f"{name}:// is not a database Contact Desk can use: {_GIVE}.")


def full_path(given: str | os.PathLike[str]) -> Path:
    """The absolute path a person typed (``~`` and ``~login`` expanded); DomainError, by
    name, for a ``~login`` that is nobody on this computer."""
    try:
        return Path(os.path.abspath(Path(given).expanduser()))
    except RuntimeError:  # Path.expanduser: the home folder of an unknown login
        first = Path(given).parts[0]
        raise DomainError(f"{given}: there is no user {first[1:]!r} on this computer, so "
                          f"{first} is no folder.") from None


def _file(path_text: str, given: str) -> DatabaseLocation:
    if not path_text.strip():
        raise DomainError(f"{given!r} names no file: {_GIVE}.")
    path = full_path(path_text)
    default = default_location()
    return DatabaseLocation(path=path, is_default=path == default.path)


def _server_url(text: str) -> URL:
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        # Not echoed: the text may hold a password.
        raise DomainError("The server URL cannot be read: write it as postgresql://USER:"
                          "PASSWORD@HOST:PORT/DATABASE, the port a number.") from None
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    if url.port is not None and not 1 <= url.port <= 65535:
        raise DomainError(f"{url.render_as_string(hide_password=True)} has port {url.port}: "
                          "a port is a number from 1 to 65535.")
    if not url.database:
        raise DomainError(
            f"{url.render_as_string(hide_password=True)} names no database on the server: "
            "add /DATABASE at its end."
        )
    return url
