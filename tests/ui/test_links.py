"""Household and Relationships on the card: Link a customer… (found as you type, what they
are, contracts for a co-buyer), each link a click away from both customers, Unlink after a
question, each undoable from the Edit menu, a refusal said in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from contact_desk.domain.household import Relation
from contact_desk.services.households import link_customers
from contact_desk.ui.card.links import LinkDialog
from tests.ui.modal import when_open
from tests.ui.test_undo_every_change import redo, undo


def shown(window) -> list[str]:
    body = window.contact_card.links
    return [row.name.text() for row in body.listed.rows if not row.isHidden()]


def link_from_card(qtbot, window, query: str, relation: Relation, contracts: bool = False,
                   then=None) -> dict:
    seen: dict = {}

    def act(dialog: LinkDialog) -> None:
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.search.setText(query)
        qtbot.waitUntil(lambda: dialog.results.query == query and not dialog.results.loading
                        and dialog.results.rowCount() > 0)
        dialog.table.selectRow(0)
        dialog.relation.setCurrentIndex(dialog.relation.findData(relation))
        seen["contracts enabled"] = dialog.contracts.isEnabled()
        if contracts:  # as the clerk does: a greyed box does not tick
            qtbot.mouseClick(dialog.contracts, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
        seen["open after"] = dialog.isVisible()
        seen["problem"] = dialog.problem.text()
        if dialog.isVisible():
            dialog.reject()

    when_open(LinkDialog, act)
    qtbot.mouseClick(window.contact_card.findChild(QPushButton, "linkCustomerButton"),
                     Qt.MouseButton.LeftButton)
    return seen


def test_link_a_customer_from_the_card_and_open_them(qtbot, window, customers):
    window.open_customer(customers.ann)
    assert shown(window) == []

    seen = link_from_card(qtbot, window, "Stone", Relation.CO_BUYER, contracts=True)

    assert seen == {"contracts enabled": True, "open after": False, "problem": ""}
    assert shown(window) == ["Co-buyer: C2 (Bob Stone); receives contracts"]
    heading = window.contact_card.sections["links"].heading.text()
    assert heading == "Household and Relationships (1)"
    row = window.contact_card.links.listed.rows[0]
    qtbot.mouseClick(row.name, Qt.MouseButton.LeftButton)
    assert window.customer_page.view.id == customers.bob
    assert shown(window) == ["Co-buyer: C1 (Ann Lee); receives contracts"]


def test_a_link_is_undone_and_redone_from_the_edit_menu(qtbot, window, customers):
    window.open_customer(customers.ann)
    link_from_card(qtbot, window, "Young", Relation.CHILD)
    assert shown(window) == ["Child: C3 (Cy Young)"]

    undo(window)
    assert shown(window) == []
    redo(window)
    assert shown(window) == ["Child: C3 (Cy Young)"]
    window.open_customer(customers.cy)
    assert shown(window) == ["Parent: C1 (Ann Lee)"]


def test_a_refused_link_is_said_in_the_dialog(qtbot, window, customers, database, manager):
    link_customers(database.unit_of_work(), manager, customers.ann, customers.bob,
                   Relation.SPOUSE)
    window.open_customer(customers.ann)

    seen = link_from_card(qtbot, window, "Stone", Relation.PARENT)

    assert seen["open after"]
    assert seen["problem"] == "Bob Stone is linked to Ann Lee already, as spouse or partner."
    assert shown(window) == ["Spouse or partner: C2 (Bob Stone)"]


def test_contracts_only_for_a_co_buyer(qtbot, window, customers):
    window.open_customer(customers.ann)
    seen = link_from_card(qtbot, window, "Stone", Relation.SPOUSE, contracts=True)
    assert not seen["contracts enabled"]
    assert shown(window) == ["Spouse or partner: C2 (Bob Stone)"]


def test_unlink_asks_first_and_is_undone(qtbot, window, customers, database, manager,
                                         next_message_box):
    link_customers(database.unit_of_work(), manager, customers.ann, customers.bob,
                   Relation.SPOUSE)
    window.open_customer(customers.ann)
    row = window.contact_card.links.listed.rows[0]

    said = next_message_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(row.unlink, Qt.MouseButton.LeftButton)

    assert said == ["Unlink C2 (Bob Stone) (spouse or partner)?"]
    assert shown(window) == []
    undo(window)
    assert shown(window) == ["Spouse or partner: C2 (Bob Stone)"]
