"""Start the desk window: ``create_main_window`` builds it, ``run_gui`` runs the application."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from contact_desk.domain.actor import Actor
from contact_desk.domain.errors import DomainError
from contact_desk.os_login import os_login
from contact_desk.services import sign_in
from contact_desk.store.database import (
    Database,
    NoDatabase,
    create_database,
    open_database,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)
APP_ICON = ":/contact_desk/app.svg"


def create_main_window(database_url: str | None = None, user: str | None = None,  # noqa: ANN201
                       actor: Actor | None = None):
    """The ready MainWindow on ``database_url`` (a QApplication must exist; no event loop).

    The desk acts as ``actor``, else as the user with login ``user`` (or $CONTACT_DESK_USER),
    else as the user this computer login is mapped to; a PIN that would be needed refuses.
    """
    from contact_desk.ui.desk import Desk
    from contact_desk.ui.main_window import MainWindow

    database = open_database(database_url)
    if actor is None:
        try:
            actor = sign_in.act_as(database.unit_of_work(), sign_in.login_asked(user), os_login())
        except BaseException:
            database.dispose()
            raise
    window = MainWindow(Desk(database, actor))
    window.destroyed.connect(lambda *_: database.dispose())
    return window


def run_gui(database_url: str | None = None, user: str | None = None,
            quit_after_show: bool = False) -> int:
    """Open the desk window and run until it closes; errors become a dialog, never a crash.

    ``quit_after_show`` quits once the window is on screen (no questions asked): the
    start-up benchmark times exactly that.
    """
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from contact_desk.ui.demo_offer import offer_demo_data
    from contact_desk.ui.messages import show_error
    from contact_desk.ui.user_picker import pick_user

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Contact Desk")
    app.setOrganizationName("Contact Desk")
    app.setWindowIcon(window_icon())
    sys.excepthook = _show_unexpected
    try:
        database = open_or_offer_to_create(database_url)
        if database is None:
            return 2
        if quit_after_show:  # no questions asked: the start-up benchmark
            actor = sign_in.act_as(database.unit_of_work(), sign_in.login_asked(user),
                                   os_login())
        else:
            actor = pick_user(database, QSettings(), sign_in.login_asked(user))
            if actor is False:
                database.dispose()
                return 0  # the clerk closed the picker: nothing to do
        if not quit_after_show:
            offer_demo_data(database, actor)
        database.dispose()
        window = create_main_window(database_url, actor=actor)
    except DomainError as error:
        show_error(None, "Contact Desk", error)
        return 2
    window.show()
    if quit_after_show:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    code = app.exec()
    # Work still running on the pool (a search, a page of the list) answers to objects of the
    # window: it ends before the window goes, or its answer lands on a deleted object. The
    # check of the whole file is stopped rather than waited for.
    from PySide6.QtCore import QThreadPool

    window.desk.database.stop_checks()

    QThreadPool.globalInstance().waitForDone()
    return code


def open_or_offer_to_create(database_url: str | None) -> Database | None:
    """The database; where there is none yet, the clerk is asked before one is created
    there. None when they say no."""
    from PySide6.QtWidgets import QMessageBox

    from contact_desk.ui.messages import message_box

    try:
        return open_database(database_url)
    except NoDatabase as missing:
        box = message_box(None, QMessageBox.Icon.Question, "No database there",
                          f"There is no Contact Desk database at {missing.location.shown}."
                          "\n\nCreate a new, empty one there?",
                          QMessageBox.StandardButton.NoButton, name="createDatabaseQuestion")
        create = box.addButton("Create Database", QMessageBox.ButtonRole.AcceptRole)
        # Enter, pressed out of habit, must not make a database where none was meant.
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        if box.clickedButton() is not create:
            return None
        return create_database(missing.location)


def window_icon() -> QIcon:
    """The app icon of resources/app.svg, for every window and the taskbar."""
    from PySide6.QtGui import QIcon

    from contact_desk.ui.forms import resources_rc  # noqa: F401 - registers the icons

    return QIcon(APP_ICON)


def _show_unexpected(kind: type[BaseException], error: BaseException,
                     trace: TracebackType | None) -> None:
    from contact_desk.ui.messages import show_error, unexpected

    log.error("Unexpected error in the window", exc_info=(kind, error, trace))
    show_error(None, "Contact Desk", unexpected())
