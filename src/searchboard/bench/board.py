"""The board in a real terminal: how soon it shows cards, its peak memory, and a card's move.

The board and the bare app are started the same way (`python -m ...` in a new tmux
session), in turn, each after one warm-up run; a run's time is from asking tmux for the
session to the first capture that shows the cards (or the bare app's text). The peak
memory is read once the app has gone idle (by its CPU time), just before it is closed.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from searchboard.bench import HarnessError
from searchboard.bench.data import Workspace
from searchboard.bench.report import Row, Target, median
from searchboard.bench.terminal import Terminal
from searchboard.demo import COMPANIES

# From the issue; other sizes are measured for information.
OPEN_TARGETS = {2000: Target(times=1.3), 10000: Target(times=2)}
MEMORY_TARGETS = {10000: Target(times=2, plus=50)}
MOVE_TARGET = Target(at_most=50)  # SPEC §8: "in the same frame as the key press, whatever the size"

BARE_TEXT = "searchboard bench: a bare Textual app"
OPEN, MEMORY, MOVE = "board open, first paint", "board peak memory", "card move (L/H)"


@dataclass(frozen=True)
class AppUnderTest:
    label: str
    command: list[str]
    painted: Callable[[str], bool]


# A card's first line: a demo company (maybe numbered, "Globex 3"), then its "#id".
_CARD_TOP = re.compile(rf"(?:{'|'.join(map(re.escape, COMPANIES))})(?: \d+)?\s+#\d+")


def board_app(work: Workspace, size: int) -> AppUnderTest:
    command = [sys.executable, "-m", "searchboard", "--db", str(work.board_file(size))]
    command += ["--today", work.today.isoformat()]
    return AppUnderTest("the board", command, lambda screen: bool(_CARD_TOP.search(screen)))


def bare_app() -> AppUnderTest:
    command = [sys.executable, "-m", "searchboard.bench.bare_app", BARE_TEXT]
    return AppUnderTest("the bare app", command, lambda screen: BARE_TEXT in screen)


@dataclass(frozen=True)
class Opening:
    ms: float
    peak_mb: float


def open_once(terminal: Terminal, app: AppUnderTest) -> Opening:
    started = time.perf_counter()
    pane = terminal.start(app.label, app.command)
    try:
        seen, _ = pane.wait_for(app.painted, "first paint")
        pane.wait_until_idle()  # any start-up work after the first paint counts for memory
        peak = pane.peak_memory_mb()
    finally:
        pane.close()
    return Opening((seen - started) * 1000, peak)


def bench_open(
    terminal: Terminal, work: Workspace, size: int, runs: int, progress: Callable[[str], None]
) -> tuple[Row, Row]:
    """The board's open time and peak memory, each beside the bare app's."""
    board, bare = board_app(work, size), bare_app()
    open_once(terminal, bare)  # warm-up: bytecode, page cache, the holiday cache
    open_once(terminal, board)
    boards: list[Opening] = []
    bares: list[Opening] = []
    for run in range(runs):
        progress(f"board open, {size:,}: run {run + 1}/{runs}")
        bares.append(open_once(terminal, bare))
        boards.append(open_once(terminal, board))
    opened = Row(
        OPEN,
        size,
        "ms",
        measured=median(o.ms for o in boards),
        baseline=median(o.ms for o in bares),
        baseline_name="bare app",
        target=OPEN_TARGETS.get(size),
        runs=runs,
    )
    memory = Row(
        MEMORY,
        size,
        "MB",
        measured=median(o.peak_mb for o in boards),
        baseline=median(o.peak_mb for o in bares),
        baseline_name="bare app",
        target=MEMORY_TARGETS.get(size),
        runs=runs,
    )
    return opened, memory


def bench_move(
    terminal: Terminal, work: Workspace, size: int, moves: int, progress: Callable[[str], None]
) -> Row:
    """From `send-keys` to the first capture that differs, pressing L and H in turn.

    Before the next key the move's save must have reached the file, the board must have
    stopped working (by its CPU time) and the screen must be still: each move is timed on
    a quiet board.
    """
    board = board_app(work, size)
    data = work.board_file(size)
    pane = terminal.start(board.label, board.command)
    latencies: list[float] = []
    try:
        pane.wait_for(board.painted, "first paint")
        pane.wait_until_idle()
        screen = pane.wait_until_still()
        for move in range(moves):
            progress(f"card move, {size:,}: {move + 1}/{moves}")
            key = "L" if move % 2 == 0 else "H"
            saved_before = _signature(data)
            sent = time.perf_counter()
            pane.send(key)
            seen, _ = pane.wait_for(_differs_from(screen), f"a change after {key}", timeout=10)
            latencies.append((seen - sent) * 1000)
            _wait_for_save(data, saved_before)
            pane.wait_until_idle()
            screen = pane.wait_until_still()
    finally:
        pane.close()
    return Row(MOVE, size, "ms", measured=median(latencies), target=MOVE_TARGET, runs=moves)


def _differs_from(before: str) -> Callable[[str], bool]:
    return lambda screen: screen != before


def _signature(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _wait_for_save(path: Path, before: tuple[int, int, int], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while _signature(path) == before:
        if time.perf_counter() > deadline:
            raise HarnessError(f"the board did not save a move to {path} within {timeout:g}s")
        time.sleep(0.01)
