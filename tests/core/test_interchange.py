"""Export and import (SPEC §6): JSON round trips, CSV from spreadsheets and other
trackers, all-or-nothing imports, and formula-safe CSV exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from searchboard import interchange
from searchboard.domain.stages import Stage

D = date.fromisoformat


@pytest.fixture
def varied(sb):
    """A data file with a bit of everything, a deleted id, and changed settings."""
    sb(
        "add",
        "Acme",
        "Data Engineer",
        "--on",
        "2026-11-02",
        "--url",
        "https://acme.example",
        "--salary",
        "120k",
        "--notes",
        "referred by Ann\nsecond line",
    )
    sb("add", "Globex", "Analyst", "--stage", "wishlist", "--location", "Zürich")
    sb("add", "Doomed", "Temp")
    sb("add", "Initech", "Tester", "--on", "2026-10-20", "--source", '=HYPERLINK("x")')
    sb("delete", "3")
    sb("move", "1", "interviewing", "--on", "2026-11-09")
    sb("log", "1", "interview", "--on", "2026-11-16", "--expect", "2026-11-20", "--note", "panel")
    sb("log", "1", "thank-you", "--on", "2026-11-16")
    sb("contact", "1", "Ann Lee", "--email", "ann@acme.example", "--role", "recruiter")
    sb("move", "4", "offer", "--on", "2026-11-18")
    sb("log", "4", "offer", "--on", "2026-11-18", "--deadline", "2026-12-02")
    sb("config", "country", "DE")
    sb("config", "subdiv", "BY")
    sb("config", "weekly_goal", "3")
    sb("config", "days_off", "2026-12-28,2026-12-29")
    sb("config", "ghost_days_silent", "25")


# --- JSON -------------------------------------------------------------------------------------


def test_json_export_imports_into_an_empty_file_as_the_same_data(cli, sb, varied, tmp_path):
    exported = tmp_path / "export.json"
    sb("export", "-o", str(exported))
    fresh = tmp_path / "fresh" / "board.json"
    result = cli("import", str(exported), db_path=fresh)
    assert result.returncode == 0, result
    assert "3" in result.stdout  # three applications
    assert sb("list", "--json", db_path=fresh).json() == sb("list", "--json").json()
    assert sb("config", db_path=fresh).stdout == sb("config").stdout
    assert sb("today", "--json", db_path=fresh).json() == sb("today", "--json").json()
    # Ids are kept, so the gap left by the deleted #3 is still there.
    assert [a["id"] for a in sb("list", "--json", db_path=fresh).json()] == [1, 2, 4]
    # And exporting the new file gives the same document again.
    assert sb("export", db_path=fresh).stdout == sb("export").stdout
    # New applications get ids after the imported ones.
    assert sb("add", "Umbrella", "Chemist", db_path=fresh).stdout == "5\n"


def test_json_import_into_a_file_with_data_keeps_free_ids_and_the_users_settings(sb, cli, tmp_path):
    document = {
        "schema": 1,
        "settings": {"country": "GB", "weekly_goal": 9},
        "applications": [
            {
                "id": 1,
                "company": "Clash",
                "role": "A",
                "stage": "applied",
                "events": [{"kind": "applied", "date": "2026-11-02"}],
            },
            {
                "id": 7,
                "company": "Seven",
                "role": "B",
                "stage": "screening",
                "events": [{"kind": "stage", "date": "2026-11-03", "stage": "screening"}],
            },
            {"company": "NoId", "role": "C", "stage": "wishlist"},
        ],
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document))
    sb("add", "Mine", "Engineer")
    result = cli("import", str(path))
    assert result.returncode == 0, result
    apps = {a["company"]: a for a in sb("list", "--json").json()}
    assert apps["Mine"]["id"] == 1
    assert apps["Seven"]["id"] == 7
    assert apps["Seven"]["stage"] == "screening"
    assert apps["Clash"]["id"] not in (1, 7)
    assert apps["NoId"]["id"] not in (1, 7, apps["Clash"]["id"])
    # The user's own settings stay.
    assert sb("config", "country").stdout == "US\n"
    assert sb("config", "weekly_goal").stdout == "5\n"


def test_json_import_written_by_another_tool(sb, cli, tmp_path):
    path = tmp_path / "other.json"
    path.write_text(
        json.dumps(
            {
                "applications": [
                    {
                        "company": "Acme",
                        "role": "Engineer",
                        "stage": "applied",
                        "events": [{"kind": "applied", "date": "2026-11-02"}],
                    },
                ]
            }
        )
    )
    assert cli("import", str(path)).returncode == 0
    (app,) = sb("list", "--json").json()
    assert (app["id"], app["company"], app["stage"]) == (1, "Acme", "applied")


@pytest.mark.parametrize(
    "document",
    [
        "{not json",
        json.dumps({"schema": 99, "applications": []}),
        json.dumps({"apps": []}),
        json.dumps(
            {
                "applications": [
                    {"company": "A", "stage": "applied"},
                    {"company": "", "stage": "applied"},
                ]
            }
        ),
        json.dumps({"applications": [{"company": "A", "stage": "limbo"}]}),
        json.dumps(
            {
                "applications": [
                    {
                        "company": "A",
                        "stage": "applied",
                        "events": [{"kind": "applied", "date": "2026-13-01"}],
                    }
                ]
            }
        ),
        json.dumps({"settings": {"weekly_goal": "lots"}, "applications": []}),
        json.dumps({"settings": {"country": "ZZ"}, "applications": []}),
        json.dumps({"settings": {"country": "US", "subdiv": "QQ"}, "applications": []}),
        json.dumps(
            {
                "applications": [
                    {
                        "company": "A",
                        "stage": "applied",
                        "events": [{"kind": [], "date": "2026-11-02"}],
                    }
                ]
            }
        ),
        json.dumps(
            {"applications": [{"company": "A", "stage": "applied", "contacts": ["Ann Lee"]}]}
        ),
        json.dumps({"applications": [5]}),
        json.dumps({"applications": [{"company": "A", "role": "R"}]}),
    ],
    ids=[
        "not-json",
        "newer-schema",
        "no-applications",
        "no-company",
        "bad-stage",
        "bad-date",
        "bad-setting",
        "unknown-country",
        "unknown-subdiv",
        "event-kind-not-text",
        "contact-not-object",
        "application-not-object",
        "no-stage",
    ],
)
def test_bad_json_import_imports_nothing(
    cli, sb, db, tmp_path, file_state, assert_refused, document
):
    path = tmp_path / "in.json"
    path.write_text(document)
    # Into an empty file (where an export's settings would be taken)…
    assert_refused(cli("import", str(path)))
    assert not db.exists()
    # …and into one with data.
    sb("add", "Mine", "Engineer")
    before = file_state(db)
    assert_refused(cli("import", str(path)))
    assert file_state(db) == before


def test_a_json_entry_without_a_stage_is_said_to_need_one(cli, tmp_path, assert_refused):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"applications": [{"company": "A", "role": "R"}]}))
    assert_refused(cli("import", str(path)), mentions="needs a stage")


# --- CSV import -------------------------------------------------------------------------------


def write(tmp_path, text: str, name: str = "in.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_import_matches_headers_by_name_and_alias(cli, sb, tmp_path):
    path = write(
        tmp_path,
        (
            "COMPANY,Title,Status,Date Applied,Link,Location,Favourite colour\n"
            "Acme,Data Engineer,Interviewing,2026-11-02,https://acme.example,Remote,blue\n"
            "Globex,Analyst,,2026-11-03,,,green\n"
            "Initech,Tester,,,,,red\n"
        ),
    )
    result = cli("import", str(path), today="2026-11-25")
    assert result.returncode == 0, result
    apps = sb("list", "--json").json()
    assert [(a["company"], a["role"], a["stage"]) for a in apps] == [
        ("Acme", "Data Engineer", "interviewing"),
        ("Globex", "Analyst", "applied"),  # no stage, but an applied date
        ("Initech", "Tester", "wishlist"),  # no stage, no applied date
    ]
    acme, globex, initech = apps
    assert acme["url"] == "https://acme.example"
    assert acme["location"] == "Remote"
    assert {"kind": "applied", "date": "2026-11-02", "note": None} in acme["events"]
    assert {"kind": "applied", "date": "2026-11-03", "note": None} in globex["events"]
    assert "applied" not in [e["kind"] for e in initech["events"]]
    assert all("colour" not in json.dumps(a).lower() for a in apps)
    assert "blue" not in json.dumps(apps)


def test_csv_import_other_aliases(sb, tmp_path):
    path = write(
        tmp_path,
        (
            "position,company,stage,applied,salary,source,notes\n"
            'Engineer,Acme,screening,2026-11-02,120k,LinkedIn,"call Ann, Tuesday"\n'
        ),
    )
    sb("import", str(path))
    (app,) = sb("list", "--json").json()
    assert (app["company"], app["role"], app["stage"]) == ("Acme", "Engineer", "screening")
    assert (app["salary"], app["source"], app["notes"]) == ("120k", "LinkedIn", "call Ann, Tuesday")


def test_csv_import_counts_towards_keep_applying_and_rules(sb, tmp_path):
    path = write(tmp_path, "Company,Role,Date Applied\nAcme,Engineer,2026-11-02\n")
    sb("import", str(path))
    data = sb("today", "--json", today="2026-11-18").json()
    assert [(i["kind"], i["due"]) for i in data["items"]] == [("follow_up", "2026-11-17")]
    assert data["keep_applying"]["last_applied"] == "2026-11-02"


def test_csv_import_with_a_byte_order_mark(sb, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffCompany,Role\r\nAcme,Engineer\r\n".encode())
    sb("import", str(path))
    assert [a["company"] for a in sb("list", "--json").json()] == ["Acme"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Company,Role,Date Applied\nAcme,A,2026-11-02\nGlobex,B,02/11/2026\n", 3),
        ("Company,Role,Status\nAcme,A,applied\nGlobex,B,applied\nInitech,C,limbo\n", 4),
        ("Company,Role\n,A\nGlobex,B\n", 2),
        ("Company,Role\nAcme,A\n   ,B\n", 3),
        # A quoted cell over two lines: the bad row starts on line 4.
        (
            'Company,Role,Notes,Date Applied\nAcme,A,"two\nlines",2026-11-02\n'
            "Globex,B,,2026-11-31\n",
            4,
        ),
    ],
    ids=["malformed-date", "unknown-stage", "no-company", "blank-company", "after-multiline"],
)
def test_csv_import_is_all_or_nothing(
    cli, sb, db, tmp_path, file_state, assert_refused, text, line
):
    sb("add", "Mine", "Engineer")
    before = file_state(db)
    result = cli("import", str(write(tmp_path, text)))
    assert_refused(result, mentions=f"line {line}")
    assert file_state(db) == before
    assert [a["company"] for a in sb("list", "--json").json()] == ["Mine"]


def test_csv_without_a_company_column_is_refused(cli, sb, db, tmp_path, file_state, assert_refused):
    sb("add", "Mine", "Engineer")
    before = file_state(db)
    assert_refused(cli("import", str(write(tmp_path, "Name,Role\nAcme,A\n"))))
    assert file_state(db) == before


def test_failed_import_into_a_new_file_creates_nothing(cli, db, tmp_path, assert_refused):
    assert_refused(cli("import", str(write(tmp_path, "Company,Status\nAcme,limbo\n"))))
    assert not db.exists()


# --- CSV export -------------------------------------------------------------------------------


def test_csv_export_neutralises_formulas(cli, sb, tmp_path):
    sb(
        "add",
        '=HYPERLINK("http://evil.example","Acme")',
        "+1 Engineer",
        "--notes",
        "-5 days",
        "--source",
        "@mention",
        "--location",
        "Remote - EU",
        "--salary",
        "100k",
    )
    out = tmp_path / "out.csv"
    result = cli("export", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    (row,) = rows
    assert row["company"] == '\'=HYPERLINK("http://evil.example","Acme")'
    assert row["role"] == "'+1 Engineer"
    assert row["notes"] == "'-5 days"
    assert row["source"] == "'@mention"
    # Cells that would not run as formulas are left alone.
    assert row["location"] == "Remote - EU"
    assert row["salary"] == "100k"
    assert row["stage"] == "applied"
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@")), row


def test_csv_export_round_trips_through_import(sb, tmp_path):
    sb("add", "=Acme", "+Lead", "--on", "2026-11-02", "--notes", "@home", "--url=-u")
    sb("add", "Globex", "Analyst", "--stage", "wishlist")
    sb("add", "Initech", "Tester", "--on", "2026-11-03")
    sb("move", "3", "interviewing", "--on", "2026-11-03")
    out = tmp_path / "out.csv"
    sb("export", "--format", "csv", "-o", str(out))
    fresh = tmp_path / "fresh.json"
    sb("import", str(out), db_path=fresh)
    fields = ("company", "role", "stage", "url", "notes")
    original = [{k: a[k] for k in fields} for a in sb("list", "--json").json()]
    imported = [{k: a[k] for k in fields} for a in sb("list", "--json", db_path=fresh).json()]
    assert imported == original


# --- the pure functions -----------------------------------------------------------------------


def test_read_csv_line_numbers_and_stages():
    rows = interchange.read_csv(
        "Company,Role,Status,Date Applied\nAcme,A,Offer,2026-11-02T09:30:00\n", D("2026-11-25")
    )
    (item,) = rows
    assert item.application.stage is Stage.OFFER
    assert item.application.applied_on == D("2026-11-02")
    with pytest.raises(interchange.ImportRefused, match="line 2"):
        interchange.read_csv("Company,Role,Status\nAcme,A,nope\n", D("2026-11-25"))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0"])
def test_neutralise_formula(cell):
    assert interchange.neutralise_formula(cell) == "'" + cell
    assert interchange.neutralise_formula("Acme " + cell) == "Acme " + cell


def test_imported_ids_that_are_not_short_whole_numbers_get_fresh_ones(sb, cli, tmp_path):
    odd = [99999999999999999999999, 1_000_000, -5, 0, True, 1.5, None, "7"]
    document = {
        "schema": 1,
        "applications": [
            {"id": wanted, "company": f"Co{n}", "role": "R", "stage": "wishlist"}
            for n, wanted in enumerate(odd)
        ],
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document))
    result = cli("import", str(path))
    assert result.returncode == 0, result
    ids = sorted(a["id"] for a in sb("list", "--json").json())
    assert ids == list(range(1, len(odd) + 1))
    # New applications count on from there, not from 10^23.
    assert sb("add", "After", "Huge").stdout == f"{len(odd) + 1}\n"
    # A free id below a million is kept.
    document["applications"] = [{"id": 999_999, "company": "Big", "role": "R", "stage": "wishlist"}]
    path.write_text(json.dumps(document))
    assert cli("import", str(path)).returncode == 0
    assert {a["company"]: a["id"] for a in sb("list", "--json").json()}["Big"] == 999_999


def test_the_csv_last_contact_is_not_a_booked_interview() -> None:
    """An interview booked for next week is not contact yet: the CSV says when they last
    heard from each other, as the board's card does (Tuesday 24 November 2026)."""
    import csv as csv_module
    from datetime import date

    from searchboard.domain.model import Event, new_application
    from searchboard.domain.stages import EventKind, Stage
    from searchboard.interchange import export_csv

    today = date(2026, 11, 24)
    app = (
        new_application(1, "Acme", "Data Engineer", Stage.APPLIED, date(2026, 11, 2))
        .moved_to(Stage.INTERVIEWING, date(2026, 11, 16))
        .with_event(Event(EventKind.INTERVIEW, date(2026, 12, 1)))  # booked, next Tuesday
    )
    row = next(csv_module.DictReader(export_csv([app], today).splitlines()))
    assert row["last_contact"] == "2026-11-16"  # the move to interviewing, not Dec 1
