"""A long load on one connection, and a first load's search indexes built once at its end."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from contact_desk.store.customer import Customer
from contact_desk.store.database import Database, open_database
from contact_desk.store.loading import (
    LOAD_CACHE_KIB,
    SEARCH_ONLY,
    loading,
    search_only_indexes,
)

SQLITE_DEFAULT_CACHE = -2000


class Stop(Exception):
    """A load that fails, or is cancelled, half-way."""


def search_indexes(database: Database) -> dict[str, str]:
    """The search-only indexes the database has now, each with its definition."""
    query = {
        "sqlite": "SELECT name, sql FROM sqlite_master WHERE type = 'index'",
        "postgresql": "SELECT indexname, indexdef FROM pg_indexes "
                      "WHERE schemaname = current_schema()",
    }[database.engine.dialect.name]
    with database.engine.connect() as connection:
        return {name: sql for name, sql in connection.exec_driver_sql(query)
                if name in SEARCH_ONLY}


def add_customer(database: Database, number: str, commit: bool = True) -> None:
    with database.unit_of_work() as uow:
        uow.session.add(Customer(customer_number=number, first_name="Ann", last_name="Lee"))
        if commit:
            uow.commit()


def numbers(database: Database) -> list[str]:
    with database.engine.connect() as connection:
        return list(connection.execute(text("SELECT customer_number FROM customer")).scalars())


def test_they_are_indexes_of_the_models_and_none_enforces_a_rule():
    found = search_only_indexes()

    assert {index.name for index in found} == SEARCH_ONLY
    assert not any(index.unique for index in found)


def test_a_first_load_drops_them_until_it_ends_then_builds_them_as_migrated(database):
    migrated = search_indexes(database)
    assert set(migrated) == SEARCH_ONLY

    with loading(database, first_load=True) as held:
        add_customer(held, "C1")
        during = search_indexes(database)

    assert during == {}
    assert search_indexes(database) == migrated


def test_a_load_that_fails_or_is_cancelled_builds_them_all_the_same(database):
    migrated = search_indexes(database)

    with pytest.raises(Stop), loading(database, first_load=True) as held:
        add_customer(held, "C1")
        raise Stop()

    assert search_indexes(database) == migrated
    assert numbers(database) == ["C1"]  # what was committed before the failure stays


def test_a_load_into_a_desk_in_use_keeps_them(database):
    migrated = search_indexes(database)

    with loading(database, first_load=False) as held:
        add_customer(held, "C1")
        assert search_indexes(database) == migrated


def test_each_unit_of_work_of_a_load_commits_or_rolls_back_on_its_own(database):
    with loading(database, first_load=False) as held:
        add_customer(held, "C1")
        add_customer(held, "C2", commit=False)
        add_customer(held, "C3")
        seen_elsewhere = numbers(database)

    assert sorted(seen_elsewhere) == ["C1", "C3"]


def test_sqlite_gets_a_big_page_cache_while_loading_and_gives_it_back(tmp_path):
    database = open_database(str(tmp_path / "desk.sqlite3"), create=True)
    try:
        with loading(database, first_load=False) as held, held.unit_of_work() as uow:
            during = uow.session.execute(text("PRAGMA cache_size")).scalar()
        with database.engine.connect() as connection:  # the pool's one connection, back
            after = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    finally:
        database.dispose()

    assert during == -LOAD_CACHE_KIB
    assert after == SQLITE_DEFAULT_CACHE


def test_opening_the_desk_builds_what_a_load_killed_outright_left_dropped(database_url):
    database = open_database(database_url)
    migrated = search_indexes(database)
    with database.engine.begin() as connection:  # as a first load leaves them when killed
        for name in ("ix_contact_point_value", "ix_customer_list_order"):
            connection.exec_driver_sql(f"DROP INDEX {name}")
    assert set(search_indexes(database)) == SEARCH_ONLY - {
        "ix_contact_point_value", "ix_customer_list_order"}
    database.dispose()

    reopened = open_database(database_url)
    try:
        assert search_indexes(reopened) == migrated
    finally:
        reopened.dispose()
