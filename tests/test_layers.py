"""The layers keep to their direction: the domain and storage never import Textual,
the domain never imports TinyDB, and `searchboard today` never loads the board."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DOMAIN_MODULES = [
    "searchboard.domain.stages",
    "searchboard.domain.dates",
    "searchboard.domain.model",
    "searchboard.domain.calendar",
    "searchboard.domain.settings",
    "searchboard.domain.rules",
    "searchboard.domain.agenda",
    "searchboard.domain.snooze",
    "searchboard.domain.companies",
    "searchboard.domain.insights",
]


def _loaded_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    loaded = _loaded_after("\n".join(f"import {name}" for name in DOMAIN_MODULES))
    assert "searchboard.domain.rules" in loaded
    assert "textual" not in loaded
    assert "tinydb" not in loaded


def test_storage_and_tracker_do_not_import_textual() -> None:
    loaded = _loaded_after("import searchboard.storage, searchboard.tracker, searchboard.cli.main")
    assert "tinydb" in loaded
    assert "textual" not in loaded


def test_today_command_does_not_import_textual(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    code = (
        "import sys\n"
        "from searchboard.cli.main import main\n"
        f"main(['--db', {str(db)!r}, '--today', '2026-11-24', 'add', 'Acme', 'Dev'])\n"
        f"main(['--db', {str(db)!r}, '--today', '2026-11-24', 'today', '--json'])\n"
    )
    env = {"SEARCHBOARD_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    loaded = _loaded_after(code, env=env)
    assert "searchboard.domain.agenda" in loaded
    assert "textual" not in loaded
    assert not any(name.startswith("searchboard.ui") for name in loaded)
    # Nor what only other commands need: the calendar file and the chart.
    assert not {"icalendar", "plotext", "textual_plotext"} & loaded


def test_today_with_a_warm_cache_does_not_import_holidays(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    env = {"SEARCHBOARD_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    warm = f"from searchboard.cli.main import main\nmain(['--db', {str(db)!r}, 'today'])"
    assert "holidays" in _loaded_after(warm, env=env)  # the first run fills the cache
    assert "holidays" not in _loaded_after(warm, env=env)


@pytest.mark.parametrize(
    "module",
    [
        "searchboard.ui.board_state",
        "searchboard.ui.first_view",  # the child that reads the file must not pay for Textual
        "searchboard.drafts",
        "searchboard.calendar_export",
        "searchboard.insights_text",
    ],
)
def test_board_state_is_plain_python(module: str) -> None:
    assert "textual" not in _loaded_after(f"import {module}")
