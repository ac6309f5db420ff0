"""Every command of SPEC §6, run as a user runs it: `python -m searchboard …`.

`cli` runs a real subprocess; `sb` runs the same entry point in this process and is
used only to set data up quickly. Every command is exercised through `cli` at least
once, and every refusal is checked through `cli`.
"""

from __future__ import annotations

import json

import pytest

TODAY = "2026-11-25"  # a Wednesday; Thanksgiving is Thursday 2026-11-26


@pytest.fixture
def acme(sb):
    """A data file with #1 Acme — Data Engineer, applied on Mon 2026-11-02."""
    result = sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    assert result.stdout == "1\n"
    return 1


def show(run, app_id=1, **kw):
    result = run("show", str(app_id), "--json", **kw)
    assert result.returncode == 0, result
    return result.json()


def brief(event: dict) -> dict:
    return {key: event[key] for key in ("kind", "date", "stage") if key in event}


# --- add --------------------------------------------------------------------------------------


def test_add_prints_the_id_alone(cli, db):
    first = cli("add", "Acme", "Data Engineer")
    assert first.returncode == 0, first
    assert first.stdout == "1\n"
    assert first.stderr == ""
    assert db.is_file()
    second = cli("add", "Globex", "Analyst")
    assert (second.returncode, second.stdout) == (0, "2\n")


def test_add_defaults_to_applied_today(sb, cli):
    sb("add", "Acme", "Data Engineer")
    app = show(cli)
    assert app["stage"] == "applied"
    assert {"kind": "applied", "date": TODAY} in [brief(e) for e in app["events"]]
    assert {"kind": "stage", "date": TODAY, "stage": "applied"} in [brief(e) for e in app["events"]]


def test_add_with_every_option(cli, sb):
    result = cli(
        "add",
        "Acme",
        "Data Engineer",
        "--stage",
        "screening",
        "--on",
        "2026-11-20",
        "--url",
        "https://acme.example/jobs/1",
        "--location",
        "Remote",
        "--salary",
        "120k",
        "--source",
        "LinkedIn",
        "--notes",
        "referred by Ann",
    )
    assert (result.returncode, result.stdout) == (0, "1\n"), result
    app = show(sb)
    assert app["company"] == "Acme"
    assert app["role"] == "Data Engineer"
    assert app["stage"] == "screening"
    assert app["url"] == "https://acme.example/jobs/1"
    assert app["location"] == "Remote"
    assert app["salary"] == "120k"
    assert app["source"] == "LinkedIn"
    assert app["notes"] == "referred by Ann"
    assert {"kind": "stage", "date": "2026-11-20", "stage": "screening"} in [
        brief(e) for e in app["events"]
    ]


def test_add_at_wishlist_is_not_applied(sb):
    sb("add", "Acme", "Data Engineer", "--stage", "wishlist")
    app = show(sb)
    assert app["stage"] == "wishlist"
    assert "applied" not in [e["kind"] for e in app["events"]]


def test_text_is_kept_literally(cli, sb):
    sb("add", "[bold]Acme[/]", "Ingénieur — données", "--notes", "€120k, “remote”")
    app = show(cli)
    assert app["company"] == "[bold]Acme[/]"
    assert app["role"] == "Ingénieur — données"
    assert app["notes"] == "€120k, “remote”"
    assert "[bold]Acme[/]" in cli("list").stdout


# --- move, log, edit, contact, delete ---------------------------------------------------------


def test_move(cli, sb, acme):
    result = cli("move", "1", "screening", "--on", "2026-11-09")
    assert result.returncode == 0, result
    assert "screening" in result.stdout
    app = show(sb)
    assert app["stage"] == "screening"
    assert {"kind": "stage", "date": "2026-11-09", "stage": "screening", "note": None} in app[
        "events"
    ]
    # A closed outcome, then reopened.
    sb("move", "#1", "ghosted")
    assert show(sb)["stage"] == "ghosted"
    sb("move", "1", "interviewing")
    assert show(sb)["stage"] == "interviewing"


def test_move_to_applied_records_an_applied_event(sb):
    sb("add", "Acme", "Data Engineer", "--stage", "wishlist", "--on", "2026-11-02")
    sb("move", "1", "applied", "--on", "2026-11-09")
    assert {"kind": "applied", "date": "2026-11-09", "note": None} in show(sb)["events"]


def test_log_interview_with_expect(cli, sb, acme):
    result = cli(
        "log",
        "1",
        "interview",
        "--on",
        "2026-11-16",
        "--expect",
        "2026-11-20",
        "--note",
        "panel of three",
    )
    assert result.returncode == 0, result
    interview = next(e for e in show(sb)["events"] if e["kind"] == "interview")
    assert interview == {
        "kind": "interview",
        "date": "2026-11-16",
        "note": "panel of three",
        "expect": "2026-11-20",
    }
    # The decision date drives the follow-up: bd(Fri 20 Nov, 1) = Mon 23 Nov.
    agenda = sb("today", "--json", today="2026-11-17").json()
    follow_up = next(i for i in agenda["items"] if i["kind"] == "follow_up")
    assert follow_up["due"] == "2026-11-23"


def test_log_offer_with_deadline(cli, sb, acme):
    sb("move", "1", "offer", "--on", "2026-11-20")
    result = cli("log", "1", "offer", "--on", "2026-11-20", "--deadline", "2026-12-04")
    assert result.returncode == 0, result
    offer = next(e for e in show(sb)["events"] if e["kind"] == "offer")
    assert offer["deadline"] == "2026-12-04"
    items = sb("today", "--json").json()["items"]
    assert [(i["kind"], i["due"]) for i in items] == [("offer_deadline", "2026-12-04")]


def test_log_other_kinds(sb, acme):
    for kind in ("thank-you", "thank_you", "follow-up", "response", "note", "applied"):
        sb("log", "1", kind, "--on", "2026-11-10")
    kinds = [e["kind"] for e in show(sb)["events"]]
    assert kinds.count("thank-you") == 2
    assert kinds.count("applied") == 2
    assert {"follow-up", "response", "note"} <= set(kinds)


def test_log_defaults_to_today(sb, acme):
    sb("log", "1", "response")
    assert {"kind": "response", "date": TODAY, "note": None} in show(sb)["events"]


def test_edit(cli, sb, acme):
    result = cli(
        "edit",
        "1",
        "--company",
        "Acme Corp",
        "--role",
        "Staff Engineer",
        "--salary",
        "150k",
        "--notes",
        "second round",
    )
    assert result.returncode == 0, result
    app = show(sb)
    assert (app["company"], app["role"], app["salary"], app["notes"]) == (
        "Acme Corp",
        "Staff Engineer",
        "150k",
        "second round",
    )
    sb("edit", "1", "--salary", "")  # empty text clears an optional field
    assert show(sb)["salary"] is None
    assert show(sb)["notes"] == "second round"


def test_contact(cli, sb, acme):
    result = cli("contact", "1", "Ann Lee", "--email", "ann@acme.example", "--role", "recruiter")
    assert result.returncode == 0, result
    sb("contact", "1", "Bo Chen")
    assert show(sb)["contacts"] == [
        {"name": "Ann Lee", "email": "ann@acme.example", "role": "recruiter"},
        {"name": "Bo Chen", "email": None, "role": None},
    ]


def test_delete_and_ids_are_not_reused(cli, sb, acme, assert_refused):
    sb("add", "Globex", "Analyst")
    result = cli("delete", "2")
    assert result.returncode == 0, result
    assert "Globex" in result.stdout
    assert_refused(cli("show", "2"), mentions="2")
    assert [a["id"] for a in sb("list", "--json").json()] == [1]
    assert sb("add", "Initech", "Tester").stdout == "3\n"


# --- show and list ----------------------------------------------------------------------------


def test_show_text(cli, sb, acme):
    sb("log", "1", "interview", "--on", "2026-11-25", "--note", "with the CTO")
    sb("contact", "1", "Ann Lee", "--role", "recruiter")
    result = cli("show", "1")
    assert result.returncode == 0, result
    out = result.stdout
    assert "#1" in out and "Acme" in out and "Data Engineer" in out
    assert "2026-11-25" in out and "with the CTO" in out
    assert "Ann Lee" in out
    # The thank-you for today's interview is due the next business day: Thursday is
    # Thanksgiving, so Friday 27 Nov.
    assert "2026-11-27" in out


def test_an_unknown_region_in_the_file_is_a_data_file_problem(cli, sb, db, acme, file_state):
    data = json.loads(db.read_text())
    data.setdefault("settings", {}).setdefault("1", {})["country"] = "XX"  # edited by hand
    db.write_text(json.dumps(data))
    before = file_state(db)
    result = cli("today")
    assert result.returncode == 1, result
    assert str(db) in result.stderr and "'XX'" in result.stderr
    assert "config country" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert file_state(db) == before
    assert cli("config", "country", "ZZ").returncode == 2  # typed now: bad input
    assert cli("config", "country", "US").returncode == 0  # and the way out works
    assert cli("today").returncode == 0


def test_today_says_since_when_a_likely_ghosted_application_has_been_silent(cli, sb):
    sb("add", "Hooli", "PM", "--on", "2026-10-01")
    out = cli("--today", "2026-11-27", "today", today=None).stdout
    # Last heard of on 1 Oct; 30 business days on (past Columbus and Veterans Day) is 16 Nov.
    assert "#1    Hooli — PM  (silent since 2026-10-01, likely ghosted from 2026-11-16)" in out


def test_a_text_value_may_start_with_a_dash(cli, sb, acme):
    assert cli("edit", "1", "--salary", "-5k", "--notes", "- ask about the team").returncode == 0
    shown = show(cli)
    assert (shown["salary"], shown["notes"]) == ("-5k", "- ask about the team")
    assert cli("log", "1", "note", "--note", "-1 on the offer").returncode == 0
    assert show(cli)["events"][-1]["note"] == "-1 on the offer"


def test_show_does_not_count_a_booked_interview_as_contact(cli, sb, acme):
    sb("log", "1", "interview", "--on", "2026-12-03")  # booked for next week
    out = cli("show", "1").stdout
    contact_lines = [line for line in out.splitlines() if line.strip().startswith("contact:")]
    assert contact_lines == ["  contact:   2026-11-02 (23 days ago)"]  # as the card says


def test_show_json_shape(cli, acme):
    app = show(cli)
    assert {
        "id",
        "company",
        "role",
        "stage",
        "events",
        "url",
        "location",
        "salary",
        "source",
        "notes",
        "contacts",
    } <= set(app)
    assert (app["id"], app["company"], app["role"], app["stage"]) == (
        1,
        "Acme",
        "Data Engineer",
        "applied",
    )
    assert all({"kind", "date"} <= set(e) for e in app["events"])


def test_list(cli, sb, acme):
    sb("add", "Globex", "Analyst", "--stage", "wishlist")
    sb("add", "Initech", "Tester")
    sb("move", "3", "rejected")
    lines = cli("list").stdout.splitlines()
    assert len(lines) == 3
    assert "Acme" in lines[0] and "#1" in lines[0]
    assert "Globex" in lines[1]
    assert "Initech" in lines[2] and "rejected" in lines[2]
    only = cli("list", "--stage", "wishlist").stdout.splitlines()
    assert len(only) == 1 and "Globex" in only[0]
    data = cli("list", "--json").json()
    assert [(a["id"], a["company"], a["stage"]) for a in data] == [
        (1, "Acme", "applied"),
        (2, "Globex", "wishlist"),
        (3, "Initech", "rejected"),
    ]
    assert data[0] == show(sb, 1)
    by_stage = sb("list", "--stage", "Rejected", "--json").json()
    assert [a["id"] for a in by_stage] == [3]


def test_list_of_an_empty_file(cli):
    result = cli("list", "--json")
    assert result.returncode == 0, result
    assert result.json() == []
    assert cli("list").stdout == ""


# --- today ------------------------------------------------------------------------------------


def test_today_json_exact_shape(cli, sb):
    sb("add", "Acme", "Data Engineer", "--stage", "interviewing", "--on", "2026-11-16")
    sb("log", "1", "interview", "--on", "2026-11-24")
    sb("add", "Globex", "Analyst", "--on", "2026-11-23")
    result = cli("today", "--json")
    assert result.returncode == 0, result
    data = result.json()
    assert list(data) == ["date", "business_day", "holiday", "items", "keep_applying"]
    assert data["date"] == TODAY
    assert data["business_day"] is True
    assert data["holiday"] is None
    for item in data["items"]:
        assert list(item) == ["id", "company", "role", "stage", "kind", "due", "overdue"]
    # Interview on Tue 24 Nov: the thank-you is due Wed 25 Nov, today.
    assert data["items"][0] == {
        "id": 1,
        "company": "Acme",
        "role": "Data Engineer",
        "stage": "interviewing",
        "kind": "thank_you",
        "due": "2026-11-25",
        "overdue": False,
    }
    dues = [item["due"] for item in data["items"]]
    assert dues == sorted(dues)
    pairs = [(i["id"], i["kind"], i["due"]) for i in data["items"]]
    # bd(24 Nov, 7) = 25, 27, 30 Nov, 1, 2, 3, 4 Dec; bd(23 Nov, 10) = 8 Dec.
    assert pairs == [
        (1, "thank_you", "2026-11-25"),
        (1, "follow_up", "2026-12-04"),
        (2, "follow_up", "2026-12-08"),
    ]
    assert data["keep_applying"] == {
        "goal": 5,
        "applied_this_week": 1,
        "last_applied": "2026-11-23",
        "behind": True,
    }


def test_today_json_overdue_flag(cli, acme):
    data = cli("today", "--json", today="2026-11-18").json()
    assert data["items"] == [
        {
            "id": 1,
            "company": "Acme",
            "role": "Data Engineer",
            "stage": "applied",
            "kind": "follow_up",
            "due": "2026-11-17",
            "overdue": True,
        }
    ]


def test_today_json_on_thanksgiving(cli):
    data = cli("today", "--json", today="2026-11-26").json()
    assert data["date"] == "2026-11-26"
    assert data["business_day"] is False
    assert data["holiday"] == "Thanksgiving Day"
    assert data["items"] == []
    assert data["keep_applying"] == {
        "goal": 5,
        "applied_this_week": 0,
        "last_applied": None,
        "behind": True,
    }


def test_today_json_on_a_weekend(sb):
    data = sb("today", "--json", today="2026-11-28").json()
    assert data["business_day"] is False
    assert data["holiday"] is None


def test_today_json_keep_applying_off(cli, sb):
    sb("config", "keep_applying", "off")
    data = cli("today", "--json").json()
    assert data["keep_applying"] is None
    assert "keep_applying" in data


def test_today_text(cli, sb, acme):
    result = cli("today", today="2026-11-26")
    assert result.returncode == 0, result
    assert "Thanksgiving Day" in result.stdout
    out = sb("today", today="2026-11-18").stdout
    assert "Acme" in out and "2026-11-17" in out  # follow-up overdue since Tue 17 Nov


def test_today_brief(cli, sb, acme):
    # Nothing to say: exactly nothing printed.
    empty = cli("today", "--brief", today="2026-11-03")
    assert (empty.returncode, empty.stdout, empty.stderr) == (0, "", "")
    # Follow-up due Tue 17 Nov; on Wed 18 Nov it is overdue.
    assert cli("today", "--brief", today="2026-11-18").stdout == (
        "1 overdue · 0/5 applied this week\n"
    )
    assert sb("today", "--brief", today="2026-11-17").stdout == (
        "1 due today · 0/5 applied this week\n"
    )
    # bd(2 Nov, 30) = 16 Dec: likely ghosted.
    assert sb("today", "--brief", today="2026-12-16").stdout == (
        "1 likely ghosted · 0/5 applied this week\n"
    )


def test_today_brief_on_an_empty_file(cli):
    result = cli("today", "--brief")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# --- config -----------------------------------------------------------------------------------

SETTING_NAMES = [
    "country",
    "subdiv",
    "days_off",
    "keep_applying",
    "weekly_goal",
    "thank_you_days",
    "follow_up_days_after_applied",
    "follow_up_days_after_contact",
    "ghost_days_after_follow_up",
    "ghost_days_silent",
]


def test_config_shows_every_setting(cli):
    result = cli("config")
    assert result.returncode == 0, result
    for name in SETTING_NAMES:
        assert name in result.stdout
    assert cli("config", "country").stdout == "US\n"
    assert cli("config", "weekly_goal").stdout == "5\n"
    assert cli("config", "keep_applying").stdout == "on\n"


def test_config_set(cli, sb, db):
    result = cli("config", "weekly_goal", "3")
    assert result.returncode == 0, result
    assert "3" in result.stdout
    assert sb("config", "weekly_goal").stdout == "3\n"
    sb("config", "country", "de")
    sb("config", "subdiv", "by")
    assert sb("config", "country").stdout == "DE\n"
    assert sb("config", "subdiv").stdout == "BY\n"
    # Changing country clears a subdivision that belonged to the old one.
    sb("config", "country", "GB")
    assert sb("config", "subdiv").stdout.strip() == ""
    sb("config", "days_off", "2026-12-30, 2026-12-29")
    assert sb("config", "days_off").stdout == "2026-12-29,2026-12-30\n"
    # The settings are stored in the data file, so they travel with it.
    raw = db.read_text()
    assert "2026-12-29" in raw and "GB" in raw
    assert sb("config", "weekly_goal").stdout == "3\n"


def test_config_days_off_shift_due_dates(sb):
    sb("add", "Acme", "Data Engineer", "--stage", "interviewing", "--on", "2026-11-16")
    sb("log", "1", "interview", "--on", "2026-11-25")
    sb("config", "days_off", "2026-11-27")
    items = sb("today", "--json").json()["items"]
    thank_you = next(i for i in items if i["kind"] == "thank_you")
    assert thank_you["due"] == "2026-11-30"


def test_config_thresholds_change_due_dates(sb, acme):
    sb("config", "follow_up_days_after_applied", "5")
    items = sb("today", "--json", today="2026-11-03").json()["items"]
    assert [(i["kind"], i["due"]) for i in items] == [("follow_up", "2026-11-09")]


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["config", "colour", "blue"], "colour"),
        (["config", "colour"], "colour"),
        (["config", "weekly_goal", "lots"], "weekly_goal"),
        (["config", "weekly_goal", "0"], "weekly_goal"),
        (["config", "keep_applying", "maybe"], "keep_applying"),
        (["config", "days_off", "2026-13-01"], "2026-13-01"),
        (["config", "country", "ZZ"], "ZZ"),
        (["config", "country", "12"], "12"),
        (["config", "subdiv", "XX"], "XX"),
    ],
)
def test_config_bad_input(cli, db, acme, file_state, assert_refused, args, mentions):
    before = file_state(db)
    assert_refused(cli(*args), mentions=mentions)
    assert file_state(db) == before


# --- region overrides and environment ---------------------------------------------------------


def test_country_override_for_one_run(cli, sb, acme):
    data = cli("--country", "GB", "today", "--json", today="2026-12-28").json()
    assert data["holiday"] == "Boxing Day (observed)"
    assert data["business_day"] is False
    # The saved setting is unchanged.
    assert sb("config", "country").stdout == "US\n"
    assert sb("today", "--json", today="2026-12-28").json()["holiday"] is None


def test_subdiv_override_for_one_run(cli, sb, acme):
    data = cli("--subdiv", "CA", "today", "--json", today="2026-11-27").json()
    assert data["holiday"] == "Day After Thanksgiving"
    assert data["business_day"] is False
    assert sb("today", "--json", today="2026-11-27").json()["business_day"] is True
    both = sb("--country", "DE", "--subdiv", "BY", "today", "--json", today="2026-01-06")
    assert both.json()["holiday"] == "Epiphany"


def test_override_changes_due_dates(sb):
    sb("add", "Acme", "Data Engineer", "--stage", "interviewing", "--on", "2026-11-16")
    sb("log", "1", "interview", "--on", "2026-11-25")
    items = sb("--subdiv", "CA", "today", "--json").json()["items"]
    assert next(i for i in items if i["kind"] == "thank_you")["due"] == "2026-11-30"


def test_environment_variables(cli, tmp_path):
    elsewhere = tmp_path / "env" / "board.json"
    env = {"SEARCHBOARD_DB": str(elsewhere), "SEARCHBOARD_TODAY": "2026-11-26"}
    result = cli("add", "Acme", "Data Engineer", use_db=False, today=None, env=env)
    assert result.stdout == "1\n", result
    assert elsewhere.is_file()
    app = cli("show", "1", "--json", use_db=False, today=None, env=env).json()
    assert app["events"][0]["date"] == "2026-11-26"
    data = cli("today", "--json", use_db=False, today=None, env=env).json()
    assert data["date"] == "2026-11-26" and data["holiday"] == "Thanksgiving Day"
    # Options win over the environment.
    data = cli("today", "--json", use_db=False, today="2026-11-27", env=env).json()
    assert data["date"] == "2026-11-27"


# --- bad input: exit 2, one line, nothing written ---------------------------------------------

BAD_INPUT = {
    "unknown id": ["move", "99", "screening"],
    "unknown id (show)": ["show", "99"],
    "unknown id (log)": ["log", "99", "note"],
    "unknown id (edit)": ["edit", "99", "--role", "x"],
    "unknown id (contact)": ["contact", "99", "Ann"],
    "unknown id (delete)": ["delete", "99"],
    "id not a number": ["move", "abc", "screening"],
    "unknown stage": ["move", "1", "limbo"],
    "unknown stage (add)": ["add", "Globex", "Analyst", "--stage", "limbo"],
    "unknown stage (list)": ["list", "--stage", "limbo"],
    "unknown event kind": ["log", "1", "party"],
    "stage is not logged": ["log", "1", "stage"],
    "unknown setting": ["config", "colour", "blue"],
    "malformed --on": ["add", "Globex", "Analyst", "--on", "2026-13-01"],
    "malformed --on (move)": ["move", "1", "screening", "--on", "tomorrow"],
    "malformed --on (log)": ["log", "1", "note", "--on", "25/11/2026"],
    "malformed --today": ["--today", "2026-02-30", "list"],
    "malformed --today (add)": ["--today", "2026-2-3", "add", "Globex", "Analyst"],
    "date past 2199 (add)": ["add", "Globex", "Analyst", "--on", "9999-12-31"],
    "date before 1900 (log)": ["log", "1", "interview", "--on", "0001-01-01"],
    "date past 2199 (--expect)": ["log", "1", "interview", "--expect", "9999-12-20"],
    "date past 2199 (--today)": ["--today", "9999-01-01", "today"],
    "ISO week date is not YYYY-MM-DD": ["add", "Globex", "Analyst", "--on", "2026-W48-3"],
    "malformed --expect": ["log", "1", "interview", "--expect", "26/11/2026"],
    "malformed --deadline": ["log", "1", "offer", "--deadline", "soon"],
    "expect without interview": ["log", "1", "note", "--expect", "2026-12-01"],
    "deadline without offer": ["log", "1", "interview", "--deadline", "2026-12-01"],
    "empty company": ["add", "", "Analyst"],
    "blank company": ["add", "   ", "Analyst"],
    "empty company (edit)": ["edit", "1", "--company", ""],
    "empty role": ["add", "Globex", ""],
    "blank role": ["add", "Globex", "  "],
    "empty role (edit)": ["edit", "1", "--role", ""],
    "edit with nothing": ["edit", "1"],
    "empty contact name": ["contact", "1", " "],
    "malformed email": ["contact", "1", "Ann", "--email", "not an email"],
    "bad country": ["--country", "ZZ", "list"],
    "bad country (add)": ["--country", "ZZ", "add", "Globex", "Analyst"],
    "bad subdiv": ["--subdiv", "XX", "today"],
    "bad country (config)": ["config", "country", "ZZ"],
    "already in that stage": ["move", "1", "applied"],
    "unknown command": ["frobnicate"],
    "missing argument": ["move", "1"],
    "json and brief": ["today", "--json", "--brief"],
    "import of a missing file": ["import", "/nonexistent/file.csv"],
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input(cli, db, acme, file_state, assert_refused, case):
    args = BAD_INPUT[case]
    before = file_state(db)
    result = cli(*args, today=None) if args[0] == "--today" else cli(*args)
    assert_refused(result)
    assert file_state(db) == before


def test_bad_input_names_the_problem(cli, acme, assert_refused):
    assert_refused(cli("move", "99", "screening"), mentions="#99")
    assert_refused(cli("move", "1", "limbo"), mentions="limbo")
    assert_refused(cli("log", "1", "party"), mentions="party")
    assert_refused(cli("config", "colour", "blue"), mentions="colour")
    assert_refused(cli("add", "X", "Y", "--on", "2026-13-01"), mentions="2026-13-01")
    assert_refused(cli("add", "", "Y"), mentions="company")
    assert_refused(cli("add", "X", "Y", "--on", "9999-12-31"), mentions="out of range")
    assert_refused(cli("--country", "ZZ", "list"), mentions="ZZ")


def test_malformed_today_in_the_environment(cli, db, acme, file_state, assert_refused):
    before = file_state(db)
    result = cli("add", "Globex", "Analyst", today=None, env={"SEARCHBOARD_TODAY": "soon"})
    assert_refused(result, mentions="soon")
    assert file_state(db) == before


def test_bad_input_on_a_new_file_creates_nothing(cli, db, assert_refused):
    assert_refused(cli("add", "", "Analyst"))
    assert_refused(cli("move", "1", "screening"))
    assert not db.exists()


# --- export -----------------------------------------------------------------------------------


def test_export_json_to_a_file(cli, sb, acme, tmp_path):
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()
    result = cli("export", "-o", str(out))
    assert result.returncode == 0, result
    document = json.loads(out.read_text())
    assert set(document) == {"schema", "settings", "applications"}
    assert isinstance(document["schema"], int)
    assert document["applications"] == sb("list", "--json").json()
    assert document["settings"]["country"] == "US"
    # Without -o it goes to stdout, the same document.
    assert json.loads(sb("export").stdout) == document


def test_export_csv_to_a_file(cli, acme, tmp_path):
    out = tmp_path / "export.csv"
    result = cli("export", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result
    lines = out.read_text().splitlines()
    assert len(lines) == 2
    header = lines[0].lower().split(",")
    assert {"company", "role", "stage", "applied"} <= set(header)
    assert "Acme" in lines[1] and "2026-11-02" in lines[1]


def test_export_over_the_data_file_is_refused(cli, sb, db, acme, file_state, assert_refused):
    """`export -o` naming the data file itself would truncate it in place and replace
    the data with an export that searchboard then refuses to open."""
    before = file_state(db)
    assert_refused(cli("export", "-o", str(db)))
    assert file_state(db) == before
    assert sb("list", "--json").json()[0]["company"] == "Acme"


def test_export_bad_format_is_refused(cli, acme, assert_refused):
    assert_refused(cli("export", "--format", "xml"))


# --- a data file whose saved region the holidays package does not know ------------------------


def test_unknown_saved_country_is_reported_in_one_line(cli, db, assert_refused):
    """A data file may carry a country the installed `holidays` does not know (edited
    by hand, imported, or from a newer `holidays`): say so, do not crash."""
    from searchboard.domain.settings import Settings
    from searchboard.storage import Store

    with Store(db).transaction() as tx:
        tx.set_settings(Settings(country="ZZ"))
    before = db.read_bytes()
    result = cli("today")
    assert result.returncode in (1, 2), result
    assert "Traceback" not in result.stderr, result
    assert len(result.stderr.splitlines()) == 1, result
    assert "ZZ" in result.stderr
    assert db.read_bytes() == before
    # The user can still repair it from the command line.
    fixed = cli("config", "country", "US")
    assert fixed.returncode == 0, fixed
    assert cli("today", "--json").returncode == 0
