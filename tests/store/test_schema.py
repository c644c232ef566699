"""The migrations build exactly the tables the models describe, on SQLite and PostgreSQL:
a column, constraint or index written in one and not the other fails here; and what
migration 0007 gives the customers already stored."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import String, create_engine, text

from contact_desk.store import migrating, sqlite_file
from contact_desk.store.database import open_database
from contact_desk.store.models import Base


def test_the_migrated_schema_is_the_models_schema(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    if database.is_sqlite:
        # SQLite keeps any length in any text column, so 0008 widened them on PostgreSQL
        # only (rewriting SQLite's tables would copy every customer): lengths differ there.
        differences = [d for d in differences if not _only_a_text_length(d)]
    assert differences == []


def _only_a_text_length(difference: object) -> bool:
    changes = difference if isinstance(difference, list) else [difference]
    return all(change[0] == "modify_type" and isinstance(change[5], String)
               and isinstance(change[6], String) for change in changes)


def test_migrating_gives_each_customer_without_a_dms_number_a_card_uid(tmp_path):
    path = tmp_path / "at-0006.sqlite3"
    migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=False), to="0006")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        for number, first in (("C1", "Ann"), (None, "Bo"), (None, "Cy")):
            connection.execute(text(
                "INSERT INTO customer (customer_number, first_name, last_name, company, "
                "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
                "created_at, updated_at, version) VALUES (:number, :first, 'Lee', '', '', '', "
                "'', '', '', 'lee', '', '2026-01-01', '2026-01-01', 1)"),
                {"number": number, "first": first})
    engine.dispose()

    database = open_database(str(path))

    with database.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT c.first_name, u.uid FROM card_uid u JOIN customer c ON c.id = u.customer_id "
            "ORDER BY c.id")).all()
        assert connection.execute(text("SELECT card_types FROM contact_point")).all() == []
    database.dispose()
    assert [first for first, _ in rows] == ["Bo", "Cy"]
    assert all(uid.startswith("urn:uuid:") for _, uid in rows) and rows[0][1] != rows[1][1]
