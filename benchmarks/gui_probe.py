"""Figures 4 and 6 in a process of their own: the real window, offscreen, on a given database.

    python -m benchmarks.gui_probe DATABASE latency CUSTOMER_ID CLICKS QUERY...
    python -m benchmarks.gui_probe DATABASE open HEAVY_ID ROUNDS ORDINARY_ID...
    python -m benchmarks.gui_probe DATABASE typing PAUSE_MS GAP_MS QUERY...
    python -m benchmarks.gui_probe DATABASE memory

prints one line of JSON: the keystroke and Primary-click samples in seconds, the samples of
opening the heavy and the ordinary customers in seconds, the samples of whole queries typed
a key every GAP_MS with the window's typing pause set to PAUSE_MS (and how many searches
they started), or the peak resident memory in MiB once the customer list is scrolled to
its last row and back.

What a clerk waits for ends when the window has been laid out and painted: each sample ends
with ``painted`` (the layouts the change asked for, the paint of every part it dirtied, and
the widgets it let go of deleted), as the event loop would do before the next keystroke.
"""

from __future__ import annotations

import json
import os
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from contact_desk.app import create_main_window  # noqa: E402
from contact_desk.ui.models.search_results import PAGE  # noqa: E402

WAIT_S = 60


def peak_mib() -> float:
    """This process's own peak resident memory.

    Not ru_maxrss on Linux: that keeps the peak of the process that started this one across
    exec, and the benchmark's process holds gigabytes after loading the floors' tables.
    """
    status = Path("/proc/self/status")
    found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text()) if status.exists() else None
    if found:
        return int(found.group(1)) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; bytes on macOS
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def wait_until(app: QApplication, done: Callable[[], bool], limit: float = WAIT_S) -> None:
    deadline = time.perf_counter() + limit
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not answer in time")
        app.processEvents()
        time.sleep(0.0002)


def painted(app: QApplication, window) -> None:  # noqa: ANN001
    """Lay out and paint what changed, now, as the window's next frame would.

    The posted layout requests run first; then an UpdateRequest paints the regions marked
    dirty (the frame the platform would ask for a few milliseconds later); last the widgets
    a section let go of (deleteLater) are deleted, as the event loop's next turn does.
    """
    app.processEvents()
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.UpdateRequest))
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_samples(app: QApplication, window, heavy: int, ordinary: list[int],  # noqa: ANN001
                 rounds: int) -> dict[str, list[float]]:
    """Open an ordinary customer, then the heavy one, ``rounds`` times: each open changes
    the customer on screen, as a clerk going from one to the next does."""
    samples: dict[str, list[float]] = {"heavy": [], "ordinary": []}

    def opened(customer_id: int) -> float:
        start = time.perf_counter()
        window.open_customer(customer_id)
        painted(app, window)
        elapsed = time.perf_counter() - start
        assert window.customer_page.view.id == customer_id, "the customer did not open"
        return elapsed

    for customer_id in (*ordinary, heavy):  # the first open of each loads what it needs once
        opened(customer_id)
    for turn in range(rounds):
        samples["ordinary"].append(opened(ordinary[turn % len(ordinary)]))
        samples["heavy"].append(opened(heavy))
    return samples


def keystroke_samples(app: QApplication, window, queries: list[str]) -> list[float]:  # noqa: ANN001
    """From the last key of each query to the first rows of its answer painted in
    customerList."""
    box, model = window.search_box, window.results
    samples = []
    for query in queries:
        box.setText(query[:-1])
        wait_until(app, lambda: model.query == query[:-1] and not model.loading)
        landed: list[float] = []

        def land(text: str, shown: int, query: str = query) -> None:
            if text == query:  # the first page of its answer (none found is an answer too)
                landed.append(time.perf_counter())

        model.pageLoaded.connect(land)
        start = time.perf_counter()
        QTest.keyClick(box, query[-1])
        wait_until(app, lambda: bool(landed))
        painted(app, window)
        samples.append(time.perf_counter() - start)
        model.pageLoaded.disconnect(land)
    return samples


def typing_samples(app: QApplication, window, queries: list[str],  # noqa: ANN001
                   gap_s: float) -> dict[str, object]:
    """Each query typed from an empty box a key every ``gap_s``: from its last key to its
    first rows painted; and how many searches the keys started in all."""
    box, model = window.search_box, window.results
    started: list[str] = []
    search = model._search  # the desk's search, counted on its way
    model._search = lambda query, *page: (query and started.append(query), search(query, *page))[1]
    samples = []
    for query in queries:
        box.clear()
        wait_until(app, lambda: model.query == "" and not model.loading)
        landed: list[float] = []

        def land(text: str, shown: int, query: str = query) -> None:
            if text == query:
                landed.append(time.perf_counter())

        model.pageLoaded.connect(land)
        for key in query[:-1]:
            QTest.keyClick(box, key)
            pause = time.perf_counter() + gap_s
            wait_until(app, lambda: time.perf_counter() >= pause)
        start = time.perf_counter()
        QTest.keyClick(box, query[-1])
        wait_until(app, lambda: bool(landed))
        painted(app, window)
        samples.append(time.perf_counter() - start)
        model.pageLoaded.disconnect(land)
    return {"samples": samples, "searches": len(started), "keys": sum(map(len, queries))}


def primary_click_samples(app: QApplication, window, customer_id: int,  # noqa: ANN001
                          clicks: int) -> list[float]:
    """Checking Primary on a phone (the view's click sets the check state) to the row
    repainted: saved, the page and the card's Contact Information updated, laid out and
    painted. The phones take turns so every click changes the primary."""
    window.open_customer(customer_id)
    painted(app, window)
    phones = window.customer_page.phones
    samples = []
    for turn in range(clicks):
        choices = [r for r in range(phones.rowCount()) if not phones.point(r).is_primary
                   and phones.point(r).why_not_primary is None]
        row = choices[turn % len(choices)]
        start = time.perf_counter()
        phones.setData(phones.index(row, 0), Qt.CheckState.Checked.value,
                       Qt.ItemDataRole.CheckStateRole)
        wait_until(app, lambda: phones.point(row).is_primary)
        painted(app, window)
        samples.append(time.perf_counter() - start)
    return samples


def scroll_to_end_and_back(app: QApplication, window) -> int:  # noqa: ANN001
    """Scroll the customer list a page at a time to its last row, each page shown once it
    is read, then back to the top the same way; the rows the list has."""
    model, view = window.results, window.customer_list
    wait_until(app, lambda: model.counted and not model.loading)
    rows = model.rowCount()
    steps = list(range(0, rows, PAGE))
    for row in [*steps, *reversed(steps)]:
        view.scrollTo(model.index(row, 0), view.ScrollHint.PositionAtTop)
        painted(app, window)
        wait_until(app, lambda: not model.loading and model.hit(row) is not None)
    painted(app, window)
    return rows


def main(argv: list[str]) -> int:
    database, mode, *rest = argv
    app = QApplication.instance() or QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    if mode == "typing":  # the window reads its typing pause when it is made
        from contact_desk.ui import main_window

        main_window.DEBOUNCE_MS = int(rest[0])
    window = create_main_window(database)
    window.show()
    wait_until(app, lambda: not window.results.loading)
    if mode == "latency":
        customer_id, clicks, queries = int(rest[0]), int(rest[1]), rest[2:]
        result = {"keystroke": keystroke_samples(app, window, queries),
                  "primary": primary_click_samples(app, window, customer_id, clicks)}
    elif mode == "typing":
        result = typing_samples(app, window, rest[2:], int(rest[1]) / 1000)
    elif mode == "open":
        heavy, rounds, ordinary = int(rest[0]), int(rest[1]), [int(n) for n in rest[2:]]
        result = open_samples(app, window, heavy, ordinary, rounds)
    else:
        rows = scroll_to_end_and_back(app, window)
        result = {"rows": rows, "peak_mib": peak_mib()}
    print(json.dumps(result), flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
