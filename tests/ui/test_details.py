"""Details (`enter`): every field editable, contacts, the timeline (add, edit, delete)."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select

from searchboard.domain.model import Contact, Event
from searchboard.domain.stages import EventKind, Stage
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui.details import DetailsScreen
from searchboard.ui.dialogs import ConfirmDialog
from searchboard.ui.forms import FormScreen


async def test_details(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 2)
        original = board.stored_app(2)
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, DetailsScreen)
        assert "#2" in plain_text(details.query_one("#details-title"))
        assert "Globex" in plain_text(details.query_one("#details-title"))
        for name in ("company", "role", "location", "source", "notes"):
            assert details.query_one(f"#edit-{name}", Input).value == getattr(original, name)
        timeline = details.query_one("#timeline", OptionList)
        assert timeline.option_count == len(original.events)

        # Edit a field, enter saves it.
        role = await board.focus(pilot, "#edit-role")
        role.value = "Staff Backend Engineer"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is details
        assert board.stored_app(2).role == "Staff Backend Engineer"

        # An empty company is refused in place, with a message, and stays as typed; the
        # other fields are saved all the same.
        details.query_one("#edit-location", Input).value = "Berlin"
        company = await board.focus(pilot, "#edit-company")
        company.value = "   "
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is details
        assert "company" in plain_text(details.query_one("#form-error")).lower()
        assert company.value == "   "
        assert board.stored_app(2).location == "Berlin"
        assert board.stored_app(2).company == original.company
        company.value = "Globex Corp"
        await pilot.press("enter")
        await board.settle(pilot)
        saved = board.stored_app(2)
        assert (saved.company, saved.location) == ("Globex Corp", "Berlin")
        assert plain_text(details.query_one("#form-error")) == ""

        # a: add an event on an earlier date (backfilled); it goes in date order.
        await board.focus(pilot, "#timeline")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-kind", Select).value = "response"
        on = await board.focus(pilot, "#field-on")
        on.value = "2026-11-31"  # no such day: refused in place
        await board.focus(pilot, "#field-note")
        await board.type(pilot, "recruiter called")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is form
        assert "2026-11-31" in plain_text(form.query_one("#form-error"))
        assert form.query_one("#field-note", Input).value == "recruiter called"
        on.value = "2026-11-10"
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is details
        response = Event(EventKind.RESPONSE, board.d("2026-11-10"), note="recruiter called")
        assert board.stored_app(2).events == (response, *original.events)
        assert timeline.option_count == len(original.events) + 1

        # C: add a contact.
        await board.focus(pilot, "#timeline")
        await pilot.press("C")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-name", Input).value = "Priya Shah"
        form.query_one("#field-email", Input).value = "priya@example.com"
        await board.focus(pilot, "#field-role")
        await board.type(pilot, "recruiter")
        await pilot.press("enter")
        await board.settle(pilot)
        assert app.screen is details
        assert board.stored_app(2).contacts == (
            Contact("Priya Shah", "priya@example.com", "recruiter"),
        )
        assert "Priya Shah" in plain_text(details.query_one("#contacts"))

        # x asks first: n keeps the event, y deletes it (the highlighted one: the newest).
        await board.focus(pilot, "#timeline")
        timeline.highlighted = 0
        events = board.stored_app(2).events
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await board.settle(pilot)
        assert board.stored_app(2).events == events
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await board.settle(pilot)
        assert app.screen is details
        assert board.stored_app(2).events == events[:-1]

        # escape goes back to the board, which shows the changes.
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.board
        card = app.board.state.cards[2]
        assert card.app.company == "Globex Corp"
        assert card.app.stage is Stage.APPLIED
    assert board.stored_app(2).role == "Staff Backend Engineer"


async def test_edit_an_event(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.select_card(pilot, 5)  # Hooli: the newest event is the Dec 1 interview
        await pilot.press("enter")
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)
        timeline.highlighted = 0
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-kind", Select).value == "interview"
        assert form.query_one("#field-on", Input).value == "2026-12-01"
        form.query_one("#field-on", Input).value = "2026-12-02"
        form.query_one("#field-expect", Input).value = "2026-12-09"
        await board.focus(pilot, "#field-note")
        await pilot.press("enter")
        await board.settle(pilot)
    saved = board.stored_app(5)
    assert saved.events[-1] == Event(
        EventKind.INTERVIEW, board.d("2026-12-02"), expect=board.d("2026-12-09")
    )
    assert Event(EventKind.INTERVIEW, board.d("2026-12-01")) not in saved.events


async def test_fields_are_saved_on_leaving_them_and_on_escape(board, plain_text) -> None:
    """No save key (SPEC §5): a field is saved when you leave it, and on going back."""
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        details = await board.open_details(pilot, 2)

        # Typed into a field, then tab to the next: saved.
        await board.focus(pilot, "#edit-source")
        await board.type(pilot, "LinkedIn")
        await pilot.press("tab")
        await board.settle(pilot)
        assert (board.stored_app(2).source or "").endswith("LinkedIn")

        # Typed into Notes, then escape straight away: saved too, and back on the board.
        await board.focus(pilot, "#edit-notes")
        await board.type(pilot, "referral from Bob")
        await pilot.press("escape")
        await board.settle(pilot)
        assert app.screen is app.board
        assert (board.stored_app(2).notes or "").endswith("referral from Bob")

        # A refused edit stays, saying so; a second escape leaves it unsaved.
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        before = board.file_bytes()
        company = await board.focus(pilot, "#edit-company")
        company.value = ""
        await pilot.press("escape")
        await board.settle(pilot)
        assert app.screen is details
        assert "escape again" in plain_text(details.query_one("#form-error"))
        assert company.value == ""
        assert board.file_bytes() == before
        await pilot.press("escape")
        await board.settle(pilot)
        assert app.screen is app.board
        assert board.file_bytes() == before
        assert board.stored_app(2).company == "Globex"


async def test_a_saved_field_follows_a_change_made_elsewhere_later(board) -> None:
    """Typed and saved on leaving it: a later change to the same field in another window
    must be shown there, not overwritten by going back."""
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.open_details(pilot, 2)
        company = await board.focus(pilot, "#edit-company")
        await board.type(pilot, "X")
        await pilot.press("tab")
        await board.settle(pilot)
        assert board.stored_app(2).company == "X"  # (focus selects the text: typing replaces it)
        await board.focus(pilot, "#timeline")
        Tracker(Store(board.path), today=board.today).edit(2, company="Other Co")
        app.board._poll_for_outside_changes()
        await board.settle(pilot)
        assert company.value == "Other Co"
        await pilot.press("escape")
        await board.settle(pilot)
    assert board.stored_app(2).company == "Other Co"


async def test_a_refused_field_does_not_hold_back_the_others(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        details = await board.open_details(pilot, 2)
        company = await board.focus(pilot, "#edit-company")
        company.value = ""
        await board.focus(pilot, "#edit-notes")
        await board.type(pilot, "ask about the team")
        await pilot.press("escape")
        await board.settle(pilot)
        assert app.screen is details  # the company is refused, and says so
        assert "Company cannot be empty" in plain_text(details.query_one("#form-error"))
        assert (board.stored_app(2).notes or "").endswith("ask about the team")
        await pilot.press("escape")  # leaves the company as it was
        await board.settle(pilot)
        assert app.screen is app.board
    assert board.stored_app(2).company == "Globex"


async def test_quitting_from_a_card_keeps_what_was_typed(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await board.open_details(pilot, 2)
        await board.focus(pilot, "#edit-notes")
        await board.type(pilot, "call back Monday")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert (board.stored_app(2).notes or "").endswith("call back Monday")
