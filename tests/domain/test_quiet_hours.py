"""The quiet-hours file: what it holds, that a bad one is refused naming the rule, and when a
call or text may reach a place: state windows, Sundays, holidays and the DST changes."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

import pytest

from contact_desk.domain.consent import Purpose
from contact_desk.domain.enums import Channel
from contact_desk.domain.quiet_hours import (
    QuietHoursFileError,
    default_quiet_hours,
    load_quiet_hours,
)
from contact_desk.domain.time_zones import STATES, Place

CHICAGO, NEW_YORK, DENVER = (ZoneInfo(name) for name in (
    "America/Chicago", "America/New_York", "America/Denver"))
TEXT, CALL = Channel.TEXT, Channel.CALL
MKT, TRX = Purpose.MARKETING, Purpose.TRANSACTIONAL
REQUIRED_STATES = {"FL", "OK", "MD", "WA", "TX", "AL", "LA", "MS", "UT"}


def shipped() -> dict:
    text = (resources.files("contact_desk") / "resources" / "quiet_hours.json").read_text()
    return json.loads(text)


def places(state: str) -> list[Place]:
    return [Place(state, zone) for zone in STATES[state][1]]


def opening(state_or_places, at: datetime, channel=TEXT, purpose=MKT):
    where = places(state_or_places) if isinstance(state_or_places, str) else state_or_places
    return default_quiet_hours().opening(where, channel, purpose, at)


def local(zone: ZoneInfo, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=zone)


# The file itself

def test_the_shipped_file_loads_and_every_rule_names_its_source_and_what_it_applies_to():
    rules = default_quiet_hours().rules
    assert {rule.jurisdiction for rule in rules} >= REQUIRED_STATES | {"US"}
    for rule in rules:
        assert rule.source and rule.name and rule.applies_to
        assert all(channel in (TEXT, CALL) for channel, _ in rule.applies_to)


def test_the_federal_window_is_8_am_to_9_pm_every_day_for_marketing_calls_and_texts():
    federal = next(rule for rule in default_quiet_hours().rules if rule.id == "federal")
    assert "64.1200(c)(1)" in federal.source
    assert federal.applies_to == {(TEXT, MKT), (CALL, MKT)}
    assert {(window.opens.hour, window.closes.hour) for window in federal.days} == {(8, 21)}


def test_state_laws_hold_for_marketing_only_and_transactional_hours_come_from_a_policy():
    for rule in default_quiet_hours().rules:
        transactional = {pair for pair in rule.applies_to if pair[1] is TRX}
        assert not transactional or (rule.kind == "policy" and rule.jurisdiction == "US")


def test_states_that_ban_holidays_list_them_for_2026_and_2027():
    banning = {rule.jurisdiction: rule for rule in default_quiet_hours().rules
               if rule.holidays is not None}
    assert set(banning) == {"AL", "LA", "PA", "RI", "UT"}
    for rule in banning.values():
        assert rule.holiday_years == {2026, 2027}
        assert {day.year for day in rule.holidays} == {2026, 2027}
        assert date(2026, 12, 25) in rule.holidays and date(2027, 1, 1) in rule.holidays


@pytest.mark.parametrize("break_it, named", [
    (lambda body: body["rules"][2]["hours"].update(weekday=["8am", "20:00"]),
     "rule 'AL': hours.weekday: '8am' is not a time like 08:00"),
    (lambda body: body["rules"][2]["hours"].update(saturday=["20:00", "08:00"]),
     "rule 'AL': hours.saturday: 20:00 is not before 08:00"),
    (lambda body: body["rules"][2]["hours"].pop("sunday"),
     "rule 'AL': hours: expected exactly weekday, saturday, sunday"),
    (lambda body: body["rules"][2]["applies_to"].update(email=["marketing"]),
     "rule 'AL': applies_to: email has no quiet hours"),
    (lambda body: body["rules"][2]["applies_to"].update(text=["sales"]),
     "rule 'AL': applies_to.text: 'sales' is not a purpose"),
    (lambda body: body["rules"][2].update(jurisdiction="Alabama"),
     "rule 'AL': jurisdiction 'Alabama' is neither 'US' nor a state's two-letter code"),
    (lambda body: body["rules"][2].update({"applies-to": {}}),
     "rule 'AL': unknown field 'applies-to'"),
    (lambda body: body["rules"][2]["holidays"]["dates"].append(
        {"date": "2028-01-01", "name": "New Year's Day"}),
     "rule 'AL': holidays.dates: 2028-01-01 is not in the years listed (2026, 2027)"),
    (lambda body: body["rules"][2]["holidays"]["dates"].append(
        {"date": "2026-13-01", "name": "Nonsense"}),
     "rule 'AL': holidays.dates: '2026-13-01' is not a date like 2026-12-25"),
    (lambda body: body["rules"][3].update(id="AL"), "rule 'AL': a second rule has this id"),
    (lambda body: body["rules"][3].update(clock="Central"), "rule 'CT': clock 'Central' is not"),
    (lambda body: body["rules"][3].pop("source"), "rule 'CT': 'source' must be non-empty text"),
    (lambda body: body["rules"][0].pop("id"), "rule #1: 'id' must be non-empty text"),
    (lambda body: body.update(format=2), "'format' is 2; this desk reads format 1"),
])
def test_a_bad_file_is_refused_with_the_rule_and_the_field_named(break_it, named):
    body = copy.deepcopy(shipped())
    break_it(body)
    with pytest.raises(QuietHoursFileError) as refused:
        load_quiet_hours(json.dumps(body))
    assert named in str(refused.value)
    assert str(refused.value).startswith("quiet_hours.json")


def test_a_file_that_is_not_json_says_so():
    with pytest.raises(QuietHoursFileError, match="quiet_hours.json is not valid JSON"):
        load_quiet_hours('{"format": 1, "rules": [')


# Windows across the zones

def test_at_9_40_pm_central_illinois_is_outside_and_opens_at_8_am_local():
    answer = opening("IL", local(CHICAGO, 2026, 3, 3, 21, 40))
    assert not answer.allowed
    assert answer.next_allowed_at == local(CHICAGO, 2026, 3, 4, 8, 0)
    assert answer.held_by.rule.id == "federal"


def test_florida_stops_marketing_texts_at_8_pm_where_illinois_goes_on_to_9():
    at = local(CHICAGO, 2026, 3, 3, 20, 30)  # Tuesday
    assert opening("IL", at).allowed
    florida = opening("FL", at)
    assert not florida.allowed and florida.held_by.rule.id == "FL"
    assert florida.next_allowed_at == local(CHICAGO, 2026, 3, 4, 8, 0)  # the panhandle's 8 AM


def test_texas_opens_at_noon_on_sunday_even_in_el_paso_while_illinois_and_florida_are_open():
    sunday_11 = local(CHICAGO, 2026, 3, 1, 11, 0)
    assert opening("IL", sunday_11).allowed
    assert opening("FL", sunday_11).allowed
    texas = opening("TX", sunday_11)
    assert not texas.allowed and texas.held_by.rule.id == "TX"
    assert texas.next_allowed_at == local(DENVER, 2026, 3, 1, 12, 0)  # 1 PM in Dallas
    assert opening("TX", local(DENVER, 2026, 3, 1, 12, 0)).allowed
    assert not opening("TX", local(CHICAGO, 2026, 2, 28, 8, 30)).allowed  # 9 AM on Saturday
    assert opening("TX", local(DENVER, 2026, 2, 28, 9, 0)).allowed


def test_transactional_texts_follow_the_dealership_policy_and_no_state_law():
    at = local(CHICAGO, 2026, 3, 1, 10, 0)  # Sunday morning in Alabama and Texas
    assert opening("AL", at, purpose=TRX).allowed
    assert opening("TX", at, purpose=TRX).allowed
    late = opening("FL", local(NEW_YORK, 2026, 3, 3, 20, 30), purpose=TRX)
    assert late.allowed  # Florida's 8 PM is for marketing only
    night = opening("IL", local(CHICAGO, 2026, 3, 3, 22, 0), channel=CALL, purpose=TRX)
    assert not night.allowed and night.held_by.rule.id == "desk-policy"


def test_rhode_island_keeps_the_shortest_hours_and_no_sundays():
    assert not opening("RI", local(NEW_YORK, 2026, 3, 3, 18, 0)).allowed  # Tuesday 6 PM
    saturday = opening("RI", local(NEW_YORK, 2026, 3, 7, 17, 30))
    assert saturday.next_allowed_at == local(NEW_YORK, 2026, 3, 9, 9, 0)  # Monday 9 AM


def test_mississippi_is_read_in_central_standard_time_too():
    summer_8_30 = local(CHICAGO, 2026, 7, 7, 8, 30)  # 7:30 AM on a standard-time clock
    answer = opening("MS", summer_8_30, channel=CALL)
    assert not answer.allowed and answer.held_by.rule.id == "MS-CST"
    assert answer.next_allowed_at == local(CHICAGO, 2026, 7, 7, 9, 0)
    assert opening("MS", local(CHICAGO, 2026, 1, 6, 8, 30), channel=CALL).allowed


# The changes of clock in 2026: March 8 and November 1

@pytest.mark.parametrize("day", [date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9),
                                 date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 2)])
def test_8_am_local_either_side_of_a_change_of_clock(day):
    eight = datetime(day.year, day.month, day.day, 8, 0, tzinfo=CHICAGO)
    assert opening("IL", eight).allowed
    before = opening("IL", eight - timedelta(minutes=1))
    assert not before.allowed and before.next_allowed_at == eight


def test_the_night_before_a_change_opens_at_8_am_on_the_new_clock():
    spring = opening("IL", local(CHICAGO, 2026, 3, 7, 21, 40))  # CST
    assert spring.next_allowed_at == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)  # 8 AM CDT
    autumn = opening("IL", local(CHICAGO, 2026, 10, 31, 21, 40))  # CDT
    assert autumn.next_allowed_at == datetime(2026, 11, 1, 14, 0, tzinfo=UTC)  # 8 AM CST


# Sundays and holidays

def test_alabama_allows_no_marketing_on_christmas_or_on_the_sunday_after():
    christmas = opening("AL", local(CHICAGO, 2026, 12, 25, 10, 0))
    assert not christmas.allowed
    assert christmas.held_by.closure.kind == "holiday"
    assert christmas.held_by.closure.name == "Christmas Day"
    assert christmas.next_allowed_at == local(CHICAGO, 2026, 12, 26, 8, 0)  # Saturday
    sunday = opening("AL", local(CHICAGO, 2026, 12, 27, 10, 0))
    assert sunday.held_by.closure.kind == "day"
    assert sunday.next_allowed_at == local(CHICAGO, 2026, 12, 28, 8, 0)


def test_utah_skips_pioneer_day_kept_on_friday_the_saturday_and_the_sunday():
    friday = opening("UT", local(DENVER, 2027, 7, 23, 10, 0))
    assert friday.held_by.closure.name == "Pioneer Day (observed)"
    assert friday.next_allowed_at == local(DENVER, 2027, 7, 26, 8, 0)


def test_louisiana_bans_mardi_gras_and_pennsylvania_election_day():
    assert opening("LA", local(CHICAGO, 2026, 2, 17, 11, 0)).held_by.closure.name == "Mardi Gras"
    assert opening("LA", local(CHICAGO, 2026, 2, 18, 11, 0)).allowed
    election = opening("PA", local(NEW_YORK, 2026, 11, 3, 11, 0), channel=CALL)
    assert election.held_by.closure.name == "Election Day"


def test_a_year_whose_holidays_the_file_does_not_list_is_refused_with_no_later_time():
    answer = opening("AL", local(CHICAGO, 2028, 3, 7, 10, 30))
    assert not answer.allowed and answer.next_allowed_at is None
    assert answer.held_by.closure.kind == "year" and answer.held_by.closure.name == "2028"
    assert opening("FL", local(NEW_YORK, 2028, 3, 7, 10, 30)).allowed  # lists no holidays


def test_a_moment_without_its_offset_is_refused():
    with pytest.raises(ValueError, match="UTC offset"):
        default_quiet_hours().opening(places("IL"), TEXT, MKT, datetime(2026, 3, 3, 12, 0))
