"""Whether a customer will actually receive texts and emails: the warnings the card shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from contact_desk.domain.enums import ContactKind


@dataclass(frozen=True)
class ReachFacts:
    """The facts of one kind (phones or emails) that the warnings depend on."""

    kind: ContactKind
    any_active: bool
    no_active_since: date | None
    primary_shown: str | None
    primary_blocked: bool
    primary_moved_from: str | None = None
    primary_moved_on: date | None = None


def reach_warnings(facts: Sequence[ReachFacts]) -> list[str]:
    """One sentence per reason the customer would miss a message, in the desk's words."""
    warnings: list[str] = []
    for fact in facts:
        what = "texts" if fact.kind is ContactKind.PHONE else "emails"
        noun = "phone number" if fact.kind is ContactKind.PHONE else "email address"
        if not fact.any_active:
            since = f" since {fact.no_active_since.isoformat()}" if fact.no_active_since else ""
            warnings.append(f"This customer will not receive {what}: no active {noun}{since}.")
            continue
        if fact.primary_blocked:
            block = "is marked do-not-text" if fact.kind is ContactKind.PHONE else "opted out of marketing email"
            warnings.append(
                f"The primary {noun} {fact.primary_shown} {block}; "
                f"this customer will not receive {'texts' if fact.kind is ContactKind.PHONE else 'marketing emails'}."
            )
        if fact.primary_moved_from:
            on = f" on {fact.primary_moved_on.isoformat()}" if fact.primary_moved_on else ""
            warnings.append(
                f"The primary {noun} moved to {fact.primary_shown}{on} because "
                f"{fact.primary_moved_from} became inactive."
            )
    return warnings

