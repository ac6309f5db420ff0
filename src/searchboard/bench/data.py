"""The benchmark's data: a searchboard file and a taskwarrior database of the same size.

Both are made from the demo's job search, so `today` and `task next` read the same
companies, roles and dates. Everything lives in one temporary folder, and the processes
the benchmark starts see an environment that points there, never at the user's files.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from searchboard.bench import HarnessError
from searchboard.demo import demo_applications
from searchboard.domain.model import Application
from searchboard.storage import Store

SEED = 2024

_TASKRC = """\
data.location={data}
confirmation=off
verbose=nothing
color=off
hooks=off
"""


@dataclass
class Workspace:
    """The temporary folder, the environment for the timed processes, and the data by size."""

    folder: Path
    today: date
    _applications: dict[int, list[Application]] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEARCHBOARD_")}
        env["SEARCHBOARD_CACHE_DIR"] = str(self.folder / "cache")  # warmed by the first run
        for name in ("DATA", "CONFIG", "CACHE", "STATE"):
            env[f"XDG_{name}_HOME"] = str(self.folder / "xdg" / name.lower())
        return env

    def applications(self, size: int) -> list[Application]:
        if size not in self._applications:
            self._applications[size] = demo_applications(self.today, count=size, seed=SEED)
        return self._applications[size]

    def board_file(self, size: int) -> Path:
        """A searchboard data file of `size` applications, written on first use."""
        path = self.folder / f"searchboard-{size}.json"
        if not path.exists():
            with Store(path).transaction() as tx:
                for app in self.applications(size):
                    tx.put(app)
        return path

    def taskwarrior_env(self, size: int) -> dict[str, str]:
        """The environment that points `task` at a database of `size` pending tasks."""
        rc = self.folder / f"taskrc-{size}"
        env = {**self.env, "TASKRC": str(rc)}
        if not rc.exists():
            data = self.folder / f"taskdata-{size}"
            data.mkdir()
            tasks = data / "import.json"
            tasks.write_text(json.dumps(_tasks(self.applications(size), self.today)))
            rc.write_text(_TASKRC.format(data=data))
            done = subprocess.run(
                ["task", "import", str(tasks)], env=env, capture_output=True, text=True
            )
            if done.returncode != 0:
                rc.unlink()
                raise HarnessError(f"task import failed: {done.stderr.strip()}")
        return env


def _tasks(apps: list[Application], today: date) -> list[dict[str, object]]:
    """One pending follow-up task per application, due within a month either side of today."""
    rng = random.Random(SEED)
    tasks: list[dict[str, object]] = []
    for app in apps:
        task: dict[str, object] = {
            "description": f"Follow up with {app.company} about {app.role}",
            "status": "pending",
            "entry": _stamp(app.events[0].date if app.events else today),
            "due": _stamp(today + timedelta(days=rng.randint(-30, 30))),
            "project": f"search.{app.stage.value}",
        }
        if priority := rng.choice(("H", "M", "L", "")):
            task["priority"] = priority
        if app.source:
            task["tags"] = [app.source.lower().replace(" ", "-")]
        tasks.append(task)
    return tasks


def _stamp(day: date) -> str:
    return day.strftime("%Y%m%dT090000Z")
