"""The Contacts section: the table, the Add Contact dialog, invites and removal."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMessageBox

from contact_desk.domain.enums import CommunicationPreference, ContactRole
from contact_desk.services.additional_contacts import add_contact
from contact_desk.services.customers import get_customer
from contact_desk.ui.contact_dialog import ContactDialog
from contact_desk.ui.models.additional_contacts import ACTIONS
from contact_desk.ui.row_actions import RowAction
from contact_desk.services.forms import ContactForm
from tests.ui.modal import when_open

PREFS = CommunicationPreference




@pytest.fixture
def melissa(database, manager, customers) -> int:
    return add_contact(
        database.unit_of_work(),
        manager,
        customers.ann,
        ContactForm(
            first_name="Melissa",
            last_name="Lee",
            role=ContactRole.SPOUSE,
            email="melissa@example.com",
            phone="2125550160",
            primary_contact=True,
            portal_access=True,
            preferences=[PREFS.SCHEDULING, PREFS.INVOICES, PREFS.CAR_UPDATES],
        ),
    )


@pytest.fixture
def page(qtbot, window, melissa):
    window.open_customer(window.results.hit(0).id)  # Ann Lee
    return window.customer_page


@pytest.fixture
def dialog(qtbot, page):
    section = page.contacts
    box = ContactDialog(
        "US",
        lambda form: section.desk.add_contact(page.view.id, form, page.view.version),
        lambda person, form: section.desk.use_existing_contact(page.view.id, person, form),
    )
    box.show()
    yield box
    box.done(0)
    box.deleteLater()


def fill(qtbot, dialog, first="Tom", last="Brown", email="", phone=""):
    form = dialog.form
    for edit, text in (
        (form.firstNameEdit, first),
        (form.lastNameEdit, last),
        (form.emailEdit, email),
        (form.phoneEdit, phone),
    ):
        if text:
            qtbot.keyClicks(edit, text)


def action(page, row: int, name: str) -> tuple[RowAction, QRect]:
    """The button ``name`` the table draws in the row's last cell, and where it is."""
    table = page.form.additionalContactsTable
    cell = table.visualRect(page.contacts.model.index(row, ACTIONS))
    drawn = table.itemDelegateForColumn(ACTIONS).button_rects(row, cell)
    return next((found, rect) for found, rect in drawn if found.name == name)


def click(qtbot, page, row: int, name: str) -> None:
    """A click on the drawn button, as the mouse gives it to the table."""
    _, rect = action(page, row, name)
    qtbot.mouseClick(
        page.form.additionalContactsTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )


def test_the_table_shows_who_how_and_what_they_receive(page):
    model = page.contacts.model
    row = [model.index(0, c).data() for c in range(6)]
    assert row == [
        "Melissa Lee (primary)",
        "Spouse",
        "melissa@example.com",
        "(212) 555-0160",
        "3 of 6",
        "Portal Access",
    ]
    tip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "Scheduling" in tip and "Car Updates" in tip and "Invoices" in tip
    assert page.form.additionalContactsTable.objectName() == "additionalContactsTable"


def test_save_waits_for_both_names(qtbot, dialog):
    assert not dialog.save_button.isEnabled()
    fill(qtbot, dialog, first="Tom", last="")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.form.lastNameEdit, "Brown")
    assert dialog.save_button.isEnabled()


def test_other_needs_a_description(qtbot, dialog):
    fill(qtbot, dialog)
    dialog.form.roleCombo.setCurrentText("Other")
    assert dialog.form.roleDescriptionEdit.isEnabled()
    assert "Describe the role" in dialog.form.roleDescriptionProblem.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.form.roleDescriptionEdit, "Fleet coordinator")
    assert dialog.save_button.isEnabled()


def test_portal_access_is_disabled_without_an_email_and_says_why(qtbot, dialog):
    check, reason = dialog.form.portalAccessCheck, dialog.form.portalAccessReason
    assert not check.isEnabled()
    assert reason.isVisible() and "needs an email" in reason.text()
    qtbot.keyClicks(dialog.form.emailEdit, "tom@example.com")
    assert check.isEnabled() and not reason.isVisible()
    check.setChecked(True)
    dialog.form.emailEdit.clear()
    dialog.form.emailEdit.textEdited.emit("")
    assert not check.isChecked() and not check.isEnabled()


def test_a_bad_phone_is_marked_under_its_field(qtbot, dialog):
    fill(qtbot, dialog, phone="555-01")
    assert "not a valid phone number" in dialog.form.phoneProblem.text()
    assert not dialog.save_button.isEnabled()


def test_adding_a_contact_from_the_button(qtbot, page, database, customers):
    def add(dialog):
        fill(qtbot, dialog, email="tom@example.com")
        dialog.form.roleCombo.setCurrentText("Bookkeeper")
        dialog.form.prefInvoices.setChecked(True)
        dialog.form.portalAccessCheck.setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_open(ContactDialog, add)
    qtbot.mouseClick(page.form.addContactButton, Qt.MouseButton.LeftButton)
    stored = get_customer(database.unit_of_work(), customers.ann).contacts
    tom = next(c for c in stored if c.first_name == "Tom")
    assert (tom.role, tom.portal_access, tom.preferences) == (
        ContactRole.BOOKKEEPER,
        True,
        (PREFS.INVOICES,),
    )
    assert page.contacts.model.rowCount() == 2


def test_an_email_of_another_contact_offers_to_use_that_contact(
    qtbot, page, dialog, database, manager, customers
):
    fill(qtbot, dialog, first="Mel", last="Lee", email="MELISSA@example.com")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "already belongs to Melissa Lee" in dialog.form.saveError.text()
    assert dialog.form.useExistingButton.isVisible()
    # on another customer's page the same person is linked, not duplicated
    other = ContactDialog(
        "US",
        lambda form: None,
        lambda person, form: page.desk.use_existing_contact(customers.bob, person, form),
    )
    other._existing_id = dialog._existing_id
    other.use_existing()
    bob = get_customer(database.unit_of_work(), customers.bob).contacts
    ann = get_customer(database.unit_of_work(), customers.ann).contacts
    assert [c.person_id for c in bob] == [ann[0].person_id]
    other.deleteLater()


def test_editing_uses_the_same_dialog_with_save_changes(qtbot, page, database, customers):
    def edit(dialog):
        assert dialog.save_button.text() == "Save Changes"
        assert dialog.form.firstNameEdit.text() == "Melissa"
        dialog.form.prefMarketing.setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_open(ContactDialog, edit)
    click(qtbot, page, 0, "editContactButton")
    (stored,) = get_customer(database.unit_of_work(), customers.ann).contacts
    assert PREFS.MARKETING in stored.preferences
    assert page.contacts.model.index(0, 4).data() == "4 of 6"


def test_delete_names_the_person_and_what_they_stop_receiving(qtbot, page, database, customers):
    said = []

    def answer(box, choice):
        said.append(box.text())
        button = next(b for b in box.buttons() if b.text() == choice)
        button.click()

    when_open(QMessageBox, lambda box: answer(box, "Cancel"))
    click(qtbot, page, 0, "deleteContactButton")
    assert "Melissa Lee" in said[0] and "Scheduling, Car Updates, Invoices" in said[0]
    assert len(get_customer(database.unit_of_work(), customers.ann).contacts) == 1
    when_open(QMessageBox, lambda box: answer(box, "Remove"))
    click(qtbot, page, 0, "deleteContactButton")
    assert get_customer(database.unit_of_work(), customers.ann).contacts == ()
    assert page.contacts.model.rowCount() == 0


def test_send_invite_is_disabled_without_portal_access(qtbot, page, database, manager, customers):
    add_contact(
        database.unit_of_work(),
        manager,
        customers.ann,
        ContactForm(first_name="Tom", last_name="Brown", role=ContactRole.ASSISTANT),
    )
    page.reload()
    button, _ = action(page, 1, "sendInviteButton")
    assert not button.enabled
    assert "does not have portal access" in button.tip


def test_without_a_mail_server_the_invite_is_saved_as_a_file(
    qtbot, page, database, customers, tmp_path, monkeypatch
):
    monkeypatch.setenv("CONTACT_DESK_OUTBOX", str(tmp_path / "outbox"))
    said = []
    when_open(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    click(qtbot, page, 0, "sendInviteButton")
    files = list((tmp_path / "outbox").glob("*.eml"))
    assert len(files) == 1 and str(files[0]) in said[0]
    message = message_from_bytes(Path(files[0]).read_bytes(), policy=policy.default)
    assert message["To"].addresses[0].addr_spec == "melissa@example.com"
    (stored,) = get_customer(database.unit_of_work(), customers.ann).contacts
    assert stored.invite_sent_at is not None
    assert action(page, 0, "sendInviteButton")[0].text == "Send invite again"


def test_with_a_mail_server_the_invite_is_emailed(
    qtbot, window, page, mail_server, database, customers
):
    from contact_desk.ui.mail_settings import MailSettingsDialog

    inbox, reachable = mail_server()

    def fill_settings(dialog):
        form = dialog.form
        form.hostEdit.setText(reachable.host)
        form.portSpin.setValue(reachable.port)
        form.securityCombo.setCurrentText("None")
        form.fromAddressEdit.setText("not an address")
        dialog.form.buttonBox.button(dialog.form.buttonBox.StandardButton.Save).click()
        assert dialog.isVisible() and dialog.form.saveError.isVisible()
        form.fromAddressEdit.setText("Desk@Lakeside.example")
        form.dealershipEdit.setText("Lakeside Motors")
        dialog.form.buttonBox.button(dialog.form.buttonBox.StandardButton.Save).click()

    when_open(MailSettingsDialog, fill_settings)
    window.mail_settings_action.trigger()
    assert window.desk.mail_settings().from_address == "desk@lakeside.example"

    said = []
    when_open(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    click(qtbot, page, 0, "sendInviteButton")
    assert said and "was sent to Melissa Lee at melissa@example.com" in said[0]
    (message,) = inbox.messages
    assert message["To"].addresses[0].addr_spec == "melissa@example.com"
    assert "Lakeside Motors" in message["Subject"]
    assert "Melissa" in message.get_content()


def test_closing_with_typed_details_asks_before_discarding(qtbot, dialog):
    fill(qtbot, dialog)
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    dialog.reject()
    assert dialog.isVisible() and dialog.form.firstNameEdit.text() == "Tom"
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    dialog.reject()
    assert not dialog.isVisible()


def test_a_name_pasted_too_long_is_kept_whole_and_refused_never_cut(qtbot):
    saved: list[object] = []
    dialog = ContactDialog("US", saved.append, lambda person, form: None)
    qtbot.addWidget(dialog)
    long_name = "Bartholomew" * 12  # 132 characters, pasted from somewhere
    dialog.form.firstNameEdit.setText(long_name)
    dialog.form.lastNameEdit.setText("Lee")
    assert dialog.form.firstNameEdit.text() == long_name  # not silently cut to 80
    assert "too long (at most 80 characters)" in dialog.problems().get("first_name", "")
    dialog.save()
    assert saved == [] and dialog.result() == 0
