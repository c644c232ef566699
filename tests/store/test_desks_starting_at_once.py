"""Four desks starting at once on a new, empty database: one creates it and makes its first
manager, the others wait for it and find it made (four real processes, as on the floor on
Monday morning). Before the upgrade lock, 9 of 20 PostgreSQL starts failed."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from contact_desk.os_login import os_login
from contact_desk.store.database import open_database
from contact_desk.store.location import locate_database
from contact_desk.store.users import User
from tests.conftest import _create_database, _drop_database, _with_database

DESKS = 4
ROUNDS = 3


def start_at_once(url: str) -> list[subprocess.CompletedProcess[str]]:
    env = {key: value for key, value in os.environ.items() if key != "CONTACT_DESK_USER"}
    started = [subprocess.Popen([sys.executable, "-m", "contact_desk", "--database", url,
                                 "init"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env)
               for _ in range(DESKS)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=120), *p.communicate())
            for p in started]


def check_one_made_it(url: str, shown: str) -> None:
    results = start_at_once(url)
    assert [r.returncode for r in results] == [0] * DESKS, [r.stderr for r in results]
    said = sorted(r.stdout.strip() for r in results)
    assert said.count(f"Created a new Contact Desk database at {shown}.") == 1, said
    assert said.count(f"{shown} is already a Contact Desk database; it was left as it "
                      "is.") == DESKS - 1, said
    assert not any(r.stderr.strip() for r in results)
    database = open_database(url)
    try:
        with database.sessions() as session:
            # One first manager (this login), as when one desk starts alone.
            assert session.scalars(select(User.os_login).where(User.active)).all() == [
                os_login()]
    finally:
        database.dispose()


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_four_desks_start_at_once_on_a_new_sqlite_file(tmp_path: Path, round_: int):
    path = tmp_path / "desk.sqlite3"
    check_one_made_it(str(path), str(path))


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_four_desks_start_at_once_on_an_empty_postgresql_database(postgres_admin_url: str,
                                                                  round_: int):
    name = f"empty_{uuid.uuid4().hex[:12]}"
    _create_database(postgres_admin_url, name)
    url = _with_database(postgres_admin_url, name)
    try:
        check_one_made_it(url, locate_database(url).shown)
    finally:
        _drop_database(postgres_admin_url, name)

