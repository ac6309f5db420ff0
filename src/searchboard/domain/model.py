"""Applications, their contacts and their timeline of events.

Values are immutable: every change returns a new Application, which makes undo a
matter of keeping the old value and lets two views share one without surprises.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from operator import attrgetter
from typing import Any

from searchboard.domain.dates import in_stored_range, parse_stored_date
from searchboard.domain.stages import (
    EventKind,
    ItemKind,
    Stage,
    parse_event_kind,
    parse_item_kind,
    parse_stage,
)

# Free-text fields of an application besides company and role, in display order.
OPTIONAL_FIELDS: tuple[str, ...] = ("url", "location", "salary", "source", "notes")
EDITABLE_FIELDS: tuple[str, ...] = ("company", "role", *OPTIONAL_FIELDS)


class InvalidData(ValueError):
    """Data that does not have the shape of an application, event or contact."""


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    email: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "role": self.role}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Contact:
        if not isinstance(data, Mapping):
            raise InvalidData("a contact must be an object")
        name = _text(data, "name")
        if not name:
            raise InvalidData("a contact needs a name")
        return cls(name=name, email=_text(data, "email"), role=_text(data, "role"))


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    date: date
    note: str | None = None
    stage: Stage | None = None  # the stage moved to, on a `stage` event
    expect: date | None = None  # when they said they would decide, on an `interview`
    deadline: date | None = None  # when the offer lapses, on an `offer`
    # A snooze is a `note` that hides one open item (its kind and due date) until a date.
    snooze: ItemKind | None = None
    until: date | None = None
    due: date | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": str(self.kind),
            "date": self.date.isoformat(),
            "note": self.note,
        }
        if self.kind is EventKind.STAGE:
            data["stage"] = str(self.stage)
        if self.expect is not None:
            data["expect"] = self.expect.isoformat()
        if self.deadline is not None:
            data["deadline"] = self.deadline.isoformat()
        if self.snooze is not None and self.until is not None:
            data["snooze"] = str(self.snooze)
            data["until"] = self.until.isoformat()
            if self.due is not None:
                data["due"] = self.due.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        # The fast path: loading thousands of applications is mostly reading events, and
        # nearly all are well formed. Anything unusual goes the checked way, which says
        # what is wrong; both give the same event for the same data (a test holds them to it).
        if isinstance(data, dict) and data.get("until") is None:
            raw_kind, day, note = data.get("kind"), data.get("date"), data.get("note")
            kind = _EVENT_KINDS.get(raw_kind) if isinstance(raw_kind, str) else None
            if kind is not None and _is_iso_date(day) and (note is None or isinstance(note, str)):
                raw_stage = data.get("stage")
                stage = _STAGES.get(raw_stage) if isinstance(raw_stage, str) else None
                expect, deadline = data.get("expect"), data.get("deadline")
                if (
                    (stage is not None if kind is EventKind.STAGE else True)
                    and (expect is None or (kind is EventKind.INTERVIEW and _is_iso_date(expect)))
                    and (deadline is None or (kind is EventKind.OFFER and _is_iso_date(deadline)))
                ):
                    try:
                        return cls(
                            kind,
                            date.fromisoformat(day),
                            note.strip() or None if note else None,
                            stage if kind is EventKind.STAGE else None,
                            date.fromisoformat(expect) if expect else None,
                            date.fromisoformat(deadline) if deadline else None,
                        )
                    except ValueError:
                        pass  # not a real date: the checked path says so
        return cls._checked_from_dict(data)

    @classmethod
    def _checked_from_dict(cls, data: Mapping[str, Any]) -> Event:
        if not isinstance(data, Mapping):
            raise InvalidData("an event must be an object")
        try:
            kind = parse_event_kind(str(data.get("kind", "")))
            day = parse_stored_date(str(data.get("date", "")))
            stage = parse_stage(str(data["stage"])) if kind is EventKind.STAGE else None
            expect = _optional_date(data, "expect")
            deadline = _optional_date(data, "deadline")
            until = _optional_date(data, "until")
            snooze = parse_item_kind(str(data.get("snooze", ""))) if until is not None else None
            due = _optional_date(data, "due") if snooze is not None else None
        except KeyError:
            raise InvalidData("a stage event needs the stage it moved to") from None
        except ValueError as error:
            raise InvalidData(f"event: {error}") from None
        return cls(
            kind=kind,
            date=day,
            note=_text(data, "note"),
            stage=stage,
            expect=expect if kind is EventKind.INTERVIEW else None,
            deadline=deadline if kind is EventKind.OFFER else None,
            snooze=snooze if kind is EventKind.NOTE else None,
            until=until if kind is EventKind.NOTE and snooze is not None else None,
            due=due if kind is EventKind.NOTE else None,
        )


@dataclass(frozen=True, slots=True)
class Application:
    id: int
    company: str
    role: str
    stage: Stage
    url: str | None = None
    location: str | None = None
    salary: str | None = None
    source: str | None = None
    notes: str | None = None
    contacts: tuple[Contact, ...] = ()
    events: tuple[Event, ...] = field(default=())  # kept in date order

    # --- derived facts -------------------------------------------------------------

    def events_of(self, kind: EventKind) -> list[Event]:
        return [event for event in self.events if event.kind is kind]

    @property
    def applied_on(self) -> date | None:
        """The first `applied` date: when this application was sent."""
        return next((e.date for e in self.events if e.kind is EventKind.APPLIED), None)

    @property
    def stage_before_closing(self) -> Stage:
        """The active stage a closed card was in, where reopening puts it back."""
        for event in reversed(self.events):
            if event.kind is EventKind.STAGE and event.stage is not None and event.stage.is_active:
                return event.stage
        return Stage.APPLIED

    def search_text(self) -> str:
        """Everything a filter should match, lower-cased."""
        parts = [self.company, self.role, str(self.stage)]
        parts += [getattr(self, name) or "" for name in OPTIONAL_FIELDS]
        parts += [contact.name for contact in self.contacts]
        return " ".join(parts).lower()

    # --- changes (each returns a new Application) -----------------------------------

    def with_event(self, event: Event) -> Application:
        """Adds `event` after every event on the same or an earlier date."""
        events = list(self.events)
        index = bisect.bisect_right([e.date for e in events], event.date)
        events.insert(index, event)
        return replace(self, events=tuple(events))

    def without_event(self, index: int) -> Application:
        events = list(self.events)
        del events[index]
        return replace(self, events=tuple(events))

    def with_event_replaced(self, index: int, event: Event) -> Application:
        return self.without_event(index).with_event(event)

    def moved_to(self, stage: Stage, on: date, note: str | None = None) -> Application:
        """The application in `stage` from `on`, with the move on its timeline.

        Moving into `applied` also records an `applied` event: that is the date the
        keep-applying count and the follow-up clock start from.
        """
        moved = replace(self, stage=stage).with_event(
            Event(EventKind.STAGE, on, note=note, stage=stage)
        )
        if stage is Stage.APPLIED:
            moved = moved.with_event(Event(EventKind.APPLIED, on))
        return moved

    def with_outcome(
        self, outcome: Stage, on: date, deadline: date | None = None, note: str | None = None
    ) -> Application:
        """Moved to an outcome; an offer also goes on the timeline, with its deadline."""
        decided = self.moved_to(outcome, on) if self.stage is not outcome else self
        if outcome is Stage.OFFER:
            decided = decided.with_event(Event(EventKind.OFFER, on, note=note, deadline=deadline))
        return decided

    def edited(self, **changes: str | None) -> Application:
        """The application with text fields changed; empty optional text clears a field."""
        cleaned: dict[str, str | None] = {}
        for name, value in changes.items():
            if name not in EDITABLE_FIELDS:
                raise ValueError(f"unknown field {name!r}")
            value = (value or "").strip()
            if name in ("company", "role"):
                value = " ".join(value.split())  # one line: a name is shown on one line
            if name in ("company", "role") and not value:
                raise ValueError(f"{name} cannot be empty")
            cleaned[name] = value or None
        return replace(self, **cleaned)  # type: ignore[arg-type]

    def with_contact(self, contact: Contact) -> Application:
        return replace(self, contacts=(*self.contacts, contact))

    def without_contact(self, index: int) -> Application:
        contacts = list(self.contacts)
        del contacts[index]
        return replace(self, contacts=tuple(contacts))

    # --- the JSON shape of SPEC §6 ---------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "stage": str(self.stage),
        }
        for name in OPTIONAL_FIELDS:
            data[name] = getattr(self, name)
        data["contacts"] = [contact.to_dict() for contact in self.contacts]
        data["events"] = [event.to_dict() for event in self.events]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], id: int | None = None) -> Application:
        """Reads the JSON shape; raises InvalidData naming what is wrong."""
        if not isinstance(data, Mapping):
            raise InvalidData("an application must be an object")
        try:
            app_id = int(data["id"]) if id is None else id
        except (KeyError, TypeError, ValueError):
            raise InvalidData("an application needs a whole-number id") from None
        company = _text(data, "company")
        if not company:
            raise InvalidData("an application needs a company")
        raw_stage = data.get("stage", "")
        stage = _STAGES.get(raw_stage) if isinstance(raw_stage, str) else None
        if stage is None and raw_stage in (None, ""):
            raise InvalidData("an application needs a stage")
        if stage is None:  # not written exactly as we write it: read it the lenient way
            try:
                stage = parse_stage(str(raw_stage))
            except ValueError as error:
                raise InvalidData(str(error)) from None
        contacts = data.get("contacts") or []
        events = data.get("events") or []
        if not isinstance(contacts, list) or not isinstance(events, list):
            raise InvalidData("contacts and events must be lists")
        parsed_events = [Event.from_dict(event) for event in events]
        parsed_events.sort(key=_event_date)
        return cls(
            id=app_id,
            company=company,
            role=_text(data, "role") or "",
            stage=stage,
            url=_text(data, "url"),
            location=_text(data, "location"),
            salary=_text(data, "salary"),
            source=_text(data, "source"),
            notes=_text(data, "notes"),
            contacts=tuple([Contact.from_dict(contact) for contact in contacts]),
            events=tuple(parsed_events),
        )


def new_application(
    id: int,
    company: str,
    role: str,
    stage: Stage,
    on: date,
    **fields: str | None,
) -> Application:
    """A new application, entered at `stage` on `on` (which counts as moving it there)."""
    company, role = " ".join(company.split()), " ".join(role.split())
    if not company:
        raise ValueError("company cannot be empty")
    blank = Application(id=id, company=company, role=role, stage=stage)
    if fields:
        blank = blank.edited(**fields)
    return blank.moved_to(stage, on)


_EVENT_KINDS: dict[object, EventKind] = {kind.value: kind for kind in EventKind}
_STAGES: dict[object, Stage] = {stage.value: stage for stage in Stage}


def _is_iso_date(value: object) -> bool:
    """Written YYYY-MM-DD in range: anything else goes the checked way, which says why."""
    return (
        isinstance(value, str)
        and len(value) == 10
        and value[4] == "-"
        and value[7] == "-"
        and in_stored_range(value)
    )


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    text = (value if type(value) is str else str(value)).strip()
    return text or None


_event_date = attrgetter("date")


def _optional_date(data: Mapping[str, Any], key: str) -> date | None:
    value = data.get(key)
    return parse_stored_date(str(value)) if value else None
