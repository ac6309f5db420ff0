"""The Textual application: the board screen, the palette's commands, and quitting safely."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from searchboard.tracker import Tracker
from searchboard.ui.board import BoardScreen
from searchboard.ui.commands import BOARD_COMMANDS
from searchboard.ui.first_view import FirstView, read_state


class SearchboardApp(App[None]):
    CSS_PATH = "searchboard.tcss"
    TITLE = "searchboard"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        tracker: Tracker,
        pretend_today: bool = False,
        first_view: Callable[[], FirstView | None] | None = None,
    ) -> None:
        """`first_view`, when given, gives what the first screen shows, worked out while
        the board started (see ui.first_view); the board reads the file after showing it."""
        super().__init__()
        self.tracker = tracker
        self.pretend_today = pretend_today
        self.fatal_error: str | None = None  # why the board stopped, told after it closes
        if first_view is not None:  # (the board waits for it when it is ready to show it)
            self.board = BoardScreen(tracker, None, pretend_today, first_view=first_view)
        else:
            state, read_closed = read_state(tracker)
            self.board = BoardScreen(tracker, state, pretend_today, read_closed)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and self.board.first_view is not None:
            self.board.complete_first_view()  # a key acts on every card, not on a first view
        await super().on_event(event)

    def get_default_screen(self) -> Screen:
        # The board is the first screen itself: pushing it over Textual's blank default
        # screen cost a second full layout and paint before the cards showed.
        return self.board

    async def action_quit(self) -> None:
        for screen in self.screen_stack:  # what is typed in an open card's fields is kept
            save_fields = getattr(screen, "save_fields", None)
            if callable(save_fields):
                save_fields()
        await self.board.flush_saves()
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if screen is not self.board:  # (self.screen is the palette itself while it is open)
            return
        for command in BOARD_COMMANDS:
            if command.action == "quit":
                continue
            if self.board.check_action(command.action, ()) is True:
                yield SystemCommand(
                    f"{command.description} ({command.keys_for_people})",
                    command.help,
                    partial(self.board.run_action, command.action),
                )
        yield SystemCommand(
            "Settings", "Country, holidays, days off, goal, thresholds", self.open_settings
        )
        yield SystemCommand(
            "Export JSON",
            "Write all data to a JSON file in this folder",
            partial(self.export, "json"),
        )
        yield SystemCommand(
            "Export calendar (.ics)",
            "Interviews, thank-you notes, follow-ups and offer deadlines, for your calendar app",
            self.export_calendar,
        )
        yield SystemCommand(
            "Export CSV",
            "Write all applications to a CSV file in this folder",
            partial(self.export, "csv"),
        )

    def export_calendar(self) -> None:
        """Writes the upcoming interviews and due items as an .ics file in this folder;
        the same file again, imported again, updates the events rather than doubling them."""
        from searchboard.calendar_export import calendar_entries, render_ics

        def job() -> tuple[Path, int]:
            settings = self.tracker.settings
            calendar = self.tracker.calendar(settings)
            apps = self.tracker.snapshot().ordered()
            entries = calendar_entries(apps, calendar, settings, self.tracker.today)
            path = Path.cwd() / "searchboard.ics"
            path.write_bytes(render_ics(entries, self.tracker.today))
            return path, len(entries)

        def done(result: tuple[Path, int] | None, error: BaseException | None) -> None:
            if error is not None or result is None:
                self.notify(f"Calendar export failed: {error}", severity="error", markup=False)
            else:
                path, count = result
                self.notify(f"{count} events written to {path}", markup=False)

        assert self.board.writer is not None
        self.board.writer.submit(job, done)

    def open_settings(self) -> None:
        from searchboard.ui.settings_screen import settings_form

        def chosen(changes: dict[str, str] | None) -> None:
            if changes:
                self.board.apply_settings(changes)

        self.push_screen(settings_form(self.tracker.settings), chosen)

    def export(self, kind: str) -> None:
        from searchboard import interchange
        from searchboard.storage import SCHEMA_VERSION

        def job() -> Path:
            snapshot = self.tracker.snapshot()
            apps = snapshot.ordered()
            name = f"searchboard-export-{self.tracker.today}.{kind}"
            path = Path.cwd() / name
            if kind == "csv":
                text = interchange.export_csv(apps, self.tracker.today)
            else:
                text = interchange.export_json(SCHEMA_VERSION, snapshot.settings, apps)
            path.write_text(text, encoding="utf-8")
            return path

        def done(path: Path | None, error: BaseException | None) -> None:
            if error is not None:
                self.notify(f"Export failed: {error}", severity="error", markup=False)
            else:
                self.notify(f"Exported to {path}", markup=False)

        assert self.board.writer is not None
        self.board.writer.submit(job, done)
