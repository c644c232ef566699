"""When an import is about a customer already on file, and the words of a possible duplicate.

Families, offices and fleets share phones and emails, so a shared value alone never says
"same person": the name has to agree too. Where it does not, the import makes a new
customer and leaves the pair for a person to decide. A key a card carries (a customer
number, a UID) is checked against the name the same way, since cards are edited by hand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from contact_desk.domain.enums import LabelledEnum

_WORDS = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Names:
    """Who an import or a customer names: a person's first and last name, or a company."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""


def folded(text: str) -> str:
    """``text`` as names are compared: case and accents folded, spaces and punctuation gone
    ("Zoë O'Brien-Smith" -> "zoeobriensmith")."""
    return "".join(_words(text))


def names_agree(incoming: Names, on_file: Names) -> bool:
    """Whether ``incoming`` (a lead, a card) names the customer ``on_file``.

    A person agrees when the folded last names are the same and the first names are the
    same or one is the other's initial ("J." and "Jonathan"); a last name alone, or a first
    name alone, could be anyone in the family and agrees with nobody. A company standing
    alone agrees with a company standing alone of the same folded name, never with a person.
    """
    if incoming.first_name.strip() or incoming.last_name.strip():
        return (bool(folded(incoming.last_name))
                and folded(incoming.last_name) == folded(on_file.last_name)
                and _first_names_agree(incoming.first_name, on_file.first_name))
    if folded(on_file.first_name) or folded(on_file.last_name):
        return False
    return bool(folded(incoming.company)) and folded(incoming.company) == folded(on_file.company)


def same_full_name(incoming: Names, on_file: Names) -> bool:
    """Whether both name the person (first and last name) alike once folded, or, naming no
    person, the same company: "Smith" alone is "Smith" alone, though it agrees with nobody."""
    mine = (folded(incoming.first_name), folded(incoming.last_name))
    theirs = (folded(on_file.first_name), folded(on_file.last_name))
    if any(mine) or any(theirs):
        return mine == theirs
    return bool(folded(incoming.company)) and folded(incoming.company) == folded(on_file.company)


def names_confirm(incoming: Names, on_file: Names) -> bool:
    """Whether a card carrying a customer's key (DMS number, UID) is about that customer: the
    names agree, or are the very names on file (a customer known by a last name alone comes
    back so in the desk's own export)."""
    return names_agree(incoming, on_file) or same_full_name(incoming, on_file)


def _first_names_agree(one: str, other: str) -> bool:
    # The first given name decides: "Ann Marie" is Ann, "J. R." is J.
    mine, theirs = next(iter(_words(one)), ""), next(iter(_words(other)), "")
    if not (mine and theirs):
        return False
    if len(mine) == 1 or len(theirs) == 1:
        return mine[0] == theirs[0]
    return mine == theirs


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _WORDS.findall(bare)


class MatchBasis(LabelledEnum):
    """Why an import went to a customer already on file."""

    CUSTOMER_NUMBER = "customer number"
    CARD_UID = "card UID"
    EMAIL_AND_NAME = "email and name"
    PHONE_AND_NAME = "phone and name"


class DuplicateReason(LabelledEnum):
    """What two customers recorded as a possible duplicate have in common."""

    SAME_PHONE = "same phone"
    SAME_EMAIL = "same email"
    SAME_CUSTOMER_NUMBER = "same customer number"
    SAME_CARD_UID = "same card UID"
    SAME_MOBILE = "same mobile"
    SAME_VIN = "same VIN"
    SAME_BIRTH_DATE = "same birth date"
    SAME_ADDRESS = "same address"
    NAMES = "names"  # the two names, when they are not the same ("Jon Smith / John Smith")


class KeptApart(LabelledEnum):
    """Why an import that shares a key or a value with customers on file went to none of
    them; the label follows "The lead" or "The card"."""

    NAME_DISAGREES = "shares a phone or email with a customer whose name does not agree"
    SEVERAL_AGREE = ("has a name that agrees with more than one customer it shares a phone "
                     "or email with, and none of them alone has the same full name and the "
                     "same birth date or email")
    NUMBER_NAME_DISAGREES = "carries the customer number of a customer whose name does not agree"
    UID_NAME_DISAGREES = "carries the card UID of a customer whose name does not agree"


class DuplicateSource(LabelledEnum):
    """Where a possible duplicate was found."""

    ADF = "ADF lead"
    VCARD = "vCard"
    SCAN = "Duplicate scan"
    DESK = "Added at the desk"


class DuplicateStatus(LabelledEnum):
    """A person's decision on a possible duplicate; OPEN until someone decides."""

    OPEN = "Open"
    NOT_DUPLICATE = "Not a duplicate"
    MERGED = "Merged"
