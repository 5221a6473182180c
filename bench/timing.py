"""Shared by the benchmarks: medians of repeated runs and the shape of a result row."""

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def median_seconds(
    action: Callable[[], object],
    runs: int = 30,
    warmup: int = 5,
    prepare: Callable[[], object] | None = None,
) -> float:
    """Median time of `action` over `runs` after `warmup` untimed ones; `prepare` runs untimed
    before each of them (fresh rows for a push, say)."""
    timings = []
    for n in range(warmup + runs):
        if prepare is not None:
            prepare()
        started = time.perf_counter()
        action()
        if n >= warmup:
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def verdict(value: float, limit: float) -> str:
    return "meets" if value <= limit else "MISSES"


def at_most(value: float, limit: float, unit: str) -> str:
    """An absolute target (a 16 ms frame, 0 bytes), spelled out with its verdict."""
    return f"at most {limit:g} {unit}: {verdict(value, limit)}"


def row(
    name: str,
    value: float,
    floor: float | None,
    unit: str,
    target: float | str | None = None,
    note: str = "",
) -> dict:
    """One figure: `value` against its `floor` measured in the same run (None: no floor).
    A number `target` is the most the ratio may be; a string is an absolute or qualitative one."""
    ratio = None if floor is None else value / floor if floor else float("inf")
    return {
        "name": name,
        "value": value,
        "floor": floor,
        "unit": unit,
        "ratio": ratio,
        "target": target,
        "note": note,
    }
