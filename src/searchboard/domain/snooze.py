"""Snoozing an open item: it leaves the agenda until a date, then comes back by itself.

A snooze is recorded on the timeline as a `note` that names the item and the date
(`{"kind": "note", ..., "snooze": "follow_up", "until": "2026-12-01"}`), so it is
seen in the history, travels with exports, and is undone like any other change.
"""

from __future__ import annotations

from datetime import date

from searchboard.domain.model import Application, Event
from searchboard.domain.stages import EventKind, ItemKind

SNOOZE_WORDS: dict[ItemKind, str] = {
    ItemKind.INTERVIEW: "the interview reminder",
    ItemKind.THANK_YOU: "the thank-you note",
    ItemKind.FOLLOW_UP: "the follow-up",
    ItemKind.LIKELY_GHOSTED: "the likely-ghosted flag",
    ItemKind.OFFER_DEADLINE: "the offer deadline",
}


def snoozed_until(app: Application, today: date) -> dict[ItemKind, date]:
    """The kinds of item hidden on `today`, each with the day it comes back.

    The latest snooze of a kind decides: snoozing again moves the date, and a snooze
    "until today" (or earlier) ends one early.
    """
    latest: dict[ItemKind, date] = {}
    for event in app.events:
        if event.snooze is not None and event.until is not None:
            latest[event.snooze] = event.until
    return {kind: until for kind, until in latest.items() if until > today}


def snooze_event(kind: ItemKind, until: date, today: date) -> Event:
    """The timeline entry that snoozes `kind` until `until`, recorded on `today`."""
    if until > today:
        words = f"snoozed {SNOOZE_WORDS[kind]} until {until:%a %d %b %Y}"
    else:
        words = f"ended the snooze of {SNOOZE_WORDS[kind]}"
    return Event(EventKind.NOTE, today, note=words, snooze=kind, until=until)
