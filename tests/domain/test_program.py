"""Finance programs: when their parties may be replaced, and when an address change needs proof."""

from __future__ import annotations

import pytest

from contact_desk.domain.enums import ProgramState
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.program import (
    REPLACEABLE_STATES,
    address_change_needs_verification,
    check_parties_replaceable,
    why_parties_locked,
)


@pytest.mark.parametrize("state", [ProgramState.QUOTE, ProgramState.NOT_YET_ACTIVE])
@pytest.mark.parametrize("party", ["customer", "contact"])
def test_the_parties_of_a_program_not_yet_active_can_be_replaced(
    state: ProgramState, party: str
) -> None:
    assert why_parties_locked(state, party) is None
    check_parties_replaceable(state, party)


@pytest.mark.parametrize("party", ["customer", "contact"])
def test_the_parties_of_an_active_program_are_locked_because_that_person_signed_it(
    party: str,
) -> None:
    assert why_parties_locked(ProgramState.ACTIVE, party) == (
        f"The {party} on an active finance agreement cannot change because "
        "that person signed it."
    )


def test_the_parties_of_a_closed_program_are_kept_as_signed() -> None:
    assert why_parties_locked(ProgramState.CLOSED, "contact") == (
        "The program is closed; its contact is kept as it was signed."
    )


@pytest.mark.parametrize("state", [ProgramState.ACTIVE, ProgramState.CLOSED])
def test_replacing_a_locked_party_is_refused_with_the_reason(state: ProgramState) -> None:
    with pytest.raises(NotAllowed) as raised:
        check_parties_replaceable(state, "customer")

    assert str(raised.value) == why_parties_locked(state, "customer")


@pytest.mark.parametrize("state", list(ProgramState))
def test_the_replaceable_states_are_exactly_those_without_a_lock(state: ProgramState) -> None:
    assert (why_parties_locked(state, "customer") is None) == (state in REPLACEABLE_STATES)


@pytest.mark.parametrize(
    ("states", "needed"),
    [
        ([], False),
        ([ProgramState.QUOTE], False),
        ([ProgramState.CLOSED], False),
        ([ProgramState.QUOTE, ProgramState.CLOSED], False),
        ([ProgramState.ACTIVE], True),
        ([ProgramState.NOT_YET_ACTIVE], True),
        ([ProgramState.CLOSED, ProgramState.QUOTE, ProgramState.ACTIVE], True),
    ],
)
def test_an_address_change_needs_a_document_while_a_financed_program_exists(
    states: list[ProgramState], needed: bool
) -> None:
    assert address_change_needs_verification(states) is needed


def test_address_check_takes_any_iterable_of_states() -> None:
    assert address_change_needs_verification(s for s in [ProgramState.QUOTE, ProgramState.ACTIVE])
