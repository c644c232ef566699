"""People on a customer's account: what makes their details valid, and when an invite may go out."""

from __future__ import annotations

import pytest

from contact_desk.domain.additional_contact import (
    check_can_send_invite,
    check_contact_details,
    check_name,
    check_person_details,
    check_portal_access,
)
from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import CommunicationPreference, ContactRole
from contact_desk.domain.errors import InvalidValue, NotAllowed
from contact_desk.domain.phone import PhoneNumber


def test_a_contact_with_every_detail_is_kept_validated_and_normalised() -> None:
    details = check_contact_details(
        first_name="  Ann ",
        last_name="Lee",
        role=ContactRole.SPOUSE,
        email=" Ann.Lee@Example.com ",
        phone="(212) 555-0142",
        primary_contact=True,
        portal_access=True,
        preferences=[CommunicationPreference.SCHEDULING, CommunicationPreference.INVOICES],
    )

    assert details.first_name == "Ann"
    assert details.last_name == "Lee"
    assert details.full_name == "Ann Lee"
    assert details.role is ContactRole.SPOUSE
    assert details.email == EmailAddress("ann.lee@example.com")
    assert details.phone == PhoneNumber.parse("+12125550142")
    assert details.primary_contact is True
    assert details.portal_access is True
    assert details.preferences == frozenset(
        {CommunicationPreference.SCHEDULING, CommunicationPreference.INVOICES}
    )


def test_only_names_and_a_role_are_needed() -> None:
    details = check_contact_details("Bo", "Diaz", ContactRole.BOOKKEEPER)

    assert details.email is None
    assert details.phone is None
    assert details.primary_contact is False
    assert details.portal_access is False
    assert details.preferences == frozenset()


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_blank_email_and_phone_mean_none_given(blank: str | None) -> None:
    details = check_contact_details("Bo", "Diaz", ContactRole.ASSISTANT, email=blank, phone=blank)

    assert details.email is None
    assert details.phone is None


def test_a_repeated_preference_counts_once() -> None:
    details = check_contact_details(
        "Bo",
        "Diaz",
        ContactRole.ASSISTANT,
        preferences=[CommunicationPreference.MARKETING, CommunicationPreference.MARKETING],
    )

    assert details.preferences == frozenset({CommunicationPreference.MARKETING})


@pytest.mark.parametrize("description", ["", "   ", None])
def test_the_role_other_needs_a_description(description: str | None) -> None:
    with pytest.raises(InvalidValue) as raised:
        check_contact_details(
            "Bo", "Diaz", ContactRole.OTHER, role_description=description  # type: ignore[arg-type]
        )

    assert raised.value.field == "role_description"
    assert "Describe the role when it is Other" in str(raised.value)


def test_the_description_of_other_is_kept_with_its_spaces_tidied() -> None:
    details = check_contact_details(
        "Bo", "Diaz", ContactRole.OTHER, role_description="  Fleet   coordinator "
    )

    assert details.role_description == "Fleet coordinator"


@pytest.mark.parametrize("role", [r for r in ContactRole if r is not ContactRole.OTHER])
def test_a_description_is_dropped_for_every_role_but_other(role: ContactRole) -> None:
    details = check_contact_details("Bo", "Diaz", role, role_description="Fleet coordinator")

    assert details.role_description == ""


def test_portal_access_without_an_email_is_not_allowed() -> None:
    with pytest.raises(NotAllowed) as raised:
        check_contact_details("Bo", "Diaz", ContactRole.SPOUSE, portal_access=True)

    assert "Portal access needs an email address" in str(raised.value)


def test_portal_access_with_a_blank_email_is_not_allowed() -> None:
    with pytest.raises(NotAllowed):
        check_contact_details("Bo", "Diaz", ContactRole.SPOUSE, email="  ", portal_access=True)


def test_portal_access_rule_on_its_own() -> None:
    check_portal_access(False, None)
    check_portal_access(True, EmailAddress("bo@example.com"))
    with pytest.raises(NotAllowed):
        check_portal_access(True, None)


@pytest.mark.parametrize(
    ("first", "last", "field", "message"),
    [
        ("", "Diaz", "first_name", "First name is required."),
        ("   ", "Diaz", "first_name", "First name is required."),
        (None, "Diaz", "first_name", "First name is required."),
        ("Bo", "", "last_name", "Last name is required."),
        ("Bo", "\t\n", "last_name", "Last name is required."),
    ],
)
def test_first_and_last_name_are_required(
    first: str | None, last: str, field: str, message: str
) -> None:
    with pytest.raises(InvalidValue) as raised:
        check_contact_details(first, last, ContactRole.SPOUSE)  # type: ignore[arg-type]

    assert raised.value.field == field
    assert str(raised.value) == message


def test_names_have_their_spaces_collapsed() -> None:
    details = check_contact_details("  Mary   Ann ", " van  der   Berg ", ContactRole.SPOUSE)

    assert details.first_name == "Mary Ann"
    assert details.last_name == "van der Berg"
    assert details.full_name == "Mary Ann van der Berg"


def test_a_name_of_80_characters_is_accepted_and_81_is_too_long() -> None:
    assert check_name("A" * 80, "First name") == "A" * 80

    with pytest.raises(InvalidValue) as raised:
        check_name("A" * 81, "First name")

    assert str(raised.value) == "First name is too long (at most 80 characters)."


def test_the_length_of_a_name_is_counted_after_tidying_its_spaces() -> None:
    assert check_name("  " + "A " * 40, "Last name") == " ".join(["A"] * 40)


def test_an_invalid_email_is_refused() -> None:
    with pytest.raises(InvalidValue) as raised:
        check_contact_details("Bo", "Diaz", ContactRole.SPOUSE, email="bo@")

    assert raised.value.field == "email"


def test_an_invalid_phone_is_refused() -> None:
    with pytest.raises(InvalidValue) as raised:
        check_contact_details("Bo", "Diaz", ContactRole.SPOUSE, phone="(555) 123-4567")

    assert raised.value.field == "phone"


def test_the_phone_is_read_in_the_region_given() -> None:
    details = check_contact_details(
        "Bo", "Diaz", ContactRole.SPOUSE, phone="020 7946 0958", region="GB"
    )

    assert details.phone is not None
    assert details.phone.e164 == "+442079460958"


def test_details_are_a_frozen_value() -> None:
    details = check_contact_details("Bo", "Diaz", ContactRole.SPOUSE)

    with pytest.raises(AttributeError):
        details.first_name = "Al"  # type: ignore[misc]


def test_an_invite_can_go_to_a_contact_with_portal_access_and_an_email() -> None:
    check_can_send_invite(True, "bo@example.com", "Bo Diaz")


def test_no_invite_without_portal_access() -> None:
    with pytest.raises(NotAllowed) as raised:
        check_can_send_invite(False, "bo@example.com", "Bo Diaz")

    assert str(raised.value) == "Bo Diaz does not have portal access, so no invite can be sent."


@pytest.mark.parametrize("email", [None, ""])
def test_no_invite_without_an_email(email: str | None) -> None:
    with pytest.raises(NotAllowed) as raised:
        check_can_send_invite(True, email, "Bo Diaz")

    assert str(raised.value) == "Bo Diaz has no email address to send the invite to."


def test_portal_access_is_checked_before_the_email() -> None:
    with pytest.raises(NotAllowed, match="does not have portal access"):
        check_can_send_invite(False, None, "Bo Diaz")


def test_the_form_gets_every_problem_at_once_by_field() -> None:
    from contact_desk.domain.additional_contact import contact_problems

    problems = contact_problems("", "  ", ContactRole.OTHER, "", email="ann@@x",
                                phone="555-01", portal_access=True)
    assert set(problems) == {"first_name", "last_name", "role_description", "email", "phone"}
    assert "required" in problems["first_name"]
    assert "Describe the role" in problems["role_description"]


def test_portal_access_without_an_email_is_a_problem_of_that_checkbox() -> None:
    from contact_desk.domain.additional_contact import contact_problems

    assert "needs an email" in contact_problems("Ann", "Lee", ContactRole.SPOUSE,
                                                portal_access=True)["portal_access"]
    assert contact_problems("Ann", "Lee", ContactRole.SPOUSE, email="ann@example.com",
                            portal_access=True) == {}


def test_a_persons_own_details_are_checked_without_a_role() -> None:
    details = check_person_details(" Bo ", "Diaz", " Bo@Example.com ", "(212) 555-0142")
    assert (details.first_name, details.last_name, details.email) == (
        "Bo", "Diaz", EmailAddress("bo@example.com"))
    assert details.phone == PhoneNumber.parse("2125550142")
    assert check_person_details("Bo", "Diaz", "  ", "").email is None
    with pytest.raises(InvalidValue, match="Last name is required"):
        check_person_details("Bo", " ")
