"""Finance programs: replacing the customer or the contact on them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.domain.program import (
    bill_to_address,
    check_parties_replaceable,
    why_parties_locked,
)
from contact_desk.services import audit
from contact_desk.services.lookup import get, touch
from contact_desk.store.customer import Customer
from contact_desk.store.people import ContactPerson
from contact_desk.store.program import Invoice, Program
from contact_desk.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Replacement:
    """Which programs took the new party, and which kept the old one and why."""

    changed: tuple[str, ...]
    kept: tuple[tuple[str, str], ...]


def replace_program_customer(
    uow: UnitOfWork, actor: Actor, program_id: int, new_customer_id: int
) -> Replacement:
    """Put another customer on this program and on every other program of the one replaced.

    Programs already signed (active) or closed keep their customer; the result says so.
    """
    actor.require(Permission.MANAGE_PROGRAMS)
    with uow:
        session = uow.session
        program = get(session, Program, program_id, "program")
        check_parties_replaceable(program.state, "customer")
        old = get(session, Customer, program.customer_id, "customer")
        new = get(session, Customer, new_customer_id, "customer")
        if old.id == new.id:
            return Replacement((), ())
        linked = session.scalars(
            select(Program).where(Program.customer_id == old.id).order_by(Program.id)
        ).all()
        result = _replace(session, actor, linked, "customer", "customer_id", old, new)
        for invoice in session.scalars(
            select(Invoice).where(Invoice.program_id.in_([p.id for p in linked]))
        ):
            if invoice.program.customer_id == new.id:
                audit.record_changes(session, actor, new.id, "invoice", invoice.id, invoice, {
                    "customer_id": new.id,
                    "bill_to_name": new.full_name,
                    "bill_to_address": bill_to_address(
                        new.address_line1, new.city, new.state, new.postal_code),
                })
        touch(old)
        touch(new)
        uow.commit()
        return result


def replace_program_contact(
    uow: UnitOfWork, actor: Actor, program_id: int, new_person_id: int
) -> Replacement:
    """Put another contact on this program and on every program linked to the one replaced."""
    actor.require(Permission.MANAGE_PROGRAMS)
    with uow:
        session = uow.session
        program = get(session, Program, program_id, "program")
        check_parties_replaceable(program.state, "contact")
        new = get(session, ContactPerson, new_person_id, "contact")
        if program.contact_person_id == new.id:
            return Replacement((), ())
        if program.contact_person_id is None:
            linked = [program]
        else:
            linked = session.scalars(
                select(Program)
                .where(Program.contact_person_id == program.contact_person_id)
                .order_by(Program.id)
            ).all()
        old = session.get(ContactPerson, program.contact_person_id) if program.contact_person_id else None
        result = _replace(session, actor, linked, "contact", "contact_person_id", old, new)
        # The programs linked to the contact may belong to other customers too.
        for customer_id in sorted({p.customer_id for p in linked if p.number in result.changed}):
            touch(get(session, Customer, customer_id, "customer"))
        uow.commit()
        return result


def _replace(
    session: Session,
    actor: Actor,
    programs: list[Program],
    party: str,
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
    return Replacement(tuple(changed), tuple(kept))
