"""The board's state is kept up to date card by card (no re-sort per move): after any
run of changes it must equal the state built afresh from the same applications."""

from __future__ import annotations

import random
from datetime import date, timedelta

from searchboard.demo import demo_applications
from searchboard.domain.model import Event, new_application
from searchboard.domain.settings import Settings
from searchboard.domain.stages import ALL_STAGES, EventKind, Stage
from searchboard.ui.board_state import BoardState

TODAY = date(2026, 11, 24)  # the Tuesday before Thanksgiving


def _view(state: BoardState) -> tuple[object, ...]:
    state.show_closed = True
    columns = {stage: [card.app.id for card in cards] for stage, cards in state.columns().items()}
    agenda = [(i.application.id, i.kind, i.due) for i in state.agenda().items]
    return columns, agenda


def test_changes_card_by_card_match_a_fresh_build(us) -> None:
    rng = random.Random(11)
    apps = {app.id: app for app in demo_applications(TODAY, count=120, seed=3)}
    state = BoardState.build(apps.values(), TODAY, Settings(), us)
    for step in range(300):
        app_id = rng.choice(sorted(apps))
        app = apps[app_id]
        choice = rng.random()
        if choice < 0.5:
            target = rng.choice([s for s in ALL_STAGES if s is not app.stage])
            app = app.moved_to(target, TODAY - timedelta(days=rng.randrange(5)))
        elif choice < 0.8:
            kind = rng.choice([EventKind.INTERVIEW, EventKind.FOLLOW_UP, EventKind.RESPONSE])
            app = app.with_event(Event(kind, TODAY + timedelta(days=rng.randrange(-20, 5))))
        elif choice < 0.9 and len(apps) > 20:
            del apps[app_id]
            state.remove(app_id)
            continue
        apps[app_id] = app
        state.put(app)
        if step % 50 == 0:
            assert _view(state) == _view(BoardState.build(apps.values(), TODAY, Settings(), us))
    fresh = BoardState.build(apps.values(), TODAY, Settings(), us)
    assert _view(state) == _view(fresh)
    assert len(state.agenda().items) > 20  # the run left plenty on the agenda to compare


def test_two_interviews_on_one_day_are_both_kept_and_both_removed(us) -> None:
    app = demo_applications(TODAY, count=1)[0]
    twice = app.with_event(Event(EventKind.INTERVIEW, TODAY + timedelta(days=2)))
    twice = twice.with_event(Event(EventKind.INTERVIEW, TODAY + timedelta(days=2)))
    state = BoardState.build([twice], TODAY, Settings(), us)
    interviews = [i for i in state.agenda().items if i.kind == "interview"]
    assert len(interviews) == 2
    state.remove(app.id)
    assert state.agenda().items == ()
    assert all(not state.column(stage) for stage in ALL_STAGES)


def test_a_state_built_without_the_closed_cards_counts_their_applications_meanwhile(us) -> None:
    # Sent this week (Mon 23 Nov) and already rejected: it still counts towards the goal.
    apps = demo_applications(TODAY, count=60, seed=5)
    rejected = new_application(999, "Vandelay", "Importer", Stage.APPLIED, date(2026, 11, 23))
    rejected = rejected.moved_to(Stage.REJECTED, TODAY)
    apps.append(rejected)
    closed = [app for app in apps if app.stage.is_closed]
    shown = [app for app in apps if not app.stage.is_closed]
    full = BoardState.build(apps, TODAY, Settings(), us)
    partial = BoardState.build(
        shown, TODAY, Settings(), us, unread_applied_dates=[app.applied_on for app in closed]
    )
    assert not partial.complete
    assert rejected.id not in partial.cards
    assert partial.agenda().keep_applying == full.agenda().keep_applying
    forgetful = BoardState.build(shown, TODAY, Settings(), us, unread_applied_dates=[])
    missed = forgetful.agenda().keep_applying
    assert missed.applied_this_week < full.agenda().keep_applying.applied_this_week
    assert [i.application.id for i in partial.agenda().items] == [
        i.application.id for i in full.agenda().items
    ]

    partial.add_unread(closed)
    assert partial.complete
    assert _view(partial) == _view(full)
    assert partial.agenda().keep_applying == full.agenda().keep_applying
    partial.add_unread(closed)  # a second time changes nothing
    assert _view(partial) == _view(full)


def test_a_card_changed_before_the_rest_arrives_keeps_its_change(us) -> None:
    apps = demo_applications(TODAY, count=40, seed=5)
    closed = [app for app in apps if app.stage.is_closed]
    shown = [app for app in apps if not app.stage.is_closed]
    state = BoardState.build(shown, TODAY, Settings(), us, unread_applied_dates=[])
    moved = shown[0].moved_to(Stage.GHOSTED, TODAY)
    state.put(moved)
    state.add_unread([*closed, shown[0]])  # an old copy of it must not undo the move
    assert state.cards[moved.id].app == moved
