"""Words for dates and items, shared by the command line and the board."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from searchboard.domain.rules import ITEM_LABELS, OpenItem


@lru_cache(maxsize=4096)
def days_ago(day: date | None, today: date) -> str:
    """'today', 'yesterday', '3 days ago', 'a month ago', 'in 2 days'."""
    if day is None:
        return "never"
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta == -1:
        return "tomorrow"
    if abs(delta) < 45:  # humanize would say "a month ago" for three weeks
        words = f"{abs(delta)} days"
    else:
        import humanize  # deferred: only paid for when a date is put into words

        words = humanize.naturaldelta(abs(delta) * 86400)
    return f"{words} ago" if delta > 0 else f"in {words}"


def due_words(item: OpenItem, today: date) -> str:
    """When an item is due, relative to today: 'due today', 'overdue 3 days', 'in 2 days'."""
    delta = (item.due - today).days
    if delta == 0:
        return "due today"
    if delta < 0:
        return f"overdue, was due {days_ago(item.due, today)}"
    return f"due {days_ago(item.due, today)}"


def item_label(item: OpenItem) -> str:
    return ITEM_LABELS[item.kind]
