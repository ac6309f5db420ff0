"""Snoozing an open item: it leaves the agenda until a date, then comes back by itself.

A snooze is recorded on the timeline as a `note` that names the item (its kind and due
date) and the day it comes back (`{"kind": "note", ..., "snooze": "follow_up", "due":
"2026-11-17", "until": "2026-12-01"}`), so it is seen in the history, travels with
exports, and is undone like any other change.
"""

from __future__ import annotations

from datetime import date

from searchboard.domain.model import Application, Event
from searchboard.domain.stages import EventKind, ItemKind

SNOOZE_WORDS: dict[ItemKind, str] = {
    ItemKind.INTERVIEW: "interview reminder",
    ItemKind.THANK_YOU: "thank-you note",
    ItemKind.FOLLOW_UP: "follow-up",
    ItemKind.LIKELY_GHOSTED: "likely-ghosted flag",
    ItemKind.OFFER_DEADLINE: "offer deadline",
}


Snoozes = dict[tuple[ItemKind, date | None], date]


def active_snoozes(app: Application, today: date) -> Snoozes:
    """The snoozes in force on `today`: (item kind, its due date) → the day it comes back.

    A snooze hides the item it was made for, and no other: a new thank-you owed for a
    later interview, or a follow-up due on a new date after a new contact, shows. The
    latest snooze of an item decides, so snoozing again moves the date, and a snooze
    "until" today (or earlier) ends one early. (A snooze without a due date, as none are
    written now, hides every item of its kind.)
    """
    latest: Snoozes = {}
    for event in app.events:
        if event.snooze is not None and event.until is not None:
            latest[(event.snooze, event.due)] = event.until
    return {item: until for item, until in latest.items() if until > today}


def hides(snoozes: Snoozes, kind: ItemKind, due: date) -> bool:
    return (kind, due) in snoozes or (kind, None) in snoozes


def snooze_words(kind: ItemKind, until: date, today: date) -> str:
    """What a snooze says on the timeline (and to the user when it is made)."""
    if until > today:
        return f"snoozed the {SNOOZE_WORDS[kind]} until {until:%a %d %b %Y}"
    return f"ended the snooze of the {SNOOZE_WORDS[kind]}"


def snooze_event(kind: ItemKind, due: date | None, until: date, today: date) -> Event:
    """The timeline entry that snoozes the `kind` item due on `due` until `until`."""
    words = snooze_words(kind, until, today)
    return Event(EventKind.NOTE, today, note=words, snooze=kind, until=until, due=due)
