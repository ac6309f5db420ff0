"""The plain-text report of `searchboard stats`, and the words for its figures.

Plain text in 80 columns, no markup: it goes to a terminal, a pipe or an e-mail.
The board's insights screen uses the same words (`rate_words`, `median_words`), so
a figure reads the same in both places.
"""

from __future__ import annotations

from searchboard.domain.insights import (
    FEW_APPLICATIONS,
    Figures,
    Insights,
    Median,
    Rate,
    SourceFigures,
    WeekCount,
)
from searchboard.domain.stages import Stage

NONE_YET = "none yet"
# A week's bar is at most this wide; a busier week ends in "…".
_MAX_BAR = 40
_SOURCE_WIDTH = 16


def percent(rate: Rate) -> str:
    """'42%', or '—' when there is nothing to divide by."""
    value = rate.value
    return "—" if value is None else f"{value:.0%}"


def few_note(n: int) -> str:
    """' (only 3 — too few to tell)' for a figure resting on too few applications."""
    return f" (only {n} — too few to tell)" if 0 < n < FEW_APPLICATIONS else ""


def rate_words(rate: Rate) -> str:
    """'42% (5 of 12)', flagged when it rests on few applications."""
    if rate.n == 0:
        return NONE_YET
    return f"{percent(rate)} ({rate.count} of {rate.n}){few_note(rate.n)}"


def number(value: float) -> str:
    """'6' for a whole number, '8.5' for a half (a median of an even count)."""
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def business_days(value: float) -> str:
    return f"{number(value)} business day" + ("" if value == 1 else "s")


def median_words(median: Median) -> str:
    """'6 business days (n=4)', flagged when it rests on few applications."""
    if median.value is None:
        return NONE_YET
    return f"{business_days(median.value)} (n={median.n}){few_note(median.n)}"


def week_bar(week: WeekCount, goal: int | None) -> str:
    """'■■■□□': one filled square a sent application, hollow ones for what the goal lacks."""
    filled = min(week.count, _MAX_BAR)
    missing = max(0, min(goal or 0, _MAX_BAR) - filled)
    overflow = "…" if week.count > _MAX_BAR else ""
    return "■" * filled + overflow + "□" * missing


def render_insights(insights: Insights) -> str:
    overall = insights.overall
    lines = [
        f"Insights on {insights.date:%A %d %B %Y}",
        f"{overall.applications} applications: {overall.sent} sent,"
        f" {overall.wishlist} on the wishlist or never sent",
        "",
        "Funnel",
        *_funnel_lines(overall),
        "",
        f"  {'Response rate':<27}{rate_words(overall.response_rate)}",
        f"  {'Applying to first contact':<27}{median_words(overall.days_to_first_contact)}",
        f"  {'Interview to decision':<27}{median_words(overall.days_interview_to_decision)}",
        f"  {'Ghosted':<27}{rate_words(overall.ghosted_share)}",
        "",
        *_week_lines(overall, insights.weekly_goal),
    ]
    if insights.by_source:
        lines += ["", *_source_lines(insights.by_source)]
    return "\n".join(lines)


def _funnel_lines(figures: Figures) -> list[str]:
    lines = []
    previous: Stage | None = None
    for step in figures.funnel:
        line = f"  {step.stage:<14}{step.count:>4}"
        if step.conversion is not None and step.conversion.n:
            line += f"   {percent(step.conversion)} of {previous}"
            line += f" ({step.conversion.count} of {step.conversion.n})"
            line += few_note(step.conversion.n)
        lines.append(line)
        previous = step.stage
    return lines


def _week_lines(figures: Figures, goal: int | None) -> list[str]:
    weeks = figures.per_week
    title = f"Applications per week, last {len(weeks)} weeks"
    lines = [title + (f" (goal: {goal} a week)" if goal else ""), "  week of      sent"]
    for index, week in enumerate(weeks):
        line = f"  {week.start.isoformat()}  {week.count:>4}  {week_bar(week, goal)}"
        if index == len(weeks) - 1:
            line += "  this week"
        lines.append(line)
    if goal:
        met = sum(1 for week in weeks if week.count >= goal)
        lines.append(f"  the goal was met in {met} of {len(weeks)} weeks")
    return lines


_COLUMNS = "  {:<16}  {:>4}  {:>5}  {:>5}  {:>5}  {:<9}  {:<9}  {:>7}"


def _source_lines(sources: tuple[SourceFigures, ...]) -> list[str]:
    lines = [
        "By source",
        _COLUMNS.format(
            "source", "sent", "reply", "intvw", "offer", "to reply", "to decide", "ghosted"
        ),
    ]
    few = False
    for entry in sources:
        figures = entry.figures
        name = entry.source
        if figures.sent < FEW_APPLICATIONS:
            few = True
            name = _shorten(name, _SOURCE_WIDTH - 1) + "*"
        lines.append(
            _COLUMNS.format(
                _shorten(name, _SOURCE_WIDTH),
                figures.sent,
                percent(figures.response_rate),
                figures.reached(Stage.INTERVIEWING),
                figures.reached(Stage.OFFER),
                _short_median(figures.days_to_first_contact),
                _short_median(figures.days_interview_to_decision),
                percent(figures.ghosted_share),
            )
        )
    lines += [
        "  reply: share of sent applications that got an answer; intvw, offer: how many",
        "  got that far; to reply, to decide: median business days from applying to the",
        "  first contact and from the last interview to the decision (n: how many).",
    ]
    if few:
        lines.append(f"  * fewer than {FEW_APPLICATIONS} sent: too few to tell")
    return lines


def _short_median(median: Median) -> str:
    if median.value is None:
        return "—"
    return f"{number(median.value)} n={median.n}"


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
