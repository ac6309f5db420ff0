"""The agenda: overdue, due today, coming up, likely ghosted — the same as `searchboard today`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from searchboard.domain.agenda import SHOWN_PER_SECTION, Agenda
from searchboard.domain.rules import OpenItem
from searchboard.wording import due_words, item_label

# More than the panel shows (at most 12 lines with its border, see the CSS).
FIRST_PAINT_OPTIONS = 12

_TITLES = {
    "overdue": "Overdue",
    "due_today": "Due today",
    "coming_up": "Coming up",
    "likely_ghosted": "Likely ghosted — confirm with o → ghosted, and move on",
}


class AgendaPanel(OptionList):
    """Each item is an option; highlighting one selects its card on the board."""

    _shown: tuple[object, ...] | None = None
    # The options the first paint leaves for just after it (see `show`).
    _after_first_paint: list[Option] | None = None

    def show(self, agenda: Agenda, counts: Mapping[str, int] | None = None) -> None:
        """Shows `agenda`; `counts`, when given, are the sections' sizes (the first
        view's agenda holds only the items shown, see ui.first_view)."""
        sections = [
            (_TITLES[name], counts[name] if counts else len(items), items)
            for name, items in agenda.sections().items()
        ]
        content = tuple(
            (title, count, tuple(_identity(item) for item in items[:SHOWN_PER_SECTION]))
            for title, count, items in sections
        )
        if content == self._shown:
            return  # nothing on the agenda changed: keep the list (and its highlight) as is
        keep = self.highlighted_option
        options: list[Option] = []
        seen: set[str] = set()
        for title, count, items in sections:
            if not items:
                continue
            options.append(Option(Text(f"{title} ({count})", "bold"), disabled=True))
            options.extend(_option(item, agenda.date, seen) for item in items[:SHOWN_PER_SECTION])
            if count > SHOWN_PER_SECTION:
                more = f"  … and {count - SHOWN_PER_SECTION} more (/ filters the board)"
                options.append(Option(Text(more, "dim"), disabled=True))
        if not options:
            options.append(
                Option(Text("Nothing due. A good day to send a new application."), disabled=True)
            )
        first_show = self._shown is None
        self._shown = content
        self._after_first_paint = None
        self.clear_options()
        if first_show and len(options) > FIRST_PAINT_OPTIONS:
            # OptionList measures every option it holds before it paints; a long agenda
            # (100 options) cost ~5 ms of the first paint for options scrolled out of
            # sight. The rest come just after it, in the same order.
            self._after_first_paint = options[FIRST_PAINT_OPTIONS:]
            options = options[:FIRST_PAINT_OPTIONS]
            self.call_after_refresh(self._add_the_rest)
        self.add_options(options)
        self.highlighted = _index_to_keep(options, keep)
        # A height of its own (capped by max-height in the CSS) rather than `auto`, which
        # would measure every option at each layout: an option is one line (the CSS
        # cuts a long one with an ellipsis), plus two for the round border.
        self.styles.height = len(options) + len(self._after_first_paint or ()) + 2

    def _add_the_rest(self) -> None:
        rest, self._after_first_paint = self._after_first_paint, None
        if rest:  # (None when the agenda was shown again meanwhile, in full)
            self.add_options(rest)

    @property
    def highlighted_kind(self) -> str | None:
        """The kind of the highlighted item (`follow_up`, …), or None."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return option.id.split(":")[1]

    @property
    def highlighted_app_id(self) -> int | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id.split(":")[0])


def _identity(item: OpenItem) -> tuple[object, ...]:
    app = item.application
    return (app.id, item.kind, item.due, item.overdue, app.company, app.role)


def _index_to_keep(options: list[Option], keep: Option | None) -> int | None:
    """The same item as before if it is still there, else the same card's first item,
    else the first item: the highlight does not jump away from what the user was on."""
    enabled = [index for index, option in enumerate(options) if not option.disabled]
    if keep is not None and keep.id is not None:
        same_card = keep.id.split(":")[0] + ":"
        for wanted in (lambda o: o.id == keep.id, lambda o: (o.id or "").startswith(same_card)):
            for index in enabled:
                if wanted(options[index]):
                    return index
    return enabled[0] if enabled else None


def _option(item: OpenItem, today: date, seen: set[str]) -> Option:
    app = item.application
    text = Text("  ")
    style = "bold red" if item.overdue else ("bold" if item.due == today else "")
    text.append(f"{item_label(item):<22}", style)
    text.append(app.company, "bold")  # user text is appended, never parsed as markup
    if app.role:
        text.append(f" — {app.role}")
    text.append(f"  {due_words(item, today)}", "dim")
    option_id = f"{app.id}:{item.kind}:{item.due}"
    while option_id in seen:  # two interviews on one day
        option_id += "+"
    seen.add(option_id)
    return Option(text, id=option_id)
