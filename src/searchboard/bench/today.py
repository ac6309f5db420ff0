"""`searchboard today --json` against taskwarrior's `task next` on as many tasks.

Both are warmed once (the first `today` also fills the holiday cache), then timed in
turn, interleaved, from the start of the process to its exit, output to /dev/null.
`today` keeps its answer until the data file changes (a shell start-up file asks many
times a day); a second row times it with that answer thrown away before each run, as
on the first `today` after a change.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from searchboard.bench import HarnessError
from searchboard.bench.data import Workspace
from searchboard.bench.report import Row, Target, median

WHAT = "today --json"
WHAT_AFTER_CHANGE = "today --json, after a change"
TODAY_TARGETS = {2000: Target(times=3)}  # from the issue: ≤ 3× `task next`, 2,000 applications


def bench_today(
    work: Workspace, size: int, runs: int, progress: Callable[[str], None]
) -> list[Row]:
    if shutil.which("task") is None:
        skipped = "skipped: taskwarrior not installed"
        return [Row(what, size, "ms", skipped=skipped) for what in (WHAT, WHAT_AFTER_CHANGE)]
    ours = [sys.executable, "-m", "searchboard", "--db", str(work.board_file(size))]
    ours += ["--today", work.today.isoformat(), "today", "--json"]
    theirs = ["task", "next"]
    task_env = work.taskwarrior_env(size)
    json.loads(_run(ours, work.env))  # the warm-up run, and a check that it answers
    if not _run(theirs, task_env).strip():
        raise HarnessError("`task next` printed nothing")
    answers = Path(work.env["SEARCHBOARD_CACHE_DIR"]) / "today"
    cached: list[float] = []
    fresh: list[float] = []
    theirs_times: list[float] = []
    for run in range(runs):
        progress(f"today --json, {size:,}: run {run + 1}/{runs}")
        cached.append(_timed(ours, work.env))
        theirs_times.append(_timed(theirs, task_env))
        shutil.rmtree(answers, ignore_errors=True)  # as if the data file had just changed
        fresh.append(_timed(ours, work.env))
    baseline = median(theirs_times)
    return [
        Row(
            WHAT,
            size,
            "ms",
            measured=median(cached),
            baseline=baseline,
            baseline_name="task next",
            target=TODAY_TARGETS.get(size),
            runs=runs,
        ),
        Row(
            WHAT_AFTER_CHANGE,
            size,
            "ms",
            measured=median(fresh),
            baseline=baseline,
            baseline_name="task next",
            runs=runs,
        ),
    ]


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise HarnessError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise HarnessError(f"{' '.join(command)} exited {done.returncode}: {done.stderr!r}")
    return elapsed * 1000
