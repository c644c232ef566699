"""The benchmark's own code path on a small export: every figure comes out and is reported.

Timings are the benchmark's business, not the test's: only that they are there is checked.
"""

from __future__ import annotations

import math

from benchmarks.run import Run, run
from benchmarks.search_queries import KINDS, draw_queries
from benchmarks.synthetic_export import write_export

CUSTOMERS = 400


def test_the_same_seed_writes_the_same_export(tmp_path):
    first = write_export(tmp_path / "a.csv", 50)
    second = write_export(tmp_path / "b.csv", 50)
    assert first.path.read_bytes() == second.path.read_bytes()
    assert 3.0 <= first.contact_points / first.customers <= 4.5


def test_a_small_run_measures_every_figure_and_writes_the_report(tmp_path):
    results = tmp_path / "RESULTS.md"

    figures = run(Run(CUSTOMERS, tmp_path / "work", results, rounds=3, startup_runs=1),
                  say=lambda _: None)

    names = " / ".join(figure.name for figure in figures)
    for expected in ("same-work floor", "storage floor", "Search as you type p95",
                     "Open a heavy customer", "keystroke", "Primary click to the row repainted", "Start-up",
                     "open the heavy customer until laid out and painted p95",
                     "open an ordinary customer until laid out and painted p95",
                     "desk's stack",
                     "peak memory"):
        assert expected in names
    assert all(math.isfinite(figure.value) and figure.value > 0 for figure in figures)
    assert all(math.isfinite(figure.ratio) for figure in figures if figure.ratio is not None)
    report = results.read_text(encoding="utf-8")
    assert f"## {CUSTOMERS:,} customers" in report
    assert "| figure | value | limit | ratio |" in report
    assert "SQLite" in report  # the machine it ran on


def test_a_second_size_keeps_the_first_sizes_section(tmp_path):
    results = tmp_path / "RESULTS.md"
    run(Run(60, tmp_path / "work", results, gui=False), say=lambda _: None)
    run(Run(80, tmp_path / "work", results, gui=False), say=lambda _: None)
    report = results.read_text(encoding="utf-8")
    assert report.index("## 60 customers") < report.index("## 80 customers")


def test_every_query_finds_the_customer_it_was_drawn_from(tmp_path):
    export = write_export(tmp_path / "export.csv", 600).path
    queries = draw_queries(export)
    assert len(queries) == sum(KINDS.values())
    assert {query.kind for query in queries} == set(KINDS)


def test_the_duplicate_benchmark_plants_scans_and_scores(tmp_path):
    from benchmarks.duplicate_figures import figures

    found = {figure.name: figure for figure in figures(500, tmp_path, say=lambda _: None)}
    assert set(found) == {"Duplicate scan, whole file", "Duplicate scan precision",
                          "Duplicate scan recall", "One customer's duplicate check, p95"}
    assert found["Duplicate scan recall"].value > 0.5  # the planted pairs are found at all
    assert all(math.isfinite(figure.value) for figure in found.values())
