"""Small modal screens: confirm, choose an outcome, help."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from searchboard.domain.stages import CLOSED_STAGES, Stage
from searchboard.ui.commands import BOARD_COMMANDS, NAVIGATION_HELP

OUTCOMES: tuple[Stage, ...] = (Stage.OFFER, *CLOSED_STAGES)
_OUTCOME_HELP = {
    Stage.OFFER: "they made an offer (you can give its deadline)",
    Stage.ACCEPTED: "you accepted an offer: congratulations",
    Stage.REJECTED: "they said no",
    Stage.WITHDRAWN: "you pulled out",
    Stage.GHOSTED: "no answer after your follow-up: stop chasing, move on",
}


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False, classes="dialog-question")
            yield Static("y: yes · n / escape: no", classes="form-hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class OutcomeChooser(ModalScreen[Stage | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, company: str, current: Stage) -> None:
        super().__init__()
        self.company = company
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Outcome for {self.company}"), classes="form-title")
            options = []
            for stage in OUTCOMES:
                prompt = Text.assemble((f"{stage:<10}", "bold"), " ", (_OUTCOME_HELP[stage], "dim"))
                options.append(Option(prompt, id=str(stage), disabled=stage is self.current))
            yield OptionList(*options, id="outcomes")
            yield Static("enter chooses · escape cancels", classes="form-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert event.option.id is not None
        self.dismiss(Stage(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Static("searchboard — keys", classes="form-title")
            table: DataTable[str] = DataTable(
                cursor_type="none", show_header=False, zebra_stripes=True
            )
            table.add_columns("key", "does")
            for keys, does in NAVIGATION_HELP:
                table.add_row(keys, does)
            for command in BOARD_COMMANDS:
                table.add_row(command.keys_for_people, command.help)
            yield table
            yield Static(
                "Dates count business days: weekends and public holidays of your country "
                "are skipped (ctrl+p → Settings).",
                classes="form-hint",
            )

    def action_close(self) -> None:
        self.dismiss(None)
