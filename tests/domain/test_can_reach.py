"""can_reach: what the value can carry, its status, a landline, consent, then the quiet hours
where the recipient may be, stricter when the address and the area code disagree; and, for
any value, moment, channel and purpose, never a call or text outside the file's windows."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources
from zoneinfo import ZoneInfo

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat
from phonenumbers import timezone as phone_time_zones

from contact_desk.domain.consent import (
    NOTHING_RECORDED,
    ConsentHow,
    ConsentRecord,
    ConsentState,
    ConsentSummary,
    Purpose,
)
from contact_desk.domain.enums import Channel, ContactKind, ContactStatus
from contact_desk.domain.reach import ReachTarget, can_reach
from contact_desk.domain.time_zones import STATES

CHICAGO, NEW_YORK = ZoneInfo("America/Chicago"), ZoneInfo("America/New_York")
TEXT, CALL, EMAIL = Channel.TEXT, Channel.CALL, Channel.EMAIL
MKT, TRX = Purpose.MARKETING, Purpose.TRANSACTIONAL
SIGNED = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
ILLINOIS_CELL = "+13125550142"
MIAMI_CELL = "+13055550142"


def opted_in(*channels: Channel) -> ConsentSummary:
    return ConsentSummary.of(
        ConsentRecord(channel, purpose, ConsentState.OPTED_IN, SIGNED, ConsentHow.SIGNED_FORM)
        for channel in channels or (TEXT, CALL) for purpose in Purpose)


def phone(value: str = ILLINOIS_CELL, state: str | None = "IL", *, textable: bool = True,
          status: ContactStatus = ContactStatus.ACTIVE,
          consent: ConsentSummary | None = None) -> ReachTarget:
    shown = phonenumbers.format_number(phonenumbers.parse(value), PhoneNumberFormat.NATIONAL)
    return ReachTarget(ContactKind.PHONE, shown, value, status, textable,
                       opted_in() if consent is None else consent, state)


def email(consent: ConsentSummary = NOTHING_RECORDED) -> ReachTarget:
    return ReachTarget(ContactKind.EMAIL, "ann@example.com", "ann@example.com",
                       ContactStatus.ACTIVE, False, consent, "IL")


def chicago(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CHICAGO)


# The order of the checks

def test_a_text_to_an_email_address_is_refused_with_the_consent_rule_s_words():
    answer = can_reach(email(), TEXT, MKT, chicago(2026, 3, 3, 12, 0))
    assert not answer.allowed and answer.next_allowed_at is None
    assert answer.reason == ("An email address has no text consent: choose the email "
                             "channel.")


@pytest.mark.parametrize("status", [ContactStatus.INACTIVE, ContactStatus.INVALID])
def test_an_inactive_or_invalid_value_is_refused_before_anything_else(status):
    answer = can_reach(phone(status=status), CALL, TRX, chicago(2026, 3, 3, 23, 0))
    assert not answer.allowed and answer.next_allowed_at is None
    assert answer.reason == f"(312) 555-0142 is marked {status.label.lower()}"


def test_a_landline_cannot_receive_texts_but_may_be_called():
    landline = phone(textable=False)
    answer = can_reach(landline, TEXT, TRX, chicago(2026, 3, 3, 12, 0))
    assert (answer.allowed, answer.reason, answer.next_allowed_at) == (
        False, "landline: cannot receive texts", None)
    assert can_reach(landline, CALL, TRX, chicago(2026, 3, 3, 12, 0)).allowed


def test_a_stop_reply_refuses_texts_even_inside_the_hours_and_before_quiet_hours_are_asked():
    stopped = ConsentSummary.of([ConsentRecord(
        TEXT, MKT, ConsentState.OPTED_OUT, SIGNED, ConsentHow.TEXT_REPLY, evidence="STOP")])
    for at in (chicago(2026, 3, 3, 12, 0), chicago(2026, 3, 3, 23, 0)):
        answer = can_reach(phone(consent=stopped), TEXT, MKT, at)
        assert not answer.allowed and answer.next_allowed_at is None
        assert answer.reason == "Opted out by STOP reply on 2026-03-01 (marketing texts)"


def test_a_marketing_text_without_an_opt_in_is_refused():
    answer = can_reach(phone(consent=NOTHING_RECORDED), TEXT, MKT, chicago(2026, 3, 3, 12, 0))
    assert answer.reason == "No opt-in to marketing texts on record"
    assert can_reach(phone(consent=NOTHING_RECORDED), TEXT, TRX,
                     chicago(2026, 3, 3, 12, 0)).reason == "may text now"


def test_an_allowed_answer_names_the_opt_in_it_rests_on():
    answer = can_reach(phone(), TEXT, MKT, chicago(2026, 3, 3, 12, 0))
    assert (answer.allowed, answer.reason, answer.next_allowed_at) == (
        True, "opted in by signed form on 2026-03-01", None)


def test_emails_have_no_quiet_hours():
    answer = can_reach(email(), EMAIL, MKT, chicago(2026, 3, 1, 3, 0))  # 3 AM on a Sunday
    assert (answer.allowed, answer.reason) == (True, "may email now")
    opted_out = ConsentSummary.of([ConsentRecord(
        EMAIL, MKT, ConsentState.OPTED_OUT, SIGNED, ConsentHow.PORTAL)])
    assert not can_reach(email(opted_out), EMAIL, MKT, chicago(2026, 3, 1, 3, 0)).allowed


def test_a_moment_without_an_offset_is_a_clear_error():
    with pytest.raises(ValueError, match="needs its UTC offset, e.g. 2026-03-01T21:40:00-06:00"):
        can_reach(phone(), TEXT, MKT, datetime(2026, 3, 3, 21, 40))


# Quiet hours, in words

def test_late_in_illinois_the_reason_gives_the_local_time_and_the_opening():
    answer = can_reach(phone(), TEXT, MKT, chicago(2026, 3, 3, 21, 40))
    assert not answer.allowed
    assert answer.reason == "it is 9:40 PM in Illinois: marketing texts may go out from 8:00 AM"
    assert answer.next_allowed_at == chicago(2026, 3, 4, 8, 0)
    assert answer.next_allowed_at.utcoffset() is not None
    assert answer.later
    assert (answer.opens, answer.opens_in) == ("8:00 AM", "Illinois"), "the card's short line"


def test_an_answer_refused_for_good_or_allowed_is_not_for_later():
    for answer in (can_reach(phone(textable=False), TEXT, TRX, chicago(2026, 3, 3, 21, 40)),
                   can_reach(phone(), TEXT, TRX, chicago(2026, 3, 3, 12, 0))):
        assert not answer.later and answer.opens is None and answer.opens_in is None


def test_a_miami_number_with_an_illinois_address_gets_the_stricter_florida_answer():
    at = chicago(2026, 3, 3, 20, 30)
    assert can_reach(phone(ILLINOIS_CELL, "IL"), TEXT, MKT, at).allowed
    answer = can_reach(phone(MIAMI_CELL, "IL"), TEXT, MKT, at)
    assert not answer.allowed
    assert answer.reason == (
        "it is 8:30 PM CST in Florida: marketing texts may go out from 8:00 AM CST "
        "(the address is in Illinois and the area code in Florida: the stricter reading)")
    assert answer.next_allowed_at == chicago(2026, 3, 4, 8, 0)


def test_an_illinois_number_with_a_florida_address_is_held_by_florida_too():
    answer = can_reach(phone(ILLINOIS_CELL, "FL"), CALL, MKT, chicago(2026, 3, 3, 20, 30))
    assert not answer.allowed and "in Florida" in answer.reason


def test_an_alabama_weekend_names_the_day_and_when_calls_may_go_out():
    alabama = phone("+12055550142", "AL")
    sunday = can_reach(alabama, CALL, MKT, chicago(2026, 3, 1, 11, 0))
    assert sunday.reason == ("it is Sunday in Alabama, when no marketing calls may go out: "
                             "they may go out from 8:00 AM tomorrow")
    assert sunday.next_allowed_at == chicago(2026, 3, 2, 8, 0)
    assert (sunday.opens, sunday.opens_in) == ("8:00 AM tomorrow", "Alabama")
    saturday = can_reach(alabama, CALL, MKT, chicago(2026, 2, 28, 20, 30))
    assert saturday.reason == ("it is 8:30 PM in Alabama: marketing calls may go out from "
                               "8:00 AM on Monday")


def test_a_holiday_is_named():
    answer = can_reach(phone("+12055550142", "AL"), TEXT, MKT, chicago(2026, 12, 25, 11, 0))
    assert answer.reason.startswith("it is Christmas Day in Alabama, a holiday when no "
                                    "marketing texts may go out")


def test_a_toll_free_number_with_no_address_is_read_for_every_zone_and_says_so():
    at = datetime(2026, 3, 3, 12, 0, tzinfo=NEW_YORK)  # noon in New York, 3 AM on Guam
    answer = can_reach(phone("+18005550142", None), CALL, MKT, at)
    assert not answer.allowed
    assert answer.reason.endswith("(time zone unknown: no address, and the number names no "
                                  "state; read for every US zone)")
    assert can_reach(phone("+18005550142", None), CALL, MKT, answer.next_allowed_at).allowed
    assert can_reach(phone("+18005550142", "NY"), CALL, MKT, at).allowed


# Never outside the file's windows, for every place the recipient may be

NUMBERS = ["+13125550142", "+13055550142", "+18505550142", "+12145550142", "+19155550142",
           "+12055550142", "+15045550142", "+16015550142", "+18015550142", "+14015550142",
           "+12065550142", "+14055550142", "+14105550142", "+12035550142", "+12705550142",
           "+12155550142", "+19075550142", "+18085550142", "+17875550142", "+14165550142",
           "+18005550142"]
FILE = json.loads((resources.files("contact_desk") / "resources" / "quiet_hours.json")
                  .read_text(encoding="utf-8"))
AREA_CODES = json.loads((resources.files("contact_desk") / "resources" / "area_codes.json")
                        .read_text(encoding="utf-8"))["area_codes"]
TERRITORIES = {"PR", "VI", "GU", "MP", "AS"}


def plausible(address_state: str | None, number: str) -> set[tuple[str | None, str]]:
    """The (state, zone) pairs the brief names: the address's state in all its zones, the
    area code's state in its zones and phonenumbers', all of them for a number naming none."""
    parsed = phonenumbers.parse(number)
    zones = set(phone_time_zones.time_zones_for_number(parsed))
    region = phonenumbers.region_code_for_number(parsed)
    states = ({region} if region in TERRITORIES
              else set(AREA_CODES.get(str(parsed.national_number)[:3], []))
              if region == "US" else set())
    pairs = {(address_state, zone) for zone in STATES[address_state][1]} if address_state else set()
    pairs |= {(state, zone) for state in states for zone in (*STATES[state][1], *zones)}
    if not states and region != "US":
        pairs |= {(None, zone) for zone in zones}
    if not pairs:
        pairs = {(state, zone) for state, (_, its) in STATES.items() for zone in its}
    return pairs


def inside_the_file(at: datetime, state: str | None, zone: str, channel: Channel,
                    purpose: Purpose) -> bool:
    """Read from the JSON itself: does every rule for this place allow the moment?"""
    for rule in FILE["rules"]:
        if rule["jurisdiction"] not in ("US", state):
            continue
        if purpose.cli_name not in rule["applies_to"].get(channel.cli_name, []):
            continue
        here = at.astimezone(ZoneInfo(rule.get("clock") or zone))
        holidays = rule["holidays"]
        if holidays is not None and (
                here.year not in holidays["years"]
                or here.date().isoformat() in {day["date"] for day in holidays["dates"]}):
            return False
        kind = ("weekday", "weekday", "weekday", "weekday", "weekday", "saturday",
                "sunday")[here.weekday()]
        hours = rule["hours"][kind]
        if hours is None or not (time.fromisoformat(hours[0]) <= here.time().replace(tzinfo=None)
                                 < time.fromisoformat(hours[1])):
            return False
    return True


moments = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 30),
                       timezones=st.just(UTC)).map(lambda moment: moment.replace(second=0,
                                                                                microsecond=0))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(at=moments, number=st.sampled_from(NUMBERS),
       address=st.sampled_from([None, "IL", "FL", "TX", "AL", "RI", "MS", "UT", "AZ", "HI",
                                "AK", "KY", "PA", "WA", "GU"]),
       channel=st.sampled_from([TEXT, CALL]), purpose=st.sampled_from(list(Purpose)))
def test_no_answer_allows_a_call_or_text_outside_the_file_s_window(at, number, address,
                                                                    channel, purpose):
    target = phone(number, address)
    answer = can_reach(target, channel, purpose, at)
    places = plausible(address, number)
    if answer.allowed:
        assert all(inside_the_file(at, state, zone, channel, purpose) for state, zone in places)
        return
    assert not all(inside_the_file(at, state, zone, channel, purpose) for state, zone in places)
    if answer.next_allowed_at is not None:
        opens = answer.next_allowed_at
        assert opens > at and opens.utcoffset() is not None
        assert all(inside_the_file(opens, state, zone, channel, purpose)
                   for state, zone in places)
        assert can_reach(target, channel, purpose, opens).allowed
        a_minute_before = opens - timedelta(minutes=1)
        if a_minute_before >= at:  # the earliest: nothing between the moment and the opening
            assert not can_reach(target, channel, purpose, a_minute_before).allowed


def test_the_oracle_reads_the_file_the_way_the_reasons_say():
    # The property test's reading of the JSON, checked against a moment known by heart.
    assert not inside_the_file(chicago(2026, 3, 3, 21, 40), "IL", "America/Chicago", TEXT, MKT)
    assert inside_the_file(chicago(2026, 3, 3, 20, 40), "IL", "America/Chicago", TEXT, MKT)
    assert not inside_the_file(chicago(2026, 12, 25, 11, 0), "AL", "America/Chicago", TEXT, MKT)
    assert date(2026, 12, 25).weekday() == 4
