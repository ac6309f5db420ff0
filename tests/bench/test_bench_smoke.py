"""The speed benchmark runs end to end at the small size: it measures, it does not judge."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from searchboard.bench.__main__ import main


def test_the_benchmark_measures_everything_at_200_applications() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "searchboard.bench", "--sizes", "200", "--runs", "2", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = {row["what"]: row for row in json.loads(done.stdout)["results"]}
    today_rows = {"today --json", "today --json, after a change"}
    assert set(rows) == {
        *today_rows,
        "board open, first paint",
        "board peak memory",
        "card move (L/H)",
    }
    assert all(row["size"] == 200 for row in rows.values())
    assert "what" in done.stderr  # the table, for people, goes to stderr beside the JSON

    tools = dict.fromkeys(today_rows, "task") | dict.fromkeys(set(rows) - today_rows, "tmux")
    for what, row in rows.items():
        if shutil.which(tools[what]) is None:
            assert row["skipped"].startswith("skipped:"), what
            continue
        assert row["measured"] > 0, what
        assert row["result"] == "pass" or row["result"].startswith(("FAIL", "info")), what
        if what != "card move (L/H)":
            assert row["baseline"] > 0, what


def test_bad_options_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--sizes", "many"])
    assert refused.value.code == 2
    assert "not a list of numbers" in capsys.readouterr().err
