"""What a customer record needs to be kept: a person's name, or a company standing alone."""

from __future__ import annotations

from contact_desk.domain.additional_contact import check_name
from contact_desk.domain.errors import InvalidValue

MAX_NAME = 80
MAX_COMPANY = 120


def check_customer_names(first_name: str, last_name: str, company: str) -> tuple[str, str, str]:
    """Tidy first name, last name and company; a person needs both names, a company neither.

    A fleet account in the DMS often has only its company name, and is a customer all the same.
    """
    first, last, firm = (" ".join((text or "").split()) for text in (first_name, last_name, company))
    if len(firm) > MAX_COMPANY:
        raise InvalidValue(f"Company is too long (at most {MAX_COMPANY} characters).",
                           field="company")
    if not (first or last or firm):
        raise InvalidValue("A customer needs a first and last name, or a company.",
                           field="first_name")
    if firm:
        for text, what in ((first, "First name"), (last, "Last name")):
            if len(text) > MAX_NAME:
                raise InvalidValue(f"{what} is too long (at most {MAX_NAME} characters).",
                                   field=what.lower().replace(" ", "_"))
        return first, last, firm
    return check_name(first, "First name"), check_name(last, "Last name"), firm


def split_full_name(full: str) -> tuple[str, str]:
    """First and last name from a name written whole: "Ann Marie Lee", or "Lee, Ann".

    A single word is taken as the last name, the one a person is filed under.
    """
    full = " ".join((full or "").split())
    if "," in full:
        last, _, first = (piece.strip() for piece in full.partition(","))
        return first, last
    first, _, last = full.rpartition(" ")
    return first, last
