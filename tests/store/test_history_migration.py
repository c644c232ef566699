"""Migration 0011 turns the audit trail's sentences and labels into data: entity and field
codes, old and new values as codes, a cause read once from what the sentence said (or
"not recorded" where it said nothing), on a desk file written by the version before."""

from __future__ import annotations

from sqlalchemy import create_engine, select, text

from contact_desk.domain.history import Cause, Entity, Field, shown
from contact_desk.store import migrating, sqlite_file
from contact_desk.store.activity import AuditEvent
from contact_desk.store.database import open_database

OLD_EVENTS = [  # entity, field, old, new, reason: as 0010's desk wrote them
    ("customer", "primary_phone", "(212) 555-0142", "(212) 555-0143", "chosen at the desk"),
    ("customer", "primary_email", "a@example.com", "b@example.com",
     "moved by the default rule: a@example.com became invalid"),
    ("contact_point", "added", None, "(212) 555-0142", "Cell Phone Number in DMS"),
    ("contact_point", "status", "Active", "Inactive", ""),
    ("contact_point", "text_consent", "Not asked", "Opted out", ""),
    ("contact_point", "do_not_text", "no", "yes", ""),
    ("contact_point", "type", "Home Phone Number in DMS", "Cell Phone Number in DMS", ""),
    ("account_contact", "role", "Spouse", "Other", ""),
    ("account_contact", "preferences", "none", "Scheduling, Car Updates", ""),
    ("account_contact", "primary_contact", "yes", "no", ""),
    ("assignment", "Service BDC", None, "Dana Whitfield", ""),
    ("note", "added", None, "Wants a call after 5pm.", ""),
    ("vehicle", "added", None, "2003 Honda Accord (1HGCM82633A004352)", "ADF lead"),
    ("setting", "mail.host", None, "smtp.example.com", ""),
    ("customer", "city", "Albany", "Troy", ""),
]


def test_old_audit_events_become_codes_with_a_cause(tmp_path):
    path = tmp_path / "at-0010.sqlite3"
    migrating.upgrade_sqlite(sqlite_file.SqliteFile(path, exists=False), to="0010")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO customer (customer_number, first_name, last_name, company, "
            "address_line1, city, state, postal_code, name_key, last_name_key, company_key, "
            "created_at, updated_at, version) VALUES ('C1', 'Ann', 'Lee', '', '', '', '', '', "
            "'', 'lee', '', '2026-01-01', '2026-01-01', 1)"))
        for entity, field, old, new, reason in OLD_EVENTS:
            connection.execute(text(
                "INSERT INTO audit_event (at, customer_id, entity, entity_id, field, old, new, "
                "reason) VALUES ('2026-01-02', 1, :entity, 1, :field, :old, :new, :reason)"),
                {"entity": entity, "field": field, "old": old, "new": new, "reason": reason})
    engine.dispose()

    database = open_database(str(path))
    with database.sessions() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        got = [(e.entity, e.field, e.old, e.new, e.cause) for e in events]
        read = [(shown(e.field, e.old), shown(e.field, e.new)) for e in events]
    database.dispose()

    assert got == [
        (Entity.CUSTOMER, Field.PRIMARY_PHONE, "(212) 555-0142", "(212) 555-0143",
         Cause.PERSON),
        (Entity.CUSTOMER, Field.PRIMARY_EMAIL, "a@example.com", "b@example.com",
         Cause.DEFAULT_RULE),
        (Entity.CONTACT_POINT, Field.ADDED, None, "(212) 555-0142", Cause.DMS_CHANGED),
        (Entity.CONTACT_POINT, Field.STATUS, "ACTIVE", "INACTIVE", Cause.EARLIER),
        (Entity.CONTACT_POINT, Field.TEXT_CONSENT, "NOT_ASKED", "OPTED_OUT", Cause.EARLIER),
        (Entity.CONTACT_POINT, Field.DO_NOT_TEXT, "false", "true", Cause.EARLIER),
        (Entity.CONTACT_POINT, Field.TYPE, "DMS_HOME", "DMS_CELL", Cause.EARLIER),
        (Entity.ACCOUNT_CONTACT, Field.ROLE, "SPOUSE", "OTHER", Cause.EARLIER),
        (Entity.ACCOUNT_CONTACT, Field.PREFERENCES, "", "CAR_UPDATES,SCHEDULING",
         Cause.EARLIER),
        (Entity.ACCOUNT_CONTACT, Field.PRIMARY_CONTACT, "true", "false", Cause.EARLIER),
        (Entity.ASSIGNMENT, Field.SERVICE_BDC, None, "Dana Whitfield", Cause.PERSON),
        (Entity.NOTE, Field.ADDED, None, "Wants a call after 5pm.", Cause.PERSON),
        (Entity.VEHICLE, Field.ADDED, None, "2003 Honda Accord (1HGCM82633A004352)",
         Cause.IMPORTED),
        (Entity.SETTING, Field.MAIL_HOST, None, "smtp.example.com", Cause.PERSON),
        (Entity.CUSTOMER, Field.CITY, "Albany", "Troy", Cause.EARLIER),
    ]
    # Read back, the labels are the ones the old desk showed.
    assert read[3] == ("Active", "Inactive") and read[5] == ("no", "yes")
    assert read[8] == ("none", "Scheduling, Car Updates")
    assert read[6] == ("Home Phone Number in DMS", "Cell Phone Number in DMS")
