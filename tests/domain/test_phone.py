"""Phone numbers: typed any way, stored in E.164, shown the way the desk reads them."""

from __future__ import annotations

import random

import pytest
import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.phone import (
    DEFAULT_REGION,
    MAX_EXTENSION,
    PhoneNumber,
    format_as_you_type,
    search_digits,
)


def test_the_default_region_is_the_united_states() -> None:
    assert DEFAULT_REGION == "US"


@pytest.mark.parametrize(
    "typed",
    [
        "(212) 555-0142",
        "212.555.0142",
        "212-555-0142",
        "2125550142",
        "1 212 555 0142",
        "+1 212 555 0142",
        "+1 (212) 555-0142",
        "  (212) 555-0142  ",
        "tel:+1-212-555-0142",
    ],
)
def test_a_us_number_typed_in_any_common_format_is_stored_in_e164(typed: str) -> None:
    phone = PhoneNumber.parse(typed)

    assert phone.e164 == "+12125550142"
    assert phone.extension == ""
    assert phone.region == "US"


@pytest.mark.parametrize(
    ("typed", "region"),
    [
        ("+44 20 7946 0958", "US"),
        ("+442079460958", "US"),
        ("020 7946 0958", "GB"),
        ("+44 (0)20 7946 0958", "US"),
    ],
)
def test_a_london_number_is_stored_in_e164_with_its_own_region(typed: str, region: str) -> None:
    phone = PhoneNumber.parse(typed, region)

    assert phone.e164 == "+442079460958"
    assert phone.region == "GB"


def test_a_national_number_is_read_in_the_region_given() -> None:
    assert PhoneNumber.parse("07400 123456", "GB").e164 == "+447400123456"


def test_a_number_with_a_country_code_ignores_the_home_region() -> None:
    assert PhoneNumber.parse("+1 212 555 0142", "GB").e164 == "+12125550142"


@pytest.mark.parametrize(
    "typed",
    [
        "212-555-0142 x123",
        "212-555-0142 ext. 123",
        "212-555-0142 ext 123",
        "(212) 555-0142 extension 123",
        "+1 212 555 0142;ext=123",
    ],
)
def test_the_extension_is_kept_apart_from_the_number(typed: str) -> None:
    phone = PhoneNumber.parse(typed)

    assert phone.e164 == "+12125550142"
    assert phone.extension == "123"


def test_an_extension_longer_than_the_store_keeps_is_refused_with_its_length() -> None:
    """phonenumbers reads 20 digits after "ext."; the desk keeps 16 (MAX_EXTENSION)."""
    assert PhoneNumber.parse("212-555-0142 ext. " + "9" * MAX_EXTENSION).extension == "9" * 16

    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse("212-555-0142 ext. 12345678901234567")

    assert raised.value.field == "phone"
    assert str(raised.value) == ("'212-555-0142 ext. 12345678901234567' has an extension of 17 "
                                 "digits; the most the desk keeps is 16.")


def test_a_number_of_the_home_region_is_shown_in_national_format() -> None:
    assert PhoneNumber.parse("+1 212 555 0142").display("US") == "(212) 555-0142"


def test_a_number_of_another_region_is_shown_in_international_format() -> None:
    assert PhoneNumber.parse("+44 20 7946 0958").display("US") == "+44 20 7946 0958"


def test_a_canadian_number_is_international_for_a_us_desk_though_both_dial_plus_one() -> None:
    phone = PhoneNumber.parse("416 555 0142")

    assert phone.region == "CA"
    assert phone.display("US") == "+1 416-555-0142"
    assert phone.display("CA") == "(416) 555-0142"


def test_a_british_desk_sees_british_numbers_nationally_and_us_numbers_internationally() -> None:
    london = PhoneNumber.parse("020 7946 0958", "GB")
    new_york = PhoneNumber.parse("+1 212 555 0142", "GB")

    assert london.display("GB") == "020 7946 0958"
    assert new_york.display("GB") == "+1 212-555-0142"


def test_the_home_region_of_the_display_is_not_case_sensitive() -> None:
    assert PhoneNumber.parse("020 7946 0958", "GB").display("gb") == "020 7946 0958"


def test_the_display_uses_the_us_as_home_by_default() -> None:
    assert PhoneNumber.parse("(212) 555-0142").display() == "(212) 555-0142"


def test_the_extension_is_shown_after_the_number_in_both_formats() -> None:
    phone = PhoneNumber.parse("212-555-0142 x123")

    assert phone.display("US") == "(212) 555-0142 ext. 123"
    assert phone.display("GB") == "+1 212-555-0142 ext. 123"


def test_a_uk_mobile_can_receive_texts() -> None:
    phone = PhoneNumber.parse("+44 7400 123456")

    assert phone.line_type == PhoneNumberType.MOBILE
    assert phone.can_receive_texts
    assert phone.line_label == "Mobile"


def test_a_uk_landline_cannot_receive_texts() -> None:
    phone = PhoneNumber.parse("+44 20 7946 0958")

    assert phone.line_type == PhoneNumberType.FIXED_LINE
    assert not phone.can_receive_texts
    assert phone.line_label == "Landline"


def test_a_us_number_may_be_a_mobile_so_it_is_taken_to_receive_texts() -> None:
    # North American numbers do not tell mobiles from landlines.
    phone = PhoneNumber.parse("(212) 555-0142")

    assert phone.line_type == PhoneNumberType.FIXED_LINE_OR_MOBILE
    assert phone.can_receive_texts
    assert phone.line_label == "Mobile or landline"


def test_a_toll_free_number_cannot_receive_texts() -> None:
    phone = PhoneNumber.parse("1 800 555 0199")

    assert phone.line_type == PhoneNumberType.TOLL_FREE
    assert not phone.can_receive_texts
    assert phone.line_label == "Toll-free"


def test_a_vanity_number_is_read_as_its_keypad_digits() -> None:
    assert PhoneNumber.parse("1-800-FLOWERS").e164 == "+18003569377"


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_an_empty_phone_asks_for_one(typed: str | None) -> None:
    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse(typed)  # type: ignore[arg-type]

    assert raised.value.field == "phone"
    assert str(raised.value) == "Enter a phone number."


@pytest.mark.parametrize("typed", ["abc", "call me", "-", "+"])
def test_text_without_digits_is_not_a_phone_number(typed: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse(typed)

    assert raised.value.field == "phone"
    assert repr(typed) in str(raised.value)
    assert "is not a phone number: it needs digits" in str(raised.value)


@pytest.mark.parametrize("typed", ["12", "123", "555 01"])
def test_a_number_with_too_few_digits_says_so(typed: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse(typed)

    assert raised.value.field == "phone"
    assert str(raised.value) == f"{typed!r} is not a valid phone number: it has too few digits."


def test_a_number_with_too_many_digits_says_so() -> None:
    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse("212 555 0142 1234567")

    assert raised.value.field == "phone"
    assert "it has too many digits" in str(raised.value)


@pytest.mark.parametrize("typed", ["(555) 123-4567", "(212) 055-0142", "555-0142"])
def test_a_number_that_does_not_exist_in_the_us_points_at_the_area_code(typed: str) -> None:
    # 555 is not a US area code, exchanges do not start with 0, and seven digits lack one.
    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse(typed)

    assert raised.value.field == "phone"
    assert str(raised.value) == (
        f"{typed!r} is not a valid phone number for US: check the area code and the number."
    )


def test_a_foreign_number_with_the_right_length_but_no_such_line_is_refused() -> None:
    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse("+44 1234 567")

    assert raised.value.field == "phone"
    assert str(raised.value).startswith("'+44 1234 567' is not a valid phone number for ")


def test_input_longer_than_64_characters_is_refused_before_parsing() -> None:
    typed = "2" * 65

    with pytest.raises(InvalidValue) as raised:
        PhoneNumber.parse(typed)

    assert raised.value.field == "phone"
    assert str(raised.value) == "That is too long to be a phone number."


def test_64_characters_with_a_valid_number_inside_are_still_read() -> None:
    typed = "(212) 555-0142".ljust(64)  # trailing spaces are trimmed first
    padded = " " * 10 + typed

    assert PhoneNumber.parse(padded).e164 == "+12125550142"


def test_numbers_typed_differently_are_equal_values() -> None:
    assert PhoneNumber.parse("(212) 555-0142") == PhoneNumber.parse("+1 212.555.0142")
    assert PhoneNumber.parse("(212) 555-0142") != PhoneNumber.parse("(212) 555-0142 x1")


@pytest.mark.parametrize("typed", ["(212) 555-0142 x123", "+44 7400 123456", "+44 20 7946 0958"])
def test_a_stored_number_reads_back_as_the_value_that_was_stored(typed: str) -> None:
    phone = PhoneNumber.parse(typed)

    assert PhoneNumber.from_stored(phone.e164, phone.extension) == phone


@pytest.mark.parametrize(
    ("typed", "digits"),
    [("(212) 555-0142", "2125550142"), ("+44 20 7946 0958", "2079460958")],
)
def test_national_digits_are_what_a_person_dials_at_home(typed: str, digits: str) -> None:
    assert PhoneNumber.parse(typed).national_digits == digits


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("(212) 555-01", "21255501"),
        ("212.555", "212555"),
        ("+44 20", "4420"),
        ("Ann 212", "212"),
        ("abc", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_search_keeps_only_the_digits_typed(typed: str | None, digits: str) -> None:
    assert search_digits(typed) == digits  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("212", "212"),
        ("2125550", "212-5550"),
        ("2125550142", "(212) 555-0142"),
        ("+44207946", "+44 20 7946"),
        ("212 555 0142 x12", "212 555 0142 x12"),  # an extension is left as typed
        ("call me", "call me"),  # letters are never swallowed
        ("", ""),
    ],
)
def test_a_phone_is_formatted_as_it_is_typed(typed: str, shown: str) -> None:
    assert format_as_you_type(typed) == shown


def test_formatting_as_you_type_keeps_every_digit() -> None:
    for length in range(1, 16):
        typed = "2125550142987654"[:length]
        assert search_digits(format_as_you_type(typed)) == typed


@pytest.mark.parametrize(
    ("typed", "local"),
    [("(212) 555-0142", "5550142"), ("+44 20 7946 0958", "79460958")],
)
def test_the_local_digits_leave_out_the_area_code(typed: str, local: str) -> None:
    assert PhoneNumber.parse(typed).local_digits == local


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("+999 123 4567", "country code that does not exist"),
        ("1" * 40, "too many digits"),
        ("+1 2", "too few digits"),
        ("hello", "needs digits"),
        ("011 2", "too few digits after the country code"),
    ],
)
def test_a_number_that_cannot_be_read_says_why(typed: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason) as raised:
        PhoneNumber.parse(typed)
    assert raised.value.field == "phone"


def _example_numbers():
    """Each region's example number of each line type, and its invalid example."""
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for line_type in _EXAMPLE_TYPES:
            number = phonenumbers.example_number_for_type(region, line_type)
            if number is not None:
                yield region, number
        invalid = phonenumbers.invalid_example_number(region)
        if invalid is not None:
            yield region, invalid
    for calling_code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        yield "001", phonenumbers.example_number_for_non_geo_entity(calling_code)


_EXAMPLE_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE,
                  PhoneNumberType.VOIP, PhoneNumberType.PAGER, PhoneNumberType.UAN)


def test_the_region_line_type_and_area_code_are_what_phonenumbers_says_for_every_region():
    # The desk works these out once per number with phonenumbers' private helpers; the
    # public functions must agree, or a phonenumbers upgrade changed what they mean.
    checked = 0
    for region, number in _example_numbers():
        typed = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        if not phonenumbers.is_valid_number(number):
            with pytest.raises(InvalidValue):
                PhoneNumber.parse(typed, region)
            continue
        phone = PhoneNumber.parse(typed, region)
        national = phonenumbers.national_significant_number(number)
        area = phonenumbers.length_of_geographical_area_code(number)
        assert (phone.region, phone.line_type) == (
            phonenumbers.region_code_for_number(number), phonenumbers.number_type(number)), typed
        assert phone.local_digits == (national[area:] if 0 < area < len(national) else ""), typed
        _assert_shown_as_phonenumbers_shows(phone, number)
        assert PhoneNumber.from_stored(phone.e164) == phone
        checked += 1
    assert checked > 800  # about 860 numbers in phonenumbers 9.0


def test_north_american_numbers_are_shown_and_split_as_phonenumbers_does():
    # The desk formats +1 numbers itself (the most common by far); any valid one must read
    # as phonenumbers shows it: area codes, exchanges and lines of every kind, US and not.
    draw = random.Random(1)
    checked = 0
    while checked < 3_000:
        number = phonenumbers.parse(f"+1{draw.randrange(2_000_000_000, 10_000_000_000)}")
        if not phonenumbers.is_valid_number(number):
            continue
        phone = PhoneNumber.parse(phonenumbers.format_number(number, PhoneNumberFormat.E164))
        national = phonenumbers.national_significant_number(number)
        area = phonenumbers.length_of_geographical_area_code(number)
        assert phone.local_digits == (national[area:] if 0 < area < len(national) else "")
        _assert_shown_as_phonenumbers_shows(phone, number)
        checked += 1


def _assert_shown_as_phonenumbers_shows(phone: PhoneNumber, number) -> None:
    shown = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    assert phone.display("ZZ") == shown, phone.e164
    shown = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    assert phone.display(phone.region) == shown, phone.e164


def test_an_extension_is_kept_apart_from_the_number_it_is_shown_with():
    phone = PhoneNumber.parse("+44 20 7946 0958 ext. 12", "US")

    assert (phone.e164, phone.extension) == ("+442079460958", "12")
    assert phone.display("GB") == "020 7946 0958 ext. 12"
    assert phone.local_digits == "79460958"
