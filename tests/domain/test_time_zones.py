"""Where a recipient may be: the address's state and all its zones, the area code's state and
phonenumbers' zones, every US place for a toll-free number with no address."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest

from contact_desk.domain.time_zones import (
    STATES,
    Place,
    area_code_states,
    recipient_places,
    state_code,
)
from tests.domain.area_code_table import TABLE, derived


def test_every_state_and_territory_has_zones_the_zone_database_knows():
    assert len(STATES) == 56  # 50 states, DC and five territories
    for name, zones in STATES.values():
        assert name and zones
        for zone in zones:
            ZoneInfo(zone)


@pytest.mark.parametrize("written, code", [
    ("IL", "IL"), ("il", "IL"), (" Illinois ", "IL"), ("new york", "NY"), ("Washington", "WA"),
    ("Washington D.C.", "DC"), ("District of Columbia", "DC"), ("Puerto Rico", "PR"),
    ("Ontario", None), ("", None), (None, None), ("ZZ", None),
])
def test_a_state_is_read_from_its_code_or_its_name(written, code):
    assert state_code(written) == code


def test_the_area_code_table_agrees_with_phonenumbers_geocoder():
    shipped = json.loads(TABLE.read_text(encoding="utf-8"))["area_codes"]
    assert shipped == derived(), "run: .venv/bin/python -m tests.domain.area_code_table"


@pytest.mark.parametrize("number, states", [
    ("+13125550142", ("IL",)), ("+13055550142", ("FL",)), ("+19155550142", ("TX",)),
    ("+17875550142", ("PR",)), ("+16715550142", ("GU",)),
    ("+18005550142", ()), ("+14165550142", ()), ("+442079460958", ()), ("not a number", ()),
])
def test_an_area_code_names_its_state_and_a_toll_free_or_foreign_number_none(number, states):
    assert area_code_states(number) == states


def test_the_address_gives_every_zone_of_its_state():
    found = recipient_places("FL", None)
    assert set(found.places) == {Place("FL", "America/New_York"), Place("FL", "America/Chicago")}
    assert not found.unknown and not found.disagree


def test_with_no_address_the_area_code_gives_its_state_and_phonenumbers_zones():
    found = recipient_places(None, "+12085550142")  # Idaho: Boise and the panhandle
    assert set(found.places) == {Place("ID", "America/Boise"), Place("ID", "America/Los_Angeles")}
    assert found.phone_states == ("ID",)


def test_an_address_and_an_area_code_in_other_states_give_both_and_say_they_disagree():
    found = recipient_places("IL", "+13055550142")
    assert {place.state for place in found.places} == {"IL", "FL"}
    assert found.places[0] == Place("IL", "America/Chicago")  # the address comes first
    assert found.disagree and found.address_state == "IL" and found.phone_states == ("FL",)


def test_a_toll_free_number_with_no_address_may_be_anywhere_in_the_states():
    found = recipient_places(None, "+18005550142")
    assert found.unknown
    assert {place.state for place in found.places} >= set(STATES)
    assert Place("GU", "Pacific/Guam") in found.places


def test_a_canadian_number_gets_its_own_zone_and_no_state():
    found = recipient_places(None, "+14165550142")
    assert found.places == (Place(None, "America/Toronto"),)
    assert not found.unknown


def test_an_unknown_address_state_falls_back_on_the_number():
    found = recipient_places("Ontario", "+13125550142")
    assert found.address_state is None and found.phone_states == ("IL",)
