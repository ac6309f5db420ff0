"""The board's first screen, worked out by a child process while the board imports Textual.

Opening the board costs two things one after the other: importing Textual (a fixed
~130 ms) and reading the file (~50 ms at 2,000 applications, ~250 ms at 10,000). A child
forked before Textual is imported reads the file on the other core meanwhile and sends
back only what the first screen shows — each column's cards around where it will be
scrolled, every column's count, the agenda's shown items and its sections' sizes — a
few hundred objects, whatever the file's size. The board paints that, then reads the
file itself and takes its place before it handles a key (see BoardScreen). Only for a
file of FORK_FROM_BYTES or more: a smaller one is read faster than forking costs.

The child reads the data file and writes nothing but what the board would write on
reading it (the holiday cache, atomically, when it was missing); its output goes to
/dev/null, and it always ends with `os._exit`, so it never runs the parent's exit
handlers. Anything unexpected in it (no `fork` on this system, a file it cannot read, a
child too slow) leaves the board to read the file itself: before it starts when the child
has failed by the time Textual is imported, so a damaged file is refused before the board
opens; otherwise before the first paint, once its screen is composed, where a damaged
entry closes the board with the same message. A damaged entry the child's quick read
passed over is found by the board's full read just after the first paint, with the same
message. The first view is a head start, never a second source of truth.

Plain Python, no Textual: the child must not pay for importing it.
"""

from __future__ import annotations

import os
import pickle
import select
import shutil
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from searchboard.domain.agenda import SHOWN_PER_SECTION, Agenda, agenda_from_items
from searchboard.domain.rules import STAGES_WITH_ITEMS, open_items
from searchboard.domain.settings import Settings
from searchboard.domain.stages import ACTIVE_STAGES, CLOSED_STAGES, Stage
from searchboard.ui.board_state import BoardState, Card, make_card

if TYPE_CHECKING:
    from searchboard.domain.model import Application
    from searchboard.tracker import Tracker

# ui.column's (which imports Textual): a card's height on screen, with its gap.
CARD_HEIGHT = 5
# How long the board waits for the child before reading the file itself: a few seconds,
# and more for a bigger file (reading takes ~45 ms a megabyte; this is 20 times that).
WAIT_SECONDS = 5.0
WAIT_SECONDS_PER_MEGABYTE = 1.0
# Set to anything to open without a first view (to compare, or to rule it out).
OFF_SWITCH = "SEARCHBOARD_NO_FIRST_VIEW"
# A smaller file is read before the paint, as it always was: forking costs the board
# some 20 ms (the pages it then writes are copied from the child's, and the child takes
# the core that tmux and the terminal would have), more than it saves on a small file.
# Measured side by side (the bench's way): 200 applications (110 KB) opened 6 ms slower
# with a child, 1,000 (550 KB) 14 ms sooner and 2,000 (1.1 MB) 12 ms sooner.
FORK_FROM_BYTES = 300_000  # ~550 applications


@dataclass(frozen=True)
class FirstView:
    today: date
    settings: Settings
    # Each active column as long as it really is, holding only the cards that the first
    # screen can show (None elsewhere): the cursor and the scroll bar are as they will be.
    columns: dict[Stage, list[Card | None]]
    # The agenda with only its shown items; the sections' real sizes beside it.
    agenda: Agenda
    section_counts: dict[str, int]

    def cards(self) -> list[Card]:
        return [card for cards in self.columns.values() for card in cards if card is not None]


def work_out(state: BoardState, rows: int) -> FirstView:
    """The first view of `state` (every active application) on a terminal of `rows` lines."""
    columns = {stage: [card.app.id for card in state.column(stage)] for stage in ACTIVE_STAGES}
    return _view(
        state.today, state.settings, state.agenda(), columns, state.cards.__getitem__, rows
    )


def read_first_view(tracker: Tracker, rows: int) -> FirstView:
    """What `work_out(read_state(tracker)[0], rows)` gives, reading less (the child's
    path; a test holds the two equal): it skips `load`'s look at every entry, reads no
    wishlist card but those shown (they have no open items), and makes only the cards
    shown. At 10,000 applications that is a third less work."""
    snapshot = tracker.store.peek()
    today, settings = tracker.today, tracker.settings_in(snapshot)
    calendar = tracker.calendar(settings)
    # Every application that can have open items (all of them active), by id.
    waiting = snapshot.in_stages(STAGES_WITH_ITEMS)
    items = {app.id: tuple(open_items(app, calendar, settings, today)) for app in waiting}
    without_items = frozenset(ACTIVE_STAGES) - STAGES_WITH_ITEMS
    applied = [app.applied_on for app in waiting]
    applied += snapshot.applied_dates(without_items | frozenset(CLOSED_STAGES))
    # (Items in id order, then sorted stably by the agenda's key: the board's order.)
    every_item = [item for app in waiting for item in items[app.id]]
    agenda = agenda_from_items(every_item, applied, calendar, settings, today)
    by_id = {app.id: app for app in waiting}
    columns = {stage: snapshot.ids_in(frozenset({stage})) for stage in without_items}
    for app in waiting:
        columns.setdefault(app.stage, []).append(app.id)

    def card(app_id: int) -> Card:
        app = by_id.get(app_id) or snapshot.read(app_id)
        return make_card(app, calendar, settings, today, items.get(app_id, ()))

    return _view(today, settings, agenda, columns, card, rows)


def _view(
    today: date,
    settings: Settings,
    agenda: Agenda,
    columns: dict[Stage, list[int]],
    card: Callable[[int], Card],
    rows: int,
) -> FirstView:
    """The first view: the cards of `columns` (each one's ids in order) that can be on
    the first screen, made by `card`; the agenda's shown items and its sections' sizes."""
    sections = agenda.sections()
    shown = [item for items in sections.values() for item in items[:SHOWN_PER_SECTION]]
    # A column shows fewer cards than the terminal has lines; two spare on each side.
    window = rows // CARD_HEIGHT + 2
    # The agenda, when it comes first, selects its first item's card: that column opens
    # scrolled to it, its other columns at the top (see BoardScreen.on_mount).
    first = next((items[0] for items in sections.values() if items), None)
    selected = first.application.id if first and agenda.needs_attention else None
    kept_columns: dict[Stage, list[Card | None]] = {}
    for stage in ACTIVE_STAGES:
        ids = columns.get(stage, [])
        keep = set(range(min(window, len(ids))))
        if selected in ids:
            index = ids.index(selected)
            keep.update(range(max(index - window, 0), min(index + window, len(ids))))
        kept: list[Card | None] = [None] * len(ids)
        for index in keep:
            kept[index] = card(ids[index])
        kept_columns[stage] = kept
    return FirstView(
        today=today,
        settings=settings,
        columns=kept_columns,
        agenda=replace(agenda, items=tuple(shown)),
        section_counts={name: len(items) for name, items in sections.items()},
    )


def read_state(tracker: Tracker) -> tuple[BoardState, Callable[[], list[Application]]]:
    """The board's state for its first paint: the active applications, with only the
    applied dates of the closed ones (a third of a long search, hidden until `c`); and
    what reads the closed ones, after the paint."""
    snapshot = tracker.snapshot()
    settings = tracker.settings
    closed = frozenset(CLOSED_STAGES)  # (stages are strings: they match the documents')
    state = BoardState.build(
        snapshot.in_stages(frozenset(ACTIVE_STAGES)),
        tracker.today,
        settings,
        tracker.calendar(settings),
        unread_applied_dates=snapshot.applied_dates(closed),
    )
    return state, lambda: snapshot.in_stages(closed)


class PendingFirstView:
    """The child at work; `receive` waits for its first view (or says there is none)."""

    def __init__(self, pid: int, pipe: int, wait_seconds: float = WAIT_SECONDS) -> None:
        self._pid = pid
        self._pipe = pipe
        self._wait_seconds = wait_seconds
        self._status: int | None = None  # the child's exit status, once it is reaped
        self._received = False  # (once received, the pipe is closed and the child ours no more)

    def failed(self) -> bool:
        """Whether the child has already stopped without a first view (a file it could
        not read fails fast): then the board reads the file before it starts, and says
        what is wrong before it ever shows."""
        if self._received:
            return self._status not in (None, 0)
        if self._status is None:
            if not self._reap_if_gone():
                return False  # still at work
            if self._status != 0:
                os.close(self._pipe)  # (nothing will come: receive is not called)
        return self._status != 0

    def _reap_if_gone(self) -> bool:
        """Whether the child has exited, reaping it (its status in `_status`) if so."""
        try:
            pid, status = os.waitpid(self._pid, os.WNOHANG)
        except ChildProcessError:  # (not ours to wait for: nothing will come)
            self._status = -1
            return True
        if pid == 0:
            return False
        self._status = os.waitstatus_to_exitcode(status)
        return True

    def receive(self, timeout: float | None = None) -> FirstView | None:
        if self._received or self._status not in (None, 0):
            return None  # received already, or failed: its pipe is closed
        self._received = True
        chunks: list[bytes] = []
        deadline = time.monotonic() + (self._wait_seconds if timeout is None else timeout)
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._pipe], [], [], left)[0]:
                    if self._status is None:
                        os.kill(self._pid, signal.SIGKILL)  # too slow: the board reads it
                        self._status = _reap(self._pid)
                    return None
                chunk = os.read(self._pipe, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:
            if self._status is None:
                self._status = _reap(self._pid)
            return None
        finally:
            os.close(self._pipe)
        if self._status is None and not self._reap_if_gone():
            # It has sent the view and is still handing back its memory (4-7 ms at
            # 10,000 applications): a thread waits for it, the board need not.
            import threading  # (imported already by Textual: costs nothing here)

            threading.Thread(target=_reap, args=(self._pid,), daemon=True).start()
        if self._status not in (None, 0):
            return None
        try:
            # Our own child's bytes, just made. It writes them only once the view is
            # whole, and then exits: bytes that load are a view it finished.
            view = pickle.loads(b"".join(chunks))
        except Exception:
            return None
        return view if isinstance(view, FirstView) else None


def start(tracker: Tracker, from_bytes: int | None = None) -> PendingFirstView | None:
    """Forks the child that works out the first view; None where that cannot be done,
    or for a file under `from_bytes` (FORK_FROM_BYTES), read faster than it forks."""
    from_bytes = FORK_FROM_BYTES if from_bytes is None else from_bytes
    if not hasattr(os, "fork") or os.environ.get(OFF_SWITCH):
        return None
    try:
        size = tracker.store.path.stat().st_size
    except OSError:
        return None  # (no file yet: nothing to read)
    if size < from_bytes:
        return None
    rows = shutil.get_terminal_size((80, 60)).lines
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: never returns
        status = 1
        try:
            os.close(read_end)
            quiet = os.open(os.devnull, os.O_WRONLY)  # nothing of it can reach the terminal
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            sys.stdout = sys.stderr = os.fdopen(quiet, "w")  # (nor Python's own streams)
            data = pickle.dumps(read_first_view(tracker, rows), pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        except BaseException:  # anything at all: the parent reads the file itself
            pass
        finally:
            os._exit(status)
    os.close(write_end)
    wait = WAIT_SECONDS + WAIT_SECONDS_PER_MEGABYTE * size / 1_000_000
    return PendingFirstView(pid, read_end, wait)


def _reap(pid: int) -> int:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return -1
    return os.waitstatus_to_exitcode(status)
