"""The first view (searchboard.ui.first_view): the first screen, worked out by a child
process while Textual is imported. It must show exactly what the board shows once it has
read the file, and nothing may act on it: a key waits for every card."""

from __future__ import annotations

import os
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from searchboard.demo import demo_applications
from searchboard.domain.stages import ACTIVE_STAGES, Stage
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui import first_view
from searchboard.ui.app import SearchboardApp
from searchboard.ui.column import CARD_HEIGHT
from searchboard.ui.first_view import FirstView, read_first_view, read_state, work_out

ROWS = 48  # the tests' terminal (conftest.SIZE)
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture
def long_search(board) -> Path:
    """300 applications from the demo's generator: columns far longer than the screen."""
    return board.write(demo_applications(board.today, count=300, seed=7))


def tracker_on(path: Path, today: date) -> Tracker:
    return Tracker(Store(path), today=today)


def view_of(path: Path, today: date, rows: int = ROWS) -> FirstView:
    """What the child works out (in this process, on a tracker of its own)."""
    state, _ = read_state(tracker_on(path, today))
    return work_out(state, rows)


def identities(view: FirstView) -> dict[Stage, list[int | None]]:
    return {
        stage: [card.app.id if card else None for card in cards]
        for stage, cards in view.columns.items()
    }


def test_the_childs_quicker_reading_gives_the_same_first_view(board, long_search) -> None:
    """The child reads less than the board (see read_first_view): the same view."""
    quick = read_first_view(tracker_on(long_search, board.today), ROWS)
    assert quick == view_of(long_search, board.today)
    assert sum(card is None for cards in quick.columns.values() for card in cards) > 100


def test_the_card_height_is_the_columns(long_search) -> None:
    assert first_view.CARD_HEIGHT == CARD_HEIGHT


def test_a_first_view_holds_what_the_first_screen_shows_and_every_count(board, long_search) -> None:
    state, _ = read_state(tracker_on(long_search, board.today))
    view = work_out(state, ROWS)
    window = ROWS // CARD_HEIGHT + 2
    for stage in ACTIVE_STAGES:
        full = state.column(stage)
        shown = view.columns[stage]
        assert len(shown) == len(full)  # the count in the title, and the scroll bar
        assert len(full) > 2 * window or stage is Stage.OFFER  # the test means something
        for index, card in enumerate(shown):
            if card is not None:
                assert card.app == full[index].app  # a card is at its own place
        assert all(card is not None for card in shown[:window])
    assert sum(card is None for cards in view.columns.values() for card in cards) > 100
    # The agenda: its shown items, and each section's real size.
    agenda = state.agenda()
    for name, items in agenda.sections().items():
        assert view.section_counts[name] == len(items)
        assert view.agenda.sections()[name] == items[:25]
    assert view.agenda.keep_applying == agenda.keep_applying
    assert view.agenda.holiday == agenda.holiday


def test_the_card_the_agenda_selects_is_there_with_its_neighbours(board) -> None:
    """The agenda's first item belongs to the 60th applied card: its column opens
    scrolled down to it, so the view holds the cards around it, not only the top ones."""
    d = board.d
    from searchboard.domain.model import new_application

    apps = [
        new_application(n, f"Quiet {n}", "Engineer", Stage.APPLIED, d("2026-11-23"))
        for n in range(1, 60)
    ]
    apps.append(new_application(60, "Overdue Inc", "Engineer", Stage.APPLIED, d("2026-11-02")))
    apps += [
        new_application(n, f"Later {n}", "Engineer", Stage.APPLIED, d("2026-11-23"))
        for n in range(61, 80)
    ]
    path = board.write(apps)
    view = view_of(path, board.today)
    assert view.agenda.sections()["overdue"][0].application.id == 60
    applied = identities(view)[Stage.APPLIED]
    assert applied.index(60) == 59
    window = ROWS // CARD_HEIGHT + 2
    assert all(applied[i] == i + 1 for i in range(59 - window, 59 + window))
    assert applied[window + 1] is None  # and not every card in between
    assert read_first_view(tracker_on(path, board.today), ROWS) == view  # the child's way


@needs_fork
def test_the_child_sends_the_same_first_view(board, long_search) -> None:
    pending = first_view.start(tracker_on(long_search, board.today), from_bytes=0)
    assert pending is not None
    view = pending.receive()
    assert view is not None
    rows = shutil.get_terminal_size((80, 60)).lines  # as the child sees it
    expected = view_of(long_search, board.today, rows)
    assert identities(view) == identities(expected)
    assert view.section_counts == expected.section_counts
    assert view.agenda == expected.agenda
    assert view.settings == expected.settings


@needs_fork
def test_a_child_that_cannot_read_the_file_says_nothing_and_sends_none(
    board, tmp_path, capfd
) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"_default": {"1": {"company": ', encoding="utf-8")
    before = damaged.read_bytes()
    pending = first_view.start(tracker_on(damaged, board.today), from_bytes=0)
    assert pending is not None
    assert pending.receive() is None  # the board reads it itself, and says what is wrong
    assert capfd.readouterr() == ("", "")
    assert damaged.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["damaged.json"]  # no backup, no lock


def test_the_first_view_can_be_turned_off(board, long_search, monkeypatch) -> None:
    monkeypatch.setenv(first_view.OFF_SWITCH, "1")
    assert first_view.start(tracker_on(long_search, board.today), from_bytes=0) is None


def test_a_small_file_is_read_before_the_paint_without_a_child(board, long_search) -> None:
    size = long_search.stat().st_size
    assert size < first_view.FORK_FROM_BYTES  # 300 applications
    assert first_view.start(tracker_on(long_search, board.today)) is None
    assert first_view.start(tracker_on(long_search, board.today), from_bytes=size + 1) is None
    pending = first_view.start(tracker_on(long_search, board.today), from_bytes=size)
    assert pending is not None and pending.receive() is not None
    missing = tracker_on(long_search.with_name("none.json"), board.today)
    assert first_view.start(missing, from_bytes=0) is None  # a new user: nothing to read


# --- the board opened from a first view ----------------------------------------------------


def app_with_first_view(board, path: Path) -> SearchboardApp:
    """The board given the view the child works out (its own quick reading, in process)."""
    tracker = tracker_on(path, board.today)
    return SearchboardApp(
        tracker, True, lambda: read_first_view(tracker_on(path, board.today), ROWS)
    )


async def test_the_first_view_looks_like_the_board_it_stands_for(board, long_search) -> None:
    full = board.app()
    async with full.run_test(size=board.size) as pilot:
        await board.settle(pilot)
        expected = full.export_screenshot()
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None  # held back: the first view stays
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        assert app.board.first_view is not None
        assert app.export_screenshot() == expected
        del app.board.complete_first_view  # now the board reads the file
        app.board.complete_first_view()
        await board.settle(pilot)
        assert app.board.first_view is None
        assert app.export_screenshot() == expected  # nothing moved when the file was read
        active = [a for a in board.initial if a.stage in ACTIVE_STAGES]
        assert len(app.board.column(Stage.APPLIED).cards) == sum(
            a.stage is Stage.APPLIED for a in active
        )
        assert all(card is not None for card in app.board.column(Stage.APPLIED).cards)
        assert app.board.state.complete  # and the closed ones after it


async def test_the_board_reads_the_file_after_the_first_paint(board, long_search) -> None:
    app = app_with_first_view(board, long_search)
    async with app.run_test(size=board.size) as pilot:
        await board.settle(pilot)
        assert app.board.first_view is None
        assert len(app.board.state.cards) == len(board.initial)


async def test_a_key_pressed_on_the_first_view_acts_on_every_card(board, long_search) -> None:
    """L before the file is read: the board reads it first, then moves the card, and
    the move is saved (it is not lost when the state read from the file comes in)."""
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None  # held back, as if still to come
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        wishlist = app.board.column(Stage.WISHLIST)
        wishlist.focus()
        await pilot.pause()
        card = wishlist.selected
        assert card is not None and app.board.first_view is not None
        del app.board.complete_first_view  # the key's own turn reads the file
        await pilot.press("L")
        await board.settle(pilot)
        assert app.board.first_view is None
        assert board.stored_app(card.app.id).stage is Stage.APPLIED
        assert app.board.state.cards[card.app.id].app.stage is Stage.APPLIED
        assert len(app.board.state.cards) == len(board.initial)


async def test_a_file_damaged_after_the_child_read_it_stops_the_board(board, long_search) -> None:
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        long_search.write_text("{", encoding="utf-8")
        del app.board.complete_first_view
        app.board.complete_first_view()
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal_error and str(long_search) in app.fatal_error


async def test_the_file_is_read_before_the_collector_comes_back(
    board, long_search, monkeypatch
) -> None:
    """Start-up pauses the collector (searchboard.startup): reading the file after the
    first paint makes its many objects while it is still paused, then it comes back."""
    import gc

    from searchboard.ui import board as board_module

    seen: list[bool] = []

    def reading(tracker):
        seen.append(gc.isenabled())
        return read_state(tracker)

    monkeypatch.setattr(board_module, "read_state", reading)
    app = app_with_first_view(board, long_search)
    gc.disable()
    try:
        async with app.run_test(size=board.size) as pilot:
            await board.settle(pilot)
            assert seen == [False]
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


# --- a file the child cannot read -----------------------------------------------------------


@needs_fork
def test_a_file_the_child_failed_on_is_refused_before_the_board_opens(
    tmp_path, monkeypatch, capsys
) -> None:
    """The child fails fast on a file that is not JSON: the board then reads it itself
    before it starts, and the command says what is wrong (exit 1) without ever opening."""
    from searchboard.cli.main import main

    damaged = tmp_path / "db.json"
    damaged.write_text('{"applications": {"1": ', encoding="utf-8")
    before = damaged.read_bytes()
    real_start = first_view.start

    def start_and_let_it_fail(tracker):
        pending = real_start(tracker, from_bytes=0)
        assert pending is not None
        deadline = time.monotonic() + 10
        while not pending.failed():  # as it has by the time Textual is imported
            assert time.monotonic() < deadline
            time.sleep(0.01)
        return pending

    def never(app) -> None:
        raise AssertionError("the board opened on a file it cannot read")

    monkeypatch.setattr(first_view, "start", start_and_let_it_fail)
    monkeypatch.setattr(SearchboardApp, "run", never)
    assert main(["--db", str(damaged), "--today", "2026-11-24"]) == 1
    err = capsys.readouterr().err
    assert str(damaged) in err and "not valid JSON" in err and len(err.splitlines()) == 1
    assert damaged.read_bytes() == before


async def test_no_first_view_and_a_file_it_cannot_read_stops_the_board(board, tmp_path) -> None:
    """The child gave up after the board had started (no first view): the board reads
    the file itself, and stops with the message when it cannot (exit 1, nothing written)."""
    damaged = tmp_path / "db.json"
    damaged.write_text("[1, 2]", encoding="utf-8")
    app = SearchboardApp(tracker_on(damaged, board.today), True, lambda: None)
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal_error and str(damaged) in app.fatal_error
    assert damaged.read_text(encoding="utf-8") == "[1, 2]"


async def test_no_first_view_and_a_good_file_opens_the_board_as_usual(board, long_search) -> None:
    app = SearchboardApp(tracker_on(long_search, board.today), True, lambda: None)
    async with app.run_test(size=board.size) as pilot:
        await board.settle(pilot)
        assert app.board.first_view is None
        assert len(app.board.state.cards) == len(board.initial)


@needs_fork
def test_a_child_at_work_or_done_has_not_failed(board, long_search) -> None:
    pending = first_view.start(tracker_on(long_search, board.today), from_bytes=0)
    assert pending is not None
    assert not pending.failed()  # at work (or done already: not failed either)
    assert pending.receive() is not None
    assert not pending.failed()


async def test_a_damaged_entry_the_child_passed_over_stops_the_board_after_the_paint(
    board, long_search
) -> None:
    """The child's quick read looks only at what the first screen needs: a closed card
    with no company goes unseen until the board reads the file in full, just after the
    first paint; then it closes with the one-line message, and the file is untouched."""
    import json

    data = json.loads(long_search.read_text(encoding="utf-8"))
    closed = next(
        key for key, doc in data["applications"].items() if doc["stage"] in ("rejected", "ghosted")
    )
    data["applications"][closed]["company"] = ""
    long_search.write_text(json.dumps(data), encoding="utf-8")
    before = long_search.read_bytes()
    assert read_first_view(tracker_on(long_search, board.today), ROWS)  # it passed over it
    app = app_with_first_view(board, long_search)
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal_error and str(long_search) in app.fatal_error
    assert f"application {closed}" in app.fatal_error
    assert long_search.read_bytes() == before


async def test_an_unknown_saved_country_says_how_to_fix_it(board, long_search) -> None:
    """The child cannot build the calendar (no first view); the board then reads the file
    itself after it started, and says what the command line says (config country)."""
    from searchboard.domain.settings import Settings

    with Store(long_search).transaction() as tx:
        tx.set_settings(Settings(country="ZZ"))
    before = long_search.read_bytes()
    with pytest.raises(Exception, match="ZZ"):
        read_first_view(tracker_on(long_search, board.today), ROWS)  # (the child gives up)
    app = SearchboardApp(tracker_on(long_search, board.today), True, lambda: None)
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal_error and "ZZ" in app.fatal_error
    assert "searchboard config country CC" in app.fatal_error
    assert str(long_search) in app.fatal_error
    assert long_search.read_bytes() == before


async def test_end_and_a_click_on_the_first_view_act_on_every_card(board, long_search) -> None:
    """`end` in a column whose last card the first view does not hold, and a click:
    each first brings in every card, so the cursor lands on a real card."""
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None  # held back
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        applied = app.board.column(Stage.APPLIED)
        assert applied.cards[-1] is None  # not in the first view
        applied.focus()
        await pilot.pause()
        del app.board.complete_first_view
        await pilot.press("end")
        await pilot.pause()
        assert app.board.first_view is None
        last = max(a.id for a in board.initial if a.stage is Stage.APPLIED)
        assert applied.selected_id == last
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        del app.board.complete_first_view
        await pilot.click("#column-screening", offset=(3, 7))  # the second card
        await pilot.pause()
        assert app.board.first_view is None
        screening = app.board.column(Stage.SCREENING)
        assert screening.cursor == 1 and screening.selected is not None


async def test_the_outside_changes_poll_waits_for_the_full_read(board, long_search) -> None:
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        writer = app.board.writer
        assert writer is not None
        submitted: list[object] = []
        app.board.writer = type(
            "Spy", (), {"pending": 0, "submit": lambda *a: submitted.append(a)}
        )()
        app.board._poll_for_outside_changes()
        assert submitted == []  # nothing reads the file behind the first view's back
        app.board.writer = writer
        del app.board.complete_first_view
        app.board.complete_first_view()
        await board.settle(pilot)


@needs_fork
def test_a_child_that_succeeds_writes_nothing_but_the_holiday_cache(
    board, long_search, tmp_path, monkeypatch, capfd
) -> None:
    cache = tmp_path / "fresh-cache"
    monkeypatch.setenv("SEARCHBOARD_CACHE_DIR", str(cache))
    real_read = first_view.read_first_view

    def chatty_read(tracker, rows):  # whatever the child might print goes nowhere
        print("from the child's stdout")
        print("from the child's stderr", file=sys.stderr)
        return real_read(tracker, rows)

    monkeypatch.setattr(first_view, "read_first_view", chatty_read)
    folder = sorted(p.name for p in long_search.parent.iterdir())
    capfd.readouterr()
    pending = first_view.start(tracker_on(long_search, board.today), from_bytes=0)
    assert pending is not None and pending.receive() is not None
    assert sorted(p.name for p in long_search.parent.iterdir()) == folder  # no backup, lock
    written = sorted(p.name for p in cache.rglob("*") if p.is_file())
    assert written  # (the cache was empty: the child worked out the holidays, and kept them)
    assert all(name.startswith("holidays-") and name.endswith(".json") for name in written)
    assert capfd.readouterr() == ("", "")


@needs_fork
def test_a_child_too_slow_is_killed_and_reaped(board, long_search) -> None:
    """It waits longer for a bigger file; past that, the child is killed (and reaped),
    and there is no first view (the board then reads the file itself)."""
    import signal

    pending = first_view.start(tracker_on(long_search, board.today), from_bytes=0)
    assert pending is not None
    size = long_search.stat().st_size
    assert pending._wait_seconds == pytest.approx(5 + size / 1_000_000)
    os.kill(pending._pid, signal.SIGSTOP)  # as if it hung on a slow disk
    started = time.monotonic()
    assert pending.receive(timeout=0.3) is None
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pending._pid, os.WNOHANG)  # gone, and reaped


@needs_fork
def test_a_child_that_sent_its_view_is_reaped_without_the_board_waiting(board, long_search) -> None:
    """The view is taken as soon as its bytes are in, even while the child is still on
    its way out; it is reaped all the same, and asking again gives nothing."""
    pending = first_view.start(tracker_on(long_search, board.today), from_bytes=0)
    assert pending is not None
    assert pending.receive() is not None
    assert not pending.failed()  # (received: its pipe is closed, and the child was ours)
    assert pending.receive() is None
    deadline = time.monotonic() + 5
    while True:  # reaped here or by the thread that waited for it: no zombie is left
        try:
            os.waitpid(pending._pid, os.WNOHANG)
        except ChildProcessError:
            break
        assert time.monotonic() < deadline, "the child was never reaped"
        time.sleep(0.01)
    with pytest.raises(ProcessLookupError):
        os.kill(pending._pid, 0)  # (signal 0: is there such a process at all)


@needs_fork
def test_the_command_opens_the_board_from_the_childs_first_view(board, long_search, monkeypatch):
    """The whole way, as `searchboard` runs it: the launcher forks the child, the board
    paints its view, then reads the file; quitting leaves the file as it was."""
    from searchboard.cli.parser import build_parser
    from searchboard.ui.board import BoardScreen
    from searchboard.ui.launch import launch_board

    monkeypatch.setattr(first_view, "FORK_FROM_BYTES", 0)
    before = long_search.read_bytes()
    seen: list[FirstView | None] = []
    real_complete = BoardScreen.complete_first_view

    def complete_then_quit(screen: BoardScreen) -> None:
        seen.append(screen.first_view)
        real_complete(screen)
        screen.app.exit()

    real_on_mount = BoardScreen.on_mount

    def on_mount_with_a_deadline(screen: BoardScreen) -> None:
        screen.set_timer(10, screen.app.exit)  # without a first view, fail rather than hang
        real_on_mount(screen)

    real_run = SearchboardApp.run
    monkeypatch.setattr(BoardScreen, "on_mount", on_mount_with_a_deadline)
    monkeypatch.setattr(BoardScreen, "complete_first_view", complete_then_quit)
    monkeypatch.setattr(SearchboardApp, "run", lambda app: real_run(app, headless=True))
    args = build_parser().parse_args(["--db", str(long_search), "--today", "2026-11-24"])
    assert launch_board(args) == 0
    assert seen and seen[0] is not None  # the board showed the child's view first
    assert seen[0].section_counts == view_of(long_search, board.today).section_counts
    assert long_search.read_bytes() == before


async def test_a_change_saved_elsewhere_after_the_child_read_shows_once_the_file_is_read(
    board, long_search
) -> None:
    """Another process adds a card between the child's read and the board's: the first
    view does not have it, the board's own read does (the file is the only truth)."""
    app = app_with_first_view(board, long_search)
    app.board.complete_first_view = lambda: None
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        new_id = (
            tracker_on(long_search, board.today)
            .add("Outside Co", "Engineer", on=board.today)
            .app_id
        )
        assert new_id not in app.board.state.cards
        del app.board.complete_first_view
        app.board.complete_first_view()
        await board.settle(pilot)
        assert app.board.state.cards[new_id].app.company == "Outside Co"
        assert app.board.column(Stage.APPLIED).index_of(new_id) is not None
