"""A long run of batches (the DMS sync) on one connection, and a first load's search indexes
built once, at the end; on PostgreSQL the tables' statistics are read again when it ends.

A batch writes a row into each index of its table, at a random place in most of them. On a
big load that costs more than everything else the batch does: every commit writes again
each index page it touched, and an index far bigger than SQLite's page cache is read again
from the file batch after batch. So a load keeps one connection, with a page cache big
enough to hold what it reads and writes, and a first load (into a desk with no customers)
drops the indexes only searches read and builds each once when it ends, which is a sort.

The indexes that enforce a rule (one primary, a value once per customer, a customer
number once) stay, and so do those the load itself reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Index
from sqlalchemy.schema import CreateIndex, DropIndex

from contact_desk.store.base import Base
from contact_desk.store.changes import announcing_sessions
from contact_desk.store.unit_of_work import translate_database_errors

if TYPE_CHECKING:
    from contact_desk.store.database import Database

# Read by searching and listing only; tests/store/test_loading.py checks each name exists.
SEARCH_ONLY = frozenset({
    "ix_customer_list_order",
    "ix_contact_point_value",
    "ix_vehicle_vin",
    "ix_search_key_lookup",
})
_INDEX_NAMES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'index'",
    "postgresql": "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()",
}
_LOADED = ("customer", "contact_point", "vehicle", "search_key")
LOAD_CACHE_KIB = 256 * 1024  # SQLite's page cache while a load runs; given back when it ends


def search_only_indexes() -> list[Index]:
    import contact_desk.store.customer  # noqa: F401  (the tables, into Base.metadata)
    import contact_desk.store.sales  # noqa: F401
    import contact_desk.store.search_keys  # noqa: F401

    return sorted((index for table in Base.metadata.tables.values() for index in table.indexes
                   if index.name in SEARCH_ONLY), key=lambda index: str(index.name))


@contextmanager
def loading(database: Database, first_load: bool) -> Iterator[Database]:
    """``database`` with every unit of work on one connection (and on SQLite a big page
    cache); on a ``first_load`` the search-only indexes are dropped until the load ends.

    They are built again however it ends (done, failed, cancelled); a load killed outright
    leaves that to the next ``build_missing_indexes``, which opening the desk runs.
    """
    deferred = search_only_indexes() if first_load else []
    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
            connection.exec_driver_sql(f"PRAGMA cache_size=-{LOAD_CACHE_KIB}")
        connection.commit()  # each unit of work then begins and commits its own transaction
        held = replace(database, sessions=announcing_sessions(connection, not sqlite))
        try:
            _run_ddl(held, [DropIndex(index, if_exists=True) for index in deferred])
            yield held
        finally:
            connection.rollback()
            _run_ddl(held, [CreateIndex(index, if_not_exists=True) for index in deferred])
            if sqlite:
                connection.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")
                connection.commit()
            else:
                _analyze(connection)


def _analyze(connection: Connection) -> None:
    """PostgreSQL's statistics of the tables a load grows, read again: its planner chooses
    a search's plan by them, and autovacuum would take its time to notice. (SQLite's plans
    follow the statements' shapes; its statistics would move other queries' plans.)"""
    connection.exec_driver_sql("ANALYZE " + ", ".join(_LOADED))
    connection.commit()


def missing_indexes(engine: Engine) -> list[Index]:
    """The search-only indexes that are not there (a first load is running, or was killed)."""
    with engine.connect() as connection:
        return _missing(connection)


def build_missing_indexes(engine: Engine) -> None:
    """Build the search-only indexes a load killed outright left dropped (usually none)."""
    with engine.connect() as connection:
        for index in _missing(connection):
            connection.execute(CreateIndex(index, if_not_exists=True))
        connection.commit()


def _missing(connection: Connection) -> list[Index]:
    # One query of the database's own catalogue: opening the desk runs this every time.
    present = set(connection.exec_driver_sql(_INDEX_NAMES[connection.dialect.name]).scalars())
    return [index for index in search_only_indexes() if index.name not in present]


def _run_ddl(database: Database, statements: list[DropIndex | CreateIndex]) -> None:
    if not statements:
        return
    with database.unit_of_work() as uow:
        with translate_database_errors(uow.session):
            for statement in statements:
                uow.session.execute(statement)
        uow.commit()
