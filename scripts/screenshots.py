"""Writes the README's screenshots: the real board on demo data at a fixed date.

python scripts/screenshots.py        # writes screenshots/*.svg
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 24)
SIZE = (160, 48)
OUT = Path(__file__).resolve().parent.parent / "screenshots"

Steps = Callable[[object], Awaitable[None]]


async def shoot(name: str, keys: list[str], theme: str | None = None) -> None:
    from searchboard.storage import Store
    from searchboard.tracker import Tracker
    from searchboard.ui.app import SearchboardApp
    from searchboard.ui.launch import write_demo

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.json"
        write_demo(db, TODAY)
        app = SearchboardApp(Tracker(Store(db), TODAY), pretend_today=True)
        async with app.run_test(size=SIZE) as pilot:
            if theme:
                app.theme = theme
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await app.board.flush_saves()
            await pilot.pause(0.3)
            app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    print(f"wrote screenshots/{name}.svg")


async def main() -> None:
    os.environ.setdefault("SEARCHBOARD_CACHE_DIR", tempfile.mkdtemp())
    OUT.mkdir(exist_ok=True)
    await shoot("morning", [])
    await shoot("board", ["a", "l"])
    await shoot("details", ["enter"])
    await shoot("new-application", ["n", *"Hooli", "tab", *"Staff Engineer"])
    await shoot("outcome", ["a", "l", "l", "o"])
    await shoot("light-theme", ["a"], theme="textual-light")
    await shoot("insights", ["s"])
    await shoot("email-draft", ["a", "l", "l", "e"])


if __name__ == "__main__":
    asyncio.run(main())
