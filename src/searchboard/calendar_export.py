"""Upcoming interviews, notes to send and offer deadlines as an iCalendar (.ics) file.

Each open item of SPEC §4 that asks something of the user (an interview, a thank-you
note, a follow-up, an offer deadline) becomes an all-day event: we only know dates.
`likely_ghosted` is left out: it is a flag to confirm on the board, not a task.

Re-importing a newer file must update events, not duplicate them, so each event's
UID names the thing it is about, never its due date where the thing stays the same:

    searchboard-<id>-follow-up@searchboard                 the one follow-up
    searchboard-<id>-offer-deadline@searchboard            the offer's deadline
    searchboard-<id>-interview-<date>[-<n>]@searchboard    each interview (n-th that day)
    searchboard-<id>-thank-you-<interview date>@searchboard  the note for that interview

An item already overdue is put on `today`, with "(overdue since <due date>)" in its
summary: an event on a past day is one that nobody sees. Its UID does not change, so
tomorrow's file moves it along rather than adding another.

The output depends only on the arguments (DTSTAMP is `today`, events are sorted), so
exporting twice on one day gives the same bytes. An import never deletes: an item that
is done simply stops being exported, and its last event stays in the user's calendar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import icalendar

from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.model import Application, Event
from searchboard.domain.rules import (
    ITEM_LABELS,
    ItemKind,
    OpenItem,
    contact_events,
    last_held_interview,
    open_items,
)
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind

PRODID = "-//searchboard//EN"
CALENDAR_NAME = "searchboard"
UID_DOMAIN = "searchboard"

# The items that are something to do on a day; in this order on the same day.
EXPORTED_KINDS: tuple[ItemKind, ...] = (
    ItemKind.INTERVIEW,
    ItemKind.OFFER_DEADLINE,
    ItemKind.THANK_YOU,
    ItemKind.FOLLOW_UP,
)
_KIND_ORDER = {kind: index for index, kind in enumerate(EXPORTED_KINDS)}

# A URI in the URL property must be one token with a scheme; anything else a user
# typed in the url field still reaches the description as text.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One event of the file: an open item, the day it is shown on, and its words."""

    item: OpenItem
    uid: str
    day: date  # the due date, or today for an overdue item
    summary: str
    description: str
    url: str | None


def calendar_entries(
    applications: Iterable[Application],
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
) -> list[CalendarEntry]:
    """The events to export, in a stable order (day, application id, kind, uid)."""
    entries: list[CalendarEntry] = []
    for app in applications:
        items = [
            item for item in open_items(app, calendar, settings, today) if item.kind in _KIND_ORDER
        ]
        entries += _entries_for(app, items, today)
    entries.sort(key=lambda e: (e.day, e.item.application.id, _KIND_ORDER[e.item.kind], e.uid))
    return entries


def render_ics(entries: Iterable[CalendarEntry], today: date) -> bytes:
    """The .ics bytes for `entries` (CRLF line ends, folded lines, as RFC 5545 says)."""
    ics = icalendar.Calendar()
    ics.prodid = PRODID
    ics.version = "2.0"
    ics.calendar_name = CALENDAR_NAME  # NAME and X-WR-CALNAME
    # The clock would make each export differ; `today` at midnight UTC does not.
    stamp = datetime.combine(today, time(0), tzinfo=UTC)
    for entry in entries:
        ics.add_component(
            icalendar.Event.new(
                uid=entry.uid,
                stamp=stamp,
                start=entry.day,
                end=entry.day + timedelta(days=1),  # DTEND of an all-day event is exclusive
                summary=entry.summary,
                description=entry.description,
                url=entry.url,
                # A date, not a time slot: do not show the whole day as busy.
                transparency=icalendar.TRANSP.TRANSPARENT,
                # A job search is nobody's business: people who can see this calendar
                # (a work account, a shared family calendar) see only "busy".
                classification=icalendar.CLASS.PRIVATE,
            )
        )
    return ics.to_ical()


def build_ics(
    applications: Iterable[Application],
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
) -> bytes:
    """An iCalendar file of every exportable open item of `applications` on `today`."""
    return render_ics(calendar_entries(applications, calendar, settings, today), today)


# --- one application's events ------------------------------------------------------------


def _entries_for(app: Application, items: list[OpenItem], today: date) -> list[CalendarEntry]:
    interviews = app.events_of(EventKind.INTERVIEW)
    seen_on: dict[date, int] = {}  # interview items already matched, per date
    entries: list[CalendarEntry] = []
    for item in items:
        if item.kind is ItemKind.INTERVIEW:
            # open_items keeps timeline order for interviews on one date, so the n-th
            # item on a date is the n-th interview event on that date.
            nth = seen_on[item.due] = seen_on.get(item.due, 0) + 1
            interview = [e for e in interviews if e.date == item.due][nth - 1]
            suffix = "" if nth == 1 else f"-{nth}"
            key = f"interview-{item.due.isoformat()}{suffix}"
            details = [_note_line("Note", interview), _expect_line(interview)]
        elif item.kind is ItemKind.THANK_YOU:
            interview = last_held_interview(interviews, today)  # what the rules thank for
            assert interview is not None  # (a thank-you item means one was held)
            key = f"thank-you-{interview.date.isoformat()}"
            details = [f"For the interview on {_day(interview.date)}"]
            details += [_note_line("Interview note", interview)]
        elif item.kind is ItemKind.FOLLOW_UP:
            key = "follow-up"
            details = _last_contact_lines(app, today)
        else:  # ItemKind.OFFER_DEADLINE
            key = "offer-deadline"
            details = [_note_line("Offer note", app.events_of(EventKind.OFFER)[-1])]
        entries.append(_entry(app, item, key, details, today))
    return entries


def _entry(
    app: Application, item: OpenItem, key: str, details: list[str | None], today: date
) -> CalendarEntry:
    label = ITEM_LABELS[item.kind]
    summary = f"{label[:1].upper()}{label[1:]}: {_title(app)}"
    if item.overdue:
        summary += f" (overdue since {item.due.isoformat()})"
    lines = [f"#{app.id} {_title(app)} · stage: {app.stage}"]
    lines += [line for line in details if line]
    url = _clean(app.url) if app.url else None
    if url:
        lines.append(f"Posting: {url}")
    return CalendarEntry(
        item=item,
        uid=f"{UID_DOMAIN}-{app.id}-{key}@{UID_DOMAIN}",
        day=today if item.overdue else item.due,
        summary=summary,
        description="\n".join(lines),
        url=url if url and _URI.fullmatch(url) else None,
    )


def _title(app: Application) -> str:
    # A summary is one line, whatever an import put in the company or role.
    company, role = " ".join(app.company.split()), " ".join(app.role.split())
    return _clean(f"{company} — {role}" if role else company)


def _note_line(label: str, event: Event) -> str | None:
    return f"{label}: {_clean(event.note)}" if event.note else None


def _expect_line(interview: Event) -> str | None:
    if interview.expect is None:
        return None
    return f"They said they would decide by {_day(interview.expect)}"


def _last_contact_lines(app: Application, today: date) -> list[str | None]:
    """When the employer was last heard from (up to today: a booked interview is not
    contact yet), and what was noted then."""
    # In timeline order, so the last is the latest.
    contacts = [event for event in contact_events(app) if event.date <= today]
    if not contacts:
        return []
    latest = contacts[-1]
    what = f"moved to {latest.stage}" if latest.kind is EventKind.STAGE else str(latest.kind)
    line = f"Last contact: {_day(latest.date)} ({what})"
    return [line, _note_line("Note", latest)]


def _day(day: date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _clean(text: str) -> str:
    """User text as plain text: one kind of line end, no control characters (which
    RFC 5545 forbids in TEXT values and the library passes through)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc"
    ).strip()
