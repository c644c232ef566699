"""How long a name may be and which birth dates are possible: one limit a field, the same on
every way a customer comes in (the DMS sync, an ADF lead, a vCard, the desk itself)."""

from __future__ import annotations

from datetime import date

from contact_desk.domain.errors import InvalidValue

MAX_NAME = 80  # a first or a last name, of a customer or of a person on the account
MAX_COMPANY = 120
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


def check_length(text: str, what: str, most: int) -> str:
    """``text`` as it is; too long, it is refused, never cut (the rest would be lost)."""
    if len(text) > most:
        raise InvalidValue(f"{what} is too long (at most {most} characters).",
                           field=what.lower().replace(" ", "_"))
    return text


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
