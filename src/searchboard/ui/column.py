"""A stage's column of cards, drawn line by line: only the visible cards cost anything.

A column of 5,000 cards renders the dozen on screen, like toolong's log lines, so the
board opens and moves a card in the same time whatever the file's size. Its title (the
stage and its count) is its own first line, not a widget of its own: every widget on
the board costs styling and layout before the first paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from searchboard.domain.rules import ItemKind, OpenItem
from searchboard.domain.stages import Stage
from searchboard.ui.board_state import Card
from searchboard.wording import days_ago

CARD_LINES = 4  # company, role, last contact, badges
CARD_HEIGHT = CARD_LINES + 1  # and a blank line between cards
TITLE_LINES = 1  # the stage's name and count, above the cards, never scrolled away

_BADGE_WORDS = {
    ItemKind.INTERVIEW: "interview",
    ItemKind.THANK_YOU: "thank-you",
    ItemKind.FOLLOW_UP: "follow up",
    ItemKind.LIKELY_GHOSTED: "ghosted?",
    ItemKind.OFFER_DEADLINE: "deadline",
}


class StageColumn(ScrollView, can_focus=True):
    """The cards of one stage; up/down (or j/k) move the cursor, a click selects."""

    COMPONENT_CLASSES = {
        "stage-column--title",
        "stage-column--card",
        "stage-column--cursor",
        "stage-column--cursor-blurred",
        "stage-column--meta",
        "stage-column--faded",
        "stage-column--badge",
        "stage-column--badge-overdue",
        "stage-column--badge-today",
    }
    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "cursor(-5)", "Page up", show=False),
        Binding("pagedown", "cursor(5)", "Page down", show=False),
        Binding("home", "cursor(-1000000)", "First card", show=False),
        Binding("end", "cursor(1000000)", "Last card", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor now rests on a card (or on none, in an empty column)."""

        def __init__(self, column: StageColumn, app_id: int | None) -> None:
            super().__init__()
            self.column = column
            self.app_id = app_id

    def __init__(self, stage: Stage, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage = stage
        self.today = today
        # A card may be None in the first view (see ui.first_view): one not read yet, and
        # never on screen before it is.
        self.cards: Sequence[Card | None] = []
        self.title = stage.value.upper()
        # Both caches are kept per focus state: focus tints the column, and a card move
        # moves focus, so clearing them on focus would redraw every line from scratch.
        self._styles: dict[tuple[str, bool], Style] = {}
        self._lines: LRUCache[tuple[int, int, int, int, bool], tuple[Card, Strip]] = LRUCache(4000)
        self._styled_with_focus: bool | None = None
        self._laid_out: tuple[Size, Size, Size] | None = None

    # --- data -------------------------------------------------------------------------

    def set_cards(self, cards: Sequence[Card | None], keep: int | None = None) -> None:
        """Shows `cards`, keeping the cursor on application `keep` if it is among them."""
        previous = self.selected_id if keep is None else keep
        self.cards = cards
        self.title = f"{self.stage.value.upper()}  {len(cards)}"
        self._fit_virtual_size()
        index = self.index_of(previous) if previous is not None else None
        self.set_reactive(
            StageColumn.cursor, self._clamp(index if index is not None else self.cursor)
        )
        self.refresh()

    def index_of(self, app_id: int) -> int | None:
        for index, card in enumerate(self.cards):
            if card is not None and card.app.id == app_id:
                return index
        return None

    @property
    def selected(self) -> Card | None:
        return self.cards[self.cursor] if 0 <= self.cursor < len(self.cards) else None

    @property
    def selected_id(self) -> int | None:
        card = self.selected
        return card.app.id if card else None

    def select(self, app_id: int) -> bool:
        index = self.index_of(app_id)
        if index is None:
            return False
        self.cursor = index
        return True

    # --- cursor -----------------------------------------------------------------------

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self.cards) - 1)) if self.cards else 0

    def validate_cursor(self, value: int) -> int:
        return self._clamp(value)

    def watch_cursor(self) -> None:
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.selected_id))

    def _scroll_to_cursor(self) -> None:
        if self.cards:
            # In scroll coordinates the card's lines start one below this (the title's
            # line is above them); the row above a card, hidden under the title when
            # scrolled to, is the blank line after the card before it.
            region = Region(0, self.cursor * CARD_HEIGHT, 1, CARD_HEIGHT)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_cursor(self, delta: int) -> None:
        self.cursor = self.cursor + delta

    def on_focus(self) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self, self.selected_id))

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self._fit_virtual_size()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual 8.2's ScrollView compares the compositor's virtual size (the visible
        # area) with its own (every card): never equal, so each layout pass anywhere on
        # the screen repainted every column's scrollbars and sent each column a Resize.
        # That was most of a card move's time; only a real change should cost anything.
        laid_out = (size, self.virtual_size, container_size)
        if laid_out == self._laid_out:
            return False
        self._laid_out = laid_out
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _fit_virtual_size(self) -> None:
        # The title's line counts in the height, so the last card can scroll into view.
        size = Size(self.size.width, TITLE_LINES + len(self.cards) * CARD_HEIGHT)
        if size != self.virtual_size:  # setting it, even unchanged, costs a layout
            self.virtual_size = size

    def notify_style_update(self) -> None:
        super().notify_style_update()
        focused = self.has_focus
        if focused == self._styled_with_focus:  # not a focus change: the theme or CSS changed
            self._styles.clear()
            self._lines.clear()
        self._styled_with_focus = focused

    def _style(self, name: str) -> Style:
        """A component style, looked up once per theme: render_line asks for several."""
        key = (name, self.has_focus)
        style = self._styles.get(key)
        if style is None:
            if name == "":  # the column's own style (working it out walks up the DOM)
                style = self._styles[key] = self.rich_style
            else:
                style = self._styles[key] = self.get_component_rich_style(name)
        return style

    def on_click(self, event: events.Click) -> None:
        if event.y < TITLE_LINES:
            self.focus()
            return
        index = (event.y - TITLE_LINES + int(self.scroll_offset.y)) // CARD_HEIGHT
        if 0 <= index < len(self.cards):
            self.focus()
            self.cursor = index

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < TITLE_LINES:
            return self._title_line(width)
        line = y - TITLE_LINES + int(self.scroll_offset.y)
        index, row = divmod(line, CARD_HEIGHT)
        base = self._style("")
        if index >= len(self.cards) or row == CARD_LINES:
            return Strip.blank(width, base)
        card = self.cards[index]
        if card is None:
            return Strip.blank(width, base)
        state = (index == self.cursor) + (index == self.cursor and self.has_focus)
        key = (card.app.id, row, width, state, self.has_focus)
        cached = self._lines.get(key)
        if cached is not None and cached[0] is card:
            return cached[1]
        style = self._style("stage-column--card")
        if state:
            name = "stage-column--cursor" if state == 2 else "stage-column--cursor-blurred"
            style += self._style(name)
        strip = Strip(self._card_line(card, row, width, style)).adjust_cell_length(width, style)
        self._lines[key] = (card, strip)  # the card is kept: a changed card is a new object
        return strip

    def _title_line(self, width: int) -> Strip:
        style = self._style("stage-column--title")
        text = f" {set_cell_size(self.title, max(width - 2, 1))}"
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)

    def _card_line(self, card: Card, row: int, width: int, style: Style) -> list[Segment]:
        inner = max(width - 2, 1)
        text_style = style
        if card.likely_ghosted:
            text_style = style + self._style("stage-column--faded")
        meta = text_style + self._style("stage-column--meta")
        app = card.app
        if row == 0:
            ident = f"#{app.id}"
            room = max(inner - cell_len(ident) - 1, 1)
            company = _fit(app.company, room)
            gap = " " * max(inner - cell_len(company) - cell_len(ident), 1)
            return [
                Segment(" ", style),
                Segment(company, text_style + Style(bold=True)),
                Segment(gap, style),
                Segment(ident, meta),
            ]
        if row == 1:
            return [Segment(" ", style), Segment(_fit(app.role or "—", inner), text_style)]
        if row == 2:
            if app.stage is Stage.WISHLIST:
                words = "not applied yet"
            elif card.last_contact:
                words = f"last contact {days_ago(card.last_contact, self.today)}"
            else:
                words = "no contact yet"
            return [Segment(" ", style), Segment(_fit(words, inner), meta)]
        return [Segment(" ", style), *self._badges(card.items, inner, style)]

    def _badges(self, items: tuple[OpenItem, ...], width: int, style: Style) -> list[Segment]:
        segments: list[Segment] = []
        used = 0
        for item in items:
            if item.kind is ItemKind.LIKELY_GHOSTED:
                name, words = "stage-column--badge-overdue", "likely ghosted"
            elif item.overdue:
                name, words = "stage-column--badge-overdue", f"{_BADGE_WORDS[item.kind]} overdue"
            elif item.due == self.today:
                name, words = "stage-column--badge-today", f"{_BADGE_WORDS[item.kind]} today"
            else:
                name = "stage-column--badge"
                words = f"{_BADGE_WORDS[item.kind]} {item.due:%a %d}"
            text = f" {words} "
            if used + cell_len(text) > width:
                break
            segments.append(Segment(text, style + self._style(name)))
            segments.append(Segment(" ", style))
            used += cell_len(text) + 1
        return segments


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when it had to be cut."""
    text = " ".join(text.split())  # a newline in a company name must not break the card
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"
