"""The rules of SPEC §4: which items each application has open, and when they are due.

They turn the standard advice into dates: a thank-you note within a business day
of each interview; one follow-up, a business day after the date they gave or
7–10 business days after the last contact; then, if nothing comes back, stop
chasing and call it ghosted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.model import Application, Event
from searchboard.domain.settings import Settings
from searchboard.domain.snooze import SNOOZE_WORDS, active_snoozes, hides, snooze_event
from searchboard.domain.stages import (
    CONTACT_EVENT_KINDS,
    EMPLOYER_CONTACT_STAGES,
    WAITING_STAGES,
    EventKind,
    ItemKind,
    Stage,
    is_forward_move,
)

ITEM_LABELS: dict[ItemKind, str] = {
    ItemKind.INTERVIEW: "interview",
    ItemKind.THANK_YOU: "send a thank-you note",
    ItemKind.FOLLOW_UP: "follow up",
    ItemKind.LIKELY_GHOSTED: "likely ghosted",
    ItemKind.OFFER_DEADLINE: "offer deadline",
}

_KIND_ORDER = {kind: index for index, kind in enumerate(ItemKind)}

# Only these stages can have open items: wishlist and closed cards have none.
STAGES_WITH_ITEMS = frozenset({*WAITING_STAGES, Stage.OFFER})


@dataclass(frozen=True, slots=True)
class OpenItem:
    """Something the user should do (or know) about one application."""

    application: Application
    kind: ItemKind
    due: date
    overdue: bool

    def to_dict(self) -> dict[str, object]:
        app = self.application
        return {
            "id": app.id,
            "company": app.company,
            "role": app.role,
            "stage": str(app.stage),
            "kind": str(self.kind),
            "due": self.due.isoformat(),
            "overdue": self.overdue,
        }


def item_sort_key(item: OpenItem) -> tuple[date, int, int]:
    """The agenda's order: by due date, then application id, then kind."""
    return (item.due, item.application.id, _KIND_ORDER[item.kind])


def sort_items(items: Iterable[OpenItem]) -> list[OpenItem]:
    return sorted(items, key=item_sort_key)


def last_held_interview(interviews: list[Event], today: date) -> Event | None:
    """The latest of `interviews` (in timeline order) that has taken place, the one a
    thank-you is owed for: booking the next round does not cancel the thank-you still
    owed for this one (SPEC §1: "of each interview")."""
    held = [interview for interview in interviews if interview.date <= today]
    return held[-1] if held else None


def contact_events(app: Application) -> list[Event]:
    """The events that count as contact: applying, interviews, responses, offers,
    and every forward move into screening, interviewing or offer."""
    found: list[Event] = []
    previous: Stage | None = None
    for event in app.events:
        if event.kind in CONTACT_EVENT_KINDS:
            found.append(event)
        elif event.kind is EventKind.STAGE and event.stage is not None:
            if event.stage in EMPLOYER_CONTACT_STAGES and is_forward_move(previous, event.stage):
                found.append(event)
            previous = event.stage
    return found


def last_contact(app: Application, until: date | None = None) -> date | None:
    """The latest date on which the employer heard from the candidate or vice versa
    (with `until`, the latest on or before that date: a booked interview is not yet
    contact that has happened)."""
    dates = [event.date for event in contact_events(app)]
    if until is not None:
        dates = [day for day in dates if day <= until]
    return max(dates, default=None)


def open_items(
    app: Application,
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
    include_snoozed: bool = False,
) -> list[OpenItem]:
    """The items open for `app` on `today`, sorted by due date (without those the
    user snoozed past today, unless `include_snoozed`)."""
    if app.stage not in STAGES_WITH_ITEMS:
        return []
    items: list[OpenItem] = []

    def add(kind: ItemKind, due: date) -> None:
        items.append(OpenItem(app, kind, due, overdue=due < today))

    interviews = app.events_of(EventKind.INTERVIEW)
    for interview in interviews:
        if interview.date >= today:
            add(ItemKind.INTERVIEW, interview.date)

    last_held = last_held_interview(interviews, today)
    if last_held is not None:
        thanked = any(event.date >= last_held.date for event in app.events_of(EventKind.THANK_YOU))
        if not thanked:
            add(
                ItemKind.THANK_YOU,
                calendar.add_business_days(last_held.date, settings.thank_you_days),
            )

    latest_interview = interviews[-1] if interviews else None  # its decision date counts

    contact = last_contact(app)
    if app.stage in WAITING_STAGES and contact is not None:
        follow_ups = [e for e in app.events_of(EventKind.FOLLOW_UP) if e.date > contact]
        ghosted_on = _likely_ghosted_on(follow_ups, contact, calendar, settings, today)
        if ghosted_on is not None:
            add(ItemKind.LIKELY_GHOSTED, ghosted_on)
        elif not follow_ups:
            add(
                ItemKind.FOLLOW_UP,
                _follow_up_due(app, latest_interview, contact, calendar, settings),
            )

    if app.stage is Stage.OFFER:
        offers = app.events_of(EventKind.OFFER)
        if offers and offers[-1].deadline is not None:
            add(ItemKind.OFFER_DEADLINE, offers[-1].deadline)

    if not include_snoozed:
        snoozes = active_snoozes(app, today)
        if snoozes:
            items = [item for item in items if not hides(snoozes, item.kind, item.due)]
    return sort_items(items)


def with_item_snoozed(
    app: Application,
    kind: ItemKind,
    until: date,
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
) -> Application:
    """`app` with its open `kind` item snoozed until `until`; with `until` on or before
    today, with that item's snooze ended. ValueError when there is no such item."""
    if until > today:
        open_now = open_items(app, calendar, settings, today, include_snoozed=True)
        dues = [item.due for item in open_now if item.kind is kind]
        if not dues:
            raise ValueError(f"#{app.id} has no open {SNOOZE_WORDS[kind]} to snooze")
        return app.with_event(snooze_event(kind, dues[0], until, today))
    active = [due for (item, due) in active_snoozes(app, today) if item is kind]
    if not active:
        raise ValueError(f"#{app.id}: the {SNOOZE_WORDS[kind]} is not snoozed")
    for due in active:
        app = app.with_event(snooze_event(kind, due, until, today))
    return app


def _follow_up_due(
    app: Application,
    latest_interview: Event | None,
    contact: date,
    calendar: BusinessCalendar,
    settings: Settings,
) -> date:
    expect = latest_interview.expect if latest_interview is not None else None
    if expect is not None and expect >= contact:
        return calendar.add_business_days(expect, 1)
    if app.stage is Stage.APPLIED:
        return calendar.add_business_days(contact, settings.follow_up_days_after_applied)
    return calendar.add_business_days(contact, settings.follow_up_days_after_contact)


def _likely_ghosted_on(
    follow_ups_after_contact: list[Event],
    contact: date,
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
) -> date | None:
    """The date from which the application counts as likely ghosted, if that has come.

    Either the follow-up went unanswered for `ghost_days_after_follow_up`, or there
    was silence for `ghost_days_silent`. When both have passed, the earlier counts.
    """
    candidates = [calendar.add_business_days(contact, settings.ghost_days_silent)]
    if follow_ups_after_contact:
        latest_follow_up = follow_ups_after_contact[-1].date
        candidates.append(
            calendar.add_business_days(latest_follow_up, settings.ghost_days_after_follow_up)
        )
    passed = [day for day in candidates if day <= today]
    return min(passed, default=None)
