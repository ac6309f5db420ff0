"""`today` is answered from a cache only while nothing it depends on has changed."""

from __future__ import annotations

import json

import pytest

from searchboard.tracker import Tracker


@pytest.fixture
def agenda_broken(monkeypatch: pytest.MonkeyPatch):
    """Working the agenda out fails: only a cached answer can succeed."""

    def refuse(self):
        raise AssertionError("the agenda was worked out again")

    return lambda: monkeypatch.setattr(Tracker, "agenda", refuse)


def test_a_second_today_is_answered_from_the_cache(sb, agenda_broken) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    first = sb("today", "--json", today="2026-11-24").stdout
    agenda_broken()
    assert sb("today", "--json", today="2026-11-24").stdout == first


def test_a_change_to_the_file_is_seen_at_once(sb) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    before = json.loads(sb("today", "--json", today="2026-11-24").stdout)
    sb("log", "1", "follow-up", today="2026-11-24")
    after = json.loads(sb("today", "--json", today="2026-11-24").stdout)
    assert [i["kind"] for i in before["items"]] == ["follow_up"]
    assert after["items"] == []


def test_another_day_format_or_region_is_worked_out_afresh(sb, agenda_broken) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    sb("today", "--json", today="2026-11-24")
    agenda_broken()
    for args, today in (
        (["today", "--json"], "2026-11-25"),
        (["today", "--brief"], "2026-11-24"),
        (["--country", "GB", "today", "--json"], "2026-11-24"),
    ):
        result = sb(*args, today=today, check=False)
        assert result.returncode == 1 and "worked out again" in result.stderr, args


def test_no_cache_folder_means_no_cache(sb, monkeypatch, agenda_broken) -> None:
    monkeypatch.setenv("SEARCHBOARD_CACHE_DIR", "")
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    assert sb("today", "--brief", today="2026-11-24").stdout.startswith("1 overdue")
    agenda_broken()
    assert sb("today", "--brief", today="2026-11-24", check=False).returncode == 1
