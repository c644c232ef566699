"""The door every file coming into the desk goes through: never the database itself, and one
run at a time per database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from contact_desk.domain.actor import Actor
from contact_desk.domain.incoming import IncomingKind
from contact_desk.services.files import refuse_database_file, refuse_not_a_file
from contact_desk.store.database import Database
from contact_desk.store.incoming_lock import one_at_a_time


@contextmanager
def incoming_run(database: Database, actor: Actor, kind: IncomingKind, path: Path,
                 *more: Path | None, writes: bool = True) -> Iterator[None]:
    """Refuse the database's own files, folders and pipes as inputs, before anything opens
    them; then, for a run that ``writes``, hold the database's incoming lock while the
    block runs."""
    for given in (path, *more):
        if given is not None:
            refuse_database_file(database, Path(given))
            refuse_not_a_file(Path(given))
    if not writes:
        yield
        return
    with one_at_a_time(database, actor, kind, Path(path).name):
        yield
