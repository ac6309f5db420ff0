"""Snooze: an item leaves the agenda until a date, then comes back on that date by itself.

An application sent on Mon 2 Nov 2026 has its follow-up overdue by Tue 24 Nov. Snoozed
until Fri 27 Nov (the day after Thanksgiving), it is off the agenda on the 24th, 25th
and 26th, and back, still overdue, on the 27th.
"""

from __future__ import annotations

from datetime import date

import pytest

from searchboard.domain.model import Application, Event, new_application
from searchboard.domain.rules import open_items
from searchboard.domain.snooze import active_snoozes, snooze_event
from searchboard.domain.stages import EventKind, ItemKind, Stage, parse_item_kind
from searchboard.storage import Store
from searchboard.tracker import Tracker, UserError

MON_NOV_23 = date(2026, 11, 23)
TUE_NOV_24 = date(2026, 11, 24)
FRI_NOV_27 = date(2026, 11, 27)  # the day after Thanksgiving


def sent_on_nov_2() -> Application:
    return new_application(1, "Acme", "Data Engineer", Stage.APPLIED, date(2026, 11, 2))


def kinds(app: Application, us, settings, today: date) -> set[ItemKind]:
    return {item.kind for item in open_items(app, us, settings, today)}


def follow_up_due(app: Application, us, settings, today: date) -> date:
    return next(i.due for i in open_items(app, us, settings, today) if i.kind == "follow_up")


def test_a_snoozed_follow_up_is_hidden_until_its_date_and_then_returns(us, settings) -> None:
    app = sent_on_nov_2()
    due = follow_up_due(app, us, settings, TUE_NOV_24)  # overdue by now
    # 10 business days after Mon 2 Nov, Veterans Day (Wed 11 Nov) skipped: Tue 17 Nov.
    assert due == date(2026, 11, 17)
    snoozed = app.with_event(snooze_event(ItemKind.FOLLOW_UP, due, FRI_NOV_27, TUE_NOV_24))

    assert ItemKind.FOLLOW_UP not in kinds(snoozed, us, settings, TUE_NOV_24)
    assert ItemKind.FOLLOW_UP not in kinds(snoozed, us, settings, date(2026, 11, 26))
    assert ItemKind.FOLLOW_UP in kinds(snoozed, us, settings, FRI_NOV_27)  # back that day
    # The item itself is unchanged: still due when it was due, so still overdue.
    back = open_items(snoozed, us, settings, FRI_NOV_27)
    assert back[0].due == due
    assert back[0].overdue


def test_only_the_snoozed_item_is_hidden(us, settings) -> None:
    app = sent_on_nov_2().with_event(Event(EventKind.INTERVIEW, MON_NOV_23))
    assert kinds(app, us, settings, TUE_NOV_24) == {ItemKind.THANK_YOU, ItemKind.FOLLOW_UP}
    thanks_due = date(2026, 11, 24)  # a business day after Mon 23 Nov
    snoozed = app.with_event(snooze_event(ItemKind.THANK_YOU, thanks_due, FRI_NOV_27, TUE_NOV_24))
    assert kinds(snoozed, us, settings, TUE_NOV_24) == {ItemKind.FOLLOW_UP}
    # A second interview on Wed 25 Nov owes a new thank-you (due Fri 27, Thanksgiving
    # skipped): that one is not the snoozed one, so it shows at once.
    again = snoozed.with_event(Event(EventKind.INTERVIEW, date(2026, 11, 25)))
    items = open_items(again, us, settings, date(2026, 11, 25))
    assert (ItemKind.THANK_YOU, FRI_NOV_27) in {(i.kind, i.due) for i in items}


def test_the_latest_snooze_decides_and_until_today_ends_it(us, settings) -> None:
    due = follow_up_due(sent_on_nov_2(), us, settings, TUE_NOV_24)
    app = sent_on_nov_2().with_event(snooze_event(ItemKind.FOLLOW_UP, due, FRI_NOV_27, MON_NOV_23))
    later = app.with_event(snooze_event(ItemKind.FOLLOW_UP, due, date(2026, 12, 4), TUE_NOV_24))
    assert active_snoozes(later, FRI_NOV_27) == {(ItemKind.FOLLOW_UP, due): date(2026, 12, 4)}
    ended = app.with_event(snooze_event(ItemKind.FOLLOW_UP, due, TUE_NOV_24, TUE_NOV_24))
    assert active_snoozes(ended, TUE_NOV_24) == {}
    assert ItemKind.FOLLOW_UP in kinds(ended, us, settings, TUE_NOV_24)


def test_a_snooze_is_a_note_on_the_timeline_and_round_trips_through_json() -> None:
    event = snooze_event(ItemKind.FOLLOW_UP, date(2026, 11, 17), FRI_NOV_27, TUE_NOV_24)
    assert event.kind is EventKind.NOTE
    assert event.note == "snoozed the follow-up until Fri 27 Nov 2026"
    data = event.to_dict()
    assert data == {
        "kind": "note",
        "date": "2026-11-24",
        "note": "snoozed the follow-up until Fri 27 Nov 2026",
        "snooze": "follow_up",
        "until": "2026-11-27",
        "due": "2026-11-17",
    }
    assert Event.from_dict(data) == event
    app = sent_on_nov_2().with_event(event)
    assert Application.from_dict(app.to_dict()) == app


@pytest.mark.parametrize("typed", ["follow-up", "follow_up", "Follow Up", " FOLLOW-UP "])
def test_item_kinds_are_read_as_people_type_them(typed: str) -> None:
    assert parse_item_kind(typed) is ItemKind.FOLLOW_UP


def test_tracker_refuses_to_snooze_what_is_not_open(tmp_path) -> None:
    tracker = Tracker(Store(tmp_path / "db.json"), today=TUE_NOV_24)
    tracker.add("Acme", "Data Engineer", on=date(2026, 11, 2))
    with pytest.raises(UserError, match="no open thank-you note to snooze"):
        tracker.snooze(1, ItemKind.THANK_YOU, FRI_NOV_27)
    with pytest.raises(UserError, match="is not snoozed"):
        tracker.snooze(1, ItemKind.FOLLOW_UP, TUE_NOV_24)
    change = tracker.snooze(1, ItemKind.FOLLOW_UP, FRI_NOV_27)
    assert [i.kind for i in tracker.agenda().items] == []
    # Undo puts the application back as it was: the follow-up is on the agenda again.
    tracker.undo(change)
    assert [i.kind for i in tracker.agenda().items] == [ItemKind.FOLLOW_UP]
