"""The baseline: a bare Textual app that paints one Static.

`python -m searchboard.bench.bare_app TEXT` shows TEXT and waits, started exactly as the
board is, so the difference between the two is what the board itself costs.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

DEFAULT_TEXT = "bare textual app"


class BareApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


if __name__ == "__main__":
    BareApp(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_TEXT).run()
