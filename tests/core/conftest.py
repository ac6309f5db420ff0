"""Fixtures for the core tests: a holiday cache, data files, and the command line.

Helpers that several test modules use are handed out as fixtures (this folder is not
a package, so test modules cannot import from here).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.settings import Settings
from searchboard.holiday_source import business_calendar


@pytest.fixture
def us() -> BusinessCalendar:
    return business_calendar("US", None)


@pytest.fixture
def calendar_for() -> Callable[..., BusinessCalendar]:
    def make(country: str = "US", subdiv: str | None = None, days_off=()) -> BusinessCalendar:
        return business_calendar(country, subdiv, tuple(days_off))

    return make


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file path whose folder does not exist yet."""
    return tmp_path / "data" / "searchboard.json"


class CliResult:
    def __init__(self, returncode: int, stdout: str, stderr: str, args: list[str]) -> None:
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.args = args

    def json(self):
        return json.loads(self.stdout)

    def __repr__(self) -> str:
        return (
            f"CliResult(rc={self.returncode}, args={self.args!r},\n"
            f"  stdout={self.stdout!r},\n  stderr={self.stderr!r})"
        )


def _argv(db: Path, args, today, db_path, use_db) -> list[str]:
    argv: list[str] = []
    if use_db:
        argv += ["--db", str(db_path or db)]
    if today is not None:
        argv += ["--today", today]
    return argv + list(args)


@pytest.fixture
def cli(db: Path) -> Callable[..., CliResult]:
    """Runs `python -m searchboard --db DB [--today D] ARGS…` in a subprocess.

    `today=None` leaves --today out; `use_db=False` leaves --db out; `env` adds to the
    environment.
    """

    def run(
        *args: str,
        today: str | None = "2026-11-25",
        db_path: Path | None = None,
        use_db: bool = True,
        env: dict[str, str] | None = None,
        check: bool = False,
    ) -> CliResult:
        argv = _argv(db, args, today, db_path, use_db)
        full_env = dict(os.environ)
        if env:
            full_env.update(env)
        completed = subprocess.run(
            [sys.executable, "-m", "searchboard", *argv],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=60,
            encoding="utf-8",
        )
        result = CliResult(completed.returncode, completed.stdout, completed.stderr, argv)
        if check:
            assert result.returncode == 0, result
        return result

    return run


@pytest.fixture
def sb(db: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """The same command line run in this process (the code path of `python -m
    searchboard`, without the start-up cost): for setting up a test's data quickly."""
    from searchboard.cli.main import main

    def run(
        *args: str,
        today: str | None = "2026-11-25",
        db_path: Path | None = None,
        use_db: bool = True,
        env: dict[str, str] | None = None,
        check: bool = True,
    ) -> CliResult:
        argv = _argv(db, args, today, db_path, use_db)
        out, err = io.StringIO(), io.StringIO()
        with monkeypatch.context() as patch:
            for key, value in (env or {}).items():
                patch.setenv(key, value)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    status = main(argv)
                except SystemExit as stop:
                    status = stop.code if isinstance(stop.code, int) else 1
        result = CliResult(status, out.getvalue(), err.getvalue(), argv)
        if check:
            assert result.returncode == 0, result
        return result

    return run


@pytest.fixture
def assert_refused() -> Callable[..., None]:
    """Checks the contract for bad input: exit 2, one line on stderr, no traceback."""

    def check(result: CliResult, status: int = 2, mentions: str | None = None) -> None:
        assert result.returncode == status, result
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result
        assert lines[0].strip(), result
        assert "Traceback" not in result.stderr, result
        if mentions is not None:
            assert mentions.lower() in result.stderr.lower(), result

    return check


@pytest.fixture
def file_state() -> Callable[[Path], dict[str, bytes]]:
    """Every file in a data file's folder (except the lock) with its bytes."""

    def state(path: Path) -> dict[str, bytes]:
        folder = path.parent
        if not folder.exists():
            return {}
        return {
            child.name: child.read_bytes()
            for child in sorted(folder.iterdir())
            if child.is_file() and not child.name.endswith(".lock")
        }

    return state
