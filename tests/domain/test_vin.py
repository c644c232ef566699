"""A VIN is read as typed and checked: 17 characters, no I, O or Q, and a check digit that fits
where the VIN system of the maker's region has one (North America and China)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.vin import LETTERS, check_vin, vin_check_digit

VALID = "1HGCM82633A004352"
CHARACTERS = LETTERS + "0123456789"
# First characters of VINs whose system makes the 9th character a check digit.
CHECKED_REGIONS = "12345L"
# European VINs as cars carry them: their 9th character is no check digit (Z is padding).
EUROPEAN = ["WP0ZZZ99ZTS392124", "WVWZZZ1JZ3W386752", "VF1BB05CF26012345", "ZFA31200000123456",
            "SAJAA01T5FCL12345", "YV1MS382262123456", "TMBJJ7NE5J0123456"]


def test_the_check_digit_of_known_vins():
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"
    assert vin_check_digit(VALID) == "3"
    assert vin_check_digit("11111111111111111") == "1"


@pytest.mark.parametrize("typed", [
    VALID, VALID.lower(), f"  {VALID}\t", "1HG-CM826-33A004352", "1HG CM826 33A 004352",
])
def test_a_vin_is_stored_in_capitals_without_spaces_or_dashes(typed):
    assert check_vin(typed) == VALID


def test_a_check_digit_x_is_read_in_either_case():
    assert check_vin("1m8gdm9axkp042788") == "1M8GDM9AXKP042788"


@pytest.mark.parametrize(("typed", "reason"), [
    ("", "Type the VIN"),
    ("   ", "Type the VIN"),
    ("1HGCM82633A00435", "A VIN has 17 characters; this one has 16"),
    ("1HGCM82633A0043521", "A VIN has 17 characters; this one has 18"),
    ("1HGCM82633A0O4352", "never contains the letters I, O or Q, and this one has O"),
    ("IHGCM82633A004352", "this one has I"),
    ("1HGCM8#633A004352", "only letters and digits; # cannot be part of one"),
    ("1HGCM82é33A004352", "é cannot be part of one"),
    ("1HGCM82643A004352", "check digit \\(the 9th character\\) does not match"),
])
def test_a_wrong_vin_is_refused_with_the_reason(typed, reason):
    with pytest.raises(InvalidValue, match=reason) as refused:
        check_vin(typed)
    assert refused.value.field == "vin"


def _valid_vin(draft: str) -> str:
    return draft[:8] + vin_check_digit(draft) + draft[9:]


@pytest.mark.parametrize("vin", EUROPEAN)
def test_a_european_vin_needs_no_check_digit(vin):
    assert vin[8] != vin_check_digit(vin)
    assert check_vin(vin) == vin


@pytest.mark.parametrize(("vin", "region"), [
    ("1HGCM82643A004352", "United States"),
    ("2HGCM82643A004352", "Canada"),
    ("3HGCM82643A004352", "Mexico"),
    ("5YJSA1E20HF000001", "United States"),
    ("7SAYGDEE1NF000001", "United States"),
    ("LSVAA4182E2123456", "China"),
])
def test_a_north_american_or_chinese_vin_must_have_its_check_digit(vin, region):
    wrong = vin[:8] + ("1" if vin_check_digit(vin) != "1" else "2") + vin[9:]
    with pytest.raises(InvalidValue, match="check digit"):
        check_vin(wrong)
    right = vin[:8] + vin_check_digit(vin) + vin[9:]
    assert check_vin(right) == right


def test_a_new_zealand_vin_needs_no_check_digit():
    """7 starts both New Zealand's VINs (7A-7E) and, lately, American ones (7F-7Z)."""
    assert check_vin("7A1ZZZ11ZAB123456") == "7A1ZZZ11ZAB123456"
    with pytest.raises(InvalidValue, match="check digit"):
        check_vin("7FAZZZ11ZAB123456")


@given(st.text(CHARACTERS, min_size=17, max_size=17))
def test_a_vin_given_its_check_digit_is_accepted(draft):
    vin = _valid_vin(draft)
    assert check_vin(vin) == vin


# The transliteration of the standard, written out again so the test does not trust the code.
WEIGHT_OF = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
             **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
             **dict(zip("STUVWXYZ", range(2, 10)))}


@given(
    st.sampled_from(CHECKED_REGIONS),
    st.text(CHARACTERS, min_size=16, max_size=16),
    st.integers(1, 16).filter(lambda n: n != 8),
    st.sampled_from(CHARACTERS),
)
def test_one_mistyped_character_is_caught_unless_it_counts_the_same(
    region, draft, position, typed
):
    vin = _valid_vin(region + draft)
    mistyped = vin[:position] + typed + vin[position + 1:]
    if WEIGHT_OF[typed] == WEIGHT_OF[vin[position]]:  # A for J, 2 for S...: no sum can tell
        assert check_vin(mistyped) == mistyped
        return
    with pytest.raises(InvalidValue, match="check digit"):
        check_vin(mistyped)
