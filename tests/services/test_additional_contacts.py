"""People on a customer's account through the services: details, roles, one email per person,
one primary contact, portal access and invites, preferences, removal, permission and audit."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import CommunicationPreference, ContactRole, ProgramState
from contact_desk.domain.errors import (
    ConflictError,
    DuplicateEmail,
    InvalidValue,
    NotAllowed,
    NotFound,
    PermissionDenied,
)
from contact_desk.services import additional_contacts as ac
from contact_desk.services.customers import get_customer
from contact_desk.services.views import AdditionalContactView
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.program import Program
from contact_desk.services.forms import ContactForm

SCHEDULING = CommunicationPreference.SCHEDULING
INVOICES = CommunicationPreference.INVOICES
MARKETING = CommunicationPreference.MARKETING


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer(customer_number="C1")


@pytest.fixture
def add(database, clerk, customer_id) -> Callable[..., int]:
    """Add a contact (Bo Diaz, spouse, unless told otherwise) as the clerk; returns its link id."""

    def add_contact(
        first_name: str = "Bo",
        last_name: str = "Diaz",
        role: ContactRole = ContactRole.SPOUSE,
        *,
        to: int | None = None,
        expected_version: int | None = None,
        **details: object,
    ) -> int:
        return ac.add_contact(database.unit_of_work(), clerk, to or customer_id,
                              ContactForm(first_name=first_name, last_name=last_name, role=role,
                                          **details),
                              expected_version=expected_version)

    return add_contact


def _contacts(database, customer_id: int) -> tuple[AdditionalContactView, ...]:
    return get_customer(database.unit_of_work(), customer_id).contacts


def _contact(database, link_id: int) -> AdditionalContactView:
    """The contact as the card shows it on the account of ``link_id``."""
    with database.sessions() as session:
        customer_id = session.get(AccountContact, link_id).customer_id
    return next(c for c in _contacts(database, customer_id) if c.id == link_id)


def _primary_contacts(database, customer_id: int) -> list[int]:
    with database.sessions() as session:
        return list(session.scalars(select(AccountContact.id).where(
            AccountContact.customer_id == customer_id, AccountContact.primary_contact)))


def _people(database) -> list[str]:
    with database.sessions() as session:
        people = session.scalars(select(ContactPerson).order_by(ContactPerson.id))
        return [person.full_name for person in people]


def _edit(database, actor, link_id, expected_person_version=None, **changes) -> None:
    """Save the Add Contact form over a contact, changing only what is given."""
    contact = _contact(database, link_id)
    form = dict(
        first_name=contact.first_name, last_name=contact.last_name, role=contact.role,
        role_description=contact.role_description, email=contact.email,
        phone=contact.phone_display or None, primary_contact=contact.primary_contact,
        portal_access=contact.portal_access, preferences=contact.preferences,
    )
    ac.edit_contact(database.unit_of_work(), actor, link_id, ContactForm(**form | changes),
                    expected_person_version=expected_person_version)


def test_a_contact_is_added_with_tidy_details_and_shows_on_the_card(
    database, clerk, customer_id, add, audit_trail
):
    link = add("  Bo ", " Diaz  ", email=" Bo.Diaz@Example.COM ", phone="212.555.0142 x7",
               preferences=[INVOICES, SCHEDULING])
    [contact] = _contacts(database, customer_id)
    assert (contact.id, contact.full_name, contact.role_label) == (link, "Bo Diaz", "Spouse")
    assert (contact.email, contact.phone, contact.phone_display) == (
        "bo.diaz@example.com", "+12125550142", "(212) 555-0142 ext. 7")
    assert contact.preferences == (SCHEDULING, INVOICES)
    assert not contact.primary_contact and not contact.portal_access
    [added] = audit_trail(entity="account_contact", field="added")
    assert (added.entity_id, added.new, added.user_id) == (link, "Bo Diaz (Spouse)", clerk.user_id)


@pytest.mark.parametrize(
    ("first", "last", "field", "message"),
    [
        ("", "Diaz", "first_name", "First name is required."),
        ("Bo", "  ", "last_name", "Last name is required."),
        ("B" * 81, "Diaz", "first_name", "First name is too long"),
        ("Bo", "D" * 81, "last_name", "Last name is too long"),
    ],
)
def test_first_and_last_name_are_required_and_at_most_80_characters(
    add, refused, first, last, field, message
):
    with refused(InvalidValue, message) as raised:
        add(first, last)
    assert raised.value.field == field


def test_a_bad_email_or_phone_is_refused(add, refused):
    with refused(InvalidValue, "not a valid email") as raised:
        add(email="bo@@example")
    assert raised.value.field == "email"
    with refused(InvalidValue) as raised:
        add(phone="555-12")
    assert raised.value.field == "phone"


def test_the_role_other_needs_a_description(database, add, refused):
    with refused(InvalidValue, "Describe the role when it is Other") as raised:
        add(role=ContactRole.OTHER, role_description="   ")
    assert raised.value.field == "role_description"
    with refused(InvalidValue, "role description is too long"):
        add(role=ContactRole.OTHER, role_description="x" * 81)

    fleet = add(role=ContactRole.OTHER, role_description=" Fleet   coordinator ")
    spouse = add("Cy", "Diaz", role=ContactRole.SPOUSE, role_description="ignored")
    assert _contact(database, fleet).role_label == "Fleet coordinator"
    assert _contact(database, spouse).role_description == ""


def test_portal_access_needs_an_email(database, clerk, add, refused):
    with refused(NotAllowed, "Portal access needs an email address"):
        add(portal_access=True)
    without_email = add()
    with refused(NotAllowed, "Portal access needs an email address"):
        ac.set_portal_access(database.unit_of_work(), clerk, without_email, True)

    with_email = add("Cy", "Diaz", email="cy@example.com", portal_access=True)
    with refused(NotAllowed, "Portal access needs an email address"):
        _edit(database, clerk, with_email, email=None)
    assert _contact(database, with_email).email == "cy@example.com"


def test_portal_access_is_switched_and_audited(database, clerk, add, audit_trail):
    link = add(email="bo@example.com")
    ac.set_portal_access(database.unit_of_work(), clerk, link, True)
    assert _contact(database, link).portal_access
    ac.set_portal_access(database.unit_of_work(), clerk, link, False)
    assert not _contact(database, link).portal_access
    assert [(e.old, e.new) for e in audit_trail(field="portal_access")] == [("false", "true"),
                                                                             ("true", "false")]


def test_an_email_of_another_contact_of_any_customer_is_refused_naming_that_person(
    database, add, new_customer, refused
):
    add(email="bo@example.com")
    other_customer = new_customer("Dee", "Park")
    with refused(DuplicateEmail) as raised:
        add("Robert", "Diaz", email=" BO@Example.com ", to=other_customer)
    assert raised.value.existing_name == "Bo Diaz"
    assert str(raised.value) == (
        "bo@example.com already belongs to Bo Diaz. "
        "Use the existing contact instead of creating a second one."
    )
    with database.sessions() as session:
        bo = session.scalars(select(ContactPerson.id).where(ContactPerson.first_name == "Bo")).one()
    assert raised.value.existing_contact_id == bo


def test_editing_a_contact_to_an_email_someone_else_has_is_refused(database, clerk, add, refused):
    bo = add(email="bo@example.com")
    cy = add("Cy", "Diaz", email="cy@example.com")
    with refused(DuplicateEmail, "already belongs to Bo Diaz"):
        _edit(database, clerk, cy, email="bo@example.com")
    _edit(database, clerk, bo, email="BO@example.com", first_name="Bob")  # its own email
    assert _contact(database, bo).full_name == "Bob Diaz"


def test_refuse_taken_email_lets_a_person_keep_their_own_email(database, add):
    add(email="bo@example.com")
    bo_email = EmailAddress.parse("bo@example.com")
    with database.sessions() as session:
        bo = session.scalars(select(ContactPerson)).one()
        ac.refuse_taken_email(session, bo_email, bo.id)
        ac.refuse_taken_email(session, None, None)
        ac.refuse_taken_email(session, EmailAddress.parse("cy@example.com"), None)
        with pytest.raises(DuplicateEmail):
            ac.refuse_taken_email(session, bo_email, None)


def test_the_existing_contact_is_linked_instead_of_duplicated(
    database, clerk, add, new_customer, refused
):
    bo_at_ann = add(email="bo@example.com", phone="(212) 555-0142")
    dee = new_customer("Dee", "Park")
    with pytest.raises(DuplicateEmail) as offer:
        add("Bo", "Diaz", email="bo@example.com", to=dee)
    bo_at_dee = ac.link_existing_contact(
        database.unit_of_work(), clerk, dee, offer.value.existing_contact_id,
        role=ContactRole.BOOKKEEPER, preferences=[INVOICES])
    assert _people(database) == ["Bo Diaz"]
    at_dee = _contact(database, bo_at_dee)
    assert (at_dee.email, at_dee.role, at_dee.preferences) == (
        "bo@example.com", ContactRole.BOOKKEEPER, (INVOICES,))
    assert _contact(database, bo_at_ann).role is ContactRole.SPOUSE

    # One person: a correction made on one account is seen on the other.
    _edit(database, clerk, bo_at_ann, phone="(646) 555-0188")
    assert _contact(database, bo_at_dee).phone_display == "(646) 555-0188"

    with refused(NotAllowed, "Bo Diaz is already a contact of this customer"):
        ac.link_existing_contact(database.unit_of_work(), clerk, dee, at_dee.person_id,
                                 role=ContactRole.SPOUSE)
    eve = new_customer("Eve", "Ng")
    with refused(InvalidValue, "Describe the role"):
        ac.link_existing_contact(database.unit_of_work(), clerk, eve, at_dee.person_id,
                                 role=ContactRole.OTHER)


def test_a_customer_has_at_most_one_primary_contact(
    database, clerk, customer_id, add, new_customer, audit_trail, stored
):
    bo = add(primary_contact=True)
    cy = add("Cy", "Diaz", primary_contact=True)
    assert _primary_contacts(database, customer_id) == [cy]

    ac.set_primary_contact(database.unit_of_work(), clerk, bo)
    assert _primary_contacts(database, customer_id) == [bo]
    _edit(database, clerk, cy, primary_contact=True)
    assert _primary_contacts(database, customer_id) == [cy]
    _edit(database, clerk, cy, primary_contact=False)
    assert _primary_contacts(database, customer_id) == []

    other_customer = new_customer("Dee", "Park")
    dee_contact = add("Eve", "Ng", to=other_customer, primary_contact=True)
    assert _primary_contacts(database, customer_id) == []
    assert _primary_contacts(database, other_customer) == [dee_contact]
    bo_at_dee = ac.link_existing_contact(database.unit_of_work(), clerk, other_customer,
                                         _contact(database, bo).person_id,
                                         role=ContactRole.SPOUSE, primary_contact=True)
    assert _primary_contacts(database, other_customer) == [bo_at_dee]

    changes = [(e.entity_id, e.old, e.new) for e in audit_trail(field="primary_contact")]
    assert changes == [
        (bo, "false", "true"),                            # added as primary
        (bo, "true", "false"), (cy, "false", "true"),         # Cy added as primary
        (cy, "true", "false"), (bo, "false", "true"),         # Bo set as primary
        (bo, "true", "false"), (cy, "false", "true"),         # Cy made primary in the form
        (cy, "true", "false"),                            # and unchecked again
        (dee_contact, "false", "true"),                   # Dee's own primary contact
        (dee_contact, "true", "false"), (bo_at_dee, "false", "true"),  # Bo linked there as primary
    ]

    before = stored()
    ac.set_primary_contact(database.unit_of_work(), clerk, bo_at_dee)
    assert stored() == before, "setting the primary contact again writes nothing"


def test_editing_saves_and_audits_each_changed_field(database, clerk, add, audit_trail):
    link = add(email="bo@example.com", preferences=[SCHEDULING])
    _edit(database, clerk, link, first_name="Bob", phone="(212) 555-0142",
          role=ContactRole.OTHER, role_description="Fleet coordinator",
          preferences=[SCHEDULING, MARKETING])
    contact = _contact(database, link)
    assert (contact.full_name, contact.phone, contact.role_label, contact.preferences) == (
        "Bob Diaz", "+12125550142", "Fleet coordinator", (SCHEDULING, MARKETING))
    edits = [(e.field, e.old, e.new) for e in audit_trail(user_id=clerk.user_id)][1:]
    assert edits == [
        ("first_name", "Bo", "Bob"),
        ("phone", None, "+12125550142"),
        ("phone_display", "", "(212) 555-0142"),
        ("role", "SPOUSE", "OTHER"),
        ("role_description", "", "Fleet coordinator"),
        ("preferences", "SCHEDULING", "MARKETING,SCHEDULING"),
    ]


def test_an_edit_made_on_an_older_copy_of_the_person_is_refused(database, clerk, add, refused):
    link = add()
    seen = _contact(database, link).person_version
    _edit(database, clerk, link, first_name="Bob", expected_person_version=seen)
    with refused(ConflictError, "Another desk"):
        _edit(database, clerk, link, first_name="Robert", expected_person_version=seen)
    assert _contact(database, link).first_name == "Bob"


def test_adding_to_an_older_copy_of_the_customer_is_refused(
    database, customer_id, add, refused
):
    seen = get_customer(database.unit_of_work(), customer_id).version
    add(expected_version=seen)
    with refused(ConflictError):
        add("Cy", "Diaz", expected_version=seen)


def test_preferences_are_saved_and_saving_the_same_ones_writes_nothing(
    database, clerk, add, audit_trail, stored
):
    link = add()
    ac.set_preferences(database.unit_of_work(), clerk, link, [INVOICES, SCHEDULING])
    assert _contact(database, link).preferences == (SCHEDULING, INVOICES)
    [event] = audit_trail(field="preferences")
    assert (event.old, event.new, event.user_id) == ("", "INVOICES,SCHEDULING", clerk.user_id)

    before = stored()
    ac.set_preferences(database.unit_of_work(), clerk, link, [SCHEDULING, INVOICES])
    assert stored() == before, "the same choices again must not bump the customer's version"
    ac.set_preferences(database.unit_of_work(), clerk, link, [])
    assert _contact(database, link).preferences == ()


def test_removing_a_contact_deletes_the_person_only_when_nothing_else_uses_them(
    database, clerk, customer_id, add, new_customer, audit_trail
):
    bo = add(email="bo@example.com")
    cy = add("Cy", "Diaz")
    eve = add("Eve", "Ng")
    dee = new_customer("Dee", "Park")
    ac.link_existing_contact(database.unit_of_work(), clerk, dee,
                             _contact(database, bo).person_id,
                             role=ContactRole.SPOUSE)
    with database.sessions() as session:
        session.add(Program(number="FP1", state=ProgramState.QUOTE, customer_id=customer_id,
                            contact_person_id=_contact(database, eve).person_id))
        session.commit()

    assert ac.remove_contact(database.unit_of_work(), clerk, bo) == "Bo Diaz"
    assert ac.remove_contact(database.unit_of_work(), clerk, cy) == "Cy Diaz"
    assert ac.remove_contact(database.unit_of_work(), clerk, eve) == "Eve Ng"
    assert _contacts(database, customer_id) == ()
    assert _people(database) == ["Bo Diaz", "Eve Ng"]  # still on Dee's account / a program
    assert [(e.entity_id, e.old) for e in audit_trail(field="removed")] == [
        (bo, "Bo Diaz (Spouse)"), (cy, "Cy Diaz (Spouse)"), (eve, "Eve Ng (Spouse)")]
    with pytest.raises(NotFound, match="no longer exists"):
        ac.remove_contact(database.unit_of_work(), clerk, bo)


def test_an_invite_records_who_sent_it_and_when(database, clerk, add, audit_trail):
    link = add(email="bo@example.com", portal_access=True)
    assert ac.record_invite_sent(database.unit_of_work(), clerk, link) == "bo@example.com"
    first = _contact(database, link)
    assert first.invite_sent_by == "Casey Clerk" and first.invite_sent_at is not None

    ac.record_invite_sent(database.unit_of_work(), clerk, link)
    again = _contact(database, link)
    assert again.invite_sent_at >= first.invite_sent_at
    events = audit_trail(field="invite_sent_at")
    assert [e.user_id for e in events] == [clerk.user_id, clerk.user_id]
    assert (events[0].old, events[1].old) == (None, first.invite_sent_at.isoformat())
    assert events[1].new == again.invite_sent_at.isoformat()


def test_no_invite_without_portal_access_or_an_email(database, clerk, add, refused):
    link = add(email="bo@example.com")
    with refused(NotAllowed, "Bo Diaz does not have portal access"):
        ac.record_invite_sent(database.unit_of_work(), clerk, link)
    # A blank address written by an older import counts as no address.
    with database.sessions() as session:
        bo = session.scalars(select(ContactPerson)).one()
        bo.email, bo.portal_access = "  ", True
        session.commit()
    with refused(NotAllowed, "Bo Diaz has no email address"):
        ac.record_invite_sent(database.unit_of_work(), clerk, link)


# Each change a clerk can make to a contact, on Bo (his link and person) and another customer.
CHANGES: dict[str, Callable[..., object]] = {
    "add": lambda uow, actor, on: ac.add_contact(
        uow,
        actor,
        on.other_customer,
        ContactForm(first_name="Cy", last_name="Diaz", role=ContactRole.SPOUSE),
    ),
    "link existing": lambda uow, actor, on: ac.link_existing_contact(
        uow, actor, on.other_customer, on.person, role=ContactRole.SPOUSE
    ),
    "edit": lambda uow, actor, on: ac.edit_contact(
        uow,
        actor,
        on.link,
        ContactForm(first_name="Bob", last_name="Diaz", role=ContactRole.SPOUSE),
    ),
    "remove": lambda uow, actor, on: ac.remove_contact(uow, actor, on.link),
    "set primary contact": lambda uow, actor, on: ac.set_primary_contact(uow, actor, on.link),
    "set portal access": lambda uow, actor, on: ac.set_portal_access(uow, actor, on.link, False),
    "set preferences": lambda uow, actor, on: ac.set_preferences(uow, actor, on.link, [INVOICES]),
    "record invite sent": lambda uow, actor, on: ac.record_invite_sent(uow, actor, on.link),
}


def test_a_user_without_the_edit_permission_changes_nothing(
    database, viewer, add, new_customer, refused, subtests
):
    link = add(email="bo@example.com", portal_access=True)
    bo = SimpleNamespace(
        link=link,
        person=_contact(database, link).person_id,
        other_customer=new_customer("Dee", "Park"),
    )
    for name, change in CHANGES.items():
        with (
            subtests.test(name),
            refused(PermissionDenied, "Val Viewer does not have the permission to edit customers"),
        ):
            change(database.unit_of_work(), viewer, bo)
