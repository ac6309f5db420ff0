"""The operations a user performs, shared by the command line and the board.

Each change runs in one storage transaction and is applied to the application as it
is on disk at that moment, so a change made meanwhile by another process is kept.
Each returns a `Change` that holds the application before and after, which is all
that undo needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from searchboard.domain.agenda import Agenda, agenda_from_items
from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.model import Application, Contact, Event, new_application
from searchboard.domain.rules import STAGES_WITH_ITEMS, open_items, with_item_snoozed
from searchboard.domain.settings import Settings, parse_setting
from searchboard.domain.stages import EventKind, ItemKind, Stage
from searchboard.storage import Snapshot, Store

if TYPE_CHECKING:
    from searchboard.interchange import ImportedApplication


T = TypeVar("T")


class UserError(ValueError):
    """Bad input from the user: shown as one line, and nothing is changed."""


def move_to(stage: Stage, on: date) -> Callable[[Application], Application]:
    """The move to `stage`, refused if the application is there already (as when
    another window moved it first: it must not be recorded twice)."""

    def to_stage(app: Application) -> Application:
        if app.stage is stage:
            raise UserError(f"#{app.id} is already in {stage}")
        return app.moved_to(stage, on)

    return to_stage


@dataclass(frozen=True)
class Change:
    """One change to one application: before is None for an add, after for a delete."""

    description: str
    before: Application | None
    after: Application | None

    @property
    def app_id(self) -> int:
        app = self.after or self.before
        assert app is not None
        return app.id


@dataclass(frozen=True)
class RegionOverride:
    """`--country` / `--subdiv` for one run: they win over the saved settings."""

    country: str | None = None
    subdiv: str | None = None


def unknown_saved_region(path: Path, error: Exception) -> str:
    """What to say when the file saves a country or region searchboard does not know."""
    return (
        f"{path} saves a region searchboard does not know: {error}. "
        "Set another with `searchboard config country CC` (or `config subdiv`)"
    )


class Tracker:
    def __init__(
        self,
        store: Store,
        today: date,
        override: RegionOverride | None = None,
        calendar_factory: Callable[[Settings], BusinessCalendar] | None = None,
    ) -> None:
        self.store = store
        self.today = today
        self.override = override or RegionOverride()
        self._calendar_factory = calendar_factory or _holiday_calendar
        self._calendars: dict[tuple[str, str | None, tuple[date, ...]], BusinessCalendar] = {}

    # --- reading -------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        return self.store.load()

    def applications(self) -> list[Application]:
        return self.snapshot().ordered()

    def get(self, app_id: int) -> Application:
        try:
            return self.snapshot().applications[app_id]
        except KeyError:
            raise UserError(f"no application #{app_id}") from None

    @property
    def settings(self) -> Settings:
        """The saved settings with this run's region override applied."""
        return self.settings_in(self.snapshot())

    def settings_in(self, snapshot: Snapshot) -> Settings:
        """`snapshot`'s settings with this run's region override applied."""
        settings = snapshot.settings
        if self.override.country:
            settings = replace(settings, country=self.override.country.upper(), subdiv=None)
        if self.override.subdiv is not None:
            settings = replace(settings, subdiv=self.override.subdiv.upper() or None)
        return settings

    def calendar(self, settings: Settings | None = None) -> BusinessCalendar:
        settings = settings or self.settings
        key = (settings.country, settings.subdiv, settings.days_off)
        if key not in self._calendars:
            self._calendars[key] = self._calendar_factory(settings)
        return self._calendars[key]

    def agenda(self) -> Agenda:
        """The agenda, reading in full only the applications that can have items."""
        settings = self.settings
        snapshot = self.snapshot()
        calendar = self.calendar(settings)
        items = [
            item
            for app in snapshot.in_stages(STAGES_WITH_ITEMS)
            for item in open_items(app, calendar, settings, self.today)
        ]
        return agenda_from_items(items, snapshot.applied_dates(), calendar, settings, self.today)

    # --- changes -------------------------------------------------------------------------

    def add(
        self,
        company: str,
        role: str,
        stage: Stage = Stage.APPLIED,
        on: date | None = None,
        **fields: str | None,
    ) -> Change:
        if not company.strip():
            raise UserError("company cannot be empty")
        if not role.strip():  # as `edit` says; only an import from elsewhere may lack one
            raise UserError("role cannot be empty")
        with self.store.transaction() as tx:
            app = _user_input(
                lambda: new_application(
                    tx.allocate_id(), company, role, stage, on or self.today, **fields
                )
            )
            tx.put(app)
        return Change(f"added #{app.id} {app.company}", None, app)

    def modify(
        self, app_id: int, change: Callable[[Application], Application], description: str
    ) -> Change:
        """Applies `change` to the application as it is on disk now, and saves it."""
        with self.store.transaction() as tx:
            before = _existing(tx.applications, app_id)
            after = _user_input(lambda: change(before))
            if after != before:
                tx.put(after)
        return Change(description, before, after)

    def move(self, app_id: int, stage: Stage, on: date | None = None) -> Change:
        return self.modify(app_id, move_to(stage, on or self.today), f"moved #{app_id} to {stage}")

    def log(
        self,
        app_id: int,
        kind: EventKind,
        on: date | None = None,
        note: str | None = None,
        expect: date | None = None,
        deadline: date | None = None,
    ) -> Change:
        if kind is EventKind.STAGE:
            raise UserError("a stage change is logged by moving the card: searchboard move")
        if expect is not None and kind is not EventKind.INTERVIEW:
            raise UserError("--expect goes with an interview")
        if deadline is not None and kind is not EventKind.OFFER:
            raise UserError("--deadline goes with an offer")
        event = Event(
            kind,
            on or self.today,
            note=(note or "").strip() or None,
            expect=expect,
            deadline=deadline,
        )
        return self.modify(app_id, lambda app: app.with_event(event), f"logged {kind} on #{app_id}")

    def snooze(self, app_id: int, kind: ItemKind, until: date) -> Change:
        """Hides the application's open `kind` item until `until` (a date on or before
        today ends its snooze instead). Recorded on the timeline, so it can be undone."""
        settings = self.settings
        calendar = self.calendar(settings)

        def snoozed(app: Application) -> Application:
            return with_item_snoozed(app, kind, until, calendar, settings, self.today)

        return self.modify(app_id, snoozed, f"snoozed {kind} on #{app_id}")

    def reapply_warning(self, company: str) -> str | None:
        """What happened last time at this company, if the user applied there before."""
        from searchboard.domain.companies import reapply_warning

        return reapply_warning(self.applications(), company, self.today)

    def edit(self, app_id: int, **fields: str | None) -> Change:
        return self.modify(app_id, lambda app: app.edited(**fields), f"edited #{app_id}")

    def add_contact(self, app_id: int, name: str, email: str | None, role: str | None) -> Change:
        name = name.strip()
        if not name:
            raise UserError("a contact needs a name")
        email = (email or "").strip() or None
        if email is not None and ("@" not in email or " " in email):
            raise UserError(f"malformed email {email!r}")
        contact = Contact(name, email, (role or "").strip() or None)
        return self.modify(
            app_id, lambda app: app.with_contact(contact), f"added {name} to #{app_id}"
        )

    def delete(self, app_id: int) -> Change:
        with self.store.transaction() as tx:
            before = _existing(tx.applications, app_id)
            tx.delete(app_id)
        return Change(f"deleted #{app_id} {before.company}", before, None)

    def undo(self, change: Change) -> Change:
        """Puts back the application as it was before `change`.

        Refused when the application has changed since (in another window, say):
        undoing would silently throw that later change away.
        """
        with self.store.transaction() as tx:
            current = tx.applications.get(change.app_id)
            if current != change.after:
                raise UserError(
                    f"#{change.app_id} has changed since ({change.description}); not undone"
                )
            if change.before is None:
                tx.delete(change.app_id)
            else:
                tx.put(change.before)
        return Change(f"undid: {change.description}", change.after, change.before)

    def set_setting(self, key: str, text: str) -> Settings:
        from searchboard.holiday_source import UnknownRegion, check_region

        with self.store.transaction() as tx:
            try:
                value = parse_setting(key, text)
            except ValueError as error:
                raise UserError(str(error)) from None
            settings = replace(tx.settings, **{key: value})
            if key == "country" and value != tx.settings.country:
                settings = replace(settings, subdiv=None)
            if key in ("country", "subdiv"):
                try:
                    check_region(settings.country, settings.subdiv)
                except UnknownRegion as error:
                    raise UserError(str(error)) from None
            tx.set_settings(settings)
        return settings

    def import_applications(
        self, imported: list[ImportedApplication], settings: Settings | None
    ) -> tuple[list[Application], bool]:
        """Adds every imported application, keeping its id where that id is free.

        Settings are taken from the import only into a file with no applications yet
        (an export restored into a new file); otherwise the user's settings stay.
        Returns the applications added and whether the settings were applied.
        """
        with self.store.transaction() as tx:
            apply_settings = settings is not None and not tx.applications
            if apply_settings:
                assert settings is not None
                tx.set_settings(settings)
            # First every wanted id that was never used here, then fresh ids for the rest.
            wanted = Counter(item.wanted_id for item in imported)
            kept = {
                app_id
                for app_id, times in wanted.items()
                if app_id is not None and times == 1 and tx.id_never_used(app_id)
            }
            for item in imported:
                if item.wanted_id in kept:
                    tx.put(replace(item.application, id=item.wanted_id))
            added = []
            for item in imported:
                app_id = item.wanted_id if item.wanted_id in kept else tx.allocate_id()
                app = replace(item.application, id=app_id)
                tx.put(app)
                added.append(app)
        return added, apply_settings


def _holiday_calendar(settings: Settings) -> BusinessCalendar:
    from searchboard.holiday_source import business_calendar

    return business_calendar(settings.country, settings.subdiv, settings.days_off)


def _existing(applications: dict[int, Application], app_id: int) -> Application:
    try:
        return applications[app_id]
    except KeyError:
        raise UserError(f"no application #{app_id}") from None


def _user_input(make: Callable[[], T]) -> T:
    """Runs `make`, turning the domain's ValueError about bad input into a UserError."""
    try:
        return make()
    except UserError:
        raise
    except ValueError as error:
        raise UserError(str(error)) from None
