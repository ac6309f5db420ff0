"""Insights: how the search is going, from the timelines of every application.

`compute_insights` answers the questions a job seeker asks after a few weeks: how
far do applications get (the funnel), how often does anyone answer, how long does
that take in business days, how many go silent, and am I sending enough each week?
Every figure is worked out for all applications and again for each source, and
every rate or median carries the number of applications it rests on, because "50%"
means little when it is one of two.

Decisions where the question alone leaves a choice:

- The figures are as of `today`: events dated after it (a booked interview, say)
  have not happened yet and are ignored.
- An application *reached* a funnel stage (applied, screening, interviewing, offer,
  accepted) if its current stage or any `stage` event is that stage or a later one,
  or an event implies it (`applied` → applied, `interview` → interviewing, `offer`
  → offer). A card that is or was `rejected` or `ghosted` was sent: only a sent
  application can be turned down or left unanswered. Applications that reached no
  funnel stage (the wishlist, or withdrawn before applying) are counted as
  `wishlist`; every other figure rests on the *sent* ones.
- *Contact* is `rules.contact_events` without the candidate's own `applied`
  events: a response, an interview, an offer, or a forward move into screening,
  interviewing or offer. A card that reached screening or later also counts as
  answered even when its timeline lacks such an event (hand-made data). A
  rejection counts as a decision below but not as contact, as in the rules.
- Days to first contact: from the first `applied` date to the first contact on or
  after it, in business days (`business_days_between`: a reply the same day is 0).
  Applications without an `applied` event, or with contact only before applying
  (a recruiter who wrote first), are left out of this median.
- Days from interview to decision: the first decision (an `offer` event, or a move
  into offer, accepted or rejected) that has an interview on or before its date,
  measured from the latest such interview. One figure per application.
- Ghosted share: sent applications whose current stage is `ghosted`, over all sent
  applications (a ghosted card that came back no longer counts).
- Weeks run Monday to Sunday, the one holding `today` last, counted by
  `Application.applied_on`. The goal is `settings.weekly_goal`, or None when the
  user switched keep-applying off.
- Sources are matched ignoring case and spacing; the label is the spelling of the
  lowest-numbered application that uses it, and a missing or blank source is
  "unknown". Sources are listed by how many applications they hold, most first,
  then by name, with "unknown" last.

`Insights.to_dict()` is the JSON of `searchboard stats --json`:

    {"date": "2026-12-07", "weeks": 12, "weekly_goal": 5,
     "overall": FIGURES,
     "by_source": [{"source": "LinkedIn", **FIGURES}, ...]}

where FIGURES is

    {"applications": 10, "wishlist": 1, "sent": 9,
     "funnel": [{"stage": "applied", "count": 9, "conversion": null},
                {"stage": "screening", "count": 5, "conversion": RATE}, ...],
     "response_rate": RATE,
     "business_days_to_first_contact": MEDIAN,
     "business_days_interview_to_decision": MEDIAN,
     "ghosted_share": RATE,
     "per_week": [{"week": "2026-09-21", "count": 2}, ...]}

RATE is `{"value": 0.5556, "count": 5, "n": 9}` (value rounded to 4 places, null
when n is 0) and MEDIAN is `{"value": 6, "n": 4}` (a whole number when it is one,
else a half; null when n is 0). In both, `n` is how many applications the figure
rests on. `conversion` is the share of the previous stage's applications that
reached this one; `per_week` holds `weeks` Mondays, oldest first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.dates import week_start
from searchboard.domain.model import Application, Event
from searchboard.domain.rules import contact_events
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind, Stage

# The pipeline as a funnel, in order; reaching one stage means passing every earlier one.
FUNNEL_STAGES: tuple[Stage, ...] = (
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.INTERVIEWING,
    Stage.OFFER,
    Stage.ACCEPTED,
)
_FUNNEL_RANK: dict[Stage, int] = {stage: rank for rank, stage in enumerate(FUNNEL_STAGES)}
# Outcomes that only a sent application can have.
_SENT_OUTCOMES = frozenset({Stage.REJECTED, Stage.GHOSTED})
_RANK_OF_EVENT: dict[EventKind, int] = {
    EventKind.APPLIED: _FUNNEL_RANK[Stage.APPLIED],
    EventKind.INTERVIEW: _FUNNEL_RANK[Stage.INTERVIEWING],
    EventKind.OFFER: _FUNNEL_RANK[Stage.OFFER],
}
_DECISION_STAGES = frozenset({Stage.OFFER, Stage.ACCEPTED, Stage.REJECTED})
_NOT_SENT = -1

UNKNOWN_SOURCE = "unknown"
# Below this many applications, a rate or median is flagged as too few to tell.
FEW_APPLICATIONS = 5


@dataclass(frozen=True, slots=True)
class Rate:
    """`count` of `n` applications; no value at all when there are none."""

    count: int
    n: int

    @property
    def value(self) -> float | None:
        return self.count / self.n if self.n else None

    @property
    def rests_on_few(self) -> bool:
        return self.n < FEW_APPLICATIONS

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "value": None if value is None else round(value, 4),
            "count": self.count,
            "n": self.n,
        }


@dataclass(frozen=True, slots=True)
class Median:
    """The median of `n` applications' figures (None when n is 0)."""

    value: float | None
    n: int

    @classmethod
    def of(cls, values: Sequence[int]) -> Median:
        # By hand: `statistics` would cost the command line more to import than this.
        ordered = sorted(values)
        if not ordered:
            return cls(None, 0)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return cls(float(ordered[middle]), len(ordered))
        return cls((ordered[middle - 1] + ordered[middle]) / 2, len(ordered))

    @property
    def rests_on_few(self) -> bool:
        return self.n < FEW_APPLICATIONS

    def to_dict(self) -> dict[str, Any]:
        value: float | int | None = self.value
        if value is not None and value.is_integer():
            value = int(value)
        return {"value": value, "n": self.n}


@dataclass(frozen=True, slots=True)
class FunnelStep:
    stage: Stage
    count: int
    # The share of the previous step's applications that got this far (None for the first).
    conversion: Rate | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": str(self.stage),
            "count": self.count,
            "conversion": self.conversion.to_dict() if self.conversion else None,
        }


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Applications sent in the week starting on Monday `start`."""

    start: date
    count: int

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    def to_dict(self) -> dict[str, Any]:
        return {"week": self.start.isoformat(), "count": self.count}


@dataclass(frozen=True)
class Figures:
    """Every figure for one group of applications (all of them, or one source's)."""

    applications: int
    wishlist: int
    sent: int
    funnel: tuple[FunnelStep, ...]
    response_rate: Rate
    days_to_first_contact: Median
    days_interview_to_decision: Median
    ghosted_share: Rate
    per_week: tuple[WeekCount, ...]

    def reached(self, stage: Stage) -> int:
        return next(step.count for step in self.funnel if step.stage is stage)

    def to_dict(self) -> dict[str, Any]:
        return {
            "applications": self.applications,
            "wishlist": self.wishlist,
            "sent": self.sent,
            "funnel": [step.to_dict() for step in self.funnel],
            "response_rate": self.response_rate.to_dict(),
            "business_days_to_first_contact": self.days_to_first_contact.to_dict(),
            "business_days_interview_to_decision": self.days_interview_to_decision.to_dict(),
            "ghosted_share": self.ghosted_share.to_dict(),
            "per_week": [week.to_dict() for week in self.per_week],
        }


@dataclass(frozen=True)
class SourceFigures:
    source: str  # as the user first spelled it, or "unknown"
    figures: Figures

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, **self.figures.to_dict()}


@dataclass(frozen=True)
class Insights:
    date: date
    weeks: int
    weekly_goal: int | None  # None when keep-applying is off
    overall: Figures
    by_source: tuple[SourceFigures, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "weeks": self.weeks,
            "weekly_goal": self.weekly_goal,
            "overall": self.overall.to_dict(),
            "by_source": [source.to_dict() for source in self.by_source],
        }


def compute_insights(
    applications: Iterable[Application],
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
    weeks: int = 12,
) -> Insights:
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    mondays = _mondays(today, weeks)
    summaries = [
        _summarise(app, calendar, today) for app in sorted(applications, key=lambda a: a.id)
    ]

    groups: dict[str, list[_Summary]] = {}
    labels: dict[str, str] = {}
    for summary in summaries:
        key, label = _source_key(summary.source)
        labels.setdefault(key, label)  # the first spelling seen names the source
        groups.setdefault(key, []).append(summary)

    def order(key: str) -> tuple[bool, int, str]:
        return (key == UNKNOWN_SOURCE, -len(groups[key]), key)

    return Insights(
        date=today,
        weeks=weeks,
        weekly_goal=settings.weekly_goal if settings.keep_applying else None,
        overall=_figures(summaries, mondays),
        by_source=tuple(
            SourceFigures(labels[key], _figures(groups[key], mondays))
            for key in sorted(groups, key=order)
        ),
    )


# --- one application at a time -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Summary:
    """What the figures need to know about one application."""

    source: str | None
    furthest: int  # rank in FUNNEL_STAGES of the furthest stage reached, or _NOT_SENT
    applied_on: date | None
    answered: bool
    days_to_first_contact: int | None
    days_interview_to_decision: int | None
    ghosted: bool


def _summarise(app: Application, calendar: BusinessCalendar, today: date) -> _Summary:
    # What is dated after today has not happened yet.
    if app.events and app.events[-1].date > today:
        app = replace(app, events=tuple(e for e in app.events if e.date <= today))
    furthest = _furthest_rank(app)
    applied_on = app.applied_on
    contacts = [e.date for e in contact_events(app) if e.kind is not EventKind.APPLIED]

    days_to_contact = None
    if applied_on is not None:
        after = [day for day in contacts if day >= applied_on]
        if after:
            days_to_contact = calendar.business_days_between(applied_on, min(after))

    return _Summary(
        source=app.source,
        furthest=furthest,
        applied_on=applied_on,
        answered=bool(contacts) or furthest >= _FUNNEL_RANK[Stage.SCREENING],
        days_to_first_contact=days_to_contact,
        days_interview_to_decision=_days_interview_to_decision(app.events, calendar),
        ghosted=app.stage is Stage.GHOSTED,  # ghosted implies sent: see _stage_rank
    )


def _furthest_rank(app: Application) -> int:
    stages = [app.stage, *(e.stage for e in app.events if e.stage is not None)]
    ranks = [_stage_rank(stage) for stage in stages]
    ranks += [_RANK_OF_EVENT.get(event.kind, _NOT_SENT) for event in app.events]
    return max(ranks)


def _stage_rank(stage: Stage) -> int:
    if stage in _SENT_OUTCOMES:
        return _FUNNEL_RANK[Stage.APPLIED]
    return _FUNNEL_RANK.get(stage, _NOT_SENT)


def _is_decision(event: Event) -> bool:
    if event.kind is EventKind.OFFER:
        return True
    return event.kind is EventKind.STAGE and event.stage in _DECISION_STAGES


def _days_interview_to_decision(events: Sequence[Event], calendar: BusinessCalendar) -> int | None:
    interviews = [e.date for e in events if e.kind is EventKind.INTERVIEW]
    for decision in (e for e in events if _is_decision(e)):
        before = [day for day in interviews if day <= decision.date]
        if before:
            return calendar.business_days_between(max(before), decision.date)
    return None


def _source_key(source: str | None) -> tuple[str, str]:
    """The key that matches spellings of one source, and this spelling's label."""
    label = " ".join((source or "").split())
    if not label:
        return UNKNOWN_SOURCE, UNKNOWN_SOURCE
    return label.casefold(), label


# --- a group of applications -----------------------------------------------------------------


def _mondays(today: date, weeks: int) -> list[date]:
    this_week = week_start(today)
    return [this_week - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def _figures(group: Sequence[_Summary], mondays: Sequence[date]) -> Figures:
    sent = [s for s in group if s.furthest != _NOT_SENT]
    counts = [sum(1 for s in sent if s.furthest >= rank) for rank in range(len(FUNNEL_STAGES))]
    funnel = tuple(
        FunnelStep(stage, counts[rank], Rate(counts[rank], counts[rank - 1]) if rank else None)
        for rank, stage in enumerate(FUNNEL_STAGES)
    )
    sent_in_week = Counter(week_start(s.applied_on) for s in sent if s.applied_on is not None)
    per_week = tuple(WeekCount(monday, sent_in_week[monday]) for monday in mondays)
    return Figures(
        applications=len(group),
        wishlist=len(group) - len(sent),
        sent=len(sent),
        funnel=funnel,
        response_rate=Rate(sum(1 for s in sent if s.answered), len(sent)),
        days_to_first_contact=Median.of(
            [s.days_to_first_contact for s in sent if s.days_to_first_contact is not None]
        ),
        days_interview_to_decision=Median.of(
            [s.days_interview_to_decision for s in sent if s.days_interview_to_decision is not None]
        ),
        ghosted_share=Rate(sum(1 for s in sent if s.ghosted), len(sent)),
        per_week=per_week,
    )
