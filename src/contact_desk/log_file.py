"""The rotating log file in the user's log folder, where tracebacks go instead of the screen."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from contact_desk.store.location import APP_NAME

ENV_LOG_DIR = "CONTACT_DESK_LOG_DIR"


def log_path() -> Path:
    folder = os.environ.get(ENV_LOG_DIR) or platformdirs.user_log_dir(APP_NAME, appauthor=False)
    return Path(folder) / "contact-desk.log"


def start_logging(level: int = logging.INFO) -> Path:
    """Send log records to the rotating file (created on first use); returns its path."""
    path = log_path()
    root = logging.getLogger()
    if any(getattr(h, "contact_desk", False) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()  # a read-only profile must not stop the desk
    handler.contact_desk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
