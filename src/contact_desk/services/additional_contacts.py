"""People on a customer's account: add, edit, remove, primary contact, portal access, preferences."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.additional_contact import (
    ContactDetails,
    PersonDetails,
    check_can_send_invite,
    check_contact_details,
    check_portal_access,
)
from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import CommunicationPreference, ContactRole, Permission
from contact_desk.domain.errors import (
    USE_EXISTING_CONTACT,
    ConflictError,
    DuplicateEmail,
    NotAllowed,
)
from contact_desk.services import audit
from contact_desk.services.forms import ContactForm
from contact_desk.services.lookup import check_version, get, home_region, touch
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.program import Program
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide


def _check(session: Session, contact: ContactForm) -> ContactDetails:
    return check_contact_details(**vars(contact), region=home_region(session))


def refuse_taken_email(
    session: Session,
    email: EmailAddress | None,
    person_id: int | None,
    advice: str = USE_EXISTING_CONTACT,
) -> None:
    """An email belongs to one person only; offer the existing one instead (or ``advice``)."""
    if email is None:
        return
    owner = session.scalars(
        select(ContactPerson).where(ContactPerson.email == email.value)
    ).first()
    if owner is not None and owner.id != person_id:
        raise DuplicateEmail(email.value, owner.id, owner.full_name, advice)


def person_fields(details: ContactDetails, region: str) -> dict[str, object]:
    """The stored fields of a person from checked details (phone in E.164 and shown form)."""
    return own_fields(details, region) | {"portal_access": details.portal_access}


def own_fields(details: ContactDetails | PersonDetails, region: str) -> dict[str, object]:
    """The stored name, email and phone of a person, the same on every account they are on."""
    return {
        "first_name": details.first_name,
        "last_name": details.last_name,
        "email": details.email.value if details.email else None,
        "phone": details.phone.e164 if details.phone else None,
        "phone_extension": details.phone.extension if details.phone else "",
        "phone_display": details.phone.display(region) if details.phone else "",
    }


def _take_primary_contact(session: Session, actor: Actor, link: AccountContact) -> None:
    """Make ``link`` the customer's primary contact, unchecking the one before; both audited."""
    for other in session.scalars(
        select(AccountContact).where(
            AccountContact.customer_id == link.customer_id,
            AccountContact.primary_contact,
            AccountContact.id != link.id,
        )
    ):
        other.primary_contact = False
        audit.record(session, actor, link.customer_id, "account_contact", other.id,
                     "primary_contact", True, False)
    session.flush()  # the database allows one primary contact at a time
    link.primary_contact = True
    audit.record(session, actor, link.customer_id, "account_contact", link.id,
                 "primary_contact", False, True)


def link_person(
    session: Session,
    actor: Actor,
    customer: Customer,
    person: ContactPerson,
    role: ContactRole,
    role_description: str,
    primary_contact: bool,
    preferences: Iterable[CommunicationPreference],
) -> AccountContact:
    taken = session.scalars(
        select(AccountContact).where(
            AccountContact.customer_id == customer.id, AccountContact.person_id == person.id
        )
    ).first()
    if taken is not None:
        raise NotAllowed(f"{person.full_name} is already a contact of this customer.")
    link = AccountContact(
        customer_id=customer.id, person=person, role=role, role_description=role_description
    )
    link.set_preferences(frozenset(preferences))
    session.add(link)
    session.flush()
    audit.record(session, actor, customer.id, "account_contact", link.id, "added", None,
                 f"{person.full_name} ({role.label})")
    if primary_contact:
        _take_primary_contact(session, actor, link)
    touch(customer)
    return link


@retried_when_desks_collide
def add_contact(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    contact: ContactForm,
    expected_version: int | None = None,
) -> int:
    """Add a person to the account. An email already used by someone raises DuplicateEmail."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        details = _check(session, contact)
        customer = get(session, Customer, customer_id, "customer")
        check_version(customer, expected_version)
        link = add_person(session, actor, customer, details)
        uow.commit()
        return link.id


def add_person(
    session: Session, actor: Actor, customer: Customer, details: ContactDetails
) -> AccountContact:
    """A new person on the customer's account; an email already used raises DuplicateEmail."""
    refuse_taken_email(session, details.email, None)
    person = ContactPerson(**person_fields(details, home_region(session)))
    session.add(person)
    return link_person(session, actor, customer, person, details.role, details.role_description,
                       details.primary_contact, details.preferences)


@retried_when_desks_collide
def link_existing_contact(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    person_id: int,
    *,
    role: ContactRole,
    role_description: str = "",
    primary_contact: bool = False,
    preferences: Iterable[CommunicationPreference] = (),
) -> int:
    """"Use the existing contact": put a person already known on this account too."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        person = get(session, ContactPerson, person_id, "contact")
        details = _check(session, ContactForm(first_name=person.first_name,
                                              last_name=person.last_name, role=role,
                                              role_description=role_description))
        customer = get(session, Customer, customer_id, "customer")
        link = link_person(session, actor, customer, person, role, details.role_description,
                     primary_contact, preferences)
        uow.commit()
        return link.id


@retried_when_desks_collide
def edit_contact(
    uow: UnitOfWork,
    actor: Actor,
    account_contact_id: int,
    contact: ContactForm,
    expected_person_version: int | None = None,
) -> None:
    """Save the Add Contact form over an existing contact (Save Changes)."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        person = link.person
        if expected_person_version is not None and person.version != expected_person_version:
            raise ConflictError()
        details = _check(session, contact)
        refuse_taken_email(session, details.email, person.id)
        audit.record_changes(session, actor, link.customer_id, "contact_person", person.id,
                             person, person_fields(details, home_region(session)))
        audit.record_changes(session, actor, link.customer_id, "account_contact", link.id, link,
                             {"role": details.role, "role_description": details.role_description})
        _apply_preferences(session, actor, link, details.preferences)
        if details.primary_contact and not link.primary_contact:
            _take_primary_contact(session, actor, link)
        elif not details.primary_contact and link.primary_contact:
            link.primary_contact = False
            audit.record(session, actor, link.customer_id, "account_contact", link.id,
                         "primary_contact", True, False)
        touch(get(session, Customer, link.customer_id, "customer"))
        uow.commit()


def _apply_preferences(
    session: Session,
    actor: Actor,
    link: AccountContact,
    wanted: frozenset[CommunicationPreference],
) -> bool:
    before = link.preferences
    if before == wanted:
        return False
    link.set_preferences(wanted)
    audit.record(session, actor, link.customer_id, "account_contact", link.id, "preferences",
                 before, wanted)  # stored as codes; the history reads them as labels
    return True


@retried_when_desks_collide
def remove_contact(uow: UnitOfWork, actor: Actor, account_contact_id: int) -> str:
    """Take a person off this account (the UI confirms first); returns their name."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        person = link.person
        customer = get(session, Customer, link.customer_id, "customer")
        audit.record(session, actor, customer.id, "account_contact", link.id, "removed",
                     f"{person.full_name} ({link.role.label})", None)
        session.delete(link)
        session.flush()
        still_used = session.scalars(
            select(AccountContact.id).where(AccountContact.person_id == person.id).limit(1)
        ).first() or session.scalars(
            select(Program.id).where(Program.contact_person_id == person.id).limit(1)
        ).first()
        if not still_used:
            session.delete(person)
        touch(customer)
        uow.commit()
        return person.full_name


@retried_when_desks_collide
def set_primary_contact(uow: UnitOfWork, actor: Actor, account_contact_id: int) -> None:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        if link.primary_contact:
            return
        _take_primary_contact(session, actor, link)
        touch(get(session, Customer, link.customer_id, "customer"))
        uow.commit()


@retried_when_desks_collide
def set_portal_access(uow: UnitOfWork, actor: Actor, account_contact_id: int, on: bool) -> None:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        person = link.person
        check_portal_access(on, EmailAddress(person.email) if person.email else None)
        if audit.record_changes(session, actor, link.customer_id, "contact_person", person.id,
                                person, {"portal_access": on}):
            touch(get(session, Customer, link.customer_id, "customer"))
        uow.commit()


@retried_when_desks_collide
def set_preferences(
    uow: UnitOfWork,
    actor: Actor,
    account_contact_id: int,
    preferences: Iterable[CommunicationPreference],
) -> None:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        # Saving the same choices again must not make other desks' copies stale.
        if _apply_preferences(session, actor, link, frozenset(preferences)):
            touch(get(session, Customer, link.customer_id, "customer"))
        uow.commit()


@retried_when_desks_collide
def record_invite_sent(uow: UnitOfWork, actor: Actor, account_contact_id: int) -> str:
    """Note that a portal invite went out to this person; returns the address it went to."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        person = link.person
        check_can_send_invite(person.portal_access, person.email, person.full_name)
        before, sent_at = person.invite_sent_at, utc_now()
        audit.record(session, actor, link.customer_id, "contact_person", person.id,
                     "invite_sent_at", before.isoformat() if before else None,
                     sent_at.isoformat())
        person.invite_sent_at = sent_at
        person.invite_sent_by_id = actor.user_id
        uow.commit()
        return person.email or ""
