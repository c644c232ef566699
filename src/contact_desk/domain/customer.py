"""What a customer record needs to be kept: a person's name, or a company standing alone."""

from __future__ import annotations

from contact_desk.domain.additional_contact import check_name
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.limits import MAX_COMPANY, MAX_NAME, check_name_lengths

__all__ = ["MAX_COMPANY", "MAX_NAME", "check_customer_names", "split_full_name"]


def check_customer_names(first_name: str, last_name: str, company: str) -> tuple[str, str, str]:
    """Tidy first name, last name and company; a person needs both names, a company neither.

    A fleet account in the DMS often has only its company name, and is a customer all the same.
    """
    first, last, firm = (" ".join((text or "").split()) for text in (first_name, last_name, company))
    check_name_lengths(first, last, firm)
    if not (first or last or firm):
        raise InvalidValue("A customer needs a first and last name, or a company.",
                           field="first_name")
    if firm:
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
