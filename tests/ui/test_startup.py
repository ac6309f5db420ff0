"""Start-up pauses the garbage collector (see searchboard.startup); it must always come back."""

from __future__ import annotations

import gc
from pathlib import Path

from searchboard.cli.main import main


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
