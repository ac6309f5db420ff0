"""Closed days of a country, from the `holidays` package, cached on disk.

Importing `holidays` and working out one country's year costs about a quarter of a
second: ten times Python's own start-up, and far too much for `searchboard today`
in a shell's start-up file. What it finds for a (country, subdivision, year) never
changes for one version of the package, so it is cached in the user's cache folder
under a key that changes when the package does. A cache that cannot be read is
ignored and rebuilt: it holds nothing that cannot be worked out again.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from searchboard.domain.calendar import BusinessCalendar, ClosedDays, UnknownRegion

CACHE_FORMAT = 1
# Years worked out together on a cache miss: most rules look a few weeks either side.
_NEIGHBOUR_YEARS = 1


def business_calendar(
    country: str, subdiv: str | None, days_off: tuple[date, ...] = ()
) -> BusinessCalendar:
    """A business calendar for a country (and subdivision) and the user's days off."""
    source = HolidaySource(country, subdiv)
    return BusinessCalendar(source.closed_days, days_off)


def check_region(country: str, subdiv: str | None) -> None:
    """Raises UnknownRegion, with a message naming it, if the region is unknown."""
    HolidaySource(country, subdiv).closed_days(date.today().year)


class HolidaySource:
    def __init__(self, country: str, subdiv: str | None, cache_dir: Path | None = None) -> None:
        self.country = country.upper()
        self.subdiv = subdiv
        self._cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
        self._cached_years: dict[str, Any] | None = None

    @property
    def _cache_file(self) -> Path | None:
        version = holidays_fingerprint()
        if version is None or self._cache_dir is None:
            return None
        name = f"holidays-{self.country}-{self.subdiv or 'all'}-{version}.json"
        return self._cache_dir / name

    def closed_days(self, year: int) -> ClosedDays:
        cached = self._read_cache().get(str(year))
        if cached is not None:
            try:
                return _closed_days_from_json(year, cached)
            except (KeyError, TypeError, ValueError):
                pass  # a damaged entry: work it out again below
        years = range(year - _NEIGHBOUR_YEARS, year + _NEIGHBOUR_YEARS + 1)
        found = {y: compute_closed_days(self.country, self.subdiv, y) for y in years}
        self._write_cache(found)
        return found[year]

    def _read_cache(self) -> dict[str, Any]:
        if self._cached_years is None:
            self._cached_years = {}
            path = self._cache_file
            if path is not None:
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                    if data.get("format") == CACHE_FORMAT:
                        self._cached_years = data["years"]
                except (OSError, ValueError, KeyError, AttributeError, TypeError):
                    pass
        return self._cached_years

    def _write_cache(self, found: dict[int, ClosedDays]) -> None:
        years = self._read_cache()
        for year, closed in found.items():
            years[str(year)] = _closed_days_to_json(closed)
        path = self._cache_file
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".holidays-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"format": CACHE_FORMAT, "years": years}, handle)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache we cannot write only costs time


def compute_closed_days(country: str, subdiv: str | None, year: int) -> ClosedDays:
    """Asks the `holidays` package which days of `year` are not working days."""
    import holidays  # deferred: the expensive import this module exists to avoid

    try:
        calendar = holidays.country_holidays(country, subdiv=subdiv, years=year)
    except NotImplementedError:
        if subdiv:
            raise UnknownRegion(f"unknown subdivision {subdiv!r} of country {country!r}") from None
        raise UnknownRegion(f"unknown country {country!r} (use an ISO code such as US)") from None
    language = _english_or_default(calendar)
    if language != calendar.default_language:
        calendar = holidays.country_holidays(country, subdiv=subdiv, years=year, language=language)
    closed: set[date] = set()
    names: dict[date, str] = {}
    day = date(year, 1, 1)
    ordinal, last = day.toordinal(), date(year, 12, 31).toordinal()
    while ordinal <= last:
        day = date.fromordinal(ordinal)
        if not calendar.is_working_day(day):
            closed.add(day)
        ordinal += 1
    for day, name in calendar.items():
        if day.year == year:
            names[day] = name
    return ClosedDays(year=year, closed=frozenset(closed), holiday_names=names)


def _english_or_default(calendar: Any) -> str | None:
    """Holiday names in English when the package has them (the app speaks English)."""
    default = calendar.default_language
    languages = calendar.supported_languages or ()
    if default is None or default.startswith("en"):
        return default
    return "en_US" if "en_US" in languages else default


def _closed_days_to_json(closed: ClosedDays) -> dict[str, Any]:
    return {
        "closed": sorted(day.toordinal() for day in closed.closed),
        "names": {day.isoformat(): name for day, name in closed.holiday_names.items()},
    }


def _closed_days_from_json(year: int, data: dict[str, Any]) -> ClosedDays:
    return ClosedDays(
        year=year,
        closed=frozenset(date.fromordinal(n) for n in data["closed"]),
        holiday_names={date.fromisoformat(k): str(v) for k, v in data["names"].items()},
    )


@cache
def holidays_fingerprint() -> str | None:
    """Changes whenever the installed `holidays` package does, without importing it."""
    try:
        spec = find_spec("holidays")
        if spec is None or spec.origin is None:
            return None
        stat = os.stat(spec.origin)
    except (ImportError, OSError, ValueError):
        return None
    return f"{stat.st_mtime_ns:x}{stat.st_size:x}"


def default_cache_dir() -> Path | None:
    explicit = os.environ.get("SEARCHBOARD_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit else None  # empty: no cache
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("searchboard", appauthor=False))
