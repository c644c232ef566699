"""Finance programs through the services: replacing their customer or contact while not active,
and a customer's new address, which needs a verification document while a program is financed."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import ContactRole, InvoiceStatus, ProgramState
from contact_desk.domain.errors import InvalidValue, NotAllowed, NotFound, PermissionDenied
from contact_desk.domain.program import bill_to_address, why_parties_locked
from contact_desk.services import additional_contacts as ac
from contact_desk.services.customers import VerificationUpload, update_customer_details
from contact_desk.services.programs import (
    Replacement,
    replace_program_contact,
    replace_program_customer,
)
from contact_desk.store.customer import Customer
from contact_desk.store.people import ContactPerson
from contact_desk.store.program import Invoice, Program, VerificationDocument

QUOTE = ProgramState.QUOTE
NOT_YET_ACTIVE = ProgramState.NOT_YET_ACTIVE
ACTIVE = ProgramState.ACTIVE
CLOSED = ProgramState.CLOSED
ANN_ADDRESS = dict(address_line1="12 Oak St", city="Springfield", state="IL", postal_code="62701")
DEE_ADDRESS = dict(address_line1="9 Elm Ave", city="Peoria", state="IL", postal_code="61602")
PROOF = VerificationUpload("utility-bill.pdf", b"%PDF-1.7 electricity bill, Ann Lee, 40 Pine Rd")


@pytest.fixture
def ann(new_customer) -> int:
    return new_customer("Ann", "Lee", address=ANN_ADDRESS)


@pytest.fixture
def dee(new_customer) -> int:
    return new_customer("Dee", "Park", address=DEE_ADDRESS)


@pytest.fixture
def program(database) -> Callable[..., int]:
    """A program (FP1, FP2...) with invoices billed to its customer as they are now.

    Programs come from the finance system, not from a service, so they are written directly.
    """
    numbers = itertools.count(1)

    def create(customer_id: int, state: ProgramState, contact: int | None = None,
               invoices: int = 1) -> int:
        number = next(numbers)
        with database.sessions() as session:
            customer = session.get(Customer, customer_id)
            row = Program(number=f"FP{number}", state=state, customer_id=customer_id,
                          contact_person_id=contact, financed_amount=Decimal("20000.00"))
            row.invoices = [
                Invoice(number=f"INV-{number}-{n}", customer_id=customer_id,
                        amount=Decimal("450.00"), due_date=date(2026, 12, n + 1),
                        status=InvoiceStatus.OPEN, bill_to_name=customer.full_name,
                        bill_to_address=bill_to_address(customer.address_line1, customer.city,
                                                        customer.state, customer.postal_code))
                for n in range(invoices)
            ]
            session.add(row)
            session.commit()
            return row.id

    return create


@pytest.fixture
def person(database, manager) -> Callable[[int, str, str], int]:
    """Put a contact on a customer's account; returns the person's id."""

    def create(customer_id: int, first_name: str, last_name: str) -> int:
        link = ac.add_contact(database.unit_of_work(), manager, customer_id,
                              first_name=first_name, last_name=last_name,
                              role=ContactRole.BOOKKEEPER)
        with database.sessions() as session:
            return session.scalars(
                select(ContactPerson.id).where(ContactPerson.links.any(id=link))).one()

    return create


def _programs(database) -> dict[str, tuple[int, int | None]]:
    """Each program's number with its customer and contact."""
    with database.sessions() as session:
        return {p.number: (p.customer_id, p.contact_person_id)
                for p in session.scalars(select(Program).order_by(Program.id))}


def _invoices(database) -> dict[str, tuple[int, str, str]]:
    """Each invoice's number with the customer, name and address it is billed to."""
    with database.sessions() as session:
        return {i.number: (i.customer_id, i.bill_to_name, i.bill_to_address)
                for i in session.scalars(select(Invoice).order_by(Invoice.id))}


@pytest.mark.parametrize("state", [QUOTE, NOT_YET_ACTIVE])
def test_a_program_not_yet_active_takes_the_new_customer_and_its_invoices_follow(
    database, manager, ann, dee, program, audit_trail, state
):
    fp1 = program(ann, state, invoices=2)
    result = replace_program_customer(database.unit_of_work(), manager, fp1, dee)
    assert result == Replacement(changed=("FP1",), kept=())
    assert _programs(database) == {"FP1": (dee, None)}
    assert _invoices(database) == {
        "INV-1-0": (dee, "Dee Park", "9 Elm Ave, Peoria, IL 61602"),
        "INV-1-1": (dee, "Dee Park", "9 Elm Ave, Peoria, IL 61602"),
    }
    [event] = audit_trail(entity="program")
    assert (event.field, event.old, event.new, event.reason, event.customer_id) == (
        "customer_id", "Ann Lee", "Dee Park", "customer replaced", dee)
    assert {e.field for e in audit_trail(entity="invoice")} == {
        "customer_id", "bill_to_name", "bill_to_address"}


@pytest.mark.parametrize("state", [ACTIVE, CLOSED])
@pytest.mark.parametrize("party", ["customer", "contact"])
def test_the_parties_of_an_active_or_closed_program_cannot_change(
    database, manager, ann, dee, program, person, refused, state, party
):
    bo = person(ann, "Bo", "Diaz")
    fp1 = program(ann, state, contact=person(ann, "Cy", "Diaz"))
    reason = why_parties_locked(state, party)
    with refused(NotAllowed) as raised:
        if party == "customer":
            replace_program_customer(database.unit_of_work(), manager, fp1, dee)
        else:
            replace_program_contact(database.unit_of_work(), manager, fp1, bo)
    assert str(raised.value) == reason


def test_replacing_a_customer_reaches_every_program_of_theirs_except_signed_ones(
    database, manager, ann, dee, program
):
    fp1, _, _, _ = (program(ann, s) for s in (QUOTE, NOT_YET_ACTIVE, ACTIVE, CLOSED))
    result = replace_program_customer(database.unit_of_work(), manager, fp1, dee)
    assert result.changed == ("FP1", "FP2")
    assert result.kept == (("FP3", why_parties_locked(ACTIVE, "customer")),
                           ("FP4", why_parties_locked(CLOSED, "customer")))
    assert _programs(database) == {
        "FP1": (dee, None), "FP2": (dee, None), "FP3": (ann, None), "FP4": (ann, None)}
    assert [i[0] for i in _invoices(database).values()] == [dee, dee, ann, ann]


def test_replacing_with_the_same_party_writes_nothing(
    database, manager, ann, program, person, stored
):
    bo = person(ann, "Bo", "Diaz")
    fp1 = program(ann, QUOTE, contact=bo)
    before = stored()
    nothing = Replacement(changed=(), kept=())
    assert replace_program_customer(database.unit_of_work(), manager, fp1, ann) == nothing
    assert replace_program_contact(database.unit_of_work(), manager, fp1, bo) == nothing
    assert stored() == before


def test_replacing_a_contact_reaches_every_program_linked_to_them(
    database, manager, ann, dee, program, person, audit_trail
):
    bo, cy = person(ann, "Bo", "Diaz"), person(ann, "Cy", "Diaz")
    fp1 = program(ann, QUOTE, contact=bo)
    program(dee, NOT_YET_ACTIVE, contact=bo)   # Bo is on Dee's program too
    program(ann, ACTIVE, contact=bo)           # signed by Bo
    program(ann, QUOTE, contact=cy)            # someone else's
    versions = _versions(database)

    result = replace_program_contact(database.unit_of_work(), manager, fp1, cy)
    assert result == Replacement(
        changed=("FP1", "FP2"), kept=(("FP3", why_parties_locked(ACTIVE, "contact")),))
    assert _programs(database) == {
        "FP1": (ann, cy), "FP2": (dee, cy), "FP3": (ann, bo), "FP4": (ann, cy)}
    assert [(e.customer_id, e.old, e.new) for e in audit_trail(entity="program")] == [
        (ann, "Bo Diaz", "Cy Diaz"), (dee, "Bo Diaz", "Cy Diaz")]
    now = _versions(database)
    assert now[ann] > versions[ann] and now[dee] > versions[dee], \
        "both customers' pages show a changed program"


def test_a_program_without_a_contact_gets_one_alone(database, manager, ann, program, person):
    fp1 = program(ann, QUOTE)
    program(ann, QUOTE)
    bo = person(ann, "Bo", "Diaz")
    assert replace_program_contact(database.unit_of_work(), manager, fp1, bo).changed == ("FP1",)
    assert _programs(database) == {"FP1": (ann, bo), "FP2": (ann, None)}


def test_replacing_needs_the_manage_programs_permission(
    database, clerk, ann, dee, program, person, refused
):
    bo = person(ann, "Bo", "Diaz")
    fp1 = program(ann, QUOTE)
    with refused(PermissionDenied, "Casey Clerk does not have the permission to replace"):
        replace_program_customer(database.unit_of_work(), clerk, fp1, dee)
    with refused(PermissionDenied, "Casey Clerk does not have the permission to replace"):
        replace_program_contact(database.unit_of_work(), clerk, fp1, bo)


def test_replacing_with_a_party_that_no_longer_exists_is_refused(
    database, manager, ann, program, refused
):
    fp1 = program(ann, QUOTE)
    with refused(NotFound, "That customer no longer exists"):
        replace_program_customer(database.unit_of_work(), manager, fp1, ann + 1000)
    with refused(NotFound, "That contact no longer exists"):
        replace_program_contact(database.unit_of_work(), manager, fp1, 1000)


def _versions(database) -> dict[int, int]:
    with database.sessions() as session:
        return dict(session.execute(select(Customer.id, Customer.version)).all())


def _move_ann(database, actor, customer_id, verification=None) -> list[str]:
    """Save Ann's details with her new address, 40 Pine Rd."""
    return update_customer_details(
        database.unit_of_work(), actor, customer_id, first_name="Ann", last_name="Lee",
        address_line1="40 Pine Rd", city="Springfield", state="IL", postal_code="62704",
        verification=verification)


@pytest.mark.parametrize("state", [NOT_YET_ACTIVE, ACTIVE])
def test_a_new_address_while_a_program_is_financed_needs_a_verification_document(
    database, clerk, ann, program, refused, state
):
    program(ann, state)
    with refused(NotAllowed, "needs a verification document"):
        _move_ann(database, clerk, ann)


def test_the_document_is_kept_with_the_address_it_verifies_and_invoices_follow(
    database, clerk, ann, program, audit_trail
):
    program(ann, ACTIVE, invoices=2)
    program(ann, QUOTE, invoices=1)
    changed = _move_ann(database, clerk, ann, PROOF)
    assert changed == ["address_line1", "postal_code"]
    new_address = "40 Pine Rd, Springfield, IL 62704"
    assert set(_invoices(database).values()) == {(ann, "Ann Lee", new_address)}
    with database.sessions() as session:
        document = session.scalars(select(VerificationDocument)).one()
    assert (document.customer_id, document.file_name, document.content, document.size) == (
        ann, "utility-bill.pdf", PROOF.content, len(PROOF.content))
    assert document.sha256 == hashlib.sha256(PROOF.content).hexdigest()
    assert (document.verified_address, document.uploaded_by_id) == (new_address, clerk.user_id)
    [attached] = audit_trail(entity="verification_document")
    assert (attached.field, attached.reason, attached.user_id) == (
        "attached", "address change", clerk.user_id)
    assert [(e.old, e.new) for e in audit_trail(entity="customer", user_id=clerk.user_id)] == [
        ("12 Oak St", "40 Pine Rd"), ("62701", "62704")]
    assert len(audit_trail(entity="invoice", field="bill_to_address")) == 3


@pytest.mark.parametrize("state", [QUOTE, CLOSED])
def test_without_a_financed_program_an_address_changes_without_a_document(
    database, clerk, ann, program, state
):
    program(ann, state)
    assert _move_ann(database, clerk, ann) == ["address_line1", "postal_code"]
    with database.sessions() as session:
        assert session.scalars(select(VerificationDocument)).all() == []


def test_a_name_change_needs_no_document_and_reaches_every_invoice(
    database, clerk, ann, program
):
    program(ann, ACTIVE, invoices=2)
    update_customer_details(database.unit_of_work(), clerk, ann, first_name="Anne",
                            last_name="Lee-Park", **ANN_ADDRESS)
    assert set(_invoices(database).values()) == {
        (ann, "Anne Lee-Park", "12 Oak St, Springfield, IL 62701")}


def test_an_empty_document_is_refused(database, clerk, ann, program, refused):
    program(ann, ACTIVE)
    with refused(InvalidValue, "utility-bill.pdf is empty"):
        _move_ann(database, clerk, ann, VerificationUpload("utility-bill.pdf", b""))


def test_updating_details_needs_the_edit_permission(database, viewer, ann, program, refused):
    program(ann, ACTIVE)
    with refused(PermissionDenied, "Val Viewer does not have the permission"):
        _move_ann(database, viewer, ann, PROOF)
