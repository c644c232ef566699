"""Migration 0013 turns the four consent flags of a desk file written by the version before
into consent records (how = migrated), dated when the history says each was set, and drops
the flags: the consent a value had is the consent it has."""

from __future__ import annotations

from datetime import datetime, timezone

from alembic import command
from sqlalchemy import create_engine, inspect, select, text

from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services.consent import summaries
from contact_desk.store import migrating, sqlite_file
from contact_desk.store.consent import ConsentRow
from contact_desk.store.database import open_database

POINTS = [  # kind, value, do_not_call, do_not_text, text_consent, marketing_opt_out
    ("PHONE", "+12125550101", 1, 0, "NOT_ASKED", 0),
    ("PHONE", "+12125550102", 0, 1, "NOT_ASKED", 0),
    ("PHONE", "+12125550103", 0, 0, "OPTED_IN", 0),
    ("PHONE", "+12125550104", 0, 0, "OPTED_OUT", 0),
    ("PHONE", "+12125550105", 0, 1, "OPTED_IN", 0),  # both: the flags meant opted out
    ("PHONE", "+12125550106", 0, 0, "NOT_ASKED", 0),
    ("EMAIL", "ann@example.com", 0, 0, "NOT_ASKED", 1),
]


def _old_desk_file(path) -> None:
    migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=False), to="0012")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO app_user (id, login, name, active) VALUES (7, 'casey', 'Casey Clerk', 1)"))
        connection.execute(text(
            "INSERT INTO customer (customer_number, first_name, last_name, company, "
            "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
            "created_at, updated_at, version) VALUES ('C1', 'Ann', 'Lee', '', '', '', '', '', "
            "'', 'lee', '', '2026-01-01', '2026-01-01', 1)"))
        for n, (kind, value, call, txt, consent, opt_out) in enumerate(POINTS, start=1):
            typ = "DMS_CELL" if kind == "PHONE" else "DMS_EMAIL"
            connection.execute(text(
                "INSERT INTO contact_point (id, customer_id, kind, type, value, extension, "
                "display, digits, local_digits, status, status_date, is_primary, "
                "can_receive_texts, do_not_call, do_not_text, text_consent, marketing_opt_out, "
                "card_types, created_at, version) VALUES (:id, 1, :kind, :type, :value, '', "
                ":value, '', '', 'ACTIVE', '2026-01-01', 0, 1, :call, :txt, :consent, "
                ":opt_out, '', '2026-01-01 09:00:00', 1)"),
                {"id": n, "kind": kind, "type": typ, "value": value, "call": call, "txt": txt,
                 "consent": consent, "opt_out": opt_out})
        # The history says when Casey set the do-not-text of the second phone.
        connection.execute(text(
            "INSERT INTO audit_event (at, user_id, customer_id, entity, entity_id, field, old, "
            "new, reason, cause, desk) VALUES ('2026-02-03 14:30:00', 7, 1, 'CONTACT_POINT', 2, "
            "'DO_NOT_TEXT', 'false', 'true', '', 'PERSON', 'FRONT-1')"))
    engine.dispose()


def test_old_flags_become_records_and_the_flags_go(tmp_path):
    path = tmp_path / "at-0012.sqlite3"
    _old_desk_file(path)

    database = open_database(str(path))
    with database.sessions() as session:
        rows = session.scalars(select(ConsentRow).order_by(ConsentRow.id)).all()
        got = {(r.value, r.channel, r.purpose, r.state) for r in rows}
        dated = {r.value: (r.recorded_at, r.user_id, r.desk) for r in rows}
        assert {r.how for r in rows} == {ConsentHow.MIGRATED}
        now = summaries(session, [(ContactKind[k], v) for k, v, *_ in POINTS])
        columns = {c["name"] for c in inspect(session.connection()).get_columns("contact_point")}
    database.dispose()

    both = tuple(Purpose)
    out, opted_in = ConsentState.OPTED_OUT, ConsentState.OPTED_IN
    assert got == {
        *(("+12125550101", Channel.CALL, p, out) for p in both),
        *(("+12125550102", Channel.TEXT, p, out) for p in both),
        *(("+12125550103", Channel.TEXT, p, opted_in) for p in both),
        *(("+12125550104", Channel.TEXT, p, out) for p in both),
        *(("+12125550105", Channel.TEXT, p, s) for p in both for s in (opted_in, out)),
        ("ann@example.com", Channel.EMAIL, Purpose.MARKETING, out),
    }
    phone = lambda v: now[(ContactKind.PHONE, v)]  # noqa: E731
    assert phone("+12125550101").opted_out(Channel.CALL, Purpose.TRANSACTIONAL)
    assert phone("+12125550102").opted_out(Channel.TEXT, Purpose.MARKETING)
    assert phone("+12125550103").state(Channel.TEXT, Purpose.MARKETING) is opted_in
    assert phone("+12125550105").opted_out(Channel.TEXT, Purpose.MARKETING)
    assert phone("+12125550106").current == {}
    assert now[(ContactKind.EMAIL, "ann@example.com")].opted_out(Channel.EMAIL,
                                                                 Purpose.MARKETING)
    # When and by whom: the history's event where there is one, else the value's arrival.
    assert dated["+12125550102"] == (datetime(2026, 2, 3, 14, 30, tzinfo=timezone.utc), 7,
                                     "FRONT-1")
    assert dated["+12125550101"] == (datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc), None, "")
    assert not columns & {"do_not_call", "do_not_text", "text_consent", "marketing_opt_out"}


def test_the_downgrade_gives_the_flags_back(tmp_path):
    path = tmp_path / "at-0012.sqlite3"
    _old_desk_file(path)
    migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=True), to="0013")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(migrating.alembic_config(connection), "0012")
    with engine.connect() as connection:
        flags = connection.execute(text(
            "SELECT value, do_not_call, do_not_text, text_consent, marketing_opt_out "
            "FROM contact_point ORDER BY id")).all()
    engine.dispose()
    assert [tuple(row) for row in flags] == [
        ("+12125550101", 1, 0, "NOT_ASKED", 0), ("+12125550102", 0, 1, "OPTED_OUT", 0),
        ("+12125550103", 0, 0, "OPTED_IN", 0), ("+12125550104", 0, 1, "OPTED_OUT", 0),
        ("+12125550105", 0, 1, "OPTED_OUT", 0), ("+12125550106", 0, 0, "NOT_ASKED", 0),
        ("ann@example.com", 0, 0, "NOT_ASKED", 1)]
