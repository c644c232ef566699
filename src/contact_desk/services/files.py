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
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from contact_desk.domain.errors import InvalidValue
from contact_desk.store.database import Database
from contact_desk.store.sqlite_file import side_files


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file: by the file itself where both exist (links, other
    spellings), else by the path as the system compares names."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.normcase(os.path.abspath(one)) == os.path.normcase(os.path.abspath(other))


def is_database_file(database: Database, path: Path) -> bool:
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
    try:
        if path.is_dir():
            raise InvalidValue(f"{path} is a folder: choose a file in it.")
        with path.open("rb") as file:
            return file.read(limit)
    except OSError as error:
        raise InvalidValue(f"{path.name} cannot be read: {error.strerror or error}.") from None


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


def check_output(database: Database, path: Path, inputs: Iterable[Path | None] = ()) -> OutputFile:
    """``path`` as an output of a command reading ``inputs``; InvalidValue, before anything
    changes, when writing it would replace the database or an input, or cannot be done."""
    path = Path(os.path.abspath(Path(path).expanduser()))
    if is_database_file(database, path):
        raise InvalidValue(f"{path} is the desk's database: an output cannot replace it. "
                           "Choose another file name.")
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
    return OutputFile(path)
