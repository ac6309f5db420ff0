"""The new-application form (`n`): tab between fields, enter saves, escape cancels; bad
input is refused in the form with a message, and nothing typed is lost."""

from __future__ import annotations

from textual.widgets import Input, Select

from searchboard.domain.model import Event
from searchboard.domain.stages import EventKind, Stage
from searchboard.ui.forms import FormScreen


async def test_new_application_typed_and_saved(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-stage", Select).value == "applied"
        assert form.query_one("#field-on", Input).value == board.today.isoformat()
        await board.focus(pilot, "#field-company")
        await board.type(pilot, "Vandelay Imports")
        await pilot.press("tab")  # on to the role
        assert app.focused is form.query_one("#field-role")
        await board.type(pilot, "Latex Buyer")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
        # On the board, in its column.
        new = [card.app for card in app.board.column(Stage.APPLIED).cards if card.app.id == 8]
        assert [a.company for a in new] == ["Vandelay Imports"]
    saved = board.stored_app(8)
    assert (saved.company, saved.role, saved.stage) == (
        "Vandelay Imports",
        "Latex Buyer",
        Stage.APPLIED,
    )
    assert saved.events == (
        Event(EventKind.STAGE, board.today, stage=Stage.APPLIED),
        Event(EventKind.APPLIED, board.today),
    )
    assert len(board.stored()) == 8


async def test_new_application_every_field(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        values = {
            "company": "Wonka Labs",
            "role": "Chocolate Engineer",
            "on": "2026-11-18",
            "url": "https://example.com/wonka/1",
            "location": "Remote",
            "salary": "$150k",
            "source": "referral",
            "notes": "golden ticket",
        }
        for name, value in values.items():
            form.query_one(f"#field-{name}", Input).value = value
        form.query_one("#field-stage", Select).value = "screening"
        await board.focus(pilot, "#field-notes")
        await pilot.press("ctrl+s")  # saves from any field, as enter does
        await board.settle(pilot)
        assert app.screen is app.board
        assert 8 in [card.app.id for card in app.board.column(Stage.SCREENING).cards]
    saved = board.stored_app(8)
    assert saved.stage is Stage.SCREENING
    assert saved.events == (Event(EventKind.STAGE, board.d("2026-11-18"), stage=Stage.SCREENING),)
    for name, value in values.items():
        if name != "on":
            assert getattr(saved, name) == value, name


async def test_new_application_refused_in_place_and_cancelled(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        before = board.file_bytes()

        # escape cancels: nothing saved.
        await pilot.press("n")
        await pilot.pause()
        await board.focus(pilot, "#field-company")
        await board.type(pilot, "Initrode")
        await pilot.press("escape")
        await board.settle(pilot)
        assert app.screen is app.board
        assert board.file_bytes() == before

        # An empty company is refused in the form; what was typed elsewhere stays.
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await board.focus(pilot, "#field-role")
        await board.type(pilot, "Importer")
        await board.focus(pilot, "#field-notes")
        await board.type(pilot, "met at a meetup")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is form
        assert "company" in plain_text(form.query_one("#form-error")).lower()
        assert form.query_one("#field-role", Input).value == "Importer"
        assert form.query_one("#field-notes", Input).value == "met at a meetup"
        assert board.file_bytes() == before

        # So is a malformed date.
        await board.focus(pilot, "#field-company")
        await board.type(pilot, "Initrode")
        date_box = await board.focus(pilot, "#field-on")
        date_box.value = "2026-13-40"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is form
        assert "2026-13-40" in plain_text(form.query_one("#form-error"))
        assert form.query_one("#field-company", Input).value == "Initrode"
        assert form.query_one("#field-role", Input).value == "Importer"
        assert form.query_one("#field-notes", Input).value == "met at a meetup"
        assert board.file_bytes() == before

        # And a date out of range (a typo for this year), said as such.
        date_box.value = "9999-12-31"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is form
        assert "out of range" in plain_text(form.query_one("#form-error"))
        assert board.file_bytes() == before

        # Put right, everything typed is saved.
        date_box.value = "2026-11-23"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
    saved = board.stored_app(8)
    assert (saved.company, saved.role, saved.notes) == ("Initrode", "Importer", "met at a meetup")
    assert Event(EventKind.APPLIED, board.d("2026-11-23")) in saved.events


async def test_forms_start_on_their_first_field(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#field-company")
        await board.type(pilot, "Umbrella")
        await pilot.press("tab")
        await board.type(pilot, "Chemist")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is app.board
        assert board.stored_app(8).company == "Umbrella"

        await board.select_card(pilot, 4)
        await pilot.press("i")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#field-on")
        await pilot.press("enter")  # today, as filled in
        await board.settle(pilot)
        assert app.screen is app.board
    assert Event(EventKind.INTERVIEW, board.today) in board.stored_app(4).events


async def test_on_a_24_line_terminal_the_message_shows_under_the_fields(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await board.type(pilot, "Initrode")
        await pilot.press("tab")
        await board.type(pilot, "Analyst")
        date_box = await board.focus(pilot, "#field-on")  # the focused field is scrolled to
        await pilot.pause()
        fields = form.query_one(".form-fields")
        assert fields.region.contains_region(date_box.region)
        date_box.value = "x"
        await pilot.press("enter")
        await pilot.pause()
        error = form.query_one("#form-error")
        assert "not a date" in plain_text(error)
        assert error.region.height >= 1 and error.region.bottom <= 24  # on screen
        assert form.query_one(".form-hint").region.bottom <= 24
