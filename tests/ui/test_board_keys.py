"""The board's keys (SPEC §5): each one is pressed, and what storage holds is checked.

Starting the app costs about a second, so a test often walks through several keys on one
board; each step still checks what a fresh Store reads back from the file.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Static

from searchboard.domain.model import Event, new_application
from searchboard.domain.stages import ACTIVE_STAGES, CLOSED_STAGES, EventKind, Stage
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui.agenda_panel import AgendaPanel
from searchboard.ui.column import StageColumn
from searchboard.ui.commands import BOARD_COMMANDS, NAVIGATION_HELP
from searchboard.ui.details import DetailsScreen
from searchboard.ui.dialogs import ConfirmDialog, HelpScreen, OutcomeChooser
from searchboard.ui.forms import FormScreen
from searchboard.ui.header import day_line


def _ids(screen, stage: Stage) -> list[int]:
    return [card.app.id for card in screen.column(stage).cards]


def _agenda_ids(panel: AgendaPanel) -> list[str]:
    return [panel.get_option_at_index(i).id or "" for i in range(panel.option_count)]


def _first_item_of(panel: AgendaPanel, app_id: int) -> int:
    """The agenda index of application `app_id`'s first item."""
    return next(
        i for i, option_id in enumerate(_agenda_ids(panel)) if option_id.startswith(f"{app_id}:")
    )


# --- on open ------------------------------------------------------------------------------


async def test_agenda_first_when_something_is_due(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        panel = screen.query_one(AgendaPanel)
        assert panel.display
        assert app.focused is panel
        # #8 Umbrella's overdue follow-up is the first item, and its card is selected.
        first = panel.get_option_at_index(panel.highlighted)
        assert first.id is not None and first.id.startswith("8:follow_up:")
        assert screen.selected_id == 8
        assert screen.column(Stage.APPLIED).selected_id == 8

        # A key acts at once on that card: the follow-up is logged and its item closes.
        await pilot.press("f")
        assert not any(i.startswith("8:follow_up") for i in _agenda_ids(panel))
        await board.settle(pilot)
        assert Event(EventKind.FOLLOW_UP, board.today) in board.stored_app(8).events

        # Moving through the agenda selects each item's card; enter goes to the card.
        panel.focus()
        await pilot.pause()
        panel.highlighted = _first_item_of(panel, 9)
        await pilot.pause()
        assert screen.selected_id == 9  # Wonka: the thank-you due today
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.column(Stage.INTERVIEWING)
        assert screen.selected_id == 9
        await pilot.press("t")
        await board.settle(pilot)
    assert Event(EventKind.THANK_YOU, board.today) in board.stored_app(9).events


async def test_a_long_agenda_is_whole_and_in_order_after_the_first_paint(board) -> None:
    # 30 overdue follow-ups: more than the panel shows, and more than a section lists.
    # (The first paint holds only the options that fit; the rest come just after it.)
    applied_on = [board.d(day) for day in ("2026-11-03", "2026-10-26", "2026-10-28", "2026-10-30")]
    board.write(
        new_application(n, f"Company {n}", "Engineer", Stage.APPLIED, applied_on[n % 4])
        for n in range(1, 31)
    )
    app = board.app()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        panel = screen.query_one(AgendaPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert prompts[0] == "Overdue (30)"
        assert prompts[-1] == "  … and 5 more (/ filters the board)"
        # Soonest due first, then by id: applied Oct 26 (1, 5, …), Oct 28, Oct 30, Nov 3.
        shown = [int(option_id.split(":")[0]) for option_id in _agenda_ids(panel)[1:-1]]
        assert shown == [
            1, 5, 9, 13, 17, 21, 25, 29, 2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27,
            4, 8,
        ]  # fmt: skip
        assert panel.styles.height is not None and panel.styles.height.value == 27 + 2
        # The last item, far below what the panel shows, selects its card.
        await pilot.press("end")
        await pilot.pause()
        assert screen.selected_id == 8
        assert screen.column(Stage.APPLIED).selected_id == 8
        await pilot.press("f")
        await board.settle(pilot)
    assert Event(EventKind.FOLLOW_UP, board.today) in board.stored_app(8).events


async def test_tab_and_l_go_from_the_agenda_to_the_card_it_selected(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        panel = screen.query_one(AgendaPanel)
        panel.highlighted = _first_item_of(panel, 9)
        await pilot.pause()
        await pilot.press("tab")  # to Wonka's card, not the first column
        await pilot.pause()
        assert app.focused is screen.column(Stage.INTERVIEWING)
        assert screen.selected_id == 9
        await pilot.press("tab")  # and back
        await pilot.pause()
        assert app.focused is panel
        await pilot.press("l")  # right, from the agenda: the same card
        await pilot.pause()
        assert app.focused is screen.column(Stage.INTERVIEWING)
        assert screen.selected_id == 9
        await pilot.press("d")  # a key acts on that card
        await pilot.pause()
        assert "Wonka" in str(app.screen.query_one(".dialog").query_one(Static).render())


async def test_first_card_selected_when_nothing_is_due(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        panel = screen.query_one(AgendaPanel)
        assert not panel.display
        wishlist = screen.column(Stage.WISHLIST)
        assert app.focused is wishlist
        assert screen.selected_id == 1
        assert wishlist.selected_id == 1
        # `a` shows the agenda anyway: what is coming up.
        await pilot.press("a")
        assert panel.display
        assert app.focused is panel
        assert any(i.startswith("5:interview:2026-12-01") for i in _agenda_ids(panel))
        await pilot.press("a")
        assert not panel.display
        assert isinstance(app.focused, StageColumn)


async def test_first_non_empty_column_when_nothing_is_due(board, calm_apps) -> None:
    board.write([app for app in calm_apps if app.stage is not Stage.WISHLIST])
    app = board.app()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        assert app.focused is app.board.column(Stage.APPLIED)
        assert app.board.selected_id == 2
        await pilot.press("L")  # acts at once on that card
        await board.settle(pilot)
    assert board.stored_app(2).stage is Stage.SCREENING


# --- navigation ---------------------------------------------------------------------------


async def test_navigation_keys_move_the_selection(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        assert screen.selected_id == 1
        await pilot.press("l")
        assert app.focused is screen.column(Stage.APPLIED)
        assert screen.selected_id == 2
        await pilot.press("j")
        assert screen.selected_id == 3
        await pilot.press("j")  # the last card stays selected
        assert screen.selected_id == 3
        await pilot.press("k")
        assert screen.selected_id == 2
        await pilot.press("l", "l", "l")
        assert app.focused is screen.column(Stage.OFFER)
        assert screen.selected_id == 6
        await pilot.press("l")  # no column after offer while closed ones are hidden
        assert app.focused is screen.column(Stage.OFFER)
        await pilot.press("h", "h")
        assert app.focused is screen.column(Stage.SCREENING)
        assert screen.selected_id == 4
        # The arrows do the same.
        await pilot.press("left")
        assert app.focused is screen.column(Stage.APPLIED)
        assert screen.selected_id == 2
        await pilot.press("down")
        assert screen.selected_id == 3
        await pilot.press("up")
        assert screen.selected_id == 2
        await pilot.press("right")
        assert app.focused is screen.column(Stage.SCREENING)
        assert screen.selected_id == 4
        await pilot.press("left", "left")
        assert app.focused is screen.column(Stage.WISHLIST)
        assert screen.selected_id == 1
        # The mouse: a click on the second card of `applied` selects it.
        column = screen.column(Stage.APPLIED)
        await pilot.click(column, offset=(3, 6))  # 5 lines a card
        await pilot.pause()
        assert app.focused is column
        assert screen.selected_id == 3


# --- moving cards ---------------------------------------------------------------------------


async def test_move_keys(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        today = board.today

        # At wishlist (the first column) H does nothing: the action is disabled.
        assert screen.selected_id == 1
        before = board.file_bytes()
        assert screen.check_action("move_previous", ()) is None
        await pilot.press("H", "shift+left")
        await board.settle(pilot)
        assert screen.state.cards[1].app.stage is Stage.WISHLIST
        assert board.file_bytes() == before
        assert not screen.undo_stack

        # L: into applied, which also records the applied date.
        await pilot.press("L")
        assert screen.state.cards[1].app.stage is Stage.APPLIED  # on screen at once
        assert 1 in _ids(screen, Stage.APPLIED)
        await board.settle(pilot)
        saved = board.stored_app(1)
        assert saved.stage is Stage.APPLIED
        assert Event(EventKind.STAGE, today, stage=Stage.APPLIED) in saved.events
        assert Event(EventKind.APPLIED, today) in saved.events

        # shift+right: the same as L.
        await board.select_card(pilot, 2)
        await pilot.press("shift+right")
        await board.settle(pilot)
        saved = board.stored_app(2)
        assert saved.stage is Stage.SCREENING
        assert saved.events[-1] == Event(EventKind.STAGE, today, stage=Stage.SCREENING)
        assert _ids(screen, Stage.SCREENING) == [2, 4]

        # H and shift+left: back one stage.
        await board.select_card(pilot, 4)
        await pilot.press("H")
        await board.settle(pilot)
        assert board.stored_app(4).stage is Stage.APPLIED
        assert Event(EventKind.STAGE, today, stage=Stage.APPLIED) in board.stored_app(4).events
        await board.select_card(pilot, 2)
        await pilot.press("shift+left")
        await board.settle(pilot)
        assert board.stored_app(2).stage is Stage.APPLIED

        # At offer (the last active column) L does nothing.
        await board.select_card(pilot, 6)
        before = board.file_bytes()
        assert screen.check_action("move_next", ()) is None
        assert screen.check_action("move_previous", ()) is True
        await pilot.press("L", "shift+right")
        await board.settle(pilot)
        assert screen.state.cards[6].app.stage is Stage.OFFER
        assert board.file_bytes() == before


async def test_selection_stays_on_the_card_after_a_change(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        await board.select_card(pilot, 2)
        await pilot.press("L")
        await pilot.pause()
        # The selection follows the moved card into its new column.
        assert app.focused is screen.column(Stage.SCREENING)
        assert screen.selected_id == 2
        # So a second and third L move the same card on.
        await pilot.press("L", "L")
        await board.settle(pilot)
        assert screen.selected_id == 2
        saved = board.stored_app(2)
        assert saved.stage is Stage.OFFER
        moves = [e.stage for e in saved.events if e.kind is EventKind.STAGE]
        assert moves == [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER]
        assert board.stored_app(5).stage is Stage.INTERVIEWING  # untouched

        # A log keeps the selection too.
        await board.select_card(pilot, 3)
        await pilot.press("t")
        await board.settle(pilot)
        assert screen.selected_id == 3

        # Toggling closed columns keeps it.
        await pilot.press("c")
        await pilot.pause()
        assert screen.selected_id == 3

        # After a delete, the next card of the column is selected.
        assert _ids(screen, Stage.OFFER) == [2, 6]
        await board.select_card(pilot, 2)
        await pilot.press("d", "y")
        await board.settle(pilot)
        assert screen.selected_id == 6


# --- quick logs ----------------------------------------------------------------------------


async def test_quick_logs(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        today = board.today
        for key, kind in (
            ("t", EventKind.THANK_YOU),
            ("f", EventKind.FOLLOW_UP),
            ("r", EventKind.RESPONSE),
        ):
            await board.select_card(pilot, 5)
            before = board.stored_app(5)
            await pilot.press(key)
            assert Event(kind, today) in app.board.state.cards[5].app.events
            await board.settle(pilot)
            saved = board.stored_app(5)
            # Added in date order: before the interview on Dec 1, after everything else.
            assert saved.events == (*before.events[:-1], Event(kind, today), before.events[-1])
            assert saved.stage is Stage.INTERVIEWING


# --- interview -----------------------------------------------------------------------------


async def test_interview(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 4)
        before = board.file_bytes()
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-on").value == board.today.isoformat()

        # A bad "decision expected" date is refused in place; nothing typed is lost.
        await board.focus(pilot, "#field-note")
        await board.type(pilot, "with the CTO")
        await board.focus(pilot, "#field-expect")
        await board.type(pilot, "next week")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "next week" in plain_text(form.query_one("#form-error"))
        assert form.query_one("#field-expect").value == "next week"
        assert form.query_one("#field-note").value == "with the CTO"
        await board.settle(pilot)
        assert board.file_bytes() == before

        # And a bad interview date too.
        form.query_one("#field-expect").value = ""
        form.query_one("#field-on").value = "2026-02-30"
        await board.focus(pilot, "#field-on")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "2026-02-30" in plain_text(form.query_one("#form-error"))
        await board.settle(pilot)
        assert board.file_bytes() == before

        # Put right, it saves: an interview today, decision expected Dec 4.
        form.query_one("#field-on").value = board.today.isoformat()
        await board.focus(pilot, "#field-expect")
        await board.type(pilot, "2026-12-04")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
        saved = board.stored_app(4)
        assert (
            Event(
                EventKind.INTERVIEW, board.today, note="with the CTO", expect=board.d("2026-12-04")
            )
            in saved.events
        )

        # Without a decision date, on another (backfilled) day.
        await board.select_card(pilot, 4)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#field-on").value = "2026-11-19"
        await board.focus(pilot, "#field-note")
        await pilot.press("enter")
        await board.settle(pilot)
    saved = board.stored_app(4)
    assert Event(EventKind.INTERVIEW, board.d("2026-11-19")) in saved.events
    assert [e.date for e in saved.events] == sorted(e.date for e in saved.events)


# --- outcomes ------------------------------------------------------------------------------


async def test_outcomes(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        today = board.today

        # o on #3 (applied): choose ghosted, the last outcome.
        await board.select_card(pilot, 3)
        await pilot.press("o")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, OutcomeChooser)
        outcomes = chooser.query_one("#outcomes")
        assert [outcomes.get_option_at_index(i).id for i in range(outcomes.option_count)] == [
            "offer",
            *(str(stage) for stage in CLOSED_STAGES),
        ]
        await pilot.press("end")
        assert outcomes.get_option_at_index(outcomes.highlighted).id == "ghosted"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is screen
        assert 3 not in _ids(screen, Stage.APPLIED)
        saved = board.stored_app(3)
        assert saved.stage is Stage.GHOSTED
        assert saved.events[-1] == Event(EventKind.STAGE, today, stage=Stage.GHOSTED)

        # On a card in offer, offer itself is not offered; escape changes nothing.
        await board.select_card(pilot, 6)
        before = board.file_bytes()
        await pilot.press("o")
        await pilot.pause()
        outcomes = app.screen.query_one("#outcomes")
        assert outcomes.get_option("offer").disabled
        await pilot.press("escape")
        await board.settle(pilot)
        assert app.screen is screen
        assert board.file_bytes() == before

        # Accepted.
        await board.select_card(pilot, 6)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("home")  # the first enabled outcome here is accepted
        outcomes = app.screen.query_one("#outcomes")
        assert outcomes.get_option_at_index(outcomes.highlighted).id == "accepted"
        await pilot.press("enter")
        await board.settle(pilot)
        saved = board.stored_app(6)
        assert saved.stage is Stage.ACCEPTED
        assert saved.events[-1] == Event(EventKind.STAGE, today, stage=Stage.ACCEPTED)


async def test_outcome_offer_asks_for_the_deadline(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 5)
        before = board.file_bytes()
        await pilot.press("o")
        await pilot.pause()
        outcomes = app.screen.query_one("#outcomes")
        await pilot.press("home")
        assert outcomes.get_option_at_index(outcomes.highlighted).id == "offer"
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)

        # A bad deadline is refused in place.
        await board.focus(pilot, "#field-deadline")
        await board.type(pilot, "friday")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "friday" in plain_text(form.query_one("#form-error"))
        await board.settle(pilot)
        assert board.file_bytes() == before

        form.query_one("#field-deadline").value = "2026-12-04"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
        assert app.board.state.cards[5].app.stage is Stage.OFFER
        assert _ids(app.board, Stage.OFFER) == [5, 6]
    saved = board.stored_app(5)
    assert saved.stage is Stage.OFFER
    assert Event(EventKind.STAGE, board.today, stage=Stage.OFFER) in saved.events
    assert Event(EventKind.OFFER, board.today, deadline=board.d("2026-12-04")) in saved.events


# --- delete --------------------------------------------------------------------------------


async def test_delete(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        await board.select_card(pilot, 3)
        before = board.file_bytes()
        for answer in ("n", "escape"):
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            assert "Soylent" in plain_text(app.screen.query_one(".dialog-question"))
            await pilot.press(answer)
            await board.settle(pilot)
            assert app.screen is screen
            assert 3 in screen.state.cards
            assert board.file_bytes() == before

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        assert 3 not in screen.state.cards  # gone from the screen at once
        await board.settle(pilot)
        assert _ids(screen, Stage.APPLIED) == [2]
        assert set(board.stored()) == {1, 2, 4, 5, 6, 7}

        # Delete the card with the highest id too (#7, ghosted: shown with c).
        await pilot.press("c")
        await board.select_card(pilot, 7)
        await pilot.press("d", "y")
        await board.settle(pilot)
        assert set(board.stored()) == {1, 2, 4, 5, 6}

        # Neither id is given again.
        await pilot.press("n")
        await pilot.pause()
        await board.focus(pilot, "#field-company")
        await board.type(pilot, "Newco")
        await pilot.press("tab")
        await board.type(pilot, "Analyst")
        await pilot.press("enter")
        await board.settle(pilot)
    stored = board.stored()
    assert [a.id for a in stored.values() if a.company == "Newco"] == [8]


# --- undo ----------------------------------------------------------------------------------


async def _change_then_undo(board, pilot, app_id: int, change) -> None:
    """Does `change`, checks it reached the file, presses u and checks the file holds
    exactly the application as it was."""
    app = pilot.app
    before = board.stored_app(app_id)
    await change()
    await board.settle(pilot)
    after = board.stored().get(app_id)
    assert after is None or after.to_dict() != before.to_dict()
    assert app.screen is app.board
    assert app.board.check_action("undo", ()) is True
    await pilot.press("u")
    await board.settle(pilot)
    assert board.stored_app(app_id).to_dict() == before.to_dict()
    assert app.board.state.cards[app_id].app.to_dict() == before.to_dict()


async def test_undo(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board

        async def move() -> None:
            await board.select_card(pilot, 2)
            await pilot.press("L")

        async def log() -> None:
            await board.select_card(pilot, 5)
            await pilot.press("t")

        async def outcome() -> None:
            await board.select_card(pilot, 3)
            await pilot.press("o", "end", "enter")

        async def edit_in_details() -> None:
            await board.select_card(pilot, 2)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DetailsScreen)
            app.screen.query_one("#edit-role").value = "Principal Engineer"
            await board.focus(pilot, "#edit-role")
            await pilot.press("enter")
            await board.settle(pilot)
            assert board.stored_app(2).role == "Principal Engineer"
            await pilot.press("escape")

        async def delete() -> None:
            await board.select_card(pilot, 4)
            await pilot.press("d", "y")

        await _change_then_undo(board, pilot, 2, move)
        assert _ids(screen, Stage.APPLIED) == [2, 3]
        await _change_then_undo(board, pilot, 5, log)
        await _change_then_undo(board, pilot, 3, outcome)
        assert _ids(screen, Stage.APPLIED) == [2, 3]
        await _change_then_undo(board, pilot, 2, edit_in_details)
        await _change_then_undo(board, pilot, 4, delete)
        assert _ids(screen, Stage.SCREENING) == [4]

        # Undo of an add removes the new card.
        await pilot.press("n")
        await pilot.pause()
        await board.focus(pilot, "#field-company")
        await board.type(pilot, "Newco")
        await pilot.press("tab")
        await board.type(pilot, "Analyst")
        await pilot.press("enter")
        await board.settle(pilot)
        assert 8 in board.stored()
        await pilot.press("u")
        await board.settle(pilot)
        assert 8 not in board.stored()
        assert 8 not in screen.state.cards

        # With nothing left, u is disabled and changes nothing.
        assert not screen.undo_stack
        assert screen.check_action("undo", ()) is None
        before = board.file_bytes()
        await pilot.press("u")
        await board.settle(pilot)
        assert board.file_bytes() == before
    assert board.stored() == {a.id: a for a in board.initial}


# --- agenda, closed cards, filter ------------------------------------------------------------


async def test_a_toggles_the_agenda(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        panel = app.board.query_one(AgendaPanel)
        assert panel.display
        await pilot.press("a")
        assert not panel.display
        # The selected card keeps the focus, so the next key acts on it.
        assert app.board.selected_id == 8
        assert app.focused is app.board.column(Stage.APPLIED)
        await pilot.press("a")
        assert panel.display
        assert app.focused is panel


async def test_c_toggles_closed_columns(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        for stage in CLOSED_STAGES:  # not even mounted until first shown
            assert not screen.query(f"#column-{stage}")
        for stage in ACTIVE_STAGES:
            assert screen.column(stage).display
        await pilot.press("c")
        await pilot.pause()
        for stage in CLOSED_STAGES:
            assert screen.column(stage).display
            assert screen.column(stage).region.width > 0
        assert _ids(screen, Stage.GHOSTED) == [7]
        assert screen.column(Stage.GHOSTED).title == "GHOSTED  1"
        await pilot.press("c")
        await pilot.pause()
        for stage in CLOSED_STAGES:
            assert not screen.column(stage).display
        for stage in ACTIVE_STAGES:
            assert screen.column(stage).display
        await pilot.press("c")  # and again: shown once more, mounted once
        await pilot.pause()
        assert len(screen.query(f"#column-{Stage.GHOSTED}")) == 1
        assert screen.column(Stage.GHOSTED).display


async def test_every_active_column_fits_120_columns_and_c_brings_closed_ones_into_view(
    board,
) -> None:
    app = board.calm()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.board
        for stage in ACTIVE_STAGES:  # all five on screen, none cut off
            region = screen.column(stage).region
            assert region.width >= 20 and region.right <= 120
        await pilot.press("c")  # nine columns cannot fit: the board scrolls to the closed
        await pilot.pause()
        await pilot.pause()
        for stage in CLOSED_STAGES:  # all four fit: all four show
            region = screen.column(stage).region
            assert region.x >= 0 and region.right <= 120
        await pilot.press("c")
        await pilot.pause()
        assert screen.column(ACTIVE_STAGES[0]).region.x <= 1


async def test_filter(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        everything = {stage: _ids(screen, stage) for stage in ACTIVE_STAGES}
        assert not screen.query("#filter")  # mounted when first opened
        await pilot.press("slash")
        await pilot.pause()
        box = screen.query_one("#filter")
        assert box.display
        assert app.focused is box
        await board.type(pilot, "glob")
        await pilot.pause()
        assert {stage: _ids(screen, stage) for stage in ACTIVE_STAGES} == {
            Stage.WISHLIST: [],
            Stage.APPLIED: [2],
            Stage.SCREENING: [],
            Stage.INTERVIEWING: [],
            Stage.OFFER: [],
        }
        assert "glob" in plain_text(screen.query_one("#day-header"))
        await pilot.press("escape")  # clears the filter, stays on the board
        await pilot.pause()
        assert box.value == ""
        assert not box.display
        assert app.screen is screen
        assert {stage: _ids(screen, stage) for stage in ACTIVE_STAGES} == everything

        # It matches other fields too, in any case; enter keeps it and goes to the cards.
        await pilot.press("slash")
        await board.type(pilot, "REMOTE")  # Globex's location
        await pilot.press("enter")
        await pilot.pause()
        assert box.display
        assert sum(len(_ids(screen, stage)) for stage in ACTIVE_STAGES) == 1
        assert isinstance(app.focused, StageColumn)
        assert screen.selected_id == 2
        await pilot.press("L")  # keys act on the filtered board
        await board.settle(pilot)
        assert board.stored_app(2).stage is Stage.SCREENING
        assert _ids(screen, Stage.SCREENING) == [2]  # still filtered

        # escape on the cards clears it too.
        await pilot.press("escape")
        await pilot.pause()
        assert box.value == "" and not box.display
        assert sum(len(_ids(screen, stage)) for stage in ACTIVE_STAGES) == sum(
            len(ids) for ids in everything.values()
        )
        assert "filter" not in plain_text(screen.query_one("#day-header"))


# --- help, footer, quit ---------------------------------------------------------------------


async def test_help_lists_every_key(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        # The key line shows the board's keys; those that cannot act now are dimmed.
        keybar = app.board.query_one("#keys")
        line = keybar.content
        plain = line.plain.replace("\u00a0", " ")  # keys are joined to their words
        for command in BOARD_COMMANDS:
            if command.show:
                assert f" {command.keys_for_people} {command.description} " in plain + " "
        shown = {binding.action for _, binding, _, _ in app.active_bindings.values()}
        for command in BOARD_COMMANDS:
            assert command.action in shown, command.action

        def style_of(words: str):
            start = plain.index(words)
            return [span.style for span in line.spans if span.start <= start < span.end]

        assert app.board.selected_id == 1  # in wishlist: no previous stage, nothing to undo
        assert style_of("Prev stage") != style_of("Next stage")
        assert style_of("Undo") == style_of("Prev stage")

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        for command in BOARD_COMMANDS:
            assert (command.keys_for_people, command.help) in rows, command
        for row in NAVIGATION_HELP:
            assert row in rows
        keys = {key for keys, _ in rows for key in keys.split()}
        for key in ("L", "H", "n", "enter", "i", "t", "f", "r", "o", "a", "c", "/", "d", "u"):
            assert key in keys, key
        assert {"?", "q", "ctrl+p"} <= keys
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board


async def test_q_quits_after_saving(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 5)
        await pilot.press("L", "q")  # no pause: the save may still be queued
    assert app.return_code == 0
    assert board.stored_app(5).stage is Stage.OFFER


# --- user text is shown literally -------------------------------------------------------------


async def test_markup_in_user_text_is_shown_literally(board, plain_text) -> None:
    odd = "[b]X[/b]"
    board.write(
        [
            new_application(1, odd, "[red]Role[/red]", Stage.APPLIED, board.d("2026-11-02")),
            new_application(2, "Plain", "Engineer", Stage.APPLIED, board.d("2026-11-23")),
        ]
    )
    app = board.app()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        panel = screen.query_one(AgendaPanel)
        assert panel.display  # #1's follow-up is overdue
        prompt = panel.get_option_at_index(panel.highlighted).prompt
        assert odd in getattr(prompt, "plain", str(prompt))
        column = screen.column(Stage.APPLIED)
        assert column.render_line(0).text.startswith(" APPLIED  2")  # the title line
        lines = [column.render_line(y).text for y in range(1, 5)]
        assert odd in lines[0]
        assert "[red]Role[/red]" in lines[1]
        assert odd in app.export_screenshot()

        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeChooser)
        assert odd in plain_text(app.screen.query_one(".form-title"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert odd in plain_text(app.screen.query_one(".dialog-question"))
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")  # from the agenda to the card
        await pilot.pause()
        await pilot.press("enter")  # and its details
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        assert odd in plain_text(app.screen.query_one("#details-title"))
        assert app.screen.query_one("#edit-company").value == odd
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash")
        await board.type(pilot, "[i]")
        await pilot.pause()
        assert "[i]" in plain_text(screen.query_one("#day-header"))


async def test_a_card_that_closes_stays_out_of_sight_and_h_reopens_it(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        screen = app.board
        await board.select_card(pilot, 4)  # Initech, screening
        await pilot.press("o", "end", "enter")  # ghosted
        await board.settle(pilot)
        assert board.stored_app(4).stage is Stage.GHOSTED
        assert not screen.query("#column-ghosted")  # closed columns stay hidden
        assert screen.selected_id != 4

        # Reopened: c shows the closed cards, H puts Initech back where it was.
        await pilot.press("c")
        await board.select_card(pilot, 4)
        await pilot.press("H")
        await board.settle(pilot)
        reopened = board.stored_app(4)
        assert reopened.stage is Stage.SCREENING
        assert reopened.events[-1] == Event(EventKind.STAGE, board.today, stage=Stage.SCREENING)


# --- a column's title line and scrolling --------------------------------------------------


async def test_the_selected_card_is_always_in_full_view_below_the_title(board) -> None:
    # Twelve cards in `applied` on a short screen: the column scrolls under its title.
    board.write(
        new_application(n, f"Company {n:02}", "Engineer", Stage.APPLIED, board.d("2026-11-20"))
        for n in range(1, 13)
    )
    app = board.app()
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = app.board
        await board.select_card(pilot, 1)
        column = screen.column(Stage.APPLIED)
        assert column.size.height < 12 * 5  # it has to scroll

        def on_screen() -> list[str]:
            return [column.render_line(y).text for y in range(column.size.height)]

        def shown_whole(n: int) -> bool:
            lines = on_screen()
            tops = [y for y, line in enumerate(lines) if f"Company {n:02}" in line]
            return bool(tops) and tops[0] >= 1 and tops[0] + 3 < len(lines)

        await pilot.press("end")
        await pilot.pause()
        assert screen.selected_id == 12
        assert on_screen()[0].startswith(" APPLIED  12")  # the title stays on top
        assert shown_whole(12)
        assert column.scrollbars_enabled == (True, False)  # no sideways bar taking a line
        assert "Company 12" in on_screen()[-4]  # its four lines end the column
        for n in range(11, 0, -1):  # back up, card by card: never hidden under the title
            await pilot.press("up")
            await pilot.pause()
            assert screen.selected_id == n
            assert on_screen()[0].startswith(" APPLIED  12")
            assert shown_whole(n), n

        # A click on the title selects nothing new; a click on a card's line selects it.
        await pilot.press("end")
        await pilot.pause()
        await pilot.click(column, offset=(3, 0))
        await pilot.pause()
        assert screen.selected_id == 12
        lines = on_screen()
        row = next(y for y, line in enumerate(lines) if "Company 11" in line)
        await pilot.click(column, offset=(3, row + 1))  # its role line
        await pilot.pause()
        assert screen.selected_id == 11
        await pilot.click(column, offset=(3, row + 5))  # the next card's first line
        await pilot.pause()
        assert screen.selected_id == 12
        await pilot.click(column, offset=(3, row + 4))  # the blank line under Company 11
        await pilot.pause()
        assert screen.selected_id == 11


async def test_the_agenda_shows_each_item_on_one_line_on_a_narrow_screen(board) -> None:
    long_name = "Consolidated Amalgamated International Holdings"
    board.write(
        [
            new_application(
                1,
                long_name,
                "Principal Staff Data Platform Engineer",
                Stage.APPLIED,
                board.d("2026-11-02"),
            ),
            new_application(2, "Globex", "Engineer", Stage.APPLIED, board.d("2026-11-03")),
        ]
    )
    app = board.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        panel = app.board.query_one(AgendaPanel)
        assert panel.display  # both follow-ups are overdue
        assert panel.option_count == 3  # the heading and two items
        assert panel.virtual_size.height == 3  # one line each: nothing wraps out of sight
        assert panel.outer_size.height == 3 + 2  # and the panel fits them, with its border
        assert panel.scroll_offset.y == 0
        lines = [panel.render_line(y).text for y in range(panel.size.height)]
        assert "Overdue (2)" in lines[0]
        assert "Consolidated" in lines[1] and lines[1].rstrip().endswith("…")  # cut, not wrapped
        assert "Globex" in lines[2]


async def test_an_80_column_header_still_says_when_you_are_behind_pace(board) -> None:
    app = board.calm()  # one application sent this week by Tuesday: behind a goal of 5
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        header = app.board.query_one("#day-header")
        shown = header.render_line(0).text  # what fits on the line, as the user sees it
        assert len(shown.rstrip()) <= header.size.width
        assert "Keep applying: 1 of 5 this week · behind pace" in shown
        assert "Tue 24 Nov" in shown

        await pilot.resize_terminal(160, 30)  # room again: all of it comes back
        await pilot.pause()
        shown = header.render_line(0).text
        assert "searchboard   Tue 24 Nov 2026 (--today)" in shown
        assert "behind pace · last applied" in shown


@pytest.mark.parametrize(
    ("country", "day", "holiday"),
    [
        ("US", "2026-11-26", "Thanksgiving"),
        ("US", "2026-12-25", "Christmas"),
        ("GB", "2026-12-28", "Boxing"),
    ],
)
def test_an_80_column_header_on_a_holiday_still_says_when_you_are_behind_pace(
    tmp_path, country, day, holiday
) -> None:
    tracker = Tracker(Store(tmp_path / "s.json"), today=date.fromisoformat(day))
    tracker.set_setting("country", country)
    tracker.add("Acme", "Engineer", on=date.fromisoformat(day))  # 1 of 5: behind pace
    agenda = tracker.agenda()
    line = day_line(agenda, pretend_today=True, filter_text="acme", width=80).plain
    assert len(line) <= 80
    assert agenda.keep_applying is not None
    pace = " · behind pace" if agenda.keep_applying.behind else ""
    assert f"this week{pace}" in line
    assert "filter: acme" in line
    assert "holiday" in line or holiday in line  # a holiday is still said to be one
    wide = day_line(agenda, pretend_today=True, filter_text="acme", width=200).plain
    assert f"{holiday}" in wide and "not a business day" in wide
