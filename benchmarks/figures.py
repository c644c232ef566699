"""A measured figure as the report shows it: value, the limit it is held against, the ratio."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    limit: float | None = None  # the raw floor measured in the same run, same unit
    target: str = ""  # what the figure must reach, in words ("ratio <= 1.5", "< 30 ms")
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.limit is None:
            return None
        return self.value / self.limit if self.limit > 0 else math.inf


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` (0..1) percentile by nearest rank: p95 of 200 samples is the 190th."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def millis(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 of samples in seconds, in milliseconds."""
    return statistics.median(samples) * 1000, percentile(samples, 0.95) * 1000
