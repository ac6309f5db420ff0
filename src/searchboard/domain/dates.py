"""Reading dates that people type."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str) -> date:
    """A date written as YYYY-MM-DD, or ValueError saying what is wrong."""
    cleaned = text.strip()
    try:
        if not _ISO_DATE.fullmatch(cleaned):  # fromisoformat also takes 2026-W48-2
            raise ValueError
        return date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"malformed date {text!r} (expected YYYY-MM-DD)") from None


def parse_date_list(text: str) -> tuple[date, ...]:
    """Comma-separated YYYY-MM-DD dates, sorted and without repeats; '' is none."""
    parts = [part for part in (p.strip() for p in text.split(",")) if part]
    return tuple(sorted({parse_date(part) for part in parts}))


def week_start(day: date) -> date:
    """The Monday of the week holding `day`."""
    return date.fromordinal(day.toordinal() - day.weekday())
