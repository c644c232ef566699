"""The rotating log file in the user's log folder, where tracebacks go instead of the screen."""

from __future__ import annotations

import logging
import os
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from contact_desk.store.location import APP_NAME

ENV_LOG_DIR = "CONTACT_DESK_LOG_DIR"
FILE_NAME = "contact-desk.log"


def log_path() -> Path:
    """Where the log is meant to be (the folder may not exist yet, or be unusable)."""
    folder = os.environ.get(ENV_LOG_DIR) or platformdirs.user_log_dir(APP_NAME, appauthor=False)
    return Path(folder) / FILE_NAME


def start_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating file; returns the file they go to.

    When the log folder cannot be made or written (a read-only profile, a file in its way),
    the file goes to a folder in the system's temporary folder instead; with neither, records
    are dropped and None returned: a traceback must never reach the terminal or the window.
    Called again after the folder setting changed, it moves to the new folder.
    """
    wanted = log_path()
    root = logging.getLogger()
    ours = next((h for h in root.handlers if getattr(h, "contact_desk", None)), None)
    if ours is not None:
        if ours.contact_desk == wanted:  # type: ignore[attr-defined]
            return ours.contact_desk_file  # type: ignore[attr-defined]
        root.removeHandler(ours)
        ours.close()
    # A record that cannot be written (a full disk) must not print logging's own traceback.
    logging.raiseExceptions = False
    in_use, handler = _open(wanted)
    handler.contact_desk = wanted  # type: ignore[attr-defined]
    handler.contact_desk_file = in_use  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    if in_use is not None and in_use != wanted:
        logging.getLogger(__name__).warning("%s could not be written; logging to %s instead",
                                            wanted.parent, in_use)
    return in_use


def where_details_are() -> str:
    """The end of an unexpected error's message: the log file that holds its traceback, named
    only when there is one."""
    in_use = start_logging()
    if in_use is None:
        return "no log file could be written, so the details were not kept"
    return f"the details are in {in_use}"


def _open(wanted: Path) -> tuple[Path | None, logging.Handler]:
    # gettempdir() itself fails when no temporary folder will do, so it is asked last.
    for where in (lambda: wanted, _spare_path):
        try:
            path = where()
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            return path, RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                             encoding="utf-8", errors="backslashreplace")
        except OSError:
            continue
    return None, logging.NullHandler()


def _spare_path() -> Path:
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return Path(tempfile.gettempdir()) / f"{APP_NAME}-{user}-logs" / FILE_NAME
