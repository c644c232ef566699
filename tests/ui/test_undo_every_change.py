"""Every change a clerk makes from the window can be undone and redone from the Edit menu:
notes, vehicles, people on the account, the customer's details and added phones or emails
(primary choices, value edits and assignments: test_undo_versions, test_wheel_and_assignments).
Each customer keeps their undo while the window is open; and an undo or redo, like any save,
expects what its last save left: another desk's change in between refuses it, in plain words,
and the other desk's value stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QMessageBox, QPlainTextEdit, QPushButton, QToolButton
from sqlalchemy import select

from contact_desk.domain.enums import ContactKind, ContactRole, ProgramState
from contact_desk.services import additional_contacts, garage
from contact_desk.services.contact_info import ContactInfoChanges, NewPoint
from contact_desk.services.customers import get_customer, update_customer_details
from contact_desk.store.activity import Note
from contact_desk.store.program import VerificationDocument
from contact_desk.ui.card.dialogs import VehicleDialog
from contact_desk.ui.contact_dialog import ContactDialog
from contact_desk.ui.desk import Desk
from contact_desk.ui.program_customer_dialogs import UpdateCustomerDialog
from contact_desk.services.forms import ContactForm, CustomerForm
from tests.services.conftest import audit_trail  # noqa: F401 - a fixture
from tests.services.test_programs import ANN_ADDRESS, person, program  # noqa: F401 - fixtures
from tests.ui.modal import when_open
from tests.ui.test_card_sections import VINS, _choose_from_menu
from tests.ui.test_contacts import click
from tests.ui.test_programs import CUSTOMER, choose
from tests.ui.test_undo_versions import second_desk

CIVIC = (VINS[0], 2019, "Honda", "Civic")


def undo(window) -> None:
    window.undo_action.trigger()  # Edit > Undo (Ctrl+Z)


def redo(window) -> None:
    window.redo_action.trigger()


def undo_says(window) -> str:
    return window.undo_action.text().replace("&", "", 1)


def refused_undo(qtbot, window, next_message_box) -> str:
    """Edit > Undo, answered by a refusal: what the refusal said."""
    said = next_message_box()
    undo(window)
    qtbot.waitUntil(lambda: bool(said))
    return said[0]


def assert_refused_plainly(said: str) -> None:
    assert said.startswith("Undo of “") and "another desk" in said
    assert "Nothing was overwritten" in said


# notes


def notes_on_card(window) -> list[str]:
    model = window.contact_card.findChild(QListView, "notesList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def save_note(qtbot, window, text: str) -> None:
    window.contact_card.findChild(QPlainTextEdit, "noteBox").setPlainText(text)
    qtbot.mouseClick(window.contact_card.findChild(QPushButton, "saveNoteButton"),
                     Qt.MouseButton.LeftButton)


def notes_stored(database, customer_id) -> list[tuple[str, bool]]:
    """Every note of the customer, withdrawn or not: notes are history, none is deleted."""
    with database.sessions() as session:
        return [(note.body, note.withdrawn_at is not None) for note in session.scalars(
            select(Note).where(Note.customer_id == customer_id).order_by(Note.id))]


def test_undo_of_a_note_withdraws_it_and_redo_shows_it_again(
        qtbot, window, database, customers, audit_trail):  # noqa: F811
    window.open_customer(customers.ann)
    save_note(qtbot, window, "Wants a call after 5pm.")
    assert undo_says(window) == "Undo Add note"
    undo(window)
    assert notes_on_card(window) == []
    assert window.contact_card.sections["notes"].heading.text() == "Customer Notes (0)"
    assert notes_stored(database, customers.ann) == [("Wants a call after 5pm.", True)]
    assert undo_says(window) == "Undo" and window.redo_action.text() == "&Redo Add note"
    redo(window)
    assert notes_on_card(window) == ["Wants a call after 5pm."]
    assert notes_stored(database, customers.ann) == [("Wants a call after 5pm.", False)]
    assert [(e.old, e.new) for e in audit_trail(entity="note", field="withdrawn")] == [
        ("false", "true"), ("true", "false")]


def test_undo_of_a_note_another_desk_withdrew_meanwhile_is_refused(
        qtbot, window, database, manager, customers, next_message_box, audit_trail):  # noqa: F811
    window.open_customer(customers.ann)
    save_note(qtbot, window, "Wants a call after 5pm.")
    with database.sessions() as session:
        note_id = session.scalars(select(Note.id)).one()
    Desk(database, manager).withdraw_note(note_id)  # another desk
    assert_refused_plainly(refused_undo(qtbot, window, next_message_box))
    assert len(audit_trail(entity="note", field="withdrawn")) == 1, "withdrawn once"
    assert not window.undo_action.isEnabled(), "the refused step left the stack"


# switching customers


def test_each_customer_keeps_their_undo_while_the_window_is_open(qtbot, window, database,
                                                                 customers):
    window.open_customer(customers.ann)
    save_note(qtbot, window, "Ann's note")
    window.open_customer(customers.bob)
    assert not window.undo_action.isEnabled(), "Bob has nothing to undo"
    save_note(qtbot, window, "Bob's note")
    window.open_customer(customers.ann)
    assert undo_says(window) == "Undo Add note"
    undo(window)  # acts on Ann, the customer on screen
    assert notes_stored(database, customers.ann) == [("Ann's note", True)]
    assert notes_stored(database, customers.bob) == [("Bob's note", False)]
    window.open_customer(customers.bob)
    undo(window)
    assert notes_stored(database, customers.bob) == [("Bob's note", True)]
    window.open_customer(customers.ann)
    redo(window)
    assert notes_stored(database, customers.ann) == [("Ann's note", False)]


# phones and emails added in Edit Contact Info


def phones_stored(database, customer_id) -> list[str]:
    return [p.display for p in get_customer(database.unit_of_work(), customer_id).phones]


def test_undo_of_a_phone_added_in_edit_contact_info_removes_it_and_redo_adds_it(
        window, database, customers):
    window.open_customer(customers.ann)
    before = phones_stored(database, customers.ann)
    window.customer_page._save_from_dialog(  # what Edit Contact Info's Save hands over
        ContactInfoChanges(additions=(NewPoint(ContactKind.PHONE, "(212) 555-0177"),)))
    assert undo_says(window) == "Undo Edit contact info"
    undo(window)
    assert phones_stored(database, customers.ann) == before
    assert window.customer_page.phones.rowCount() == len(before)
    redo(window)
    assert phones_stored(database, customers.ann) == [*before, "(212) 555-0177"]
    undo(window)  # the value added again has another id: this removes that one
    assert phones_stored(database, customers.ann) == before


# vehicles


def garage_stored(database, customer_id) -> list[tuple[str, int | None, str]]:
    with database.sessions() as session:
        return [(v.vin, v.year, v.model) for v in garage.garage(session, customer_id)]


def vehicle_buttons(window) -> list[str]:
    return [b.text() for b in window.contact_card.findChildren(QToolButton)
            if b.objectName().startswith("vehicle_") and b.isVisible()]


def add_vehicle_from_card(qtbot, window, vin, year, make, model) -> None:
    def fill(dialog):
        qtbot.keyClicks(dialog.form.vinEdit, vin)
        dialog.form.yearSpin.setValue(year)
        qtbot.keyClicks(dialog.form.makeEdit, make)
        qtbot.keyClicks(dialog.form.modelEdit, model)
        dialog.save_button.click()

    when_open(VehicleDialog, fill)
    qtbot.mouseClick(window.contact_card.findChild(QPushButton, "garageAddVehicle"),
                     Qt.MouseButton.LeftButton)


def edit_vehicle_from_card(qtbot, window, vehicle_id, model) -> None:
    def retype(dialog):
        dialog.form.modelEdit.setText(model)
        dialog.save_button.click()

    when_open(VehicleDialog, retype)
    _choose_from_menu("Edit…")
    qtbot.mouseClick(window.contact_card.findChild(QToolButton, f"vehicle_{vehicle_id}"),
                     Qt.MouseButton.LeftButton)


def test_undo_and_redo_of_a_vehicle_added_from_the_card(qtbot, window, database, customers):
    window.open_customer(customers.ann)
    add_vehicle_from_card(qtbot, window, *CIVIC)
    assert undo_says(window) == "Undo Add 2019 Honda Civic"
    undo(window)
    assert garage_stored(database, customers.ann) == [] and vehicle_buttons(window) == []
    redo(window)
    assert garage_stored(database, customers.ann) == [(VINS[0], 2019, "Civic")]
    assert vehicle_buttons(window) == ["2019 Honda Civic"]
    undo(window)
    assert garage_stored(database, customers.ann) == []


def test_undo_and_redo_of_a_vehicle_edit(qtbot, window, database, manager, customers):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), manager, customers.ann,
                                    *CIVIC).vehicle_id
    window.open_customer(customers.ann)
    edit_vehicle_from_card(qtbot, window, vehicle_id, "Civic Si")
    assert undo_says(window) == "Undo Edit 2019 Honda Civic"
    undo(window)
    assert garage_stored(database, customers.ann) == [(VINS[0], 2019, "Civic")]
    assert vehicle_buttons(window) == ["2019 Honda Civic"]
    redo(window)
    assert garage_stored(database, customers.ann) == [(VINS[0], 2019, "Civic Si")]
    assert vehicle_buttons(window) == ["2019 Honda Civic Si"]


def test_undo_of_a_removed_vehicle_puts_it_back(qtbot, window, database, manager, customers,
                                                next_message_box):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), manager, customers.ann,
                                    *CIVIC).vehicle_id
    window.open_customer(customers.ann)
    next_message_box(QMessageBox.StandardButton.Yes)  # "Remove the 2019 Honda Civic…?"
    _choose_from_menu("Remove…")
    qtbot.mouseClick(window.contact_card.findChild(QToolButton, f"vehicle_{vehicle_id}"),
                     Qt.MouseButton.LeftButton)
    assert garage_stored(database, customers.ann) == []
    assert undo_says(window) == "Undo Remove 2019 Honda Civic"
    undo(window)
    assert garage_stored(database, customers.ann) == [(VINS[0], 2019, "Civic")]
    assert vehicle_buttons(window) == ["2019 Honda Civic"]
    redo(window)
    assert garage_stored(database, customers.ann) == []


def test_undo_of_a_vehicle_edit_another_desk_edited_again_is_refused(
        qtbot, window, database, database_url, manager, customers, next_message_box):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), manager, customers.ann,
                                    *CIVIC).vehicle_id
    other = second_desk(qtbot, database_url)
    for desk, model in ((window, "Civic Si"), (other, "Civic Type R")):
        desk.open_customer(customers.ann)
        edit_vehicle_from_card(qtbot, desk, vehicle_id, model)
    assert_refused_plainly(refused_undo(qtbot, window, next_message_box))
    assert garage_stored(database, customers.ann) == [(VINS[0], 2019, "Civic Type R")]
    assert vehicle_buttons(window) == ["2019 Honda Civic Type R"], "the card shows theirs"


def test_undo_of_a_removal_after_another_desk_added_the_same_vin_is_refused(
        qtbot, window, database, manager, customers, next_message_box):
    vehicle_id = garage.add_vehicle(database.unit_of_work(), manager, customers.ann,
                                    *CIVIC).vehicle_id
    window.open_customer(customers.ann)
    next_message_box(QMessageBox.StandardButton.Yes)
    _choose_from_menu("Remove…")
    qtbot.mouseClick(window.contact_card.findChild(QToolButton, f"vehicle_{vehicle_id}"),
                     Qt.MouseButton.LeftButton)
    garage.add_vehicle(database.unit_of_work(), manager, customers.ann, VINS[0], 2019,
                       "Honda", "Civic EX")  # another desk puts it back its own way
    said = refused_undo(qtbot, window, next_message_box)
    assert "already in this customer's garage" in said and "nothing was changed" in said
    assert garage_stored(database, customers.ann) == [(VINS[0], 2019, "Civic EX")]


# people on the account


@pytest.fixture
def melissa(database, manager, customers) -> int:
    return additional_contacts.add_contact(database.unit_of_work(), manager, customers.ann, ContactForm(first_name="Melissa", last_name="Lee", role=ContactRole.SPOUSE, email="melissa@example.com", phone="2125550160", primary_contact=True, preferences=[])).account_contact_id


def contacts_stored(database, customer_id) -> list[tuple[str, str, ContactRole]]:
    return [
        (c.first_name, c.last_name, c.role)
        for c in get_customer(database.unit_of_work(), customer_id).contacts
    ]


def add_tom(qtbot, window) -> None:
    def add(dialog):
        for edit, text in (
            (dialog.form.firstNameEdit, "Tom"),
            (dialog.form.lastNameEdit, "Brown"),
            (dialog.form.emailEdit, "tom@example.com"),
        ):
            qtbot.keyClicks(edit, text)
        dialog.form.roleCombo.setCurrentText("Bookkeeper")
        dialog.save_button.click()

    when_open(ContactDialog, add)
    qtbot.mouseClick(window.customer_page.form.addContactButton, Qt.MouseButton.LeftButton)


def rename_first(qtbot, window, row: int, first_name: str) -> None:
    def rename(dialog):
        dialog.form.firstNameEdit.setText(first_name)
        dialog.save_button.click()

    when_open(ContactDialog, rename)
    click(qtbot, window.customer_page, row, "editContactButton")


def test_undo_and_redo_of_a_person_added_to_the_account(qtbot, window, database, customers):
    window.open_customer(customers.ann)
    add_tom(qtbot, window)
    assert contacts_stored(database, customers.ann) == [("Tom", "Brown", ContactRole.BOOKKEEPER)]
    assert undo_says(window) == "Undo Add contact Tom Brown"
    undo(window)
    assert contacts_stored(database, customers.ann) == []
    assert window.customer_page.contacts.model.rowCount() == 0
    redo(window)
    assert contacts_stored(database, customers.ann) == [("Tom", "Brown", ContactRole.BOOKKEEPER)]
    assert window.customer_page.contacts.model.rowCount() == 1
    undo(window)  # Tom came back under a new id; that one goes
    assert contacts_stored(database, customers.ann) == []


def test_undo_and_redo_of_an_edit_of_a_person(qtbot, window, database, customers, melissa):
    window.open_customer(customers.ann)
    rename_first(qtbot, window, 0, "Mel")
    assert undo_says(window) == "Undo Edit contact Melissa Lee"
    undo(window)
    assert contacts_stored(database, customers.ann) == [("Melissa", "Lee", ContactRole.SPOUSE)]
    assert window.customer_page.contacts.model.contact(0).first_name == "Melissa"
    redo(window)
    assert contacts_stored(database, customers.ann) == [("Mel", "Lee", ContactRole.SPOUSE)]


def test_undo_of_a_removed_person_puts_them_back_as_they_were(
    qtbot, window, database, customers, melissa
):
    window.open_customer(customers.ann)
    shown = window.customer_page.contacts.model.contact(0)

    def remove(box):
        next(b for b in box.buttons() if b.text() == "Remove").click()

    when_open(QMessageBox, remove)
    click(qtbot, window.customer_page, 0, "deleteContactButton")
    assert contacts_stored(database, customers.ann) == []
    assert undo_says(window) == "Undo Remove contact Melissa Lee"
    undo(window)
    [back] = get_customer(database.unit_of_work(), customers.ann).contacts
    assert (back.first_name, back.email, back.phone_display, back.role, back.primary_contact) == (
        shown.first_name,
        shown.email,
        shown.phone_display,
        shown.role,
        True,
    )
    assert window.customer_page.contacts.model.rowCount() == 1
    redo(window)
    assert contacts_stored(database, customers.ann) == []


def test_undo_of_use_the_existing_contact_takes_them_off_this_account_only(
    qtbot, window, database, customers, melissa
):
    window.open_customer(customers.bob)

    def link_melissa(dialog):
        for edit, text in (
            (dialog.form.firstNameEdit, "Mel"),
            (dialog.form.lastNameEdit, "Lee"),
            (dialog.form.emailEdit, "melissa@example.com"),
        ):
            qtbot.keyClicks(edit, text)
        dialog.save_button.click()  # the email is Melissa's: use her
        dialog.form.useExistingButton.click()

    when_open(ContactDialog, link_melissa)
    qtbot.mouseClick(window.customer_page.form.addContactButton, Qt.MouseButton.LeftButton)
    assert contacts_stored(database, customers.bob) == [("Melissa", "Lee", ContactRole.SPOUSE)]
    undo(window)
    assert contacts_stored(database, customers.bob) == []
    assert contacts_stored(database, customers.ann) == [("Melissa", "Lee", ContactRole.SPOUSE)]
    redo(window)
    ann_melissa = get_customer(database.unit_of_work(), customers.ann).contacts[0]
    [bob_melissa] = get_customer(database.unit_of_work(), customers.bob).contacts
    assert bob_melissa.person_id == ann_melissa.person_id, "the same person, not a copy"


def test_undo_of_an_edit_of_a_person_another_desk_edited_again_is_refused(
    qtbot, window, database, database_url, customers, melissa, next_message_box
):
    other = second_desk(qtbot, database_url)
    for desk, first in ((window, "Mel"), (other, "Missy")):
        desk.open_customer(customers.ann)
        rename_first(qtbot, desk, 0, first)
    assert_refused_plainly(refused_undo(qtbot, window, next_message_box))
    assert contacts_stored(database, customers.ann) == [("Missy", "Lee", ContactRole.SPOUSE)]
    assert window.customer_page.contacts.model.contact(0).first_name == "Missy"


def test_undo_of_an_added_person_another_desk_edited_is_refused(
    qtbot, window, database, database_url, customers, next_message_box
):
    window.open_customer(customers.ann)
    add_tom(qtbot, window)
    other = second_desk(qtbot, database_url)
    other.open_customer(customers.ann)
    rename_first(qtbot, other, 0, "Thomas")
    assert_refused_plainly(refused_undo(qtbot, window, next_message_box))
    assert contacts_stored(database, customers.ann) == [
        ("Thomas", "Brown", ContactRole.BOOKKEEPER)
    ], "their edit stays, Tom is not removed"


# the customer's details


@pytest.fixture
def ann_with_programs(database, manager, customers, program, person):  # noqa: F811
    update_customer_details(
        database.unit_of_work(),
        manager,
        customers.ann,
        CustomerForm(first_name="Ann", last_name="Lee", **ANN_ADDRESS),
    )
    melissa = person(customers.ann, "Melissa", "Lee", "melissa@example.com")
    return (
        program(customers.ann, ProgramState.QUOTE, melissa),
        program(customers.ann, ProgramState.ACTIVE, melissa),
    )


def update_details(window, program_id: int, document: Path | None = None, **typed: str) -> None:
    def retype(dialog: UpdateCustomerDialog) -> None:
        for name, text in typed.items():
            dialog.edits[name].setText(text)
        if document is not None:
            dialog.attach_document(document)
        assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
        dialog.save_button.click()

    choose(
        window.customer_page.programs,
        program_id,
        CUSTOMER,
        "update_details",
        (UpdateCustomerDialog, retype),
    )


def details_stored(database, customer_id) -> tuple[str, str, str]:
    ann = get_customer(database.unit_of_work(), customer_id)
    return ann.first_name, ann.company, ann.address_line1


def test_undo_and_redo_of_the_customers_details(
    qtbot, window, database, customers, ann_with_programs
):
    quote, _ = ann_with_programs
    window.open_customer(customers.ann)
    update_details(window, quote, first_name="Anne", company="Lee Farms")
    assert undo_says(window) == "Undo Update customer details"
    undo(window)
    assert details_stored(database, customers.ann) == ("Ann", "", "12 Oak St")
    assert window.customer_page.form.customerName.text() == "Ann Lee"
    redo(window)
    assert details_stored(database, customers.ann) == ("Anne", "Lee Farms", "12 Oak St")
    assert window.customer_page.form.customerName.text() == "Anne Lee"


def test_undo_of_a_move_with_its_document_puts_the_address_on_file_back(
    qtbot, window, database, customers, ann_with_programs, tmp_path
):
    _, financed = ann_with_programs
    bill = tmp_path / "bill.pdf"
    bill.write_bytes(b"%PDF-1.7 electricity bill, Ann Lee, 40 Pine Rd")
    window.open_customer(customers.ann)
    update_details(window, financed, bill, address_line1="40 Pine Rd")
    undo(window)  # the address on file before: no new document is asked for it
    assert details_stored(database, customers.ann) == ("Ann", "", "12 Oak St")
    with database.sessions() as session:
        assert [d.file_name for d in session.scalars(select(VerificationDocument))] == [
            "bill.pdf"
        ], "the document attached with the move is kept"
    redo(window)  # the address its document proved
    assert details_stored(database, customers.ann) == ("Ann", "", "40 Pine Rd")


def test_undo_of_details_another_desk_changed_since_is_refused(
    qtbot, window, database, manager, customers, ann_with_programs, next_message_box
):
    quote, _ = ann_with_programs
    window.open_customer(customers.ann)
    update_details(window, quote, first_name="Anne")
    update_customer_details(
        database.unit_of_work(),
        manager,
        customers.ann,
        CustomerForm(first_name="Annie", last_name="Lee", **ANN_ADDRESS),
    )  # another desk
    assert_refused_plainly(refused_undo(qtbot, window, next_message_box))
    assert details_stored(database, customers.ann)[0] == "Annie"
    assert window.customer_page.form.customerName.text() == "Annie Lee"
