"""Run every benchmark and write bench/RESULTS.md: the machine, then each figure as a ratio."""

import importlib
import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bench import report
from bench.apps import postgresql_url
from bench.timing import ROOT

MODULES = [
    "bench_http",
    "bench_pages",
    "bench_drafts",
    "bench_sync",
    "bench_pdf",
    "bench_offline",
    "bench_memory",
    "bench_signin",
]


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
        f"- database: {_database()}",
    ]


def _database() -> str:
    url = postgresql_url()
    if url is None:
        return "SQLite, a temporary file per benchmark"
    from sqlalchemy import make_url

    where = make_url(url).render_as_string(hide_password=True)
    return f"PostgreSQL, a scratch schema per benchmark in {where}"


def main() -> int:
    lines = [
        "# Benchmark results",
        "",
        *_machine(),
        "",
        *report.HEADER,
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
            lines.append(report.failed(name))
            continue
        lines.extend(report.line(row) for row in rows)
    out = ROOT / "bench" / "RESULTS.md"
    out.write_text("\n".join(lines) + "\n")
    print(out.read_text())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
