"""The board screen: header, agenda, a column per stage. It owns the state and passes
it down; widgets post messages up; every change goes through `change_app`."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from searchboard.domain.agenda import Agenda
from searchboard.domain.calendar import UnknownRegion
from searchboard.domain.model import Application, Event
from searchboard.domain.rules import with_item_snoozed
from searchboard.domain.settings import Settings
from searchboard.domain.snooze import snooze_words
from searchboard.domain.stages import (
    ACTIVE_STAGES,
    CLOSED_STAGES,
    EventKind,
    ItemKind,
    Stage,
    next_active_stage,
    parse_item_kind,
    previous_active_stage,
)
from searchboard.startup import resume_after_first_paint
from searchboard.storage.errors import DataFileError
from searchboard.tracker import Change, Tracker, move_to, unknown_saved_region
from searchboard.ui.agenda_panel import AgendaPanel
from searchboard.ui.board_state import BoardState
from searchboard.ui.column import StageColumn
from searchboard.ui.commands import BOARD_COMMANDS
from searchboard.ui.first_view import FirstView, read_state
from searchboard.ui.header import DayHeader
from searchboard.ui.keybar import KeyBar
from searchboard.ui.writer import OrderedWriter

# Forms, dialogs and the other screens are imported where first used, not here: the
# board's first paint should not wait for what only a key press needs. For the same
# reason the closed columns and the filter box are mounted when first shown.


def move_target(app: Application, direction: int) -> Stage | None:
    """Where L (+1) or H (-1) takes a card: the next or previous column; a closed card
    goes back (H) to the stage it was in before it closed, reopening it."""
    if app.stage.is_closed:
        return app.stage_before_closing if direction < 0 else None
    step = next_active_stage if direction > 0 else previous_active_stage
    return step(app.stage)


POLL_SECONDS = 1.5  # how often to look for changes made by another process
SNOOZE_BUSINESS_DAYS = 3  # the snooze form's suggestion
PAINT_WAIT_SECONDS = 0.2  # how long a save waits for the screen to show its change
# Narrower than this, columns keep this width and the board scrolls sideways. 22 lets
# the five active columns share a 120-column terminal (at 24 the last one was cut off).
MIN_COLUMN_WIDTH = 22


class BoardScreen(Screen[None]):
    # Textual repaints the whole screen when focus moves; a card move moves focus to
    # its new column, and a full repaint at that moment cost more than the move itself.
    # The widgets that gain and lose focus still restyle and repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    BINDINGS = [
        *(command.binding() for command in BOARD_COMMANDS),
        Binding("left,h", "column(-1)", "Left", show=False),
        Binding("right,l", "column(1)", "Right", show=False),
        Binding("tab", "switch_area", "Agenda or board", show=False),
    ]

    def __init__(
        self,
        tracker: Tracker,
        state: BoardState | None,
        pretend_today: bool,
        read_unread: Callable[[], list[Application]] | None = None,
        first_view: Callable[[], FirstView | None] | None = None,
    ) -> None:
        """`state` is what the board shows; or None, and `first_view` gives the first
        screen (see ui.first_view), waited for only when the screen is ready to show it."""
        super().__init__()
        self.tracker = tracker
        self.state: BoardState
        if state is not None:
            self.state = state
        self._receive_first_view = first_view
        # What the first screen shows, until the file is read (`state` holds its cards).
        self.first_view: FirstView | None = None
        # Reads the applications that `state` was built without (see BoardState).
        self._read_unread = read_unread
        # Another process's changes that `state` shows, counted as the store read them.
        self._outside_changes_shown = tracker.store.outside_changes_read
        self.pretend_today = pretend_today
        self.undo_stack: list[Change] = []
        self.selected_id: int | None = None
        self.writer: OrderedWriter | None = None
        self._pending: dict[int, int] = {}  # saves under way, per application
        # While saves of a card are under way, the card as the file last held it: shown
        # again if they fail, so the board never shows a change that was not saved.
        self._last_saved: dict[int, Application] = {}
        self._enabled_actions: tuple[bool | None, ...] = ()
        self._agenda_queued = False
        self._saves_in_flight = 0  # changes shown but not yet saved (nor on the undo stack)
        self._resumed = False

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield DayHeader(id="day-header")
        yield AgendaPanel(id="agenda")
        with Horizontal(id="board"):
            for stage in ACTIVE_STAGES:
                yield StageColumn(stage, self.tracker.today, id=f"column-{stage}")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        if self._receive_first_view is not None and not self._take_first_view():
            return
        loop = asyncio.get_running_loop()
        self.writer = OrderedWriter(loop.call_soon_threadsafe)
        agenda = self.refresh_all()
        panel = self.query_one(AgendaPanel)
        panel.display = agenda.needs_attention
        if panel.display and panel.highlighted_app_id is not None:
            panel.focus()
            self._select(panel.highlighted_app_id, focus=False)
        else:
            self._focus_first_card()
        self._update_footer(at_once=True)
        self._fit_columns()  # now, not after the first paint: it is drawn at its right width
        self.set_interval(POLL_SECONDS, self._poll_for_outside_changes)
        if self.first_view is not None:
            # (before the collector is back: reading the file makes ~100,000 objects)
            self.call_after_refresh(self.complete_first_view)
        else:
            self.call_after_refresh(self._read_the_rest)
        self.call_after_refresh(resume_after_first_paint)  # paused for start-up

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # (Before Screen's own handler.) The first time, every widget was styled a moment
        # ago, as it was mounted: restyling the whole screen again cost 5-10 ms before the
        # first paint. Later (back from a dialog, say) it restyles as Textual always does.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    # --- the first view, then every active application -------------------------------

    def _take_first_view(self) -> bool:
        """Waits for the first view (the child has worked on it while Textual was
        imported and this screen composed); without one, reads the file. False when it
        cannot be read: the board is stopping."""
        receive, self._receive_first_view = self._receive_first_view, None
        assert receive is not None
        view = receive()
        if view is not None:
            settings = view.settings
            self.state = BoardState.of_cards(
                view.cards(),
                self.tracker.today,
                settings,
                self.tracker.calendar(settings),
                unread_applied_dates=[],  # (not complete: the rest is read after the paint)
            )
            self.first_view = view
            return True
        try:
            self.state, self._read_unread = read_state(self.tracker)
        except (DataFileError, UnknownRegion) as error:
            # An empty board until it closes (a resize meanwhile still asks for one).
            settings = Settings()
            calendar = self.tracker.calendar(settings)
            self.state = BoardState.of_cards([], self.tracker.today, settings, calendar)
            self._stop_unreadable(error)
            return False
        return True

    def complete_first_view(self) -> None:
        """Reads the file and shows it in place of the first view (once). It runs after
        the first paint, and before any key or click is handled (see SearchboardApp):
        one pressed meanwhile waits for it, and then acts on every card."""
        if self.first_view is None:
            return
        self.first_view = None
        try:
            state, read_closed = read_state(self.tracker)
        except (DataFileError, UnknownRegion) as error:  # an entry the child did not read
            self._stop_unreadable(error)
            return
        self.state = state
        self._read_unread = read_closed
        self._outside_changes_shown = self.tracker.store.outside_changes_read
        self.refresh_all()  # the same screen, unless the file changed meanwhile
        self._update_footer()
        self._read_the_rest()

    # --- the applications read after the first paint ------------------------------------

    def _read_the_rest(self) -> None:
        """Reads the applications left out of the first paint, off the UI thread."""
        read, state = self._read_unread, self.state
        if read is None or state.complete:
            return
        assert self.writer is not None

        def done(apps: list[Application] | None, error: BaseException | None) -> None:
            if error is not None:
                self._stop_unreadable(error)
            elif apps is not None and self.state is state:
                self._add_the_rest(apps)

        self.writer.submit(read, done)

    def need_every_application(self) -> bool:
        """For what needs every application (closed cards, insights, the re-apply
        check) before the read after the first paint is done: reads them now. False
        when one cannot be read (the board is stopping): do nothing more."""
        self.complete_first_view()
        if self._read_unread is None or self.state.complete:
            return True
        try:
            apps = self._read_unread()
        except DataFileError as error:
            self._stop_unreadable(error)
            return False
        self._add_the_rest(apps)
        return True

    def _add_the_rest(self, apps: list[Application]) -> None:
        self.state.add_unread(apps)
        self._read_unread = None
        if self.state.show_closed:
            self.refresh_all()
        else:  # (redrawn only if the count read from the file's text was off)
            self._refresh_agenda()

    def _stop_unreadable(self, error: BaseException) -> None:
        """A damaged entry found after the first paint: stop, as on opening, touching nothing."""
        if isinstance(error, UnknownRegion):  # the saved setting (the CLI checked --country)
            message = unknown_saved_region(self.tracker.store.path, error)
        else:
            message = str(error)
        self.app.fatal_error = message  # type: ignore[attr-defined]
        self.app.exit(return_code=1)

    def _focus_first_card(self) -> None:
        for column in self.visible_columns():
            if column.cards:
                column.focus()
                column.cursor = 0
                return
        self.visible_columns()[0].focus()

    # --- state to widgets ---------------------------------------------------------------

    def column(self, stage: Stage) -> StageColumn:
        return self.query_one(f"#column-{stage}", StageColumn)

    def visible_columns(self) -> list[StageColumn]:
        return [self.column(stage) for stage in self.state.stages]

    def refresh_all(self, stages: set[Stage] | None = None) -> Agenda:
        """Redraws the columns in `stages` (all when None), the agenda and the header."""
        self._refresh_columns(stages)
        return self._refresh_agenda()

    def _refresh_columns(self, stages: set[Stage] | None) -> None:
        for stage in self.state.stages:
            if stages is None or stage in stages:
                view = self.first_view
                cards = view.columns[stage] if view else self.state.column(stage)
                self.column(stage).set_cards(cards)

    def _refresh_agenda(self) -> Agenda:
        self._agenda_queued = False
        view = self.first_view
        agenda = view.agenda if view else self.state.agenda()
        self.query_one(AgendaPanel).show(agenda, view.section_counts if view else None)
        self.query_one(DayHeader).show(agenda, self.pretend_today, self.state.filter_text)
        return agenda

    def _show_app(self, app: Application, previous: Application | None) -> None:
        """Shows a changed card: its columns in this frame, the rest in the next.

        Textual repaints the whole box around everything that changed in a frame; the
        agenda (at the top) and the key bar (at the bottom) changing with the columns
        would redraw the entire board before the moved card could show."""
        stages = {app.stage} | ({previous.stage} if previous else set())
        self.state.put(app)
        self._refresh_columns(stages)
        if not self._agenda_queued:
            self._agenda_queued = True
            self.call_after_refresh(self._refresh_agenda)

    # --- selection ----------------------------------------------------------------------

    @on(StageColumn.Highlighted)
    def _column_highlighted(self, event: StageColumn.Highlighted) -> None:
        if event.column.has_focus:
            self.selected_id = event.app_id
            self._update_footer()

    @on(AgendaPanel.OptionHighlighted, "#agenda")
    def _agenda_highlighted(self) -> None:
        panel = self.query_one(AgendaPanel)
        if not panel.has_focus:
            return  # the agenda redrew itself (after a change): the board keeps its card
        app_id = panel.highlighted_app_id
        if app_id is not None:
            self._select(app_id, focus=False)

    @on(AgendaPanel.OptionSelected, "#agenda")
    def _agenda_selected(self) -> None:
        app_id = self.query_one(AgendaPanel).highlighted_app_id
        if app_id is not None:
            self._select(app_id, focus=True)

    def _select(self, app_id: int, focus: bool) -> None:
        card = self.state.cards.get(app_id)
        if card is None or (card.app.stage.is_closed and not self.state.show_closed):
            return  # a card that just closed stays out of sight until `c`
        column = self.column(card.app.stage)
        column.select(app_id)
        self.selected_id = app_id
        if focus:
            column.focus()
        self.query_one("#board").scroll_to_widget(column, animate=False)
        self._update_footer()

    def selected_app(self) -> Application | None:
        card = self.state.cards.get(self.selected_id) if self.selected_id is not None else None
        return card.app if card else None

    def action_switch_area(self) -> None:
        """tab: from the agenda to the card it selected on the board, and back."""
        panel = self.query_one(AgendaPanel)
        if self.focused is panel or not panel.display:
            if isinstance(self.focused, StageColumn):
                self.focus_next()  # no agenda shown: tab walks the columns, as ever
            else:
                self._focus_selected_column()
        else:
            panel.focus()

    def _focus_selected_column(self) -> None:
        """Focuses the column of the selected card (the agenda's, say), else the first."""
        app = self.selected_app()
        if app is not None and self.column(app.stage) in self.visible_columns():
            self._select(app.id, focus=True)
        else:
            self._focus_first_card()

    def action_column(self, delta: int) -> None:
        columns = self.visible_columns()
        focused = self.focused
        if focused not in columns:  # from the agenda or the filter: to the selected card
            self._focus_selected_column()
            return
        index = columns.index(focused)  # type: ignore[arg-type]
        target = columns[max(0, min(len(columns) - 1, index + delta))]
        target.focus()
        self.query_one("#board").scroll_to_widget(target, animate=False)

    def _update_footer(self, at_once: bool = False) -> None:
        """Asks the footer to redraw only when some key became usable or unusable:
        redrawing it rebuilds every key, far too slow to do on each cursor move."""
        enabled = tuple(self.check_action(command.action, ()) for command in BOARD_COMMANDS)
        if enabled != self._enabled_actions:
            self._enabled_actions = enabled
            self.refresh_bindings()  # for the command palette and check_action
            if not at_once:  # after this frame, like the agenda (see _show_app)
                self.call_after_refresh(self._draw_key_bar)
        if at_once:
            self._draw_key_bar()

    def _draw_key_bar(self) -> None:
        self.query_one(KeyBar).show(self._enabled_actions)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_card = {
            "details",
            "move_next",
            "move_previous",
            "log_interview",
            "log_thank_you",
            "log_follow_up",
            "log_response",
            "outcome",
            "delete",
            "snooze",
            "draft",
        }
        if action in needs_card:
            app = self.selected_app()
            if app is None:
                return None
            if action == "move_next" and move_target(app, +1) is None:
                return None  # shown, dimmed: there is no stage after this one
            if action == "move_previous" and move_target(app, -1) is None:
                return None
            if action == "snooze" and not self.state.cards[app.id].items:
                return None  # nothing open on this card to snooze
        if action == "undo" and not (self.undo_stack or self._saves_in_flight):
            return None
        return True

    # --- changes ------------------------------------------------------------------------

    def change_app(
        self, app_id: int, transform: Callable[[Application], Application], description: str
    ) -> bool:
        """Shows the change at once, then saves it in order, applied to the file as it is.
        False when there was no such card or the change was refused (the user is told)."""
        card = self.state.cards.get(app_id)
        if card is None:
            return False
        try:
            changed = transform(card.app)
        except ValueError as error:
            self.notify(str(error), severity="error")
            return False
        self._show_app(changed, card.app)
        if self.selected_id == app_id:
            if changed.stage.is_closed and not self.state.show_closed:
                # Closed and hidden: the selection stays in the column it left.
                self.selected_id = self.column(card.app.stage).selected_id
                self._update_footer()
            else:
                self._select(app_id, focus=isinstance(self.focused, StageColumn))

        def job() -> Change:
            return self.tracker.modify(app_id, transform, description)

        self._save(app_id, job, saved_before=card.app)
        return True

    def _save(
        self,
        app_id: int | None,
        job: Callable[[], Change],
        saved_before: Application | None = None,
    ) -> None:
        assert self.writer is not None
        self._saves_in_flight += 1
        if app_id is not None:
            if not self._pending.get(app_id) and saved_before is not None:
                self._last_saved[app_id] = saved_before
            self._pending[app_id] = self._pending.get(app_id, 0) + 1

        def done(change: Change | None, error: BaseException | None) -> None:
            self._saves_in_flight -= 1
            if app_id is not None:
                self._pending[app_id] -= 1
            if error is not None or change is None:
                if app_id is not None and not self._pending[app_id]:
                    self._show_last_saved(app_id)
                self._save_failed(error)
                return
            if app_id is not None:
                if change.after is not None:
                    self._last_saved[app_id] = change.after
                if not self._pending[app_id]:
                    self._last_saved.pop(app_id, None)
            self.undo_stack.append(change)
            self._reconcile(change)

        # The save holds the GIL for a while (reading and writing the whole file): let
        # the frame that shows the change reach the terminal first. Queued at once, so
        # the order of saves and a flush on quit are as before; never waits long.
        painted = threading.Event()
        self.call_after_refresh(painted.set)

        def after_paint() -> Change:
            painted.wait(PAINT_WAIT_SECONDS)
            return job()

        self.writer.submit(after_paint, done)

    def _reconcile(self, change: Change) -> None:
        """Shows what was saved, once no other save of that card is still under way."""
        self._update_footer()  # undo may have become possible
        outside = self.tracker.store.outside_changes_read
        if outside != self._outside_changes_shown:
            # The save found (and kept) another process's change made just before it:
            # the file now matches what we last wrote, so the poll would never see it.
            self._outside_changes_shown = outside  # one read again is enough
            self._reload()
        if self._pending.get(change.app_id, 0):
            return
        shown = self.state.cards.get(change.app_id)
        shown_app = shown.app if shown else None
        if change.after == shown_app:
            return  # the file agrees with the screen: nothing to redraw
        if change.after is None:
            self.state.remove(change.app_id)
            self.refresh_all({change.before.stage} if change.before else None)
        else:
            self._show_app(change.after, shown_app)
        self._tell_open_screens()

    def _show_last_saved(self, app_id: int) -> None:
        """After failed saves of a card: the card as the file last held it."""
        saved = self._last_saved.pop(app_id, None)
        shown = self.state.cards.get(app_id)
        if saved is not None and shown is not None and shown.app != saved:
            self._show_app(saved, shown.app)
            self._tell_open_screens()

    def _save_failed(self, error: BaseException | None) -> None:
        self.notify(f"Not saved: {error}", severity="error", timeout=8)
        self._reload()

    def _reload(self) -> None:
        """Reads the file again and shows it (after a failed save, or another process's)."""
        assert self.writer is not None

        def job() -> BoardState:
            snapshot = self.tracker.snapshot()
            return self._state_for(snapshot.ordered())

        self.writer.submit(job, self._apply_state)

    def _state_for(self, applications: list[Application]) -> BoardState:
        self._outside_changes_shown = self.tracker.store.outside_changes_read
        settings = self.tracker.settings
        state = BoardState.build(
            applications, self.state.today, settings, self.tracker.calendar(settings)
        )
        state.filter_text = self.state.filter_text
        state.show_closed = self.state.show_closed
        return state

    def _apply_state(self, state: BoardState | None, error: BaseException | None) -> None:
        if error is not None:
            self.notify(f"Could not read the data file: {error}", severity="error", timeout=8)
            return
        if state is None:
            return
        self.state = state  # every application, read afresh
        self._read_unread = None
        self.refresh_all()
        self._update_footer()
        self._tell_open_screens()

    def _tell_open_screens(self) -> None:
        """Screens over the board that show a card (details) redraw it from the new state."""
        for screen in self.app.screen_stack:
            changed = getattr(screen, "board_changed", None)
            if screen is not self and callable(changed):
                changed()

    def _poll_for_outside_changes(self) -> None:
        if self.writer is None or self.writer.pending or self.first_view is not None:
            return

        def job() -> BoardState | None:
            if not self.tracker.store.changed_on_disk():
                return None
            return self._state_for(self.tracker.snapshot().ordered())

        self.writer.submit(job, self._apply_state)

    # --- actions --------------------------------------------------------------------------

    def action_move_next(self) -> None:
        self._move(+1)

    def action_move_previous(self) -> None:
        self._move(-1)

    def _move(self, direction: int) -> None:
        app = self.selected_app()
        if app is None:
            return
        target = move_target(app, direction)
        if target is None:
            return
        today = self.state.today
        focus_column = isinstance(self.focused, StageColumn)
        self.change_app(app.id, move_to(target, today), f"moved #{app.id} to {target}")
        if focus_column:
            self._select(app.id, focus=True)

    def _log(self, kind: EventKind, on: date, note: str | None = None, **extra: Any) -> None:
        app = self.selected_app()
        if app is None:
            return
        event = Event(kind, on, note=note, **extra)
        self.change_app(app.id, lambda a: a.with_event(event), f"logged {kind} on #{app.id}")
        self.notify(f"Logged {kind} for {app.company}", markup=False)

    def action_log_thank_you(self) -> None:
        self._log(EventKind.THANK_YOU, self.state.today)

    def action_log_follow_up(self) -> None:
        self._log(EventKind.FOLLOW_UP, self.state.today)

    def action_log_response(self) -> None:
        self._log(EventKind.RESPONSE, self.state.today)

    def action_log_interview(self) -> None:
        from searchboard.ui.forms import event_form

        app = self.selected_app()
        if app is None:
            return
        form = event_form(
            f"Interview with {app.company}",
            self.state.today,
            kind=str(EventKind.INTERVIEW),
            extra=("expect", "Decision expected by", None),
        )

        def logged(result: dict[str, Any] | None) -> None:
            if result is not None:
                self._log(
                    EventKind.INTERVIEW, result["on"], result["note"], expect=result["expect"]
                )

        self.app.push_screen(form, logged)

    def action_outcome(self) -> None:
        from searchboard.ui.dialogs import OutcomeChooser
        from searchboard.ui.forms import event_form

        app = self.selected_app()
        if app is None:
            return

        def chosen(outcome: Stage | None) -> None:
            if outcome is None:
                return
            if outcome is Stage.OFFER:
                form = event_form(
                    f"Offer from {app.company}",
                    self.state.today,
                    kind=str(EventKind.OFFER),
                    extra=("deadline", "Deadline to answer", None),
                )
                self.app.push_screen(form, lambda r: r and self._mark(app, outcome, r))
            else:
                self._mark(app, outcome, {"on": self.state.today, "deadline": None})

        self.app.push_screen(OutcomeChooser(app.company, app.stage), chosen)

    def _mark(self, app: Application, outcome: Stage, details: dict[str, Any]) -> None:
        on, deadline, note = details["on"], details.get("deadline"), details.get("note")
        self.change_app(
            app.id,
            lambda a: a.with_outcome(outcome, on, deadline=deadline, note=note),
            f"marked #{app.id} {outcome}",
        )
        self.notify(f"{app.company}: {outcome}", markup=False)

    def action_new(self) -> None:
        from searchboard.ui.forms import new_application_form

        def submitted(result: dict[str, Any] | None) -> None:
            if result is None:
                return
            fields = {k: result[k] for k in ("url", "location", "salary", "source", "notes")}
            job = lambda: self.tracker.add(  # noqa: E731
                result["company"], result["role"], result["stage"], result["on"], **fields
            )
            self._save(None, job)

        if not self.need_every_application():
            return
        apps = [card.app for card in self.state.cards.values()]

        def warning(company: str) -> str | None:
            from searchboard.domain.companies import reapply_warning

            return reapply_warning(apps, company, self.state.today)

        self.app.push_screen(new_application_form(self.state.today, warning), submitted)

    # --- snooze, email drafts, insights -----------------------------------------------------

    def action_snooze(self) -> None:
        from searchboard.ui.forms import snooze_form

        app = self.selected_app()
        card = self.state.cards.get(app.id) if app else None
        if app is None or card is None or not card.items:
            return
        kinds = tuple(dict.fromkeys(item.kind.spelled for item in card.items))
        agenda = self.query_one(AgendaPanel)
        kind = kinds[0]
        if self.focused is agenda and agenda.highlighted_kind is not None:
            highlighted = ItemKind(agenda.highlighted_kind).spelled
            kind = highlighted if highlighted in kinds else kind
        today = self.state.today
        until = self.state.calendar.add_business_days(today, SNOOZE_BUSINESS_DAYS)
        title = f"Snooze an item of {app.company} — {app.role}"

        def chosen(result: tuple[str, date] | None) -> None:
            if result is None:
                return
            item, day = parse_item_kind(result[0]), result[1]
            state = self.state

            def snoozed(a: Application) -> Application:
                return with_item_snoozed(a, item, day, state.calendar, state.settings, today)

            if self.change_app(app.id, snoozed, f"snoozed {item} on #{app.id}"):
                self.notify(f"{app.company}: {snooze_words(item, day, today)}", markup=False)

        self.app.push_screen(snooze_form(title, kinds, kind, today, until), chosen)

    def action_draft(self) -> None:
        app = self.selected_app()
        card = self.state.cards.get(app.id) if app else None
        if app is None or card is None:
            return
        from searchboard.drafts import DraftKind, draft
        from searchboard.ui.draft_screen import DraftScreen

        owes_thanks = any(item.kind is ItemKind.THANK_YOU for item in card.items)
        kind = DraftKind.THANK_YOU if owes_thanks else DraftKind.FOLLOW_UP
        today = self.state.today
        title = f"Email draft: {app.company} — {app.role}"
        self.app.push_screen(DraftScreen(title, kind, lambda k: draft(app, k, today=today)))

    def action_insights(self) -> None:
        from searchboard.domain.insights import compute_insights
        from searchboard.ui.insights_screen import InsightsScreen

        if not self.need_every_application():
            return
        apps = [card.app for card in self.state.cards.values()]
        state = self.state
        insights = compute_insights(apps, state.calendar, state.settings, state.today)
        self.app.push_screen(InsightsScreen(insights))

    def action_details(self) -> None:
        app = self.selected_app()
        if app is None:
            return
        from searchboard.ui.details import DetailsScreen

        self.app.push_screen(DetailsScreen(self, app.id))

    def action_delete(self) -> None:
        from searchboard.ui.dialogs import ConfirmDialog

        app = self.selected_app()
        if app is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            self.state.remove(app.id)
            self.refresh_all({app.stage})
            self.selected_id = self.column(app.stage).selected_id
            self._save(app.id, lambda: self.tracker.delete(app.id))
            self.notify(f"Deleted {app.company} (u undoes)", markup=False)

        question = f"Delete #{app.id} {app.company} — {app.role}? Its timeline goes too."
        self.app.push_screen(ConfirmDialog(question), confirmed)

    def action_undo(self) -> None:
        assert self.writer is not None
        if self._saves_in_flight:
            # A change the user just made joins the undo stack when its save is done:
            # undo after the saves under way, or `u` would undo the change before it.
            self.writer.submit(lambda: None, lambda _result, _error: self.action_undo())
            return
        if not self.undo_stack:
            self.notify("Nothing to undo")
            return
        change = self.undo_stack.pop()
        if change.before is None:
            self.state.remove(change.app_id)
            self.refresh_all()
        else:
            self._show_app(change.before, change.after)
        assert self.writer is not None
        app_id = change.app_id
        self._pending[app_id] = self._pending.get(app_id, 0) + 1

        def done(undone: Change | None, error: BaseException | None) -> None:
            self._pending[app_id] -= 1
            if error is not None or undone is None:
                self.notify(str(error), severity="error", timeout=8, markup=False)
                self._show_undo_refused(change)
                self._reload()
                return
            self._reconcile(undone)
            self.notify(undone.description, markup=False)

        self.writer.submit(lambda: self.tracker.undo(change), done)
        self._update_footer()

    def _show_undo_refused(self, change: Change) -> None:
        """An undo that was not saved: the card as it was before the undo was shown (the
        reload that follows corrects it, if the file can be read)."""
        if self._pending.get(change.app_id):
            return  # a later change of this card is on its way: it shows the card
        shown = self.state.cards.get(change.app_id)
        if change.after is None:
            if shown is not None:
                self.state.remove(change.app_id)
                self.refresh_all({shown.app.stage})
        elif shown is None or shown.app != change.after:
            self._show_app(change.after, shown.app if shown else None)

    def action_toggle_agenda(self) -> None:
        panel = self.query_one(AgendaPanel)
        panel.display = not panel.display
        if panel.display:
            panel.focus()
        elif self.selected_id is not None:
            self._select(self.selected_id, focus=True)
        else:
            self._focus_first_card()

    async def action_toggle_closed(self) -> None:
        if not self.need_every_application():
            return
        self.state.show_closed = not self.state.show_closed
        if self.state.show_closed and not self.query(f"#column-{CLOSED_STAGES[0]}"):
            today = self.state.today
            closed = [StageColumn(stage, today, id=f"column-{stage}") for stage in CLOSED_STAGES]
            await self.query_one("#board", Horizontal).mount_all(closed)
        for stage in CLOSED_STAGES:
            self.column(stage).display = self.state.show_closed
        self._fit_columns()
        self.refresh_all()
        # On a terminal too narrow for every column, bring the closed ones into view
        # (they are to the right): otherwise `c` would seem to do nothing.
        board = self.query_one("#board", Horizontal)
        if self.state.show_closed:  # (to the last: then all of them show, if they fit)
            last_closed = self.column(CLOSED_STAGES[-1])
            self.call_after_refresh(board.scroll_to_widget, last_closed, animate=False)
        else:
            board.scroll_home(animate=False)

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns share the width; when they would be too narrow, they keep a readable
        width and the board scrolls sideways instead."""
        count = len(self.state.stages)
        width = self.size.width or self.app.size.width  # (before the first layout: the terminal's)
        roomy = width // max(count, 1) >= MIN_COLUMN_WIDTH + 1
        for stage in self.state.stages:
            self.column(stage).styles.width = "1fr" if roomy else MIN_COLUMN_WIDTH

    def _filter_box(self) -> Input | None:
        """The filter box, once `/` has mounted it."""
        found = self.query("#filter").results(Input)
        return next(found, None)

    async def action_filter(self) -> None:
        box = self._filter_box()
        if box is None:
            hint = "filter: company, role, location, source, contact…"
            box = Input(placeholder=hint, id="filter")
            await self.mount(box, after="#day-header")
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.state.filter_text = event.value
        self.refresh_all()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.input.display = bool(event.value)
        self._focus_first_card()

    def on_key(self, event: Any) -> None:
        box = self._filter_box()
        # escape clears the filter: typing in it, or back on the cards after enter
        if event.key == "escape" and box is not None and (box.has_focus or box.value):
            event.stop()
            typing = box.has_focus
            box.value = ""
            box.display = False
            if typing:  # (on the cards, the selection stays where it is)
                self._focus_first_card()

    def action_help(self) -> None:
        from searchboard.ui.dialogs import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        await self.flush_saves()
        self.app.exit()

    async def flush_saves(self) -> None:
        """Waits for every queued save to reach the disk."""
        if self.writer is not None:
            await asyncio.get_running_loop().run_in_executor(None, self.writer.flush)

    # --- settings (from the palette) -------------------------------------------------------

    def apply_settings(self, changes: dict[str, str]) -> None:
        def job() -> BoardState:
            for key, value in changes.items():
                self.tracker.set_setting(key, value)
            return self._state_for(self.tracker.snapshot().ordered())

        def done(state: BoardState | None, error: BaseException | None) -> None:
            if error is not None:
                self.notify(f"Settings not saved: {error}", severity="error", markup=False)
                return
            self._apply_state(state, None)
            self.notify("Settings saved")

        assert self.writer is not None
        self.writer.submit(job, done)
