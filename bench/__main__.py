"""Run every benchmark and write bench/RESULTS.md: the machine, then each figure as a ratio."""

import importlib
import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bench.timing import ROOT

MODULES = ["bench_http", "bench_pages", "bench_sync", "bench_pdf", "bench_offline", "bench_memory"]


def _machine() -> list[str]:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split()[1])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    cpu = platform.processor() or platform.machine()
    model = Path("/proc/cpuinfo")
    if model.exists():
        for line in model.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return [
        f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {memory}",
        f"- Python {platform.python_version()} on {platform.platform()}",
        f"- database: {os.environ.get('DATABASE_URL', 'SQLite (instance folder)')}".replace(
            "postgresql://", "postgresql://"
        ),
    ]


def _target(row: dict) -> str:
    target = row.get("target")
    if target is None:
        return "no target set"
    if isinstance(target, str):
        return target
    if row.get("ratio") is None:
        return f"{target:g}"
    verdict = "meets" if row["ratio"] <= target else "MISSES"
    return f"at most {target:g}x: {verdict}"


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"


def _ratio(row: dict) -> str:
    return "n/a" if row.get("ratio") is None else f"{row['ratio']:.2f}x"


def main() -> int:
    lines = [
        "# Benchmark results",
        "",
        *_machine(),
        "",
        "| figure | value | floor | ratio | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    failures = []
    for name in MODULES:
        print(f"running {name} ...", flush=True)
        try:
            module = importlib.import_module(f"bench.{name}")
            rows = module.run()
        except Exception:  # a broken benchmark is reported, the others still run
            failures.append(name)
            traceback.print_exc()
            lines.append(f"| {name} | failed | | | see the run's output |")
            continue
        for row in rows:
            unit = row.get("unit", "ms")
            note = f" ({row['note']})" if row.get("note") else ""
            lines.append(
                f"| {row['name']}{note} | {_format(row['value'], unit)} | "
                f"{_format(row['floor'], unit)} | {_ratio(row)} | {_target(row)} |"
            )
    out = ROOT / "bench" / "RESULTS.md"
    out.write_text("\n".join(lines) + "\n")
    print(out.read_text())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
