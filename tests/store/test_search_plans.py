"""On PostgreSQL under a language's collation (a database made as most servers make them,
not the C locale the test server uses), search's columns compare by code point, so every
statement a search runs reads an index: none reads a whole table. The DMS sync's end reads
the tables' statistics again."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, event, text

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.search_terms import search_query
from contact_desk.store.bulk import insert_rows
from contact_desk.store.customer import Customer, search_keys
from contact_desk.store.database import open_database
from contact_desk.store.loading import loading
from contact_desk.store.search import count_matching, search_customer_ids
from contact_desk.store.search_keys import SearchKeyRow, key_rows
from tests.conftest import _drop_database, _with_database

CUSTOMERS = 20_000
FIRST = ["Ann", "Bob", "Cy", "Dee", "Eve", "Lee", "Mary Ann", "José", "Zoë", "Al"]
LAST = ["Lee", "Leeds", "Muñoz", "O'Brien-Smith", "Stone", "Young", "Adams", "Ng", "Öztürk"]


def _collation_clause(admin) -> str:  # noqa: ANN001 - an engine
    """ICU's American English where the server has ICU, else the C library's C.UTF-8 (which
    PostgreSQL does not take for the C locale either: its LIKE cannot use a plain index)."""
    with admin.connect() as connection:
        icu = connection.execute(text(
            "SELECT count(*) FROM pg_collation WHERE collprovider = 'i'")).scalar()
    if icu:
        return "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
    return "LOCALE 'C.UTF-8'"


@pytest.fixture
def language_database(postgres_admin_url) -> Iterator:
    name = "desk_language_collation"
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING '
                                f"'UTF8' {_collation_clause(admin)}"))
    admin.dispose()
    database = open_database(_with_database(postgres_admin_url, name), create=True)
    try:
        yield database
    finally:
        database.dispose()
        _drop_database(postgres_admin_url, name)


def _fill(database) -> None:  # noqa: ANN001
    draw = random.Random(5)
    with loading(database, first_load=False) as held, held.unit_of_work() as uow:
        session = uow.session
        customers = []
        for n in range(CUSTOMERS):
            first, last = draw.choice(FIRST), draw.choice(LAST)
            customers.append({"id": n + 1, "customer_number": f"C{100000 + n}",
                              "first_name": first, "last_name": last, "company": "",
                              **search_keys(first, last, "")})
        insert_rows(session, Customer.__table__, customers)
        insert_rows(session, SearchKeyRow.__table__, [
            key for customer in customers for key in key_rows(
                customer["id"], customer,
                [(ContactKind.PHONE, f"+1212555{customer['id']:04d}", f"555{customer['id']:04d}"),
                 (ContactKind.EMAIL, f"{customer['first_name'][0]}{customer['id']}@fleetco.com",
                  "")], [])])
        uow.commit()  # the load's end reads the statistics again (ANALYZE)


def test_the_search_columns_compare_by_code_point(language_database):
    with language_database.engine.connect() as connection:
        default = connection.execute(text(
            "SELECT datcollate, datlocprovider FROM pg_database "
            "WHERE datname = current_database()")).one()
        columns = dict(connection.execute(text(
            "SELECT table_name || '.' || column_name, collation_name "
            "FROM information_schema.columns WHERE (table_name, column_name) IN "
            "(('search_key', 'key'), ('search_key', 'list_key'), "
            "('customer', 'last_name_key'), ('customer', 'name_key'))")).all())
    assert default != ("C", "c")
    assert columns == {"search_key.key": "C", "search_key.list_key": "C",
                       "customer.last_name_key": "C", "customer.name_key": "C"}


def test_every_statement_a_search_runs_reads_an_index(language_database):
    database = language_database
    _fill(database)
    with database.engine.connect() as connection:
        analyzed = connection.execute(text(
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'search_key' "
            "AND last_analyze IS NOT NULL")).scalar()
    assert analyzed == 1
    statements: list[tuple[str, object]] = []

    def run(_connection, _cursor, statement, parameters, *_) -> None:  # noqa: ANN001
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", run)
    results = {}
    with database.sessions() as session:
        for query in ("lee", "a", "muñoz", "obrien", "ann lee", "212 555", "0142", "fleetco",
                      "c1000", "zoe oz", ""):
            wanted = search_query(query, 1)
            first = search_customer_ids(session, wanted, 100)
            second = search_customer_ids(session, wanted, 100, after=first[-1])
            search_customer_ids(session, wanted, 100, backwards=True)
            results[query] = (first, second, count_matching(session, wanted))
    event.remove(database.engine, "before_cursor_execute", run)
    assert all(first for first, _, _ in results.values()), results
    assert len(statements) > 50
    with database.engine.connect() as connection:
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = "\n".join(connection.exec_driver_sql("EXPLAIN " + statement,
                                                        parameters).scalars())
            assert "Seq Scan on search_key" not in plan, (statement, plan)
            if "FROM customer" in statement and "count(*)" not in statement:
                assert "Seq Scan on customer" not in plan, (statement, plan)
