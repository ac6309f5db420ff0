"""Business days: weekends and public holidays of a country, and the user's days off.

The calendar does not know where its holidays come from. It asks a loader for one
year at a time (see `searchboard.holiday_source`, which reads the `holidays` package
and caches what it found), so the rules can be tested on any calendar and the
command line does not pay for holiday data it has already worked out.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class ClosedDays:
    """The days of one year on which a country does not work.

    `closed` holds weekend days (by the country's weekend on that date) and public
    holidays; `holiday_names` names the holidays among them.
    """

    year: int
    closed: frozenset[date]
    holiday_names: Mapping[date, str] = field(default_factory=dict)


YearLoader = Callable[[int], ClosedDays]


class UnknownRegion(ValueError):
    """A country or subdivision for which no holidays are known."""


class BusinessCalendar:
    """Answers 'is this a business day' and 'what is the n-th business day after'."""

    def __init__(self, load_year: YearLoader, days_off: Iterable[date] = ()) -> None:
        self._load_year = load_year
        self._days_off = frozenset(days_off)
        self._years: dict[int, ClosedDays] = {}
        # Per year, the ordinals of its business days in order, for bisecting.
        self._business_ordinals: dict[int, list[int]] = {}
        # add_business_days' answers: thousands of applications share a few hundred
        # dates, and the board asks for each of them on opening.
        self._added: dict[tuple[date, int], date] = {}

    def _year(self, year: int) -> ClosedDays:
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = self._load_year(year)
        return found

    def _ordinals(self, year: int) -> list[int]:
        ordinals = self._business_ordinals.get(year)
        if ordinals is None:
            closed = self._year(year).closed | self._days_off
            first = date(year, 1, 1).toordinal()
            last = date(year, 12, 31).toordinal()
            ordinals = [n for n in range(first, last + 1) if date.fromordinal(n) not in closed]
            self._business_ordinals[year] = ordinals
        return ordinals

    def is_business_day(self, day: date) -> bool:
        if day in self._days_off:
            return False
        return day not in self._year(day.year).closed

    def holiday_name(self, day: date) -> str | None:
        """The public holiday on `day`, if any (weekends and days off are not named)."""
        return self._year(day.year).holiday_names.get(day)

    def is_day_off(self, day: date) -> bool:
        """Whether `day` is one of the user's own days off."""
        return day in self._days_off

    def add_business_days(self, day: date, n: int) -> date:
        """bd(day, n): the n-th business day after `day`.

        With n = 0, `day` itself when it is a business day, else the next one: the
        same convention as the `holidays` package's get_nth_working_day.
        """
        key = (day, n)
        found = self._added.get(key)
        if found is None:
            found = self._added[key] = self._nth_business_day_after(day, n)
        return found

    def _nth_business_day_after(self, day: date, n: int) -> date:
        if n < 0:
            raise ValueError("n must not be negative")
        if n == 0:
            return day if self.is_business_day(day) else self.add_business_days(day, 1)
        remaining = n
        year = day.year
        after = day.toordinal()
        while True:
            ordinals = self._ordinals(year)
            start = bisect.bisect_right(ordinals, after)
            available = len(ordinals) - start
            if remaining <= available:
                return date.fromordinal(ordinals[start + remaining - 1])
            remaining -= available
            year += 1
            if year > day.year + max(10, n):  # a calendar with no business days at all
                raise ValueError("no business days found")

    def business_days_between(self, start: date, end: date) -> int:
        """How many business days fall after `start`, up to and including `end`."""
        if end <= start:
            return 0
        count = 0
        for year in range(start.year, end.year + 1):
            ordinals = self._ordinals(year)
            low = bisect.bisect_right(ordinals, start.toordinal())
            high = bisect.bisect_right(ordinals, end.toordinal())
            count += high - low
        return count

    def business_days_in_week(self, monday: date) -> list[date]:
        days = (monday + timedelta(days=offset) for offset in range(7))
        return [day for day in days if self.is_business_day(day)]
