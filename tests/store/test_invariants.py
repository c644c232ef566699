"""The database itself refuses what the rules forbid, whatever code writes to it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from contact_desk.domain.enums import ContactKind, ContactPointType, ContactRole, ContactStatus
from contact_desk.domain.errors import ConflictError
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.unit_of_work import translate_database_errors


def _customer(session, number="C1") -> Customer:
    customer = Customer(customer_number=number, first_name="Ann", last_name="Lee")
    session.add(customer)
    session.flush()
    return customer


def _phone(customer, value, primary=False) -> ContactPoint:
    point = ContactPoint(
        kind=ContactKind.PHONE,
        type=ContactPointType.DEALER_PHONE,
        value=value,
        display=value,
        status=ContactStatus.ACTIVE,
        status_date=date(2026, 1, 1),
        is_primary=primary,
    )
    customer.contact_points.append(point)
    return point


def test_a_second_primary_phone_is_refused_by_the_database(database):
    with database.sessions() as session:
        customer = _customer(session)
        _phone(customer, "+12125550142", primary=True)
        session.flush()
        _phone(customer, "+12125550143", primary=True)
        with pytest.raises(IntegrityError):
            session.flush()


def test_many_non_primary_phones_and_primaries_of_other_customers_are_fine(database):
    with database.sessions() as session:
        first, second = _customer(session, "C1"), _customer(session, "C2")
        _phone(first, "+12125550142", primary=True)
        _phone(first, "+12125550143")
        _phone(first, "+12125550144")
        _phone(second, "+12125550142", primary=True)
        session.flush()


def test_the_same_value_twice_on_one_customer_is_refused(database):
    with database.sessions() as session:
        customer = _customer(session)
        _phone(customer, "+12125550142")
        _phone(customer, "+12125550142")
        with pytest.raises(IntegrityError):
            session.flush()


def test_customer_numbers_are_unique(database):
    with database.sessions() as session:
        _customer(session, "C1")
        with pytest.raises(IntegrityError):
            _customer(session, "C1")


def test_a_contact_point_needs_an_existing_customer(database):
    with database.sessions() as session:
        session.add(
            ContactPoint(
                customer_id=9999,
                kind=ContactKind.EMAIL,
                type=ContactPointType.DEALER_EMAIL,
                value="a@b.example",
                display="a@b.example",
                status=ContactStatus.ACTIVE,
                status_date=date(2026, 1, 1),
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()


def test_one_primary_contact_per_customer_and_one_person_per_email(database):
    with database.sessions() as session:
        customer = _customer(session)
        ann = ContactPerson(first_name="Ann", last_name="Lee", email="ann@example.com")
        bob = ContactPerson(first_name="Bob", last_name="Lee", email="bob@example.com")
        session.add_all([
            AccountContact(customer_id=customer.id, person=ann, role=ContactRole.SPOUSE,
                           primary_contact=True),
            AccountContact(customer_id=customer.id, person=bob, role=ContactRole.SPOUSE,
                           primary_contact=True),
        ])
        with pytest.raises(IntegrityError):
            session.flush()
    with database.sessions() as session:
        session.add_all([
            ContactPerson(first_name="Ann", last_name="Lee", email="ann@example.com"),
            ContactPerson(first_name="Other", last_name="Ann", email="ann@example.com"),
        ])
        with pytest.raises(IntegrityError):
            session.flush()


def test_two_sessions_editing_one_customer_give_a_conflict_not_a_lost_update(database):
    with database.sessions() as setup:
        customer_id = _customer(setup).id
        setup.commit()
    desk_a, desk_b = database.sessions(), database.sessions()
    a, b = desk_a.get(Customer, customer_id), desk_b.get(Customer, customer_id)
    a.first_name = "Anna"
    desk_a.commit()
    b.first_name = "Annie"
    with pytest.raises(ConflictError, match="Another desk saved"):
        with translate_database_errors(desk_b):
            desk_b.commit()
    desk_a.close()
    desk_b.close()
    with database.sessions() as check:
        assert check.get(Customer, customer_id).first_name == "Anna"
