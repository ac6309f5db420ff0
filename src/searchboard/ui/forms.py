"""Forms: tab between fields, enter saves, escape cancels.

A form checks what was typed before it closes. Bad input is refused in place, with
a message under the fields, and everything typed stays where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from searchboard.domain.dates import DateOutOfRange, parse_date
from searchboard.domain.stages import ALL_STAGES, Stage


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: tuple[str, ...] = ()  # a Select instead of an Input when given


Validator = Callable[[dict[str, str]], Any]


class FormScreen(ModalScreen[Any]):
    """A modal form. `validate` turns the typed text into the result, or raises
    ValueError with a message; the form closes with the result only when it passes."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self, title: str, fields: list[Field], validate: Validator, hint: str = ""
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.validate = validate
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.form_title, classes="form-title", markup=False)
            with VerticalScroll(classes="form-fields", can_focus=False):
                for field in self.fields:
                    yield Label(field.label, classes="form-label")
                    if field.choices:
                        yield Select(
                            [(choice, choice) for choice in field.choices],
                            value=field.value or field.choices[0],
                            allow_blank=False,
                            id=f"field-{field.name}",
                        )
                    else:
                        yield Input(
                            field.value, placeholder=field.placeholder, id=f"field-{field.name}"
                        )
            yield Static("", id="form-error", classes="form-error", markup=False)
            yield Static(
                self.hint or "enter saves · tab next field · escape cancels",
                classes="form-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        # Straight to the first field: what the user types after `n` goes into the form.
        self.query_one(f"#field-{self.fields[0].name}").focus()

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Select):
                found[field.name] = str(widget.value)
            else:
                assert isinstance(widget, Input)
                found[field.name] = widget.value
        return found

    def show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        try:
            result = self.validate(self.values())
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


def optional_date(text: str, label: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        day = parse_date(text)
    except DateOutOfRange as error:
        raise ValueError(f"{label}: {error}") from None
    except ValueError:
        raise ValueError(f"{label}: {text!r} is not a date (YYYY-MM-DD)") from None
    return day


def required_date(text: str, label: str) -> date:
    found = optional_date(text, label)
    if found is None:
        raise ValueError(f"{label} is needed (YYYY-MM-DD)")
    return found


# --- the forms of the board ----------------------------------------------------------------


def new_application_form(
    today: date, reapply_warning: Callable[[str], str | None] | None = None
) -> FormScreen:
    """The `n` form. With `reapply_warning`, a company applied to before is named with
    what happened there, and saving takes a second enter (escape adds nothing)."""
    fields = [
        Field("company", "Company", placeholder="Acme"),
        Field("role", "Role", placeholder="Data Engineer"),
        Field("stage", "Stage", value="applied", choices=tuple(str(s) for s in ALL_STAGES)),
        Field("on", "Date", value=today.isoformat(), placeholder="YYYY-MM-DD"),
        Field("url", "Posting URL"),
        Field("location", "Location"),
        Field("salary", "Salary"),
        Field("source", "Source", placeholder="LinkedIn, referral, …"),
        Field("notes", "Notes"),
    ]

    warned_about: set[str] = set()

    def validate(values: dict[str, str]) -> dict[str, Any]:
        company = values["company"].strip()
        if not company:
            raise ValueError("Company cannot be empty")
        # What happened there last time comes first: it may be a reason not to go on.
        warning = reapply_warning(company) if reapply_warning else None
        if warning and warning not in warned_about:
            warned_about.add(warning)
            raise ValueError(f"{warning}. Enter again to add it anyway; escape adds nothing.")
        if not values["role"].strip():
            raise ValueError("Role cannot be empty")
        result: dict[str, Any] = dict(values)
        result["stage"] = Stage(values["stage"])
        result["on"] = required_date(values["on"], "Date")
        return result

    return FormScreen("New application", fields, validate)


def snooze_form(
    title: str, kinds: tuple[str, ...], kind: str, today: date, until: date
) -> FormScreen:
    """Which open item to snooze and until when; the result is (kind, until)."""
    fields = [  # the date first: enter in it saves at once
        Field("until", "Until (it comes back that day)", value=until.isoformat()),
        Field("kind", "Item", value=kind, choices=kinds),
    ]

    def validate(values: dict[str, str]) -> tuple[str, date]:
        chosen = required_date(values["until"], "Until")
        if chosen <= today:
            raise ValueError("Until must be after today: the item comes back that day")
        return values["kind"], chosen

    return FormScreen(title, fields, validate)


def event_form(
    title: str,
    today: date,
    *,
    kind: str | None = None,
    kinds: tuple[str, ...] = (),
    on: date | None = None,
    note: str = "",
    extra: tuple[str, str, date | None] | None = None,
) -> FormScreen:
    """A form for one timeline event; `extra` is (name, label, value) for `expect` or
    `deadline`. With `kinds`, the kind is chosen in the form."""
    fields = []
    if kinds:
        fields.append(Field("kind", "Kind", value=kind or kinds[0], choices=kinds))
    fields.append(Field("on", "Date", value=(on or today).isoformat(), placeholder="YYYY-MM-DD"))
    if extra is not None:
        name, label, value = extra
        fields.append(
            Field(
                name,
                label,
                value=value.isoformat() if value else "",
                placeholder="YYYY-MM-DD (optional)",
            )
        )
    fields.append(Field("note", "Note", value=note, placeholder="optional"))

    def validate(values: dict[str, str]) -> dict[str, Any]:
        result: dict[str, Any] = {
            "kind": values.get("kind", kind),
            "on": required_date(values["on"], "Date"),
            "note": values["note"].strip() or None,
        }
        if extra is not None:
            result[extra[0]] = optional_date(values[extra[0]], extra[1])
        return result

    return FormScreen(title, fields, validate)


def contact_form() -> FormScreen:
    fields = [
        Field("name", "Name", placeholder="Priya Shah"),
        Field("email", "Email", placeholder="optional"),
        Field("role", "Role", placeholder="recruiter, hiring manager… (optional)"),
    ]

    def validate(values: dict[str, str]) -> dict[str, str]:
        if not values["name"].strip():
            raise ValueError("A contact needs a name")
        email = values["email"].strip()
        if email and ("@" not in email or " " in email):
            raise ValueError(f"{email!r} is not an email address")
        return values

    return FormScreen("New contact", fields, validate)
