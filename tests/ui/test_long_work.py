"""Long work runs off the GUI thread with a progress dialog; Cancel keeps nothing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from contact_desk.services.customers import customer_count
from contact_desk.services.demo import fill_demo_data
from contact_desk.ui.demo_offer import DEMO_CUSTOMERS, offer_demo_data
from contact_desk.ui.long_work import run_with_progress


def when_open(kind, act, tries: int = 500) -> None:
    widget = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, kind) and w.isVisible()), None)
    if widget is not None:
        act(widget)
    elif tries:
        QTimer.singleShot(10, lambda: when_open(kind, act, tries - 1))


def test_the_work_runs_on_another_thread_and_its_answer_comes_back(qtbot):
    gui = threading.get_ident()
    seen: list[tuple[int, int]] = []

    def work(progress):
        for step in range(1, 4):
            progress(step, 3)
            seen.append((step, threading.get_ident()))
        return "done"

    assert run_with_progress(None, "Work", "Working…", work) == "done"
    assert [step for step, _ in seen] == [1, 2, 3]
    assert all(thread != gui for _, thread in seen)


def test_once_all_is_done_but_saving_it_says_finishing_and_offers_no_cancel(qtbot):
    """After the last step the work may still save (a first sync builds its search
    indexes then): Cancel could no longer stop anything, so it goes."""
    seen: dict[str, object] = {}
    looked = threading.Event()

    def look(dialog: QProgressDialog) -> None:
        if dialog.labelText() != "Finishing…":
            seen.setdefault("before", [b.text() for b in dialog.findChildren(QPushButton)
                                       if b.isVisible()])
            QTimer.singleShot(10, lambda: look(dialog))
            return
        seen["after"] = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
        looked.set()

    def work(progress):
        progress(1, 2)
        looked.wait(0.3)  # the dialog is seen mid-way first
        progress(2, 2)
        assert looked.wait(10), "the dialog never said it was finishing"
        return "done"

    when_open(QProgressDialog, look)
    assert run_with_progress(None, "Work", "Working…", work) == "done"
    assert seen == {"before": ["Cancel"], "after": []}


def test_an_error_in_the_work_reaches_the_caller(qtbot):
    def work(progress):
        raise ValueError("the file is not a DMS export")

    with pytest.raises(ValueError, match="not a DMS export"):
        run_with_progress(None, "Work", "Working…", work)


def test_cancel_during_the_demo_fill_keeps_nothing(qtbot, database, manager):
    when_open(QProgressDialog, lambda dialog: dialog.findChild(QPushButton).click())
    result = run_with_progress(
        None, "Demo data", "Adding…",
        lambda progress: fill_demo_data(database, manager, customers=1000, progress=progress))
    assert result is None
    assert customer_count(database) == 0


def test_an_empty_database_is_offered_the_demo_data(qtbot, database, manager):
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert offer_demo_data(database, manager)
    assert customer_count(database) == DEMO_CUSTOMERS
    assert not offer_demo_data(database, manager)  # asked only while the database is empty


def test_saying_no_leaves_the_database_empty(qtbot, database, manager):
    when_open(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert not offer_demo_data(database, manager)
    assert customer_count(database) == 0
