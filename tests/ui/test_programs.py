"""The Programs section: programs with their states and invoices, each role's menu (disabled
actions say why), and the four dialogs saving through the services, audited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QMessageBox, QToolButton, QVBoxLayout, QWidget
from sqlalchemy import select

from contact_desk.domain.enums import ContactRole, Permission, ProgramState
from contact_desk.domain.program import ProgramRole, why_parties_locked
from contact_desk.services.customers import update_customer_details
from contact_desk.services.programs import update_program_contact_details
from contact_desk.store.program import Invoice, Program, VerificationDocument
from contact_desk.ui.desk import Desk
from contact_desk.ui.edit_contact_info import EditContactInfoDialog
from contact_desk.ui.program_contact_dialogs import ReplaceContactDialog, UpdateContactDialog
from contact_desk.ui.program_customer_dialogs import (
    ATTACH_TO_SAVE,
    ReplaceCustomerDialog,
    UpdateCustomerDialog,
)
from contact_desk.ui.programs_section import NO_PROGRAMS, ProgramsSection
from contact_desk.services.forms import CustomerForm, PersonForm
# Programs come from the finance system, not from a service: the service tests' fixtures
# write them (and put people on accounts) the same way here.
from tests.services.conftest import audit_trail  # noqa: F401 - a fixture
from tests.services.test_programs import ANN_ADDRESS, person, program  # noqa: F401 - fixtures
from tests.ui.modal import answer_file_dialog, when_open

CUSTOMER, CONTACT = ProgramRole.CUSTOMER, ProgramRole.CONTACT


@dataclass(frozen=True)
class Ann:
    """Ann Lee with a quote (FP1, one invoice) and an active program (FP2, two), both with
    Melissa as contact."""

    id: int
    melissa: int
    quote: int
    active: int


@pytest.fixture
def ann(database, manager, customers, program, person) -> Ann:
    update_customer_details(
        database.unit_of_work(),
        manager,
        customers.ann,
        CustomerForm(first_name="Ann", last_name="Lee", **ANN_ADDRESS),
    )
    melissa = person(customers.ann, "Melissa", "Lee", "melissa@example.com")
    return Ann(
        customers.ann,
        melissa,
        program(customers.ann, ProgramState.QUOTE, melissa),
        program(customers.ann, ProgramState.ACTIVE, melissa, invoices=2),
    )


@pytest.fixture
def shown(qtbot, database, manager, ann) -> Callable[..., ProgramsSection]:
    """The section on a page of its own, showing Ann for ``actor``; it reloads when changed."""

    def show(actor=manager) -> ProgramsSection:
        page = QWidget()
        container = QWidget(page, objectName="programsSection")
        QVBoxLayout(page).addWidget(container)
        QVBoxLayout(container)
        qtbot.addWidget(page)
        desk = Desk(database, actor)
        section = ProgramsSection(container, desk, page)
        section.changed.connect(lambda: section.show_programs(desk.customer(ann.id)))
        section.show_programs(desk.customer(ann.id))
        page.show()
        return section

    return show


def choose(
    section: ProgramsSection,
    program_id: int,
    role: ProgramRole,
    action: str,
    *dialogs: tuple[type, Callable],
) -> None:
    """Pick ``action`` from the role's menu, running each dialog's part as it opens."""
    for kind, act in dialogs:
        when_open(kind, act)
    menu = section.frame(program_id).menu_of(role)
    next(a for a in menu.actions() if a.objectName() == f"{action}_{role}").trigger()


def menu_action(section: ProgramsSection, program_id: int, role: ProgramRole, action: str):
    menu = section.frame(program_id).menu_of(role)
    assert menu.toolTipsVisible()
    return next(a for a in menu.actions() if a.objectName() == f"{action}_{role}")


def programs_of(database) -> dict[str, tuple[int, int | None]]:
    with database.sessions() as session:
        return {
            p.number: (p.customer_id, p.contact_person_id)
            for p in session.scalars(select(Program).order_by(Program.id))
        }


def test_each_program_shows_its_state_roles_and_invoices(shown, ann, customers):
    section = shown()
    quote, active = section.frame(ann.quote).form, section.frame(ann.active).form
    assert [(f.numberLabel.text(), f.stateLabel.text()) for f in (quote, active)] == [
        ("FP1", "Quote"),
        ("FP2", "Active"),
    ]
    assert active.financedLabel.text() == "Financed $20,000.00"
    assert active.customerName.text() == "Ann Lee"
    assert active.contactName.text() == "Melissa Lee · melissa@example.com"
    assert section.container.findChild(QToolButton, f"contactRoleMenu_{ann.active}")
    invoices = section.frame(ann.active).invoices
    assert [[invoices.index(row, c).data() for c in range(6)] for row in range(2)] == [
        ["INV-2-0", "$450.00", "2026-12-01", "Open", "Ann Lee", "12 Oak St, Springfield, IL 62701"],
        ["INV-2-1", "$450.00", "2026-12-02", "Open", "Ann Lee", "12 Oak St, Springfield, IL 62701"],
    ]
    section.show_programs(section.desk.customer(customers.bob))
    assert section.container.findChild(QWidget, "noPrograms").text() == NO_PROGRAMS
    assert section.frames == {}


def test_the_contact_of_an_active_program_cannot_be_replaced_and_the_menu_says_why(shown, ann):
    section = shown()
    locked = menu_action(section, ann.active, CONTACT, "replace")
    reason = why_parties_locked(ProgramState.ACTIVE, "contact")
    assert not locked.isEnabled()
    assert locked.toolTip() == locked.statusTip() == reason
    assert "signed it" in reason
    assert menu_action(section, ann.quote, CONTACT, "replace").isEnabled()
    assert menu_action(section, ann.active, CONTACT, "update_details").isEnabled()


def test_without_manage_programs_replacing_is_disabled_with_the_reason(shown, ann, clerk):
    section = shown(clerk)
    reason = clerk.why_not(Permission.MANAGE_PROGRAMS)
    for role in (CUSTOMER, CONTACT):
        refused = menu_action(section, ann.quote, role, "replace")
        assert not refused.isEnabled() and refused.toolTip() == reason
        assert menu_action(section, ann.quote, role, "update_details").isEnabled()
    assert "Casey Clerk does not have the permission" in reason


def test_replacing_the_customer_of_a_quote_moves_it_and_its_invoices(
    qtbot,
    shown,
    ann,
    customers,
    database,
    next_message_box,
    audit_trail,  # noqa: F811
):
    section = shown()

    def pick_bob(dialog: ReplaceCustomerDialog) -> None:
        assert "FP1 (Quote) with its 1 invoice" in dialog.form.scopeNote.text()
        assert "FP2 (Active) keeps Ann Lee" in dialog.form.scopeNote.text()
        assert not dialog.save_button.isEnabled()
        qtbot.keyClicks(dialog.form.searchEdit, "Stone")
        qtbot.waitUntil(lambda: dialog.results.query == "Stone" and dialog.results.rowCount() == 1)
        dialog.form.resultsTable.selectRow(0)
        dialog.save_button.click()

    said = next_message_box()
    choose(section, ann.quote, CUSTOMER, "replace", (ReplaceCustomerDialog, pick_bob))
    assert said, "the outcome was told"
    assert "Bob Stone is now the customer on FP1 and their invoices." in said[0]
    assert f"FP2 keeps Ann Lee: {why_parties_locked(ProgramState.ACTIVE, 'customer')}" in said[0]
    assert programs_of(database) == {
        "FP1": (customers.bob, ann.melissa),
        "FP2": (ann.id, ann.melissa),
    }
    with database.sessions() as session:
        moved = session.scalars(select(Invoice).where(Invoice.number == "INV-1-0")).one()
        assert (moved.customer_id, moved.bill_to_name) == (customers.bob, "Bob Stone")
    assert list(section.frames) == [ann.active], "the page shows Ann's programs only"
    assert [(e.field, e.old, e.new) for e in audit_trail(entity="program")] == [
        ("customer_id", "Ann Lee", "Bob Stone")
    ]
    assert {e.field for e in audit_trail(entity="invoice")} >= {"customer_id", "bill_to_name"}


def test_a_new_address_needs_a_pdf_or_image_before_save(
    qtbot,
    shown,
    ann,
    database,
    tmp_path,
    audit_trail,  # noqa: F811
):
    section = shown()
    (tmp_path / "notes.txt").write_text("I moved to 40 Pine Rd")
    (tmp_path / "bill.pdf").write_bytes(b"%PDF-1.7 electricity bill, Ann Lee, 40 Pine Rd")

    def move(dialog: UpdateCustomerDialog) -> None:
        form = dialog.form
        assert dialog.save_button.isEnabled()
        form.addressLine1Edit.selectAll()
        qtbot.keyClicks(form.addressLine1Edit, "40 Pine Rd")
        assert not dialog.save_button.isEnabled()
        assert dialog.save_button.toolTip() == form.saveReason.text() == ATTACH_TO_SAVE
        answer_file_dialog(tmp_path / "notes.txt")
        form.chooseDocumentButton.click()
        assert "notes.txt is not a PDF or an image" in form.documentProblem.text()
        assert not dialog.save_button.isEnabled() and form.documentName.text() == ""
        answer_file_dialog(tmp_path / "bill.pdf")
        form.chooseDocumentButton.click()
        assert form.documentName.text() == "bill.pdf" and not form.documentProblem.isVisible()
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()

    choose(section, ann.active, CUSTOMER, "update_details", (UpdateCustomerDialog, move))
    with database.sessions() as session:
        document = session.scalars(select(VerificationDocument)).one()
        assert (document.file_name, document.content_type, document.verified_address) == (
            "bill.pdf",
            "application/pdf",
            "40 Pine Rd, Springfield, IL 62701",
        )
        assert {i.bill_to_address for i in session.scalars(select(Invoice))} == {
            "40 Pine Rd, Springfield, IL 62701"
        }
    assert [e.new for e in audit_trail(entity="customer", field="address_line1")][
        -1
    ] == "40 Pine Rd"
    assert audit_trail(entity="verification_document")
    assert len(audit_trail(entity="invoice", field="bill_to_address")) == 3


def test_someone_elses_email_offers_replace_contact_instead(
    qtbot,
    shown,
    ann,
    customers,
    person,
    database,
    next_message_box,
    audit_trail,  # noqa: F811
):
    tom = person(customers.bob, "Tom", "Brown", "tom@example.com")
    section = shown()

    def give_toms_email(dialog: UpdateContactDialog) -> None:
        dialog.form.emailEdit.selectAll()
        qtbot.keyClicks(dialog.form.emailEdit, "tom@example.com")
        dialog.save_button.click()
        assert "tom@example.com already belongs to Tom Brown" in dialog.form.saveError.text()
        assert dialog.form.emailEdit.text() == "tom@example.com", "what was typed stays"
        assert dialog.form.replaceInsteadButton.isVisible()
        dialog.form.replaceInsteadButton.click()

    def replace_with_tom(dialog: ReplaceContactDialog) -> None:
        assert dialog.picked() == (tom, "Tom Brown")
        dialog.save_button.click()

    said = next_message_box()
    choose(
        section,
        ann.quote,
        CONTACT,
        "update_details",
        (UpdateContactDialog, give_toms_email),
        (ReplaceContactDialog, replace_with_tom),
    )
    assert said, "the outcome was told"
    assert "Tom Brown is now the contact on FP1." in said[0]
    assert "FP2 keeps Melissa Lee" in said[0]
    assert programs_of(database) == {"FP1": (ann.id, tom), "FP2": (ann.id, ann.melissa)}
    assert [(e.field, e.old, e.new) for e in audit_trail(entity="program")] == [
        ("contact_person_id", "Melissa Lee", "Tom Brown")
    ]
    assert not audit_trail(entity="contact_person", field="email")


def test_contact_details_save_and_a_new_contact_replaces_on_a_quote(
    qtbot,
    shown,
    ann,
    database,
    manager,
    next_message_box,
    audit_trail,  # noqa: F811
):
    section = shown()

    def conflict_then_save(dialog: UpdateContactDialog) -> None:
        update_program_contact_details(
            database.unit_of_work(),
            manager,
            ann.quote,
            PersonForm(first_name="Melissa", last_name="Lee-Park"),
        )
        qtbot.keyClicks(dialog.form.phoneEdit, "2125550160")
        dialog.save_button.click()
        assert "Another desk saved" in dialog.form.saveError.text()
        assert dialog.form.phoneEdit.text() == "2125550160"
        next_message_box(QMessageBox.StandardButton.Discard)
        dialog.reject()

    choose(section, ann.quote, CONTACT, "update_details", (UpdateContactDialog, conflict_then_save))
    assert section.frame(ann.quote).form.contactName.text().startswith("Melissa Lee-Park"), (
        "after a conflict the section shows what is stored"
    )

    def phone(dialog: UpdateContactDialog) -> None:
        qtbot.keyClicks(dialog.form.phoneEdit, "2125550160")
        dialog.save_button.click()

    choose(section, ann.quote, CONTACT, "update_details", (UpdateContactDialog, phone))
    assert "(212) 555-0160" in section.frame(ann.active).form.contactName.text()
    assert audit_trail(entity="contact_person", field="phone")

    def add_ben(dialog: ReplaceContactDialog) -> None:
        assert dialog.form.peopleList.count() == 0 and dialog.form.newRadio.isChecked()
        qtbot.keyClicks(dialog.form.firstNameEdit, "Ben")
        assert "Last name" in dialog.form.problemLabel.text()
        qtbot.keyClicks(dialog.form.lastNameEdit, "Ortiz")
        dialog.form.roleCombo.setCurrentText(ContactRole.VEHICLE_MANAGER.label)
        qtbot.keyClicks(dialog.form.emailEdit, "ben@example.com")
        dialog.save_button.click()

    said = next_message_box()
    choose(section, ann.quote, CONTACT, "replace", (ReplaceContactDialog, add_ben))
    assert said, "the outcome was told"
    assert "Ben Ortiz is now the contact on FP1." in said[0]
    ben = programs_of(database)["FP1"][1]
    assert ben not in (None, ann.melissa)
    assert [e.new for e in audit_trail(entity="program")] == ["Ben Ortiz"]
    assert "Ben Ortiz" in [c.full_name for c in section.customer.contacts], (
        "the new person is on Ann's account"
    )


def test_the_customer_page_shows_the_programs_and_goes_on_to_edit_contact_info(
    qtbot, window, ann, next_message_box
):
    window.open_customer(ann.id)
    section = window.customer_page.programs
    assert list(section.frames) == [ann.quote, ann.active]
    assert window.customer_page.form.programsSection.isVisibleTo(window)
    seen: list[str] = []

    def typed_first(dialog: UpdateCustomerDialog) -> None:
        qtbot.keyClicks(dialog.form.cityEdit, "ville")
        said = next_message_box()
        dialog.form.editPhonesButton.click()
        assert "Save or cancel what you typed here first" in said[0]
        assert dialog.isVisible() and dialog.form.cityEdit.text() == "Springfieldville"
        asked = next_message_box(QMessageBox.StandardButton.Cancel)
        dialog.reject()
        assert "not saved" in asked[0] and dialog.isVisible(), "Cancel keeps what was typed"
        asked = next_message_box(QMessageBox.StandardButton.Discard)
        dialog.reject()
        assert asked and not dialog.isVisible()

    choose(section, ann.quote, CUSTOMER, "update_details", (UpdateCustomerDialog, typed_first))

    def look(dialog: EditContactInfoDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    choose(
        section,
        ann.quote,
        CUSTOMER,
        "update_details",
        (UpdateCustomerDialog, lambda dialog: dialog.form.editPhonesButton.click()),
        (EditContactInfoDialog, look),
    )
    assert seen and "Ann Lee" in seen[0], "Edit Contact Info opened on Ann"
