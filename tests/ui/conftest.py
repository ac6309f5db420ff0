"""Fixtures for the board's tests: a data file, the app on it, and what storage holds.

Every test runs the real app (`SearchboardApp`) on a real data file in `tmp_path`, with
today pinned to Tuesday 2026-11-24, and asserts on what a fresh `Store` reads back from
disk, not only on the screen.

This folder is not a package, so helpers are handed out as fixtures (`board`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from searchboard.domain.model import Application, Event, new_application
from searchboard.domain.stages import EventKind, Stage
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui.app import SearchboardApp
from searchboard.ui.details import DetailsScreen

TODAY = date(2026, 11, 24)  # a Tuesday; Thursday the 26th is Thanksgiving (US)
SIZE = (160, 48)


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """An Input's cursor does not blink: a screenshot never catches it half-way."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


def d(text: str) -> date:
    return date.fromisoformat(text)


def calm_applications() -> list[Application]:
    """One card in every active stage (two in applied), one ghosted, nothing due today.

    1 Acme (wishlist) · 2 Globex, 3 Soylent (applied) · 4 Initech (screening) ·
    5 Hooli (interviewing, interview on Dec 1) · 6 Pied Piper (offer) · 7 Cyberdyne (ghosted)
    """
    return [
        new_application(1, "Acme", "Data Engineer", Stage.WISHLIST, d("2026-11-20")),
        new_application(
            2,
            "Globex",
            "Backend Engineer",
            Stage.APPLIED,
            d("2026-11-23"),
            source="LinkedIn",
            location="Remote",
            notes="asked about the team",
        ),
        new_application(3, "Soylent", "Platform Engineer", Stage.APPLIED, d("2026-11-20")),
        new_application(
            4, "Initech", "Analytics Engineer", Stage.APPLIED, d("2026-11-16")
        ).moved_to(Stage.SCREENING, d("2026-11-20")),
        new_application(5, "Hooli", "SRE", Stage.APPLIED, d("2026-11-10"))
        .moved_to(Stage.INTERVIEWING, d("2026-11-20"))
        .with_event(Event(EventKind.INTERVIEW, d("2026-12-01"))),
        new_application(6, "Pied Piper", "Engineering Manager", Stage.APPLIED, d("2026-11-02"))
        .moved_to(Stage.INTERVIEWING, d("2026-11-10"))
        .moved_to(Stage.OFFER, d("2026-11-23"))
        .with_event(Event(EventKind.OFFER, d("2026-11-23"), deadline=d("2026-12-10"))),
        new_application(7, "Cyberdyne", "ML Engineer", Stage.APPLIED, d("2026-10-01")).moved_to(
            Stage.GHOSTED, d("2026-11-15")
        ),
    ]


def busy_applications() -> list[Application]:
    """The calm board plus 8 Umbrella (follow-up overdue since Nov 16) and 9 Wonka
    (interviewed yesterday: a thank-you due today)."""
    return [
        *calm_applications(),
        new_application(8, "Umbrella", "Data Engineer", Stage.APPLIED, d("2026-11-02")),
        new_application(9, "Wonka", "Staff Engineer", Stage.APPLIED, d("2026-11-09"))
        .moved_to(Stage.INTERVIEWING, d("2026-11-16"))
        .with_event(Event(EventKind.INTERVIEW, d("2026-11-23"))),
    ]


class Board:
    """A data file and the board opened on it."""

    today = TODAY
    size = SIZE

    def __init__(self, tmp_path: Path) -> None:
        self.path = tmp_path / "data" / "db.json"
        self.initial: list[Application] = []

    d = staticmethod(d)

    def write(self, applications: Iterable[Application]) -> Path:
        applications = list(applications)
        self.initial = applications
        store = Store(self.path)
        with store.transaction() as tx:
            for app in applications:
                tx.put(app)
        return self.path

    def calm(self) -> SearchboardApp:
        self.write(calm_applications())
        return self.app()

    def busy(self) -> SearchboardApp:
        self.write(busy_applications())
        return self.app()

    def app(self) -> SearchboardApp:
        tracker = Tracker(Store(self.path), today=TODAY)
        return SearchboardApp(tracker, pretend_today=True)

    # --- what storage holds ---------------------------------------------------------

    def stored(self) -> dict[int, Application]:
        """The applications as a fresh Store reads them from disk."""
        return Store(self.path).load().applications

    def stored_app(self, app_id: int) -> Application:
        return self.stored()[app_id]

    def file_bytes(self) -> bytes:
        return self.path.read_bytes()

    # --- driving the app ------------------------------------------------------------

    @staticmethod
    async def settle(pilot: Pilot[Any]) -> None:
        """Waits until every save is on disk and its result is shown."""
        app = pilot.app
        assert isinstance(app, SearchboardApp)
        await app.board.flush_saves()
        await pilot.pause()
        await app.board.flush_saves()
        await pilot.pause()

    @staticmethod
    async def type(pilot: Pilot[Any], text: str) -> None:
        await pilot.press(*text)

    @staticmethod
    async def focus(pilot: Pilot[Any], selector: str) -> Widget:
        """Focuses a widget of the current screen (say, a form's field) and returns it."""
        widget = pilot.app.screen.query_one(selector)
        widget.focus()
        await pilot.pause()
        assert pilot.app.focused is widget
        return widget

    @staticmethod
    async def select_card(pilot: Pilot[Any], app_id: int) -> None:
        """Focuses the column of `app_id` and puts its cursor on that card."""
        app = pilot.app
        assert isinstance(app, SearchboardApp)
        board = app.board
        card = board.state.cards[app_id]
        column = board.column(card.app.stage)
        column.focus()
        await pilot.pause()
        assert column.select(app_id)
        await pilot.pause()
        assert board.selected_id == app_id
        assert app.focused is column

    @classmethod
    async def open_details(cls, pilot: Pilot[Any], app_id: int) -> Screen[Any]:
        """Selects card `app_id` and opens its details (enter)."""
        await cls.select_card(pilot, app_id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailsScreen)
        return pilot.app.screen


@pytest.fixture
def board(tmp_path: Path) -> Board:
    return Board(tmp_path)


def text_of(widget: Widget) -> str:
    """The plain text a Static (or any widget rendering text) shows."""
    visual = widget.render()
    plain = getattr(visual, "plain", None)
    return plain if isinstance(plain, str) else str(visual)


@pytest.fixture
def plain_text():
    return text_of


@pytest.fixture
def calm_apps() -> list[Application]:
    return calm_applications()
