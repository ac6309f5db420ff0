"""The board's ordered writer: saves run off the UI thread, in order, none dropped,
all on disk once flushed; and a crash in the middle of them loses nothing acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from searchboard.cli.parser import build_parser
from searchboard.domain.stages import EventKind
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui.app import SearchboardApp
from searchboard.ui.launch import launch_board
from searchboard.ui.writer import OrderedWriter

TODAY = date(2026, 11, 24)


def _inline(callback) -> None:  # deliver results on the writer thread itself, for these tests
    callback()


def test_jobs_run_in_the_order_submitted_and_flush_waits_for_them() -> None:
    ran: list[int] = []
    writer = OrderedWriter(_inline)
    for n in range(200):
        writer.submit(lambda n=n: (time.sleep(0.0005), ran.append(n)), None)
    assert writer.flush(timeout=10)
    assert ran == list(range(200))
    writer.close()


def test_the_ui_thread_is_not_blocked_while_a_save_runs() -> None:
    release = threading.Event()
    writer = OrderedWriter(_inline)
    started = time.perf_counter()
    writer.submit(release.wait, None)
    assert time.perf_counter() - started < 0.05  # submit returns at once
    release.set()
    assert writer.close(timeout=5)


def test_an_error_is_reported_and_later_jobs_still_run() -> None:
    outcomes: list[tuple[object, object]] = []
    writer = OrderedWriter(_inline)

    def broken() -> None:
        raise ValueError("disk full")

    writer.submit(broken, lambda result, error: outcomes.append((result, error)))
    writer.submit(lambda: 42, lambda result, error: outcomes.append((result, error)))
    writer.flush(timeout=5)
    assert isinstance(outcomes[0][1], ValueError)
    assert outcomes[1] == (42, None)


def test_saves_queued_through_the_writer_are_on_disk_in_order(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    tracker = Tracker(Store(path), TODAY)
    app_id = tracker.add("Acme", "Dev").app_id
    writer = OrderedWriter(_inline)
    notes = [f"note {n}" for n in range(30)]
    for note in notes:
        writer.submit(lambda note=note: tracker.log(app_id, EventKind.NOTE, note=note), None)
    assert writer.close(timeout=30)
    saved = Store(path).load().applications[app_id]
    assert [e.note for e in saved.events if e.kind is EventKind.NOTE] == notes


_CHILD = """
import sys
from datetime import date
from searchboard.domain.stages import EventKind
from searchboard.storage import Store
from searchboard.tracker import Tracker
from searchboard.ui.writer import OrderedWriter

tracker = Tracker(Store(sys.argv[1]), date(2026, 11, 24))

def acknowledge(change, error):
    if error is None:
        print(change.after.events[-1].note, flush=True)

writer = OrderedWriter(lambda callback: callback())
for n in range(100000):
    writer.submit(lambda n=n: tracker.log(1, EventKind.NOTE, note=f"n{n}"), acknowledge)
    if n % 20 == 0:
        writer.flush()
"""


def test_a_crash_during_queued_saves_keeps_every_acknowledged_one(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    store = Store(path)
    tracker = Tracker(store, TODAY)
    tracker.add("Acme", "Dev")
    with store.transaction() as tx:  # a large file, so saves take a while
        original = tx.get(1)
        for n in range(1200):
            tx.put(replace(original, id=tx.allocate_id(), company=f"Company {n}"))
    for attempt in range(2):
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ},
        )
        time.sleep(1.0 + attempt * 0.37)
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        acknowledged = [line for line in out.splitlines() if line.startswith("n")]
        saved = Store(path).load().applications[1]
        notes = {event.note for event in saved.events}
        assert acknowledged, "the child saved nothing before it was killed"
        assert set(acknowledged) <= notes


def test_saves_still_queued_when_the_board_ends_abruptly_reach_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting waits for the saves; a crash inside the app (or a closed terminal) does
    not pass through quit, so the launcher empties the queue itself before exiting."""
    db = tmp_path / "db.json"
    Tracker(Store(db), TODAY).add("Acme", "Data Engineer", on=TODAY)

    def crash_with_a_save_queued(app: SearchboardApp) -> None:
        app.board.writer = OrderedWriter(_inline)

        def slow_save() -> None:
            time.sleep(0.3)
            app.tracker.log(1, EventKind.FOLLOW_UP, TODAY)

        app.board.writer.submit(slow_save, None)
        raise RuntimeError("the terminal went away")

    monkeypatch.setattr(SearchboardApp, "run", crash_with_a_save_queued)
    args = build_parser().parse_args(["--db", str(db), "--today", TODAY.isoformat()])
    with pytest.raises(RuntimeError):
        launch_board(args)
    events = Store(db).load().applications[1].events
    assert [e.kind for e in events][-1] is EventKind.FOLLOW_UP


def test_a_board_that_crashes_exits_with_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual catches an error inside the app, shows it and returns from run(): the
    command must still exit 1, not 0, and the data file stays as it was."""
    from searchboard.ui.board import BoardScreen

    db = tmp_path / "db.json"
    Tracker(Store(db), TODAY).add("Acme", "Data Engineer", on=TODAY)
    before = db.read_bytes()

    def broken(self: BoardScreen) -> None:
        raise RuntimeError("a bug")

    real_run = SearchboardApp.run
    monkeypatch.setattr(BoardScreen, "on_mount", broken)
    monkeypatch.setattr(SearchboardApp, "run", lambda app: real_run(app, headless=True))
    args = build_parser().parse_args(["--db", str(db), "--today", TODAY.isoformat()])
    assert launch_board(args) == 1
    assert db.read_bytes() == before
