"""The real window on a real SQLite file, with customers made through the services."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from contact_desk.app import create_main_window
from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus
from contact_desk.services import contact_points as cp
from contact_desk.services.customers import create_customer
from contact_desk.store.customer import Customer
from contact_desk.ui.main_window import MainWindow
from tests.consent import set_flag


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path) -> None:
    """Window state (e.g. which card sections are open) goes to a file of this test only."""
    QCoreApplication.setOrganizationName("Contact Desk Tests")
    QCoreApplication.setApplicationName("Contact Desk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))


@pytest.fixture
def database_url(tmp_path: Path, sqlite_template: Path) -> str:
    """The window tests run on the embedded SQLite file the desk uses by default."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Customers:
    ann: int  # DMS cell (primary), DMS home, an inactive dealer phone, two emails
    bob: int  # no active phone left
    cy: int  # primary phone is do-not-text


def _points(database, actor, customer_id, *points) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        for type_, text, status in points:
            point = cp.new_contact_point(uow.session, actor, customer, type_, text)
            if status is not ContactStatus.ACTIVE:
                cp.apply_status(uow.session, actor, customer, point, status)
        for kind in ContactKind:
            cp.settle_primary(uow.session, actor, customer, kind)
        uow.commit()


@pytest.fixture
def customers(database, manager) -> Customers:
    new = lambda first, last, number: create_customer(  # noqa: E731
        database.unit_of_work(), manager, first_name=first, last_name=last,
        customer_number=number)
    active = ContactStatus.ACTIVE
    ann, bob, cy = new("Ann", "Lee", "C1"), new("Bob", "Stone", "C2"), new("Cy", "Young", "C3")
    _points(database, manager, ann,
            (ContactPointType.DMS_CELL, "(212) 555-0142", active),
            (ContactPointType.DMS_HOME, "(212) 555-0143", active),
            (ContactPointType.DEALER_PHONE, "(646) 555-0188", ContactStatus.INACTIVE),
            (ContactPointType.DMS_EMAIL, "ann@example.com", active),
            (ContactPointType.DEALER_EMAIL, "ann.lee@example.net", active))
    _points(database, manager, bob,
            (ContactPointType.DMS_CELL, "(312) 555-0100", ContactStatus.INACTIVE),
            (ContactPointType.DMS_EMAIL, "bob@example.com", active))
    _points(database, manager, cy,
            (ContactPointType.DMS_CELL, "(415) 555-0123", active),
            (ContactPointType.DMS_EMAIL, "cy@example.com", active))
    with database.unit_of_work() as uow:
        cell = uow.session.get(Customer, cy).points(ContactKind.PHONE)[0].id
    set_flag(database.unit_of_work(), manager, cell, do_not_text=True)
    return Customers(ann, bob, cy)


@pytest.fixture
def window(qtbot, database_url, customers) -> Iterator[MainWindow]:
    main = create_main_window(database_url)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.results.rowCount() == 3)
    yield main


@pytest.fixture
def next_message_box(qtbot) -> Callable[[], list[str]]:
    """Arrange for the next modal message box to be read and closed; returns what it said."""

    def arrange(button: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> list[str]:
        said: list[str] = []

        def answer(tries: int = 250) -> None:
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                said.append(box.text())
                choice = box.button(button)
                choice.click() if choice is not None else box.close()
            elif tries:
                QTimer.singleShot(20, lambda: answer(tries - 1))

        QTimer.singleShot(0, answer)
        return said

    return arrange
