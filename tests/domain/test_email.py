"""Email addresses: syntax checked offline, stored normalised in lower case."""

from __future__ import annotations

import pytest

from contact_desk.domain.email import EmailAddress
from contact_desk.domain.errors import InvalidValue


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ann.lee@example.com", "ann.lee@example.com"),
        ("Ann.Lee@Example.COM", "ann.lee@example.com"),
        ("  ann.lee@example.com  ", "ann.lee@example.com"),
        ("\tANN.LEE@EXAMPLE.COM\n", "ann.lee@example.com"),
        ("First.Last+Tag@Sub.Example.co.uk", "first.last+tag@sub.example.co.uk"),
        ("José@Example.com", "josé@example.com"),
        ("a@xn--mnchen-3ya.de", "a@münchen.de"),
    ],
)
def test_an_address_is_stored_trimmed_normalised_and_lower_case(typed: str, stored: str) -> None:
    email = EmailAddress.parse(typed)

    assert email.value == stored
    assert str(email) == stored


def test_the_same_mailbox_typed_in_different_cases_is_one_value() -> None:
    assert EmailAddress.parse("ANN@example.com") == EmailAddress.parse("ann@EXAMPLE.com")


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_an_empty_email_asks_for_one(typed: str | None) -> None:
    with pytest.raises(InvalidValue) as raised:
        EmailAddress.parse(typed)  # type: ignore[arg-type]

    assert raised.value.field == "email"
    assert str(raised.value) == "Enter an email address."


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("plainaddress", "must have an @-sign"),
        ("@example.com", "something before the @-sign"),
        ("ann@", "something after the @-sign"),
        ("ann lee@example.com", "invalid characters before the @-sign"),
        ("ann..lee@example.com", "two periods in a row"),
        ("ann@example", "it should have a period"),
        ("ann@example.com.", "cannot end with a period"),
        ("ann@[192.168.0.1]", "bracketed ip address"),
    ],
)
def test_an_invalid_address_is_refused_saying_what_is_wrong(typed: str, problem: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        EmailAddress.parse(typed)

    message = str(raised.value)
    assert raised.value.field == "email"
    assert message.startswith(f"{typed!r} is not a valid email address: ")
    assert problem in message.lower()
    assert message.endswith(".")


def test_the_reason_reads_as_the_end_of_one_sentence() -> None:
    with pytest.raises(InvalidValue) as raised:
        EmailAddress.parse("plainaddress")

    assert str(raised.value) == (
        "'plainaddress' is not a valid email address: an email address must have an @-sign."
    )


@pytest.mark.parametrize(
    "typed",
    [
        "someone@example.invalid",
        "someone@shop.test",
        "someone@printer.local",
        "someone@hidden.onion",
        "someone@in-addr.arpa",
        "someone@localhost",
    ],
)
def test_special_use_domains_are_refused_without_asking_the_network(typed: str) -> None:
    # These names can never receive mail, so the syntax check alone refuses them.
    with pytest.raises(InvalidValue) as raised:
        EmailAddress.parse(typed)

    assert raised.value.field == "email"


def test_a_special_use_domain_is_named_as_such() -> None:
    with pytest.raises(InvalidValue) as raised:
        EmailAddress.parse("someone@example.invalid")

    assert "special-use or reserved name" in str(raised.value)


@pytest.mark.parametrize(
    "typed",
    ["someone@example.com", "someone@example.org", "someone@no-such-dealer-domain-1234.com"],
)
def test_a_well_formed_address_is_accepted_without_checking_the_domain_exists(typed: str) -> None:
    assert EmailAddress.parse(typed).value == typed


def test_an_address_longer_than_254_characters_is_refused() -> None:
    typed = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".com"
    assert len(typed) > 254

    with pytest.raises(InvalidValue) as raised:
        EmailAddress.parse(typed)

    assert raised.value.field == "email"
    assert str(raised.value) == "That is too long to be an email address."


def test_surrounding_spaces_do_not_count_towards_the_length() -> None:
    typed = "ann@example.com"

    assert EmailAddress.parse(" " * 300 + typed).value == typed
