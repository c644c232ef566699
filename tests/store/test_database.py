from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from contact_desk.domain.errors import DomainError
from contact_desk.store.database import (
    create_db_engine,
    HEAD,
    current_revision,
    head_revision,
    migrate,
    open_database,
    resolve_database_url,
)


def test_a_new_database_is_migrated_to_the_newest_schema(database):
    assert current_revision(database.engine) == head_revision()
    assert database.backup_path is None


def test_the_head_the_desk_opens_without_alembic_is_the_newest_migration():
    assert HEAD == head_revision()


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(tmp_path):
    db = open_database(str(tmp_path / "desk.sqlite3"))
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


def test_an_older_database_is_copied_aside_then_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_db_engine(f"sqlite:///{path}")
    migrate(engine, to="0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customer (customer_number, first_name, last_name, company, "
                "address_line1, city, state, postal_code, name_key, last_name_key, "
                "company_key, created_at, updated_at, version) VALUES ('C1', 'Ann', 'Lee', '', "
                "'', '', '', '', 'ann lee', 'lee', '', '2026-01-01', '2026-01-01', 1)"
            )
        )
    engine.dispose()

    db = open_database(str(path))

    assert current_revision(db.engine) == head_revision()
    assert db.backup_path is not None and db.backup_path.exists()
    with sqlite3.connect(db.backup_path) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT customer_number FROM customer").fetchall() == [("C1",)]
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT customer_number FROM customer")).scalar() == "C1"
    db.dispose()


def test_a_database_from_a_newer_app_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DomainError, match="newer Contact Desk"):
        open_database(str(path))


def test_a_bare_path_means_an_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.delenv("CONTACT_DESK_DATABASE", raising=False)
    assert resolve_database_url(str(tmp_path / "x.sqlite3")) == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    monkeypatch.setenv("CONTACT_DESK_DATABASE", "postgresql://desk@db/contacts")
    assert resolve_database_url() == "postgresql://desk@db/contacts"


def test_an_unusable_url_is_a_clear_error():
    with pytest.raises(DomainError, match="not a database URL"):
        open_database("no such scheme://x")


def _insert_ann(connection: Connection) -> None:
    """Customer 1, Ann Lee, as an older schema stores her."""
    connection.execute(text(
        "INSERT INTO customer (id, customer_number, first_name, last_name, company, "
        "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
        "created_at, updated_at, version) VALUES (1, 'C1', 'Ann', 'Lee', '', '', '', '', '', "
        "'ann lee', 'lee', '', '2026-01-01', '2026-01-01', 1)"
    ))


def _migrated(tmp_path: Path, stored_at: str, rows: str, params: list | None = None):
    """A database Ann and ``rows`` were stored in at migration ``stored_at``, opened (and so
    migrated to the newest schema) by the desk."""
    path = tmp_path / f"at-{stored_at}.sqlite3"
    engine = create_db_engine(f"sqlite:///{path}")
    migrate(engine, to=stored_at)
    with engine.begin() as connection:
        _insert_ann(connection)
        for values in params or [{}]:
            connection.execute(text(rows), values)
    engine.dispose()
    return open_database(str(path))


def test_migrating_fills_the_local_digits_of_phones_already_stored(tmp_path):
    db = _migrated(tmp_path, "0002", (
        "INSERT INTO contact_point (customer_id, kind, type, value, extension, display, "
        "digits, status, status_date, is_primary, can_receive_texts, do_not_call, "
        "do_not_text, text_consent, marketing_opt_out, created_at, version) VALUES "
        "(1, 'PHONE', 'DMS_CELL', '+12125550142', '', '(212) 555-0142', '2125550142', "
        "'ACTIVE', '2026-01-01', 1, 1, 0, 0, 'NOT_ASKED', 0, '2026-01-01', 1)"))

    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT local_digits FROM contact_point")).scalar() \
            == "5550142"
    db.dispose()


def test_migrating_gives_documents_already_stored_their_content_type(tmp_path):
    db = _migrated(tmp_path, "0003", (
        "INSERT INTO verification_document (customer_id, file_name, size, sha256, "
        "content, verified_address, uploaded_at) VALUES "
        "(1, :name, 8, 'x', :content, '40 Pine Rd', '2026-01-01')"),
        [{"name": name, "content": content}
         for name, content in (("bill.pdf", b"%PDF-1.7"), ("scan.png", b"\x89PNG\r\n\x1a\n"),
                               ("notes.txt", b"Ann Lee"))])

    with db.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT file_name, content_type FROM verification_document ORDER BY id")).all() == [
            ("bill.pdf", "application/pdf"), ("scan.png", "image/png"),
            ("notes.txt", "application/octet-stream")]
    db.dispose()


def test_migrating_gives_vehicles_already_stored_a_first_version(tmp_path):
    db = _migrated(tmp_path, "0005", (
        "INSERT INTO vehicle (customer_id, vin, vin_reversed, year, make, model, source, "
        "owned, created_at) VALUES (1, '', '', 2019, 'Honda', 'Civic', 'DMS', 1, "
        "'2026-01-01')"))

    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT model, version FROM vehicle")).all() == [
            ("Civic", 1)]
    db.dispose()
