"""The board's key line: like Textual's Footer, but redrawn only when a key becomes
usable or unusable (the Footer rebuilds every key on each focus change, which costs
more than moving a card)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from searchboard.ui.commands import BOARD_COMMANDS

NBSP = "\u00a0"


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

    def show(self, enabled: tuple[bool | None, ...]) -> None:
        """`enabled` holds check_action's answer for each of BOARD_COMMANDS, in order."""
        self._enabled = enabled
        key = self.get_component_rich_style("keybar--key")
        words = self.get_component_rich_style("keybar--description")
        dimmed = self.get_component_rich_style("keybar--disabled")
        # Every key shows: the line wraps between keys (never inside one) when narrow.
        line = Text(justify="left")
        for command, usable in zip(BOARD_COMMANDS, enabled, strict=True):
            if not command.show:
                continue
            line.append(f" {command.keys_for_people}\u00a0", dimmed if not usable else key)
            line.append(f"{command.description.replace(' ', NBSP)} ", words if usable else dimmed)
        line.append(" ^p\u00a0", key)
        line.append("palette", words)
        if line != self._shown:  # a needless redraw would repaint the whole board
            self._shown = line
            self.update(line)
