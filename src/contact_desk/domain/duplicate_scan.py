"""Finding customers who may be one person, across everything on file.

A pair is a candidate when the two share something a person keeps: a phone (E.164), an
email, a VIN, or their folded full name with the same birth date or the same postal code and
street number; close names (one edit apart, first and last swapped, a nickname of the
other: Bill / William) count when they share a phone or an address. Each pair gets a score
and the reasons in words ("same mobile (312) 555-0142; names Jon Smith / John Smith").

Families share phones, emails and addresses: a shared value with a different first name is
a household hint, never a duplicate on its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache, lru_cache
from importlib import resources

from contact_desk.domain.duplicates import folded

# A value shared by more customers than this is the dealership's own, a fleet's switchboard
# or a placeholder ("noemail@..."): it blocks no pair (the pairs would be its square).
LARGEST_GROUP = 12
SHORTEST_TYPO_FIRST_NAME = 4
_STREET_NUMBER = re.compile(r"\d+")


class Kinship(Enum):
    """How two customers' names relate."""

    SAME = "same name"
    NICKNAME = "nickname"
    SWAPPED = "first and last name swapped"
    ONE_EDIT = "names one letter apart"
    HOUSEHOLD = "same last name, different first name"
    OTHER = "different names"


# What each relation of names is worth, and each shared thing; a pair scores their sum.
NAME_SCORE = {Kinship.SAME: 50, Kinship.NICKNAME: 40, Kinship.SWAPPED: 40, Kinship.ONE_EDIT: 35}
EVIDENCE_SCORE = {"email": 40, "vin": 35, "birth_date": 35, "phone": 25, "address": 20}


@dataclass(frozen=True)
class Candidate:
    """What the scan knows of one customer."""

    id: int
    number: str  # the DMS customer number, or "#id"
    first_name: str
    last_name: str
    company: str = ""
    birth_date: date | None = None
    postal_code: str = ""
    address_line1: str = ""
    phones: Mapping[str, tuple[str, bool]] = field(default_factory=dict)  # e164: shown, mobile
    emails: frozenset[str] = frozenset()
    vins: frozenset[str] = frozenset()

    @property
    def shown_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.company or self.number

    @property
    def folded_first(self) -> str:
        return fold(self.first_name)

    @property
    def folded_last(self) -> str:
        return fold(self.last_name)

    @property
    def address_key(self) -> tuple[str, str, str] | None:
        return house_key(self.postal_code, self.address_line1)


@dataclass(frozen=True)
class Finding:
    """Two customers (lower id first) who may be one person, or a household."""

    low: int
    high: int
    score: int
    reasons: tuple[tuple[str, str], ...]  # (what, the value in words), for the store
    duplicate: bool  # False: a household hint

    def said(self) -> str:
        return "; ".join(f"{what} {value}".strip() for what, value in self.reasons)


def house_key(postal_code: str | None, address_line1: str | None) -> tuple[str, str, str] | None:
    """The postal code (its first five) and the street number: one house."""
    number = _STREET_NUMBER.search(address_line1 or "")
    postal = (postal_code or "").strip()[:5]
    return ("address", postal, number.group()) if number and postal else None


def name_birth_key(first_name: str, last_name: str, born: date | None) -> tuple | None:
    """The folded full name with the birth date: one person, wherever they arrived from."""
    first, last = fold(first_name), fold(last_name)
    return ("born", first, last, born) if first and last and born is not None else None


@lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """``folded``, remembered: a scan folds a million names drawn from a few thousand."""
    return folded(name)


def block_keys(candidate: Candidate) -> Iterator[tuple]:
    """The keys a candidate is filed under: two customers sharing one are compared."""
    for phone in candidate.phones:
        yield ("phone", phone)
    for email in candidate.emails:
        yield ("email", email)
    for vin in candidate.vins:
        yield ("vin", vin)
    for key in (name_birth_key(candidate.first_name, candidate.last_name, candidate.birth_date),
                candidate.address_key):
        if key is not None:
            yield key


def candidate_pairs(candidates: Iterable[Candidate]) -> Iterator[tuple[int, int]]:
    """Each pair sharing a block key once, lower id first (groups over LARGEST_GROUP skipped)."""
    groups: dict[tuple, list[int]] = {}
    for candidate in candidates:
        for key in block_keys(candidate):
            groups.setdefault(key, []).append(candidate.id)
    yield from pairs_of_groups(groups.values())


def pairs_of_groups(groups: Iterable[list[int]]) -> Iterator[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    for members in groups:
        ids = sorted(set(members))
        if not 2 <= len(ids) <= LARGEST_GROUP:
            continue
        for at, low in enumerate(ids):
            for high in ids[at + 1:]:
                if (low, high) not in seen:
                    seen.add((low, high))
                    yield low, high


def kinship(one: Candidate, other: Candidate) -> Kinship:
    first, last = one.folded_first, one.folded_last
    first2, last2 = other.folded_first, other.folded_last
    if not (first or last) or not (first2 or last2):
        same_firm = bool(folded(one.company)) and folded(one.company) == folded(other.company)
        return Kinship.SAME if same_firm else Kinship.OTHER
    if (first, last) == (first2, last2):
        return Kinship.SAME
    if first and last and (first, last) == (last2, first2):
        return Kinship.SWAPPED
    if last == last2 and last and nicknames_agree(first, first2):
        return Kinship.NICKNAME
    # A first name one letter off is a typo only when long enough: Tim and Tom are two men.
    if ((last == last2 and min(len(first), len(first2)) >= SHORTEST_TYPO_FIRST_NAME
         and one_edit(first, first2)) or (first == first2 and one_edit(last, last2))):
        return Kinship.ONE_EDIT
    if last == last2 and last:
        return Kinship.HOUSEHOLD
    return Kinship.OTHER


def compare(one: Candidate, other: Candidate) -> Finding | None:
    """Whether the two may be one person (a duplicate), a household, or nothing to say."""
    low, high = (one, other) if one.id < other.id else (other, one)
    shared = _shared(low, high)
    if not shared:
        return None
    relation = kinship(low, high)
    names = ("names", f"{low.shown_name} / {high.shown_name}")
    kinds = {"phone" if kind == "mobile" else kind for kind, _ in shared}
    if relation in NAME_SCORE:
        evidence = kinds
        score = min(100, NAME_SCORE[relation] + sum(EVIDENCE_SCORE[k] for k in evidence))
        detail = [] if relation is Kinship.SAME else [names]
        return Finding(low.id, high.id, score, (*_worded(shared), *detail), True)
    household = kinds & {"phone", "email", "address"}
    if household and relation in (Kinship.HOUSEHOLD, Kinship.OTHER):
        # A shared value and a different first name: a family or an office, not one person.
        return Finding(low.id, high.id, 10, (*_worded(shared), names), False)
    return None


def _shared(one: Candidate, other: Candidate) -> list[tuple[str, str]]:
    found = [("phone", phone) for phone in one.phones.keys() & other.phones.keys()]
    found += [("email", email) for email in sorted(one.emails & other.emails)]
    found += [("vin", vin) for vin in sorted(one.vins & other.vins)]
    if one.birth_date is not None and one.birth_date == other.birth_date:
        found.append(("birth_date", one.birth_date.isoformat()))
    if one.address_key is not None and one.address_key == other.address_key:
        found.append(("address", one.address_line1))
    return [_shown(one, kind, value) for kind, value in sorted(found)]


def _shown(one: Candidate, kind: str, value: str) -> tuple[str, str]:
    if kind == "phone":
        shown, mobile = one.phones[value]
        return "phone" if not mobile else "mobile", shown
    return kind, value


_WORDS = {"phone": "same phone", "mobile": "same mobile", "email": "same email",
          "vin": "same VIN", "birth_date": "same birth date", "address": "same address"}


def _worded(shared: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(_WORDS[kind], value) for kind, value in shared]


def one_edit(one: str, other: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped ("Jon" / "John")."""
    if one == other or abs(len(one) - len(other)) > 1 or min(len(one), len(other)) < 3:
        return False
    if len(one) == len(other):
        diffs = [at for at, (a, b) in enumerate(zip(one, other)) if a != b]
        if len(diffs) == 1:
            return True
        return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                and one[diffs[0]] == other[diffs[1]] and one[diffs[1]] == other[diffs[0]])
    short, long = sorted((one, other), key=len)
    at = next((i for i, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    return short[at:] == long[at + 1:]


def nicknames_agree(one: str, other: str) -> bool:
    """Bill and William, Liz and Elizabeth: one person's names (resources/nicknames.json)."""
    if not one or not other or one == other:
        return False
    return bool(_nickname_groups().get(one, set()) & _nickname_groups().get(other, set()))


@cache
def _nickname_groups() -> dict[str, set[int]]:
    source = resources.files("contact_desk") / "resources" / "nicknames.json"
    groups: dict[str, set[int]] = {}
    for number, names in enumerate(json.loads(source.read_text(encoding="utf-8"))["groups"]):
        for name in names:
            groups.setdefault(folded(name), set()).add(number)
    return groups
