"""A customer record is a person with both names, or a company on its own."""

from __future__ import annotations

import pytest

from contact_desk.domain.customer import check_customer_names
from contact_desk.domain.errors import InvalidValue


def test_a_fleet_customer_may_have_only_a_company() -> None:
    assert check_customer_names("", " ", " Acme   Fleet ") == ("", "", "Acme Fleet")


def test_a_person_keeps_both_names_tidied() -> None:
    assert check_customer_names(" Ann ", "Lee  Smith", "") == ("Ann", "Lee Smith", "")


@pytest.mark.parametrize(
    ("first", "last", "company", "message"),
    [
        ("", "", "", "a first and last name, or a company"),
        ("Ann", "", "", "Last name is required"),
        ("", "Lee", "", "First name is required"),
        ("A" * 81, "", "Acme", "First name is too long"),
        ("", "", "C" * 121, "Company is too long"),
    ],
)
def test_what_a_customer_record_cannot_be(first: str, last: str, company: str, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        check_customer_names(first, last, company)
