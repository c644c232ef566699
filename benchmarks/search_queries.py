"""Three hundred and ten things a clerk types, drawn from the export, of every kind search
answers, and for each the best SQL a person who knows its kind would write by hand.

Each hand-written query reads the desk's own indexes for that kind alone, takes the first
page of 100 in list order and the primary phone and email the list shows. It is written two
ways, as a person who knows the data would choose: the matching keys read and sorted, or the
list's index walked asking each customer; both are measured and the quicker one is the
limit. The search service knows none of this: it asks every way a query can match, ranks.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from contact_desk.domain.search_terms import KeyKind, compact, words

PAGE = 100
# How many queries of each kind: 310 in all, at least 20 of each.
KINDS = {
    "last name": 30, "first name": 20, "name and initials": 20, "company's second word": 20,
    "hyphenated name run together": 20, "phone in any format": 40, "phone's last digits": 20,
    "email's local part": 20, "email's domain": 20, "customer number": 20,
    "customer number without its letter": 20, "VIN's start": 20, "VIN's last 6 to 8": 20,
}
_PAGE_SQL = """
SELECT c.id, c.customer_number, c.first_name, c.last_name, c.company,
       (SELECT display FROM contact_point p
         WHERE p.customer_id = c.id AND p.kind = 'PHONE' AND p.is_primary),
       (SELECT display FROM contact_point p
         WHERE p.customer_id = c.id AND p.kind = 'EMAIL' AND p.is_primary)
  FROM customer c JOIN ({ids}) found ON found.id = c.id
 ORDER BY c.last_name_key, c.name_key, c.id
"""
# The keys of one kind read and sorted...
_READ = ("SELECT DISTINCT customer_id AS id, list_key FROM search_key WHERE kind = :kind "
         "AND place IN ({places}) AND key >= :low AND key < :high "
         "ORDER BY list_key, customer_id LIMIT 100")
# ...or the list walked, each customer asked.
_WALK = ("SELECT c.id FROM customer c WHERE EXISTS (SELECT 1 FROM search_key k "
         "WHERE k.customer_id = c.id AND k.kind = :kind AND k.place IN ({places}) "
         "AND k.key >= :low AND k.key < :high) "
         "ORDER BY c.last_name_key, c.name_key, c.id LIMIT 100")
_LAST_NAME = ("SELECT id FROM customer WHERE last_name_key >= :low AND last_name_key < :high "
              "ORDER BY last_name_key, name_key, id LIMIT 100")


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    key: str  # what the hand-written SQL looks for
    key_kind: KeyKind = KeyKind.TEXT
    places: str = "0, 1, 2"


def draw_queries(export: Path, seed: int = 7) -> list[Query]:
    """The queries, the same for the same export: each finds the row it came from."""
    draw = random.Random(seed)
    rows = _sample_rows(export, sum(KINDS.values()) * 3, draw)
    queries: list[Query] = []
    for kind, count in KINDS.items():
        made = [query for row in rows if (query := _MAKERS[kind](row, draw)) is not None]
        queries += made[:count]
    return queries


def raw_sql(query: Query) -> list[tuple[str, dict[str, object]]]:
    """The hand-written ways of answering ``query`` (run each; the quickest is the limit)."""
    values = {"kind": int(query.key_kind), "low": query.key, "high": query.key + "\U0010ffff"}
    if query.kind == "last name":
        return [(_PAGE_SQL.format(ids=_LAST_NAME), values)]
    return [(_PAGE_SQL.format(ids=way.format(places=query.places)), values)
            for way in (_READ, _WALK)]


def _sample_rows(export: Path, count: int, draw: random.Random) -> list[dict[str, str]]:
    with export.open(encoding="utf-8", newline="") as file:
        total = sum(1 for _ in file) - 1
    wanted = set(draw.sample(range(total), min(count, total)))
    with export.open(encoding="utf-8", newline="") as file:
        rows = [row for at, row in enumerate(csv.DictReader(file)) if at in wanted]
    draw.shuffle(rows)
    return rows


def _last_name(row: dict[str, str], draw: random.Random) -> Query:
    last = row["last_name"]
    typed = draw.choice((last[:3], last[:5], last, last[:2]))
    return Query("last name", typed, typed.casefold())


def _first_name(row: dict[str, str], draw: random.Random) -> Query:
    first = row["first_name"]
    typed = draw.choice((first[:4], first, first[:3].lower()))
    return Query("first name", typed, compact(typed), places="0, 1")


def _initials(row: dict[str, str], draw: random.Random) -> Query:
    typed = f"{row['first_name']} {row['last_name'][:2]}"
    return Query("name and initials", typed, compact(typed), places="0")  # the full name


def _second_word(row: dict[str, str], draw: random.Random) -> Query | None:
    found = words(row["company"])
    if len(found) < 2 or "-" in row["company"]:
        return None
    typed = row["company"].replace(",", "").split()[1]
    return Query("company's second word", typed, compact(typed), places="2")


def _run_together(row: dict[str, str], draw: random.Random) -> Query | None:
    if "-" not in row["company"]:
        return None
    typed = draw.choice((compact(row["company"]), row["company"].split("-")[1]))
    return Query("hyphenated name run together", typed, compact(typed))


def _phone(row: dict[str, str], draw: random.Random) -> Query:
    number = phonenumbers.parse(row["cell_phone"], "US")
    national = phonenumbers.national_significant_number(number)
    area, exchange, line = national[:3], national[3:6], national[6:]
    typed, local = draw.choice((
        (f"({area}) {exchange}", False), (f"{area}-{exchange}-{line}", False),
        (f"{area}.{exchange}.{line[:2]}", False), (f"{area}{exchange}{line}", False),
        (f"+1 {area} {exchange}", False), (f"{exchange}-{line}", True),
        (f"{exchange} {line[:2]}", True), (f"1 {area} {exchange} {line}", False),
        (f"+1 {area}", False),
    ))
    digits = re.sub(r"\D", "", typed)
    if local:  # the number without its area code
        return Query("phone in any format", typed, digits, KeyKind.PHONE, "2")
    with_country = typed.startswith("+") or (len(digits) == 11 and digits.startswith("1"))
    return Query("phone in any format", typed, digits if with_country else "1" + digits,
                 KeyKind.PHONE, "0")


def _phone_end(row: dict[str, str], draw: random.Random) -> Query:
    digits = re.sub(r"\D", "", row["cell_phone"])
    typed = digits[-draw.choice((4, 4, 5, 7)):]
    return Query("phone's last digits", typed, typed[::-1], KeyKind.PHONE_END, "2")


def _email(row: dict[str, str], draw: random.Random) -> Query | None:
    email = row["email"]
    if not email:
        return None
    typed = email[:draw.randint(4, max(4, email.index("@") + 1))]
    return Query("email's local part", typed, typed.casefold(), places="0")


def _domain(row: dict[str, str], draw: random.Random) -> Query | None:
    email = row["email"]
    if not email:
        return None
    domain = email.rpartition("@")[2]
    typed = draw.choice((domain.split(".")[0], domain, domain[:4]))
    return Query("email's domain", typed, typed.casefold(), places="2")


def _number(row: dict[str, str], draw: random.Random) -> Query:
    number = row["customer_number"]
    typed = draw.choice((number, number.lower(), number[:-1]))
    return Query("customer number", typed, compact(typed), places="0")


def _number_digits(row: dict[str, str], draw: random.Random) -> Query:
    digits = re.sub(r"\D", "", row["customer_number"])
    return Query("customer number without its letter", digits, digits, places="0")


def _vin_start(row: dict[str, str], draw: random.Random) -> Query | None:
    if not row["vin"]:
        return None
    typed = row["vin"][:draw.choice((5, 8, 11, 17))]
    return Query("VIN's start", typed, compact(typed), places="0")


def _vin_end(row: dict[str, str], draw: random.Random) -> Query | None:
    if not row["vin"]:
        return None
    typed = row["vin"][-draw.choice((6, 8)):]
    return Query("VIN's last 6 to 8", typed, compact(typed)[::-1], KeyKind.VIN_END, "2")


_MAKERS = {
    "last name": _last_name, "first name": _first_name, "name and initials": _initials,
    "company's second word": _second_word, "hyphenated name run together": _run_together,
    "phone in any format": _phone, "phone's last digits": _phone_end,
    "email's local part": _email, "email's domain": _domain, "customer number": _number,
    "customer number without its letter": _number_digits, "VIN's start": _vin_start,
    "VIN's last 6 to 8": _vin_end,
}
