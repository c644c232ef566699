"""What a violated constraint means to a clerk, by the constraint's name.

The desk checks its rules before it writes; a unique constraint the database still enforces
is then either another desk's change saved at the same moment, or a bug. The known ones get
their own sentence here; any other is not explained away: the caller lets it through, to be
logged with its traceback and shown as an unexpected error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from sqlalchemy import Index, UniqueConstraint
from sqlalchemy.exc import IntegrityError

from contact_desk.domain.errors import ConflictError, DomainError, NotAllowed
from contact_desk.store import models  # noqa: F401 - every table must be known
from contact_desk.store.base import Base

_NOTHING_SAVED = "Nothing was saved: reload the customer and try again."


def _lead_twice() -> ConflictError:
    return ConflictError("Another desk imported this lead at the same moment; it was not "
                         "imported twice.")


# Constraint name -> the error a clerk is shown. Each of these a service checks before it
# writes, so the database refusing one means another desk got there first.
KNOWN: dict[str, Callable[[], DomainError]] = {
    "uq_contact_point_one_primary": lambda: ConflictError(
        "Another desk chose a different primary for this customer at the same moment. "
        + _NOTHING_SAVED),
    "uq_contact_point_customer_id_kind_value_extension": lambda: ConflictError(
        "This customer already has that phone or email (another desk added it at the same "
        "moment). " + _NOTHING_SAVED),
    "uq_account_contact_one_primary": lambda: ConflictError(
        "This customer already has a primary contact (another desk chose one at the same "
        "moment). " + _NOTHING_SAVED),
    "uq_account_contact_customer_id_person_id": lambda: ConflictError(
        "That person is already a contact of this customer (another desk added them at the "
        "same moment). " + _NOTHING_SAVED),
    "uq_contact_person_email": lambda: ConflictError(
        "That email already belongs to another additional contact (another desk gave it at "
        "the same moment). " + _NOTHING_SAVED),
    "uq_customer_customer_number": lambda: NotAllowed(
        "Another customer already has that DMS customer number; nothing was saved."),
    "uq_adf_lead_provider_provider_lead_id": _lead_twice,
    "uq_adf_lead_provider_requested_prospect_key": _lead_twice,
    "uq_card_uid_uid": lambda: ConflictError(
        "Another desk imported a card with the same identity (UID) at the same moment; "
        "nothing was saved: import the file again."),
    "uq_possible_duplicate_customer_id_other_customer_id": lambda: ConflictError(
        "Another desk recorded the same possible duplicate at the same moment; "
        "nothing was saved: try again."),
    "uq_app_user_login": lambda: NotAllowed(
        "Another user already has that login; nothing was saved."),
}


# SQLite names no constraint: "UNIQUE constraint failed: table.col, table.col", or
# "... failed: index 'name'" for an index on expressions.
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (?:index '(?P<index>[^']+)'|(?P<columns>.+))")


def known_refusal(error: IntegrityError) -> DomainError | None:
    """The clerk's sentence for the constraint ``error`` violates; None when it is not one
    the desk knows (a bug, or a rule added to the database by hand)."""
    name = constraint_name(error)
    make = KNOWN.get(name) if name else None
    return make() if make else None


def constraint_name(error: IntegrityError) -> str | None:
    """The violated constraint's name: PostgreSQL says it; SQLite's columns are looked up."""
    diag = getattr(error.orig, "diag", None)
    if diag is not None:
        return diag.constraint_name
    said = _SQLITE_UNIQUE.match(str(error.orig))
    if said is None:
        return None
    return said["index"] or _unique_by_columns().get(said["columns"].strip())


@cache
def _unique_by_columns() -> dict[str, str]:
    """'table.col, table.col' (as SQLite words it) -> the unique constraint or index name."""
    named = {}
    for table in Base.metadata.tables.values():
        uniques = [c for c in table.constraints if isinstance(c, UniqueConstraint)]
        uniques += [index for index in table.indexes if isinstance(index, Index) and index.unique]
        for unique in uniques:
            columns = ", ".join(f"{table.name}.{column.name}" for column in unique.columns)
            named[columns] = str(unique.name)
    return named
