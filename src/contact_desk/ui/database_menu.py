"""File > New Database… and Open Database…: a desk file chosen by the clerk, and the window
reopened on it. The next start is on the database the command line or CONTACT_DESK_DATABASE
names, else the embedded default, as always: a file opened once is not where every later
start goes."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from contact_desk.domain.actor import Actor
from contact_desk.store.database import Database, create_database, open_database
from contact_desk.ui.file_dialogs import Choose, chosen_path
from contact_desk.ui.messages import show_error
from contact_desk.ui.user_picker import pick_user

DATABASE_FILES = "Contact Desk databases (*.sqlite3 *.db);;All files (*)"


def new_database(window: QMainWindow, settings: QSettings) -> QMainWindow | None:
    path = chosen_path(window, "New Database", Choose.FILE_TO_SAVE, filters=DATABASE_FILES,
                       suggested="contact-desk.sqlite3")
    return _switch(window, settings, path, create=True) if path else None


def open_other_database(window: QMainWindow, settings: QSettings) -> QMainWindow | None:
    path = chosen_path(window, "Open Database", Choose.FILE_TO_OPEN, filters=DATABASE_FILES)
    return _switch(window, settings, path, create=False) if path else None


def _switch(window: QMainWindow, settings: QSettings, path: str,
            create: bool) -> QMainWindow | None:
    """The desk window on ``path`` in place of ``window``; None (and a message) when the file
    cannot be a desk database."""
    try:
        database = create_database(path) if create else open_database(path)
    except Exception as error:
        show_error(window, "New Database" if create else "Open Database", error)
        return None
    try:
        actor = pick_user(database, settings, parent=window)
        if actor is False:
            database.dispose()
            return None
        replacement = _window_on(database, actor, settings)
    except Exception as error:
        database.dispose()
        show_error(window, "Open Database", error)
        return None
    replacement.setGeometry(window.geometry())
    replacement.show()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.close()
    return replacement


def _window_on(database: Database, actor: Actor, settings: QSettings) -> QWidget:
    from contact_desk.ui.desk import Desk
    from contact_desk.ui.main_window import MainWindow

    window = MainWindow(Desk(database, actor), settings)
    window.destroyed.connect(lambda *_: database.dispose())
    return window
