"""The raw-SQLite floors the DMS sync is measured against: the same file into flat tables.

The same-work floor reads the export, parses every phone with phonenumbers and checks every
email with email-validator, and inserts customers, phones and emails, vehicles and their
search keys (the desk's own rule, domain/search_terms) with sqlite3 executemany in one
transaction. The storage floor does the same without the checks. Both floors keep the
search indexes the desk needs, so they store what the desk stores.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from contact_desk.domain.search_terms import customer_keys
from contact_desk.store.search_keys import list_key

PHONE_FIELDS = ("cell_phone", "home_phone", "work_phone")
SCHEMA = """
CREATE TABLE customer (id INTEGER PRIMARY KEY, customer_number TEXT UNIQUE, first_name TEXT,
    last_name TEXT, company TEXT, birth_date TEXT, address_line1 TEXT, city TEXT, state TEXT,
    postal_code TEXT, name_key TEXT, last_name_key TEXT, company_key TEXT);
CREATE INDEX ix_customer_list_order ON customer (last_name_key, name_key, id);
CREATE TABLE contact_point (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL
    REFERENCES customer (id), kind TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,
    digits TEXT NOT NULL, local_digits TEXT NOT NULL, is_primary INTEGER NOT NULL);
CREATE INDEX ix_contact_point_value ON contact_point (value);
CREATE TABLE vehicle (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL
    REFERENCES customer (id), vin TEXT, vin_reversed TEXT, year INTEGER, make TEXT, model TEXT);
CREATE INDEX ix_vehicle_vin ON vehicle (vin);
CREATE TABLE search_key (customer_id INTEGER NOT NULL REFERENCES customer (id), kind INTEGER
    NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL, list_key TEXT NOT NULL,
    PRIMARY KEY (customer_id, kind, key)) WITHOUT ROWID;
CREATE INDEX ix_search_key_lookup ON search_key (kind, place, key, list_key, customer_id);
"""
Check = Callable[[str, str], tuple[str, str] | None]


def same_work_floor(export: Path, database: Path) -> int:
    """Load ``export`` into ``database`` parsing and validating each value; the rows kept."""
    return _load(export, database, _checked)


def storage_floor(export: Path, database: Path) -> int:
    """Load ``export`` into ``database`` as it stands; the rows kept."""
    return _load(export, database, lambda field, text: (text, "", ""))


def _checked(field: str, text: str) -> tuple[str, str, str] | None:
    """(stored value, national digits, local digits) of a valid phone or email; None when
    it is not valid."""
    if field in PHONE_FIELDS:
        try:
            parsed = phonenumbers.parse(text, "US")
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_valid_number(parsed):
            return None
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        national = phonenumbers.national_significant_number(parsed)
        area = phonenumbers.length_of_geographical_area_code(parsed)
        return e164, national, national[area:] if area else ""
    try:
        return validate_email(text, check_deliverability=False).normalized, "", ""
    except EmailNotValidError:
        return None


def _load(export: Path, database: Path, check: Check) -> int:
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")  # as the desk opens its file
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.executescript(SCHEMA)
    customers, points, vehicles, keys = [], [], [], []
    with export.open(encoding="utf-8", newline="") as file:
        for customer_id, row in enumerate(csv.DictReader(file), start=1):
            values = []
            for field in (*PHONE_FIELDS, "email"):
                if row[field]:
                    stored = check(field, row[field])
                    if stored is None:
                        break
                    values.append((field, *stored))
            else:
                first, last, company = row["first_name"], row["last_name"], row["company"]
                name_key, last_name_key = f"{first} {last}".casefold(), last.casefold()
                customers.append((
                    customer_id, row["customer_number"], first, last, company,
                    row["birth_date"], row["address_line1"], row["city"], row["state"],
                    row["postal_code"], name_key, last_name_key, company.casefold(),
                ))
                points += [(customer_id, "EMAIL" if field == "email" else "PHONE", field,
                            value, digits, local, at == 0) for at, (field, value, digits, local)
                           in enumerate(values)]
                if row["vin"]:
                    vehicles.append((customer_id, row["vin"], row["vin"][::-1],
                                     int(row["vehicle_year"]), row["vehicle_make"],
                                     row["vehicle_model"]))
                place_in_list = list_key(last_name_key, name_key)
                keys += [(customer_id, int(key.kind), key.key, int(key.place), place_in_list)
                         for key in customer_keys(
                             first_name=first, last_name=last, company=company,
                             customer_number=row["customer_number"],
                             emails=[value for field, value, _, _ in values if field == "email"],
                             phones=[(value, local) for field, value, _, local in values
                                     if field != "email"],
                             vins=[row["vin"]] if row["vin"] else [])]
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO customer VALUES ({', '.join('?' * 13)})", customers)
    connection.executemany(
        "INSERT INTO contact_point (customer_id, kind, type, value, digits, local_digits, "
        "is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)", points)
    connection.executemany(
        "INSERT INTO vehicle (customer_id, vin, vin_reversed, year, make, model) "
        "VALUES (?, ?, ?, ?, ?, ?)", vehicles)
    connection.executemany("INSERT INTO search_key VALUES (?, ?, ?, ?, ?)", keys)
    connection.execute("COMMIT")
    connection.close()
    return len(customers)
