"""Customers: create one, read everything the page shows, update their details, search."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import ConsentSummary
from contact_desk.domain.customer import check_customer_names
from contact_desk.domain.duplicates import DuplicateSource
from contact_desk.domain.enums import (
    CommunicationPreference,
    ContactKind,
    ContactStatus,
    Permission,
)
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.history import Cause, Entity, Field, code
from contact_desk.domain.limits import ADDRESS_FIELDS, check_address, check_birth_date
from contact_desk.domain.phone import country_code
from contact_desk.domain.primary import check_can_be_primary
from contact_desk.domain.program import (
    address_change_needs_verification,
    address_unchanged_with_document,
    bill_to_address,
    check_verification_document,
)
from contact_desk.domain.reach import ReachFacts, reach_warnings
from contact_desk.domain.search_terms import SearchQuery, search_query
from contact_desk.services import audit
from contact_desk.services.consent import summaries
from contact_desk.services.contact_points import PRIMARY_FIELD
from contact_desk.services.duplicate_scan import check_arrival
from contact_desk.services.duplicates import duplicates_of
from contact_desk.services.forms import CustomerForm
from contact_desk.services.lookup import check_version, find_customer, get, home_region, touch
from contact_desk.services.views import (
    AdditionalContactView,
    ContactInfoView,
    ContactPointView,
    CustomerHit,
    CustomerView,
)
from contact_desk.store.activity import AuditEvent
from contact_desk.store.base import utc_now
from contact_desk.store.customer import ContactPoint, Customer, shown_name
from contact_desk.store.database import Database
from contact_desk.store.imports import CardUid
from contact_desk.store.people import AccountContact
from contact_desk.store.program import Invoice, Program, VerificationDocument
from contact_desk.store.sales import Vehicle
from contact_desk.store.search import count_matching, search_customer_ids
from contact_desk.store.unit_of_work import (
    UnitOfWork,
    retried_when_desks_collide,
    translate_database_errors,
)

# A primary that moved by itself is pointed out on the card for this long.
MOVED_NOTICE = timedelta(days=30)


@dataclass(frozen=True)
class VerificationUpload:
    """A document proving a new address: the file's name and bytes as the clerk picked them."""

    file_name: str
    content: bytes


@retried_when_desks_collide
def create_customer(uow: UnitOfWork, actor: Actor, **fields: Any) -> int:
    """A new customer: a person (first and last name) or a company on its own.

    ``fields`` are new_customer's: names, company, customer_number, birth_date, address.
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        customer = new_customer(uow.session, actor, **fields)
        check_arrival(uow.session, customer.id, DuplicateSource.DESK)
        uow.commit()
        return customer.id


def new_customer_columns(
    *,
    first_name: str,
    last_name: str,
    company: str,
    customer_number: str | None,
    birth_date: date | None,
    details: Mapping[str, object],
    today: date,
) -> dict[str, Any]:
    """A new customer's stored columns, checked: the plan both ways of adding one follow
    (one at a time here, a batch of the sync's in sync/new_customers). The search keys and
    the first version are the store's to add (its listener; its columns' defaults)."""
    first, last, firm = check_customer_names(first_name, last_name, company)
    return {
        "customer_number": (customer_number or "").strip() or None,
        "first_name": first,
        "last_name": last,
        "company": firm,
        "birth_date": check_birth_date(birth_date, today),
        **{name: "" for name in ADDRESS_FIELDS} | check_address(details),
    }


def new_customer(
    session: Session,
    actor: Actor,
    *,
    first_name: str = "",
    last_name: str = "",
    company: str = "",
    customer_number: str | None = None,
    birth_date: date | None = None,
    card_uid: str | None = None,
    **details: str,
) -> Customer:
    """Add a customer inside the caller's transaction (the sync's batch); audited.

    ``details`` are address fields (address_line1, city, state, postal_code). A customer
    without a DMS number is known to vCards by a UID: ``card_uid`` (the card it was made
    from) or a new one, so the desk's own export finds it again.
    """
    customer = Customer(**new_customer_columns(
        first_name=first_name, last_name=last_name, company=company,
        customer_number=customer_number, birth_date=birth_date, details=details,
        today=date.today()))
    session.add(customer)
    with translate_database_errors(session):
        session.flush()
    if card_uid or customer.customer_number is None:
        session.add(CardUid(uid=card_uid or f"urn:uuid:{uuid.uuid4()}", customer_id=customer.id))
    audit.record(session, actor, customer.id, "customer", customer.id, "created",
                 None, customer.full_name)
    return customer


def get_customer(uow: UnitOfWork, key: str | int) -> CustomerView:
    """Everything the customer page shows, by DMS customer number or internal id
    (what a clerk types on the command line)."""
    with uow:
        return customer_view(uow.session, find_customer(uow.session, key))


def open_customer(uow: UnitOfWork, customer_id: int) -> CustomerView:
    """Everything the customer page shows, by internal id only: the desk opens the row
    picked, even where another customer's DMS number is the same digits."""
    with uow:
        return customer_view(uow.session, get(uow.session, Customer, customer_id, "customer"))


def customer_view(session: Session, customer: Customer) -> CustomerView:
    info = contact_info_view(session, customer)
    links = session.scalars(
        select(AccountContact)
        .where(AccountContact.customer_id == customer.id)
        .order_by(AccountContact.primary_contact.desc(), AccountContact.id)
    ).all()
    vehicle = session.scalars(
        select(Vehicle)
        .where(Vehicle.customer_id == customer.id, Vehicle.owned)
        .order_by(Vehicle.year.desc(), Vehicle.id)
        .limit(1)
    ).first()
    return CustomerView(
        id=customer.id,
        customer_number=customer.customer_number,
        first_name=customer.first_name,
        last_name=customer.last_name,
        company=customer.company,
        full_name=customer.full_name,
        birth_date=customer.birth_date,
        address_line1=customer.address_line1,
        city=customer.city,
        state=customer.state,
        postal_code=customer.postal_code,
        regular_amount=customer.regular_amount,
        current_due_date=customer.current_due_date,
        payment_frequency=customer.payment_frequency,
        current_amount_due=customer.current_amount_due,
        vehicle=vehicle.title if vehicle else "",
        version=info.version,
        phones=info.phones,
        emails=info.emails,
        contacts=tuple(contact_view(link) for link in links),
        warnings=info.warnings,
        duplicates=duplicates_of(session, customer.id),
    )


def contact_info_view(session: Session, customer: Customer) -> ContactInfoView:
    """The customer's phones and emails and what the banner warns of them."""
    points = customer.contact_points
    consent = summaries(session, ((p.kind, p.value) for p in points))
    views = [point_view(p, consent[(p.kind, p.value)]) for p in points]
    return ContactInfoView(
        phones=tuple(v for v in views if v.kind is ContactKind.PHONE),
        emails=tuple(v for v in views if v.kind is ContactKind.EMAIL),
        warnings=tuple(reach_warnings([_reach(session, customer, k, views)
                                       for k in ContactKind])),
        version=customer.version,
    )


def point_view(point: ContactPoint, consent: ConsentSummary) -> ContactPointView:
    try:
        check_can_be_primary(point.status, point.display)
        why_not = None
    except NotAllowed as refusal:
        why_not = refusal.message
    return ContactPointView(
        id=point.id,
        kind=point.kind,
        type=point.type,
        value=point.value,
        extension=point.extension,
        display=point.display,
        status=point.status,
        status_date=point.status_date,
        is_primary=point.is_primary,
        can_receive_texts=point.can_receive_texts,
        consent=consent,
        version=point.version,
        why_not_primary=why_not,
    )


def contact_view(link: AccountContact) -> AdditionalContactView:
    person = link.person
    return AdditionalContactView(
        id=link.id,
        person_id=person.id,
        first_name=person.first_name,
        last_name=person.last_name,
        role=link.role,
        role_description=link.role_description,
        email=person.email,
        phone=person.phone,
        phone_display=person.phone_display,
        primary_contact=link.primary_contact,
        portal_access=person.portal_access,
        preferences=tuple(p for p in CommunicationPreference if p in link.preferences),
        invite_sent_at=person.invite_sent_at,
        invite_sent_by=person.invite_sent_by.name if person.invite_sent_by else None,
        person_version=person.version,
    )


def _reach(session: Session, customer: Customer, kind: ContactKind,
           views: list[ContactPointView]) -> ReachFacts:
    points = customer.points(kind)
    active = [p for p in points if p.status is ContactStatus.ACTIVE]
    primary = next((p for p in points if p.is_primary), None)
    shown = next((v for v in views if primary is not None and v.id == primary.id), None)
    if kind is ContactKind.PHONE:
        blocked = bool(shown and shown.do_not_text)
    else:
        blocked = bool(shown and shown.marketing_opt_out)
    moved_from = moved_on = None
    last = session.execute(
        select(AuditEvent.cause, AuditEvent.old, AuditEvent.at)
        .where(AuditEvent.customer_id == customer.id, AuditEvent.field == PRIMARY_FIELD[kind])
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if (
        last is not None
        and primary is not None
        and last.cause is Cause.DEFAULT_RULE
        and last.old is not None
        and last.at >= utc_now() - MOVED_NOTICE
    ):
        moved_from, moved_on = last.old, last.at.date()
    return ReachFacts(
        kind=kind,
        any_active=bool(active),
        no_active_since=max((p.status_date for p in points), default=None) if not active else None,
        primary_shown=primary.display if primary else None,
        primary_blocked=blocked,
        primary_moved_from=moved_from,
        primary_moved_on=moved_on,
    )



@dataclass(frozen=True)
class SavedDetails:
    """The fields a details save changed, and the customer's version after it."""

    changed: tuple[str, ...]
    version: int


@retried_when_desks_collide
def put_back_customer_details(uow: UnitOfWork, actor: Actor, customer_id: int,
                              details: CustomerForm, expected_version: int) -> SavedDetails:
    """Undo (or redo) of a details change: the names and address a save of this window
    left before. No document is asked: each address was on file with what it needed then
    (a document attached with the change stays kept). Refused (ConflictError) when the
    customer changed after ``expected_version``."""
    return _save_details(uow, actor, customer_id, details, None, expected_version,
                         address_on_file=True)


@retried_when_desks_collide
def update_customer_details(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    details: CustomerForm,
    verification: VerificationUpload | None = None,
    expected_version: int | None = None,
) -> SavedDetails:
    """Change name and address; reaches every program and invoice of the customer.

    A new address while a financed program exists needs a verification document.
    """
    return _save_details(uow, actor, customer_id, details, verification, expected_version)


def _save_details(uow: UnitOfWork, actor: Actor, customer_id: int, details: CustomerForm,
                  verification: VerificationUpload | None, expected_version: int | None,
                  address_on_file: bool = False) -> SavedDetails:
    actor.require(Permission.EDIT_CUSTOMERS)
    first, last, firm = check_customer_names(details.first_name, details.last_name,
                                             details.company)
    wanted = {
        "first_name": first,
        "last_name": last,
        "company": firm,
        **check_address({name: getattr(details, name) for name in ADDRESS_FIELDS}),
    }
    with uow:
        customer = get(uow.session, Customer, customer_id, "customer")
        check_version(customer, expected_version)
        on_file = address_on_file and _had_address(uow.session, customer, wanted)
        changed = change_details(uow.session, actor, customer, wanted, verification,
                                 address_on_file=on_file)
        if changed:
            uow.commit()
        return SavedDetails(tuple(changed), customer.version)


def _had_address(session: Session, customer: Customer, wanted: dict[str, Any]) -> bool:
    """Whether each address field put back is one the customer's history shows they had:
    an undo may skip the document only for an address that was on file, not a new one."""
    for name in ADDRESS_FIELDS:
        value = wanted.get(name)
        if value is None or value == getattr(customer, name):
            continue
        stored = code(value)
        seen = session.scalar(
            select(AuditEvent.id).where(
                AuditEvent.customer_id == customer.id, AuditEvent.entity == Entity.CUSTOMER,
                AuditEvent.field == Field.of(name),
                or_(AuditEvent.old == stored, AuditEvent.new == stored)).limit(1))
        if seen is None:
            return False
    return True


def change_details(
    session: Session,
    actor: Actor,
    customer: Customer,
    wanted: dict[str, Any],
    verification: VerificationUpload | None = None,
    address_on_file: bool = False,
) -> list[str]:
    """Set the customer's tidied fields inside the caller's transaction (the desk or the sync).

    ``address_on_file``: the address is one this customer had, put back by an undo, and
    needs no new document.

    A new address while a financed program exists needs ``verification``: NotAllowed is
    raised before anything is changed. A document must be a PDF or an image of at most
    20 MB, and comes only with a new address (it is refused, not dropped, otherwise).
    Invoices follow the new name and address.
    """
    wanted = {**wanted, **check_address(wanted)}
    moving = any(getattr(customer, name) != wanted[name] for name in ADDRESS_FIELDS
                 if name in wanted)
    document = None
    if verification is not None:
        document = check_verification_document(verification.file_name, verification.content)
        if not moving:
            raise NotAllowed(address_unchanged_with_document(document[0]))
    if moving and verification is None and not address_on_file:
        states = session.scalars(
            select(Program.state).where(Program.customer_id == customer.id)
        ).all()
        if address_change_needs_verification(states):
            raise NotAllowed(
                "This customer has a financed program, so a new address needs a "
                "verification document (a bill or statement from a third party "
                "naming the customer at the new address). Attach one to save."
            )
    changed = audit.record_changes(session, actor, customer.id, "customer", customer.id,
                                   customer, wanted)
    if not changed:
        return []
    if verification is not None and document is not None:  # both or neither
        _keep_document(session, actor, customer, verification.content, *document)
    for invoice in session.scalars(select(Invoice).where(Invoice.customer_id == customer.id)):
        audit.record_changes(session, actor, customer.id, "invoice", invoice.id, invoice, {
            "bill_to_name": customer.full_name,
            "bill_to_address": address_of(customer),
        })
    touch(customer)
    return changed


def address_of(customer: Customer) -> str:
    """The customer's address on one line, as invoices and documents print it."""
    return bill_to_address(customer.address_line1, customer.city, customer.state,
                           customer.postal_code)


def _keep_document(
    session: Session,
    actor: Actor,
    customer: Customer,
    content: bytes,
    file_name: str,
    content_type: str,
) -> None:
    document = VerificationDocument(
        customer_id=customer.id,
        file_name=file_name,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        verified_address=address_of(customer),
        uploaded_by_id=actor.user_id,
    )
    session.add(document)
    session.flush()
    audit.record(session, actor, customer.id, "verification_document", document.id, "attached",
                 None, f"{file_name} ({document.sha256[:12]})", reason="address change")


def search_customers(uow: UnitOfWork, query: str, limit: int = 50, offset: int = 0,
                     after: int | None = None, backwards: bool = False) -> list[CustomerHit]:
    """The customers matching what was typed, best matches first, with their primary phone
    and email: a page of ``limit`` after customer ``after`` (the last one shown; from the
    start without one), or with ``backwards`` the page before it (from the end without
    one). ``offset`` rows next to that start are passed over (a jump down a long list)."""
    with uow:
        wanted = _wanted(uow.session, query)
        return _hits(uow.session, search_customer_ids(uow.session, wanted, limit, offset,
                                                      after, backwards))


def count_search(uow: UnitOfWork, query: str) -> int:
    """How many customers ``search_customers`` finds for ``query``, over all its pages."""
    with uow:
        return count_matching(uow.session, _wanted(uow.session, query))


def _wanted(session: Session, query: str) -> SearchQuery | None:
    return search_query(query, country_code(home_region(session)))


def customer_hits(uow: UnitOfWork, customer_ids: list[int]) -> list[CustomerHit]:
    """The search list's rows of these customers as they are now (another desk changed
    them), in the order given; a customer no longer there is left out."""
    with uow:
        return _hits(uow.session, customer_ids)


def _hits(session: Session, ids: list[int]) -> list[CustomerHit]:
    if not ids:
        return []
    rows = {row.id: row for row in session.execute(
        select(Customer.id, Customer.customer_number, Customer.first_name,
               Customer.last_name, Customer.company, _primary(ContactKind.PHONE),
               _primary(ContactKind.EMAIL))
        .where(Customer.id.in_(ids))
    )}
    return [
        CustomerHit(
            id=row.id,
            customer_number=row.customer_number,
            name=shown_name(row.first_name, row.last_name, row.company,
                            row.customer_number, row.id),
            company=row.company,
            primary_phone=row.primary_phone,
            primary_email=row.primary_email,
        )
        for row in (rows[customer_id] for customer_id in ids if customer_id in rows)
    ]


def _primary(kind: ContactKind) -> ColumnElement[str]:
    """The primary phone or email of the customer in the outer query, as shown."""
    return (
        select(ContactPoint.display)
        .where(ContactPoint.customer_id == Customer.id, ContactPoint.kind == kind,
               ContactPoint.is_primary)
        .scalar_subquery()
        .label(f"primary_{kind.name.lower()}")
    )


def home_region_of(uow: UnitOfWork) -> str:
    """The region phone numbers are read in when typed without a country code."""
    with uow:
        return home_region(uow.session)


def has_customers(database: Database) -> bool:
    """Whether the database holds any customer: one row read, where counting a million
    reads a whole index (seconds when the file is not yet in memory, as at start-up)."""
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(Customer.id).limit(1)) is not None


def customer_count(database: Database) -> int:
    """How many customers the database holds (the demo fills only an empty one)."""
    with database.unit_of_work() as uow:
        return count_customers(uow.session)


def count_customers(session: Session) -> int:
    """``customer_count`` inside a transaction already open."""
    return session.scalar(select(func.count()).select_from(Customer)) or 0
