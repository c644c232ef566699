"""Invoices of finance programs: adding one, billed to the program's customer as they are now."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import InvoiceStatus, Permission
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.program import check_invoice
from contact_desk.services import audit
from contact_desk.services.customers import address_of
from contact_desk.services.lookup import get, touch
from contact_desk.store.customer import Customer
from contact_desk.store.program import Invoice, Program
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide


@retried_when_desks_collide
def add_invoice(
    uow: UnitOfWork,
    actor: Actor,
    program_id: int,
    number: str,
    amount: Decimal | int | str,
    due_date: date,
    status: InvoiceStatus = InvoiceStatus.OPEN,
) -> int:
    """Add an invoice to a program; returns its id. Its number is used by no other invoice."""
    actor.require(Permission.MANAGE_PROGRAMS)
    number, money = check_invoice(number, amount)
    with uow:
        session = uow.session
        program = get(session, Program, program_id, "program")
        taken = session.scalars(select(Invoice).where(Invoice.number == number)).first()
        if taken is not None:
            raise NotAllowed(
                f"Invoice number {number} is already used on program {taken.program.number}; "
                "give this invoice its own number."
            )
        customer = get(session, Customer, program.customer_id, "customer")
        invoice = Invoice(
            number=number, program_id=program.id, customer_id=customer.id, amount=money,
            due_date=due_date, status=status, bill_to_name=customer.full_name,
            bill_to_address=address_of(customer),
        )
        session.add(invoice)
        uow.flush()
        audit.record(session, actor, customer.id, "invoice", invoice.id, "added", None,
                     f"{number} on {program.number}: {money} due {due_date.isoformat()} "
                     f"({status.label})")
        touch(customer)
        uow.commit()
        return invoice.id
