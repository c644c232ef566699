"""Figures 4 to 6, each in a fresh process: the window's answers (a keystroke, a Primary
click, opening a customer), start-up, peak memory."""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import contact_desk
from benchmarks.figures import Figure, millis
from benchmarks.store_figures import HEAVY

STARTUP_TARGET = 1.5
KEYSTROKE_TARGET_MS = 80
PRIMARY_CLICK_TARGET_MS = 16
OPEN_HEAVY_TARGET_MS = 100
OPEN_ORDINARY_TARGET_MS = 50
OPEN_ROUNDS = 40
MEMORY_TARGET_MIB = 250
BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1440, 860)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

# The same window, plus what any desk on the stack it must use pays before its list shows:
# importing SQLAlchemy (the ORM), phonenumbers and email-validator, opening the database
# and reading the list's first page (in its order, with the primaries) into a table.
STACK_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
import email_validator, phonenumbers, sqlalchemy.orm
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///" + sys.argv[1])
primary = ("(SELECT display FROM contact_point p WHERE p.customer_id = c.id"
           " AND p.kind = '{}' AND p.is_primary)")
with engine.connect() as connection:
    rows = connection.execute(text(
        "SELECT c.customer_number, c.first_name, c.last_name, c.company, "
        + primary.format("PHONE") + ", " + primary.format("EMAIL")
        + " FROM customer c ORDER BY c.last_name_key, c.name_key, c.id LIMIT 100")).all()
app = QApplication([])
window = QMainWindow()
table = QTableWidget(len(rows), 6)
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        table.setItem(r, c, QTableWidgetItem(value or ""))
window.setCentralWidget(table)
window.resize(1440, 860)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _environment(config: Path) -> dict[str, str]:
    """Offscreen, with Qt settings in a folder of the run's own (the clerk's stay as they are)."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
            "HOME": os.environ.get("HOME", str(config))}


def _probe(database: Path, *args: str) -> dict:
    with tempfile.TemporaryDirectory() as config:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.gui_probe", str(database), *args],
            capture_output=True, text=True, env=_environment(Path(config)),
            cwd=Path(__file__).parent.parent)
    if done.returncode != 0:
        raise RuntimeError(f"the window's probe failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def gui_figures(database: Path, customer_id: int, typed: list[str], clicks: int) -> list[Figure]:
    """``typed`` queries (two characters or more) and ``clicks`` Primary clicks, p95 each."""
    from contact_desk.ui.main_window import DEBOUNCE_MS

    samples = _probe(database, "latency", str(customer_id), str(clicks), *typed)
    key_p50, key_p95 = millis(samples["keystroke"])
    click_p50, click_p95 = millis(samples["primary"])
    said = (f"{len(typed)} queries, first rows painted; includes the window's "
            f"{DEBOUNCE_MS} ms typing pause")
    return [
        Figure("GUI: keystroke in customerSearch to first rows in customerList p50", key_p50,
               "ms", note=said),
        Figure("GUI: keystroke in customerSearch to first rows in customerList p95", key_p95,
               "ms", target=f"<= {KEYSTROKE_TARGET_MS} ms",
               met=key_p95 <= KEYSTROKE_TARGET_MS, note=said),
        Figure("GUI: Primary click to the row repainted p50", click_p50, "ms",
               note=f"{clicks} clicks on the heavy customer's phones, saved, laid out and "
                    "painted"),
        Figure("GUI: Primary click to the row repainted p95", click_p95, "ms",
               target=f"<= {PRIMARY_CLICK_TARGET_MS} ms",
               met=click_p95 <= PRIMARY_CLICK_TARGET_MS,
               note=f"{clicks} clicks on the heavy customer's phones, saved, laid out and "
                    "painted"),
    ]


def open_figures(database: Path, heavy_id: int, ordinary_ids: list[int],
                 rounds: int = OPEN_ROUNDS) -> list[Figure]:
    """Opening the heavy customer and an ordinary one in the real window, each open a change
    of customer, until the window is laid out and painted: p50 and p95 of each."""
    samples = _probe(database, "open", str(heavy_id), str(rounds), *map(str, ordinary_ids))
    figures = []
    for key, who, target, note in (
        ("heavy", "the heavy customer", OPEN_HEAVY_TARGET_MS, f"{rounds} opens; " + ", ".join(
            f"{count} {name}" for name, count in HEAVY.items())),
        ("ordinary", "an ordinary customer", OPEN_ORDINARY_TARGET_MS,
         f"{rounds} opens, {len(ordinary_ids)} customers of the export in turn"),
    ):
        p50, p95 = millis(samples[key])
        name = f"GUI: open {who} until laid out and painted"
        figures += [Figure(f"{name} p50", p50, "ms", note=note),
                    Figure(f"{name} p95", p95, "ms", target=f"<= {target} ms",
                           met=p95 <= target, note=note)]
    return figures


def memory_figure(database: Path) -> Figure:
    from contact_desk.ui.models.search_results import PAGE, WINDOW_PAGES

    found = _probe(database, "memory")
    return Figure("GUI peak memory, list scrolled to the end and back", found["peak_mib"],
                  "MiB", target=f"<= {MEMORY_TARGET_MIB} MiB",
                  met=found["peak_mib"] <= MEMORY_TARGET_MIB,
                  note=f"{found['rows']:,} rows, a page at a time, {WINDOW_PAGES} pages of "
                       f"{PAGE} kept (the window process's peak resident memory)")


def startup_figures(database: Path, runs: int) -> list[Figure]:
    """Median wall time of ``contact-desk --quit-after-show`` against a bare QMainWindow
    (the issue's limit) and against the same window on the desk's stack (STACK_WINDOW).

    The desk's modules are byte-compiled first, as pip and the packaged app have them (with
    PYTHONDONTWRITEBYTECODE set, as on some machines, every start would compile them again;
    the libraries the scripts import were compiled when they were installed).
    """
    compileall.compile_dir(Path(contact_desk.__file__).parent, quiet=2)
    script = Path(sys.executable).with_name("contact-desk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "contact_desk.cli"]
    desk = [*command, "--database", str(database), "--quit-after-show"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    stack = [sys.executable, "-c", STACK_WINDOW, str(database)]
    with tempfile.TemporaryDirectory() as config:
        env = _environment(Path(config))
        desk_s, bare_s, stack_s = (
            statistics.median(times) for times in zip(*(
                (_wall(desk, env), _wall(bare, env), _wall(stack, env)) for _ in range(runs))))
    target = f"ratio <= {STARTUP_TARGET}"
    return [
        Figure("Start-up: contact-desk --quit-after-show vs bare QMainWindow", desk_s, "s",
               bare_s, target, desk_s / bare_s <= STARTUP_TARGET, f"median of {runs}"),
        Figure("Start-up vs the same window on the desk's stack (SQLAlchemy, phonenumbers, "
               "email-validator, first page)", desk_s, "s", stack_s, target,
               desk_s / stack_s <= STARTUP_TARGET,
               f"median of {runs}, taken in turn with the desk's"),
    ]


def _wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start
