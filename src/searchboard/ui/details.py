"""Details of one card: every field (editable), its contacts and its timeline.

Edits go back through the board's `change_app`, so they are saved in order, merged
with what another process wrote meanwhile, and undoable like any other change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from searchboard.domain.model import EDITABLE_FIELDS, Application, Contact, Event
from searchboard.domain.rules import last_contact
from searchboard.domain.stages import EventKind
from searchboard.ui.dialogs import ConfirmDialog
from searchboard.ui.forms import contact_form, event_form
from searchboard.wording import days_ago

if TYPE_CHECKING:
    from searchboard.ui.board import BoardScreen

_LOGGABLE = tuple(str(kind) for kind in EventKind if kind is not EventKind.STAGE)


class DetailsScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("plus,a", "add_event", "Add event"),
        Binding("e", "edit_event", "Edit event"),
        Binding("x,delete", "delete_event", "Delete event"),
        Binding("C", "add_contact", "Add contact"),
    ]

    def __init__(self, board: BoardScreen, app_id: int) -> None:
        super().__init__()
        self.board = board
        self.app_id = app_id
        self._fields_shown: dict[str, str] = {}  # what the fields showed, to tell typing apart
        self._leave_unsaved = False  # escape pressed on a refused edit: the next one leaves
        self._refusal = ""

    @property
    def application(self) -> Application:
        return self.board.state.cards[self.app_id].app

    def compose(self) -> ComposeResult:
        app = self.application
        yield Static(id="details-title", markup=False)
        with Horizontal(id="details"):
            with VerticalScroll(id="details-fields"):
                for name in EDITABLE_FIELDS:
                    yield Label(name.capitalize(), classes="form-label")
                    yield Input(getattr(app, name) or "", id=f"edit-{name}")
                yield Static("", id="form-error", classes="form-error", markup=False)
                yield Static(
                    "a field is saved when you leave it, press enter or go back",
                    classes="form-hint",
                )
            with Vertical(id="details-side"):
                yield Static("Contacts  (C adds one)", classes="section-title")
                yield Static(id="contacts")
                yield Static(
                    "Timeline  (a adds · e edits · x deletes; dates can be backfilled)",
                    classes="section-title",
                )
                yield OptionList(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self._fields_shown = self._field_values(self.application)
        self.show_application()
        self.query_one("#timeline").focus()

    def board_changed(self) -> None:
        """The card changed under this screen (another window, the command line, a save
        reconciled): show it as it is now, keeping any field the user is typing in."""
        if self.app_id not in self.board.state.cards:
            self.notify(f"#{self.app_id} was deleted elsewhere", severity="warning")
            self.dismiss(None)
            return
        now = self._field_values(self.application)
        for name, value in now.items():
            field = self.query_one(f"#edit-{name}", Input)
            if field.value == self._fields_shown.get(name, ""):  # untouched: follow the card
                field.value = value
        self._fields_shown = now
        self.show_application()

    @staticmethod
    def _field_values(app: Application) -> dict[str, str]:
        return {name: getattr(app, name) or "" for name in EDITABLE_FIELDS}

    def show_application(self) -> None:
        if self.app_id not in self.board.state.cards:
            self.dismiss(None)
            return
        app = self.application
        contact = last_contact(app, until=self.board.state.today)
        title = Text()
        title.append(f" #{app.id} ", "reverse bold")
        title.append(f" {app.company}", "bold")
        title.append(f" — {app.role}  ·  {app.stage}")
        if contact:
            title.append(f"  ·  last contact {days_ago(contact, self.board.state.today)}", "dim")
        self.query_one("#details-title", Static).update(title)
        contacts = Text()
        for person in app.contacts:
            contacts.append(f"• {person.name}", "bold")
            extra = ", ".join(part for part in (person.role, person.email) if part)
            contacts.append(f"  {extra}\n" if extra else "\n")
        if not app.contacts:
            contacts.append("none yet", "dim")
        self.query_one("#contacts", Static).update(contacts)
        timeline = self.query_one("#timeline", OptionList)
        keep = timeline.highlighted
        timeline.clear_options()
        timeline.add_options([_event_option(event) for event in reversed(app.events)])
        if app.events:
            timeline.highlighted = min(keep or 0, len(app.events) - 1)

    def _event_index(self) -> int | None:
        """Index into application.events of the highlighted row (newest is shown first)."""
        highlighted = self.query_one("#timeline", OptionList).highlighted
        if highlighted is None:
            return None
        return len(self.application.events) - 1 - highlighted

    def _change(self, transform: Any, description: str) -> None:
        self.board.change_app(self.app_id, transform, description)
        self.show_application()

    # --- fields -----------------------------------------------------------------------

    # No save key (SPEC §5): what is typed in a field is saved on enter, on leaving the
    # field, and on going back; a refused edit (an empty company) stays, with a message.

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.save_fields() == "saved":
            self.notify("Saved")

    def on_input_blurred(self, event: Input.Blurred) -> None:
        name = (event.input.id or "").removeprefix("edit-")
        if name in EDITABLE_FIELDS and self.is_attached and self.app_id in self.board.state.cards:
            self.save_fields(only=name)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.has_focus:  # typed by the user, not set from a change elsewhere
            self._leave_unsaved = False

    def save_fields(self, only: str | None = None) -> str:
        """Saves the fields (or field `only`) that differ from the card: "saved",
        "unchanged", or "refused" when one was refused (the reason shown, what was typed
        kept; the other fields are saved all the same)."""
        app = self.application
        shown = self._field_values(app)
        names = EDITABLE_FIELDS if only is None else (only,)
        typed = {name: self.query_one(f"#edit-{name}", Input).value for name in names}
        changed = {name: value for name, value in typed.items() if value != shown[name]}
        good: dict[str, str] = {}
        refusals: list[str] = []
        for name, value in changed.items():
            try:
                app.edited(**{name: value})  # refused here, in place, if bad
            except ValueError as refused:
                refusals.append(str(refused).capitalize())
            else:
                good[name] = value
        self._refusal = "; ".join(refusals)
        self.query_one("#form-error", Static).update(self._refusal)
        saved = bool(good) and app.edited(**good) != app  # (not for spaces alone)
        if saved:
            self._change(lambda a: a.edited(**good), f"edited #{self.app_id}")
        # What these fields show is now the card's own: a change made elsewhere to one
        # of them later is followed, not taken for the user's typing.
        self._fields_shown.update({name: typed[name] for name in good})
        if refusals:
            return "refused"
        return "saved" if saved else "unchanged"

    # --- timeline ---------------------------------------------------------------------

    def action_add_event(self) -> None:
        form = event_form(
            "Add an event",
            self.board.state.today,
            kind=str(EventKind.NOTE),
            kinds=_LOGGABLE,
            extra=("expect", "Decision expected by (interview) / deadline (offer)", None),
        )
        self.app.push_screen(form, self._event_from_form)

    def _event_from_form(self, result: dict[str, Any] | None, replacing: int | None = None) -> None:
        if result is None:
            return
        kind = EventKind(result["kind"])
        extra = result.get("expect")
        event = Event(
            kind,
            result["on"],
            note=result["note"],
            expect=extra if kind is EventKind.INTERVIEW else None,
            deadline=extra if kind is EventKind.OFFER else None,
        )
        if replacing is None:
            self._change(lambda a: a.with_event(event), f"logged {kind} on #{self.app_id}")
        else:
            old = self.application.events[replacing]
            if kind is EventKind.NOTE and old.snooze is not None:
                # Editing a snooze's words keeps the snooze (the form does not show it).
                event = replace(event, snooze=old.snooze, until=old.until, due=old.due)
            self._change(
                lambda a: a.with_event_replaced(a.events.index(old), event),
                f"edited an event of #{self.app_id}",
            )

    def action_edit_event(self) -> None:
        index = self._event_index()
        if index is None:
            return
        old = self.application.events[index]
        if old.kind is EventKind.STAGE:
            form = event_form(
                f"Move to {old.stage}", self.board.state.today, on=old.date, note=old.note or ""
            )
            self.app.push_screen(form, lambda r: self._restage(index, old, r))
            return
        form = event_form(
            "Edit event",
            self.board.state.today,
            kind=str(old.kind),
            kinds=_LOGGABLE,
            on=old.date,
            note=old.note or "",
            extra=(
                "expect",
                "Decision expected by (interview) / deadline (offer)",
                old.expect or old.deadline,
            ),
        )
        self.app.push_screen(form, lambda r: self._event_from_form(r, replacing=index))

    def _restage(self, index: int, old: Event, result: dict[str, Any] | None) -> None:
        if result is None:
            return
        new = Event(EventKind.STAGE, result["on"], note=result["note"], stage=old.stage)
        self._change(
            lambda a: a.with_event_replaced(a.events.index(old), new),
            f"edited an event of #{self.app_id}",
        )

    def action_delete_event(self) -> None:
        index = self._event_index()
        if index is None:
            return
        old = self.application.events[index]

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._change(
                    lambda a: a.without_event(a.events.index(old)),
                    f"deleted an event of #{self.app_id}",
                )

        self.app.push_screen(
            ConfirmDialog(f"Delete the {old.kind} event of {old.date}?"), confirmed
        )

    # --- contacts ---------------------------------------------------------------------

    def action_add_contact(self) -> None:
        def added(result: dict[str, str] | None) -> None:
            if result is None:
                return
            contact = Contact(
                result["name"].strip(),
                result["email"].strip() or None,
                result["role"].strip() or None,
            )
            self._change(lambda a: a.with_contact(contact), f"added a contact to #{self.app_id}")

        self.app.push_screen(contact_form(), added)

    def action_close(self) -> None:
        """Back to the board, saving the fields. A refused edit keeps the screen open once,
        saying so: nothing typed is dropped without a word."""
        gone = self.app_id not in self.board.state.cards
        if gone or self.save_fields() != "refused" or self._leave_unsaved:
            self.dismiss(None)
        else:
            self._leave_unsaved = True
            self.query_one("#form-error", Static).update(
                f"{self._refusal}. Put it right, or press escape again to leave it unsaved"
            )


def _event_option(event: Event) -> Option:
    text = Text()
    text.append(f"{event.date}  ", "bold")
    text.append(str(event.kind))
    if event.stage:
        text.append(f" → {event.stage}")
    if event.expect:
        text.append(f"  (decision expected {event.expect})", "dim")
    if event.deadline:
        text.append(f"  (deadline {event.deadline})", "dim")
    if event.note:
        text.append(f" — {event.note}", "italic")
    return Option(text)
