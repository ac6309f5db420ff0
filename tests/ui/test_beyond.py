"""The board's keys of issue 5 — snooze (z), email draft (e), insights (s), the re-apply
confirmation in the new-application form, and the calendar export of the palette —
pressed with Pilot and checked against what the file holds.

The busy board (see conftest): today is Tue 24 Nov 2026; #8 Umbrella's follow-up is
overdue; #9 Wonka was interviewed yesterday, so a thank-you is due today; #7 Cyberdyne
was closed as ghosted on 15 Nov.
"""

from __future__ import annotations

import threading

import icalendar

from searchboard.domain.stages import EventKind, ItemKind
from searchboard.ui.agenda_panel import AgendaPanel
from searchboard.ui.draft_screen import DraftScreen
from searchboard.ui.forms import FormScreen
from searchboard.ui.insights_screen import InsightsScreen


def _agenda_kinds(app, app_id: int) -> list[str]:
    panel = app.board.query_one(AgendaPanel)
    ids = [panel.get_option_at_index(i).id or "" for i in range(panel.option_count)]
    return [option.split(":")[1] for option in ids if option.startswith(f"{app_id}:")]


async def test_z_snoozes_the_selected_item_and_u_brings_it_back(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        assert _agenda_kinds(app, 8) == ["follow_up"]
        await board.select_card(pilot, 8)
        await pilot.press("z")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        # Three business days on, skipping Thanksgiving: Wed 25, Fri 27, Mon 30 Nov.
        assert form.values() == {"until": "2026-11-30", "kind": "follow-up"}
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
        stored = board.stored_app(8)
        snooze = stored.events[-1]
        assert (snooze.kind, snooze.snooze, snooze.until) == (
            EventKind.NOTE,
            ItemKind.FOLLOW_UP,
            board.d("2026-11-30"),
        )
        assert _agenda_kinds(app, 8) == []

        await pilot.press("u")
        await board.settle(pilot)
        assert board.stored_app(8) == board.initial[7]
        assert _agenda_kinds(app, 8) == ["follow_up"]


async def test_the_snooze_form_refuses_a_date_that_is_not_ahead(board, plain_text) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 8)
        await pilot.press("z")
        await pilot.pause()
        field = await board.focus(pilot, "#field-until")
        field.value = ""
        await board.type(pilot, "2026-11-24")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # still open, what was typed kept
        assert field.value == "2026-11-24"
        assert "after today" in plain_text(app.screen.query_one("#form-error"))
        await pilot.press("escape")
        await board.settle(pilot)
        assert board.stored_app(8) == board.initial[7]


async def test_e_drafts_a_thank_you_and_copies_it(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 9)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        copied = app.clipboard
        assert copied.startswith("Subject: Thank you")
        assert "Wonka" in copied and "Staff Engineer" in copied
        assert "Monday 23 November" in copied
        await pilot.press("f")  # the follow-up instead
        await pilot.pause()
        assert "follow up" in app.clipboard.lower() and app.clipboard != copied
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board


async def test_s_opens_insights_and_escape_closes_them(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        # 9 applications, 8 sent (Acme is on the wishlist).
        assert screen.insights.overall.sent == 8
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board


async def test_new_application_at_a_company_that_ghosted_you_asks_first(board, plain_text) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await board.type(pilot, "cyberdyne")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        message = plain_text(form.query_one("#form-error"))
        assert "Cyberdyne ghosted you on 15 Nov" in message
        await pilot.press("escape")  # cancel: nothing added
        await board.settle(pilot)
        assert sorted(board.stored()) == list(range(1, 10))

        await pilot.press("n")
        await pilot.pause()
        await board.type(pilot, "Cyberdyne")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("enter")  # confirmed, but a role is still needed
        await pilot.pause()
        assert "Role cannot be empty" in plain_text(app.screen.query_one("#form-error"))
        await board.focus(pilot, "#field-role")
        await board.type(pilot, "Engineer")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
        assert board.stored_app(10).company == "Cyberdyne"


async def test_palette_calendar_export_writes_an_ics_in_this_folder(
    board, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        app.export_calendar()
        await board.settle(pilot)
    calendar = icalendar.Calendar.from_ical((tmp_path / "searchboard.ics").read_bytes())
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert "Send a thank-you note: Wonka — Staff Engineer" in summaries
    assert any(s.startswith("Interview: Hooli") for s in summaries)


async def test_h_reopens_a_ghosted_card_and_its_clock_restarts(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await pilot.press("c")  # closed cards show
        await pilot.pause()
        await board.select_card(pilot, 7)
        await pilot.press("H")  # the employer came back: reopen
        await board.settle(pilot)
        reopened = board.stored_app(7)
        assert reopened.stage == "applied"
        # Moving into applied is a new contact today (Tue 24 Nov): the follow-up is
        # 10 business days on, Thanksgiving skipped: Wed 9 Dec. Not likely ghosted.
        card = app.board.state.cards[7]
        assert [(item.kind, item.due) for item in card.items] == [
            (ItemKind.FOLLOW_UP, board.d("2026-12-09"))
        ]
        assert reopened.applied_on == board.d("2026-10-01")  # keep-applying is not fooled


async def test_editing_a_snooze_note_in_details_keeps_the_snooze(board) -> None:
    from textual.widgets import OptionList

    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 8)
        await pilot.press("z", "enter")
        await board.settle(pilot)
        snooze = board.stored_app(8).events[-1]
        await pilot.press("enter")  # details
        await pilot.pause()
        app.screen.query_one("#timeline", OptionList).highlighted = 0  # the newest event
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.values()["note"] == snooze.note
        await board.focus(pilot, "#field-note")
        await pilot.press("end")
        await board.type(pilot, " (asked them to wait)")
        await pilot.press("enter")
        await board.settle(pilot)
    edited = board.stored_app(8).events[-1]
    assert edited.note == f"{snooze.note} (asked them to wait)"
    assert (edited.snooze, edited.due, edited.until) == (snooze.snooze, snooze.due, snooze.until)


async def test_u_at_once_after_a_move_undoes_that_move(board) -> None:
    app = board.busy()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 3)  # Soylent, applied
        gate = threading.Event()  # holds the writer: the move's save stays under way
        app.board.writer.submit(lambda: gate.wait(10), None)
        await pilot.press("L")
        await pilot.press("u")
        gate.set()
        await board.settle(pilot)
        assert board.stored_app(3) == board.initial[2]
        assert app.board.state.cards[3].app.stage == "applied"
        assert all(board.stored_app(i) == board.initial[i - 1] for i in range(1, 10))
