"""Which phone and which email are primary, and when a value may be made primary."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.primary import (
    PrimaryCandidate,
    check_can_be_primary,
    default_primary,
    primary_after_change,
)

ACTIVE = ContactStatus.ACTIVE
INACTIVE = ContactStatus.INACTIVE
INVALID = ContactStatus.INVALID


def candidate(
    id: int,
    type: ContactPointType = ContactPointType.DEALER_PHONE,
    status: ContactStatus = ACTIVE,
    is_primary: bool = False,
    order: int | None = None,
) -> PrimaryCandidate:
    return PrimaryCandidate(
        id=id, type=type, status=status, is_primary=is_primary, order=id if order is None else order
    )


def _id(chosen: PrimaryCandidate | None) -> int | None:
    return chosen.id if chosen else None


# default_primary


def test_the_active_dms_cell_phone_is_the_default_primary_even_when_added_last() -> None:
    phones = [
        candidate(1, ContactPointType.DMS_HOME),
        candidate(2, ContactPointType.CUSTOMER_PHONE),
        candidate(3, ContactPointType.DMS_CELL),
    ]

    assert _id(default_primary(phones)) == 3


def test_the_active_dms_email_is_the_default_primary() -> None:
    emails = [
        candidate(1, ContactPointType.DEALER_EMAIL),
        candidate(2, ContactPointType.DMS_EMAIL),
        candidate(3, ContactPointType.CUSTOMER_EMAIL),
    ]

    assert _id(default_primary(emails)) == 2


@pytest.mark.parametrize("status", [INACTIVE, INVALID])
def test_a_dms_cell_phone_that_is_not_active_is_passed_over(status: ContactStatus) -> None:
    phones = [
        candidate(1, ContactPointType.DMS_CELL, status),
        candidate(2, ContactPointType.DMS_WORK),
        candidate(3, ContactPointType.DEALER_PHONE),
    ]

    assert _id(default_primary(phones)) == 2


def test_without_a_dms_cell_the_first_active_one_by_order_is_the_default() -> None:
    phones = [
        candidate(10, ContactPointType.DEALER_PHONE, order=3),
        candidate(11, ContactPointType.DMS_HOME, INACTIVE, order=1),
        candidate(12, ContactPointType.CUSTOMER_PHONE, order=2),
    ]

    assert _id(default_primary(phones)) == 12


def test_the_order_decides_not_the_position_in_the_list() -> None:
    emails = [
        candidate(1, ContactPointType.DEALER_EMAIL, order=9),
        candidate(2, ContactPointType.CUSTOMER_EMAIL, order=4),
    ]

    assert _id(default_primary(emails)) == 2


@pytest.mark.parametrize(
    "statuses", [[], [INACTIVE], [INVALID], [INACTIVE, INVALID, INACTIVE]]
)
def test_with_no_active_value_there_is_no_default_primary(statuses: list[ContactStatus]) -> None:
    phones = [
        candidate(i, ContactPointType.DMS_CELL if i == 0 else ContactPointType.DEALER_PHONE, s)
        for i, s in enumerate(statuses)
    ]

    assert default_primary(phones) is None


def test_the_dms_cell_phone_is_never_preferred_for_emails() -> None:
    # The preferred type follows the kind of the values, so phones and emails do not mix.
    emails = [
        candidate(1, ContactPointType.CUSTOMER_EMAIL),
        candidate(2, ContactPointType.DMS_EMAIL),
    ]

    assert default_primary(emails).type.kind is ContactKind.EMAIL
    assert _id(default_primary(emails)) == 2


def test_default_primary_takes_any_iterable() -> None:
    phones = (c for c in [candidate(1), candidate(2, ContactPointType.DMS_CELL)])

    assert _id(default_primary(phones)) == 2


# primary_after_change


def test_a_primary_a_person_chose_stays_while_it_is_active() -> None:
    phones = [
        candidate(1, ContactPointType.DMS_CELL),
        candidate(2, ContactPointType.DEALER_PHONE, is_primary=True),
    ]

    assert _id(primary_after_change(phones)) == 2


@pytest.mark.parametrize("status", [INACTIVE, INVALID])
def test_when_the_primary_stops_being_active_it_moves_by_the_default_rule(
    status: ContactStatus,
) -> None:
    phones = [
        candidate(1, ContactPointType.DEALER_PHONE, status, is_primary=True),
        candidate(2, ContactPointType.CUSTOMER_PHONE),
        candidate(3, ContactPointType.DMS_CELL),
    ]

    assert _id(primary_after_change(phones)) == 3


def test_without_a_dms_value_the_primary_moves_to_the_first_active_one() -> None:
    emails = [
        candidate(1, ContactPointType.DMS_EMAIL, INACTIVE, is_primary=True),
        candidate(2, ContactPointType.DEALER_EMAIL, order=7),
        candidate(3, ContactPointType.CUSTOMER_EMAIL, order=5),
    ]

    assert _id(primary_after_change(emails)) == 3


def test_when_the_last_active_value_goes_there_is_no_primary() -> None:
    phones = [
        candidate(1, ContactPointType.DMS_CELL, INACTIVE, is_primary=True),
        candidate(2, ContactPointType.DEALER_PHONE, INVALID),
    ]

    assert primary_after_change(phones) is None


def test_with_no_primary_yet_the_default_rule_chooses_one() -> None:
    phones = [candidate(1, ContactPointType.DEALER_PHONE), candidate(2, ContactPointType.DMS_CELL)]

    assert _id(primary_after_change(phones)) == 2


def test_primary_after_change_takes_any_iterable() -> None:
    phones = iter(
        [candidate(1, ContactPointType.DMS_CELL, INACTIVE, is_primary=True), candidate(2)]
    )

    assert _id(primary_after_change(phones)) == 2


def test_the_new_value_of_the_primarys_dms_field_takes_over_from_it() -> None:
    phones = [
        candidate(1, ContactPointType.DMS_CELL),
        candidate(2, ContactPointType.DMS_HOME, INACTIVE, is_primary=True),
        candidate(3, ContactPointType.DMS_HOME),
    ]

    assert _id(primary_after_change(phones, successor=3)) == 3


def test_a_successor_does_not_displace_an_active_primary_or_an_inactive_successor() -> None:
    kept = [candidate(1, ContactPointType.DEALER_PHONE, is_primary=True), candidate(2)]
    gone = [
        candidate(1, ContactPointType.DMS_CELL, INACTIVE, is_primary=True),
        candidate(2, ContactPointType.DMS_CELL, INACTIVE),
        candidate(3, ContactPointType.DEALER_PHONE),
    ]

    assert _id(primary_after_change(kept, successor=2)) == 1
    assert _id(primary_after_change(gone, successor=2)) == 3


# check_can_be_primary


def test_an_active_value_can_be_made_primary() -> None:
    check_can_be_primary(ACTIVE, "(212) 555-0142")


def test_an_inactive_value_cannot_be_made_primary() -> None:
    with pytest.raises(NotAllowed) as raised:
        check_can_be_primary(INACTIVE, "(212) 555-0142")

    message = str(raised.value)
    assert message.startswith("(212) 555-0142 is inactive, so it cannot be the primary.")
    assert "Make it active first" in message


def test_an_invalid_value_cannot_be_made_primary() -> None:
    with pytest.raises(NotAllowed) as raised:
        check_can_be_primary(INVALID, "ann@example.com")

    assert str(raised.value) == (
        "ann@example.com is marked invalid (bounced or disconnected), so it cannot be the primary."
    )


# The rule for any set of values


def _candidates(kind: ContactKind) -> st.SearchStrategy[list[PrimaryCandidate]]:
    types = [t for t in ContactPointType if t.kind is kind]
    one = st.builds(
        PrimaryCandidate,
        id=st.integers(0, 10_000),
        type=st.sampled_from(types),
        status=st.sampled_from(list(ContactStatus)),
        is_primary=st.booleans(),
        order=st.integers(0, 50),
    )
    return st.lists(one, max_size=8)


candidate_lists = st.sampled_from(list(ContactKind)).flatmap(_candidates)


@given(candidate_lists)
def test_after_any_change_there_is_a_primary_exactly_when_a_value_is_active(
    candidates: list[PrimaryCandidate],
) -> None:
    chosen = primary_after_change(candidates)

    any_active = any(c.status is ACTIVE for c in candidates)
    assert (chosen is None) == (not any_active)
    if chosen is not None:
        assert chosen.status is ACTIVE
        assert chosen in candidates


@given(candidate_lists)
def test_an_active_chosen_primary_is_never_moved(candidates: list[PrimaryCandidate]) -> None:
    kept = [c for c in candidates if c.is_primary and c.status is ACTIVE]

    chosen = primary_after_change(candidates)

    if kept:
        assert chosen is kept[0]
    else:
        assert chosen == default_primary(candidates)


@given(candidate_lists)
def test_the_default_is_the_preferred_dms_value_or_else_the_earliest_active(
    candidates: list[PrimaryCandidate],
) -> None:
    chosen = default_primary(candidates)

    active = [c for c in candidates if c.status is ACTIVE]
    preferred = [
        c for c in active if c.type in (ContactPointType.DMS_CELL, ContactPointType.DMS_EMAIL)
    ]
    if not active:
        assert chosen is None
    elif preferred:
        assert chosen in preferred
        assert chosen.order == min(c.order for c in preferred)
    else:
        assert chosen.order == min(c.order for c in active)
