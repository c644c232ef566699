"""Two hundred things a clerk types, drawn from the export, and each one as raw SQL.

The raw SQL is what a person who knows the kind of query would write by hand against the
desk's own indexes: one branch, ordered and cut to the first page, with the primary phone
and email the list shows. The search service does not know the kind, so it asks every branch.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from contact_desk.domain.phone import search_digits

PAGE = 100
# How many queries of each kind: 200 in all.
KINDS = {"name": 50, "phone": 50, "email": 40, "vin": 30, "number": 30}
_PAGE_SQL = """
SELECT c.id, c.customer_number, c.first_name, c.last_name, c.company,
       (SELECT display FROM contact_point p
         WHERE p.customer_id = c.id AND p.kind = 'PHONE' AND p.is_primary),
       (SELECT display FROM contact_point p
         WHERE p.customer_id = c.id AND p.kind = 'EMAIL' AND p.is_primary)
  FROM customer c WHERE c.id IN ({ids})
 ORDER BY c.last_name_key, c.name_key, c.id LIMIT {page}
"""
_BRANCH_SQL = {
    "name": "SELECT id FROM (SELECT id FROM customer WHERE last_name_key >= :low AND "
            "last_name_key < :high ORDER BY last_name_key, name_key, id LIMIT 100) "
            "UNION SELECT id FROM (SELECT id FROM customer WHERE name_key >= :low AND "
            "name_key < :high ORDER BY last_name_key, name_key, id LIMIT 100)",
    "email": "SELECT customer_id FROM contact_point "
             "WHERE value >= :low AND value < :high AND kind = 'EMAIL'",
    "vin": "SELECT customer_id FROM vehicle WHERE vin_reversed >= :low AND vin_reversed < :high",
    "number": "SELECT id FROM customer WHERE customer_number >= :low "
              "AND customer_number < :high",
    "phone": "SELECT customer_id FROM contact_point WHERE kind = 'PHONE' AND ({phone})",
}
_PHONE_COLUMNS = {"national": "digits", "local": "local_digits", "e164": "value"}


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    column: str = ""  # for a phone: which digits were typed (national, local or e164)


def draw_queries(export: Path, seed: int = 7) -> list[Query]:
    """The 200 queries, the same for the same export: each finds at least the row it came from."""
    draw = random.Random(seed)
    rows = _sample_rows(export, sum(KINDS.values()) * 3, draw)
    makers = {"name": _name, "phone": _phone, "email": _email, "vin": _vin,
              "number": _number}
    queries: list[Query] = []
    for kind, count in KINDS.items():
        usable = [row for row in rows if _has(kind, row)]
        for row in usable[:count]:
            text, column = makers[kind](row, draw)
            queries.append(Query(kind, text, column))
    return queries


def raw_sql(query: Query) -> tuple[str, dict[str, str]]:
    """The hand-written SQL for ``query`` and its parameters, as sqlite3 runs it."""
    text = query.text
    if query.kind == "phone":
        digits = search_digits(text)
        column = _PHONE_COLUMNS[query.column]
        prefix = {"e164": "+" + digits, "national": digits[-10:] if len(digits) == 11 else digits,
                  "local": digits}[query.column]
        branch = _BRANCH_SQL["phone"].format(phone=f"{column} >= :low AND {column} < :high")
    elif query.kind == "vin":
        prefix = re.sub(r"[\s-]", "", text).upper()[::-1]
        branch = _BRANCH_SQL["vin"]
    elif query.kind == "number":
        prefix = text.upper()
        branch = _BRANCH_SQL["number"]
    else:
        prefix = " ".join(text.split()).casefold()
        branch = _BRANCH_SQL[query.kind]
    return _PAGE_SQL.format(ids=branch, page=PAGE), {"low": prefix, "high": prefix + "\U0010ffff"}


def _sample_rows(export: Path, count: int, draw: random.Random) -> list[dict[str, str]]:
    with export.open(encoding="utf-8", newline="") as file:
        total = sum(1 for _ in file) - 1
    wanted = set(draw.sample(range(total), min(count, total)))
    with export.open(encoding="utf-8", newline="") as file:
        rows = [row for at, row in enumerate(csv.DictReader(file)) if at in wanted]
    draw.shuffle(rows)
    return rows


def _has(kind: str, row: dict[str, str]) -> bool:
    field = {"name": "last_name", "phone": "cell_phone", "email": "email", "vin": "vin",
             "number": "customer_number"}[kind]
    return bool(row[field])


def _name(row: dict[str, str], draw: random.Random) -> tuple[str, str]:
    first, last = row["first_name"], row["last_name"]
    return draw.choice((last[:3], last[:5], last, f"{first} {last[:2]}", first[:4].lower())), ""


def _phone(row: dict[str, str], draw: random.Random) -> tuple[str, str]:
    number = phonenumbers.parse(row["cell_phone"], "US")
    national = phonenumbers.national_significant_number(number)
    area, exchange, line = national[:3], national[3:6], national[6:]
    return draw.choice((
        (f"({area}) {exchange}", "national"), (f"{area}-{exchange}-{line}", "national"),
        (f"{area}.{exchange}.{line[:2]}", "national"), (f"{area}{exchange}{line}", "national"),
        (f"+1 {area} {exchange}", "e164"), (f"{exchange}-{line}", "local"),
        (f"{exchange} {line[:2]}", "local"), (f"1 {area} {exchange} {line}", "national"),
    ))


def _email(row: dict[str, str], draw: random.Random) -> tuple[str, str]:
    email = row["email"]
    return email[:draw.randint(4, max(4, email.index("@") + 1))], ""


def _vin(row: dict[str, str], draw: random.Random) -> tuple[str, str]:
    return row["vin"][-draw.choice((4, 6, 8)):], ""


def _number(row: dict[str, str], draw: random.Random) -> tuple[str, str]:
    number = row["customer_number"]
    return draw.choice((number, number.lower(), number[:-1])), ""
