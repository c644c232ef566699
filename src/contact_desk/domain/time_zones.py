"""Where a recipient may be: the US states and territories with their time zones, and the
places a customer's address and a phone's area code point to.

Quiet hours are the recipient's local time, and nobody knows for sure where a person is. The
address's state gives every zone of that state; the phone's area code gives its state (from
resources/area_codes.json, derived from phonenumbers' geocoder, whose own tables weigh 40 MB)
and phonenumbers' time zones for the number. Every place either points to is a candidate,
and domain/reach allows a message only when every candidate allows it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import phonenumbers
from phonenumbers import timezone as phone_time_zones

# Code: (name, IANA zones). States across a zone line give every zone a resident may keep:
# the Florida panhandle, west Kentucky and Tennessee, the Upper Peninsula's west end, north
# Idaho, east Oregon, west Kansas, Nebraska and the Dakotas, El Paso, West Wendover, the
# Navajo Nation in Arizona, and the Aleutians.
STATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AL": ("Alabama", ("America/Chicago",)),
    "AK": ("Alaska", ("America/Anchorage", "America/Juneau", "America/Sitka",
                      "America/Yakutat", "America/Nome", "America/Metlakatla", "America/Adak")),
    "AZ": ("Arizona", ("America/Phoenix", "America/Denver")),
    "AR": ("Arkansas", ("America/Chicago",)),
    "CA": ("California", ("America/Los_Angeles",)),
    "CO": ("Colorado", ("America/Denver",)),
    "CT": ("Connecticut", ("America/New_York",)),
    "DE": ("Delaware", ("America/New_York",)),
    "DC": ("the District of Columbia", ("America/New_York",)),
    "FL": ("Florida", ("America/New_York", "America/Chicago")),
    "GA": ("Georgia", ("America/New_York",)),
    "HI": ("Hawaii", ("Pacific/Honolulu",)),
    "ID": ("Idaho", ("America/Boise", "America/Los_Angeles")),
    "IL": ("Illinois", ("America/Chicago",)),
    "IN": ("Indiana", ("America/Indiana/Indianapolis", "America/Chicago")),
    "IA": ("Iowa", ("America/Chicago",)),
    "KS": ("Kansas", ("America/Chicago", "America/Denver")),
    "KY": ("Kentucky", ("America/New_York", "America/Chicago")),
    "LA": ("Louisiana", ("America/Chicago",)),
    "ME": ("Maine", ("America/New_York",)),
    "MD": ("Maryland", ("America/New_York",)),
    "MA": ("Massachusetts", ("America/New_York",)),
    "MI": ("Michigan", ("America/Detroit", "America/Menominee")),
    "MN": ("Minnesota", ("America/Chicago",)),
    "MS": ("Mississippi", ("America/Chicago",)),
    "MO": ("Missouri", ("America/Chicago",)),
    "MT": ("Montana", ("America/Denver",)),
    "NE": ("Nebraska", ("America/Chicago", "America/Denver")),
    "NV": ("Nevada", ("America/Los_Angeles", "America/Denver")),
    "NH": ("New Hampshire", ("America/New_York",)),
    "NJ": ("New Jersey", ("America/New_York",)),
    "NM": ("New Mexico", ("America/Denver",)),
    "NY": ("New York", ("America/New_York",)),
    "NC": ("North Carolina", ("America/New_York",)),
    "ND": ("North Dakota", ("America/Chicago", "America/Denver")),
    "OH": ("Ohio", ("America/New_York",)),
    "OK": ("Oklahoma", ("America/Chicago",)),
    "OR": ("Oregon", ("America/Los_Angeles", "America/Boise")),
    "PA": ("Pennsylvania", ("America/New_York",)),
    "RI": ("Rhode Island", ("America/New_York",)),
    "SC": ("South Carolina", ("America/New_York",)),
    "SD": ("South Dakota", ("America/Chicago", "America/Denver")),
    "TN": ("Tennessee", ("America/New_York", "America/Chicago")),
    "TX": ("Texas", ("America/Chicago", "America/Denver")),
    "UT": ("Utah", ("America/Denver",)),
    "VT": ("Vermont", ("America/New_York",)),
    "VA": ("Virginia", ("America/New_York",)),
    "WA": ("Washington", ("America/Los_Angeles",)),
    "WV": ("West Virginia", ("America/New_York",)),
    "WI": ("Wisconsin", ("America/Chicago",)),
    "WY": ("Wyoming", ("America/Denver",)),
    "PR": ("Puerto Rico", ("America/Puerto_Rico",)),
    "VI": ("the U.S. Virgin Islands", ("America/St_Thomas",)),
    "GU": ("Guam", ("Pacific/Guam",)),
    "MP": ("the Northern Mariana Islands", ("Pacific/Saipan",)),
    "AS": ("American Samoa", ("Pacific/Pago_Pago",)),
}
# The territories phonenumbers gives regions of their own; "CA" there is Canada.
TERRITORIES = frozenset({"PR", "VI", "GU", "MP", "AS"})
_BY_NAME = {name.removeprefix("the ").replace(".", "").casefold(): code
            for code, (name, _) in STATES.items()}
_BY_NAME.update({"washington dc": "DC", "virgin islands": "VI", "us virgin islands": "VI"})


def state_code(text: str | None) -> str | None:
    """The code of a state or territory written as a code or a name ("il", "Illinois"),
    or None when it names none."""
    wanted = " ".join((text or "").replace(".", "").split())
    if wanted.upper() in STATES:
        return wanted.upper()
    return _BY_NAME.get(wanted.casefold())


def state_name(code: str) -> str:
    return STATES[code][0]


AREA_CODE_FILE = "area_codes.json"


@cache
def _area_codes() -> dict[str, tuple[str, ...]]:
    source = resources.files("contact_desk") / "resources" / AREA_CODE_FILE
    table = json.loads(source.read_text(encoding="utf-8"))["area_codes"]
    return {area: tuple(states) for area, states in table.items()}


def area_code_states(e164: str) -> tuple[str, ...]:
    """The states or territories a NANP number's area code belongs to (one, nearly always);
    none for toll-free, non-geographic and non-US numbers, and area codes newer than the
    table."""
    number = _parsed(e164)
    if number is None:
        return ()
    region = phonenumbers.region_code_for_number(number)
    if region in TERRITORIES:  # they have region codes of their own
        return (region,)
    if region != "US":
        return ()
    return _area_codes().get(str(number.national_number)[:3], ())


def number_zones(e164: str) -> tuple[str, ...]:
    """phonenumbers' zones for a number ("Etc/Unknown" dropped): one for most area codes,
    every zone of the plan for a toll-free number."""
    number = _parsed(e164)
    if number is None:
        return ()
    return tuple(zone for zone in phone_time_zones.time_zones_for_number(number)
                 if zone != phone_time_zones.UNKNOWN_TIMEZONE)


@dataclass(frozen=True)
class Place:
    """One place the recipient may be: a state or territory (None: outside the US states,
    or not known) and a time zone."""

    state: str | None
    zone: str


@dataclass(frozen=True)
class RecipientPlaces:
    """Every place the recipient may be, and what they were read from."""

    places: tuple[Place, ...]
    address_state: str | None
    phone_states: tuple[str, ...]
    unknown: bool  # no address, and a number that names no state (toll-free...)

    @property
    def disagree(self) -> bool:
        """The address is in one state and the phone's area code in another."""
        return bool(self.address_state and self.phone_states
                    and self.phone_states != (self.address_state,))

    def state_zones(self, state: str | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(place.zone for place in self.places if place.state == state))


def _every_place() -> tuple[Place, ...]:
    return tuple(Place(code, zone) for code, (_, zones) in STATES.items() for zone in zones)


def recipient_places(address_state: str | None, phone_e164: str | None) -> RecipientPlaces:
    """Where a recipient may be, read from the address's state and the phone's number."""
    address = state_code(address_state)
    places: dict[Place, None] = {}
    if address:
        places.update(dict.fromkeys(Place(address, zone) for zone in STATES[address][1]))
    phone_states = area_code_states(phone_e164) if phone_e164 else ()
    zones = number_zones(phone_e164) if phone_e164 else ()
    for state in phone_states:
        places.update(dict.fromkeys(Place(state, zone) for zone in STATES[state][1]))
        places.update(dict.fromkeys(Place(state, zone) for zone in zones))
    if not phone_states and zones and _region(phone_e164 or "") != "US":
        # Canada, the Caribbean: no US state's law; the federal hours in the number's zones.
        places.update(dict.fromkeys(Place(None, zone) for zone in zones))
    if places:
        return RecipientPlaces(tuple(places), address, phone_states, unknown=False)
    # No address, and a toll-free or unknown number: it may ring in any state, in any zone.
    every = _every_place()
    known = {place.zone for place in every}
    places.update(dict.fromkeys(every))
    places.update(dict.fromkeys(Place(None, zone) for zone in zones if zone not in known))
    return RecipientPlaces(tuple(places), None, (), unknown=True)


def _region(e164: str) -> str | None:
    number = _parsed(e164)
    return phonenumbers.region_code_for_number(number) if number else None


def _parsed(e164: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
