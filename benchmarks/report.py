"""benchmarks/RESULTS.md: one section per size run, the machine it ran on, each figure a row.

A run rewrites the section of its own size and keeps the others, so the 100,000 and the
1,000,000 runs stand side by side.
"""

from __future__ import annotations

import math
import os
import platform
import re
import sqlite3
from datetime import date
from pathlib import Path

from benchmarks.figures import Figure

TITLE = "# Benchmark results"
INTRO = """How Contact Desk keeps up at dealership-group scale. Every figure is measured by
`.venv/bin/python -m benchmarks.run [--customers N]` on a synthetic DMS export (faker,
fixed seed, about four phones and emails per customer). Where a raw limit exists it is
measured in the same run, and the ratio is the desk's figure over that limit.
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}")


def section(customers: int, figures: list[Figure], remarks: list[str]) -> str:
    lines = [f"## {customers:,} customers", "",
             f"Run on {date.today().isoformat()}: {machine()}.", "",
             "| figure | value | limit | ratio | target | met | note |",
             "|---|---|---|---|---|---|---|"]
    for figure in figures:
        limit = "" if figure.limit is None else _number(figure.limit, figure.unit)
        ratio = "" if figure.ratio is None else f"{figure.ratio:.2f}"
        met = "" if figure.met is None else ("yes" if figure.met else "**no**")
        lines.append(f"| {figure.name} | {_number(figure.value, figure.unit)} | {limit} | "
                     f"{ratio} | {figure.target} | {met} | {figure.note} |")
    lines += ["", *remarks, ""] if remarks else [""]
    return "\n".join(lines)


def write_results(path: Path, customers: int, figures: list[Figure],
                  remarks: list[str] = ()) -> None:
    """Put this run's section into ``path``, replacing an older one of the same size."""
    sections = _sections(path.read_text(encoding="utf-8")) if path.exists() else {}
    sections[customers] = section(customers, figures, list(remarks))
    body = "\n".join(sections[size] for size in sorted(sections))
    path.write_text(f"{TITLE}\n\n{INTRO}\n{body}", encoding="utf-8")


def _sections(text: str) -> dict[int, str]:
    found = {}
    parts = re.split(r"(?m)^(?=## [\d,]+ customers)", text)
    for part in parts[1:]:
        size = int(re.match(r"## ([\d,]+)", part).group(1).replace(",", ""))
        found[size] = part.rstrip("\n") + "\n"
    return found


def _number(value: float, unit: str) -> str:
    if not math.isfinite(value):
        return str(value)
    digits = 1 if unit in {"ms", "MiB"} else 2
    return f"{value:,.{digits}f} {unit}"
