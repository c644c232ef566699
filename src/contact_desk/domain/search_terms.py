"""What a customer is filed under for search, and what a typed query looks for: both folded
the same way, so "munoz" finds Muñoz, "obrien" and "smith" find O'Brien-Smith, "0142" finds
a phone ending in it and "100001" the customer number C100001.

A key is read from its start (a prefix search on an index). Keys of four kinds: TEXT (names'
words, a name whole, a customer number, an email and its domain, a VIN), PHONE (a phone's
digits from its country code on, and without its area code), and two read backwards, so
"ends with" is a prefix too: PHONE_END (the last four digits or more) and VIN_END (the last
six characters or more, as read off a windshield).

Ranking: a key's place says what a match on it is worth: the whole of a field typed in
full is an exact match (rank 0); the start of a field's first word comes next (rank 1);
another word, a domain, a number's end or its local digits last (rank 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from anyascii import anyascii

# The longest key kept (an email's whole length): a longer name is filed under its start.
KEY_LENGTH = 254
MIN_PHONE_DIGITS = 3  # fewer digits are part of a name, a number or a VIN, not a phone
MIN_PHONE_END = 4  # "the last four digits", as a customer is asked on the phone
MIN_VIN_END = 6  # the last six or eight characters of a VIN
_PHONE_TYPED = re.compile(r"[\d\s().+\-/]+")
_APOSTROPHES = re.compile(r"['`]")
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")


class KeyKind(IntEnum):
    """Which index a key is read from (stored as its number)."""

    TEXT = 0
    PHONE = 1
    PHONE_END = 2
    VIN_END = 3


class Place(IntEnum):
    """Where in its field a key stands: what a match on it ranks (stored as its number)."""

    WHOLE = 0  # the whole field (or its first word when it is one word)
    FIRST = 1  # the first word of a field of several
    OTHER = 2  # another word, an email's domain, a phone's local digits, an ending


class Rank(IntEnum):
    """The order a search lists its matches in: exact first, then first words, then the rest."""

    EXACT = 0
    FIRST_WORD = 1
    OTHER_WORD = 2


@dataclass(frozen=True, order=True)
class SearchKey:
    kind: KeyKind
    key: str
    place: Place


@dataclass(frozen=True)
class Alternative:
    """One way a typed word can match: a key of ``kind`` starting with ``prefix``."""

    kind: KeyKind
    prefix: str


@dataclass(frozen=True)
class Term:
    """A typed word: a customer matches it when any alternative matches one of its keys."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class SearchQuery:
    """What a query looks for. A customer matches when one of ``exact`` equals one of its
    whole keys, or when every term matches a key of theirs; the first term's place ranks
    the match."""

    exact: tuple[Alternative, ...]
    terms: tuple[Term, ...]


def words(text: str | None) -> list[str]:
    """The folded words of a name: accents and case gone, apostrophes dropped, any other
    punctuation a break. "O'Brien-Smith" -> ["obrien", "smith"]."""
    folded = _APOSTROPHES.sub("", anyascii(text or "").lower())
    return [word for word in _NOT_LETTERS.split(folded) if word]


def compact(text: str | None) -> str:
    """The folded letters and digits of ``text`` run together: "X-77" -> "x77"."""
    return "".join(words(text))[:KEY_LENGTH]


def customer_keys(
    *,
    first_name: str = "",
    last_name: str = "",
    company: str = "",
    customer_number: str | None = None,
    emails: Iterable[str] = (),
    phones: Iterable[tuple[str, str]] = (),
    vins: Iterable[str] = (),
) -> list[SearchKey]:
    """Every key a customer is found by, each (kind, key) once at its best place.

    ``phones`` are (E.164, local digits) pairs; ``emails`` are stored (normalised) values.
    """
    found: dict[tuple[KeyKind, str], Place] = {}

    def add(kind: KeyKind, key: str, place: Place) -> None:
        key = key[:KEY_LENGTH]
        if key and found.get((kind, key), Place.OTHER + 1) > place:
            found[(kind, key)] = place

    named = {}
    for field, text in (("first", first_name), ("last", last_name), ("company", company)):
        named[field] = folded = words(text)
        if folded:
            add(KeyKind.TEXT, "".join(folded), Place.WHOLE)
            add(KeyKind.TEXT, folded[0], Place.FIRST if len(folded) > 1 else Place.WHOLE)
            for word in folded[1:]:
                add(KeyKind.TEXT, word, Place.OTHER)
    if named["first"] and named["last"]:
        add(KeyKind.TEXT, "".join(named["first"] + named["last"]), Place.WHOLE)
    number = compact(customer_number)
    add(KeyKind.TEXT, number, Place.WHOLE)
    add(KeyKind.TEXT, re.sub(r"\D", "", number), Place.WHOLE)  # "C100001" typed as 100001
    for email in emails:
        email = email.casefold()
        add(KeyKind.TEXT, email, Place.WHOLE)
        add(KeyKind.TEXT, email.rpartition("@")[2], Place.OTHER)
    for e164, local_digits in phones:
        digits = re.sub(r"\D", "", e164)
        add(KeyKind.PHONE, digits, Place.WHOLE)
        add(KeyKind.PHONE, local_digits, Place.OTHER)
        add(KeyKind.PHONE_END, digits[::-1], Place.OTHER)
    for vin in vins:
        vin = compact(vin)
        add(KeyKind.TEXT, vin, Place.WHOLE)
        add(KeyKind.VIN_END, vin[::-1], Place.OTHER)
    return sorted(SearchKey(kind, key, place) for (kind, key), place in found.items())


def search_query(text: str, country_code: int) -> SearchQuery | None:
    """What ``text`` looks for; None when nothing was typed (the list of everyone).

    ``country_code`` is the home region's (1 in the US): a phone typed without one is
    looked for under it. A query of phone characters only ("(212) 555-01", "+1 312") is
    one term, its digits; otherwise each word typed is a term.
    """
    text = " ".join(text.split())
    if not text:
        return None
    if _PHONE_TYPED.fullmatch(text) and len(re.sub(r"\D", "", text)) >= MIN_PHONE_DIGITS:
        term = _term(text, country_code)
        return SearchQuery(_exact(term), (term,))
    terms = tuple(term for term in (_term(word, country_code) for word in text.split())
                  if term.alternatives)
    if not terms:
        return None
    if len(terms) == 1:
        return SearchQuery(_exact(terms[0]), terms)
    return SearchQuery((Alternative(KeyKind.TEXT, compact(text)),), terms)


def _exact(term: Term) -> tuple[Alternative, ...]:
    return tuple(alternative for alternative in term.alternatives
                 if alternative.kind in (KeyKind.TEXT, KeyKind.PHONE))


def _term(typed: str, country_code: int) -> Term:
    letters = compact(typed)
    found = [Alternative(KeyKind.TEXT, letters)] if letters else []
    raw = typed.casefold()[:KEY_LENGTH]
    if letters and raw != letters and raw.isascii():  # an email: "ann.lee@"
        found.append(Alternative(KeyKind.TEXT, raw))
    digits = re.sub(r"\D", "", typed)
    if _PHONE_TYPED.fullmatch(typed) and len(digits) >= MIN_PHONE_DIGITS:
        found.append(Alternative(KeyKind.PHONE, digits))  # "+44 20", "1 212 555", "555 01"
        if not typed.lstrip().startswith("+"):
            found.append(Alternative(KeyKind.PHONE, f"{country_code}{digits}"))  # "(212) 5"
        if len(digits) >= MIN_PHONE_END:
            found.append(Alternative(KeyKind.PHONE_END, digits[::-1]))
    if len(letters) >= MIN_VIN_END:
        found.append(Alternative(KeyKind.VIN_END, letters[::-1]))
    return Term(tuple(dict.fromkeys(found)))


def rank_of(keys: Iterable[SearchKey], wanted: SearchQuery) -> Rank | None:
    """Where a customer of these keys stands among the matches of ``wanted``; None when
    they do not match it (the rule the store's statements follow)."""
    keys = list(keys)
    exact = {(alternative.kind, alternative.prefix) for alternative in wanted.exact}
    if any(key.place is Place.WHOLE and (key.kind, key.key) in exact for key in keys):
        return Rank.EXACT

    def matched(term: Term, places: tuple[Place, ...]) -> bool:
        return any(key.kind == alternative.kind and key.place in places
                   and key.key.startswith(alternative.prefix)
                   for key in keys for alternative in term.alternatives)

    first, *others = wanted.terms
    if not all(matched(term, tuple(Place)) for term in others):
        return None
    if matched(first, (Place.WHOLE, Place.FIRST)):
        return Rank.FIRST_WORD
    return Rank.OTHER_WORD if matched(first, (Place.OTHER,)) else None
