"""searchboard's speed benchmark (SPEC §8), side by side with its baselines in one run.

Run it from the project's virtualenv:

    python -m searchboard.bench                      # all of it: 200, 2,000 and 10,000 applications
    python -m searchboard.bench --sizes 2000 --runs 5
    python -m searchboard.bench --only today         # or open, move, memory
    python -m searchboard.bench --json > bench.json  # JSON on stdout, the table on stderr

It needs tmux for the board (open, memory, move) and taskwarrior's `task` for the
`today` baseline; without one, those rows say "skipped". What it measures:

- today --json: `python -m searchboard today --json` against `task next` on as many tasks,
  as it answers again and again (from its cache), and as it answers after a change.
- board open, first paint: from asking tmux for a session to the first screen that shows
  a card, against a bare Textual app that paints one Static, started the same way.
- board peak memory: VmHWM of the board against the bare app's, once each has gone idle.
- card move (L/H): from `tmux send-keys` to the first screen that differs, on a quiet board.

Every figure is a median; the table gives each target and whether it was met. The exit
status is 0 whether or not the targets are met (this is a report), 1 when the benchmark
itself could not measure, 2 for bad options. Progress goes to stderr. The data (made by
`searchboard.demo`) and every cache live in a temporary folder, deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from searchboard.bench import HarnessError
from searchboard.bench.board import MEMORY, MOVE, OPEN, bench_move, bench_open
from searchboard.bench.data import Workspace
from searchboard.bench.report import Row, as_json, table
from searchboard.bench.terminal import Terminal
from searchboard.bench.today import bench_today

DEFAULT_RUNS = {"today": 10, "open": 7, "move": 10}
PARTS = ("today", "open", "move", "memory")
_BOARD_PARTS = (("open", OPEN), ("memory", MEMORY), ("move", MOVE))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    parts = {args.only} if args.only else set(PARTS)
    load = os.getloadavg()[0]
    _warn_if_busy(load)
    _compile_searchboard()
    try:
        with tempfile.TemporaryDirectory(prefix="searchboard-bench-") as folder:
            work = Workspace(Path(folder), date.today())
            rows = _run(work, args.sizes, parts, args.runs)
    except HarnessError as error:
        print(f"searchboard.bench: could not measure: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(table(rows), file=sys.stderr)
        print(as_json(rows, _settings(args, load)))
    else:
        print(table(rows))
    return 0


def _run(work: Workspace, sizes: list[int], parts: set[str], runs: int | None) -> list[Row]:
    rows: list[Row] = []
    for size in sizes:
        _progress(f"writing {size:,} applications")
        work.board_file(size)
        if "today" in parts:
            rows.extend(bench_today(work, size, runs or DEFAULT_RUNS["today"], _progress))
        if parts & {"open", "memory", "move"}:
            rows += _board_rows(work, size, parts, runs)
    return rows


def _board_rows(work: Workspace, size: int, parts: set[str], runs: int | None) -> list[Row]:
    wanted = [what for part, what in _BOARD_PARTS if part in parts]
    if shutil.which("tmux") is None:
        skipped = "skipped: tmux not installed"
        return [
            Row(what, size, "MB" if what == MEMORY else "ms", skipped=skipped) for what in wanted
        ]
    rows: list[Row] = []
    with Terminal(work.env) as terminal:
        if parts & {"open", "memory"}:
            opened, memory = bench_open(
                terminal, work, size, runs or DEFAULT_RUNS["open"], _progress
            )
            rows += [row for row in (opened, memory) if row.what in wanted]
        if "move" in parts:
            rows.append(bench_move(terminal, work, size, runs or DEFAULT_RUNS["move"], _progress))
    return rows


def _compile_searchboard() -> None:
    """Byte-compiles searchboard, as installing it does (pip compiles what it installs),
    like the Textual it is compared with: a source checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every start."""
    import compileall

    import searchboard

    folder = Path(searchboard.__file__).parent
    if not compileall.compile_dir(folder, quiet=1, workers=1):
        _progress(f"note: could not byte-compile {folder}; its start-up is timed with compiling")


def _warn_if_busy(load: float) -> None:
    cpus = len(os.sched_getaffinity(0))
    if load > cpus / 2:
        print(
            f"note: load average {load:.1f} on {cpus} CPUs before the run; other work on this "
            "machine makes the figures noisy (the ratios, measured in turn, less so)",
            file=sys.stderr,
        )


def _progress(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be whole numbers above 0")
    return sizes


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number above 0: {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m searchboard.bench",
        description="Time the board, `today` and a card move beside a bare Textual app "
        "and taskwarrior.",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[200, 2000, 10000],
        help="applications on file (200,2000,10000)",
    )
    parser.add_argument(
        "--runs", type=_positive, help="runs (or moves) for each median; default 10, 7, 10"
    )
    parser.add_argument("--only", choices=PARTS, help="measure one thing")
    parser.add_argument("--json", action="store_true", help="results as JSON on stdout")
    return parser


def _settings(args: argparse.Namespace, load: float) -> dict[str, object]:
    from importlib.metadata import version

    return {
        "sizes": args.sizes,
        "runs": args.runs or DEFAULT_RUNS,
        "only": args.only,
        "python": platform.python_version(),
        "textual": version("textual"),
        "task": _version(["task", "--version"]),
        "tmux": _version(["tmux", "-V"]),
        "cpus": len(os.sched_getaffinity(0)),
        "load_average_before": round(load, 2),
        "machine": platform.platform(),
    }


def _version(command: list[str]) -> str | None:
    if shutil.which(command[0]) is None:
        return None
    return subprocess.run(command, capture_output=True, text=True).stdout.strip() or None


if __name__ == "__main__":
    sys.exit(main())
