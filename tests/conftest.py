"""Fixtures for every test: none touches the user's real data, cache or clock."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def holiday_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One holiday cache for the whole run: working out a year's holidays is slow."""
    return tmp_path_factory.mktemp("holiday-cache")


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, holiday_cache_dir: Path, tmp_path: Path
) -> None:
    """No test reads or writes the user's real cache, data file or clock override."""
    monkeypatch.setenv("SEARCHBOARD_CACHE_DIR", str(holiday_cache_dir))
    monkeypatch.delenv("SEARCHBOARD_DB", raising=False)
    monkeypatch.delenv("SEARCHBOARD_TODAY", raising=False)
    monkeypatch.delenv("SEARCHBOARD_DEBUG", raising=False)
    # platformdirs would fall back to these if a test forgot --db: keep them in tmp.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("SEARCHBOARD_CONFIG_DIR", raising=False)
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
