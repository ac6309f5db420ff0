"""The morning view: every open item of every active application, and keep-applying."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.dates import week_start
from searchboard.domain.model import Application
from searchboard.domain.rules import ItemKind, OpenItem, open_items, sort_items
from searchboard.domain.settings import Settings

# How far ahead the agenda's "coming up" looks.
COMING_UP_BUSINESS_DAYS = 5
# The board's agenda shows this many items of a section, then says how many more: a
# morning list, not an archive.
SHOWN_PER_SECTION = 25


@dataclass(frozen=True)
class KeepApplying:
    """Progress towards the weekly goal of new applications (Monday to Sunday)."""

    goal: int
    applied_this_week: int
    last_applied: date | None
    behind: bool
    # How many a steady pace would have sent by the end of today.
    on_pace_count: int

    def to_dict(self) -> dict[str, object]:
        return {
            "goal": self.goal,
            "applied_this_week": self.applied_this_week,
            "last_applied": self.last_applied.isoformat() if self.last_applied else None,
            "behind": self.behind,
        }


@dataclass(frozen=True)
class Agenda:
    date: date
    business_day: bool
    holiday: str | None
    items: tuple[OpenItem, ...]
    keep_applying: KeepApplying | None
    coming_up_until: date

    @property
    def likely_ghosted(self) -> list[OpenItem]:
        return [item for item in self.items if item.kind is ItemKind.LIKELY_GHOSTED]

    @property
    def _to_do(self) -> list[OpenItem]:
        return [item for item in self.items if item.kind is not ItemKind.LIKELY_GHOSTED]

    @property
    def overdue(self) -> list[OpenItem]:
        return [item for item in self._to_do if item.overdue]

    @property
    def due_today(self) -> list[OpenItem]:
        return [item for item in self._to_do if item.due == self.date]

    @property
    def coming_up(self) -> list[OpenItem]:
        """Items due after today, up to COMING_UP_BUSINESS_DAYS business days ahead."""
        return [item for item in self._to_do if self.date < item.due <= self.coming_up_until]

    @property
    def later(self) -> list[OpenItem]:
        return [item for item in self._to_do if item.due > self.coming_up_until]

    def sections(self) -> dict[str, list[OpenItem]]:
        """The sections the board's agenda shows, in its order (`later` is left out)."""
        return {
            "overdue": self.overdue,
            "due_today": self.due_today,
            "coming_up": self.coming_up,
            "likely_ghosted": self.likely_ghosted,
        }

    @property
    def needs_attention(self) -> bool:
        """Whether anything is overdue or due today: then the agenda comes first."""
        return bool(self.overdue or self.due_today or self.likely_ghosted)

    def brief(self) -> str:
        """One line for a shell's start-up file; empty when there is nothing to say."""
        parts = []
        if self.overdue:
            parts.append(f"{len(self.overdue)} overdue")
        if self.due_today:
            parts.append(f"{len(self.due_today)} due today")
        if self.likely_ghosted:
            parts.append(f"{len(self.likely_ghosted)} likely ghosted")
        if parts and self.keep_applying is not None:
            progress = self.keep_applying
            parts.append(f"{progress.applied_this_week}/{progress.goal} applied this week")
        return " · ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat(),
            "business_day": self.business_day,
            "holiday": self.holiday,
            "items": [item.to_dict() for item in self.items],
            "keep_applying": self.keep_applying.to_dict() if self.keep_applying else None,
        }


def build_agenda(
    applications: Iterable[Application],
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
) -> Agenda:
    applications = list(applications)
    items: list[OpenItem] = []
    for app in applications:
        items.extend(open_items(app, calendar, settings, today))
    applied = [app.applied_on for app in applications]
    return agenda_from_items(items, applied, calendar, settings, today)


def agenda_from_items(
    items: Iterable[OpenItem],
    applied_dates: Iterable[date | None],
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
    already_sorted: bool = False,
) -> Agenda:
    """The agenda from items already worked out (the board keeps them per card, in
    order: `already_sorted` spares it sorting thousands of items on every change)."""
    items = list(items) if already_sorted else sort_items(items)
    return Agenda(
        date=today,
        business_day=calendar.is_business_day(today),
        holiday=calendar.holiday_name(today),
        items=tuple(items),
        keep_applying=(
            keep_applying(applied_dates, calendar, settings, today)
            if settings.keep_applying
            else None
        ),
        coming_up_until=calendar.add_business_days(today, COMING_UP_BUSINESS_DAYS),
    )


def keep_applying(
    applied_dates: Iterable[date | None],
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
) -> KeepApplying:
    """This week's count of new applications (by their `applied_on` dates) against the goal.

    "Behind" means behind a steady pace: by the end of today, the goal spread over
    the week's business days. Monday morning with none sent yet is behind by one,
    not by five; a week of holidays asks for the same goal over fewer days.
    """
    monday = week_start(today)
    sunday = monday + timedelta(days=6)
    applied_dates = [d for d in applied_dates if d is not None]
    this_week = sum(1 for d in applied_dates if monday <= d <= sunday)
    past = [d for d in applied_dates if d <= today]
    business_days = calendar.business_days_in_week(monday)
    if business_days:
        elapsed = sum(1 for day in business_days if day <= today)
        on_pace = math.ceil(settings.weekly_goal * elapsed / len(business_days))
    else:
        on_pace = 0
    return KeepApplying(
        goal=settings.weekly_goal,
        applied_this_week=this_week,
        last_applied=max(past, default=None),
        behind=this_week < on_pace,
        on_pace_count=on_pace,
    )
