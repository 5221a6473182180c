"""Shared by the benchmarks: medians of repeated runs and the shape of a result row."""

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def median_seconds(action: Callable[[], object], runs: int = 30, warmup: int = 5) -> float:
    for _ in range(warmup):
        action()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def row(
    name: str, value: float, floor: float, unit: str, target: float | None = None, note: str = ""
) -> dict:
    """One figure: `value` against its `floor` measured in the same run; target is a ratio."""
    return {
        "name": name,
        "value": value,
        "floor": floor,
        "unit": unit,
        "ratio": value / floor if floor else float("inf"),
        "target": target,
        "note": note,
    }
