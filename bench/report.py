"""The one table every benchmark's rows are printed in, alone or in bench/RESULTS.md."""

from bench.timing import verdict

HEADER = ["| figure | value | floor | ratio | target |", "| --- | ---: | ---: | ---: | --- |"]


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"


def _ratio(row: dict) -> str:
    return "n/a" if row["ratio"] is None else f"{row['ratio']:.2f}x"


def _target(row: dict) -> str:
    target = row["target"]
    if target is None:
        return "no target set"
    if isinstance(target, str):
        return target
    if row["ratio"] is None:
        return f"{target:g}"
    return f"at most {target:g}x: {verdict(row['ratio'], target)}"


def line(row: dict) -> str:
    note = f" ({row['note']})" if row["note"] else ""
    unit = row["unit"]
    return (
        f"| {row['name']}{note} | {_amount(row['value'], unit)} | "
        f"{_amount(row['floor'], unit)} | {_ratio(row)} | {_target(row)} |"
    )


def failed(module: str) -> str:
    """The line standing in for a benchmark that raised, so the others' figures still print."""
    return f"| {module} | failed | | | see the run's output |"


def table(rows: list[dict]) -> str:
    return "\n".join([*HEADER, *(line(row) for row in rows)])
