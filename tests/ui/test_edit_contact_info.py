"""The Edit Contact Info dialog: check as you type, save once, DMS note, conflicts, undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from contact_desk.domain.enums import ContactKind, ContactStatus
from contact_desk.services.contact_info import add_contact_point
from contact_desk.services.customers import get_customer
from contact_desk.ui.edit_contact_info import EditContactInfoDialog
from tests.ui.modal import when_open

PHONE, EMAIL = ContactKind.PHONE, ContactKind.EMAIL


@pytest.fixture
def page(qtbot, window):
    window.open_customer(window.results.hit(0).id)  # Ann Lee
    return window.customer_page


@pytest.fixture
def dialog(qtbot, page) -> Iterator[EditContactInfoDialog]:
    box = EditContactInfoDialog(page.view, "US", page._save_from_dialog)
    box.show()
    yield box
    box.done(0)  # closed without the discard question a clerk would get
    box.deleteLater()




def type_into(qtbot, row, text: str) -> None:
    row.form.valueEdit.selectAll()
    qtbot.keyClick(row.form.valueEdit, Qt.Key.Key_Delete)
    qtbot.keyClicks(row.form.valueEdit, text)


def test_every_phone_and_email_has_a_row_and_save_waits_for_a_change(dialog):
    assert [r.form.typeLabel.text() for r in dialog.rows_of(PHONE)] == [
        "Cell Phone Number in DMS", "Home Phone Number in DMS", "Phone Number Dealer Added"]
    assert len(dialog.rows_of(EMAIL)) == 2
    assert not dialog.save_button.isEnabled()


def test_editing_a_dms_row_says_the_change_stays_here(qtbot, dialog):
    dms, dealer = dialog.rows_of(PHONE)[0], dialog.rows_of(PHONE)[2]
    assert not dms.form.dmsNote.isVisible()
    type_into(qtbot, dms, "2125550150")
    type_into(qtbot, dealer, "2125550151")
    assert dms.form.dmsNote.isVisible() and not dealer.form.dmsNote.isVisible()
    assert "not sent to the DMS" in dms.form.dmsNote.text()
    assert "DMS stays the place to change it" in dms.form.dmsNote.text()


def test_an_invalid_value_is_marked_with_the_reason_and_blocks_save(qtbot, dialog):
    row = dialog.rows_of(PHONE)[1]
    type_into(qtbot, row, "555-01")
    assert row.form.problemLabel.isVisible()
    assert "not a valid phone number" in row.form.problemLabel.text()
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, row, "2125550150")
    assert not row.form.problemLabel.isVisible()
    assert dialog.save_button.isEnabled()


def test_a_bad_email_is_marked_too(qtbot, dialog):
    row = dialog.add_row(EMAIL)
    qtbot.keyClicks(row.form.valueEdit, "ann@@example")
    assert row.form.problemLabel.isVisible() and not dialog.save_button.isEnabled()


def test_a_new_phone_is_formatted_as_it_is_typed(qtbot, dialog):
    qtbot.mouseClick(dialog.form.addPhoneButton, Qt.MouseButton.LeftButton)
    row = dialog.rows_of(PHONE)[-1]
    assert row.form.typeLabel.text() == "Phone Number Dealer Added"
    assert QApplication.focusWidget() is row.form.valueEdit
    qtbot.keyClicks(row.form.valueEdit, "2125550199")
    assert row.form.valueEdit.text() == "(212) 555-0199"


def test_save_keeps_every_change_and_the_page_shows_it(qtbot, dialog, page, database, customers):
    type_into(qtbot, dialog.rows_of(PHONE)[1], "(212) 555-0150")
    dialog.rows_of(PHONE)[0].form.statusCombo.setCurrentText("Inactive")
    row = dialog.add_row(EMAIL)
    qtbot.keyClicks(row.form.valueEdit, "Ann.Work@Example.com")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = get_customer(database.unit_of_work(), customers.ann)
    phones = {p.display: p for p in stored.phones}
    assert phones["(212) 555-0142"].status is ContactStatus.INACTIVE
    assert phones["(212) 555-0150"].is_primary  # the primary moved off the inactive cell
    assert "ann.work@example.com" in {e.display for e in stored.emails}
    assert page.phones.index(1, 2).data() == "(212) 555-0150"
    assert "moved" in page.form.contactWarning.text()


def test_a_refused_save_keeps_the_dialog_and_what_was_typed(qtbot, dialog, database, customers):
    type_into(qtbot, dialog.rows_of(PHONE)[1], "(212) 555-0142")  # the cell's number again
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "already on this customer" in dialog.form.saveError.text()
    assert dialog.rows_of(PHONE)[1].form.valueEdit.text() == "(212) 555-0142"
    stored = get_customer(database.unit_of_work(), customers.ann)
    assert [p.display for p in stored.phones][1] == "(212) 555-0143"


def test_the_whole_edit_flow_from_the_button_and_undo(qtbot, window, page, database, customers):
    def edit(dialog):
        type_into(qtbot, dialog.rows_of(PHONE)[1], "2125550177")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_open(EditContactInfoDialog, edit)
    qtbot.mouseClick(page.form.editContactInfoButton, Qt.MouseButton.LeftButton)
    assert page.phones.index(1, 2).data() == "(212) 555-0177"
    window.undo_action.trigger()
    assert get_customer(database.unit_of_work(), customers.ann).phones[1].display \
        == "(212) 555-0143"
    assert page.phones.index(1, 2).data() == "(212) 555-0143"
    window.redo_action.trigger()
    assert page.phones.index(1, 2).data() == "(212) 555-0177"


def test_a_conflict_says_so_reloads_and_keeps_the_clerks_edit(qtbot, page, database, manager,
                                                             customers):
    said: list[str] = []
    saves = []

    def first(dialog):
        type_into(qtbot, dialog.rows_of(PHONE)[1], "2125550177")
        add_contact_point(database.unit_of_work(), manager, customers.ann, PHONE,
                          "(917) 555-0111")  # another desk saves first
        when_open(QMessageBox, read_and_close)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def read_and_close(box):
        said.append(box.text())
        box.accept()
        when_open(EditContactInfoDialog, second)

    def second(dialog):
        saves.append([r.form.valueEdit.text() for r in dialog.rows_of(PHONE)])
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_open(EditContactInfoDialog, first)
    page.edit_contact_info()
    assert said and "Another desk" in said[0]
    assert saves == [["(212) 555-0142", "(212) 555-0177", "(646) 555-0188", "(917) 555-0111"]]
    stored = [p.display for p in get_customer(database.unit_of_work(), customers.ann).phones]
    assert stored == ["(212) 555-0142", "(212) 555-0177", "(646) 555-0188", "(917) 555-0111"]


def test_cancel_with_changes_asks_before_discarding(qtbot, dialog):
    type_into(qtbot, dialog.rows_of(PHONE)[1], "2125550177")
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    dialog.reject()
    assert dialog.isVisible()
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    dialog.reject()
    assert not dialog.isVisible()
