"""What the Programs section of a customer's page shows: each finance program, its customer
and contact with the actions the program's state allows, and its invoices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import InvoiceStatus, ProgramState
from contact_desk.domain.program import ProgramRole, RoleAction, RoleActionKind, role_actions
from contact_desk.services.lookup import get
from contact_desk.store.customer import Customer
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.program import Invoice, Program
from contact_desk.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class InvoiceView:
    id: int
    number: str
    amount: Decimal
    due_date: date
    status: InvoiceStatus
    bill_to_name: str
    bill_to_address: str

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class ProgramCustomerView:
    id: int
    name: str


@dataclass(frozen=True)
class ProgramContactView:
    """The person on the program; ``account_contact_id`` is None when they are not on the
    account of the program's customer (a contact shared from another account)."""

    person_id: int
    account_contact_id: int | None
    name: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    phone_display: str
    version: int


@dataclass(frozen=True)
class ProgramView:
    id: int
    number: str
    description: str
    state: ProgramState
    financed_amount: Decimal | None
    customer: ProgramCustomerView
    contact: ProgramContactView | None
    invoices: tuple[InvoiceView, ...]
    actions: tuple[RoleAction, ...]

    @property
    def state_label(self) -> str:
        return self.state.label

    def actions_of(self, role: ProgramRole | str) -> tuple[RoleAction, ...]:
        """The menu of one role, in the order it is shown."""
        return tuple(a for a in self.actions if a.role == role)

    def action(self, role: ProgramRole | str, action: RoleActionKind | str) -> RoleAction:
        return next(a for a in self.actions if a.role == role and a.action == action)


def program_views(
    uow: UnitOfWork, customer_id: int, actor: Actor | None = None
) -> tuple[ProgramView, ...]:
    """The customer's programs, oldest first. With ``actor``, actions they lack the
    permission for are disabled too, with that reason."""
    with uow:
        session = uow.session
        customer = get(session, Customer, customer_id, "customer")
        programs = session.scalars(
            select(Program)
            .where(Program.customer_id == customer.id)
            .options(selectinload(Program.invoices))
            .order_by(Program.id)
        ).all()
        if not programs:
            return ()
        person_ids = {p.contact_person_id for p in programs if p.contact_person_id}
        people = {
            person.id: person
            for person in session.scalars(
                select(ContactPerson).where(ContactPerson.id.in_(person_ids)))
        }
        links = {
            person_id: link_id
            for person_id, link_id in session.execute(
                select(AccountContact.person_id, AccountContact.id).where(
                    AccountContact.customer_id == customer.id,
                    AccountContact.person_id.in_(person_ids),
                )
            )
        }
        on_page = ProgramCustomerView(customer.id, customer.full_name)
        return tuple(
            ProgramView(
                id=program.id,
                number=program.number,
                description=program.description,
                state=program.state,
                financed_amount=program.financed_amount,
                customer=on_page,
                contact=(_contact_view(people[program.contact_person_id], links)
                         if program.contact_person_id else None),
                invoices=tuple(_invoice_view(invoice) for invoice in program.invoices),
                actions=role_actions(program.state, program.contact_person_id is not None,
                                     actor),
            )
            for program in programs
        )


def _contact_view(person: ContactPerson, links: dict[int, int]) -> ProgramContactView:
    return ProgramContactView(
        person_id=person.id,
        account_contact_id=links.get(person.id),
        name=person.full_name,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        phone=person.phone,
        phone_display=person.phone_display,
        version=person.version,
    )


def _invoice_view(invoice: Invoice) -> InvoiceView:
    return InvoiceView(
        id=invoice.id,
        number=invoice.number,
        amount=invoice.amount,
        due_date=invoice.due_date,
        status=invoice.status,
        bill_to_name=invoice.bill_to_name,
        bill_to_address=invoice.bill_to_address,
    )
