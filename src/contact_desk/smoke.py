"""`contact-desk --smoke`: prove that a build works end to end, offscreen, on a throwaway database.

A packaged app can lack a module, a Qt plugin or a migration file that the source tree has;
this walks the path a clerk takes (database, demo data, window, search, customer) so a
missing piece fails the build instead of a desk.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from contact_desk.log_file import where_details_are

log = logging.getLogger(__name__)

SMOKE_CUSTOMERS = 12
WAIT_SECONDS = 30


class SmokeFailed(Exception):
    """A step of the smoke test did not give what it should; the message says which."""


_slot_errors: list[BaseException] = []


def _record_slot_error(kind: type[BaseException], error: BaseException, trace: object) -> None:
    _slot_errors.append(error)


def _raise_slot_errors() -> None:
    if _slot_errors:
        error = _slot_errors.pop(0)
        raise SmokeFailed(f"the window raised {type(error).__name__}: {error}") from error


def run_smoke() -> int:
    """0 when every step passed; 1, with the failed step on stderr and in the log, when not."""
    # Before any QApplication exists: the smoke test needs no screen, on any OS or CI runner.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.monotonic()
    step = "start"
    hook = sys.excepthook
    sys.excepthook = _record_slot_error  # Qt would print a slot's exception and carry on
    try:
        with tempfile.TemporaryDirectory(prefix="contact-desk-smoke-") as folder:
            for step, check in _steps(Path(folder)):
                said = check()
                _raise_slot_errors()
                _say(f"smoke: {step}: {said}")
    except Exception as error:  # noqa: BLE001 - every failure is reported the same way
        log.exception("Smoke test failed at %s", step)
        _say(f"contact-desk --smoke: FAILED at {step}: {error}\n"
             f"{where_details_are().capitalize()}.", error=True)
        return 1
    finally:
        sys.excepthook = hook
        _slot_errors.clear()
    _say(f"smoke: passed in {time.monotonic() - started:.1f} s")
    return 0


def _steps(folder: Path) -> list[tuple[str, Callable[[], str]]]:
    """The steps in order; each returns what it saw, or raises SmokeFailed."""
    smoke = _Smoke(folder)
    return [
        ("database", smoke.open_database),
        ("demo data", smoke.fill_demo_data),
        ("sync workers", smoke.check_rows_in_a_worker),
        ("quiet hours", smoke.check_quiet_hours),
        ("window", smoke.show_window),
        ("search", smoke.search),
        ("customer", smoke.open_customer),
        ("quit", smoke.quit),
    ]


class _Smoke:
    """The state the steps share: the database, the window and what the search found."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = f"sqlite:///{folder / 'smoke.sqlite3'}"
        self.customer_number = ""

    def open_database(self) -> str:
        from contact_desk.store.database import open_database

        self.database = open_database(self.url, create=True)  # every migration, as a first start
        return self.url

    def fill_demo_data(self) -> str:
        from contact_desk.os_login import os_login
        from contact_desk.services.demo import fill_demo_data
        from contact_desk.services.sign_in import act_as

        # As the manager the new database made of this computer login.
        creator = act_as(self.database.unit_of_work(), None, os_login())
        summary = fill_demo_data(self.database, creator, customers=SMOKE_CUSTOMERS)
        self.database.dispose()
        if not summary.example_numbers:
            raise SmokeFailed("the demo data named no customer to look for")
        self.customer_number = summary.example_numbers[0]
        return f"{summary.customers} customers, {summary.contact_points} contact points"

    def check_rows_in_a_worker(self) -> str:
        """A big DMS file's rows are checked in worker processes, which a packaged app
        starts through its own executable: they must check as this process does."""
        from contact_desk.sync.dms_csv import DmsExport, DmsLayout
        from contact_desk.sync.parallel_rows import rows_checked_by_workers

        path = self.folder / "dms-export.csv"
        path.write_text("customer_number,first_name,last_name,cell_phone,email\n" + "".join(
            f"S{n:03d},Ann,Smoke,(212) 555-01{n:02d},ann{n}@example.com\n" for n in range(40)),
            encoding="utf-8")
        export = DmsExport.open(path, DmsLayout(), "US")
        checked = list(rows_checked_by_workers(export, workers=1))
        if checked != list(export.rows()):
            raise SmokeFailed("a worker process checked the DMS rows differently from the app")
        return f"{len(checked)} rows checked by a worker process"

    def check_quiet_hours(self) -> str:
        """The quiet-hours and area-code files, phonenumbers' time zones and the zone
        database travel as data: a build without one cannot say when a text may go out."""
        from datetime import datetime

        from contact_desk.domain.consent import NOTHING_RECORDED, Purpose
        from contact_desk.domain.enums import Channel, ContactKind, ContactStatus
        from contact_desk.domain.reach import ReachTarget, can_reach

        # A Miami number (the area code's state and zones) with no address, at 8:30 PM there.
        target = ReachTarget(ContactKind.PHONE, "(305) 555-0142", "+13055550142",
                             ContactStatus.ACTIVE, True, NOTHING_RECORDED)
        answer = can_reach(target, Channel.CALL, Purpose.MARKETING,
                           datetime.fromisoformat("2026-03-03T20:30:00-05:00"))
        opens = datetime.fromisoformat("2026-03-04T08:00:00-06:00")
        if answer.allowed or answer.next_allowed_at != opens:
            raise SmokeFailed(f"a call to Miami at 8:30 PM: {answer}")
        return answer.reason

    def show_window(self) -> str:
        from PySide6.QtCore import QCoreApplication, QSettings, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        from contact_desk.app import APP_ICON, create_main_window, window_icon

        QCoreApplication.setOrganizationName("Contact Desk Smoke")
        QCoreApplication.setApplicationName("Contact Desk")
        # Window state goes beside the database, not into the clerk's own settings.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(self.folder / "settings"))
        qInstallMessageHandler(_log_qt_message)  # the offscreen platform's chatter goes to the log
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        icon = window_icon()
        if icon.pixmap(32, 32).isNull():
            raise SmokeFailed(f"the app icon {APP_ICON} does not draw (is the SVG plugin missing?)")
        self.app.setWindowIcon(icon)
        self.window = create_main_window(self.url)
        self.window.show()
        _wait_until(self.window.isVisible, "the window to show")
        _wait_until(lambda: self.window.results.rowCount() > 0, "the customer list to fill")
        return f"{self.app.platformName()} platform, {self.window.results.rowCount()} listed"

    def search(self) -> str:
        results = self.window.results
        found: list[str] = []
        results.pageLoaded.connect(lambda query, _shown: found.append(query))
        self.window.search_box.setText(self.customer_number)
        _wait_until(lambda: self.customer_number in found, f"the search for {self.customer_number}")
        numbers = [results.hit(row).customer_number for row in range(results.rowCount())]
        if self.customer_number not in numbers:
            raise SmokeFailed(f"searching {self.customer_number} listed {numbers}")
        return f"{self.customer_number!r} found among {len(numbers)}"

    def open_customer(self) -> str:
        results = self.window.results
        row = next(row for row in range(results.rowCount())
                   if results.hit(row).customer_number == self.customer_number)
        self.window.open_customer(results.hit(row).id)
        page = self.window.customer_page
        _wait_until(lambda: page.view is not None, "the customer page")
        if page.view.customer_number != self.customer_number:
            raise SmokeFailed(f"opened {page.view.customer_number}, not {self.customer_number}")
        if self.window.pages.currentWidget() is not self.window.customer_screen:
            raise SmokeFailed("the customer screen did not come to the front")
        return f"{page.view.full_name}: {len(page.view.phones)} phones, " \
               f"{len(page.view.emails)} emails"

    def quit(self) -> str:
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()
        return "window closed"


def _wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run Qt's events until ``condition`` holds; SmokeFailed after WAIT_SECONDS."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        _raise_slot_errors()
        if time.monotonic() > deadline:
            raise SmokeFailed(f"waited {WAIT_SECONDS} s for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def _log_qt_message(kind: object, context: object, message: str) -> None:
    log.info("Qt: %s", message)


def _say(text: str, error: bool = False) -> None:
    """Print and log: a windowed build on Windows has no console, but it has the log."""
    log.log(logging.ERROR if error else logging.INFO, text)
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(text, file=stream, flush=True)
