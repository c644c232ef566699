"""Quiet hours: the rules of resources/quiet_hours.json, checked when read, and the earliest
moment every rule allows a call or text to every place a recipient may be.

Each rule holds in one jurisdiction (the whole US, or a state) for some channels and
purposes, and gives the hours of weekdays, Saturdays and Sundays, the banned holidays and
the source it comes from. A moment is allowed when every rule that applies, at every
candidate place (see domain/time_zones), allows it; domain/reach says it in words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from contact_desk.domain.consent import Purpose
from contact_desk.domain.enums import Channel
from contact_desk.domain.time_zones import STATES, Place

FORMAT = 1
FILE_NAME = "quiet_hours.json"
DAY_KINDS = ("weekday", "saturday", "sunday")
QUIET_CHANNELS = (Channel.CALL, Channel.TEXT)  # an email waits in the inbox: no quiet hours
# How far ahead the earliest allowed moment is looked for: past a year, no later time helps.
HORIZON_DAYS = 370
_RULE_KEYS = {"id", "jurisdiction", "kind", "name", "source", "applies_to", "hours",
              "holidays", "note", "clock"}
_KINDS = ("law", "policy")


@cache
def zone(name: str) -> ZoneInfo:
    """The zone of that name, kept: ZoneInfo keeps only a few and reads the others' files
    again."""
    return ZoneInfo(name)


class QuietHoursFileError(ValueError):
    """The quiet-hours file cannot be used; the message names the rule and the field."""


@dataclass(frozen=True)
class Window:
    """From ``opens`` until ``closes`` (excluded), on the recipient's clock."""

    opens: time
    closes: time


@dataclass(frozen=True)
class Closure:
    """Why a rule allows nothing on a day: its weekday, a holiday, or a year whose holidays
    the file does not list."""

    kind: str  # "day", "holiday" or "year"
    name: str  # "Sunday", "Christmas Day", "2028"


@dataclass(frozen=True)
class QuietHoursRule:
    id: str
    jurisdiction: str  # "US" or a state's code
    kind: str  # "law" or "policy"
    name: str
    source: str
    note: str
    applies_to: frozenset[tuple[Channel, Purpose]]
    days: tuple[Window | None, ...]  # Monday to Sunday
    holidays: Mapping[date, str] | None  # None: the rule bans no holidays
    holiday_years: frozenset[int]
    clock: str | None = None  # read the hours in this zone instead of the recipient's

    def holds(self, state: str | None, channel: Channel, purpose: Purpose) -> bool:
        return ((channel, purpose) in self.applies_to
                and self.jurisdiction in ("US", state))

    def closure(self, day: date) -> Closure | None:
        if self.holidays is not None:
            if day in self.holidays:
                return Closure("holiday", self.holidays[day])
            if day.year not in self.holiday_years:
                return Closure("year", str(day.year))
        if self.days[day.weekday()] is None:
            return Closure("day", day.strftime("%A"))
        return None

    def window(self, day: date) -> Window | None:
        return None if self.closure(day) else self.days[day.weekday()]

    def opens(self, place_zone: str, at: datetime) -> datetime | None:
        """The earliest moment from ``at`` on that this rule allows in ``place_zone`` (``at``
        itself when it is allowed); None when none within the horizon."""
        tz = zone(self.clock or place_zone)
        at = at.astimezone(UTC)
        first = at.astimezone(tz).date()
        for offset in range(HORIZON_DAYS):
            day = first + timedelta(days=offset)
            window = self.window(day)
            if window is None:
                continue
            closes = datetime.combine(day, window.closes, tz).astimezone(UTC)
            if at < closes:
                return max(at, datetime.combine(day, window.opens, tz).astimezone(UTC))
        return None


@dataclass(frozen=True)
class Hold:
    """A rule that does not allow the moment asked about, at one place."""

    rule: QuietHoursRule
    place: Place
    local: datetime  # the moment asked about, on the place's clock
    closure: Closure | None  # None: the day has hours, and the moment is outside them
    opens: datetime | None  # when this rule alone would allow it


@dataclass(frozen=True)
class Opening:
    """Whether a call or text may go out at a moment to every place, and from when."""

    allowed: bool
    next_allowed_at: datetime | None  # the moment asked about when allowed; UTC
    held_by: Hold | None  # the rule that holds it longest, when not allowed
    opened_by: Place | None = None  # the place whose rule sets next_allowed_at


@dataclass(frozen=True)
class QuietHours:
    rules: tuple[QuietHoursRule, ...]

    def rules_for(self, state: str | None, channel: Channel,
                  purpose: Purpose) -> tuple[QuietHoursRule, ...]:
        return tuple(rule for rule in self.rules if rule.holds(state, channel, purpose))

    def opening(self, places: Iterable[Place], channel: Channel, purpose: Purpose,
                at: datetime) -> Opening:
        """May a ``channel`` message for ``purpose`` reach every place at ``at``, and if not,
        the earliest moment every rule allows at every place."""
        if at.tzinfo is None:
            raise ValueError("quiet hours need a moment with its UTC offset")
        at = at.astimezone(UTC)
        # A rule reads the same clock at every place of one zone: each pair once, named by
        # the first place (the address's state comes first).
        unique: dict[tuple[str, str], tuple[QuietHoursRule, Place]] = {}
        for place in places:
            for rule in self.rules_for(place.state, channel, purpose):
                unique.setdefault((rule.id, rule.clock or place.zone), (rule, place))
        pairs = list(unique.values())
        known: dict[tuple[str, str, datetime], datetime | None] = {}

        def opens(rule: QuietHoursRule, place: Place, moment: datetime) -> datetime | None:
            key = (rule.id, rule.clock or place.zone, moment)
            if key not in known:
                known[key] = rule.opens(place.zone, moment)
            return known[key]

        holds = [(rule, place, opened) for rule, place in pairs
                 if (opened := opens(rule, place, at)) != at]
        if not holds:
            return Opening(True, at, None)
        rule, place, first = max(holds, key=lambda hold: hold[2] or datetime.max.replace(
            tzinfo=UTC))
        local = at.astimezone(zone(place.zone))
        closure = rule.closure(at.astimezone(zone(rule.clock or place.zone)).date())
        hold = Hold(rule, place, local, closure, first)
        moment, opened_by = _common_opening(pairs, opens, at)
        return Opening(False, moment, hold, opened_by or place)


def _common_opening(
    pairs: list[tuple[QuietHoursRule, Place]],
    opens: Callable[[QuietHoursRule, Place, datetime], datetime | None],
    at: datetime,
) -> tuple[datetime | None, Place | None]:
    """The earliest moment from ``at`` on that every (rule, place) allows: move to the
    latest opening until none moves it further; None past the horizon (places whose
    windows never meet, e.g. Guam and Rhode Island while the mainland keeps daylight
    time)."""
    horizon = at + timedelta(days=HORIZON_DAYS)
    moment, last = at, None
    while moment <= horizon:
        moved = False
        for rule, place in pairs:
            opened = opens(rule, place, moment)
            if opened is None:
                return None, None
            if opened > moment:
                moment, last, moved = opened, place, True
        if not moved:
            return moment, last
    return None, None


@cache
def default_quiet_hours() -> QuietHours:
    """The rules shipped in resources/quiet_hours.json, read and checked once."""
    source = resources.files("contact_desk") / "resources" / FILE_NAME
    return load_quiet_hours(source.read_text(encoding="utf-8"))


def load_quiet_hours(text: str, where: str = FILE_NAME) -> QuietHours:
    """Read and check a quiet-hours file; a bad one raises QuietHoursFileError naming the
    rule and the field that is wrong."""
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise QuietHoursFileError(f"{where} is not valid JSON: {error}") from None
    if not isinstance(body, dict):
        raise QuietHoursFileError(f"{where}: expected an object with 'format' and 'rules'")
    if body.get("format") != FORMAT:
        raise QuietHoursFileError(
            f"{where}: 'format' is {body.get('format')!r}; this desk reads format {FORMAT}")
    entries = body.get("rules")
    if not isinstance(entries, list) or not entries:
        raise QuietHoursFileError(f"{where}: 'rules' must be a non-empty list")
    rules: list[QuietHoursRule] = []
    for number, entry in enumerate(entries, start=1):
        rule = _rule(entry, f"{where}, rule #{number}")
        if any(other.id == rule.id for other in rules):
            raise QuietHoursFileError(f"{where}, rule {rule.id!r}: a second rule has this id")
        rules.append(rule)
    return QuietHours(tuple(rules))


def _rule(entry: Any, where: str) -> QuietHoursRule:
    if not isinstance(entry, dict):
        raise QuietHoursFileError(f"{where}: expected an object")
    if isinstance(entry.get("id"), str) and entry["id"].strip():
        where = f"{where.rsplit(', rule', 1)[0]}, rule {entry['id']!r}"
    unknown = sorted(set(entry) - _RULE_KEYS)
    if unknown:
        raise QuietHoursFileError(f"{where}: unknown field {unknown[0]!r} "
                                  f"(fields: {', '.join(sorted(_RULE_KEYS))})")
    text = {key: _text(entry, key, where) for key in ("id", "name", "source")}
    jurisdiction = _text(entry, "jurisdiction", where)
    if jurisdiction != "US" and jurisdiction not in STATES:
        raise QuietHoursFileError(f"{where}: jurisdiction {jurisdiction!r} is neither 'US' "
                                  "nor a state's two-letter code")
    kind = _text(entry, "kind", where)
    if kind not in _KINDS:
        raise QuietHoursFileError(f"{where}: kind {kind!r} is not one of {', '.join(_KINDS)}")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise QuietHoursFileError(f"{where}: 'note' must be text")
    clock = entry.get("clock")
    if clock is not None:
        try:
            ZoneInfo(clock)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise QuietHoursFileError(f"{where}: clock {clock!r} is not a time zone "
                                      "(e.g. America/Chicago)") from None
    holidays, years = _holidays(entry.get("holidays"), f"{where}: holidays")
    return QuietHoursRule(
        id=text["id"], jurisdiction=jurisdiction, kind=kind, name=text["name"],
        source=text["source"], note=note,
        applies_to=_applies_to(entry.get("applies_to"), f"{where}: applies_to"),
        days=_days(entry.get("hours"), f"{where}: hours"),
        holidays=holidays, holiday_years=years, clock=clock,
    )


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise QuietHoursFileError(f"{where}: {key!r} must be non-empty text")
    return value.strip()


def _applies_to(value: Any, where: str) -> frozenset[tuple[Channel, Purpose]]:
    names = ", ".join(channel.cli_name for channel in QUIET_CHANNELS)
    if not isinstance(value, dict) or not value:
        raise QuietHoursFileError(f"{where}: expected channels ({names}) and their purposes, "
                                  'e.g. {"text": ["marketing"]}')
    pairs: set[tuple[Channel, Purpose]] = set()
    for channel_name, purposes in value.items():
        if channel_name == Channel.EMAIL.cli_name:
            raise QuietHoursFileError(f"{where}: email has no quiet hours; channels: {names}")
        try:
            channel = Channel.from_cli_name(channel_name)
        except ValueError:
            raise QuietHoursFileError(f"{where}: {channel_name!r} is not a channel "
                                      f"({names})") from None
        if not isinstance(purposes, list) or not purposes:
            raise QuietHoursFileError(f"{where}.{channel_name}: expected a list of purposes")
        for purpose_name in purposes:
            try:
                pairs.add((channel, Purpose.from_cli_name(purpose_name)))
            except (ValueError, AttributeError):
                raise QuietHoursFileError(
                    f"{where}.{channel_name}: {purpose_name!r} is not a purpose "
                    f"({', '.join(purpose.cli_name for purpose in Purpose)})") from None
    return frozenset(pairs)


def _days(value: Any, where: str) -> tuple[Window | None, ...]:
    if not isinstance(value, dict) or set(value) != set(DAY_KINDS):
        raise QuietHoursFileError(f"{where}: expected exactly {', '.join(DAY_KINDS)}, each "
                                  '["HH:MM", "HH:MM"] or null for a day with none')
    windows = {kind: _window(value[kind], f"{where}.{kind}") for kind in DAY_KINDS}
    return (windows["weekday"],) * 5 + (windows["saturday"], windows["sunday"])


def _window(value: Any, where: str) -> Window | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != 2:
        raise QuietHoursFileError(f"{where}: expected [from, until], e.g. "
                                  '["08:00", "21:00"], or null')
    opens, closes = (_time(part, where) for part in value)
    if opens >= closes:
        raise QuietHoursFileError(f"{where}: {value[0]} is not before {value[1]}")
    return Window(opens, closes)


def _time(value: Any, where: str) -> time:
    try:
        if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
            raise ValueError
        return time(int(value[:2]), int(value[3:]))
    except ValueError:
        raise QuietHoursFileError(f"{where}: {value!r} is not a time like 08:00") from None


def _holidays(value: Any, where: str) -> tuple[Mapping[date, str] | None, frozenset[int]]:
    if value is None:
        return None, frozenset()
    if not isinstance(value, dict) or set(value) != {"years", "dates"}:
        raise QuietHoursFileError(f"{where}: expected null, or 'years' and 'dates'")
    years = value["years"]
    if (not isinstance(years, list) or not years
            or not all(isinstance(year, int) and not isinstance(year, bool) for year in years)):
        raise QuietHoursFileError(f"{where}.years: expected the years listed, e.g. [2026, 2027]")
    if not isinstance(value["dates"], list):
        raise QuietHoursFileError(f"{where}.dates: expected a list")
    days: dict[date, str] = {}
    for item in value["dates"]:
        if not isinstance(item, dict) or set(item) != {"date", "name"}:
            raise QuietHoursFileError(f"{where}.dates: expected {{'date': ..., 'name': ...}}, "
                                      f"found {item!r}")
        try:
            day = date.fromisoformat(item["date"])
        except (TypeError, ValueError):
            raise QuietHoursFileError(f"{where}.dates: {item['date']!r} is not a date like "
                                      "2026-12-25") from None
        if day.year not in years:
            raise QuietHoursFileError(f"{where}.dates: {day.isoformat()} is not in the years "
                                      f"listed ({', '.join(map(str, years))})")
        if day in days:
            raise QuietHoursFileError(f"{where}.dates: {day.isoformat()} is listed twice")
        if not isinstance(item["name"], str) or not item["name"].strip():
            raise QuietHoursFileError(f"{where}.dates: {day.isoformat()} needs a name")
        days[day] = item["name"].strip()
    return days, frozenset(years)
