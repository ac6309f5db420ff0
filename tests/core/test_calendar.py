"""Business days (SPEC §3): weekends and public holidays of a country, and days off.

Every date below can be checked on a calendar: 2026-11-26 is the fourth Thursday of
November (US Thanksgiving), 2026-12-25 is a Friday, and so on.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchboard.domain.calendar import BusinessCalendar, ClosedDays
from searchboard.holiday_source import UnknownRegion, business_calendar

D = date.fromisoformat


def weekends_only(year: int) -> ClosedDays:
    """A country with Saturday-Sunday weekends and no holidays at all."""
    first = date(year, 1, 1)
    days = (first + timedelta(days=i) for i in range(366))
    closed = frozenset(day for day in days if day.year == year and day.weekday() >= 5)
    return ClosedDays(year=year, closed=closed)


# --- named holidays ---------------------------------------------------------------------------


def test_us_thanksgiving_is_not_a_business_day(us):
    thanksgiving = D("2026-11-26")
    assert thanksgiving.strftime("%A") == "Thursday"
    assert not us.is_business_day(thanksgiving)
    assert us.holiday_name(thanksgiving) == "Thanksgiving Day"
    # The days around it are ordinary working days.
    assert us.is_business_day(D("2026-11-25"))
    assert us.is_business_day(D("2026-11-27"))
    assert us.holiday_name(D("2026-11-25")) is None


def test_us_business_day_after_thanksgiving_eve_is_the_friday(us):
    assert us.add_business_days(D("2026-11-25"), 1) == D("2026-11-27")
    assert us.add_business_days(D("2026-11-25"), 2) == D("2026-11-30")


def test_california_also_closes_the_day_after_thanksgiving(calendar_for):
    ca = calendar_for("US", "CA")
    assert ca.holiday_name(D("2026-11-27")) == "Day After Thanksgiving"
    assert not ca.is_business_day(D("2026-11-27"))
    assert ca.add_business_days(D("2026-11-25"), 1) == D("2026-11-30")


def test_weekends_are_not_named_as_holidays(us):
    saturday = D("2026-11-28")
    assert not us.is_business_day(saturday)
    assert us.holiday_name(saturday) is None


def test_gb_christmas_and_boxing_day_observed(calendar_for):
    gb = calendar_for("GB")
    # 25 Dec 2026 is a Friday; Boxing Day falls on Saturday 26 and is observed Monday 28.
    assert D("2026-12-25").strftime("%a") == "Fri"
    assert not gb.is_business_day(D("2026-12-25"))
    assert not gb.is_business_day(D("2026-12-28"))
    assert gb.holiday_name(D("2026-12-28")) == "Boxing Day (observed)"
    assert gb.add_business_days(D("2026-12-24"), 1) == D("2026-12-29")


def test_german_states_differ(calendar_for):
    bavaria = calendar_for("DE", "BY")
    berlin = calendar_for("DE", "BE")
    # Epiphany (Tue 6 Jan 2026) and Corpus Christi (Thu 4 Jun 2026) are holidays in
    # Bavaria, not in Berlin.
    for day, name in ((D("2026-01-06"), "Epiphany"), (D("2026-06-04"), "Corpus Christi")):
        assert not bavaria.is_business_day(day)
        assert bavaria.holiday_name(day) == name
        assert berlin.is_business_day(day)
        assert berlin.holiday_name(day) is None
    assert bavaria.add_business_days(D("2026-01-05"), 1) == D("2026-01-07")
    assert berlin.add_business_days(D("2026-01-05"), 1) == D("2026-01-06")
    assert bavaria.add_business_days(D("2026-06-03"), 1) == D("2026-06-05")
    assert berlin.add_business_days(D("2026-06-03"), 1) == D("2026-06-04")


def test_israel_weekend_is_friday_and_saturday(calendar_for):
    il = calendar_for("IL")
    thursday = D("2026-11-05")
    assert thursday.strftime("%A") == "Thursday"
    assert not il.is_business_day(D("2026-11-06"))  # Friday
    assert not il.is_business_day(D("2026-11-07"))  # Saturday
    assert il.is_business_day(D("2026-11-08"))  # Sunday is a working day
    assert il.add_business_days(thursday, 1) == D("2026-11-08")


def test_israel_sunday_holiday_is_skipped(calendar_for):
    il = calendar_for("IL")
    # Rosh Hashanah 5787 falls on Sat 12 and Sun 13 Sep 2026.
    assert not il.is_business_day(D("2026-09-13"))
    assert il.holiday_name(D("2026-09-13")) is not None
    assert il.add_business_days(D("2026-09-10"), 1) == D("2026-09-14")


def test_uae_weekend_changed_in_2022(calendar_for):
    """The UAE moved from a Friday-Saturday weekend to Saturday-Sunday in 2022."""
    ae = calendar_for("AE")
    assert not ae.is_business_day(D("2021-06-04"))  # Friday, old weekend
    assert ae.is_business_day(D("2021-06-06"))  # Sunday, old working day
    assert ae.is_business_day(D("2023-06-02"))  # Friday, new working day
    assert not ae.is_business_day(D("2023-06-04"))  # Sunday, new weekend


def test_unknown_country_is_refused():
    with pytest.raises(UnknownRegion, match="ZZ"):
        business_calendar("ZZ", None).is_business_day(D("2026-01-05"))


def test_unknown_subdivision_is_refused():
    with pytest.raises(UnknownRegion, match="XX"):
        business_calendar("US", "XX").is_business_day(D("2026-01-05"))


# --- the user's days off ----------------------------------------------------------------------


def test_days_off_are_skipped(calendar_for):
    cal = calendar_for("US", None, [D("2026-11-27"), D("2026-11-30")])
    assert not cal.is_business_day(D("2026-11-27"))
    assert cal.is_day_off(D("2026-11-27"))
    assert not cal.is_day_off(D("2026-11-26"))
    assert cal.holiday_name(D("2026-11-27")) is None
    assert cal.add_business_days(D("2026-11-25"), 1) == D("2026-12-01")
    assert cal.business_days_between(D("2026-11-23"), D("2026-12-01")) == 3  # 24, 25, 1 Dec


def test_days_off_on_a_synthetic_calendar():
    cal = BusinessCalendar(weekends_only, [D("2026-03-04")])  # a Wednesday
    assert cal.add_business_days(D("2026-03-03"), 1) == D("2026-03-05")
    assert cal.add_business_days(D("2026-03-03"), 3) == D("2026-03-09")


# --- n = 0, between, long spans ---------------------------------------------------------------


def test_n_zero_is_the_day_itself_when_it_is_a_business_day(us):
    assert us.add_business_days(D("2026-11-25"), 0) == D("2026-11-25")


def test_n_zero_on_a_closed_day_is_the_next_business_day(us):
    assert us.add_business_days(D("2026-11-26"), 0) == D("2026-11-27")  # Thanksgiving
    assert us.add_business_days(D("2026-11-28"), 0) == D("2026-11-30")  # Saturday
    reference = holidays.country_holidays("US")
    for day in ("2026-11-25", "2026-11-26", "2026-11-28", "2026-11-29"):
        assert us.add_business_days(D(day), 0) == reference.get_nth_working_day(D(day), 0)


def test_negative_n_is_refused(us):
    with pytest.raises(ValueError):
        us.add_business_days(D("2026-11-25"), -1)


def test_business_days_between(us):
    # Mon 23 Nov to Mon 30 Nov 2026: Tue, Wed, Fri (Thanksgiving skipped), Mon.
    assert us.business_days_between(D("2026-11-23"), D("2026-11-30")) == 4
    assert us.business_days_between(D("2026-11-30"), D("2026-11-23")) == 0
    assert us.business_days_between(D("2026-11-25"), D("2026-11-25")) == 0


def test_spans_across_new_year(calendar_for):
    us = calendar_for("US")
    # Thu 31 Dec 2026 → Fri 1 Jan 2027 is New Year's Day → Mon 4 Jan.
    assert us.add_business_days(D("2026-12-31"), 1) == D("2027-01-04")
    # Fri 31 Dec 2027 is New Year's Day (observed) for Sat 1 Jan 2028.
    assert not us.is_business_day(D("2027-12-31"))
    assert us.add_business_days(D("2027-12-30"), 1) == D("2028-01-03")
    assert us.business_days_between(D("2026-12-30"), D("2027-01-05")) == 3


def test_a_long_span_matches_holidays(us):
    reference = holidays.country_holidays("US")
    assert us.add_business_days(D("2026-01-02"), 400) == reference.get_nth_working_day(
        D("2026-01-02"), 400
    )


def test_business_days_in_week(us):
    week = us.business_days_in_week(D("2026-11-23"))
    assert week == [D("2026-11-23"), D("2026-11-24"), D("2026-11-25"), D("2026-11-27")]


# --- the on-disk holiday cache ----------------------------------------------------------------


def test_cache_is_written_and_reused(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("SEARCHBOARD_CACHE_DIR", str(cache_dir))
    first = business_calendar("GB", None)
    assert not first.is_business_day(D("2026-12-28"))
    files = list(cache_dir.glob("holidays-GB-*.json"))
    assert len(files) == 1
    second = business_calendar("GB", None)
    assert second.holiday_name(D("2026-12-28")) == "Boxing Day (observed)"
    assert second.add_business_days(D("2026-12-24"), 1) == D("2026-12-29")


def test_damaged_cache_is_ignored(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("SEARCHBOARD_CACHE_DIR", str(cache_dir))
    business_calendar("US", None).is_business_day(D("2026-11-26"))
    (cache_file,) = cache_dir.glob("holidays-US-*.json")
    cache_file.write_text("{not json")
    cal = business_calendar("US", None)
    assert not cal.is_business_day(D("2026-11-26"))
    assert cal.holiday_name(D("2026-11-26")) == "Thanksgiving Day"
    # A cache entry of the wrong shape is worked out again, too.
    cache_file.write_text(json.dumps({"format": 1, "years": {"2026": {"closed": "x"}}}))
    assert business_calendar("US", None).add_business_days(D("2026-11-25"), 1) == D("2026-11-27")


def test_empty_cache_dir_disables_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCHBOARD_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    cal = business_calendar("US", None)
    assert cal.add_business_days(D("2026-11-25"), 1) == D("2026-11-27")
    assert list(tmp_path.iterdir()) == []


# --- properties against the holidays package --------------------------------------------------

REGIONS = [
    ("US", None),
    ("US", "CA"),
    ("GB", None),
    ("DE", "BY"),
    ("IL", None),
    ("AE", None),
]


@cache
def reference(country: str, subdiv: str | None) -> holidays.HolidayBase:
    return holidays.country_holidays(country, subdiv=subdiv)


@cache
def ours(country: str, subdiv: str | None) -> BusinessCalendar:
    return business_calendar(country, subdiv)


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
regions = st.sampled_from(REGIONS)
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(region=regions, day=dates, n=st.integers(min_value=1, max_value=40))
def test_bd_is_a_later_business_day_matching_holidays(region, day, n):
    cal = ours(*region)
    result = cal.add_business_days(day, n)
    assert result > day
    assert cal.is_business_day(result)
    assert result == reference(*region).get_nth_working_day(day, n)
    assert cal.business_days_between(day, result) == n
    # Every day strictly between `day` and the result, other than the n - 1 business
    # days counted on the way, is closed.
    between = [day + timedelta(days=k) for k in range(1, (result - day).days)]
    assert sum(1 for x in between if cal.is_business_day(x)) == n - 1


@PROPERTY
@given(region=regions, day=dates, n=st.integers(min_value=1, max_value=39))
def test_bd_is_strictly_increasing_in_n(region, day, n):
    cal = ours(*region)
    assert cal.add_business_days(day, n) < cal.add_business_days(day, n + 1)
    # Counting n + 1 is counting n, then one more.
    assert cal.add_business_days(day, n + 1) == cal.add_business_days(
        cal.add_business_days(day, n), 1
    )


@PROPERTY
@given(region=regions, day=dates)
def test_is_business_day_matches_holidays(region, day):
    assert ours(*region).is_business_day(day) == reference(*region).is_working_day(day)


@PROPERTY
@given(
    region=regions,
    day=dates,
    n=st.integers(min_value=1, max_value=40),
    offsets=st.sets(st.integers(min_value=0, max_value=70), max_size=12),
)
def test_bd_skips_days_off(region, day, n, offsets):
    days_off = tuple(sorted(day + timedelta(days=k) for k in offsets))
    cal = business_calendar(*region, days_off)
    result = cal.add_business_days(day, n)
    assert result not in days_off
    assert cal.is_business_day(result)
    # Reference: walk day by day with the holidays package and the days off.
    ref = reference(*region)
    current, counted = day, 0
    while counted < n:
        current += timedelta(days=1)
        if ref.is_working_day(current) and current not in days_off:
            counted += 1
    assert result == current
    assert cal.business_days_between(day, result) == n
