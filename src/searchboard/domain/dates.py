"""Reading dates that people type."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# The dates a person may type. Python's dates end at 9999, but a date near either end
# breaks what is counted from it (the holidays of the next year, a follow-up ten business
# days on), so a typo like 9999-12-31 is refused where it is typed, not found later.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)
# The dates read from the data file: wider, so that a file an earlier searchboard
# accepted (2300-01-01, typed then) still opens, yet far from where counting breaks.
STORED_EARLIEST, STORED_LATEST = date(1000, 1, 1), date(9000, 12, 31)


class DateOutOfRange(ValueError):
    """A real date, but outside the range allowed where it was read (typed or stored)."""


def parse_date(text: str) -> date:
    """A date typed as YYYY-MM-DD, or ValueError saying what is wrong."""
    return _parse(text, EARLIEST, LATEST)


def parse_stored_date(text: str) -> date:
    """A date read from the data file (YYYY-MM-DD, in the wider stored range)."""
    return _parse(text, STORED_EARLIEST, STORED_LATEST)


def _parse(text: str, earliest: date, latest: date) -> date:
    cleaned = text.strip()
    try:
        if not _ISO_DATE.fullmatch(cleaned):  # fromisoformat also takes 2026-W48-2
            raise ValueError
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"malformed date {text!r} (expected YYYY-MM-DD)") from None
    if not earliest <= day <= latest:
        raise DateOutOfRange(f"date {cleaned} is out of range ({earliest.year} to {latest.year})")
    return day


def in_stored_range(text: str) -> bool:
    """Whether a date already known to be written YYYY-MM-DD may be read from the file."""
    return _FIRST_STORED_YEAR <= text[:4] <= _LAST_STORED_YEAR


_FIRST_STORED_YEAR = f"{STORED_EARLIEST.year:04d}"
_LAST_STORED_YEAR = f"{STORED_LATEST.year:04d}"


def parse_date_list(text: str) -> tuple[date, ...]:
    """Comma-separated YYYY-MM-DD dates, sorted and without repeats; '' is none."""
    parts = [part for part in (p.strip() for p in text.split(",")) if part]
    return tuple(sorted({parse_date(part) for part in parts}))


def week_start(day: date) -> date:
    """The Monday of the week holding `day`."""
    return date.fromordinal(day.toordinal() - day.weekday())
