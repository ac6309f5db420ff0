"""The calendar export: the .ics file read back with icalendar, on the real US calendar.

Dates a person can check: today is Wed 2026-11-25, the day before Thanksgiving (Thu
2026-11-26); Veterans Day is Wed 2026-11-11. November 2026 starts on a Sunday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import pytest

from searchboard.calendar_export import build_ics, calendar_entries
from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.model import Application, Event
from searchboard.domain.rules import ItemKind, open_items
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind, Stage

D = date.fromisoformat
TODAY = D("2026-11-25")


def application(
    id: int,
    stage: Stage,
    *events: Event,
    company: str = "Acme",
    role: str = "Data Engineer",
    url: str | None = None,
) -> Application:
    return Application(
        id=id,
        company=company,
        role=role,
        stage=stage,
        url=url,
        events=tuple(sorted(events, key=lambda event: event.date)),
    )


def applied(on: str) -> Event:
    return Event(EventKind.APPLIED, D(on))


def moved(stage: Stage, on: str) -> Event:
    return Event(EventKind.STAGE, D(on), stage=stage)


def interview(on: str, note: str | None = None, expect: str | None = None) -> Event:
    return Event(EventKind.INTERVIEW, D(on), note=note, expect=D(expect) if expect else None)


def export(
    apps: list[Application], us: BusinessCalendar, today: date = TODAY
) -> dict[str, icalendar.Event]:
    """The exported events, read back from the bytes and keyed by UID."""
    parsed = icalendar.Calendar.from_ical(build_ics(apps, us, Settings(), today))
    events = {str(event["UID"]): event for event in parsed.walk("VEVENT")}
    assert len(events) == len(parsed.walk("VEVENT")), "UIDs must be unique"
    return events


def text(event: icalendar.Event, name: str) -> str:
    return str(event[name])


def day_of(event: icalendar.Event) -> date:
    start = event.decoded("DTSTART")
    assert type(start) is date, "an all-day event (VALUE=DATE), not a date-time"
    return start


def uid(app_id: int, key: str) -> str:
    return f"searchboard-{app_id}-{key}@searchboard"


@pytest.fixture
def acme() -> Application:
    """Interviewing since 2 Nov, with an interview today, the day before Thanksgiving."""
    return application(
        12,
        Stage.INTERVIEWING,
        applied("2026-10-26"),
        moved(Stage.INTERVIEWING, "2026-11-02"),
        interview("2026-11-25", note="Panel with Jo and Sam"),
        url="https://acme.example/jobs/12",
    )


# --- the events and their dates ----------------------------------------------------------------


def test_an_interview_today_and_its_thank_you_after_thanksgiving(us, acme):
    events = export([acme], us)
    meeting = events[uid(12, "interview-2026-11-25")]
    assert day_of(meeting) == D("2026-11-25")
    assert text(meeting, "SUMMARY") == "Interview: Acme — Data Engineer"
    # Thursday is Thanksgiving: the note is due on Friday.
    thanks = events[uid(12, "thank-you-2026-11-25")]
    assert day_of(thanks) == D("2026-11-27")
    assert text(thanks, "SUMMARY") == "Send a thank-you note: Acme — Data Engineer"


def test_a_follow_up_counts_ten_business_days_across_thanksgiving(us):
    # Applied Mon 16 Nov: 17, 18, 19, 20, 23, 24, 25, (26 off), 27, 30 Nov, 1 Dec.
    app = application(7, Stage.APPLIED, applied("2026-11-16"), company="Globex", role="Analyst")
    events = export([app], us)
    assert list(events) == [uid(7, "follow-up")]
    follow_up = events[uid(7, "follow-up")]
    assert day_of(follow_up) == D("2026-12-01")
    assert text(follow_up, "SUMMARY") == "Follow up: Globex — Analyst"
    assert "Last contact: Mon 2026-11-16 (applied)" in text(follow_up, "DESCRIPTION")


def test_an_offer_deadline_with_the_offer_note(us):
    offer = Event(EventKind.OFFER, D("2026-11-20"), note="120k + equity", deadline=D("2026-12-04"))
    app = application(
        3, Stage.OFFER, applied("2026-10-01"), offer, company="Initech", role="Platform Lead"
    )
    events = export([app], us)
    assert list(events) == [uid(3, "offer-deadline")]
    deadline = events[uid(3, "offer-deadline")]
    assert day_of(deadline) == D("2026-12-04")
    assert text(deadline, "SUMMARY") == "Offer deadline: Initech — Platform Lead"
    assert "Offer note: 120k + equity" in text(deadline, "DESCRIPTION")


def test_all_day_events_of_one_day(us, acme):
    for event in export([acme], us).values():
        assert (event.decoded("DTEND") - day_of(event)).days == 1  # DTEND is exclusive
        assert str(event["TRANSP"]) == "TRANSPARENT"  # a reminder does not block the day
        assert str(event["CLASS"]) == "PRIVATE"


def test_the_description_names_the_card_its_stage_and_the_note(us, acme):
    events = export([acme], us)
    meeting = text(events[uid(12, "interview-2026-11-25")], "DESCRIPTION").splitlines()
    assert meeting == [
        "#12 Acme — Data Engineer · stage: interviewing",
        "Note: Panel with Jo and Sam",
        "Posting: https://acme.example/jobs/12",
    ]
    thanks = text(events[uid(12, "thank-you-2026-11-25")], "DESCRIPTION").splitlines()
    assert thanks[1:3] == [
        "For the interview on Wed 2026-11-25",
        "Interview note: Panel with Jo and Sam",
    ]


def test_a_decision_date_is_in_the_interview_and_moves_the_follow_up(us):
    # They said they would decide by Fri 4 Dec: follow up on Mon 7 Dec.
    app = application(
        5,
        Stage.INTERVIEWING,
        moved(Stage.INTERVIEWING, "2026-11-16"),
        interview("2026-12-01", expect="2026-12-04"),
    )
    events = export([app], us)
    meeting = events[uid(5, "interview-2026-12-01")]
    assert "They said they would decide by Fri 2026-12-04" in text(meeting, "DESCRIPTION")
    assert day_of(events[uid(5, "follow-up")]) == D("2026-12-07")


def test_the_posting_url(us, acme):
    events = export([acme], us)
    assert all(str(e["URL"]) == "https://acme.example/jobs/12" for e in events.values())
    no_url = application(1, Stage.APPLIED, applied("2026-11-20"))
    assert "URL" not in export([no_url], us)[uid(1, "follow-up")]


def test_a_url_that_is_not_one_goes_in_the_description_only(us):
    app = application(1, Stage.APPLIED, applied("2026-11-20"), url="their careers page")
    follow_up = export([app], us)[uid(1, "follow-up")]
    assert "URL" not in follow_up
    assert "Posting: their careers page" in text(follow_up, "DESCRIPTION")


# --- overdue items, and what is left out ---------------------------------------------------------


def test_an_overdue_item_is_put_on_today(us):
    # Applied Mon 2 Nov: the follow-up was due bd(2 Nov, 10) = Tue 17 Nov (11 Nov is off).
    app = application(4, Stage.APPLIED, applied("2026-11-02"), company="Hooli", role="SRE")
    follow_up = export([app], us)[uid(4, "follow-up")]
    assert day_of(follow_up) == TODAY
    assert text(follow_up, "SUMMARY") == "Follow up: Hooli — SRE (overdue since 2026-11-17)"


def test_an_overdue_thank_you_moves_with_today_under_the_same_uid(us, acme):
    on_friday = export([acme], us, today=D("2026-11-27"))[uid(12, "thank-you-2026-11-25")]
    on_monday = export([acme], us, today=D("2026-11-30"))[uid(12, "thank-you-2026-11-25")]
    assert day_of(on_friday) == D("2026-11-27")
    assert "overdue" not in text(on_friday, "SUMMARY")
    assert day_of(on_monday) == D("2026-11-30")
    assert text(on_monday, "SUMMARY").endswith("(overdue since 2026-11-27)")


def test_likely_ghosted_applications_are_left_out(us):
    # Applied 1 Sep and never heard back: 30 business days of silence passed in October.
    silent = application(9, Stage.APPLIED, applied("2026-09-01"))
    kinds = [item.kind for item in open_items(silent, us, Settings(), TODAY)]
    assert kinds == [ItemKind.LIKELY_GHOSTED]  # the rules flag it ...
    assert export([silent], us) == {}  # ... but it is nothing to put in a calendar


def test_closed_and_wishlist_applications_are_left_out(us):
    # Each has an interview booked next week, which an active card would export.
    booked = interview("2026-12-02")
    closed = [
        application(n, stage, applied("2026-11-02"), booked)
        for n, stage in enumerate(
            (Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED, Stage.ACCEPTED), start=20
        )
    ]
    wishlist = application(30, Stage.WISHLIST, booked)
    active = application(31, Stage.SCREENING, applied("2026-11-02"), booked)
    events = export([*closed, wishlist, active], us)
    assert {str(e["UID"]).split("-")[1] for e in events.values()} == {"31"}


def test_nothing_to_do_gives_an_empty_calendar(us):
    parsed = icalendar.Calendar.from_ical(build_ics([], us, Settings(), TODAY))
    assert parsed.walk("VEVENT") == []
    assert str(parsed["PRODID"]) == "-//searchboard//EN"


# --- stable UIDs and output -------------------------------------------------------------------


def test_the_calendar_header_and_stamp(us, acme):
    data = build_ics([acme], us, Settings(), TODAY)
    parsed = icalendar.Calendar.from_ical(data)
    assert str(parsed["PRODID"]) == "-//searchboard//EN"
    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["X-WR-CALNAME"]) == "searchboard"
    for event in parsed.walk("VEVENT"):
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 25, tzinfo=UTC)
    assert b"DTSTART;VALUE=DATE:20261125\r\n" in data


def test_the_same_data_gives_the_same_bytes(us, acme):
    other = application(2, Stage.APPLIED, applied("2026-11-16"), company="Globex")
    first = build_ics([acme, other], us, Settings(), TODAY)
    again = build_ics([acme, other], us, Settings(), TODAY)
    reordered = build_ics([other, acme], us, Settings(), TODAY)
    assert first == again == reordered
    # Sorted by day, then card: Globex's follow-up (1 Dec) comes after Acme's items.
    days = [day_of(e) for e in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    assert days == sorted(days)


def test_a_follow_up_whose_due_date_moves_keeps_its_uid(us):
    # In screening since Mon 2 Nov: follow up bd(2 Nov, 7) = Thu 12 Nov (11 Nov is off).
    before = application(
        6, Stage.SCREENING, applied("2026-10-20"), moved(Stage.SCREENING, "2026-11-02")
    )
    # They got back on Mon 9 Nov: seven business days from then is Thu 19 Nov.
    after = application(
        6, Stage.SCREENING, *before.events, Event(EventKind.RESPONSE, D("2026-11-09"))
    )
    today = D("2026-11-09")
    assert list(export([before], us, today)) == list(export([after], us, today))
    assert day_of(export([before], us, today)[uid(6, "follow-up")]) == D("2026-11-12")
    assert day_of(export([after], us, today)[uid(6, "follow-up")]) == D("2026-11-19")


def test_each_interview_has_its_own_uid(us):
    app = application(
        8,
        Stage.INTERVIEWING,
        moved(Stage.INTERVIEWING, "2026-11-16"),
        interview("2026-12-02", note="with the team"),
        interview("2026-12-09", note="first of two"),
        interview("2026-12-09", note="second of two"),
    )
    events = export([app], us)
    meetings = {key: value for key, value in events.items() if "-interview-" in key}
    assert set(meetings) == {
        uid(8, "interview-2026-12-02"),
        uid(8, "interview-2026-12-09"),
        uid(8, "interview-2026-12-09-2"),  # the second one that day
    }
    assert "Note: first of two" in text(meetings[uid(8, "interview-2026-12-09")], "DESCRIPTION")
    assert "Note: second of two" in text(meetings[uid(8, "interview-2026-12-09-2")], "DESCRIPTION")


def test_a_new_interview_gets_a_new_thank_you_uid(us, acme):
    first = export([acme], us)
    second_round = acme.with_event(Event(EventKind.THANK_YOU, D("2026-11-25")))
    second_round = second_round.with_event(interview("2026-12-01"))
    later = export([second_round], us, today=D("2026-12-01"))
    assert uid(12, "thank-you-2026-11-25") in first
    assert uid(12, "thank-you-2026-11-25") not in later
    assert day_of(later[uid(12, "thank-you-2026-12-01")]) == D("2026-12-02")


# --- user text ---------------------------------------------------------------------------------


def test_user_text_with_commas_semicolons_and_newlines_round_trips(us):
    note = "Ask about: pay, hours; remote?\nBring ID \\ portfolio"
    app = application(
        15,
        Stage.INTERVIEWING,
        moved(Stage.INTERVIEWING, "2026-11-16"),
        interview("2026-12-02", note=note),
        company="Smith, Jones & Co; Ltd",
        role="[bold]Dev[/]",
    )
    data = build_ics([app], us, Settings(), TODAY)
    assert b"Smith\\, Jones & Co\\; Ltd" in data  # escaped by the library, as RFC 5545 says
    meeting = export([app], us)[uid(15, "interview-2026-12-02")]
    assert text(meeting, "SUMMARY") == "Interview: Smith, Jones & Co; Ltd — [bold]Dev[/]"
    assert f"Note: {note}" in text(meeting, "DESCRIPTION")


def test_line_breaks_in_a_name_stay_out_of_the_summary_and_control_characters_out_of_the_file(
    us,
):
    app = application(
        16,
        Stage.APPLIED,
        Event(EventKind.APPLIED, D("2026-11-20"), note="sent\x07 via the portal"),
        company="Umbrella\r\nCorp",
        role="QA\x1b[31m",
        url="https://umbrella.example/\njobs",
    )
    data = build_ics([app], us, Settings(), TODAY)
    assert b"\x1b" not in data
    assert b"\x07" not in data
    follow_up = export([app], us)[uid(16, "follow-up")]
    assert text(follow_up, "SUMMARY") == "Follow up: Umbrella Corp — QA[31m"
    assert "URL" not in follow_up  # a URI cannot hold a line break
    assert text(follow_up, "DESCRIPTION").splitlines()[2:] == [
        "Note: sent via the portal",
        "Posting: https://umbrella.example/",
        "jobs",
    ]


def test_entries_match_the_file(us, acme):
    entries = calendar_entries([acme], us, Settings(), TODAY)
    assert [entry.uid for entry in entries] == list(export([acme], us))
    assert [entry.item.kind for entry in entries] == [
        ItemKind.INTERVIEW,
        ItemKind.THANK_YOU,
        ItemKind.FOLLOW_UP,
    ]


def test_the_next_round_booked_leaves_the_thank_you_and_the_last_contact_as_they_were(us):
    """Interviewed Mon 23 Nov, next round booked for Wed 2 Dec, today Wed 25 Nov: the
    thank-you is for the 23rd's interview (due Tue 24, overdue), and the last contact
    shown anywhere is not the interview still to come."""
    app = application(
        4,
        Stage.INTERVIEWING,
        applied("2026-11-02"),
        moved(Stage.INTERVIEWING, "2026-11-16"),
        interview("2026-11-23", note="Hiring manager"),
        interview("2026-12-02"),
    )
    events = export([app], us)
    thanks = events[uid(4, "thank-you-2026-11-23")]
    assert "For the interview on Mon 2026-11-23" in text(thanks, "DESCRIPTION")
    assert "Hiring manager" in text(thanks, "DESCRIPTION")
    assert uid(4, "thank-you-2026-12-02") not in events
    assert uid(4, "interview-2026-12-02") in events


def test_a_follow_up_names_the_last_contact_that_has_happened(us):
    """An interview booked for a day after today is not the last contact (a follow-up
    owed after the 16th's move while the next date was only pencilled in)."""
    from searchboard.calendar_export import _last_contact_lines

    app = application(
        5,
        Stage.SCREENING,
        applied("2026-11-02"),
        moved(Stage.SCREENING, "2026-11-16"),
        interview("2026-12-02"),
    )
    lines = _last_contact_lines(app, TODAY)
    assert lines[0] == "Last contact: Mon 2026-11-16 (moved to screening)"
