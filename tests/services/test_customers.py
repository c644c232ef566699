"""Creating customers: a person, or a fleet account that has only its company name."""

from __future__ import annotations

import pytest

from contact_desk.domain.errors import InvalidValue, NotFound
from contact_desk.services.customers import create_customer, get_customer, update_customer_details
from contact_desk.services.forms import CustomerForm


def test_a_company_only_customer_is_created_and_shown_by_its_company(database, manager):
    fleet = create_customer(database.unit_of_work(), manager, company="Acme Fleet",
                            customer_number="F1")

    view = get_customer(database.unit_of_work(), "F1")
    assert view.id == fleet
    assert (view.first_name, view.last_name, view.full_name) == ("", "", "Acme Fleet")


def test_a_company_only_customer_keeps_no_names_when_its_details_change(database, manager):
    fleet = create_customer(database.unit_of_work(), manager, company="Acme Fleet")

    update_customer_details(
        database.unit_of_work(),
        manager,
        fleet,
        CustomerForm(first_name="", last_name="", company="Acme Fleet Services", city="Albany"),
    )

    view = get_customer(database.unit_of_work(), fleet)
    assert (view.company, view.city) == ("Acme Fleet Services", "Albany")


def test_a_customer_without_names_or_company_is_refused(database, manager, refused):
    with refused(InvalidValue, "a first and last name, or a company"):
        create_customer(database.unit_of_work(), manager, customer_number="X1")


@pytest.mark.parametrize(
    "key", ["99999999999999999999999", "#9223372036854775808", "2147483648", "²", "#-1", ""]
)
def test_a_number_or_id_that_names_no_customer_is_not_found(database, manager, key):
    create_customer(
        database.unit_of_work(), manager, first_name="Ann", last_name="Lee", customer_number="C1"
    )
    with pytest.raises(NotFound, match="No customer has the number or id"):
        get_customer(database.unit_of_work(), key)
