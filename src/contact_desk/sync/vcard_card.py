"""One vCard, both ways: what a card as address books write it says about a customer, and the
vCard 4.0 card the desk writes for one, so that its own export reads back as it was.

Read: 2.1 (Outlook: QUOTED-PRINTABLE, CHARSET, bare TYPE words), 3.0 (Apple, Google: item1.*
groups, type=pref) and 4.0 (PREF=1, tel: URIs). Written: TEL and EMAIL with their TYPE
words as a list (TYPE=cell,text), PREF=1 on the primary (written first), the opt-outs in
X-CONTACT-DESK-OPT-OUT, and what identifies the customer: the DMS customer number in
X-CONTACT-DESK-CUSTOMER-NUMBER, the desk's UID in UID.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import vobject

from contact_desk.domain.consent import NOTHING_RECORDED, ConsentSummary, Purpose
from contact_desk.domain.customer import split_full_name
from contact_desk.domain.duplicates import Names
from contact_desk.domain.enums import Channel, ContactKind, ContactPointType, ContactStatus
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.limits import check_birth_date, check_name_lengths
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.imports import MAX_UID, stored_key
from contact_desk.sync.contact_values import CheckedValue, check_value

CUSTOMER_NUMBER = "x-contact-desk-customer-number"
OPT_OUT = "X-CONTACT-DESK-OPT-OUT"
MAX_CUSTOMER_NUMBER = 32
_DMS_PHONE_TYPES = {ContactPointType.DMS_CELL: "cell", ContactPointType.DMS_HOME: "home",
                    ContactPointType.DMS_WORK: "work"}
# The TYPE words a value keeps (in ContactPoint.card_types) to write them back.
_CARD_TYPES = {ContactKind.PHONE: ("cell", "home", "work", "voice", "fax", "pager", "video",
                                   "textphone"),
               ContactKind.EMAIL: ("home", "work")}
# The opt-out words of a value (X-CONTACT-DESK-OPT-OUT=call,text), and the channel and
# purposes each stands for: written when any of them is opted out, read back as all.
OPT_OUT_WORDS: dict[ContactKind, dict[str, tuple[Channel, tuple[Purpose, ...]]]] = {
    ContactKind.PHONE: {"call": (Channel.CALL, tuple(Purpose)),
                        "text": (Channel.TEXT, tuple(Purpose))},
    ContactKind.EMAIL: {"marketing": (Channel.EMAIL, (Purpose.MARKETING,))}}


@dataclass(frozen=True)
class CardValue:
    """A phone or email of a card, with the TYPE words it keeps and the opt-out words it
    carries ("call", "text", "marketing": see OPT_OUT_WORDS)."""

    checked: CheckedValue
    card_types: str = ""
    opt_outs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    """One card as read: where it starts, who it names, and its values, preferred first."""

    line: int
    names: Names
    birth_date: date | None
    values: tuple[CardValue, ...]
    customer_number: str | None = None
    uid: str | None = None

    @property
    def shown(self) -> str:
        return names_shown(self.names)


def names_shown(names: Names) -> str:
    person = " ".join(part for part in (names.first_name, names.last_name) if part)
    return person or names.company or "a card without a name"


def read_card(line: int, text: str, region: str) -> Card:
    """The card in ``text`` (starting at ``line`` of its file); InvalidValue says why not."""
    try:
        card = vobject.readOne(text, ignoreUnreadable=False)
    except Exception as error:  # vobject raises ParseError and, on odd input, plain errors
        where = getattr(error, "lineNumber", None)
        at = f" at line {line + where - 1}" if isinstance(where, int) else ""
        raise InvalidValue(f"the card cannot be read{at}: it is not a valid vCard.") from None
    names = _card_names(card)
    try:  # too long, a name is refused as the DMS sync refuses it, never cut
        check_name_lengths(names.first_name, names.last_name, names.company)
    except InvalidValue as error:
        raise InvalidValue(f"its {error.message[0].lower()}{error.message[1:]}") from None
    ranked: list[tuple[tuple[int, int], CardValue]] = []
    for property_name, kind in (("tel", ContactKind.PHONE), ("email", ContactKind.EMAIL)):
        for entry in card.contents.get(property_name, []):
            raw = _value_text(entry.value, kind)
            if not raw:
                continue
            try:
                value = check_value(kind, raw, region)
            except InvalidValue as error:
                raise InvalidValue(f"{names_shown(names)}: {error.message}") from None
            if all(value.key != other.checked.key for _, other in ranked):
                words = _type_words(entry)
                kept = ",".join(dict.fromkeys(w for w in words if w in _CARD_TYPES[kind]))
                ranked.append((_preference(entry, words),
                               CardValue(value, kept[:40], _opt_outs(entry, kind))))
    values = tuple(value for _, value in sorted(ranked, key=lambda pair: pair[0]))
    bday = card.contents.get("bday")
    try:
        born = birthday(str(bday[0].value), date.today()) if bday else None
    except InvalidValue as error:
        raise InvalidValue(f"{names_shown(names)}: {error.message}") from None
    return Card(line, names, born, values, _customer_number(card, names),
                stored_key(_single(card, "uid"), MAX_UID) or None)


def _customer_number(card: vobject.base.Component, names: Names) -> str | None:
    number = " ".join(_single(card, CUSTOMER_NUMBER).split())
    if len(number) > MAX_CUSTOMER_NUMBER:
        raise InvalidValue(f"{names_shown(names)}: its customer number is longer than "
                           f"{MAX_CUSTOMER_NUMBER} characters.")
    return number or None


def _single(card: vobject.base.Component, name: str) -> str:
    entries = card.contents.get(name, [])
    return str(entries[0].value or "").strip() if entries else ""


def _card_names(card: vobject.base.Component) -> Names:
    first = last = company = ""
    if "n" in card.contents:
        name = card.n.value
        first, last = _joined(getattr(name, "given", "")), _joined(getattr(name, "family", ""))
    if "org" in card.contents:
        company = _joined(card.org.value[:1] if isinstance(card.org.value, list) else card.org.value)
    if not (first or last) and "fn" in card.contents and card.fn.value.strip() != company:
        first, last = split_full_name(card.fn.value)
    return Names(first, last, company)


def _joined(part: str | list[str]) -> str:
    return " ".join((" ".join(part) if isinstance(part, list) else part or "").split())


def _value_text(value: str, kind: ContactKind) -> str:
    text = (value or "").strip()
    if kind is ContactKind.PHONE and text.casefold().startswith("tel:"):
        number, _, extension = text[4:].partition(";ext=")
        text = f"{number} ext. {extension}" if extension else number
    if kind is ContactKind.EMAIL and text.casefold().startswith("mailto:"):
        text = text[7:]
    return text


def _type_words(entry: vobject.base.ContentLine) -> list[str]:
    """TYPE=a,b (4.0), TYPE="a,b", type=a;type=b (3.0) and bare words (2.1), in order."""
    words = [word.strip().casefold() for value in entry.params.get("TYPE", [])
             for word in value.split(",")]
    return words + [word.casefold() for word in entry.singletonparams]


def _preference(entry: vobject.base.ContentLine, words: list[str]) -> tuple[int, int]:
    """Sort key: a PREF=n (4.0) or a pref type (2.1, 3.0) first, then the order in the card."""
    pref = entry.params.get("PREF", [])
    if pref and pref[0].strip().isdigit():
        return (0, int(pref[0]))
    return (0, 100) if "pref" in words else (1, 0)


def _opt_outs(entry: vobject.base.ContentLine, kind: ContactKind) -> tuple[str, ...]:
    said = {word.strip().casefold() for value in entry.params.get(OPT_OUT, [])
            for word in value.split(",")}
    return tuple(word for word in OPT_OUT_WORDS[kind] if word in said)


def birthday(text: str, today: date) -> date | None:
    """A vCard BDAY (19800517, 1980-05-17, 1980-05-17T00:00:00Z) as a date; None without a
    year (--0517), as the desk keeps whole dates. InvalidValue when it is no date, or not a
    possible birth date (the DMS sync's limits, domain/limits)."""
    day = text.strip().split("T")[0]
    if day.startswith("--"):
        return None
    digits = day.replace("-", "")
    try:
        if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
            raise ValueError(day)
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise InvalidValue(f"its birthday {text.strip()!r} is not a date written YYYY-MM-DD",
                           field="birth_date") from None
    try:
        return check_birth_date(born, today)
    except InvalidValue as error:
        raise InvalidValue(f"its birthday {error.message}", field="birth_date") from None


# ---------------------------------------------------------------- the card the desk writes


def card_of(customer: Customer, uid: str | None,
            consent: Mapping[tuple[ContactKind, str], ConsentSummary]) -> vobject.base.Component:
    """``customer`` as a vCard 4.0 card: only active values (an address book has no use for a
    number the desk knows is gone), the primary of each kind first, with the opt-outs of
    ``consent`` (each value's current consent)."""
    card = vobject.vCard()
    card.add("version").value = "4.0"
    if uid:
        card.add("uid").value = uid
    card.add("fn").value = customer.full_name
    card.add("n").value = vobject.vcard.Name(family=customer.last_name,
                                              given=customer.first_name)
    if customer.company:
        card.add("org").value = [customer.company]
    if customer.birth_date:
        card.add("bday").value = customer.birth_date.strftime("%Y%m%d")
    active = [p for p in customer.contact_points if p.status is ContactStatus.ACTIVE]
    # An import adds a card's preferred value first: written first, it reads back in order.
    for point in sorted(active, key=lambda p: (not p.is_primary, p.id)):
        _add_value(card, customer, point,
                   consent.get((point.kind, point.value), NOTHING_RECORDED))
    if customer.customer_number:
        card.add(CUSTOMER_NUMBER).value = customer.customer_number
    return card


def _add_value(card: vobject.base.Component, customer: Customer, point: ContactPoint,
               consent: ConsentSummary) -> None:
    opted_out = [word for word, (channel, purposes) in OPT_OUT_WORDS[point.kind].items()
                 if any(consent.opted_out(channel, purpose) for purpose in purposes)]
    kept = [word for word in point.card_types.split(",") if word]
    if point.kind is ContactKind.PHONE:
        entry = card.add("tel")
        extension = f";ext={point.extension}" if point.extension else ""
        entry.value = f"tel:{point.value}{extension}"
        entry.encoded = True  # a URI: its ";ext=" is not text to escape
        entry.params["VALUE"] = ["uri"]
        types = ([_DMS_PHONE_TYPES[point.type]] if point.type in _DMS_PHONE_TYPES
                 else kept or ["cell" if point.can_receive_texts else "voice"])
        if point.can_receive_texts and "text" not in opted_out:
            types.append("text")
    else:
        entry = card.add("email")
        entry.value = point.value
        types = kept or ["work" if customer.company and not customer.last_name else "home"]
    entry.params["TYPE"] = types
    if point.is_primary:
        entry.params["PREF"] = ["1"]
    if opted_out:
        entry.params[OPT_OUT] = opted_out
