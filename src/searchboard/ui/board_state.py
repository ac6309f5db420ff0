"""What the board shows, worked out from the applications: plain Python, no Textual.

Items are computed once per application and kept; a change to one application
recomputes that one only, so a move costs the same on 20 cards as on 10,000.

A state can start without some applications (the closed ones, hidden until `c`, which
the board reads after its first paint): it holds their applied dates meanwhile, so the
keep-applying count is right from the first frame, and `add_unread` brings them in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from searchboard.domain.agenda import Agenda, agenda_from_items
from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.model import Application
from searchboard.domain.rules import ItemKind, OpenItem, item_sort_key, last_contact, open_items
from searchboard.domain.settings import Settings
from searchboard.domain.stages import ACTIVE_STAGES, ALL_STAGES, CLOSED_STAGES, Stage


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


def make_card(
    app: Application,
    calendar: BusinessCalendar,
    settings: Settings,
    today: date,
    items: tuple[OpenItem, ...] | None = None,
) -> Card:
    """`app`'s card; `items`, when given, are its open items worked out already."""
    if items is None:
        items = tuple(open_items(app, calendar, settings, today))
    return Card(app, items, last_contact(app, until=today), app.applied_on)


@dataclass
class BoardState:
    today: date
    settings: Settings
    calendar: BusinessCalendar
    cards: dict[int, Card] = field(default_factory=dict)
    filter_text: str = ""
    show_closed: bool = False
    # The applied dates of the applications not read yet; None once every one is here.
    unread_applied_dates: list[date | None] | None = None
    # Kept in order as cards change, so a move re-sorts nothing: each column's ids,
    # and every open item in the agenda's order (with its sort key beside it).
    _ids_by_stage: dict[Stage, list[int]] = field(default_factory=dict)
    _item_keys: list[tuple[date, int, int]] = field(default_factory=list)
    _items: list[OpenItem] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        applications: Iterable[Application],
        today: date,
        settings: Settings,
        calendar: BusinessCalendar,
        unread_applied_dates: list[date | None] | None = None,
    ) -> BoardState:
        """The state of `applications`; `unread_applied_dates`, when given, are those
        of the applications left out for now (see `add_unread`)."""
        cards = (make_card(app, calendar, settings, today) for app in applications)
        return cls.of_cards(cards, today, settings, calendar, unread_applied_dates)

    @classmethod
    def of_cards(
        cls,
        cards: Iterable[Card],
        today: date,
        settings: Settings,
        calendar: BusinessCalendar,
        unread_applied_dates: list[date | None] | None = None,
    ) -> BoardState:
        """The state of cards worked out already (by the first view's child process)."""
        state = cls(today, settings, calendar, unread_applied_dates=unread_applied_dates)
        state._take(cards)
        return state

    def _take(self, cards: Iterable[Card]) -> None:
        """Holds `cards`, with each column's ids and the agenda's items in order."""
        for card in cards:
            self.cards[card.app.id] = card
        self._ids_by_stage = {stage: [] for stage in ALL_STAGES}
        for app_id in sorted(self.cards):
            self._ids_by_stage[self.cards[app_id].app.stage].append(app_id)
        keyed = sorted(
            ((item_sort_key(item), item) for card in self.cards.values() for item in card.items),
            key=lambda pair: pair[0],
        )
        self._item_keys = [key for key, _ in keyed]
        self._items = [item for _, item in keyed]

    def _card(self, app: Application) -> Card:
        return make_card(app, self.calendar, self.settings, self.today)

    @property
    def complete(self) -> bool:
        return self.unread_applied_dates is None

    # --- changes ---------------------------------------------------------------------

    def add_unread(self, applications: Iterable[Application]) -> None:
        """Brings in the applications the state was built without (once)."""
        if self.complete:
            return
        for app in applications:
            if app.id not in self.cards:  # one changed since is already here, as it is now
                self.put(app)
        self.unread_applied_dates = None

    def put(self, app: Application) -> None:
        self.remove(app.id)
        card = self.cards[app.id] = self._card(app)
        insort(self._ids_by_stage[app.stage], app.id)
        for item in card.items:
            key = item_sort_key(item)
            index = bisect_right(self._item_keys, key)
            self._item_keys.insert(index, key)
            self._items.insert(index, item)

    def remove(self, app_id: int) -> None:
        card = self.cards.pop(app_id, None)
        if card is None:
            return
        ids = self._ids_by_stage[card.app.stage]
        del ids[bisect_left(ids, app_id)]
        for item in card.items:
            index = bisect_left(self._item_keys, item_sort_key(item))
            while self._items[index] is not item:  # equal keys: two interviews on one day
                index += 1
            del self._item_keys[index]
            del self._items[index]

    # --- what to show ----------------------------------------------------------------

    @property
    def stages(self) -> tuple[Stage, ...]:
        return ACTIVE_STAGES + CLOSED_STAGES if self.show_closed else ACTIVE_STAGES

    def column(self, stage: Stage) -> list[Card]:
        """The cards of `stage` that pass the filter, by id."""
        cards = [self.cards[app_id] for app_id in self._ids_by_stage[stage]]
        needle = self.filter_text.strip().lower()
        if needle:
            cards = [card for card in cards if needle in card.app.search_text()]
        return cards

    def columns(self) -> dict[Stage, list[Card]]:
        return {stage: self.column(stage) for stage in self.stages}

    def agenda(self) -> Agenda:
        applied = [card.applied_on for card in self.cards.values()]
        return agenda_from_items(
            self._items,
            applied + (self.unread_applied_dates or []),
            self.calendar,
            self.settings,
            self.today,
            already_sorted=True,
        )
