"""Finance programs through the services: the Programs section's view of them, replacing their
customer or contact (by one known or a new one) while not active, the contact's own details,
invoices, and a customer's new address, which needs a verification document while a program
is financed."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import (
    ContactRole,
    InvoiceStatus,
    PaymentFrequency,
    Permission,
    ProgramState,
)
from contact_desk.domain.errors import (
    ConflictError,
    DuplicateEmail,
    InvalidValue,
    NotAllowed,
    NotFound,
    PermissionDenied,
)
from contact_desk.domain.program import NO_CONTACT, bill_to_address, why_parties_locked
from contact_desk.services import additional_contacts as ac
from contact_desk.services import users
from contact_desk.services.customers import (
    VerificationUpload,
    get_customer,
    update_customer_details,
)
from contact_desk.services.invoices import add_invoice
from contact_desk.services.program_views import InvoiceView, ProgramCustomerView, program_views
from contact_desk.services.programs import (
    Replacement,
    address_needs_verification,
    replace_program_contact,
    replace_program_contact_with_new,
    replace_program_customer,
    replace_program_customer_with_new,
    update_program_contact_details,
)
from contact_desk.store.customer import Customer
from contact_desk.store.people import ContactPerson
from contact_desk.store.program import Invoice, Program, VerificationDocument
from contact_desk.services.forms import ContactForm, CustomerForm, PersonForm

QUOTE = ProgramState.QUOTE
NOT_YET_ACTIVE = ProgramState.NOT_YET_ACTIVE
MONTHLY = PaymentFrequency.MONTHLY
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
def person(database, manager) -> Callable[..., int]:
    """Put a contact on a customer's account; returns the person's id."""

    def create(customer_id: int, first_name: str, last_name: str, email: str | None = None) -> int:
        link = ac.add_contact(
            database.unit_of_work(),
            manager,
            customer_id,
            ContactForm(
                first_name=first_name, last_name=last_name, role=ContactRole.BOOKKEEPER, email=email
            ),
        )
        with database.sessions() as session:
            return session.scalars(
                select(ContactPerson.id).where(ContactPerson.links.any(id=link))
            ).one()

    return create


def _programs(database) -> dict[str, tuple[int, int | None]]:
    """Each program's number with its customer and contact."""
    with database.sessions() as session:
        return {
            p.number: (p.customer_id, p.contact_person_id)
            for p in session.scalars(select(Program).order_by(Program.id))
        }


def _invoices(database) -> dict[str, tuple[int, str, str]]:
    """Each invoice's number with the customer, name and address it is billed to."""
    with database.sessions() as session:
        return {
            i.number: (i.customer_id, i.bill_to_name, i.bill_to_address)
            for i in session.scalars(select(Invoice).order_by(Invoice.id))
        }


@pytest.mark.parametrize("state", [QUOTE, NOT_YET_ACTIVE])
def test_a_program_not_yet_active_takes_the_new_customer_and_its_invoices_follow(
    database, manager, ann, dee, program, audit_trail, state
):
    fp1 = program(ann, state, invoices=2)
    result = replace_program_customer(database.unit_of_work(), manager, fp1, dee)
    assert result == Replacement(changed=("FP1",), kept=(), new_party_id=dee)
    assert _programs(database) == {"FP1": (dee, None)}
    assert _invoices(database) == {
        "INV-1-0": (dee, "Dee Park", "9 Elm Ave, Peoria, IL 61602"),
        "INV-1-1": (dee, "Dee Park", "9 Elm Ave, Peoria, IL 61602"),
    }
    [event] = audit_trail(entity="program")
    assert (event.field, event.old, event.new, event.reason, event.customer_id) == (
        "customer_id",
        "Ann Lee",
        "Dee Park",
        "customer replaced",
        dee,
    )
    assert {e.field for e in audit_trail(entity="invoice")} == {
        "customer_id",
        "bill_to_name",
        "bill_to_address",
    }


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
    assert result.kept == (
        ("FP3", why_parties_locked(ACTIVE, "customer")),
        ("FP4", why_parties_locked(CLOSED, "customer")),
    )
    assert _programs(database) == {
        "FP1": (dee, None),
        "FP2": (dee, None),
        "FP3": (ann, None),
        "FP4": (ann, None),
    }
    assert [i[0] for i in _invoices(database).values()] == [dee, dee, ann, ann]


def test_replacing_with_the_same_party_writes_nothing(
    database, manager, ann, program, person, stored
):
    bo = person(ann, "Bo", "Diaz")
    fp1 = program(ann, QUOTE, contact=bo)
    before = stored()
    assert replace_program_customer(database.unit_of_work(), manager, fp1, ann) == Replacement(
        changed=(), kept=(), new_party_id=ann
    )
    assert replace_program_contact(database.unit_of_work(), manager, fp1, bo) == Replacement(
        changed=(), kept=(), new_party_id=bo
    )
    assert stored() == before


def test_replacing_a_contact_reaches_every_program_linked_to_them(
    database, manager, ann, dee, program, person, audit_trail
):
    bo, cy = person(ann, "Bo", "Diaz"), person(ann, "Cy", "Diaz")
    fp1 = program(ann, QUOTE, contact=bo)
    program(dee, NOT_YET_ACTIVE, contact=bo)  # Bo is on Dee's program too
    program(ann, ACTIVE, contact=bo)  # signed by Bo
    program(ann, QUOTE, contact=cy)  # someone else's
    versions = _versions(database)

    result = replace_program_contact(database.unit_of_work(), manager, fp1, cy)
    assert result == Replacement(
        changed=("FP1", "FP2"),
        kept=(("FP3", why_parties_locked(ACTIVE, "contact")),),
        new_party_id=cy,
    )
    assert _programs(database) == {
        "FP1": (ann, cy),
        "FP2": (dee, cy),
        "FP3": (ann, bo),
        "FP4": (ann, cy),
    }
    assert [(e.customer_id, e.old, e.new) for e in audit_trail(entity="program")] == [
        (ann, "Bo Diaz", "Cy Diaz"),
        (dee, "Bo Diaz", "Cy Diaz"),
    ]
    now = _versions(database)
    assert now[ann] > versions[ann] and now[dee] > versions[dee], (
        "both customers' pages show a changed program"
    )


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
        database.unit_of_work(),
        actor,
        customer_id,
        CustomerForm(
            first_name="Ann",
            last_name="Lee",
            address_line1="40 Pine Rd",
            city="Springfield",
            state="IL",
            postal_code="62704",
        ),
        verification=verification,
    )


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
        ann,
        "utility-bill.pdf",
        PROOF.content,
        len(PROOF.content),
    )
    assert document.sha256 == hashlib.sha256(PROOF.content).hexdigest()
    assert (document.verified_address, document.uploaded_by_id) == (new_address, clerk.user_id)
    [attached] = audit_trail(entity="verification_document")
    assert (attached.field, attached.reason, attached.user_id) == (
        "attached",
        "address change",
        clerk.user_id,
    )
    assert [(e.old, e.new) for e in audit_trail(entity="customer", user_id=clerk.user_id)] == [
        ("12 Oak St", "40 Pine Rd"),
        ("62701", "62704"),
    ]
    assert len(audit_trail(entity="invoice", field="bill_to_address")) == 3


@pytest.mark.parametrize("state", [QUOTE, CLOSED])
def test_without_a_financed_program_an_address_changes_without_a_document(
    database, clerk, ann, program, state
):
    program(ann, state)
    assert _move_ann(database, clerk, ann) == ["address_line1", "postal_code"]
    with database.sessions() as session:
        assert session.scalars(select(VerificationDocument)).all() == []


def test_a_name_change_needs_no_document_and_reaches_every_invoice(database, clerk, ann, program):
    program(ann, ACTIVE, invoices=2)
    update_customer_details(
        database.unit_of_work(),
        clerk,
        ann,
        CustomerForm(first_name="Anne", last_name="Lee-Park", **ANN_ADDRESS),
    )
    assert set(_invoices(database).values()) == {
        (ann, "Anne Lee-Park", "12 Oak St, Springfield, IL 62701")
    }


def test_an_empty_document_is_refused(database, clerk, ann, program, refused):
    program(ann, ACTIVE)
    with refused(InvalidValue, "utility-bill.pdf is empty"):
        _move_ann(database, clerk, ann, VerificationUpload("utility-bill.pdf", b""))


def test_updating_details_needs_the_edit_permission(database, viewer, ann, program, refused):
    program(ann, ACTIVE)
    with refused(PermissionDenied, "Val Viewer does not have the permission"):
        _move_ann(database, viewer, ann, PROOF)


# ---------------------------------------------------------------- the Programs section's view


def test_the_view_lists_the_customers_programs_with_their_parties_invoices_and_menus(
    database, manager, ann, dee, program, person
):
    bo = person(ann, "Bo", "Diaz", "bo@example.com")
    quote = program(ann, QUOTE, contact=bo, invoices=0)
    active = program(ann, ACTIVE, invoices=2)
    program(dee, QUOTE, contact=bo)  # Dee's, not on Ann's page
    views = program_views(database.unit_of_work(), ann)
    assert [(v.id, v.number, v.state, v.state_label) for v in views] == [
        (quote, "FP1", QUOTE, "Quote"),
        (active, "FP2", ACTIVE, "Active"),
    ]
    first, second = views
    assert first.customer == second.customer == ProgramCustomerView(ann, "Ann Lee")
    assert (first.contact.person_id, first.contact.name, first.contact.email) == (
        bo,
        "Bo Diaz",
        "bo@example.com",
    )
    [bo_link] = get_customer(database.unit_of_work(), ann).contacts
    assert first.contact.account_contact_id == bo_link.id
    assert second.contact is None
    assert first.invoices == ()
    assert second.invoices[0] == InvoiceView(
        id=second.invoices[0].id,
        number="INV-2-0",
        amount=Decimal("450.00"),
        due_date=date(2026, 12, 1),
        status=InvoiceStatus.OPEN,
        bill_to_name="Ann Lee",
        bill_to_address="12 Oak St, Springfield, IL 62701",
    )
    assert second.invoices[0].status_label == "Open"
    assert [a.allowed for a in first.actions] == [True, True, True, True]
    replace_contact = second.action("contact", "replace")
    assert (replace_contact.label, replace_contact.allowed, replace_contact.reason) == (
        "Replace contact",
        False,
        why_parties_locked(ACTIVE, "contact"),
    )
    assert second.action("contact", "update_details").reason == NO_CONTACT
    assert [a.label for a in second.actions_of("customer")] == [
        "Update customer details",
        "Replace customer",
    ]


def test_a_contact_from_another_account_is_shown_without_a_place_on_this_one(
    database, ann, dee, program, person
):
    program(ann, QUOTE, contact=person(dee, "Bo", "Diaz"))
    [view] = program_views(database.unit_of_work(), ann)
    assert (view.contact.name, view.contact.account_contact_id) == ("Bo Diaz", None)


def test_the_view_disables_what_the_user_may_not_do(database, clerk, viewer, ann, program):
    program(ann, QUOTE)
    [for_clerk] = program_views(database.unit_of_work(), ann, clerk)
    assert [a.allowed for a in for_clerk.actions_of("customer")] == [True, False]
    assert for_clerk.action("customer", "replace").reason == clerk.why_not(
        Permission.MANAGE_PROGRAMS
    )
    [for_viewer] = program_views(database.unit_of_work(), ann, viewer)
    assert for_viewer.action("customer", "update_details").reason == viewer.why_not(
        Permission.EDIT_CUSTOMERS
    )


def test_a_customer_without_programs_has_none_and_a_missing_one_is_not_found(database, ann):
    assert program_views(database.unit_of_work(), ann) == ()
    with pytest.raises(NotFound):
        program_views(database.unit_of_work(), ann + 1000)


# ---------------------------------------------------------------- replacing by a new party


@pytest.fixture
def finance(database, manager) -> Actor:
    """Someone who may replace a program's parties but not create or edit customers."""
    uow = database.unit_of_work()
    users.create_user(uow, manager, "finance", "Fran Finance", [Permission.MANAGE_PROGRAMS])
    return users.actor_for(uow, "finance")


def test_a_new_customer_takes_every_unsigned_program_of_the_one_replaced_with_its_invoices(
    database, manager, ann, program, audit_trail
):
    fp1 = program(ann, QUOTE)
    program(ann, NOT_YET_ACTIVE, invoices=2)
    program(ann, ACTIVE)
    result = replace_program_customer_with_new(
        database.unit_of_work(),
        manager,
        fp1,
        CustomerForm(
            first_name=" Eve ",
            last_name="Moss",
            address_line1="3 Ash Ct",
            city="Peoria",
            state="IL",
            postal_code="61602",
        ),
    )
    eve = result.new_party_id
    assert result == Replacement(
        changed=("FP1", "FP2"),
        kept=(("FP3", why_parties_locked(ACTIVE, "customer")),),
        new_party_id=eve,
    )
    assert get_customer(database.unit_of_work(), eve).address == "3 Ash Ct, Peoria, IL 61602"
    assert _programs(database) == {"FP1": (eve, None), "FP2": (eve, None), "FP3": (ann, None)}
    eve_billed = (eve, "Eve Moss", "3 Ash Ct, Peoria, IL 61602")
    assert list(_invoices(database).values()) == [
        eve_billed,
        eve_billed,
        eve_billed,
        (ann, "Ann Lee", "12 Oak St, Springfield, IL 62701"),
    ]
    [created] = audit_trail(entity="customer", entity_id=eve, field="created")
    assert created.new == "Eve Moss"
    assert [e.customer_id for e in audit_trail(entity="program")] == [eve, eve]
    assert len(audit_trail(entity="invoice", field="customer_id")) == 3


def test_a_new_customer_is_not_created_when_the_program_is_signed_or_the_name_is_missing(
    database, manager, ann, program, refused
):
    fp1 = program(ann, ACTIVE)
    with refused(NotAllowed, "cannot change because that person signed it"):
        replace_program_customer_with_new(
            database.unit_of_work(), manager, fp1, CustomerForm(first_name="Eve", last_name="Moss")
        )
    quote = program(ann, QUOTE)
    with refused(InvalidValue, "needs a first and last name"):
        replace_program_customer_with_new(database.unit_of_work(), manager, quote, CustomerForm())


def test_replacing_by_a_new_party_needs_both_permissions(
    database, clerk, finance, ann, program, refused
):
    fp1 = program(ann, QUOTE)
    for actor, lacking in ((clerk, "replace"), (finance, "edit customers")):
        with refused(PermissionDenied, f"does not have the permission to {lacking}"):
            replace_program_customer_with_new(
                database.unit_of_work(),
                actor,
                fp1,
                CustomerForm(first_name="Eve", last_name="Moss"),
            )
        with refused(PermissionDenied, f"does not have the permission to {lacking}"):
            replace_program_contact_with_new(
                database.unit_of_work(),
                actor,
                fp1,
                ContactForm(first_name="Eve", last_name="Moss", role=ContactRole.SPOUSE),
            )


def test_a_new_contact_joins_the_account_and_takes_every_program_of_the_one_replaced(
    database, manager, ann, dee, program, person, audit_trail
):
    bo = person(ann, "Bo", "Diaz")
    fp1 = program(ann, QUOTE, contact=bo)
    program(dee, NOT_YET_ACTIVE, contact=bo)
    program(ann, ACTIVE, contact=bo)
    result = replace_program_contact_with_new(
        database.unit_of_work(),
        manager,
        fp1,
        ContactForm(
            first_name="Cy",
            last_name="Ames",
            role=ContactRole.SPOUSE,
            email="CY@example.com",
            phone="(212) 555-0142",
        ),
    )
    cy = result.new_party_id
    assert (result.changed, [number for number, _ in result.kept]) == (("FP1", "FP2"), ["FP3"])
    assert _programs(database) == {"FP1": (ann, cy), "FP2": (dee, cy), "FP3": (ann, bo)}
    new_link = get_customer(database.unit_of_work(), ann).contacts[-1]
    assert (new_link.person_id, new_link.full_name, new_link.role, new_link.email) == (
        cy,
        "Cy Ames",
        ContactRole.SPOUSE,
        "cy@example.com",
    )
    [added] = audit_trail(entity="account_contact", field="added", new="Cy Ames (Spouse)")
    assert added.customer_id == ann
    assert [(e.customer_id, e.old, e.new) for e in audit_trail(entity="program")] == [
        (ann, "Bo Diaz", "Cy Ames"),
        (dee, "Bo Diaz", "Cy Ames"),
    ]


def test_a_new_contact_with_someone_elses_email_is_refused_and_nothing_is_written(
    database, manager, ann, program, person, refused
):
    bo = person(ann, "Bo", "Diaz", "bo@example.com")
    fp1 = program(ann, QUOTE)
    with refused(DuplicateEmail, "already belongs to Bo Diaz") as raised:
        replace_program_contact_with_new(
            database.unit_of_work(),
            manager,
            fp1,
            ContactForm(
                first_name="Cy", last_name="Ames", role=ContactRole.SPOUSE, email="bo@example.com"
            ),
        )
    assert raised.value.existing_contact_id == bo
    active = program(ann, ACTIVE)
    with refused(NotAllowed, "signed it"):
        replace_program_contact_with_new(
            database.unit_of_work(),
            manager,
            active,
            ContactForm(first_name="Cy", last_name="Ames", role=ContactRole.SPOUSE),
        )


# ---------------------------------------------------------------- the contact's own details


def _update_contact(
    database, actor, program_id, expected_person_version=None, **changes
) -> list[str]:
    fields = dict(first_name="Bo", last_name="Diaz", email="bo@example.com") | changes
    return update_program_contact_details(
        database.unit_of_work(),
        actor,
        program_id,
        PersonForm(**fields),
        expected_person_version=expected_person_version,
    )


def test_the_contacts_new_details_show_on_every_program_and_account_they_are_on(
    database, clerk, ann, dee, program, person, audit_trail
):
    bo = person(ann, "Bo", "Diaz", "bo@example.com")
    fp1 = program(ann, ACTIVE, contact=bo)  # signed: the person's details still change
    program(dee, QUOTE, contact=bo)
    versions = _versions(database)
    changed = _update_contact(
        database, clerk, fp1, first_name="Robert", email="robert@example.com", phone="212 555 0142"
    )
    assert changed == ["first_name", "email", "phone", "phone_display"]
    for customer in (ann, dee):
        [view] = program_views(database.unit_of_work(), customer)
        assert (
            view.contact.person_id,
            view.contact.name,
            view.contact.email,
            view.contact.phone,
        ) == (bo, "Robert Diaz", "robert@example.com", "+12125550142")
    [on_account] = get_customer(database.unit_of_work(), ann).contacts
    assert (on_account.full_name, on_account.email) == ("Robert Diaz", "robert@example.com")
    assert [
        (e.field, e.old, e.new, e.user_id)
        for e in audit_trail(entity="contact_person", entity_id=bo, customer_id=ann)
    ][-4:] == [
        ("first_name", "Bo", "Robert", clerk.user_id),
        ("email", "bo@example.com", "robert@example.com", clerk.user_id),
        ("phone", None, "+12125550142", clerk.user_id),
        ("phone_display", "", "(212) 555-0142", clerk.user_id),
    ]
    now = _versions(database)
    assert now[ann] > versions[ann] and now[dee] > versions[dee]


def test_another_contacts_email_blocks_the_update_and_points_to_replace_contact(
    database, clerk, ann, program, person, refused
):
    bo = person(ann, "Bo", "Diaz", "bo@example.com")
    cy = person(ann, "Cy", "Ames", "cy@example.com")
    fp1 = program(ann, QUOTE, contact=bo)
    with refused(
        DuplicateEmail, "cy@example.com already belongs to Cy Ames. Use Replace contact"
    ) as raised:
        _update_contact(database, clerk, fp1, email="CY@example.com")
    assert raised.value.existing_contact_id == cy


def test_updating_a_contact_that_is_not_there_or_changed_elsewhere_is_refused(
    database, clerk, viewer, ann, program, person, refused
):
    fp1 = program(ann, QUOTE)
    with refused(NotAllowed, NO_CONTACT):
        _update_contact(database, clerk, fp1)
    bo = person(ann, "Bo", "Diaz", "bo@example.com")
    fp2 = program(ann, QUOTE, contact=bo)
    [view] = program_views(database.unit_of_work(), ann)[1:]
    _update_contact(
        database, clerk, fp2, first_name="Bob", expected_person_version=view.contact.version
    )
    with refused(ConflictError, "Another desk"):
        _update_contact(
            database, clerk, fp2, first_name="Robert", expected_person_version=view.contact.version
        )
    with refused(PermissionDenied, "Val Viewer does not have the permission"):
        _update_contact(database, viewer, fp2, first_name="Robert")


def test_the_same_details_again_change_nothing_and_portal_access_keeps_its_email(
    database, clerk, ann, program, person, stored, refused
):
    bo = person(ann, "Bo", "Diaz", "bo@example.com")
    fp1 = program(ann, QUOTE, contact=bo)
    before = stored()
    assert _update_contact(database, clerk, fp1) == []
    assert stored() == before
    [link] = get_customer(database.unit_of_work(), ann).contacts
    ac.set_portal_access(database.unit_of_work(), clerk, link.id, True)
    with refused(NotAllowed, "Portal access needs an email address"):
        _update_contact(database, clerk, fp1, email="")


# ---------------------------------------------------------------- invoices


def test_an_invoice_is_billed_to_the_programs_customer_listed_and_audited(
    database, manager, ann, program, audit_trail
):
    fp1 = program(ann, ACTIVE, invoices=0)
    invoice = add_invoice(
        database.unit_of_work(), manager, fp1, " INV-9 ", "99.5", date(2027, 1, 15)
    )
    [view] = program_views(database.unit_of_work(), ann)
    assert view.invoices == (
        InvoiceView(
            invoice,
            "INV-9",
            Decimal("99.50"),
            date(2027, 1, 15),
            InvoiceStatus.OPEN,
            "Ann Lee",
            "12 Oak St, Springfield, IL 62701",
        ),
    )
    [added] = audit_trail(entity="invoice", entity_id=invoice)
    assert (added.field, added.new, added.customer_id) == (
        "added",
        "INV-9 on FP1: 99.50 due 2027-01-15 (Open)",
        ann,
    )
    paid = add_invoice(
        database.unit_of_work(), manager, fp1, "INV-10", 0, date(2026, 12, 15), InvoiceStatus.PAID
    )
    assert program_views(database.unit_of_work(), ann)[0].invoices[1].status_label == "Paid"
    update_customer_details(
        database.unit_of_work(),
        manager,
        ann,
        CustomerForm(first_name="Anne", last_name="Lee", **ANN_ADDRESS),
    )
    assert {i.bill_to_name for i in program_views(database.unit_of_work(), ann)[0].invoices} == {
        "Anne Lee"
    }, "an added invoice follows the customer's details like any other"
    assert paid > invoice


def test_an_invoice_number_is_used_once_and_the_amount_is_checked(
    database, manager, clerk, ann, program, refused
):
    fp1, fp2 = program(ann, ACTIVE), program(ann, NOT_YET_ACTIVE)
    for program_id in (fp1, fp2):
        with refused(NotAllowed, "Invoice number INV-1-0 is already used on program FP1"):
            add_invoice(
                database.unit_of_work(), manager, program_id, "INV-1-0", "10", date(2027, 1, 1)
            )
    with refused(InvalidValue, "cannot be negative"):
        add_invoice(database.unit_of_work(), manager, fp1, "INV-7", "-1", date(2027, 1, 1))
    with refused(PermissionDenied, "Casey Clerk does not have the permission"):
        add_invoice(database.unit_of_work(), clerk, fp1, "INV-7", "1", date(2027, 1, 1))
    with refused(NotFound, "That program no longer exists"):
        add_invoice(database.unit_of_work(), manager, fp2 + 1000, "INV-7", "1", date(2027, 1, 1))


# ---------------------------------------------------------------- the verification document


def test_whether_a_new_address_needs_a_document_follows_the_programs(database, ann, program):
    assert address_needs_verification(database.unit_of_work(), ann) is False
    program(ann, QUOTE)
    assert address_needs_verification(database.unit_of_work(), ann) is False
    program(ann, NOT_YET_ACTIVE)
    assert address_needs_verification(database.unit_of_work(), ann) is True


def test_the_documents_content_type_comes_from_its_bytes(database, clerk, ann, program):
    program(ann, ACTIVE)
    photo = VerificationUpload("IMG_0042.HEIC", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    _move_ann(database, clerk, ann, photo)
    with database.sessions() as session:
        document = session.scalars(select(VerificationDocument)).one()
    assert (document.file_name, document.content_type, document.size) == (
        "IMG_0042.HEIC",
        "image/heic",
        len(photo.content),
    )
    assert document.uploaded_at is not None


def test_a_document_that_cannot_be_proof_is_refused(database, clerk, ann, program, refused):
    program(ann, ACTIVE)
    for upload, problem in (
        (
            VerificationUpload("bill.docx", b"PK\x03\x04 word document"),
            "bill.docx is not a PDF or an image",
        ),
        (
            VerificationUpload("scan.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024)),
            "scan.pdf is larger than 20 MB",
        ),
        (VerificationUpload("x" * 300 + ".pdf", b"%PDF-1.7"), "file name is too long"),
    ):
        with refused(InvalidValue, problem):
            _move_ann(database, clerk, ann, upload)


def test_a_document_without_a_new_address_is_pointed_out_not_dropped(
    database, clerk, ann, program, refused
):
    program(ann, ACTIVE)
    with refused(NotAllowed, "The address did not change, so utility-bill.pdf is not needed"):
        update_customer_details(
            database.unit_of_work(),
            clerk,
            ann,
            CustomerForm(first_name="Anne", last_name="Lee", **ANN_ADDRESS),
            verification=PROOF,
        )


def _figures(database, customer_id: int) -> tuple:
    with database.sessions() as session:
        customer = session.get(Customer, customer_id)
        return tuple(getattr(customer, name) for name in
                     ("regular_amount", "payment_frequency", "current_due_date",
                      "current_amount_due"))


def _finance(database, customer_id: int) -> None:
    """The account figures a financed program gives its customer (the DMS's, or the demo's)."""
    with database.sessions() as session:
        customer = session.get(Customer, customer_id)
        customer.regular_amount, customer.payment_frequency = Decimal("450.00"), MONTHLY
        customer.current_due_date = date(2026, 12, 1)
        customer.current_amount_due = Decimal("450.00")
        session.commit()


def test_the_account_figures_go_with_the_financed_program_to_the_new_customer(
    database, manager, ann, dee, program, audit_trail
):
    """Only the not-yet-active program is financed and moves: Ann's header no longer shows
    its payments, Dee's does; each change is in the history."""
    program(ann, QUOTE)
    fp2 = program(ann, NOT_YET_ACTIVE)
    _finance(database, ann)
    figures = _figures(database, ann)
    replace_program_customer(database.unit_of_work(), manager, fp2, dee)
    assert _figures(database, dee) == figures
    assert _figures(database, ann) == (None, None, None, None)
    moved = {(e.customer_id, e.field) for e in audit_trail(entity="customer")}
    assert {(dee, "regular_amount"), (ann, "regular_amount"), (ann, "current_amount_due")} <= moved


def test_a_customer_left_with_a_financed_program_keeps_the_figures(
    database, manager, ann, dee, program
):
    fp1 = program(ann, NOT_YET_ACTIVE)
    program(ann, ACTIVE)  # signed: it stays with Ann, and so do her payments
    _finance(database, ann)
    figures = _figures(database, ann)
    _finance(database, dee)
    dees = _figures(database, dee)
    replace_program_customer(database.unit_of_work(), manager, fp1, dee)
    assert _figures(database, ann) == figures
    assert _figures(database, dee) == dees, "a customer's own figures are not overwritten"


def test_moving_a_quote_leaves_the_figures(database, manager, ann, dee, program):
    fp1 = program(ann, QUOTE)
    _finance(database, ann)
    figures = _figures(database, ann)
    replace_program_customer(database.unit_of_work(), manager, fp1, dee)
    assert _figures(database, ann) == figures and _figures(database, dee) == (None,) * 4
