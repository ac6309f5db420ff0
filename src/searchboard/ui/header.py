"""The top line: the date, whether it is a business day, and keep-applying progress."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from searchboard.domain.agenda import Agenda
from searchboard.wording import days_ago


class DayHeader(Static):
    _shown: Text | None = None

    def show(self, agenda: Agenda, pretend_today: bool, filter_text: str) -> None:
        line = day_line(agenda, pretend_today, filter_text)
        # Redraw only on a change: Textual repaints the box around everything that
        # changed in a frame, so a needless top line would repaint the whole board.
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)


def day_line(agenda: Agenda, pretend_today: bool, filter_text: str) -> Text:
    today: date = agenda.date
    line = Text()
    line.append(" searchboard ", "bold reverse")
    line.append(f"  {today:%a %d %b %Y}", "bold")
    if pretend_today:
        line.append(" (--today)", "dim")
    if agenda.holiday:
        line.append(f" · {agenda.holiday}, not a business day", "italic")
    elif not agenda.business_day:
        line.append(" · not a business day", "italic")
    else:
        line.append(" · business day", "dim")
    progress = agenda.keep_applying
    if progress is not None:
        last = days_ago(progress.last_applied, today) if progress.last_applied else "never"
        line.append("   Keep applying: ", "dim")
        style = "bold" if not progress.behind else "bold red"
        line.append(f"{progress.applied_this_week} of {progress.goal} this week", style)
        line.append(f" · last applied {last}", "dim")
        if progress.behind:
            line.append(" · behind pace", "red")
    if filter_text:
        line.append("   filter: ", "dim")
        line.append(filter_text, "bold")  # appended as plain text: never read as markup
    return line
