"""What the board shows, worked out from the applications: plain Python, no Textual.

Items are computed once per application and kept; a change to one application
recomputes that one only, so a move costs the same on 20 cards as on 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from searchboard.domain.agenda import Agenda, agenda_from_items
from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.model import Application
from searchboard.domain.rules import ItemKind, OpenItem, last_contact, open_items
from searchboard.domain.settings import Settings
from searchboard.domain.stages import ACTIVE_STAGES, CLOSED_STAGES, Stage


@dataclass(frozen=True, slots=True)
class Card:
    """One card's facts, ready to draw."""

    app: Application
    items: tuple[OpenItem, ...]
    last_contact: date | None
    applied_on: date | None

    @property
    def likely_ghosted(self) -> bool:
        return any(item.kind is ItemKind.LIKELY_GHOSTED for item in self.items)

    @property
    def overdue(self) -> bool:
        return any(item.overdue for item in self.items if item.kind is not ItemKind.LIKELY_GHOSTED)


@dataclass
class BoardState:
    today: date
    settings: Settings
    calendar: BusinessCalendar
    cards: dict[int, Card] = field(default_factory=dict)
    filter_text: str = ""
    show_closed: bool = False

    @classmethod
    def build(
        cls,
        applications: Iterable[Application],
        today: date,
        settings: Settings,
        calendar: BusinessCalendar,
    ) -> BoardState:
        state = cls(today, settings, calendar)
        for app in applications:
            state.cards[app.id] = state._card(app)
        return state

    def _card(self, app: Application) -> Card:
        items = open_items(app, self.calendar, self.settings, self.today)
        return Card(app, tuple(items), last_contact(app, until=self.today), app.applied_on)

    # --- changes ---------------------------------------------------------------------

    def put(self, app: Application) -> None:
        self.cards[app.id] = self._card(app)

    def remove(self, app_id: int) -> None:
        self.cards.pop(app_id, None)

    # --- what to show ----------------------------------------------------------------

    @property
    def stages(self) -> tuple[Stage, ...]:
        return ACTIVE_STAGES + CLOSED_STAGES if self.show_closed else ACTIVE_STAGES

    def columns(self) -> dict[Stage, list[Card]]:
        found: dict[Stage, list[Card]] = {stage: [] for stage in self.stages}
        needle = self.filter_text.strip().lower()
        for app_id in sorted(self.cards):
            card = self.cards[app_id]
            if card.app.stage in found and (not needle or needle in card.app.search_text()):
                found[card.app.stage].append(card)
        return found

    def agenda(self) -> Agenda:
        return agenda_from_items(
            (item for card in self.cards.values() for item in card.items),
            (card.applied_on for card in self.cards.values()),
            self.calendar,
            self.settings,
            self.today,
        )
