"""Finance programs: when their parties may be replaced, what each role's menu offers, when an
address change needs proof and what counts as proof, and what makes an invoice."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission, ProgramState
from contact_desk.domain.errors import InvalidValue, NotAllowed
from contact_desk.domain.program import (
    MAX_DOCUMENT_BYTES,
    NO_CONTACT,
    REPLACEABLE_STATES,
    ProgramRole,
    RoleAction,
    RoleActionKind,
    address_change_needs_verification,
    check_invoice,
    check_parties_replaceable,
    check_verification_document,
    role_actions,
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


def _menu(actions: tuple[RoleAction, ...]) -> list[tuple[str, str, str | None]]:
    return [(a.role, a.label, a.reason) for a in actions]


@pytest.mark.parametrize("state", [ProgramState.QUOTE, ProgramState.NOT_YET_ACTIVE])
def test_before_it_is_active_every_action_of_both_roles_is_offered(state: ProgramState) -> None:
    actions = role_actions(state, has_contact=True)
    assert _menu(actions) == [
        ("customer", "Update customer details", None),
        ("customer", "Replace customer", None),
        ("contact", "Update contact details", None),
        ("contact", "Replace contact", None),
    ]
    assert all(a.allowed for a in actions)
    assert [a.action for a in actions] == ["update_details", "replace"] * 2


@pytest.mark.parametrize("state", [ProgramState.ACTIVE, ProgramState.CLOSED])
def test_once_signed_details_can_be_updated_but_nobody_replaced(state: ProgramState) -> None:
    actions = role_actions(state, has_contact=True)
    assert _menu(actions) == [
        ("customer", "Update customer details", None),
        ("customer", "Replace customer", why_parties_locked(state, "customer")),
        ("contact", "Update contact details", None),
        ("contact", "Replace contact", why_parties_locked(state, "contact")),
    ]
    assert [a.allowed for a in actions] == [True, False, True, False]


def test_the_disabled_replace_contact_on_an_active_agreement_says_that_person_signed_it() -> None:
    replace = role_actions(ProgramState.ACTIVE, has_contact=True)[3]
    assert (replace.role, replace.action) == (ProgramRole.CONTACT, RoleActionKind.REPLACE)
    assert replace.reason == (
        "The contact on an active finance agreement cannot change because that person signed it.")


def test_without_a_contact_there_are_no_contact_details_to_update() -> None:
    actions = role_actions(ProgramState.QUOTE, has_contact=False)
    assert [(a.label, a.allowed, a.reason) for a in actions[2:]] == [
        ("Update contact details", False, NO_CONTACT),
        ("Replace contact", True, None),
    ]


def test_a_missing_permission_disables_an_action_with_that_reason() -> None:
    clerk = Actor(7, "Casey Clerk", frozenset({Permission.EDIT_CUSTOMERS}))
    actions = role_actions(ProgramState.QUOTE, has_contact=True, actor=clerk)
    assert [a.allowed for a in actions] == [True, False, True, False]
    assert actions[1].reason == clerk.why_not(Permission.MANAGE_PROGRAMS)
    locked = role_actions(ProgramState.ACTIVE, has_contact=True, actor=clerk)
    assert locked[1].reason == why_parties_locked(ProgramState.ACTIVE, "customer"), \
        "the state's reason comes first: a manager could not do it either"


def test_each_action_needs_its_permission() -> None:
    assert RoleActionKind.UPDATE_DETAILS.permission is Permission.EDIT_CUSTOMERS
    assert RoleActionKind.REPLACE.permission is Permission.MANAGE_PROGRAMS


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"%PDF-1.7\n1 0 obj", "application/pdf"),
        (b"\x00\x00junk before the header %PDF-1.4", "application/pdf"),
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "image/heic"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"II*\x00\x08\x00", "image/tiff"),
        (b"GIF89a\x01\x00", "image/gif"),
    ],
)
def test_a_pdf_or_an_image_is_proof_known_by_its_first_bytes(
    content: bytes, content_type: str
) -> None:
    assert check_verification_document("  bill.scan  ", content) == ("bill.scan", content_type)


@pytest.mark.parametrize(
    "content",
    [b"Ann Lee, 40 Pine Rd", b"PK\x03\x04 a zip or a docx", b"MZ\x90\x00 a program"],
)
def test_anything_else_is_refused_whatever_its_name(content: bytes) -> None:
    with pytest.raises(InvalidValue, match="bill.pdf is not a PDF or an image"):
        check_verification_document("bill.pdf", content)


def test_an_empty_or_oversized_document_is_refused() -> None:
    with pytest.raises(InvalidValue, match="bill.pdf is empty"):
        check_verification_document("bill.pdf", b"")
    at_limit = b"%PDF-" + b"0" * (MAX_DOCUMENT_BYTES - 5)
    assert check_verification_document("bill.pdf", at_limit)[1] == "application/pdf"
    with pytest.raises(InvalidValue, match="bill.pdf is larger than 20 MB"):
        check_verification_document("bill.pdf", at_limit + b"0")


@pytest.mark.parametrize(
    ("file_name", "problem"),
    [("", "has no file name"), ("   ", "has no file name"),
     ("a" * 252 + ".pdf", "file name is too long")],
)
def test_the_file_name_must_be_there_and_fit(file_name: str, problem: str) -> None:
    with pytest.raises(InvalidValue, match=problem):
        check_verification_document(file_name, b"%PDF-1.7")


def test_a_file_name_of_the_longest_allowed_length_is_kept() -> None:
    name = "a" * 251 + ".pdf"
    assert check_verification_document(name, b"%PDF-1.7")[0] == name


@pytest.mark.parametrize(
    ("number", "amount", "checked"),
    [
        (" INV-1 ", Decimal("450"), ("INV-1", Decimal("450.00"))),
        ("INV  2", "0", ("INV 2", Decimal("0.00"))),
        ("INV-3", 12, ("INV-3", Decimal("12.00"))),
        ("INV-4", "9999999999.99", ("INV-4", Decimal("9999999999.99"))),
    ],
)
def test_an_invoice_has_a_number_and_an_amount_of_zero_or_more(
    number: str, amount: object, checked: tuple[str, Decimal]
) -> None:
    assert check_invoice(number, amount) == checked  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "amount", "problem"),
    [
        ("", "10", "needs a number"),
        ("X" * 33, "10", "number is too long"),
        ("INV-1", "-0.01", "cannot be negative"),
        ("INV-1", "10.005", "at most two decimals"),
        ("INV-1", "NaN", "not an amount of money"),
        ("INV-1", "ten", "not an amount of money"),
        ("INV-1", "10000000000", "too large"),
    ],
)
def test_an_invoice_without_a_number_or_with_a_wrong_amount_is_refused(
    number: str, amount: str, problem: str
) -> None:
    with pytest.raises(InvalidValue, match=problem):
        check_invoice(number, amount)
