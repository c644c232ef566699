"""The History dialog on the customer on screen (Edit > History…, Ctrl+H): every change,
newest first, as plain text; filters by kind; Refresh; Export CSV through the save dialog."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from contact_desk.services.activity import add_note
from contact_desk.ui.history_dialog import HistoryDialog
from tests.ui.modal import answer_file_dialog, when_open

MARKUP = '<span style="font-size:60px;color:red">URGENT</span>'


def cells(dialog: HistoryDialog, column: str) -> list[str]:
    model = dialog.model
    number = [c.header for c in model.columns].index(column)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_ctrl_h_opens_the_history_of_the_customer_on_screen(qtbot, window, customers,
                                                           database, manager):
    add_note(database.unit_of_work(), manager, customers.ann, MARKUP)
    window.open_customer(customers.ann)
    seen = {}

    def look(dialog: HistoryDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["first"] = (cells(dialog, "What")[0], cells(dialog, "New")[0])
        seen["plain"] = dialog.heading.textFormat()
        seen["rows"] = dialog.model.rowCount()
        dialog.reject()

    when_open(HistoryDialog, look)
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert seen["title"] == "History — Ann Lee"
    assert seen["first"] == ("Note", MARKUP)  # the text as it is, newest first
    assert seen["plain"] == Qt.TextFormat.PlainText and seen["rows"] > 5


def test_filters_refresh_and_export(qtbot, window, customers, database, manager, tmp_path,
                                    next_message_box):
    window.open_customer(customers.ann)
    dialog = HistoryDialog(window.desk, customers.ann, window)
    qtbot.addWidget(dialog)
    every = dialog.model.rowCount()
    for name, box in dialog.group_boxes.items():
        box.setChecked(name.name == "CONSENT")
    assert dialog.model.rowCount() == 0  # Ann's consent never changed
    assert dialog.count.text() == f"0 of {every:,} changes shown."
    cy = HistoryDialog(window.desk, customers.cy, window)
    qtbot.addWidget(cy)
    for name, box in cy.group_boxes.items():
        box.setChecked(name.name == "CONSENT")
    assert (cells(cy, "Field"), cells(cy, "Old"), cells(cy, "New")) == (
        ["Texts: marketing", "Texts: transactional"], ["Not asked"] * 2, ["Opted out"] * 2)
    dialog.group_boxes[next(iter(dialog.group_boxes))].setChecked(True)  # phones and emails
    shown = dialog.model.rowCount()
    assert 0 < shown < every
    assert dialog.count.text() == f"{shown:,} of {every:,} changes shown."

    add_note(database.unit_of_work(), manager, customers.ann, "Another desk's note")
    dialog.refresh_button.click()
    assert dialog.model.rowCount() == shown  # notes are filtered out
    for box in dialog.group_boxes.values():
        box.setChecked(True)
    assert dialog.model.rowCount() == every + 1
    assert cells(dialog, "New")[0] == "Another desk's note"

    path = tmp_path / "ann.csv"
    answer_file_dialog(path)
    said = next_message_box()
    dialog.export_button.click()
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert len(rows) == every + 2 and rows[1][7] == "Another desk's note"
    assert said == [f"{every + 1:,} changes were written to {path}."]
    assert all(isinstance(label, QLabel) for label in (dialog.heading, dialog.count))
