"""The one benchmark command: write the export, measure every figure, write RESULTS.md.

    .venv/bin/python -m benchmarks.run                      # 100,000 customers
    .venv/bin/python -m benchmarks.run --customers 1000000  # the full size

The export and the databases are kept in --work (default benchmarks/.work/), so a second run
of the same size reuses the export; --skip-gui leaves out the figures needing a window, and
--resume measures only the figures a stopped run of the same size left out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.app_figures import gui_figures, memory_figure, open_figures, startup_figures
from benchmarks.figures import Figure
from benchmarks.report import write_results
from benchmarks.search_queries import draw_queries
from benchmarks.store_figures import (
    DESK_FILE,
    OPEN_FIGURE,
    add_heavy_customer,
    broad_page_figures,
    heavy_customer_id,
    open_customer_figure,
    ordinary_customer_ids,
    search_figures,
    sync_figures,
)
from benchmarks.synthetic_export import write_export

HERE = Path(__file__).parent
DEFAULT_CUSTOMERS = 100_000
UNFINISHED = "The run was still measuring when this was written; figures not in the table are to come."


@dataclass(frozen=True)
class Run:
    customers: int
    work: Path
    results: Path
    gui: bool = True
    rounds: int = 40  # keystrokes typed in the window; fewer for a smoke run
    startup_runs: int = 5
    resume: bool = False
    postgres: str | None = None  # an admin URL: search on PostgreSQL is measured too


def load_remark(loads: list[float]) -> str:
    """The machine's load while the run measured, for the reader to weigh the figures by."""
    shown = ", ".join(f"{load:.1f}" for load in loads)
    return (f"Machine load (1-minute load average on {os.cpu_count()} cores) at each stage "
            f"of the run: {shown}.")


def run(settings: Run, say=print) -> list[Figure]:  # noqa: ANN001
    """Every figure for ``settings.customers`` customers; RESULTS.md gets its section.

    Figures are saved after each stage (and RESULTS.md written), so a long run that is
    stopped keeps what it measured; ``settings.resume`` measures only what is missing.
    """
    loads: list[float] = []
    told = say

    def say(text: str) -> None:  # noqa: F811 - each stage notes the machine's load
        loads.append(os.getloadavg()[0])
        told(text)

    settings.work.mkdir(parents=True, exist_ok=True)
    export = settings.work / f"dms-export-{settings.customers}.csv"
    if not export.exists():  # written aside, then named: a stopped run leaves no half file
        say(f"writing {export.name}")
        partial = export.with_name(export.name + ".partial")
        write_export(partial, settings.customers)
        partial.replace(export)
    saved = settings.work / f"figures-{settings.customers}.json"
    figures = _load(saved) if settings.resume and saved.exists() else []
    if not _has(figures, OPEN_FIGURE):
        figures = []  # the store's figures come from one database: all of them again

    def keep(new: list[Figure]) -> None:
        figures.extend(new)
        saved.write_text(json.dumps([asdict(figure) for figure in figures], indent=1))
        write_results(settings.results, settings.customers, figures,
                      [UNFINISHED, load_remark(loads)])

    queries = draw_queries(export)
    if not figures:
        say("syncing the export and loading the floors")
        synced, database = sync_figures(export, settings.work)
        try:
            keep(synced)
            say("searching")
            keep(search_figures(database, queries))
            say("paging deep into broad searches")
            keep(broad_page_figures(database))
            say("opening a heavy customer")
            keep([open_customer_figure(database, add_heavy_customer(database))])
        finally:
            database.dispose()
    if settings.postgres and not _has(figures, "PostgreSQL"):
        from benchmarks.postgres_figures import postgres_figures

        say("syncing into PostgreSQL under a language's collation, searching")
        keep(postgres_figures(export, settings.postgres, queries))
    path = settings.work / DESK_FILE
    if settings.gui and not _has(figures, "Start-up"):
        say("the window: keystrokes and Primary clicks, start-up")
        typed = [query.text for query in queries if len(query.text) > 1][:settings.rounds]
        keep(gui_figures(path, heavy_customer_id(path), typed,
                         clicks=min(20, settings.rounds)))
        keep(startup_figures(path, settings.startup_runs))
    if settings.gui and not _has(figures, "GUI: open"):
        say("the window: opening the heavy and ordinary customers")
        keep(open_figures(path, heavy_customer_id(path), ordinary_customer_ids(path),
                          rounds=settings.rounds))
    if settings.gui and not _has(figures, "peak memory"):
        say("memory with the list scrolled to the end and back")
        keep([memory_figure(path)])
    loads.append(os.getloadavg()[0])
    write_results(settings.results, settings.customers, figures,
                  [*_remarks(figures), load_remark(loads)])
    return figures


def _has(figures: list[Figure], name: str) -> bool:
    return any(name in figure.name for figure in figures)


def _load(saved: Path) -> list[Figure]:
    return [Figure(**fields) for fields in json.loads(saved.read_text())]


def _remarks(figures: list[Figure]) -> list[str]:
    missed = [figure.name for figure in figures if figure.met is False]
    if not missed:
        return ["Every target with a limit is met."]
    return ["Not met: " + "; ".join(missed) + "."]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS)
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--postgres", metavar="ADMIN_URL",
                        help="also measure search on PostgreSQL under a language's collation, "
                             "in a database made (and dropped) on this server")
    parser.add_argument("--resume", action="store_true",
                        help="keep the figures a stopped run of this size saved; measure the rest")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {text}", file=sys.stderr, flush=True)

    figures = run(Run(args.customers, args.work, args.results, not args.skip_gui,
                      resume=args.resume, postgres=args.postgres), say)
    for figure in figures:
        ratio = f"  ratio {figure.ratio:.2f}" if figure.ratio is not None else ""
        print(f"{figure.name}: {figure.value:,.2f} {figure.unit}{ratio}")
    print(f"written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
