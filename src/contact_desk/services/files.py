"""Files in and out of the desk: never the database, and an output whole or not at all.

Reading the database file (or its -wal, -shm or -journal) with anything but SQLite would
drop SQLite's locks on it in this process (see store/sqlite_file.py), so such a path is
refused as an input before it is opened. An output is checked before the command changes
anything: it may not be the database, nor one of the command's own inputs, and its folder
must be writable. It is then written to a temporary file beside it and renamed into place,
so a reader never sees half of it and a failure leaves the old file as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from contact_desk.domain.errors import InvalidValue
from contact_desk.store.database import Database
from contact_desk.store.location import full_path
from contact_desk.sync.encodings import read_errors
from contact_desk.store.sqlite_file import SIDE_FILES, side_files


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file: by the file itself where both exist (links, other
    spellings), else by the real folder and the name with case folded (macOS and Windows
    do not tell ``Desk.db-WAL`` from ``desk.db-wal``; on Linux folding refuses a little
    more than it must, never less)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return _spelled(one) == _spelled(other)


def _spelled(path: Path) -> tuple[str, str]:
    full = Path(os.path.abspath(path))
    return os.path.normcase(os.path.realpath(full.parent)), full.name.casefold()


def is_database_file(database: Database, path: Path) -> bool:
    """Whether ``path`` is the database or a file kept beside it, there now or not yet."""
    if database.path is None:
        return False
    return any(same_file(path, own) for own in side_files(database.path))


def refuse_database_file(database: Database, path: Path) -> None:
    """InvalidValue when ``path`` is the desk's own database or a file SQLite keeps beside it."""
    if is_database_file(database, path):
        raise InvalidValue(
            f"{path} is the desk's own database, not a file to import: choose the file that "
            "was exported or sent to you."
        )


def read_input(database: Database, path: Path, limit: int) -> bytes:
    """The bytes of a small file chosen by a person (a document), at most ``limit`` of them;
    refused when it is the database, a folder or unreadable."""
    path = Path(path)
    refuse_database_file(database, path)
    with read_errors(path):
        refuse_not_a_file(path)
        with path.open("rb") as file:
            return file.read(limit)


def refuse_not_a_file(path: Path) -> None:
    """InvalidValue for a folder, a pipe, a device or a socket given as a file to read: the
    one would fail, the others could keep the command waiting for ever."""
    if path.is_dir():
        raise InvalidValue(f"{path} is a folder: choose a file in it.")
    if path.exists() and not path.is_file():
        raise InvalidValue(f"{path} is not a file (a pipe or a device): choose a file.")


@dataclass(frozen=True)
class OutputFile:
    """A path checked to be a safe place for a command's output (see ``check_output``)."""

    path: Path

    @contextmanager
    def open(self, encoding: str = "utf-8", newline: str = "") -> Iterator[IO[str]]:
        """Write the output; it replaces ``path`` only when the block ends without an error."""
        handle, partial = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".partial",
                                           dir=self.path.parent)
        try:
            # mkstemp's file is the owner's alone: the output gets the mode the file it
            # replaces had, else the one any new file of this user gets.
            os.chmod(partial, _mode_for(self.path))
            with os.fdopen(handle, "w", encoding=encoding, newline=newline) as file:
                yield file
            os.replace(partial, self.path)
        except OSError as error:
            raise InvalidValue(
                f"{self.path} cannot be written: {error.strerror or error}. Nothing was "
                "replaced."
            ) from None
        finally:
            if os.path.exists(partial):
                os.unlink(partial)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0o22)  # reading the umask means setting it: put straight back
        os.umask(mask)
        return 0o666 & ~mask


def check_output(database: Database, path: Path, inputs: Iterable[Path | None] = ()) -> OutputFile:
    """``path`` as an output of a command reading ``inputs``; InvalidValue, before anything
    changes, when writing it would replace the database or an input, or cannot be done."""
    path = full_path(path)
    try:
        _check_output(database, path, inputs)
    except OSError as error:  # a name too long, a folder on the way that may not be entered
        raise InvalidValue(f"{path} cannot be written: {error.strerror or error}.") from None
    return OutputFile(path)


def _check_output(database: Database, path: Path, inputs: Iterable[Path | None]) -> None:
    if is_database_file(database, path):
        raise InvalidValue(f"{path} is the desk's database: an output cannot replace it. "
                           "Choose another file name.")
    beside = next((suffix for suffix in SIDE_FILES if path.name.endswith(suffix)), None)
    if beside is not None and path.with_name(path.name[:-len(beside)]).exists():
        # SQLite would take such a file for its own and replay it into that database.
        raise InvalidValue(f"{path} would be taken by SQLite for part of the database "
                           f"{path.name[:-len(beside)]} beside it. Choose another file name.")
    for given in inputs:
        if given is not None and same_file(path, Path(given)):
            raise InvalidValue(f"{path} is also what this command reads: writing it would "
                               "replace that file. Choose another file name.")
    folder = path.parent
    if path.is_dir():
        raise InvalidValue(f"{path} is a folder: give a file name in it.")
    if path.exists() and not path.is_file():  # the temporary file renamed onto it replaces it
        raise InvalidValue(f"{path} is not a file but a device or a pipe: an output cannot "
                           "replace it. Give a file name.")
    if not folder.is_dir():
        raise InvalidValue(f"{path} cannot be written: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvalidValue(f"{path} cannot be written: the folder {folder} is read-only.")
    if path.exists() and not os.access(path, os.W_OK):
        raise InvalidValue(f"{path} cannot be written: the file is read-only.")
