"""A value pasted too long into a dialog is kept whole in its field and refused with the
reason from domain/limits (Save waits), never cut by the field: the clerk sees what is wrong
instead of a street address or a role quietly losing its end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from contact_desk.domain.enums import ContactRole
from contact_desk.services.customers import open_customer
from contact_desk.ui.card.dialogs import VehicleDialog
from contact_desk.ui.contact_dialog import ContactDialog
from contact_desk.ui.desk import Desk
from contact_desk.ui.program_customer_dialogs import UpdateCustomerDialog


def paste(qtbot, edit, text: str) -> None:
    """Select what is there and paste ``text`` over it, as Ctrl+V does."""
    edit.selectAll()
    edit.insert(text)
    assert edit.text() == text, f"{edit.objectName()} cut the paste"


def test_a_street_address_pasted_too_long_waits_with_the_reason(qtbot, database, manager,
                                                                customers):
    dialog = UpdateCustomerDialog(Desk(database, manager), Desk(database, manager)
                                  .customer(customers.ann))
    qtbot.addWidget(dialog)
    before = open_customer(database.unit_of_work(), customers.ann)
    paste(qtbot, dialog.form.addressLine1Edit, "1 Main Street, Apartment 4, " * 5)

    assert not dialog.save_button.isEnabled()
    assert dialog.form.saveReason.text() == \
        "Street address is too long (at most 120 characters)."
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert open_customer(database.unit_of_work(), customers.ann).version == before.version

    paste(qtbot, dialog.form.addressLine1Edit, "1 Main Street, Apartment 4")
    paste(qtbot, dialog.form.postalCodeEdit, "12345-6789 12345-6789")
    assert dialog.form.saveReason.text() == "ZIP code is too long (at most 20 characters)."


def test_a_role_description_pasted_too_long_is_refused_whole(qtbot):
    saved: list[object] = []
    dialog = ContactDialog("US", saved.append, lambda person, form: None)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.firstNameEdit.setText("Bo")
    form.lastNameEdit.setText("Ray")
    form.roleCombo.setCurrentIndex(form.roleCombo.findData(ContactRole.OTHER))
    paste(qtbot, form.roleDescriptionEdit, "Fleet coordinator for the northern region " * 3)

    assert "too long (at most 80 characters)" in dialog.problems()["role_description"]
    dialog.save()
    assert saved == [] and dialog.result() == 0


def test_a_make_model_or_vin_pasted_too_long_is_refused_whole(qtbot):
    saved: list[tuple] = []
    dialog = VehicleDialog("Add a vehicle", lambda *typed: saved.append(typed))
    qtbot.addWidget(dialog)
    form = dialog.form
    paste(qtbot, form.vinEdit, "1HGCM82633A004352")
    paste(qtbot, form.makeEdit, "Honda")
    paste(qtbot, form.modelEdit, "Accord Hybrid Touring with the technology package " * 2)
    QTest.keyClicks(form.modelEdit, " ")  # the check runs on what the clerk edits
    assert not dialog.save_button.isEnabled()
    assert "at most 60 characters" in form.problemLabel.text()

    paste(qtbot, form.modelEdit, "Accord")
    paste(qtbot, form.vinEdit, "1HGCM82633A004352 5N1FNSHC1TU281580")  # two VINs at once
    QTest.keyClicks(form.vinEdit, " ")
    assert not dialog.save_button.isEnabled()
    assert form.problemLabel.text() == "A VIN has 17 characters; this one has 34."
    assert saved == []
