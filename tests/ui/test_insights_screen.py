"""The insights screen: shown from an `Insights` value, closed with escape or q.

Five applications on the US calendar, today Tuesday 2026-11-24:
  #1 Acme    LinkedIn          applied 11-02, screening 11-04, interviewing 11-10, offer 11-20
  #2 Globex  linkedin          applied 11-09, ghosted 11-23
  #3 Hooli   [bold]Board[/]    applied 11-16, response 11-18
  #4 Initech [bold]Board[/]    applied 11-23
  #5 Wonka   (no source)       on the wishlist
So 4 sent; screening, interviewing and offer 1 each (#1); answered: #1, #3.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.app import App
from textual.widgets import DataTable
from textual_plotext import PlotextPlot

from searchboard.domain.insights import Insights, compute_insights
from searchboard.domain.model import Application, Event, new_application
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind, Stage
from searchboard.holiday_source import business_calendar
from searchboard.ui.insights_screen import InsightsScreen

D = date.fromisoformat
TODAY = D("2026-11-24")
SIZE = (120, 40)


def applications() -> list[Application]:
    acme = (
        new_application(1, "Acme", "SRE", Stage.APPLIED, D("2026-11-02"), source="LinkedIn")
        .moved_to(Stage.SCREENING, D("2026-11-04"))
        .moved_to(Stage.INTERVIEWING, D("2026-11-10"))
        .with_outcome(Stage.OFFER, D("2026-11-20"))
    )
    globex = new_application(
        2, "Globex", "SRE", Stage.APPLIED, D("2026-11-09"), source="linkedin"
    ).moved_to(Stage.GHOSTED, D("2026-11-23"))
    hooli = new_application(
        3, "Hooli", "SRE", Stage.APPLIED, D("2026-11-16"), source="[bold]Board[/]"
    ).with_event(Event(EventKind.RESPONSE, D("2026-11-18")))
    initech = new_application(
        4, "Initech", "SRE", Stage.APPLIED, D("2026-11-23"), source="[bold]Board[/]"
    )
    wonka = new_application(5, "Wonka", "SRE", Stage.WISHLIST, D("2026-11-20"))
    return [acme, globex, hooli, initech, wonka]


def insights_of(settings: Settings | None = None) -> Insights:
    calendar = business_calendar("US", None)
    return compute_insights(applications(), calendar, settings or Settings(), TODAY)


class InsightsApp(App[None]):
    """A bare app that opens the screen over its own default screen."""

    def __init__(self, insights: Insights) -> None:
        super().__init__()
        self.insights = insights

    def on_mount(self) -> None:
        self.push_screen(InsightsScreen(self.insights))


def table_rows(table: DataTable) -> list[list[str]]:
    return [[cell.plain for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_shows_the_funnel_rates_and_sources(plain_text) -> None:
    app = InsightsApp(insights_of())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)

        funnel = plain_text(screen.query_one("#insights-funnel")).splitlines()
        assert [line.split()[:2] for line in funnel] == [
            ["applied", "4"],
            ["screening", "1"],
            ["interviewing", "1"],
            ["offer", "1"],
            ["accepted", "0"],
        ]
        assert funnel[1].endswith("25% (1/4)")  # screening: 1 of the 4 sent
        assert funnel[4].endswith("0% (0/1)")  # accepted: none of the 1 offer

        rates = plain_text(screen.query_one("#insights-rates"))
        assert "50% (2 of 4) (only 4 — too few to tell)" in rates  # #1 and #3 answered
        assert "25% (1 of 4)" in rates  # #2 ghosted

        # LinkedIn and linkedin are one source; the markup-looking name is shown as typed.
        rows = table_rows(screen.query_one("#insights-sources", DataTable))
        assert [row[:4] for row in rows] == [
            ["[bold]Board[/]", "2", "0", "50% (1/2)"],  # as many as LinkedIn: by name
            ["LinkedIn", "2", "0", "50% (1/2)"],
            ["unknown", "0", "1", "—"],
        ]
        assert rows[0][7] == "2 (n=1)"  # #3: Mon 11-16 → Wed 11-18, 2 business days


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_plots_applications_per_week_against_the_goal(size: tuple[int, int]) -> None:
    app = InsightsApp(insights_of())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        plot = app.screen.query_one("#insights-weekly", PlotextPlot)
        # Beside the figures on a wide terminal, under them (scrolled to) on a small one.
        assert plot.size.width >= 40 and plot.size.height >= 14
        drawn = plot.render().plain
        assert "Applications per week, last 12 weeks" in drawn
        assert "goal 5" in drawn
        assert "23 Nov" in drawn  # this week is labelled


async def test_no_goal_line_when_keep_applying_is_off() -> None:
    app = InsightsApp(insights_of(Settings(keep_applying=False)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawn = app.screen.query_one("#insights-weekly", PlotextPlot).render().plain
        assert "Applications per week" in drawn
        assert "goal" not in drawn


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_or_q_closes_it(key: str) -> None:
    app = InsightsApp(insights_of())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, InsightsScreen)
        assert app.is_running
