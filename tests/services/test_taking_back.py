"""Taking a change back (what the window's Undo and Redo call): a note is withdrawn, never
deleted; a removed vehicle or person goes back as they were; the customer's details go back
to those on file. Each expects what the change it takes back left, and refuses, writing
nothing, when another desk changed it since."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import CommunicationPreference, ContactRole, DealStage, ProgramState
from contact_desk.domain.errors import ConflictError, DuplicateEmail, NotAllowed, PermissionDenied
from contact_desk.services import activity, garage
from contact_desk.services import additional_contacts as ac
from contact_desk.services.forms import ContactForm, CustomerForm
from contact_desk.services.card import contact_card
from contact_desk.services.customers import (
    VerificationUpload,
    get_customer,
    put_back_customer_details,
    update_customer_details,
)
from contact_desk.services.summary import interaction_facts
from contact_desk.store.activity import Note
from contact_desk.store.people import ContactPerson
from contact_desk.store.sales import Deal, Vehicle
from tests.services.test_programs import ANN_ADDRESS, person, program  # noqa: F401 - fixtures

PREFS = CommunicationPreference
NO_EDIT = "Val Viewer does not have the permission to edit customers"


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer()


# notes


def test_a_withdrawn_note_is_kept_with_who_and_when_and_leaves_the_card_and_summary(
        database, clerk, customer_id, audit_trail):
    kept = activity.add_note(database.unit_of_work(), clerk, customer_id, "First call")
    taken = activity.add_note(database.unit_of_work(), clerk, customer_id, "Wrong customer")
    activity.withdraw_note(database.unit_of_work(), clerk, taken)
    with database.sessions() as session:
        note = session.get(Note, taken)
        assert note.body == "Wrong customer" and note.withdrawn_by_id == clerk.user_id
        assert note.withdrawn_at is not None
        facts = interaction_facts(session, customer_id)
    assert [n.text for n in contact_card(database.unit_of_work(), customer_id).notes] == [
        "First call"]
    assert facts.note_count == 1 and facts.latest_note.text == "First call"
    [event] = audit_trail(entity="note", field="withdrawn")
    assert (event.entity_id, event.old, event.new, event.user_id) == (
        taken, "false", "true", clerk.user_id)
    activity.restore_note(database.unit_of_work(), clerk, taken)
    assert len(contact_card(database.unit_of_work(), customer_id).notes) == 2
    assert kept != taken


def test_a_note_withdrawn_or_restored_already_is_refused(database, clerk, customer_id, refused):
    note = activity.add_note(database.unit_of_work(), clerk, customer_id, "Call back")
    with refused(ConflictError, "put that note back already"):
        activity.restore_note(database.unit_of_work(), clerk, note)
    activity.withdraw_note(database.unit_of_work(), clerk, note)
    with refused(ConflictError, "withdrew that note already"):
        activity.withdraw_note(database.unit_of_work(), clerk, note)


def test_withdrawing_a_note_needs_the_edit_permission(database, clerk, viewer, customer_id,
                                                      refused):
    note = activity.add_note(database.unit_of_work(), clerk, customer_id, "Call back")
    with refused(PermissionDenied, NO_EDIT):
        activity.withdraw_note(database.unit_of_work(), viewer, note)


# vehicles


def _garage(database, customer_id):
    with database.sessions() as session:
        return [(v.vin, v.model, v.source.name) for v in garage.garage(session, customer_id)]


def test_a_removed_vehicle_is_put_back_as_it_was_and_the_versions_follow(
        database, clerk, customer_id, vin, audit_trail):
    entry = garage.add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019,
                                 "Honda", "Civic")
    version = garage.edit_vehicle(database.unit_of_work(), clerk, entry.vehicle_id, vin(1),
                                  2019, "Honda", "Civic Si", expected_version=entry.version)
    assert version == entry.version + 1
    removed = garage.remove_vehicle(database.unit_of_work(), clerk, entry.vehicle_id,
                                    expected_version=version)
    assert not removed.kept and _garage(database, customer_id) == []
    back = garage.put_back_vehicle(database.unit_of_work(), clerk, removed)
    assert _garage(database, customer_id) == [(vin(1), "Civic Si", "MANUAL")]
    garage.remove_vehicle(database.unit_of_work(), clerk, back.vehicle_id,
                          expected_version=back.version)
    assert [e.reason for e in audit_trail(entity="vehicle", field="added")][-1] == \
        "put back in the garage"


def test_a_vehicle_kept_for_a_deal_goes_back_in_the_garage_only_as_the_removal_left_it(
        database, clerk, customer_id, vin, refused):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2015,
                                    "Ford", "F-150").vehicle_id
    with database.sessions() as session:
        session.add(Deal(customer_id=customer_id, stage=DealStage.NEW,
                         trade_in_vehicle_id=vehicle_id))
        session.commit()
    removed = garage.remove_vehicle(database.unit_of_work(), clerk, vehicle_id)
    assert removed.kept and _garage(database, customer_id) == []
    garage.edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(1), 2016, "Ford",
                        "F-150")  # another desk, on the deal
    with refused(ConflictError, "Another desk changed the 2016 Ford F-150"):
        garage.put_back_vehicle(database.unit_of_work(), clerk, removed)


def test_a_vehicle_is_not_put_back_over_one_another_desk_added_with_its_vin(
        database, clerk, customer_id, vin, refused):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019,
                                    "Honda", "Civic").vehicle_id
    removed = garage.remove_vehicle(database.unit_of_work(), clerk, vehicle_id)
    garage.add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019, "Honda",
                       "Civic EX")
    with refused(NotAllowed, "already in this customer's garage"):
        garage.put_back_vehicle(database.unit_of_work(), clerk, removed)
    with database.sessions() as session:
        assert session.scalars(select(Vehicle.model)).all() == ["Civic EX"]


# people on the account

TOM = ContactForm(first_name="Tom", last_name="Brown", role=ContactRole.OTHER,
                  role_description="Accountant", email="tom@example.com", phone="2125550160",
                  primary_contact=True, preferences=frozenset({PREFS.INVOICES}))


def _people(database, customer_id):
    return [(c.first_name, c.role_label, c.primary_contact, c.preferences)
            for c in get_customer(database.unit_of_work(), customer_id).contacts]


def test_a_person_taken_off_is_put_back_as_they_were_on_the_account(database, clerk,
                                                                     customer_id):
    saved = ac.add_contact(database.unit_of_work(), clerk, customer_id, TOM)
    removed = ac.remove_contact(database.unit_of_work(), clerk, saved.account_contact_id,
                                  expected_person_version=saved.person_version,
                                  expected_version=saved.version)
    assert not removed.person_kept and _people(database, customer_id) == []
    with database.sessions() as session:
        assert session.scalars(select(ContactPerson)).all() == []
    back = ac.put_back_contact(database.unit_of_work(), clerk, removed, removed.version)
    assert _people(database, customer_id) == [("Tom", "Accountant", True, (PREFS.INVOICES,))]
    [tom] = get_customer(database.unit_of_work(), customer_id).contacts
    assert (tom.email, tom.phone_display, back.account_contact_id) == (
        "tom@example.com", "(212) 555-0160", tom.id)


def test_a_person_on_another_account_too_is_linked_back_not_copied(
        database, clerk, customer_id, new_customer):
    saved = ac.add_contact(database.unit_of_work(), clerk, customer_id, TOM)
    other = new_customer("Bob", "Stone")
    with database.sessions() as session:
        person_id = session.scalars(select(ContactPerson.id)).one()
    ac.link_existing_contact(database.unit_of_work(), clerk, other, person_id,
                             role=ContactRole.SPOUSE)
    removed = ac.remove_contact(database.unit_of_work(), clerk, saved.account_contact_id)
    assert removed.person_kept
    ac.put_back_contact(database.unit_of_work(), clerk, removed, removed.version)
    with database.sessions() as session:
        assert session.scalars(select(ContactPerson.id)).all() == [person_id]


def test_taking_back_is_refused_when_another_desk_changed_the_person_or_customer(
        database, clerk, customer_id, refused):
    saved = ac.add_contact(database.unit_of_work(), clerk, customer_id, TOM)
    edited = ac.edit_contact(database.unit_of_work(), clerk, saved.account_contact_id,
                             ContactForm(first_name="Thomas", last_name="Brown",
                                         role=ContactRole.OTHER, role_description="Accountant",
                                         email="tom@example.com"))
    assert edited.person_version == saved.person_version + 1 and edited.version > saved.version
    with refused(ConflictError):
        ac.remove_contact(database.unit_of_work(), clerk, saved.account_contact_id,
                            expected_person_version=saved.person_version)
    with refused(ConflictError):
        ac.edit_contact(database.unit_of_work(), clerk, saved.account_contact_id,
                        ContactForm(first_name="Tom", last_name="Brown",
                                    role=ContactRole.OTHER, role_description="Accountant"),
                        expected_person_version=edited.person_version,
                        expected_version=saved.version)
    removed = ac.remove_contact(database.unit_of_work(), clerk, saved.account_contact_id)
    ac.add_contact(database.unit_of_work(), clerk, customer_id,
                        ContactForm(first_name="Ann", last_name="Other",
                                    role=ContactRole.SPOUSE))  # another desk
    with refused(ConflictError):
        ac.put_back_contact(database.unit_of_work(), clerk, removed, removed.version)


def test_a_person_is_not_put_back_with_an_email_someone_else_has_now(
        database, clerk, customer_id, refused):
    saved = ac.add_contact(database.unit_of_work(), clerk, customer_id, TOM)
    removed = ac.remove_contact(database.unit_of_work(), clerk, saved.account_contact_id)
    other = ac.add_contact(database.unit_of_work(), clerk, customer_id,
                                ContactForm(first_name="Tina", last_name="Brown",
                                            role=ContactRole.SPOUSE, email="tom@example.com"))
    with refused(DuplicateEmail, "already belongs to Tina Brown"):
        ac.put_back_contact(database.unit_of_work(), clerk, removed, other.version)


# the customer's details


def test_details_go_back_to_the_address_on_file_without_a_new_document(
        database, manager, new_customer, program, refused):  # noqa: F811
    ann = new_customer(address=ANN_ADDRESS)
    program(ann, ProgramState.ACTIVE)
    before = CustomerForm.of(get_customer(database.unit_of_work(), ann))
    moved = CustomerForm(**{**before.__dict__, "address_line1": "40 Pine Rd"})
    saved = update_customer_details(
        database.unit_of_work(), manager, ann, moved,
        VerificationUpload("bill.pdf", b"%PDF-1.7 a bill naming Ann Lee at 40 Pine Rd"),
        expected_version=get_customer(database.unit_of_work(), ann).version)
    assert saved.changed == ("address_line1",)
    back = put_back_customer_details(database.unit_of_work(), manager, ann, before,
                                     saved.version)
    assert get_customer(database.unit_of_work(), ann).address_line1 == "12 Oak St"
    with refused(ConflictError):
        put_back_customer_details(database.unit_of_work(), manager, ann, moved, saved.version)
    with refused(NotAllowed, "needs a verification document"):  # a clerk's own new address
        update_customer_details(database.unit_of_work(), manager, ann,
                              CustomerForm(**{**before.__dict__, "city": "Shelbyville"}),
                              expected_version=back.version)


def test_only_an_address_the_customer_had_goes_back_without_a_document(
        database, manager, new_customer, program, refused):  # noqa: F811
    """Undo's way past the document is for an address on file: one the customer never had,
    sent through it, still needs the document a financed customer's move needs."""
    ann = new_customer(address=ANN_ADDRESS)
    program(ann, ProgramState.ACTIVE)
    shown = get_customer(database.unit_of_work(), ann)
    never = CustomerForm(**{**CustomerForm.of(shown).__dict__, "address_line1": "1 New St"})
    with refused(NotAllowed, "needs a verification document"):
        put_back_customer_details(database.unit_of_work(), manager, ann, never, shown.version)
    assert get_customer(database.unit_of_work(), ann).address_line1 == "12 Oak St"
