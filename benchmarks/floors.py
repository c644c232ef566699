"""The raw-SQLite floors the DMS sync is measured against: the same file into flat tables.

The same-work floor reads the export, parses every phone with phonenumbers and checks every
email with email-validator, and inserts customers, phones and emails and vehicles with
sqlite3 executemany in one transaction. The storage floor does the same without the checks.
Both floors keep the search indexes the desk needs, so they store what the desk stores.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from pathlib import Path

import phonenumbers
from email_validator import EmailNotValidError, validate_email

PHONE_FIELDS = ("cell_phone", "home_phone", "work_phone")
SCHEMA = """
CREATE TABLE customer (id INTEGER PRIMARY KEY, customer_number TEXT UNIQUE, first_name TEXT,
    last_name TEXT, company TEXT, birth_date TEXT, address_line1 TEXT, city TEXT, state TEXT,
    postal_code TEXT, name_key TEXT, last_name_key TEXT, company_key TEXT);
CREATE INDEX ix_customer_name_key ON customer (name_key);
CREATE INDEX ix_customer_last_name_key ON customer (last_name_key);
CREATE INDEX ix_customer_company_key ON customer (company_key);
CREATE TABLE contact_point (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL
    REFERENCES customer (id), kind TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,
    digits TEXT NOT NULL, is_primary INTEGER NOT NULL);
CREATE INDEX ix_contact_point_value ON contact_point (value);
CREATE INDEX ix_contact_point_digits ON contact_point (digits);
CREATE TABLE vehicle (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL
    REFERENCES customer (id), vin TEXT, vin_reversed TEXT, year INTEGER, make TEXT, model TEXT);
CREATE INDEX ix_vehicle_vin_reversed ON vehicle (vin_reversed);
"""
Check = Callable[[str, str], tuple[str, str] | None]


def same_work_floor(export: Path, database: Path) -> int:
    """Load ``export`` into ``database`` parsing and validating each value; the rows kept."""
    return _load(export, database, _checked)


def storage_floor(export: Path, database: Path) -> int:
    """Load ``export`` into ``database`` as it stands; the rows kept."""
    return _load(export, database, lambda field, text: (text, ""))


def _checked(field: str, text: str) -> tuple[str, str] | None:
    """(stored value, national digits) of a valid phone or email; None when it is not valid."""
    if field in PHONE_FIELDS:
        try:
            parsed = phonenumbers.parse(text, "US")
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_valid_number(parsed):
            return None
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        return e164, phonenumbers.national_significant_number(parsed)
    try:
        return validate_email(text, check_deliverability=False).normalized, ""
    except EmailNotValidError:
        return None


def _load(export: Path, database: Path, check: Check) -> int:
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")  # as the desk opens its file
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.executescript(SCHEMA)
    customers, points, vehicles = [], [], []
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
                customers.append((
                    customer_id, row["customer_number"], first, last, company,
                    row["birth_date"], row["address_line1"], row["city"], row["state"],
                    row["postal_code"], f"{first} {last}".casefold(), last.casefold(),
                    company.casefold(),
                ))
                points += [(customer_id, "EMAIL" if field == "email" else "PHONE", field,
                            value, digits, at == 0) for at, (field, value, digits)
                           in enumerate(values)]
                if row["vin"]:
                    vehicles.append((customer_id, row["vin"], row["vin"][::-1],
                                     int(row["vehicle_year"]), row["vehicle_make"],
                                     row["vehicle_model"]))
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO customer VALUES ({', '.join('?' * 13)})", customers)
    connection.executemany(
        "INSERT INTO contact_point (customer_id, kind, type, value, digits, is_primary) "
        "VALUES (?, ?, ?, ?, ?, ?)", points)
    connection.executemany(
        "INSERT INTO vehicle (customer_id, vin, vin_reversed, year, make, model) "
        "VALUES (?, ?, ?, ?, ?, ?)", vehicles)
    connection.execute("COMMIT")
    connection.close()
    return len(customers)
