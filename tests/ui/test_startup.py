"""Start-up pauses the garbage collector (see searchboard.startup); it must always come back."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from searchboard.cli.main import main
from searchboard.domain.stages import Stage
from searchboard.storage import DataFileError


def test_a_command_leaves_the_collector_on(tmp_path: Path) -> None:
    gc.disable()  # as `searchboard` does before anything is imported
    try:
        assert main(["--db", str(tmp_path / "db.json"), "today", "--brief"]) == 0
        assert gc.isenabled()
        assert main(["--db", str(tmp_path / "db.json"), "show", "7"]) == 2  # refused
        assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_board_turns_the_collector_back_on_after_its_first_paint(board) -> None:
    app = board.busy()
    gc.disable()
    try:
        async with app.run_test(size=board.size) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()  # the board froze what start-up made; this test's process goes on


# --- the closed cards, read after the first paint ---------------------------------------------


async def test_the_closed_cards_are_read_after_the_first_paint(board) -> None:
    app = board.calm()
    assert not app.board.state.complete  # the first paint waits for none of them
    assert 7 not in app.board.state.cards  # Cyberdyne, ghosted
    async with app.run_test(size=board.size) as pilot:
        await board.settle(pilot)
        assert app.board.state.complete
        assert app.board.state.cards[7].app.company == "Cyberdyne"


async def test_c_before_the_closed_cards_arrive_reads_them_at_once(board, monkeypatch) -> None:
    app = board.calm()
    monkeypatch.setattr(app.board, "_read_the_rest", lambda: None)  # still under way
    async with app.run_test(size=board.size) as pilot:
        await board.settle(pilot)
        assert not app.board.state.complete
        await pilot.press("c")
        await pilot.pause()
        assert [card.app.id for card in app.board.column(Stage.GHOSTED).cards] == [7]
        assert app.board.state.complete


async def test_a_damaged_closed_entry_stops_the_board_and_leaves_the_file_alone(board) -> None:
    board.calm()  # writes the calm board's file
    raw = json.loads(board.file_bytes())
    assert raw["applications"]["7"]["events"][0]["kind"] == "stage"
    raw["applications"]["7"]["events"][0]["stage"] = "limbo"  # no such stage
    board.path.write_text(json.dumps(raw))
    before = board.file_bytes()
    app = board.app()
    async with app.run_test(size=board.size) as pilot:
        await pilot.pause()
        await app.board.flush_saves()
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal_error is not None and str(board.path) in app.fatal_error
    assert board.file_bytes() == before


async def test_a_change_before_a_damaged_entry_is_found_is_not_saved(board, monkeypatch) -> None:
    board.calm()
    raw = json.loads(board.file_bytes())
    raw["applications"]["7"]["events"][0]["stage"] = "limbo"  # Cyberdyne, ghosted
    board.path.write_text(json.dumps(raw))
    before = board.file_bytes()
    app = board.app()
    monkeypatch.setattr(app.board, "_read_the_rest", lambda: None)  # not found yet
    async with app.run_test(size=board.size) as pilot:
        await board.select_card(pilot, 2)  # Globex, applied
        await pilot.press("L")
        await board.settle(pilot)
        assert board.file_bytes() == before  # the save read every entry first, and refused
        assert app.return_code is None  # still open, having said "Not saved"
        await pilot.press("c")  # needs the closed cards: reads them, and stops
        await pilot.pause()
    assert app.return_code == 1
    assert board.file_bytes() == before


def test_a_closed_entry_with_an_impossible_date_is_refused_before_the_board_opens(board) -> None:
    board.calm()
    raw = json.loads(board.file_bytes())
    events = raw["applications"]["7"]["events"]
    applied = next(event for event in events if event["kind"] == "applied")
    applied["date"] = "2026-02-30"  # no such day, and read for keep-applying at once
    board.path.write_text(json.dumps(raw))
    before = board.file_bytes()
    with pytest.raises(DataFileError) as refused:
        board.app()
    assert str(board.path) in str(refused.value)
    assert board.file_bytes() == before


async def test_the_first_paint_is_laid_out_for_a_narrow_terminal(board, monkeypatch) -> None:
    """At 80 columns the header is shortened and the columns keep a readable width from
    the first paint: both were worked out from a width of 0 before the first layout, so
    the first frame showed them wrong and a second layout put them right."""
    from searchboard.ui.board import MIN_COLUMN_WIDTH, BoardScreen
    from searchboard.ui.header import DayHeader

    seen: dict[str, object] = {}
    real_on_mount = BoardScreen.on_mount

    def on_mount(screen: BoardScreen) -> None:
        real_on_mount(screen)
        header = screen.query_one(DayHeader)
        seen["header"] = header._shown.cell_len if header._shown else None
        seen["widths"] = {str(c.styles.width) for c in screen.visible_columns()}

    monkeypatch.setattr(BoardScreen, "on_mount", on_mount)
    app = board.busy()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert isinstance(seen["header"], int) and seen["header"] <= 80
    assert seen["widths"] == {str(MIN_COLUMN_WIDTH)}
