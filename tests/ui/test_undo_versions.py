"""Undo and redo carry the version they expect, like any other save: another desk's change
in between refuses them with a clear message, and nothing is overwritten."""

from __future__ import annotations

from PySide6.QtCore import Qt

from contact_desk.services import contact_info
from contact_desk.app import create_main_window
from contact_desk.domain.enums import ContactKind
from contact_desk.services.contact_info import ContactInfoChanges, PointChange
from contact_desk.services.customers import get_customer
from contact_desk.ui.contact_info_command import ContactInfoCommand
from contact_desk.ui.models.contact_points import CONTACT
from tests.ui.test_main_window import PRIMARY, open_customer


def second_desk(qtbot, database_url):
    other = create_main_window(database_url)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.results.rowCount() == 3)
    return other


def check_primary(window, row: int) -> None:
    phones = window.customer_page.phones
    assert phones.setData(phones.index(row, PRIMARY), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)


def primaries(database, customer_id) -> list[str]:
    return [p.display for p in get_customer(database.unit_of_work(), customer_id).phones
            if p.is_primary]


def with_a_work_phone(database, manager, customers) -> None:
    """Ann gets a third active phone, so three desks' choices can all differ."""
    contact_info.add_contact_point(database.unit_of_work(), manager, customers.ann,
                                     ContactKind.PHONE, "(212) 555-0177")


def check_value(window, display: str) -> None:
    phones = window.customer_page.phones
    row = next(r for r in range(phones.rowCount()) if phones.index(r, CONTACT).data() == display)
    check_primary(window, row)


def test_undo_after_another_desks_change_is_refused_and_keeps_theirs(
        qtbot, database, manager, database_url, customers, next_message_box):
    with_a_work_phone(database, manager, customers)
    desk_a, desk_b = second_desk(qtbot, database_url), second_desk(qtbot, database_url)
    open_customer(qtbot, desk_a, "ann")
    check_value(desk_a, "(212) 555-0143")  # desk A: the home phone
    open_customer(qtbot, desk_b, "ann")
    check_value(desk_b, "(212) 555-0177")  # desk B, after A: the new one
    said = next_message_box()
    desk_a.undo_stack.undo()  # desk A's Ctrl+Z
    qtbot.waitUntil(lambda: bool(said))
    assert "another desk" in said[0].lower() and "nothing was" in said[0].lower()
    assert primaries(database, customers.ann) == ["(212) 555-0177"], "B's choice was overwritten"


def test_undo_and_redo_without_anyone_in_between_go_through(qtbot, window, database, customers):
    open_customer(qtbot, window, "ann")
    check_primary(window, 1)
    window.undo_stack.undo()
    assert primaries(database, customers.ann) == ["(212) 555-0142"]
    window.undo_stack.redo()
    assert primaries(database, customers.ann) == ["(212) 555-0143"]
    window.undo_stack.undo()
    assert primaries(database, customers.ann) == ["(212) 555-0142"]
    assert isinstance(window.undo_stack.command(0), ContactInfoCommand)


def test_redo_after_another_desks_change_is_refused(
        qtbot, database, manager, database_url, customers, next_message_box):
    with_a_work_phone(database, manager, customers)
    desk_a, desk_b = second_desk(qtbot, database_url), second_desk(qtbot, database_url)
    open_customer(qtbot, desk_a, "ann")
    check_value(desk_a, "(212) 555-0143")
    desk_a.undo_stack.undo()
    open_customer(qtbot, desk_b, "ann")
    check_value(desk_b, "(212) 555-0177")
    said = next_message_box()
    desk_a.undo_stack.redo()
    qtbot.waitUntil(lambda: bool(said))
    assert "another desk" in said[0].lower() and "nothing was" in said[0].lower()
    assert primaries(database, customers.ann) == ["(212) 555-0177"]


def test_undoing_a_value_edit_after_another_desk_edited_it_again_is_refused(
        qtbot, database, database_url, customers, next_message_box):
    desk_a, desk_b = second_desk(qtbot, database_url), second_desk(qtbot, database_url)
    for desk, new in ((desk_a, "(212) 555-0177"), (desk_b, "(212) 555-0188")):
        open_customer(qtbot, desk, "ann")
        cell = desk.customer_page.view.phones[0]
        desk.customer_page._save_from_dialog(  # what Edit Contact Info's Save hands over
            ContactInfoChanges(edits=(PointChange(cell.id, text=new),)))
    said = next_message_box()
    desk_a.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(said))
    assert "another desk" in said[0].lower()
    ann = get_customer(database.unit_of_work(), customers.ann)
    assert ann.phones[0].display == "(212) 555-0188"
