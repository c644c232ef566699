"""The one benchmark command: write the export, measure every figure, write RESULTS.md.

    .venv/bin/python -m benchmarks.run                      # 100,000 customers
    .venv/bin/python -m benchmarks.run --customers 1000000  # the full size

The export and the databases are kept in --work (default benchmarks/.work/), so a second run
of the same size reuses the export; --skip-gui leaves out the figures needing a window.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.app_figures import gui_figures, memory_figure, startup_figure
from benchmarks.figures import Figure
from benchmarks.report import write_results
from benchmarks.search_queries import draw_queries
from benchmarks.store_figures import (
    add_heavy_customer,
    open_customer_figure,
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


def run(settings: Run, say=print) -> list[Figure]:  # noqa: ANN001
    """Every figure for ``settings.customers`` customers; RESULTS.md gets its section."""
    settings.work.mkdir(parents=True, exist_ok=True)
    export = settings.work / f"dms-export-{settings.customers}.csv"
    if not export.exists():
        say(f"writing {export.name}")
        write_export(export, settings.customers)
    say("syncing the export and loading the floors")
    figures, database = sync_figures(export, settings.work)
    # Written after each stage, so a long run that is stopped still leaves what it measured.
    write_results(settings.results, settings.customers, figures, [UNFINISHED])
    try:
        say("searching")
        queries = draw_queries(export)
        figures += search_figures(database, queries)
        say("opening a heavy customer")
        heavy = add_heavy_customer(database)
        figures.append(open_customer_figure(database, heavy))
    finally:
        database.dispose()
    path = Path(database.engine.url.database)
    if settings.gui:
        write_results(settings.results, settings.customers, figures, [UNFINISHED])
        say("the window: keystrokes and Primary clicks, start-up")
        typed = [query.text for query in queries if len(query.text) > 1][:settings.rounds]
        figures += gui_figures(path, heavy, typed, clicks=min(20, settings.rounds))
        figures.append(startup_figure(path, settings.startup_runs))
        write_results(settings.results, settings.customers, figures, [UNFINISHED])
        say("memory with the list scrolled to the end")
        figures.append(memory_figure(path))
    write_results(settings.results, settings.customers, figures, _remarks(figures))
    return figures


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
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {text}", file=sys.stderr, flush=True)

    figures = run(Run(args.customers, args.work, args.results, not args.skip_gui), say)
    for figure in figures:
        ratio = f"  ratio {figure.ratio:.2f}" if figure.ratio is not None else ""
        print(f"{figure.name}: {figure.value:,.2f} {figure.unit}{ratio}")
    print(f"written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
