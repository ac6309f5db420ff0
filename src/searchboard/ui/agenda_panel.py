"""The agenda: overdue, due today, coming up, likely ghosted — the same as `searchboard today`."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from searchboard.domain.agenda import Agenda
from searchboard.domain.rules import OpenItem
from searchboard.wording import due_words, item_label


class AgendaPanel(OptionList):
    """Each item is an option; highlighting one selects its card on the board."""

    def show(self, agenda: Agenda) -> None:
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        self.clear_options()
        options: list[Option] = []
        seen: set[str] = set()
        sections = (
            ("Overdue", agenda.overdue, "agenda-overdue"),
            ("Due today", agenda.due_today, "agenda-today"),
            ("Coming up", agenda.coming_up, "agenda-soon"),
            (
                "Likely ghosted — confirm with o → ghosted, and move on",
                agenda.likely_ghosted,
                "agenda-ghosted",
            ),
        )
        for title, items, _ in sections:
            if not items:
                continue
            options.append(Option(Text(f"{title} ({len(items)})", "bold"), disabled=True))
            options.extend(_option(item, agenda.date, seen) for item in items)
        if not options:
            options.append(
                Option(Text("Nothing due. A good day to send a new application."), disabled=True)
            )
        self.add_options(options)
        if keep is not None:
            try:
                self.highlighted = self.get_option_index(keep)
                return
            except Exception:
                pass
        self.highlighted = next(
            (index for index, option in enumerate(options) if not option.disabled), None
        )

    @property
    def highlighted_app_id(self) -> int | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id.split(":")[0])


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
