"""Merge With…: the two customers side by side, a choice per field with the default picked,
what moves, Merge (refusals said as the service words them, nothing merged), by keyboard;
from the Edit menu, with Edit > Undo unmerging."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListWidget, QRadioButton

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.merge import MergeField, Side
from contact_desk.services.customers import get_customer, open_customer, update_customer_details
from contact_desk.services.forms import CustomerForm
from contact_desk.ui.desk import Desk
from contact_desk.ui.merge_dialog import MergeDialog, PickCustomerDialog, choice_name
from tests.services.merging import ann_twice
from tests.ui.modal import when_open
from tests.ui.test_card_sections import VINS
from tests.ui.test_undo_every_change import redo, undo, undo_says


@pytest.fixture
def pair(database, manager):
    return ann_twice(database, manager, lambda serial: VINS[0])


def dialog_for(qtbot, database, actor, pair) -> MergeDialog:
    desk = Desk(database, actor)
    preview = desk.merge_preview(pair.keep, pair.other)
    dialog = MergeDialog(preview, lambda choices: desk.merge_customers(
        pair.keep, pair.other, choices, preview.keep.version, preview.other.version))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def radio(dialog, merge_field: MergeField, side: Side) -> QRadioButton:
    return dialog.findChild(QRadioButton, choice_name(merge_field, side))


def listed(dialog, name: str) -> list[str]:
    widget = dialog.findChild(QListWidget, name)
    return [widget.item(row).text() for row in range(widget.count())]


def test_the_two_side_by_side_with_each_default_picked_and_what_moves(
        qtbot, database, manager, pair):
    dialog = dialog_for(qtbot, database, manager, pair)
    assert radio(dialog, MergeField.BIRTH_DATE, Side.OTHER).isChecked()  # the kept had none
    assert radio(dialog, MergeField.ADDRESS, Side.KEEP).isChecked()
    assert radio(dialog, MergeField.ADDRESS, Side.OTHER).text() == "(none)"
    assert radio(dialog, MergeField.FIRST_NAME, Side.KEEP) is None  # the same on both
    assert dialog.findChild(QLabel, "merge_phones_other").text() == "(312) 555-0142 (primary)"
    assert "(312) 555-0142" in listed(dialog, "movingList")
    assert "Cy Books (bookkeeper)" in listed(dialog, "movingList")
    assert listed(dialog, "keptOnceList") == ["ann@example.com", "Bo Lee"]
    phone = dialog.findChild(QComboBox, "primaryPhoneCombo")
    assert phone.currentText().startswith("(312) 555-0100")
    assert phone.count() == 2
    assert dialog.merge_button.isEnabled()


def test_merge_by_keyboard_saves_the_values_picked(qtbot, database, manager, pair):
    dialog = dialog_for(qtbot, database, manager, pair)
    dialog.activateWindow()
    first = radio(dialog, MergeField.BIRTH_DATE, Side.OTHER)
    # the first choice has the focus, on its default
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    keep_address = radio(dialog, MergeField.ADDRESS, Side.KEEP)
    form = dialog.form
    reached = []
    for _ in range(8):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [keep_address, radio(dialog, MergeField.SALES, Side.OTHER),
                       form.primaryPhoneCombo, form.primaryEmailCombo, form.movingList,
                       form.keptOnceList, dialog.merge_button,
                       form.buttonBox.button(form.buttonBox.StandardButton.Cancel)]
    keep_address.setFocus()
    QTest.keyClick(keep_address, Qt.Key.Key_Right)  # the merged-in customer's: none
    assert radio(dialog, MergeField.ADDRESS, Side.OTHER).isChecked()
    phone = dialog.findChild(QComboBox, "primaryPhoneCombo")
    phone.setCurrentIndex(phone.findText("(312) 555-0142", Qt.MatchFlag.MatchStartsWith))
    assert dialog.merge_button.text() == "&Merge"  # Alt+M, as well as Enter
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert dialog.form.problemLabel.text() == ""
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.done_merge is not None
    survivor = get_customer(database.unit_of_work(), f"#{pair.keep}")
    assert survivor.address_line1 == "" and str(survivor.birth_date) == "1980-05-01"
    assert [p.display for p in survivor.phones if p.is_primary] == ["(312) 555-0142"]


def test_a_merge_after_another_desk_changed_one_is_refused_in_its_words(
        qtbot, database, manager, pair):
    dialog = dialog_for(qtbot, database, manager, pair)
    update_customer_details(database.unit_of_work(), manager, pair.other,
                            CustomerForm(first_name="Anne", last_name="Lee"))
    dialog.merge_button.click()

    problem = dialog.findChild(QLabel, "problemLabel")
    assert dialog.isVisible() and problem.isVisible()
    assert problem.text().startswith("Another desk changed Anne Lee")
    assert "Nothing was merged" in problem.text()
    assert open_customer(database.unit_of_work(), pair.other).phones  # nothing moved


def test_someone_who_may_not_merge_is_told_why_and_merge_is_greyed(
        qtbot, database, clerk, pair):
    dialog = dialog_for(qtbot, database, clerk, pair)
    problem = dialog.findChild(QLabel, "problemLabel")
    assert not dialog.merge_button.isEnabled()
    assert problem.isVisible() and "Casey Clerk does not have the permission to merge" in \
        problem.text()


def test_picking_the_customer_itself_is_refused_in_the_picker(qtbot, database, manager, pair):
    picker = PickCustomerDialog(Desk(database, manager), pair.keep)
    qtbot.addWidget(picker)
    picker.show()
    picker.form.searchEdit.setText("Ann Lee")
    qtbot.waitUntil(lambda: picker.results.query == "Ann Lee"
                    and not picker.results.loading and picker.results.rowCount() == 2)
    row = next(r for r in range(picker.results.rowCount())
               if picker.results.hit(r).id == pair.keep)
    picker.form.resultsTable.selectRow(row)
    picker.ok_button.click()
    assert picker.isVisible() and "cannot be merged with itself" in \
        picker.form.problemLabel.text()


def test_merge_with_from_the_edit_menu_then_undo_unmerges(qtbot, window, database, manager,
                                                          customers):
    window.open_customer(customers.ann)
    merge_action = window.findChild(type(window.undo_action), "mergeWithAction")
    assert merge_action.isEnabled()

    def pick(picker: PickCustomerDialog) -> None:
        QTest.keyClicks(picker.form.searchEdit, "Stone")
        qtbot.waitUntil(lambda: picker.results.query == "Stone"
                        and picker.results.rowCount() == 1)
        QTest.keyClick(picker.form.searchEdit, Qt.Key.Key_Return)  # to the first found
        QTest.keyClick(picker.form.resultsTable, Qt.Key.Key_Return)  # picked
        when_open(MergeDialog, merge)

    def merge(dialog: MergeDialog) -> None:
        assert dialog.preview.other.name == "Bob Stone"
        radio(dialog, MergeField.FIRST_NAME, Side.KEEP).setChecked(True)
        dialog.merge_button.click()

    when_open(PickCustomerDialog, pick)
    merge_action.trigger()

    page = window.customer_page
    assert page.view.id == customers.ann
    assert {p.display for p in page.view.emails} >= {"ann@example.com", "bob@example.com"}
    assert undo_says(window) == "Undo Merge with Bob Stone (C2)"
    assert get_customer(database.unit_of_work(), "C2").id == customers.ann

    undo(window)
    qtbot.waitUntil(lambda: "bob@example.com" not in {p.display for p in page.view.emails})
    assert get_customer(database.unit_of_work(), "C2").id == customers.bob
    assert [e.display for e in get_customer(database.unit_of_work(), "C2").emails] == [
        "bob@example.com"]

    redo(window)
    qtbot.waitUntil(lambda: "bob@example.com" in {p.display for p in page.view.emails})
    assert get_customer(database.unit_of_work(), "C2").id == customers.ann
    assert [p.kind for p in page.view.emails][0] is ContactKind.EMAIL
