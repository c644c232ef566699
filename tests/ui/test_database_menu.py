"""Which database the window is on: asked before one is created, New and Open Database in the
File menu, and a damaged file said at once, after which nothing more is saved to it."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from contact_desk import app
from contact_desk.domain.errors import DomainError
from contact_desk.services.card import contact_card
from contact_desk.services.customers import get_customer
from contact_desk.store.database import open_database
from contact_desk.ui.main_window import MainWindow
from tests.store.test_database import damaged_desk
from tests.ui.modal import answer_file_dialog, when_open


def press(button_text: str, said: list[str]):
    def act(box: QMessageBox) -> None:
        said.append(box.text())
        chosen = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        chosen.click()
    return act


def test_a_path_with_no_database_asks_before_creating_one(qtbot, tmp_path):
    path = tmp_path / "branch.sqlite3"
    said: list[str] = []
    when_open(QMessageBox, press("Cancel", said))
    assert app.open_or_offer_to_create(str(path)) is None
    assert f"There is no Contact Desk database at {path}" in said[0]
    assert not path.exists()

    when_open(QMessageBox, press("Create Database", said))
    database = app.open_or_offer_to_create(str(path))
    assert database is not None and database.created and path.is_file()
    database.dispose()


def test_enter_in_the_create_question_creates_nothing(qtbot, tmp_path):
    path = tmp_path / "typo.sqlite3"
    said: list[str] = []

    def enter(box: QMessageBox) -> None:
        said.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_open(QMessageBox, enter)
    assert app.open_or_offer_to_create(str(path)) is None
    assert said and not path.exists()


def other_windows(window: MainWindow) -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not window and w.isVisible()]


def test_new_database_reopens_the_window_on_an_empty_file_and_the_next_start_is_unchanged(
        qtbot, database_url, customers, tmp_path):
    window = app.create_main_window(database_url)  # closed and deleted by the switch
    window.show()
    path = tmp_path / "branch" / "second.sqlite3"
    path.parent.mkdir()
    answer_file_dialog(path)
    window.findChild(type(window.undo_action), "newDatabaseAction").trigger()

    [replacement] = other_windows(window)
    qtbot.addWidget(replacement)
    assert replacement.desk.database.path == path
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    qtbot.waitUntil(lambda: replacement.results.rowCount() == 0)
    assert str(path) in replacement.statusBar().currentMessage()
    # No argument still means the embedded default (DESIGN's contract): nothing remembered
    # sends the next start to the file opened this once.
    assert not [key for key in QSettings().allKeys() if key.startswith("database")]


def test_open_database_refuses_a_file_that_is_not_the_desks_and_stays(qtbot, window, tmp_path,
                                                                      next_message_box):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    answer_file_dialog(notes)
    said = next_message_box()
    window.findChild(type(window.undo_action), "openDatabaseAction").trigger()
    qtbot.waitUntil(lambda: bool(said))
    assert f"{notes} is not a database" in said[0]
    assert window.isVisible() and not other_windows(window)
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_a_damaged_file_is_said_at_once_and_nothing_more_is_saved(qtbot, tmp_path,
                                                                  next_message_box):
    path = damaged_desk(tmp_path)
    said = next_message_box()
    main = app.create_main_window(str(path))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert f"{path} is damaged (SQLite's check found" in said[0]
    assert "Nothing was written to it" in said[0]

    ann = get_customer(main.desk.database.unit_of_work(), "C1")
    with pytest.raises(DomainError, match="is damaged"):
        main.desk.add_note(ann.id, "Called about the lease")
    reopened = open_database(str(path))
    assert not contact_card(reopened.unit_of_work(), ann.id).notes
    reopened.dispose()
