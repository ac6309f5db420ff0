"""The board's commands: each one gives its key binding, its palette entry and its help row,
so the footer, the command palette and the help screen always say the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class BoardCommand:
    action: str  # an action of the board screen
    keys: str  # Textual key names, comma-separated
    description: str  # short, for the footer
    help: str  # a sentence, for the palette and the help screen
    show: bool = True  # in the footer
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            tooltip=self.help,
        )

    @property
    def keys_for_people(self) -> str:
        return self.key_display or " ".join(key.split("+")[-1] for key in self.keys.split(","))


BOARD_COMMANDS: tuple[BoardCommand, ...] = (
    BoardCommand("new", "n", "New", "Add a new application"),
    BoardCommand(
        "details", "enter", "Details", "Open the selected card: fields, contacts, timeline"
    ),
    BoardCommand(
        "move_next",
        "L,shift+right",
        "Next stage",
        "Move the selected card to the next stage",
        key_display="L",
    ),
    BoardCommand(
        "move_previous",
        "H,shift+left",
        "Prev stage",
        "Move the selected card to the previous stage",
        key_display="H",
    ),
    BoardCommand("log_interview", "i", "Interview", "Log an interview (and when they'll decide)"),
    BoardCommand("log_thank_you", "t", "Thank-you", "Log a thank-you note sent today"),
    BoardCommand("log_follow_up", "f", "Follow-up", "Log a follow-up sent today"),
    BoardCommand("log_response", "r", "Response", "Log a response from the employer today"),
    BoardCommand(
        "outcome", "o", "Outcome", "Mark an outcome: offer, accepted, rejected, withdrawn, ghosted"
    ),
    BoardCommand("snooze", "z", "Snooze", "Snooze the selected item until a date"),
    BoardCommand(
        "draft", "e", "Email", "Draft a thank-you or follow-up email and copy it to the clipboard"
    ),
    BoardCommand("insights", "s", "Insights", "Insights: the funnel, response rate, by source"),
    BoardCommand("toggle_agenda", "a", "Agenda", "Show or hide the agenda"),
    BoardCommand("toggle_closed", "c", "Closed", "Show or hide closed cards"),
    BoardCommand("filter", "slash", "Filter", "Filter cards by text", key_display="/"),
    BoardCommand("delete", "d", "Delete", "Delete the selected card (asks first)"),
    BoardCommand("undo", "u", "Undo", "Undo the last change"),
    BoardCommand("help", "question_mark", "Help", "Show every key", key_display="?"),
    BoardCommand("quit", "q", "Quit", "Quit searchboard (every change is already saved)"),
)

# Shown in the help screen too, but bound by the columns and the screen themselves.
NAVIGATION_HELP: tuple[tuple[str, str], ...] = (
    ("← → / h l", "Move between columns"),
    ("↑ ↓ / k j", "Move between cards (or agenda items)"),
    ("tab", "Move between the agenda and the board"),
    ("ctrl+p", "Command palette: every command, plus export, settings and themes"),
)
