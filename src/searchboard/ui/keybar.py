"""The board's key line: like Textual's Footer, but redrawn only when a key becomes
usable or unusable (the Footer rebuilds every key on each focus change, which costs
more than moving a card)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from searchboard.ui.commands import BOARD_COMMANDS


class KeyBar(Static):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--disabled"}

    DEFAULT_CSS = """
    KeyBar {
        height: auto;
        max-height: 3;
        background: $panel;
        color: $foreground;
    }
    KeyBar > .keybar--key {
        color: $accent;
        text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $foreground;
    }
    KeyBar > .keybar--disabled {
        color: $foreground 35%;
    }
    """

    _shown: Text | None = None
    _enabled: tuple[bool | None, ...] | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._enabled is not None:  # the theme changed: the keys' colours with it
            self.show(self._enabled)

    def on_resize(self) -> None:
        if self._enabled is not None:  # the keys wrap at the width
            self.show(self._enabled)

    def show(self, enabled: tuple[bool | None, ...]) -> None:
        """`enabled` holds check_action's answer for each of BOARD_COMMANDS, in order."""
        self._enabled = enabled
        key = self.get_component_rich_style("keybar--key")
        words = self.get_component_rich_style("keybar--description")
        dimmed = self.get_component_rich_style("keybar--disabled")
        entries = [
            (command.keys_for_people, command.description, usable)
            for command, usable in zip(BOARD_COMMANDS, enabled, strict=True)
            if command.show
        ]
        entries.append(("^p", "palette", True))
        # Every key shows: the lines break between keys, never inside one (wrapped here,
        # not by Rich, which would also break at the spaces inside a key's words).
        width = self.size.width or 160
        line = Text(justify="left", no_wrap=True)
        used = 0
        for keys, description, usable in entries:
            entry = len(keys) + len(description) + 3
            if used and used + entry > width:
                line.append("\n")
                used = 0
            line.append(f" {keys} ", key if usable else dimmed)
            line.append(f"{description} ", words if usable else dimmed)
            used += entry
        if line != self._shown:  # a needless redraw would repaint the whole board
            self._shown = line
            self.update(line)
