"""vCards in and out, through vobject: import what address books really export, export 4.0.

Import reads vCard 2.1 (Outlook: QUOTED-PRINTABLE, CHARSET, bare TYPE words), 3.0 (Apple,
Google: item1.* groups, type=pref) and 4.0 (PREF=1, tel: URIs). Each card matches a
customer by email or phone, or becomes a new one; its values become dealer-added, and on a
new customer its preferred phone and email become primary. A card that cannot be read, or
holds a value that is not a phone or email, is skipped whole and reported.
Export writes vCard 4.0: TEL and EMAIL with TYPE, and PREF=1 on the primary.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import vobject
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.customer import check_customer_names, split_full_name
from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus, Permission
from contact_desk.domain.errors import DomainError, InvalidValue
from contact_desk.services.contact_points import settle_primary
from contact_desk.services.customers import new_customer
from contact_desk.services.lookup import home_region
from contact_desk.store.customer import Customer
from contact_desk.store.database import Database
from contact_desk.sync.contact_values import (
    CheckedValue,
    add_missing_values,
    check_value,
    find_customer_by_values,
)
from contact_desk.sync.encodings import read_text
from contact_desk.sync.report import BadRow, VcardImportReport

Progress = Callable[[int, int], None]
MAX_VCARD_BYTES = 50_000_000
BATCH = 100
_DEALER_ADDED = {ContactKind.PHONE: ContactPointType.DEALER_PHONE,
                 ContactKind.EMAIL: ContactPointType.DEALER_EMAIL}
_PHONE_TYPES = {ContactPointType.DMS_CELL: "cell", ContactPointType.DMS_HOME: "home",
                ContactPointType.DMS_WORK: "work"}
_LINES = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Card:
    """One card as read: where it starts, who it names, and its values, preferred first."""

    line: int
    first_name: str
    last_name: str
    company: str
    birth_date: date | None
    values: tuple[CheckedValue, ...]

    @property
    def shown(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or self.company


def import_vcards(
    database: Database, actor: Actor, path: Path, progress: Progress | None = None
) -> VcardImportReport:
    """Import every card of a .vcf file, a batch of cards per transaction."""
    actor.require(Permission.RUN_SYNC)
    path = Path(path)
    chunks = list(_card_texts(path, read_text(path, MAX_VCARD_BYTES)))
    region = _region(database)
    counts = {"created": 0, "matched": 0, "added": 0}
    bad_cards: list[BadRow] = []
    for start in range(0, len(chunks), BATCH):
        batch_counts = dict.fromkeys(counts, 0)
        batch_bad: list[BadRow] = []
        with database.unit_of_work() as uow:
            for line, text in chunks[start:start + BATCH]:
                try:
                    card = _read_card(line, text, region)
                    _import_card(uow.session, actor, card, batch_counts)
                except InvalidValue as error:
                    batch_bad.append(BadRow(line, "", error.message))
            if progress is not None:
                progress(min(start + BATCH, len(chunks)), len(chunks))
            uow.commit()
        counts = {key: counts[key] + batch_counts[key] for key in counts}
        bad_cards += batch_bad
    return VcardImportReport(cards_read=len(chunks), customers_created=counts["created"],
                             customers_matched=counts["matched"], values_added=counts["added"],
                             bad_cards=tuple(bad_cards))


def _region(database: Database) -> str:
    with database.unit_of_work() as uow:
        return home_region(uow.session)


def _import_card(session: Session, actor: Actor, card: Card, counts: dict[str, int]) -> None:
    """Everything that can refuse the card is asked before the first write."""
    customer = find_customer_by_values(session, card.values)
    if customer is None:
        names = check_customer_names(card.first_name, card.last_name, card.company)
        customer = new_customer(session, actor, first_name=names[0], last_name=names[1],
                                company=names[2], birth_date=card.birth_date)
        counts["created"] += 1
    else:
        counts["matched"] += 1
    counts["added"] += add_missing_values(session, actor, customer, _DEALER_ADDED, card.values)
    for kind in ContactKind:
        settle_primary(session, actor, customer, kind)


def _card_texts(path: Path, text: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each BEGIN:VCARD ... END:VCARD, with Outlook's soft breaks joined.

    A card left open (the file cut short, an END line missing) is handed on as it is, for
    vobject to refuse.
    """
    card: list[str] = []
    start = 0
    for number, line in _join_soft_breaks(_LINES.split(text)):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if card:
                yield start, "\r\n".join(card) + "\r\n"
            card, start = [line], number
        elif card:
            card.append(line)
            if word == "END:VCARD":
                yield start, "\r\n".join(card) + "\r\n"
                card = []
    if card:
        yield start, "\r\n".join(card) + "\r\n"
    if not start:
        raise InvalidValue(f"{path.name} holds no vCard (no BEGIN:VCARD line).")


def _join_soft_breaks(raw: list[str]) -> list[tuple[int, str]]:
    """Lines numbered as in the file; a QUOTED-PRINTABLE line ending in = goes on the next."""
    joined: list[tuple[int, str]] = []
    carry: tuple[int, str] | None = None
    for number, line in enumerate(raw, start=1):
        if carry is not None:
            number, line = carry[0], carry[1][:-1] + line
            carry = None
        head = line.split(":", 1)[0].upper()
        if "QUOTED-PRINTABLE" in head and line.endswith("=") and ":" in line:
            carry = (number, line)
            continue
        joined.append((number, line))
    if carry is not None:
        joined.append(carry)
    return joined


def _read_card(line: int, text: str, region: str) -> Card:
    try:
        card = vobject.readOne(text, ignoreUnreadable=False)
    except Exception as error:  # vobject raises ParseError and, on odd input, plain errors
        where = getattr(error, "lineNumber", None)
        at = f" at line {line + where - 1}" if isinstance(where, int) else ""
        raise InvalidValue(f"the card cannot be read{at}: it is not a valid vCard.") from None
    names = _card_names(card)
    ranked: list[tuple[tuple[int, int], CheckedValue]] = []
    for property_name, kind in (("tel", ContactKind.PHONE), ("email", ContactKind.EMAIL)):
        for entry in card.contents.get(property_name, []):
            raw = _value_text(entry.value, kind)
            if not raw:
                continue
            try:
                value = check_value(kind, raw, region)
            except InvalidValue as error:
                raise InvalidValue(f"{_names_shown(names)}: {error.message}") from None
            if all(value.key != other.key for _, other in ranked):
                ranked.append((_preference(entry), value))
    values = tuple(value for _, value in sorted(ranked, key=lambda pair: pair[0]))
    bday = card.contents.get("bday")
    born = birthday(str(bday[0].value)) if bday else None
    return Card(line, *names, born, values)


def _names_shown(names: tuple[str, str, str]) -> str:
    return " ".join(part for part in names[:2] if part) or names[2] or "A card without a name"


def _card_names(card: vobject.base.Component) -> tuple[str, str, str]:
    first = last = company = ""
    if "n" in card.contents:
        name = card.n.value
        first, last = _joined(getattr(name, "given", "")), _joined(getattr(name, "family", ""))
    if "org" in card.contents:
        company = _joined(card.org.value[:1] if isinstance(card.org.value, list) else card.org.value)
    if not (first or last) and "fn" in card.contents and card.fn.value.strip() != company:
        first, last = split_full_name(card.fn.value)
    return first[:80], last[:80], company[:120]


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


def _preference(entry: vobject.base.ContentLine) -> tuple[int, int]:
    """Sort key: a PREF=n (4.0) or a pref type (2.1, 3.0) first, then the order in the card."""
    types = {word.strip().casefold() for value in entry.params.get("TYPE", [])
             for word in value.split(",")}
    types |= {word.casefold() for word in entry.singletonparams}
    pref = entry.params.get("PREF", [])
    if pref and pref[0].strip().isdigit():
        return (0, int(pref[0]))
    return (0, 100) if "pref" in types else (1, 0)


def export_vcards(
    database: Database,
    path: Path,
    customer_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the customers (all of them when ``customer_ids`` is None) as vCard 4.0; the count.

    The file appears whole or not at all. Only active values are written: an address book
    has no use for a number the desk knows is gone.
    """
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    written = 0
    try:
        with database.unit_of_work() as uow, partial.open("w", encoding="utf-8", newline="") as out:
            session = uow.session
            ids = list(customer_ids) if customer_ids is not None else list(
                session.scalars(select(Customer.id).order_by(Customer.id)))
            for start in range(0, len(ids), BATCH):
                chunk = ids[start:start + BATCH]
                customers = {c.id: c for c in session.scalars(
                    select(Customer).where(Customer.id.in_(chunk))
                    .options(selectinload(Customer.contact_points)))}
                for customer_id in chunk:
                    if customer_id not in customers:
                        raise DomainError(f"There is no customer #{customer_id} to export.")
                    out.write(_card_of(customers[customer_id]).serialize())
                    written += 1
                session.expunge_all()
                if progress is not None:
                    progress(written, len(ids))
        os.replace(partial, path)
    except OSError as error:
        raise InvalidValue(f"{path} cannot be written: {error.strerror or error}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return written


def _card_of(customer: Customer) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("fn").value = customer.full_name
    card.add("n").value = vobject.vcard.Name(family=customer.last_name,
                                              given=customer.first_name)
    if customer.company:
        card.add("org").value = [customer.company]
    if customer.birth_date:
        card.add("bday").value = customer.birth_date.strftime("%Y%m%d")
    for point in customer.contact_points:
        if point.status is not ContactStatus.ACTIVE:
            continue
        if point.kind is ContactKind.PHONE:
            entry = card.add("tel")
            extension = f";ext={point.extension}" if point.extension else ""
            entry.value = f"tel:{point.value}{extension}"
            entry.encoded = True  # a URI: its ";ext=" is not text to escape
            entry.params["VALUE"] = ["uri"]
            types = [_PHONE_TYPES.get(point.type) or ("cell" if point.can_receive_texts else "voice")]
            if point.can_receive_texts and not point.do_not_text:
                types.append("text")
        else:
            entry = card.add("email")
            entry.value = point.value
            types = ["work" if customer.company and not customer.last_name else "home"]
        entry.params["TYPE"] = [",".join(types)]
        if point.is_primary:
            entry.params["PREF"] = ["1"]
    return card


def birthday(text: str) -> date | None:
    """A vCard BDAY (19800517, 1980-05-17, --0517) as a date, or None when it has no year."""
    digits = text.replace("-", "")
    if len(digits) == 8 and digits.isdigit():
        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            return None
    return None
