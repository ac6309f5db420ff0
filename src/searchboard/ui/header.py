"""The top line: the date, whether it is a business day, and keep-applying progress."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from searchboard.domain.agenda import Agenda
from searchboard.wording import days_ago

# What a narrow line leaves out, in turn, until it fits: the date of the last
# application, the year, the app's name, the "(--today)" reminder, then the words
# "not a business day" after a holiday's name (a holiday says it); then it is written
# tighter ("1/5" for "1 of 5"), and last the holiday's name goes. Whether you are behind
# pace, and your filter, always stay.
_LEAVE_OUT_IN_TURN = (
    "last applied", "year", "name", "pretend", "closed words", "room", "holiday name",
)  # fmt: skip
_SHORTER: tuple[frozenset[str], ...] = tuple(
    frozenset(_LEAVE_OUT_IN_TURN[:n]) for n in range(len(_LEAVE_OUT_IN_TURN) + 1)
)


class DayHeader(Static):
    _shown: Text | None = None
    _showing: tuple[Agenda, bool, str] | None = None

    def show(self, agenda: Agenda, pretend_today: bool, filter_text: str) -> None:
        self._showing = (agenda, pretend_today, filter_text)
        # (Before the first layout its width is the terminal's: the first paint fits too.)
        width = self.size.width or self.app.size.width or None
        line = day_line(agenda, pretend_today, filter_text, width=width)
        # Redraw only on a change: Textual repaints the box around everything that
        # changed in a frame, so a needless top line would repaint the whole board.
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)

    def on_resize(self) -> None:
        if self._showing is not None:  # what fits depends on the width
            self.show(*self._showing)


def day_line(
    agenda: Agenda, pretend_today: bool, filter_text: str, width: int | None = None
) -> Text:
    """The line, shortened (see _SHORTER) when `width` is given and it would not fit."""
    for leave_out in _SHORTER:
        line = _line(agenda, pretend_today, filter_text, leave_out)
        if width is None or line.cell_len <= width:
            break
    return line


def _line(agenda: Agenda, pretend_today: bool, filter_text: str, leave_out: frozenset[str]) -> Text:
    today: date = agenda.date
    line = Text()
    if "name" not in leave_out:
        line.append(" searchboard ", "bold reverse")
        line.append("  ")
    else:
        line.append(" ")
    line.append(f"{today:%a %d %b}" if "year" in leave_out else f"{today:%a %d %b %Y}", "bold")
    if pretend_today and "pretend" not in leave_out:
        line.append(" (--today)", "dim")
    if agenda.holiday and "holiday name" in leave_out:
        line.append(" · holiday", "italic")
    elif agenda.holiday and "closed words" in leave_out:
        line.append(f" · {agenda.holiday}", "italic")
    elif agenda.holiday:
        line.append(f" · {agenda.holiday}, not a business day", "italic")
    elif not agenda.business_day:
        line.append(" · not a business day", "italic")
    else:
        line.append(" · business day", "dim")
    gap = "  " if "room" in leave_out else "   "
    progress = agenda.keep_applying
    if progress is not None:
        line.append(f"{gap}Keep applying: ", "dim")
        style = "bold" if not progress.behind else "bold red"
        of = "/" if "room" in leave_out else " of "
        line.append(f"{progress.applied_this_week}{of}{progress.goal} this week", style)
        if progress.behind:
            line.append(" · behind pace", "red")
        if "last applied" not in leave_out:
            last = days_ago(progress.last_applied, today) if progress.last_applied else "never"
            line.append(f" · last applied {last}", "dim")
    if filter_text:
        line.append(f"{gap}filter: ", "dim")
        line.append(filter_text, "bold")  # appended as plain text: never read as markup
    return line
