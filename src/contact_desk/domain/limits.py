"""How long a typed value may be and which birth dates are possible: one limit a field, the
same on every way a customer comes in (the DMS sync, an ADF lead, a vCard, the desk itself).
Each limit is also the width of its column, so the database refuses what slips past."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from contact_desk.domain.errors import InvalidValue

MAX_NAME = 80  # a first or a last name, of a customer or of a person on the account
MAX_COMPANY = 120
MAX_ROLE_DESCRIPTION = 80  # "Fleet coordinator": what a person on the account does
MAX_MAKE = 40
MAX_MODEL = 60
# The customer's postal address, field by field (the bill-to address on invoices is built
# from them, so each limit is what one line of a printed address can hold).
ADDRESS_LIMITS = {
    "address_line1": ("Street address", 120),
    "city": ("City", 80),
    "state": ("State", 40),
    "postal_code": ("ZIP code", 20),
}
ADDRESS_FIELDS = tuple(ADDRESS_LIMITS)
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def check_length(text: str, what: str, most: int) -> str:
    """``text`` as it is; too long, it is refused, never cut (the rest would be lost)."""
    if len(text) > most:
        raise InvalidValue(f"{what} is too long (at most {most} characters).",
                           field=what.lower().replace(" ", "_"))
    return text


def check_address(details: Mapping[str, object]) -> dict[str, str]:
    """The address fields of ``details`` that are there, tidied (one space between words)
    and no longer than a field holds; too long, the whole value is refused, never cut."""
    tidy = {}
    for name, (what, most) in ADDRESS_LIMITS.items():
        if name in details:
            text = " ".join(str(details[name] or "").split())
            if len(text) > most:
                raise InvalidValue(f"{what} is too long (at most {most} characters).",
                                   field=name)
            tidy[name] = text
    return tidy


def check_name_lengths(first_name: str, last_name: str, company: str) -> None:
    check_length(first_name, "First name", MAX_NAME)
    check_length(last_name, "Last name", MAX_NAME)
    check_length(company, "Company", MAX_COMPANY)


def is_possible_birth_date(day: date, today: date) -> bool:
    return EARLIEST_BIRTH_DATE <= day <= today


def check_birth_date(day: date | None, today: date) -> date | None:
    if day is not None and not is_possible_birth_date(day, today):
        raise InvalidValue(
            f"{day.isoformat()} is not a possible birth date: it must be from "
            f"{EARLIEST_BIRTH_DATE.isoformat()} to today.", field="birth_date")
    return day
