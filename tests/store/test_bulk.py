"""The sync's short way to insert many rows writes what SQLAlchemy's own INSERT writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus, TextConsent
from contact_desk.domain.history import Cause, Entity, Field
from contact_desk.store.activity import AuditEvent
from contact_desk.store.bulk import insert_rows
from contact_desk.store.customer import ContactPoint, Customer

ON_THE_SECOND = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)  # no microseconds to drop
EASTERN = timezone(timedelta(hours=-5))


def _customers(session, *numbers: str) -> list[int]:
    customers = [Customer(customer_number=number, last_name="Lee", version=1)
                 for number in numbers]
    session.add_all(customers)
    session.flush()
    return [customer.id for customer in customers]


def _point(customer_id: int, value: str, primary: bool, at: datetime) -> dict:
    return {
        "customer_id": customer_id, "kind": ContactKind.PHONE,
        "type": ContactPointType.DMS_HOME, "value": value, "extension": "",
        "display": value, "digits": value[2:], "local_digits": value[-7:],
        "status": ContactStatus.ACTIVE, "status_date": date(2026, 2, 28),
        "is_primary": primary, "can_receive_texts": False, "do_not_call": True,
        "do_not_text": False, "text_consent": TextConsent.NOT_ASKED,
        "marketing_opt_out": False, "created_at": at, "version": 1,
    }


def _stored(session, table: str, customer_id: int) -> list[tuple]:
    """The values as the database holds them, without the ids."""
    rows = session.execute(text(f"SELECT * FROM {table} WHERE customer_id = :id ORDER BY id"),
                           {"id": customer_id}).mappings().all()
    return [tuple(value for name, value in row.items() if name not in {"id", "customer_id"})
            for row in rows]


def test_the_rows_are_stored_exactly_as_sqlalchemy_stores_them(database):
    """Enums by name, booleans, dates and zoned datetimes converted by the columns' own
    types: a datetime on the second and one from another zone included."""
    with database.sessions() as session:
        first, second = _customers(session, "C1", "C2")
        rows = [_point(0, "+12125550142", True, ON_THE_SECOND),
                _point(0, "+12125550143", False, datetime(2026, 3, 1, 4, 5, 6, 789,
                                                          tzinfo=EASTERN))]
        session.execute(insert(ContactPoint.__table__), [{**row, "customer_id": first}
                                                         for row in rows])
        insert_rows(session, ContactPoint.__table__, [{**row, "customer_id": second}
                                                      for row in rows])
        by_sqlalchemy = _stored(session, "contact_point", first)
        by_bulk = _stored(session, "contact_point", second)
        assert len(by_bulk) == 2
        assert by_bulk == by_sqlalchemy
        read = session.scalars(select(ContactPoint).where(ContactPoint.customer_id == second)
                               .order_by(ContactPoint.id)).all()
        assert [point.kind for point in read] == [ContactKind.PHONE] * 2
        assert read[0].created_at == ON_THE_SECOND
        assert read[1].created_at == datetime(2026, 3, 1, 9, 5, 6, 789, tzinfo=timezone.utc)
        assert [point.is_primary for point in read] == [True, False]


def test_columns_left_out_get_their_defaults_once_for_the_call(database):
    with database.sessions() as session:
        (customer_id,) = _customers(session, "C1")
        before = datetime.now(timezone.utc)
        insert_rows(session, AuditEvent.__table__, [
            {"user_id": None, "customer_id": customer_id, "entity": Entity.CUSTOMER,
             "entity_id": customer_id, "field": name, "old": None, "new": "x"}
            for name in (Field.FIRST_NAME, Field.LAST_NAME, Field.CITY)
        ])
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [event.field for event in events] == [Field.FIRST_NAME, Field.LAST_NAME,
                                                     Field.CITY]
        assert [event.reason for event in events] == ["", "", ""]  # the column's scalar default
        assert [event.cause for event in events] == [Cause.PERSON] * 3
        assert len({event.at for event in events}) == 1
        assert before <= events[0].at <= datetime.now(timezone.utc)
        by_sqlalchemy = _stored(session, "audit_event", customer_id)[0]
        session.execute(insert(AuditEvent.__table__), [
            {"customer_id": customer_id, "entity": Entity.CUSTOMER, "entity_id": customer_id,
             "field": Field.FIRST_NAME, "new": "x", "at": events[0].at}])
        assert _stored(session, "audit_event", customer_id)[-1] == by_sqlalchemy


def test_the_database_still_refuses_what_its_rules_forbid(database):
    """Two primary phones for one customer: the one-primary index stops the whole call."""
    with database.sessions() as session:
        (customer_id,) = _customers(session, "C1")
        session.commit()
        with pytest.raises(IntegrityError):
            insert_rows(session, ContactPoint.__table__, [
                _point(customer_id, "+12125550142", True, ON_THE_SECOND),
                _point(customer_id, "+12125550143", True, ON_THE_SECOND)])
        session.rollback()
        assert _stored(session, "contact_point", customer_id) == []


def test_nothing_to_insert_touches_nothing(database):
    with database.sessions() as session:
        insert_rows(session, AuditEvent.__table__, [])
        assert session.scalars(select(AuditEvent)).all() == []
