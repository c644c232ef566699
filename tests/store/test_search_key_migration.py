"""Migration 0017 files the customers already stored under their search keys (names, number,
phones, emails, VINs), and its downgrade puts back the indexes search read before."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from contact_desk.services.customers import create_customer, search_customers
from contact_desk.store import migrating, sqlite_file
from contact_desk.store.database import open_database
from tests.conftest import first_manager

BEFORE = "0015"
OLD_INDEXES = {"ix_customer_name_key_last_name_key", "ix_customer_company_key",
               "ix_contact_point_digits", "ix_contact_point_local_digits",
               "ix_vehicle_vin_reversed"}


def _old_desk_file(path) -> None:
    migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=False), to=BEFORE)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        for number, first, last, company in (("C100001", "José", "Muñoz", ""),
                                             ("C100002", "Pat", "O'Brien-Smith", "Lakeside Motors")):
            connection.execute(text(
                "INSERT INTO customer (customer_number, first_name, last_name, company, "
                "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
                "created_at, updated_at, version) VALUES (:number, :first, :last, :company, '', "
                "'', '', '', lower(:first || ' ' || :last), lower(:last), lower(:company), "
                "'2026-01-01', '2026-01-01', 1)"),
                {"number": number, "first": first, "last": last, "company": company})
        connection.execute(text(
            "INSERT INTO contact_point (customer_id, kind, type, value, extension, display, "
            "digits, local_digits, status, status_date, is_primary, can_receive_texts, "
            "card_types, created_at, version) VALUES (1, 'PHONE', 'DMS_CELL', '+12125550142', "
            "'', '(212) 555-0142', '2125550142', '5550142', 'ACTIVE', '2026-01-01', 1, 1, '', "
            "'2026-01-01', 1), (2, 'EMAIL', 'DMS_EMAIL', 'pat@fleetco.com', '', "
            "'pat@fleetco.com', '', '', 'ACTIVE', '2026-01-01', 1, 0, '', '2026-01-01', 1)"))
        connection.execute(text(
            "INSERT INTO vehicle (customer_id, vin, vin_reversed, year, make, model, source, "
            "owned, created_at, version) VALUES (2, '1HGCM82633A004352', '253400A33628MCGH1', "
            "2003, 'Honda', 'Accord', 'DMS', 1, '2026-01-01', 1)"))
    engine.dispose()


def _numbers(database, query: str) -> list[str]:
    return [hit.customer_number for hit in search_customers(database.unit_of_work(), query)]


def test_the_customers_stored_before_are_found_by_every_key(tmp_path):
    path = tmp_path / "at-0015.sqlite3"
    _old_desk_file(path)

    database = open_database(str(path))
    try:
        found = {query: _numbers(database, query) for query in (
            "munoz", "jose", "smith", "obrien", "motors", "0142", "(212) 555", "555 01",
            "fleetco", "100002", "004352", "1hgcm")}
    finally:
        database.dispose()

    assert found == {"munoz": ["C100001"], "jose": ["C100001"], "smith": ["C100002"],
                     "obrien": ["C100002"], "motors": ["C100002"], "0142": ["C100001"],
                     "(212) 555": ["C100001"], "555 01": ["C100001"],
                     "fleetco": ["C100002"], "100002": ["C100002"], "004352": ["C100002"],
                     "1hgcm": ["C100002"]}


def test_the_downgrade_gives_the_old_indexes_back_and_the_upgrade_again_the_keys(
        tmp_path, database_url):
    if database_url.startswith("sqlite"):
        path = tmp_path / "at-0015.sqlite3"
        _old_desk_file(path)
        open_database(str(path)).dispose()
        database_url = f"sqlite:///{path}"
    else:
        database = open_database(database_url)
        create_customer(database.unit_of_work(), first_manager(database), first_name="José",
                        last_name="Muñoz", customer_number="C100001")
        database.dispose()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(migrating.alembic_config(connection), BEFORE)
    with engine.connect() as connection:
        found = inspect(connection)
        tables = set(found.get_table_names())
        indexes = {index["name"] for table in ("customer", "contact_point", "vehicle")
                   for index in found.get_indexes(table)}
    assert "search_key" not in tables and OLD_INDEXES <= indexes
    with engine.begin() as connection:
        command.upgrade(migrating.alembic_config(connection), migrating.HEAD)
    engine.dispose()
    database = open_database(database_url)
    try:
        with database.engine.connect() as connection:
            indexes = {index["name"] for table in ("customer", "contact_point", "vehicle")
                       for index in inspect(connection).get_indexes(table)}
        assert not OLD_INDEXES & indexes
        assert _numbers(database, "munoz") == ["C100001"]  # filed again by the upgrade
    finally:
        database.dispose()
