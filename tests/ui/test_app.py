"""`contact-desk` with no sub-command opens the window; --quit-after-show closes it again.

An error nobody foresaw becomes a short dialog naming the log file, and the desk goes on
with everything saved before it intact.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt, QTimer

from contact_desk import app
from contact_desk.services.customers import get_customer
from contact_desk.store.database import open_database
from contact_desk.ui.models.contact_points import PRIMARY
from tests.ui.test_main_window import open_customer


def test_the_window_opens_and_quits_cleanly(tmp_path, sqlite_template):
    import shutil

    database = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, database)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CONTACT_DESK_LOG_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "contact_desk", "--database", str(database), "--quit-after-show"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_work_still_running_ends_before_the_window_goes(tmp_path, sqlite_template):
    # A search still running when the desk quits used to answer to a deleted window: a crash
    # on the way out, now and then, on a busy machine. Its own process: run_gui quits the app.
    import shutil

    database = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, database)
    script = """if True:
        import sys, time
        from PySide6.QtCore import QThreadPool
        from contact_desk import app
        from contact_desk.ui.background import run_in_background
        opened = app.create_main_window
        def window_with_slow_work(*args, **kwargs):
            window = opened(*args, **kwargs)
            run_in_background(lambda: time.sleep(0.5), print, print, owner=window)
            return window
        app.create_main_window = window_with_slow_work
        code = app.run_gui(sys.argv[1], quit_after_show=True)
        print("work running:", QThreadPool.globalInstance().activeThreadCount(), "exit:", code)
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CONTACT_DESK_LOG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script, str(database)],
                            capture_output=True, text=True, env=env, timeout=120)

    assert result.returncode == 0, result.stderr
    assert "work running: 0 exit: 0" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_the_first_start_makes_its_database_and_log_in_the_users_folders(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in {"CONTACT_DESK_DATABASE", "CONTACT_DESK_LOG_DIR"}}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-m", "contact_desk", "--quit-after-show"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "ContactDesk" / "contact-desk.sqlite3").is_file()
    assert (tmp_path / "state" / "ContactDesk" / "log" / "contact-desk.log").is_file()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_shows_the_log_path_and_keeps_what_was_saved(
        qtbot, window, database_url, customers, next_message_box, monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("CONTACT_DESK_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", app._show_unexpected)  # as run_gui installs it
    open_customer(qtbot, window, "ann")
    phones = window.customer_page.phones
    assert phones.setData(phones.index(1, PRIMARY), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)  # saved at once

    def broken_slot() -> None:
        raise RuntimeError("a bug nobody foresaw")

    said = next_message_box()
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(said))
    assert str(tmp_path / "logs" / "contact-desk.log") in said[0]
    assert "not your fault" in said[0]
    assert "RuntimeError: a bug nobody foresaw" in caplog.text  # the traceback went to the log
    assert window.isVisible()  # the desk goes on
    reopened = open_database(database_url)
    try:
        stored = get_customer(reopened.unit_of_work(), customers.ann)
    finally:
        reopened.dispose()
    assert [phone.is_primary for phone in stored.phones] == [False, True, False]


def test_an_answer_for_an_owner_deleted_meanwhile_is_dropped(qtbot):
    import threading

    import shiboken6
    from PySide6.QtCore import QObject, QThreadPool

    from contact_desk.ui.background import run_in_background

    owner, release, answered = QObject(), threading.Event(), []
    run_in_background(lambda: release.wait(5) and "late", answered.append, answered.append,
                      owner=owner)
    shiboken6.delete(owner)  # the window closed while the search ran
    release.set()
    QThreadPool.globalInstance().waitForDone()
    kept = []
    run_in_background(lambda: "kept", kept.append, kept.append)
    qtbot.waitUntil(lambda: kept == ["kept"])

    assert answered == []
