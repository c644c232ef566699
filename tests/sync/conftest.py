"""What the sync tests share: DMS export files written for real, and the customer as stored."""

from __future__ import annotations

import csv
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from contact_desk.domain.actor import Actor
from contact_desk.services.customers import get_customer
from contact_desk.services.views import CustomerView
from contact_desk.store.database import Database, open_database
from contact_desk.sync.dms_csv import FIELDS
from tests.conftest import first_manager
from tests.services.conftest import (  # noqa: F401 - the service tests' fixtures, shared
    audit_trail,
    new_customer,
    refused,
    stored,
)

HEADER = FIELDS[:17]  # the default DMS columns, without the optional consent ones


def write_export(
    path: Path,
    rows: Iterable[dict[str, str]],
    header: Iterable[str] = HEADER,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    """A DMS export as the DMS writes it: a header, then one line per customer."""
    header = list(header)
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in header])
    return path


@pytest.fixture
def export(tmp_path: Path) -> Callable[..., Path]:
    """``export(rows, **options)``: write a DMS export file with a new name each time."""
    made = iter(range(1, 1000))

    def write(rows: Iterable[dict[str, str]], **options: Any) -> Path:
        return write_export(tmp_path / f"export-{next(made)}.csv", rows, **options)

    return write


@contextmanager
def open_copy_of(template: Path, path: Path) -> Iterator[tuple[Database, Actor]]:
    """A fresh SQLite desk at ``path`` and its first manager, closed afterwards."""
    shutil.copyfile(template, path)
    database = open_database(str(path))
    try:
        yield database, first_manager(database)
    finally:
        database.dispose()


@pytest.fixture
def desk(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite desk only, for the heavy tests that need no second database."""
    with open_copy_of(sqlite_template, tmp_path / "desk.sqlite3") as (database, _):
        yield database


@pytest.fixture
def desk_user(desk: Database) -> Actor:
    """The first manager of ``desk``, who may run the sync."""
    return first_manager(desk)


def customer(database: Database, number: str) -> CustomerView:
    return get_customer(database.unit_of_work(), number)


def points(view: CustomerView) -> list[tuple[str, str, str, bool]]:
    """(type, value, status, primary) of every phone and email, in the order they were added."""
    return [
        (point.type.name, point.value, point.status.name, point.is_primary)
        for point in (*view.phones, *view.emails)
    ]


def group_ends(group: int, within: float = 10) -> bool:
    """Whether every process of ``group`` is gone within ``within`` seconds (multiprocessing's
    resource tracker leaves a moment after the sync, when it sees the sync has gone)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False
