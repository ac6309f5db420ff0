"""The command palette (`ctrl+p`): the board's commands, Settings and Export.

The palette runs `SearchboardApp.open_settings` and `SearchboardApp.export`; those are
also tested on their own here, so they stay covered whatever the palette does.
"""

from __future__ import annotations

import csv
import io
import json

from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from searchboard.domain.model import Event
from searchboard.domain.stages import EventKind, Stage
from searchboard.storage import Store
from searchboard.ui.forms import FormScreen

EXPORT = "searchboard-export-2026-11-24"


async def _run_from_palette(pilot, board, words: str) -> None:
    """ctrl+p, type `words`, wait for the matches, and run the first (with enter)."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await board.type(pilot, words)
    commands = app.screen.query_one(CommandList)
    for _ in range(30):  # the palette searches in the background
        await pilot.pause(0.05)
        if commands.option_count and commands.highlighted is not None:
            break
    prompt = commands.get_option_at_index(commands.highlighted or 0).prompt
    assert words.lower() in str(getattr(prompt, "plain", prompt)).lower()
    await pilot.press("enter")
    await pilot.pause()
    assert not isinstance(app.screen, CommandPalette)


async def _settings_form_checks(pilot, board, plain_text) -> None:
    """Checks the Settings form that is open now: bad value refused, good one saved."""
    app = pilot.app
    form = app.screen
    assert isinstance(form, FormScreen)
    assert form.query_one("#field-weekly_goal", Input).value == "5"
    before = board.file_bytes()
    goal = await board.focus(pilot, "#field-weekly_goal")
    goal.value = "abc"
    await pilot.press("enter")
    await board.settle(pilot)
    assert app.screen is form
    message = plain_text(form.query_one("#form-error"))
    assert "weekly_goal" in message and "abc" in message
    assert goal.value == "abc"
    assert board.file_bytes() == before
    assert Store(board.path).load().settings.weekly_goal == 5

    goal.value = "7"
    await pilot.press("enter")
    await board.settle(pilot)
    assert app.screen is app.board
    assert Store(board.path).load().settings.weekly_goal == 7
    assert app.board.state.settings.weekly_goal == 7
    assert "of 7 this week" in plain_text(app.board.query_one("#day-header"))
    assert set(board.stored()) == {a.id for a in board.initial}  # applications untouched


def _check_json_export(board, folder) -> None:
    data = json.loads((folder / f"{EXPORT}.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1
    assert data["settings"]["weekly_goal"] == 5
    assert [a["id"] for a in data["applications"]] == [a.id for a in board.initial]
    assert data["applications"] == [a.to_dict() for a in board.initial]


# --- through the palette ------------------------------------------------------------------


async def test_palette_settings(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await _run_from_palette(pilot, board, "Settings")
        await _settings_form_checks(pilot, board, plain_text)


async def test_palette_export_json(board, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await _run_from_palette(pilot, board, "Export JSON")
        await board.settle(pilot)
    _check_json_export(board, tmp_path)


async def test_palette_runs_a_board_command(board) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        assert app.board.selected_id == 1
        await _run_from_palette(pilot, board, "Next stage")
        await board.settle(pilot)
        await pilot.pause()
        await board.settle(pilot)
    saved = board.stored_app(1)
    assert saved.stage is Stage.APPLIED
    assert Event(EventKind.STAGE, board.today, stage=Stage.APPLIED) in saved.events


# --- what the palette runs, called directly -----------------------------------------------


async def test_settings_form(board, plain_text) -> None:
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        app.open_settings()
        await pilot.pause()
        await _settings_form_checks(pilot, board, plain_text)


async def test_export(board, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = board.calm()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        app.export("json")
        app.export("csv")
        await board.settle(pilot)
        assert not list(board.path.parent.glob("searchboard-export-*"))
    _check_json_export(board, tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / f"{EXPORT}.csv").read_text("utf-8"))))
    assert [row["company"] for row in rows] == [a.company for a in board.initial]
