"""A desk's SQLite file: what a path holds, asked of SQLite alone, and copies made by SQLite.

POSIX advisory locks belong to a process, not to a connection: if anything in the desk's
process opened and closed the database file (or its -wal or -shm) itself, SQLite's locks on
it would be gone and another process could write over pages this one is using (SQLite's
"How To Corrupt An SQLite Database File", 2.2). So nothing here opens those files but
SQLite: a path's contents are identified through a read-only SQLite connection, and a copy
is made with SQLite's backup API. SQLite shares one file descriptor between all of its
connections in a process, so closing one of them keeps the others' locks.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.request import pathname2url

from contact_desk.domain.errors import DomainError

log = logging.getLogger(__name__)

# PRAGMA application_id of every file the desk writes ("CDsk"): how it knows its own files.
APPLICATION_ID = 0x4344736B
# Files beside a database: SQLite's own, and the desk's lock (store/incoming_lock.py).
SIDE_FILES = ("-wal", "-shm", "-journal")
LOCK_SUFFIX = ".incoming-lock"
BESIDE = (*SIDE_FILES, LOCK_SUFFIX)
# A table every desk file has had since the first schema, and the migrations' own.
_DESK_TABLES = {"customer", "contact_point", "app_user"}
_ALEMBIC = "alembic_version"
_RESTORE = "Nothing was written to it."


@dataclass(frozen=True)
class SqliteFile:
    """What a path holds: nothing yet (``exists`` False: no file, or an empty one), or a
    desk database at schema ``revision``; ``has_desk_id`` when its PRAGMA application_id is
    the desk's already (files of desks before the id have 0, and get it on opening)."""

    path: Path
    exists: bool
    revision: str | None = None
    has_desk_id: bool = False

    @property
    def is_desk(self) -> bool:
        return self.revision is not None


def sqlite_uri(path: Path, mode: str) -> str:
    """``path`` as a SQLite URI, so that SQLite takes the name as it is (``?`` and ``%``
    included) and ``mode=rw`` never creates a file that is not there."""
    return f"file:{pathname2url(str(path))}?mode={mode}"


def connect(path: Path, mode: str = "rw", timeout: float = 15.0) -> sqlite3.Connection:
    return sqlite3.connect(sqlite_uri(path, mode), uri=True, timeout=timeout,
                           check_same_thread=False)


def side_files(path: Path) -> tuple[Path, ...]:
    """The database file and the files kept beside it (SQLite's, and the desk's lock)."""
    return (path, *(path.with_name(path.name + suffix) for suffix in BESIDE))


def examine(path: Path) -> SqliteFile:
    """What ``path`` holds; DomainError, by name, for anything the desk must not write into."""
    try:
        return _examine(path)
    except OSError as error:  # a folder on the way that may not be entered, a name too long
        raise DomainError(f"{path} cannot be reached: {error.strerror or error}.") from None


def _examine(path: Path) -> SqliteFile:
    beside = next((suffix for suffix in BESIDE if path.name.endswith(suffix)), None)
    if beside is not None:
        owner = path.with_name(path.name[:-len(beside)])
        raise DomainError(
            f"{path} is a file kept beside the database {owner}, not a database: name "
            f"{owner.name} itself."
        )
    if path.is_dir():
        raise DomainError(f"{path} is a folder, not a database file: name the file in it.")
    if not path.exists():
        if path.parent.exists() and not path.parent.is_dir():
            raise DomainError(f"{path.parent} is a file, not a folder, so {path} cannot exist.")
        return SqliteFile(path, exists=False)
    if not os.access(path, os.R_OK):
        raise DomainError(f"{path} cannot be read: this user has no permission to read it.")
    if path.stat().st_size == 0:
        return SqliteFile(path, exists=False)
    # Before SQLite looks: even a read-only connection writes a -shm beside a WAL database.
    if not os.access(path, os.W_OK):
        raise DomainError(
            f"{path} is read-only: Contact Desk needs to write to its database. Ask for write "
            "permission on it, or copy it somewhere you may write."
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise DomainError(
            f"The folder {path.parent} is read-only: SQLite needs to write its journal beside "
            "the database. Ask for write permission on the folder."
        )
    try:
        with closing(connect(path, "ro", timeout=5.0)) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if _ALEMBIC in tables:
                row = connection.execute(f"SELECT version_num FROM {_ALEMBIC}").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    if application_id not in (0, APPLICATION_ID):
        raise DomainError(
            f"{path} is the SQLite database of another application (its application id is "
            f"{application_id:#010x}), not a Contact Desk database. {_RESTORE}"
        )
    if not tables and application_id == 0:
        return SqliteFile(path, exists=False)  # SQLite's own empty file: no schema yet
    if not _DESK_TABLES <= tables or revision is None:
        shown = ", ".join(sorted(tables)[:4]) + (", …" if len(tables) > 4 else "")
        raise DomainError(
            f"{path} is a SQLite database of another application (its tables: {shown}), "
            f"not a Contact Desk database. {_RESTORE}"
        )
    return SqliteFile(path, exists=True, revision=revision,
                      has_desk_id=application_id == APPLICATION_ID)


def check_folder_for_new_file(path: Path, may_create_folder: bool) -> None:
    """Before a new database is created at ``path``: its folder is there and writable."""
    folder = path.parent
    if not folder.exists():
        if may_create_folder:
            folder.mkdir(parents=True, exist_ok=True)
            return
        raise DomainError(
            f"The folder {folder} does not exist. Contact Desk creates no folders: check the "
            "path, or create the folder first."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DomainError(f"The folder {folder} is read-only: a database cannot be created in it.")


def quick_check(connection: sqlite3.Connection, path: Path) -> None:
    """SQLite's quick check of the whole file; DomainError naming the damage when it fails."""
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            return  # stopped (Database.stop_checks): nothing was found, nothing is said
        raise _unreadable(path, error) from None
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None
    if problems != ["ok"]:
        log.error("SQLite's quick check of %s found:\n%s", path, "\n".join(problems))
        lines = [line for text in problems for line in text.splitlines()
                 if line.strip() and not line.startswith("***")]
        raise damaged(path, lines[0] if lines else problems[0].strip())


def damaged(path: Path, problem: str) -> DomainError:
    return DomainError(
        f"{path} is damaged (SQLite's check found: {problem}). {_RESTORE} Put back the "
        "newest backup of it, or ask your IT person to recover it."
    )


def backup(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of ``source``'s database at ``target``, made by SQLite; DomainError,
    and no half copy left, when it cannot be made (a full disk, a folder not writable)."""
    partial = target.with_name(target.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(sqlite_uri(partial, "rwc"), uri=True)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # a copy is one file, not three
        finally:
            copy.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        for left in side_files(partial):
            left.unlink(missing_ok=True)
        log.error("Copying the database to %s failed: %s", target, error)
        said = getattr(error, "strerror", None) or error
        raise DomainError(
            f"The copy of the database that is kept before changing it could not be written "
            f"to {target} ({said}); nothing was changed. Make room on that disk and try again."
        ) from None


def revision_of(path: Path) -> str | None:
    """The schema revision a desk file (a backup, say) is at; None when it is not one."""
    # Read-write where allowed: a read-only connection to a WAL file leaves a -wal and a
    # -shm behind it, which a read-write one removes as it closes.
    mode = "rw" if os.access(path, os.W_OK) else "ro"
    try:
        with closing(connect(path, mode, timeout=5.0)) as connection:
            row = connection.execute(f"SELECT version_num FROM {_ALEMBIC}").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> DomainError:
    text = str(error)
    if "not a database" in text:
        return DomainError(
            f"{path} is not a database: it is another kind of file (a text file, a picture, "
            f"a spreadsheet…). {_RESTORE}"
        )
    if "malformed" in text or "corrupt" in text.lower():
        return damaged(path, text)
    if "locked" in text:
        return DomainError(f"{path} is locked by another program right now; try again shortly.")
    journal = path.with_name(path.name + "-journal")
    if "readonly" in text and journal.exists():
        return DomainError(
            f"{path} has an unfinished write in {journal.name} beside it, which SQLite must "
            f"roll back first. If that file did not come from SQLite (an export saved under "
            f"that name, say), move it away; otherwise open {path.name} with the program "
            f"that wrote it. {_RESTORE}"
        )
    return DomainError(f"{path} cannot be opened as a database (SQLite said: {text}). {_RESTORE}")
