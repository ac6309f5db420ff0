"""Another process on the same file (a second board, the command line) while the board
is open: neither loses the other's changes, and the board shows theirs (SPEC §7)."""

from __future__ import annotations

import asyncio
import sys

from textual.widgets import Input, OptionList

from searchboard.domain.model import Event
from searchboard.domain.stages import EventKind, Stage
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui.details import DetailsScreen


def _other(board) -> Tracker:
    """Another window on the same file."""
    return Tracker(Store(board.path), today=board.today)


async def test_board_save_keeps_a_change_made_in_another_window(board) -> None:
    app = board.calm()
    note = Event(EventKind.NOTE, board.today, note="from the other window")
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        other = _other(board)
        other.log(2, EventKind.NOTE, note="from the other window")
        other.log(3, EventKind.RESPONSE)
        # The board, which has not seen those yet, moves #2 (changed outside) and #4.
        await board.select_card(pilot, 2)
        await pilot.press("L")
        await board.select_card(pilot, 4)
        await pilot.press("L")
        await board.settle(pilot)
        # What the board shows is what was saved: both changes.
        shown = app.board.state.cards[2].app
        assert shown.stage is Stage.SCREENING
        assert note in shown.events
    stored = board.stored()
    assert stored[2].stage is Stage.SCREENING
    assert note in stored[2].events
    assert Event(EventKind.STAGE, board.today, stage=Stage.SCREENING) in stored[2].events
    assert Event(EventKind.RESPONSE, board.today) in stored[3].events
    assert stored[4].stage is Stage.INTERVIEWING


async def test_a_move_made_first_in_another_window_is_not_recorded_twice(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)  # the board shows #2 in applied, as it was
        _other(board).move(2, Stage.SCREENING)  # the other window moves it first
        await pilot.press("L")  # and so does the board, not knowing
        await board.settle(pilot)
        await board.settle(pilot)
        assert app.board.state.cards[2].app.stage is Stage.SCREENING
        toasts = " ".join(str(n.message) for n in app._notifications)
        assert "already in screening" in toasts
    moves = [e for e in board.stored()[2].events if e.kind is EventKind.STAGE]
    assert [e.stage for e in moves].count(Stage.SCREENING) == 1


async def test_a_change_that_could_not_be_saved_is_taken_back_off_the_screen(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)
        board.path.write_bytes(b'{"applications": {"1": ')  # damaged under the board
        await pilot.press("L")
        await board.settle(pilot)
        await board.settle(pilot)
        # The save was refused, so the card is back where the file last had it.
        assert app.board.state.cards[2].app.stage is Stage.APPLIED
        assert 2 in [card.app.id for card in app.board.column(Stage.APPLIED).cards]
        assert any("Not saved" in str(n.message) for n in app._notifications)
    assert board.path.read_bytes() == b'{"applications": {"1": '  # left as it was


async def test_an_undo_that_could_not_be_saved_is_taken_back_off_the_screen(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)
        await pilot.press("L")  # saved: #2 is in screening
        await board.settle(pilot)
        board.path.write_bytes(b'{"applications": {"1": ')  # then damaged under the board
        await pilot.press("u")
        await board.settle(pilot)
        await board.settle(pilot)
        assert app.board.state.cards[2].app.stage is Stage.SCREENING  # as in the file
    assert board.path.read_bytes() == b'{"applications": {"1": '


async def test_a_change_found_by_the_board_s_own_save_is_shown_too(board, monkeypatch) -> None:
    # Another window changes the file just before the board saves: the save reads the
    # file again and keeps that change, and afterwards the file is just as the board
    # wrote it, so the poll would never see it. The board must show it all the same.
    app = board.calm()
    monkeypatch.setattr(app.board, "_poll_for_outside_changes", lambda: None)
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        other = _other(board)
        other.log(3, EventKind.RESPONSE)
        added = other.add("Vandelay", "Importer").app_id
        await board.select_card(pilot, 2)
        await pilot.press("L")
        await board.settle(pilot)
        await board.settle(pilot)
        cards = app.board.state.cards
        assert cards[2].app.stage is Stage.SCREENING  # its own change
        assert Event(EventKind.RESPONSE, board.today) in cards[3].app.events
        assert added in [card.app.id for card in app.board.column(Stage.APPLIED).cards]


async def test_board_save_keeps_a_change_made_by_the_command_line(board) -> None:
    app = board.calm()
    argv = [sys.executable, "-m", "searchboard", "--db", str(board.path)]
    argv += ["--today", board.today.isoformat()]
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)
        # The command line runs while the board saves its own change to the same card.
        cli = await asyncio.create_subprocess_exec(
            *argv,
            "log",
            "2",
            "note",
            "--note",
            "from the cli",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        await pilot.press("L")
        _out, err = await asyncio.wait_for(cli.communicate(), timeout=60)
        assert cli.returncode == 0, err.decode()
        await board.settle(pilot)
        # And a second change after it, on the card the board has not reread yet.
        await board.select_card(pilot, 2)
        await pilot.press("t")
        await board.settle(pilot)
    saved = board.stored_app(2)
    assert saved.stage is Stage.SCREENING
    assert Event(EventKind.NOTE, board.today, note="from the cli") in saved.events
    assert Event(EventKind.THANK_YOU, board.today) in saved.events


async def _eventually(pilot, check, seconds: float = 3.0) -> None:
    """Waits up to `seconds` (the board looks every 1.5 s) for `check()` to hold."""
    waited = 0.0
    while not check():
        assert waited < seconds, "the board did not show the outside change in time"
        await pilot.pause(0.25)
        waited += 0.25


async def test_board_shows_outside_changes(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        other = _other(board)
        other.move(3, Stage.INTERVIEWING)
        other.delete(6)
        added = other.add("Massive Dynamic", "Data Engineer").after
        assert added is not None

        def shown() -> bool:
            cards = screen.state.cards
            return (
                3 in cards
                and cards[3].app.stage is Stage.INTERVIEWING
                and 6 not in cards
                and added.id in cards
            )

        await _eventually(pilot, shown)
        interviewing = [c.app.id for c in screen.column(Stage.INTERVIEWING).cards]
        assert interviewing == [3, 5]
        assert [c.app.id for c in screen.column(Stage.OFFER).cards] == []
        assert added.id in [c.app.id for c in screen.column(Stage.APPLIED).cards]

        # The board's own next change goes on top of what it now shows.
        await board.select_card(pilot, 3)
        await pilot.press("L")
        await board.settle(pilot)
    stored = board.stored()
    assert stored[3].stage is Stage.OFFER
    assert 6 not in stored
    assert stored[added.id].company == "Massive Dynamic"


async def test_undo_refused_when_changed_outside_since(board) -> None:
    app = board.calm()
    note = Event(EventKind.NOTE, board.today, note="later, elsewhere")
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)
        await pilot.press("L")
        await board.settle(pilot)
        _other(board).log(2, EventKind.NOTE, note="later, elsewhere")
        await pilot.press("u")  # would throw the other window's note away: refused
        await board.settle(pilot)
        await board.settle(pilot)
        shown = app.board.state.cards[2].app
        assert shown.stage is Stage.SCREENING
        assert note in shown.events
    saved = board.stored_app(2)
    assert saved.stage is Stage.SCREENING
    assert note in saved.events


async def test_outside_change_leaves_the_selection_alone(board) -> None:
    app = board.calm()
    response = Event(EventKind.RESPONSE, board.today)
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 3)
        _other(board).log(4, EventKind.RESPONSE)  # #4's follow-up leaves the (hidden) agenda
        await _eventually(pilot, lambda: response in app.board.state.cards[4].app.events)
        await pilot.pause()
        column = app.board.column(Stage.APPLIED)
        assert app.focused is column
        assert column.selected_id == 3  # what the user sees
        assert app.board.selected_id == 3  # what the keys act on
        await pilot.press("t")
        await board.settle(pilot)
    thank_you = Event(EventKind.THANK_YOU, board.today)
    assert thank_you in board.stored_app(3).events
    assert thank_you not in board.stored_app(5).events


async def test_details_follow_a_change_made_elsewhere_and_keep_what_is_typed(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)  # Globex, LinkedIn, Remote
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, DetailsScreen)
        location = details.query_one("#edit-location", Input)
        location.value = "Berlin"  # the user is typing here, not saved yet
        other = _other(board)
        other.edit(2, source="referral", location="Remote (EU)")
        other.log(2, EventKind.RESPONSE, note="call on Friday")

        def shown() -> bool:
            return details.query_one("#edit-source", Input).value == "referral"

        await _eventually(pilot, shown)
        assert location.value == "Berlin"  # what was typed is kept
        timeline = details.query_one("#timeline", OptionList)
        newest = str(timeline.get_option_at_index(0).prompt)
        assert "call on Friday" in newest

        other.delete(2)
        await _eventually(pilot, lambda: app.screen is app.board)
