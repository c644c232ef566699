"""`contact-desk` with no sub-command opens the window; --quit-after-show closes it again."""

from __future__ import annotations

import os
import subprocess
import sys


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
