"""Finance programs: when their customer or contact may be replaced, and when an address needs proof."""

from __future__ import annotations

from collections.abc import Iterable

from contact_desk.domain.enums import ProgramState
from contact_desk.domain.errors import NotAllowed

# Programs in these states carry money owed, so the customer's address on them
# may change only with a document that proves the move.
FINANCED_STATES = frozenset({ProgramState.NOT_YET_ACTIVE, ProgramState.ACTIVE})
REPLACEABLE_STATES = frozenset({ProgramState.QUOTE, ProgramState.NOT_YET_ACTIVE})


def why_parties_locked(state: ProgramState, party: str) -> str | None:
    """Why the customer or contact of a program in ``state`` cannot be replaced, or None."""
    if state is ProgramState.ACTIVE:
        return (
            f"The {party} on an active finance agreement cannot change because "
            "that person signed it."
        )
    if state is ProgramState.CLOSED:
        return f"The program is closed; its {party} is kept as it was signed."
    return None


def check_parties_replaceable(state: ProgramState, party: str) -> None:
    reason = why_parties_locked(state, party)
    if reason:
        raise NotAllowed(reason)


def address_change_needs_verification(program_states: Iterable[ProgramState]) -> bool:
    return any(state in FINANCED_STATES for state in program_states)


def bill_to_address(address_line1: str, city: str, state: str, postal_code: str) -> str:
    """The address as an invoice prints it: "12 Oak St, Springfield, IL 62701"."""
    town = " ".join(part for part in (state, postal_code) if part)
    return ", ".join(part for part in (address_line1, city, town) if part)
