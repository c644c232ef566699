"""The desk's file dialogs browse the database's own folder without touching its files: SQLite
keeps its locks, and another desk's write and this one's both survive."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from contact_desk.services.customers import get_customer
from contact_desk.ui.file_dialogs import NameOnlyIcons
from tests.locks import locks_held, needs_proc_locks
from tests.ui.modal import when_open
from tests.ui.test_main_window import PRIMARY, open_customer

DIALOGS = ["syncDmsAction", "importAdfAction", "importVcardAction", "importRepliesAction",
           "exportVcardAction", "watchFolderAction", "newDatabaseAction", "openDatabaseAction"]


def browse_and_cancel(qtbot, folder: Path, seen: dict) -> None:
    """Once the dialog is up: show ``folder`` in it, let it list and draw every file (icons
    and types included), note the locks, and cancel."""

    def look(dialog: QFileDialog) -> None:
        model = dialog.findChild(QFileSystemModel)
        every_file = [f for f in dialog.nameFilters() if f.endswith("(*)")]
        if every_file:  # what a clerk looking for a file of another kind does
            dialog.selectNameFilter(every_file[0])
        dialog.setDirectory(str(folder))
        files_too = not dialog.testOption(QFileDialog.Option.ShowDirsOnly)
        qtbot.waitUntil(lambda: listed(model, folder) >= (3 if files_too else 1), timeout=5000)
        dialog.grab()  # paints every row: icons and the Type column are asked for now
        qtbot.wait(300)
        dialog.grab()
        seen["icons"] = isinstance(model.iconProvider(), NameOnlyIcons)
        seen["listed"] = listed(model, folder)
        seen["locks"] = locks_held(seen["database"])
        dialog.reject()

    when_open(QFileDialog, look)


def listed(model: QFileSystemModel, folder: Path) -> int:
    return model.rowCount(model.index(str(folder)))


@needs_proc_locks
@pytest.mark.parametrize("action", DIALOGS)
def test_browsing_the_database_folder_keeps_sqlite_s_locks(qtbot, window, action):
    database = window.desk.database.path
    window.desk.search("", 5, 0, None)  # a connection at work, as at any desk
    before = locks_held(database)
    assert f"{database.name}-shm" in before
    (database.parent / "exports").mkdir(exist_ok=True)  # something a folder dialog lists
    seen = {"database": database}
    browse_and_cancel(qtbot, database.parent, seen)
    window.findChild(type(window.undo_action), action).trigger()
    assert seen["icons"] and seen["listed"] >= 1
    assert seen["locks"] == before, "the dialog opened and closed the database's files"
    assert locks_held(database) == before


@needs_proc_locks
def test_another_desks_write_and_this_ones_both_survive_a_browse(
        qtbot, window, customers, database, tmp_path):
    path = window.desk.database.path
    seen = {"database": path}
    browse_and_cancel(qtbot, path.parent, seen)
    window.findChild(type(window.undo_action), "importVcardAction").trigger()
    assert seen["locks"] == locks_held(path) and seen["locks"]

    other_desk = subprocess.run(
        [sys.executable, "-m", "contact_desk", "--database", str(path), "set-primary", "C1",
         "(212) 555-0143"], capture_output=True, text=True, timeout=60,
        env=dict(os.environ, CONTACT_DESK_LOG_DIR=str(tmp_path / "logs")))
    assert other_desk.returncode == 0, other_desk.stderr

    open_customer(qtbot, window, "ann")
    emails = window.customer_page.emails
    assert emails.setData(emails.index(1, PRIMARY), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)
    window.close()
    window.desk.database.dispose()
    QApplication.processEvents()

    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    ann = get_customer(database.unit_of_work(), customers.ann)
    assert [p.display for p in ann.phones if p.is_primary] == ["(212) 555-0143"]
    assert [p.value for p in ann.emails if p.is_primary] == ["ann.lee@example.net"]
