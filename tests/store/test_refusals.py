"""A constraint the database enforces reads as what it means; any other refusal is a bug,
never passed off as another desk's change."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from contact_desk.domain.enums import ContactRole
from contact_desk.domain.errors import ConflictError, DomainError, NotAllowed
from contact_desk.store.customer import Customer
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.users import User
from tests.store.test_invariants import _customer, _phone


def _second_primary_phone(session) -> None:
    customer = _customer(session)
    _phone(customer, "+12125550142", primary=True)
    session.flush()
    _phone(customer, "+12125550143", primary=True)


def _same_phone_twice(session) -> None:
    customer = _customer(session)
    _phone(customer, "+12125550142")
    _phone(customer, "+12125550142")


def _second_primary_contact(session) -> None:
    customer = _customer(session)
    session.add_all([
        AccountContact(customer_id=customer.id, role=ContactRole.SPOUSE, primary_contact=True,
                       person=ContactPerson(first_name="Ann", last_name="Lee")),
        AccountContact(customer_id=customer.id, role=ContactRole.SPOUSE, primary_contact=True,
                       person=ContactPerson(first_name="Bob", last_name="Lee")),
    ])


def _customer_number_twice(session) -> None:
    _customer(session, "C1")
    session.add(Customer(customer_number="C1", first_name="Bo", last_name="Ng"))


@pytest.mark.parametrize("write, error, says", [
    (_second_primary_phone, ConflictError, "a different primary for this customer"),
    (_same_phone_twice, ConflictError, "already has that phone or email"),
    (_second_primary_contact, ConflictError, "already has a primary contact"),
    (_customer_number_twice, NotAllowed, "already has that DMS customer number"),
])
def test_each_known_constraint_reads_as_its_own_plain_message(database, write, error, says):
    uow = database.unit_of_work()
    with uow:
        write(uow.session)
        with pytest.raises(error, match=says) as refused:
            uow.commit()
    assert "clashes with data saved" not in str(refused.value)
    with database.sessions() as check:
        assert check.query(Customer).count() == 0  # nothing was saved


def test_a_constraint_the_desk_does_not_know_is_not_explained_away(database):
    """A user with no name breaks NOT NULL: that is a bug, and it stays one (the CLI and the
    window log its traceback and say it was unexpected)."""
    uow = database.unit_of_work()
    with uow:
        uow.session.add(User(login="someone", name=None))
        with pytest.raises(IntegrityError) as refused:
            uow.commit()
    assert not isinstance(refused.value, DomainError)
