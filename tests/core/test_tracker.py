"""The tracker: the operations shared by the command line and the board."""

from __future__ import annotations

from datetime import date

import pytest

from searchboard.domain.stages import EventKind, Stage
from searchboard.storage import Store
from searchboard.tracker import RegionOverride, Tracker, UserError

D = date.fromisoformat
TODAY = D("2026-11-25")


@pytest.fixture
def tracker(db) -> Tracker:
    return Tracker(Store(db), TODAY)


def test_add_move_log_edit_contact(tracker, db):
    app_id = tracker.add("Acme", "Engineer", on=D("2026-11-02"), salary="120k").app_id
    tracker.move(app_id, Stage.INTERVIEWING, D("2026-11-09"))
    tracker.log(app_id, EventKind.INTERVIEW, D("2026-11-16"), "panel", expect=D("2026-11-20"))
    tracker.edit(app_id, role="Senior Engineer")
    tracker.add_contact(app_id, "Ann Lee", "ann@acme.example", "recruiter")
    app = Tracker(Store(db), TODAY).get(app_id)
    assert (app.company, app.role, app.stage, app.salary) == (
        "Acme",
        "Senior Engineer",
        Stage.INTERVIEWING,
        "120k",
    )
    assert app.applied_on == D("2026-11-02")
    interview = app.events_of(EventKind.INTERVIEW)[0]
    assert (interview.date, interview.note, interview.expect) == (
        D("2026-11-16"),
        "panel",
        D("2026-11-20"),
    )
    assert [c.name for c in app.contacts] == ["Ann Lee"]
    # Events stay in date order whatever order they were logged in.
    tracker.log(app_id, EventKind.RESPONSE, D("2026-11-05"))
    dates = [e.date for e in tracker.get(app_id).events]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    "call",
    [
        lambda t: t.add("  ", "Engineer"),
        lambda t: t.move(99, Stage.OFFER),
        lambda t: t.move(1, Stage.APPLIED),
        lambda t: t.log(1, EventKind.STAGE),
        lambda t: t.log(1, EventKind.NOTE, expect=D("2026-12-01")),
        lambda t: t.log(1, EventKind.INTERVIEW, deadline=D("2026-12-01")),
        lambda t: t.edit(1, company=""),
        lambda t: t.add_contact(1, "", None, None),
        lambda t: t.add_contact(1, "Ann", "ann at acme", None),
        lambda t: t.delete(99),
        lambda t: t.set_setting("colour", "blue"),
        lambda t: t.set_setting("weekly_goal", "-1"),
        lambda t: t.set_setting("country", "ZZ"),
        lambda t: t.set_setting("subdiv", "XX"),
    ],
)
def test_bad_input_is_a_user_error_and_changes_nothing(tracker, db, call):
    tracker.add("Acme", "Engineer")
    before = db.read_bytes()
    with pytest.raises(UserError):
        call(tracker)
    assert db.read_bytes() == before


def test_undo_each_kind_of_change(tracker):
    added = tracker.add("Acme", "Engineer")
    moved = tracker.move(added.app_id, Stage.SCREENING)
    tracker.undo(moved)
    assert tracker.get(added.app_id).stage is Stage.APPLIED
    assert tracker.get(added.app_id) == added.after
    deleted = tracker.delete(added.app_id)
    tracker.undo(deleted)
    assert tracker.get(added.app_id) == added.after
    tracker.undo(added)
    with pytest.raises(UserError):
        tracker.get(added.app_id)
    # An undone add does not free its id.
    assert tracker.add("Globex", "Analyst").app_id == added.app_id + 1


def test_undo_twice_is_refused(tracker):
    added = tracker.add("Acme", "Engineer")
    moved = tracker.move(added.app_id, Stage.SCREENING)
    tracker.undo(moved)
    with pytest.raises(UserError):
        tracker.undo(moved)


def test_set_setting(tracker, db):
    tracker.set_setting("country", "de")
    tracker.set_setting("subdiv", "by")
    settings = Store(db).load().settings
    assert (settings.country, settings.subdiv) == ("DE", "BY")
    tracker.set_setting("country", "FR")
    assert Store(db).load().settings.subdiv is None
    tracker.set_setting("days_off", "2026-12-24,2026-12-23")
    assert Store(db).load().settings.days_off == (D("2026-12-23"), D("2026-12-24"))


def test_region_override_uses_the_holidays_of_that_region(db):
    Tracker(Store(db), TODAY).set_setting("country", "US")
    thanksgiving = Tracker(Store(db), D("2026-11-26")).agenda()
    assert thanksgiving.holiday == "Thanksgiving Day"
    gb = Tracker(Store(db), D("2026-11-26"), RegionOverride(country="GB")).agenda()
    assert gb.holiday is None and gb.business_day
    ca = Tracker(Store(db), D("2026-11-27"), RegionOverride(subdiv="CA")).agenda()
    assert ca.holiday == "Day After Thanksgiving"
    assert Store(db).load().settings.subdiv is None  # the override is not saved
