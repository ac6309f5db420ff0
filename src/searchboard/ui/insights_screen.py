"""Insights: the funnel, the rates, applications per week against the goal, and the
same figures for each source.

Data down: the screen is handed an `Insights` value and never reads storage, so the
board decides when figures are worked out (and the screen is trivial to test).
Everything the user typed (a source's name) is shown as plain text, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual_plotext import PlotextPlot

from searchboard.domain.insights import FEW_APPLICATIONS, Figures, Insights, Median, Rate
from searchboard.domain.stages import Stage
from searchboard.insights_text import median_words, number, percent, rate_words

# The widest funnel bar, for the stage that every sent application reached.
_FUNNEL_BAR = 24
# Figures resting on fewer applications are dimmed: they are too few to tell.
_FEW_STYLE = "dim"


class InsightsScreen(Screen[None]):
    DEFAULT_CSS = """
    InsightsScreen #insights-title {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    InsightsScreen #insights-body {
        height: 1fr;
    }
    InsightsScreen #insights-top {
        height: auto;
        layout: horizontal;
    }
    InsightsScreen #insights-summary {
        width: 76;
        height: auto;
        padding: 0 1;
    }
    InsightsScreen #insights-weekly {
        width: 1fr;
        height: 18;
    }
    /* Too narrow for side by side: the chart goes under the figures. */
    InsightsScreen.-narrow #insights-top {
        layout: vertical;
    }
    InsightsScreen.-narrow #insights-summary, InsightsScreen.-narrow #insights-weekly {
        width: 100%;
    }
    InsightsScreen.-narrow #insights-weekly {
        height: 16;
        margin: 1 0 0 0;
    }
    InsightsScreen .insights-heading {
        text-style: bold;
        color: $accent;
        padding: 1 0 0 0;
    }
    InsightsScreen #insights-sources-title {
        padding: 1 1 0 1;
    }
    InsightsScreen #insights-sources {
        height: auto;
        margin: 0 1;
    }
    InsightsScreen #insights-note {
        color: $foreground 60%;
        padding: 0 1;
    }
    """

    BINDINGS = [Binding("escape,q", "close", "Back")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, insights: Insights) -> None:
        super().__init__()
        self.insights = insights

    def compose(self) -> ComposeResult:
        overall = self.insights.overall
        yield Static(
            Text(
                f"Insights on {self.insights.date:%A %d %B %Y} · {overall.applications}"
                f" applications: {overall.sent} sent, {overall.wishlist} not sent",
                style="bold",
            ),
            id="insights-title",
        )
        with VerticalScroll(id="insights-body"):
            with Container(id="insights-top"):
                with Vertical(id="insights-summary"):
                    yield Static("Funnel", classes="insights-heading")
                    yield Static(_funnel_text(overall), id="insights-funnel")
                    yield Static("Rates", classes="insights-heading")
                    yield Static(_rates_text(overall), id="insights-rates")
                yield PlotextPlot(id="insights-weekly")
            yield Static("By source", id="insights-sources-title", classes="insights-heading")
            yield DataTable(id="insights-sources", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Days are median business days (n: how many applications)."
                f" Dimmed: fewer than {FEW_APPLICATIONS} — too few to tell.",
                id="insights-note",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._fill_sources()
        self._draw_weeks()

    def _fill_sources(self) -> None:
        table = self.query_one("#insights-sources", DataTable)
        table.add_columns(
            "Source",
            "Sent",
            "Not sent",
            "Response",
            "Interviewing",
            "Offer",
            "Accepted",
            "To first contact",
            "Interview → decision",
            "Ghosted",
        )
        for entry in self.insights.by_source:
            figures = entry.figures
            style = _FEW_STYLE if figures.sent < FEW_APPLICATIONS else ""
            cells = [
                entry.source,
                str(figures.sent),
                str(figures.wishlist),
                _short_rate(figures.response_rate),
                str(figures.reached(Stage.INTERVIEWING)),
                str(figures.reached(Stage.OFFER)),
                str(figures.reached(Stage.ACCEPTED)),
                _short_median(figures.days_to_first_contact),
                _short_median(figures.days_interview_to_decision),
                _short_rate(figures.ghosted_share),
            ]
            # Text cells: a DataTable would read a plain string as markup.
            table.add_row(*(Text(cell, style=style) for cell in cells))

    def _draw_weeks(self) -> None:
        weeks = self.insights.overall.per_week
        goal = self.insights.weekly_goal
        plot = self.query_one("#insights-weekly", PlotextPlot)
        plt = plot.plt
        positions = list(range(1, len(weeks) + 1))
        counts = [week.count for week in weeks]
        plt.bar(positions, counts, width=0.6, label="sent")
        if goal:
            plt.plot([0.5, len(weeks) + 0.5], [goal, goal], marker="hd", label=f"goal {goal}")
        plt.title(f"Applications per week, last {len(weeks)} weeks")
        plt.xlim(0.5, len(weeks) + 0.5)
        top = max([*counts, goal or 0]) + 1
        plt.ylim(0, top)
        step = max(1, -(-top // 5))  # at most about five ticks, whole numbers
        plt.yticks(list(range(0, top + 1, step)))
        # Every third week is labelled, ending with this week's: plotext drops labels that
        # would collide, and a narrow terminal leaves room for only a few.
        labelled = positions[::-1][::3][::-1]
        plt.xticks(labelled, [f"{weeks[p - 1].start:%d %b}" for p in labelled])
        plot.refresh()

    def action_close(self) -> None:
        self.dismiss(None)


def _funnel_text(figures: Figures) -> Content:
    parts: list[str | tuple[str, str]] = []
    widest = max((step.count for step in figures.funnel), default=0)
    for step in figures.funnel:
        width = round(_FUNNEL_BAR * step.count / widest) if widest else 0
        parts += [(f"{step.stage:<13}", "bold"), f"{step.count:>4} "]
        parts += [("█" * width, "$accent"), " " * (_FUNNEL_BAR - width)]
        rate = step.conversion
        if rate is not None and rate.n:
            style = _FEW_STYLE if rate.rests_on_few else ""
            parts.append((f" {percent(rate)} ({rate.count}/{rate.n})", style))
        parts.append("\n")
    return Content.assemble(*parts[:-1])


def _rates_text(figures: Figures) -> Content:
    rows: list[tuple[str, str, bool]] = [
        ("Response rate", rate_words(figures.response_rate), figures.response_rate.rests_on_few),
        (
            "To first contact",
            median_words(figures.days_to_first_contact),
            figures.days_to_first_contact.rests_on_few,
        ),
        (
            "Interview → decision",
            median_words(figures.days_interview_to_decision),
            figures.days_interview_to_decision.rests_on_few,
        ),
        ("Ghosted", rate_words(figures.ghosted_share), figures.ghosted_share.rests_on_few),
    ]
    parts: list[str | tuple[str, str]] = []
    for label, words, few in rows:
        parts += [(f"{label:<22}", "bold"), (words, _FEW_STYLE if few else ""), "\n"]
    return Content.assemble(*parts[:-1])


def _short_rate(rate: Rate) -> str:
    return "—" if rate.n == 0 else f"{percent(rate)} ({rate.count}/{rate.n})"


def _short_median(median: Median) -> str:
    return "—" if median.value is None else f"{number(median.value)} (n={median.n})"
