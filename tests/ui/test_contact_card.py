"""The contact card panel: collapse and reopen, sections that fold, and both remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QToolButton

from contact_desk.app import create_main_window
from contact_desk.ui.card.panel import SECTIONS

SECTION_NAMES = [f"section_{name}" for name, _ in SECTIONS]


def open_ann(window):
    window.open_customer(window.results.hit(0).id)


def test_the_sections_come_in_the_agreed_order(window):
    open_ann(window)
    card = window.findChild(QFrame, "contactCard")
    found = [child.objectName() for child in card.findChildren(QFrame)
             if child.objectName().startswith("section_")]
    assert found == SECTION_NAMES


def test_the_arrow_hides_the_card_and_the_license_icon_brings_it_back(qtbot, window):
    open_ann(window)
    card = window.findChild(QFrame, "contactCard")
    reopen = window.findChild(QToolButton, "contactCardReopen")
    assert card.isVisible() and not reopen.isVisible()
    assert not reopen.icon().isNull()
    qtbot.mouseClick(window.findChild(QToolButton, "contactCardToggle"),
                     Qt.MouseButton.LeftButton)
    assert not card.isVisible() and reopen.isVisible()
    qtbot.mouseClick(reopen, Qt.MouseButton.LeftButton)
    assert card.isVisible() and not reopen.isVisible()


def test_ctrl_k_toggles_the_card(qtbot, window):
    open_ann(window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_card.collapsed
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert not window.contact_card.collapsed


def test_a_section_folds_from_its_arrow(qtbot, window):
    open_ann(window)
    section = window.findChild(QFrame, "section_garage")
    qtbot.mouseClick(section.toggle, Qt.MouseButton.LeftButton)
    assert not section.body.isVisible() and section.heading.isVisible()
    qtbot.mouseClick(section.toggle, Qt.MouseButton.LeftButton)
    assert section.body.isVisible()


def test_panel_and_section_states_survive_a_restart(qtbot, window, database_url):
    open_ann(window)
    window.contact_card.sections["notes"].set_open(False)
    window.contact_card.sections["insight"].set_open(False)
    window.contact_card.set_collapsed(True)
    window.close()

    again = create_main_window(database_url)
    qtbot.addWidget(again)
    assert again.contact_card.collapsed
    closed = {name for name, section in again.contact_card.sections.items()
              if not section.is_open}
    assert closed == {"notes", "insight"}
