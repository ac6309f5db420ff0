"""What the benchmark found: one row per measurement, its target, and the printed table."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Target:
    """`measured ≤ times × baseline + plus`, or `measured ≤ at_most` when there is no baseline."""

    times: float | None = None
    plus: float = 0.0
    at_most: float | None = None

    def limit(self, baseline: float | None) -> float | None:
        if self.at_most is not None:
            return self.at_most
        if self.times is None or baseline is None:
            return None
        return self.times * baseline + self.plus

    def describe(self, unit: str, baseline_name: str) -> str:
        if self.at_most is not None:
            return f"≤ {self.at_most:g} {unit}"
        plus = f" + {self.plus:g} {unit}" if self.plus else ""
        return f"≤ {self.times:g}× {baseline_name}{plus}"


@dataclass(frozen=True)
class Row:
    what: str
    size: int
    unit: str  # "ms" or "MB"
    measured: float | None = None  # a median
    baseline: float | None = None  # the baseline's median, side by side in the same run
    baseline_name: str = ""
    target: Target | None = None
    runs: int = 0
    skipped: str | None = None  # why nothing was measured

    @property
    def ratio(self) -> float | None:
        if self.measured is None or not self.baseline:
            return None
        return self.measured / self.baseline

    @property
    def result(self) -> str:
        if self.skipped:
            return self.skipped
        limit = self.target.limit(self.baseline) if self.target else None
        if limit is None or self.measured is None:
            return "info (no target at this size)"
        return "pass" if self.measured <= limit else "FAIL"

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["target"] = self._target_text() or None
        data.update(ratio=self.ratio, result=self.result)
        return data

    def _target_text(self) -> str:
        return self.target.describe(self.unit, self.baseline_name) if self.target else ""


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


_HEADINGS = ("what", "size", "median", "baseline (median)", "ratio", "target", "result")


def table(rows: list[Row]) -> str:
    cells = [_HEADINGS, *(_cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in cells) for column in range(len(_HEADINGS))]
    right = {1, 2, 4}  # numbers line up on the right

    def line(values: tuple[str, ...]) -> str:
        parts = (
            value.rjust(width) if column in right else value.ljust(width)
            for column, (value, width) in enumerate(zip(values, widths, strict=True))
        )
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(cells[0]), rule, *(line(values) for values in cells[1:])])


def _cells(row: Row) -> tuple[str, ...]:
    baseline = "" if row.baseline is None else f"{_number(row.baseline, row.unit)}"
    if baseline and row.baseline_name:
        baseline += f" ({row.baseline_name})"
    return (
        row.what,
        f"{row.size:,}",
        "" if row.measured is None else _number(row.measured, row.unit),
        baseline,
        "" if row.ratio is None else f"{row.ratio:.2f}×",
        row._target_text(),
        row.result,
    )


def _number(value: float, unit: str) -> str:
    return f"{value:,.1f} {unit}"


def as_json(rows: list[Row], settings: dict[str, object]) -> str:
    return json.dumps({"settings": settings, "results": [row.as_dict() for row in rows]}, indent=2)
