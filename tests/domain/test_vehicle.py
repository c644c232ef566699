"""A vehicle as typed at the desk: a checked VIN (when it must have one), make, model, year."""

from __future__ import annotations

from datetime import date

import pytest

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.vehicle import check_vehicle

VALID = "1HGCM82633A004352"


def test_a_vehicle_has_a_make_a_model_and_a_sensible_year():
    details = check_vehicle(VALID.lower(), 2003, "  Honda ", "Accord  EX")
    assert (details.vin, details.year, details.make, details.model) == (
        VALID, 2003, "Honda", "Accord EX")
    assert details.title == "2003 Honda Accord EX"
    with pytest.raises(InvalidValue, match="make") as refused:
        check_vehicle(VALID, 2003, " ", "Accord")
    assert refused.value.field == "make"
    with pytest.raises(InvalidValue, match="model"):
        check_vehicle(VALID, 2003, "Honda", "")
    with pytest.raises(InvalidValue, match="between 1900 and") as refused:
        check_vehicle(VALID, 1899, "Honda", "Accord")
    assert refused.value.field == "year"
    with pytest.raises(InvalidValue, match="at most 40"):
        check_vehicle(VALID, 2003, "H" * 41, "Accord")
    with pytest.raises(InvalidValue, match="at most 60"):
        check_vehicle(VALID, 2003, "Honda", "A" * 61)


def test_next_years_models_are_accepted_but_not_later_ones():
    today = date(2026, 4, 1)
    assert check_vehicle(VALID, 2028, "Honda", "Civic", today=today).year == 2028
    with pytest.raises(InvalidValue, match="between 1900 and 2028"):
        check_vehicle(VALID, 2029, "Honda", "Civic", today=today)


def test_a_wanted_vehicle_may_wait_for_its_vin_but_an_owned_one_may_not():
    assert check_vehicle("", None, "Honda", "CR-V", vin_required=False).vin == ""
    with pytest.raises(InvalidValue, match="Type the VIN"):
        check_vehicle("", None, "Honda", "CR-V")
    with pytest.raises(InvalidValue, match="check digit"):
        check_vehicle("1HGCM82643A004352", None, "Honda", "CR-V", vin_required=False)
