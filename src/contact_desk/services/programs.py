"""Finance programs: replacing the customer or the contact on them (by one already known or
a new one), and updating the contact's own details from a program."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.additional_contact import (
    check_contact_details,
    check_person_details,
    check_portal_access,
)
from contact_desk.domain.duplicates import DuplicateSource
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import ConflictError, NotAllowed
from contact_desk.domain.program import (
    FINANCED_STATES,
    NO_CONTACT,
    ProgramRole,
    address_change_needs_verification,
    check_parties_replaceable,
    why_parties_locked,
)
from contact_desk.services import audit
from contact_desk.services.additional_contacts import add_person, own_fields, refuse_taken_email
from contact_desk.services.customers import address_of, new_customer
from contact_desk.services.duplicate_scan import check_arrival
from contact_desk.services.forms import ContactForm, CustomerForm, PersonForm
from contact_desk.services.lookup import get, home_region, touch
from contact_desk.store.customer import Customer
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.program import Invoice, Program
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

USE_REPLACE_CONTACT = (
    "Use Replace contact to put that person on the program, instead of giving this "
    "contact their email."
)


@dataclass(frozen=True)
class Replacement:
    """Which programs took the new party, and which kept the old one and why.

    ``new_party_id`` is the customer or person now on the program (new or picked).
    """

    changed: tuple[str, ...]
    kept: tuple[tuple[str, str], ...]
    new_party_id: int | None = None


@retried_when_desks_collide
def replace_program_customer(
    uow: UnitOfWork, actor: Actor, program_id: int, new_customer_id: int
) -> Replacement:
    """Put another customer on this program and on every other program of the one replaced.

    Programs already signed (active) or closed keep their customer; the result says so.
    """
    actor.require(Permission.MANAGE_PROGRAMS)
    with uow:
        session = uow.session
        program = _replaceable(session, program_id, ProgramRole.CUSTOMER)
        new = get(session, Customer, new_customer_id, "customer")
        result = _replace_customer(session, actor, program, new)
        uow.commit()
        return result


@retried_when_desks_collide
def replace_program_customer_with_new(
    uow: UnitOfWork,
    actor: Actor,
    program_id: int,
    customer: CustomerForm = CustomerForm(),
    birth_date: date | None = None,
) -> Replacement:
    """Create a customer and put them where ``replace_program_customer`` would, at once.

    The address is given here because once on a financed program, a customer's new
    address needs a verification document.
    """
    actor.require(Permission.MANAGE_PROGRAMS)
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        program = _replaceable(session, program_id, ProgramRole.CUSTOMER)
        new = new_customer(session, actor, **vars(customer), birth_date=birth_date)
        check_arrival(session, new.id, DuplicateSource.DESK)
        result = _replace_customer(session, actor, program, new)
        uow.commit()
        return result


@retried_when_desks_collide
def replace_program_contact(
    uow: UnitOfWork, actor: Actor, program_id: int, new_person_id: int
) -> Replacement:
    """Put another contact on this program and on every program linked to the one replaced."""
    actor.require(Permission.MANAGE_PROGRAMS)
    with uow:
        session = uow.session
        program = _replaceable(session, program_id, ProgramRole.CONTACT)
        new = get(session, ContactPerson, new_person_id, "contact")
        result = _replace_contact(session, actor, program, new)
        uow.commit()
        return result


@retried_when_desks_collide
def replace_program_contact_with_new(
    uow: UnitOfWork,
    actor: Actor,
    program_id: int,
    contact: ContactForm,
) -> Replacement:
    """Add a new person to the program's customer's account, then replace the contact by them.

    An email already used by someone raises DuplicateEmail (pick that person instead).
    """
    actor.require(Permission.MANAGE_PROGRAMS)
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        details = check_contact_details(contact.first_name, contact.last_name, contact.role,
                                        contact.role_description, email=contact.email,
                                        phone=contact.phone, region=home_region(session))
        program = _replaceable(session, program_id, ProgramRole.CONTACT)
        customer = get(session, Customer, program.customer_id, "customer")
        link = add_person(session, actor, customer, details)
        result = _replace_contact(session, actor, program, link.person)
        uow.commit()
        return result


@retried_when_desks_collide
def update_program_contact_details(
    uow: UnitOfWork,
    actor: Actor,
    program_id: int,
    person_form: PersonForm,
    expected_person_version: int | None = None,
) -> list[str]:
    """Correct the name, email or phone of the program's contact; returns the fields changed.

    The person is one row however many programs and accounts they are on, so the change
    shows on all of them. Someone else's email is refused: that is a Replace contact.
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        program = get(session, Program, program_id, "program")
        if program.contact_person_id is None:
            raise NotAllowed(NO_CONTACT)
        person = get(session, ContactPerson, program.contact_person_id, "contact")
        if expected_person_version is not None and person.version != expected_person_version:
            raise ConflictError()
        region = home_region(session)
        details = check_person_details(person_form.first_name, person_form.last_name,
                                       person_form.email, person_form.phone, region)
        check_portal_access(person.portal_access, details.email)
        refuse_taken_email(session, details.email, person.id, USE_REPLACE_CONTACT)
        changed = audit.record_changes(session, actor, program.customer_id, "contact_person",
                                       person.id, person, own_fields(details, region))
        if changed:
            for customer in _customers_of_person(session, person.id):
                touch(customer)
            uow.commit()
        return changed


def address_needs_verification(uow: UnitOfWork, customer_id: int) -> bool:
    """Whether a new address for this customer needs a verification document attached."""
    with uow:
        states = uow.session.scalars(
            select(Program.state).where(Program.customer_id == customer_id))
        return address_change_needs_verification(states)


def _replaceable(session: Session, program_id: int, role: ProgramRole) -> Program:
    program = get(session, Program, program_id, "program")
    check_parties_replaceable(program.state, role)
    return program


def _replace_customer(
    session: Session, actor: Actor, program: Program, new: Customer
) -> Replacement:
    old = get(session, Customer, program.customer_id, "customer")
    if old.id == new.id:
        return Replacement((), (), new.id)
    linked = session.scalars(
        select(Program).where(Program.customer_id == old.id).order_by(Program.id)
    ).all()
    result = _replace(session, actor, linked, ProgramRole.CUSTOMER, "customer_id", old, new)
    for invoice in session.scalars(
        select(Invoice).where(Invoice.program_id.in_([p.id for p in linked]))
    ):
        if invoice.program.customer_id == new.id:
            audit.record_changes(session, actor, new.id, "invoice", invoice.id, invoice, {
                "customer_id": new.id,
                "bill_to_name": new.full_name,
                "bill_to_address": address_of(new),
            })
    _move_account_figures(session, actor, linked, old, new)
    touch(old)
    touch(new)
    return result


ACCOUNT_FIGURES = ("regular_amount", "payment_frequency", "current_due_date",
                   "current_amount_due")


def _move_account_figures(session: Session, actor: Actor, programs: list[Program],
                          old: Customer, new: Customer) -> None:
    """The header's account figures are the financing's: when a financed program goes to
    another customer, they go with it (to a customer without figures of their own), and
    the old customer keeps them only while a financed program of theirs is left."""
    moved = [p for p in programs if p.customer_id == new.id]
    if not any(p.state in FINANCED_STATES for p in moved):
        return
    figures = {name: getattr(old, name) for name in ACCOUNT_FIGURES}
    if all(getattr(new, name) is None for name in ACCOUNT_FIGURES):
        audit.record_changes(session, actor, new.id, "customer", new.id, new, figures)
    if not any(p.state in FINANCED_STATES for p in programs if p.customer_id == old.id):
        audit.record_changes(session, actor, old.id, "customer", old.id, old,
                             dict.fromkeys(ACCOUNT_FIGURES))


def _replace_contact(
    session: Session, actor: Actor, program: Program, new: ContactPerson
) -> Replacement:
    if program.contact_person_id == new.id:
        return Replacement((), (), new.id)
    if program.contact_person_id is None:
        linked = [program]
        old = None
    else:
        linked = session.scalars(
            select(Program)
            .where(Program.contact_person_id == program.contact_person_id)
            .order_by(Program.id)
        ).all()
        old = get(session, ContactPerson, program.contact_person_id, "contact")
    result = _replace(session, actor, linked, ProgramRole.CONTACT, "contact_person_id", old, new)
    # The programs linked to the contact may belong to other customers too.
    for customer_id in sorted({p.customer_id for p in linked if p.number in result.changed}):
        touch(get(session, Customer, customer_id, "customer"))
    return result


def _replace(
    session: Session,
    actor: Actor,
    programs: list[Program],
    party: ProgramRole,
    column: str,
    old: Customer | ContactPerson | None,
    new: Customer | ContactPerson,
) -> Replacement:
    changed: list[str] = []
    kept: list[tuple[str, str]] = []
    for program in programs:
        reason = why_parties_locked(program.state, party)
        if reason:
            kept.append((program.number, reason))
            continue
        setattr(program, column, new.id)
        audit.record(session, actor, program.customer_id, "program", program.id, column,
                     old.full_name if old else None, new.full_name,
                     reason=f"{party} replaced")
        changed.append(program.number)
    session.flush()
    return Replacement(tuple(changed), tuple(kept), new.id)


def _customers_of_person(session: Session, person_id: int) -> list[Customer]:
    """Every customer whose page shows this person: on their account or on their programs."""
    ids = set(session.scalars(
        select(AccountContact.customer_id).where(AccountContact.person_id == person_id)))
    ids |= set(session.scalars(
        select(Program.customer_id).where(Program.contact_person_id == person_id)))
    return [get(session, Customer, customer_id, "customer") for customer_id in sorted(ids)]
