"""The command line of issue 5: stats, calendar, draft, snooze, the re-apply warning,
and reopening a ghosted application. Dates are checkable on a 2026 calendar:
Thanksgiving is Thu 26 Nov."""

from __future__ import annotations

import json

import icalendar


def test_stats_json_counts_the_funnel_and_names_its_base(sb) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02", "--source", "LinkedIn")
    sb("add", "Globex", "Backend", "--on", "2026-11-03", "--source", "referral")
    sb("move", "2", "screening", "--on", "2026-11-09")
    sb("add", "Initech", "Analyst", "--stage", "wishlist")
    data = json.loads(sb("stats", "--json").stdout)
    overall = data["overall"]
    assert overall["sent"] == 2 and overall["wishlist"] == 1
    funnel = {step["stage"]: step["count"] for step in overall["funnel"]}
    assert funnel["applied"] == 2 and funnel["screening"] == 1
    # Globex answered 4 business days after applying (Tue 3 → Mon 9 Nov).
    assert overall["business_days_to_first_contact"] == {"value": 4, "n": 1}
    assert overall["response_rate"] == {"value": 0.5, "count": 1, "n": 2}
    # Initech has no source: it is counted under "unknown", listed last.
    assert [s["source"] for s in data["by_source"]] == ["LinkedIn", "referral", "unknown"]
    text = sb("stats").stdout
    assert "too few to tell" in text  # two applications are not a trend


def test_calendar_writes_an_ics_file_that_parses_back(sb, tmp_path) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-16")
    sb("log", "1", "interview", "--on", "2026-11-25", "--note", "system design")
    target = tmp_path / "search.ics"
    result = sb("calendar", "-o", str(target))  # today is Wed 25 Nov: the interview day
    assert "wrote 3 events" in result.stdout
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    days = {
        str(e["SUMMARY"]).split(":")[0]: e.decoded("DTSTART").isoformat()
        for e in calendar.walk("VEVENT")
    }
    assert days == {
        "Interview": "2026-11-25",
        # A business day after the interview, Thanksgiving skipped: Fri 27 Nov.
        "Send a thank-you note": "2026-11-27",
        # Still in applied: 10 business days after the interview (the last contact),
        # Thanksgiving skipped: 27, 30, 1, 2, 3, 4, 7, 8, 9, 10 Dec.
        "Follow up": "2026-12-10",
    }
    # Printed to stdout without -o, with the same stable UIDs.
    again = icalendar.Calendar.from_ical(sb("calendar").stdout.encode())
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {
        str(e["UID"]) for e in calendar.walk("VEVENT")
    }


def test_calendar_refuses_to_overwrite_the_data_file(sb, db, assert_refused) -> None:
    sb("add", "Acme", "Data Engineer")
    before = db.read_bytes()
    assert_refused(sb("calendar", "-o", str(db), check=False), mentions="data file")
    assert db.read_bytes() == before


def test_draft_prints_a_thank_you_with_the_interviewer(sb) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    sb("log", "1", "interview", "--on", "2026-11-24", "--note", "their move to Kafka")
    sb("contact", "1", "Jane Smith", "--role", "Hiring Manager")
    text = sb("draft", "1", "thank-you").stdout
    assert "Acme" in text and "Data Engineer" in text and "Jane Smith" in text
    assert "Tuesday 24 November" in text and "their move to Kafka" in text


def test_draft_refuses_a_thank_you_without_an_interview(sb, assert_refused) -> None:
    sb("add", "Acme", "Data Engineer")
    assert_refused(sb("draft", "1", "thank-you", check=False), mentions="no interview")
    assert_refused(sb("draft", "1", "cover-letter", check=False), mentions="thank-you")


def test_snooze_hides_the_follow_up_until_the_date(sb, assert_refused) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    agenda = json.loads(sb("today", "--json", today="2026-11-24").stdout)
    assert [i["kind"] for i in agenda["items"]] == ["follow_up"]
    result = sb("snooze", "1", "follow-up", "--until", "2026-11-27", today="2026-11-24")
    assert "snoozed the follow-up until Fri 27 Nov 2026" in result.stdout
    for day, shown in (("2026-11-25", []), ("2026-11-26", []), ("2026-11-27", ["follow_up"])):
        agenda = json.loads(sb("today", "--json", today=day).stdout)
        assert [i["kind"] for i in agenda["items"]] == shown, day
    # It is on the timeline, as a note.
    events = json.loads(sb("show", "1", "--json").stdout)["events"]
    assert events[-1]["kind"] == "note" and events[-1]["until"] == "2026-11-27"
    # Bad input: one line, exit 2, nothing written.
    assert_refused(sb("snooze", "1", "nap", "--until", "2026-11-27", check=False))
    assert_refused(sb("snooze", "1", "follow-up", "--until", "Friday", check=False))
    assert_refused(sb("snooze", "9", "follow-up", "--until", "2026-11-27", check=False))


def test_adding_at_a_company_that_ghosted_you_warns_on_stderr_and_adds(sb) -> None:
    sb("add", "Acme, Inc.", "Data Engineer", "--on", "2026-09-01")
    sb("log", "1", "follow-up", "--on", "2026-10-03")
    sb("move", "1", "ghosted", "--on", "2026-10-20")
    result = sb("add", "ACME", "ML Engineer")
    assert result.stdout.strip() == "2"  # scripts still read the id alone
    assert "Acme ghosted you after a follow-up on 3 Oct" in result.stderr
    assert len(json.loads(sb("list", "--json").stdout)) == 2
    assert sb("add", "Globex", "Backend").stderr == ""  # a new company: no warning


def test_a_ghosted_application_reopens_and_its_clock_restarts(sb) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-09-01")
    sb("move", "1", "ghosted", "--on", "2026-10-20")
    sb("move", "1", "screening", "--on", "2026-11-24")  # they came back
    agenda = json.loads(sb("today", "--json", today="2026-11-25").stdout)
    # Contact is now Tue 24 Nov: the follow-up is 7 business days on, Thanksgiving
    # skipped (25, 27, 30, 1, 2, 3, 4): Fri 4 Dec. Nothing says "likely ghosted" any more.
    assert [(i["kind"], i["due"]) for i in agenda["items"]] == [("follow_up", "2026-12-04")]


def test_snooze_until_today_ends_it(sb) -> None:
    sb("add", "Acme", "Data Engineer", "--on", "2026-11-02")
    sb("snooze", "1", "follow-up", "--until", "2026-12-04", today="2026-11-24")
    assert json.loads(sb("today", "--json", today="2026-11-25").stdout)["items"] == []
    ended = sb("snooze", "1", "follow-up", "--until", "today", today="2026-11-25")
    assert "ended the snooze of the follow-up" in ended.stdout
    agenda = json.loads(sb("today", "--json", today="2026-11-25").stdout)
    assert [i["kind"] for i in agenda["items"]] == ["follow_up"]


def test_text_that_is_not_utf8_is_refused_in_one_line(cli, db, assert_refused) -> None:
    # The shell hands Python undecodable bytes as surrogates; they could never be saved.
    result = cli("add", "Bad\udcffname", "Data Engineer")
    assert_refused(result, mentions="company")
    assert "Bad\\xffname" in result.stderr
    assert not db.exists()
