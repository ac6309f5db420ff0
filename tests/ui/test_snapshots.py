"""What the board looks like, on the demo data, today pinned to Tue 2026-11-24.

The header says "(--today)" because the app is opened with pretend_today=True. Input
cursors do not blink in these tests (see conftest), so the pictures are stable.
Regenerate with `pytest tests/ui/test_snapshots.py --snapshot-update` and look at them.
"""

from __future__ import annotations

import pytest

from searchboard.demo import demo_applications

SIZE = (160, 48)


@pytest.fixture
def demo_app(board):
    board.write(demo_applications(board.today))
    return board.app()


def test_morning_view_with_the_agenda(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, terminal_size=SIZE)


def test_board_with_the_agenda_hidden(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=["a"], terminal_size=SIZE)


def test_details_of_a_card(snap_compare, demo_app) -> None:
    # a hides the agenda, leaving its first item's card selected; enter opens it.
    assert snap_compare(demo_app, press=["a", "enter"], terminal_size=SIZE)


def test_new_application_form(snap_compare, demo_app) -> None:
    async def open_form(pilot) -> None:
        await pilot.press("n")
        await pilot.pause()
        pilot.app.screen.query_one("#field-company").focus()

    assert snap_compare(demo_app, run_before=open_form, terminal_size=SIZE)


def test_outcome_chooser(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=["o"], terminal_size=SIZE)


def test_light_theme(snap_compare, demo_app) -> None:
    def light(pilot) -> None:
        pilot.app.theme = "textual-light"

    assert snap_compare(demo_app, run_before=light, terminal_size=SIZE)


def test_insights_screen(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app, press=["s"], terminal_size=SIZE)
