"""An email draft for the selected card, copied to the clipboard as it opens."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from searchboard.drafts import DraftError, DraftKind

MakeDraft = Callable[[DraftKind], str]


class DraftScreen(ModalScreen[None]):
    """Shows a draft; `t` / `f` switch between the thank-you and the follow-up."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("c", "copy", "Copy again"),
        Binding("t", "show('thank-you')", "Thank-you"),
        Binding("f", "show('follow-up')", "Follow-up"),
    ]

    def __init__(self, title: str, kind: DraftKind, make: MakeDraft) -> None:
        super().__init__()
        self.draft_title = title
        self.kind = kind
        self.make = make
        self.text = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog draft"):
            yield Static(self.draft_title, classes="form-title", markup=False)
            yield TextArea("", read_only=True, soft_wrap=True, id="draft-text")
            yield Static("", id="draft-status", classes="form-hint", markup=False)
            yield Static(
                "c: copy again · t / f: thank-you / follow-up · escape: close",
                classes="form-hint",
            )

    def on_mount(self) -> None:
        self.action_show(self.kind)

    def action_show(self, kind: str) -> None:
        self.kind = DraftKind(kind)
        status = self.query_one("#draft-status", Static)
        try:
            self.text = self.make(self.kind)
        except DraftError as error:
            self.text = ""
            self.query_one(TextArea).load_text("")
            status.update(str(error))
            return
        self.query_one(TextArea).load_text(self.text)
        self.action_copy()

    def action_copy(self) -> None:
        if not self.text:
            return
        self.app.copy_to_clipboard(self.text)
        self.query_one("#draft-status", Static).update(
            f"The {self.kind} draft is on the clipboard: fill in the [brackets] before sending."
        )

    def action_close(self) -> None:
        self.dismiss(None)
