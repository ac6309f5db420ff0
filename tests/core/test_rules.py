"""The rules of SPEC §4 and the agenda built from them, on the real US calendar.

US public holidays near these dates: Veterans Day Wed 2026-11-11, Thanksgiving Thu
2026-11-26, Christmas Fri 2026-12-25. November 2026 starts on a Sunday.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from searchboard.domain.agenda import build_agenda
from searchboard.domain.dates import DateOutOfRange, parse_date
from searchboard.domain.model import Application, Event, new_application
from searchboard.domain.rules import ItemKind, last_contact, open_items
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind, Stage

D = date.fromisoformat
K = ItemKind


def card(stage: Stage, on: str, id: int = 1, company: str = "Acme") -> Application:
    return new_application(id, company, "Data Engineer", stage, D(on))


def log(app: Application, kind: EventKind, on: str, **extra) -> Application:
    extra = {key: D(value) for key, value in extra.items()}
    return app.with_event(Event(kind, D(on), **extra))


def interviewed(on: str, since: str = "2026-10-26", **extra) -> Application:
    """A card in `interviewing` since `since`, with an interview on `on`."""
    return log(card(Stage.INTERVIEWING, since), EventKind.INTERVIEW, on, **extra)


def items_of(app, calendar, today, settings=None):
    return open_items(app, calendar, settings or Settings(), D(today))


def kinds(items) -> list[ItemKind]:
    return [item.kind for item in items]


def due(items, kind: ItemKind) -> date:
    found = [item.due for item in items if item.kind is kind]
    assert len(found) == 1, (kind, items)
    return found[0]


# --- thank-you notes --------------------------------------------------------------------------


def test_thank_you_is_due_the_next_business_day_after_an_interview(us):
    app = interviewed("2026-11-25")  # the Wednesday before Thanksgiving
    items = items_of(app, us, "2026-11-25")
    assert due(items, K.THANK_YOU) == D("2026-11-27")
    assert not next(i for i in items if i.kind is K.THANK_YOU).overdue


def test_thank_you_becomes_overdue(us):
    app = interviewed("2026-11-25")
    on_time = next(i for i in items_of(app, us, "2026-11-27") if i.kind is K.THANK_YOU)
    late = next(i for i in items_of(app, us, "2026-11-30") if i.kind is K.THANK_YOU)
    assert not on_time.overdue
    assert late.overdue
    assert late.due == D("2026-11-27")


def test_logging_a_thank_you_clears_it(us):
    app = log(interviewed("2026-11-25"), EventKind.THANK_YOU, "2026-11-25")
    assert K.THANK_YOU not in kinds(items_of(app, us, "2026-11-25"))
    later = log(interviewed("2026-11-25"), EventKind.THANK_YOU, "2026-11-30")
    assert K.THANK_YOU not in kinds(items_of(later, us, "2026-12-01"))


def test_a_thank_you_before_the_interview_does_not_count(us):
    app = log(interviewed("2026-11-25"), EventKind.THANK_YOU, "2026-11-24")
    assert due(items_of(app, us, "2026-11-25"), K.THANK_YOU) == D("2026-11-27")


def test_each_new_interview_needs_its_own_thank_you(us):
    app = log(interviewed("2026-11-02"), EventKind.THANK_YOU, "2026-11-02")
    app = log(app, EventKind.INTERVIEW, "2026-11-16")
    assert due(items_of(app, us, "2026-11-16"), K.THANK_YOU) == D("2026-11-17")


def test_booking_the_next_round_keeps_the_thank_you_owed_for_this_one(us):
    # Round one on Wednesday 25 Nov; round two booked for 3 Dec. On Thanksgiving the
    # thank-you for round one is still owed, on Friday 27 Nov.
    app = log(interviewed("2026-11-25"), EventKind.INTERVIEW, "2026-12-03")
    items = items_of(app, us, "2026-11-26")
    assert due(items, K.THANK_YOU) == D("2026-11-27")
    assert due(items, K.INTERVIEW) == D("2026-12-03")
    thanked = log(app, EventKind.THANK_YOU, "2026-11-27")
    assert K.THANK_YOU not in kinds(items_of(thanked, us, "2026-11-30"))


# --- interviews -------------------------------------------------------------------------------


def test_a_future_interview_is_an_item_and_needs_no_thank_you_yet(us):
    app = interviewed("2026-12-02")
    items = items_of(app, us, "2026-11-30")
    assert due(items, K.INTERVIEW) == D("2026-12-02")
    assert K.THANK_YOU not in kinds(items)


def test_an_interview_today_is_an_item_and_opens_the_thank_you(us):
    app = interviewed("2026-12-02")
    items = items_of(app, us, "2026-12-02")
    assert due(items, K.INTERVIEW) == D("2026-12-02")
    assert due(items, K.THANK_YOU) == D("2026-12-03")


def test_a_past_interview_is_no_longer_an_item(us):
    app = interviewed("2026-12-02")
    assert K.INTERVIEW not in kinds(items_of(app, us, "2026-12-03"))


# --- follow-ups -------------------------------------------------------------------------------


def test_follow_up_after_a_stated_decision_date(us):
    # They said they would decide by Tue 10 Nov; Wed 11 Nov is Veterans Day.
    app = interviewed("2026-11-02", expect="2026-11-10")
    assert due(items_of(app, us, "2026-11-02"), K.FOLLOW_UP) == D("2026-11-12")
    # A Friday decision date: follow up the next Monday.
    app = interviewed("2026-11-02", expect="2026-11-13")
    assert due(items_of(app, us, "2026-11-02"), K.FOLLOW_UP) == D("2026-11-16")


def test_a_decision_date_before_the_last_contact_is_ignored(us):
    app = interviewed("2026-11-02", expect="2026-11-06")
    app = log(app, EventKind.RESPONSE, "2026-11-09")
    # Contact is now 9 Nov: seven business days later (skipping 11 Nov) is Thu 19 Nov.
    assert due(items_of(app, us, "2026-11-09"), K.FOLLOW_UP) == D("2026-11-19")


def test_follow_up_seven_business_days_after_an_interview(us):
    app = interviewed("2026-11-02")
    # 3, 4, 5, 6, 9, 10, (11 is Veterans Day), 12.
    assert due(items_of(app, us, "2026-11-02"), K.FOLLOW_UP) == D("2026-11-12")


def test_follow_up_ten_business_days_after_applying(us):
    app = card(Stage.APPLIED, "2026-11-02")
    items = items_of(app, us, "2026-11-02")
    assert kinds(items) == [K.FOLLOW_UP]
    assert due(items, K.FOLLOW_UP) == D("2026-11-17")


def test_follow_up_in_screening_uses_the_contact_threshold(us):
    app = card(Stage.SCREENING, "2026-11-02")
    assert due(items_of(app, us, "2026-11-02"), K.FOLLOW_UP) == D("2026-11-12")


def test_notes_thank_yous_and_follow_ups_are_not_contact(us):
    app = card(Stage.APPLIED, "2026-11-02")
    app = log(app, EventKind.NOTE, "2026-11-09")
    app = log(app, EventKind.THANK_YOU, "2026-11-10")
    assert last_contact(app) == D("2026-11-02")
    assert due(items_of(app, us, "2026-11-10"), K.FOLLOW_UP) == D("2026-11-17")


def test_one_follow_up_then_likely_ghosted(us):
    app = log(card(Stage.APPLIED, "2026-11-02"), EventKind.FOLLOW_UP, "2026-11-17")
    # After the follow-up nothing is to do until it counts as ghosted: bd(17 Nov, 10)
    # = 18, 19, 20, 23, 24, 25, 27, 30 Nov, 1, 2 Dec.
    assert items_of(app, us, "2026-11-18") == []
    assert items_of(app, us, "2026-12-01") == []
    items = items_of(app, us, "2026-12-02")
    assert kinds(items) == [K.LIKELY_GHOSTED]
    assert items[0].due == D("2026-12-02")
    # It stays flagged, with no follow-up item: one follow-up is enough.
    assert kinds(items_of(app, us, "2026-12-20")) == [K.LIKELY_GHOSTED]


def test_silence_alone_means_likely_ghosted_after_30_business_days(us):
    app = card(Stage.APPLIED, "2026-11-02")
    # Until then the (overdue) follow-up is the item.
    before = items_of(app, us, "2026-12-15")
    assert kinds(before) == [K.FOLLOW_UP]
    assert before[0].overdue
    # bd(2 Nov, 30) = Wed 16 Dec 2026.
    items = items_of(app, us, "2026-12-16")
    assert kinds(items) == [K.LIKELY_GHOSTED]
    assert items[0].due == D("2026-12-16")


def test_the_earlier_ghost_date_counts_when_both_have_passed(us):
    early = log(card(Stage.APPLIED, "2026-11-02"), EventKind.FOLLOW_UP, "2026-11-17")
    assert due(items_of(early, us, "2026-12-21"), K.LIKELY_GHOSTED) == D("2026-12-02")
    # A late follow-up: silence (16 Dec) comes before bd(10 Dec, 10) = 24 Dec.
    late = log(card(Stage.APPLIED, "2026-11-02"), EventKind.FOLLOW_UP, "2026-12-10")
    assert items_of(late, us, "2026-12-15") == []
    assert due(items_of(late, us, "2026-12-17"), K.LIKELY_GHOSTED) == D("2026-12-16")


def test_a_response_restarts_the_clock(us):
    app = log(card(Stage.APPLIED, "2026-11-02"), EventKind.FOLLOW_UP, "2026-11-17")
    app = log(app, EventKind.RESPONSE, "2026-11-19")
    assert last_contact(app) == D("2026-11-19")
    # Not ghosted on 2 Dec any more; a follow-up is due again, bd(19 Nov, 10) = 4 Dec.
    items = items_of(app, us, "2026-12-02")
    assert kinds(items) == [K.FOLLOW_UP]
    assert items[0].due == D("2026-12-04")


def test_a_forward_move_counts_as_contact(us):
    app = card(Stage.APPLIED, "2026-11-02").moved_to(Stage.SCREENING, D("2026-11-09"))
    assert last_contact(app) == D("2026-11-09")
    assert due(items_of(app, us, "2026-11-09"), K.FOLLOW_UP) == D("2026-11-19")
    offer = app.moved_to(Stage.OFFER, D("2026-11-20"))
    assert last_contact(offer) == D("2026-11-20")


def test_a_backward_move_is_not_contact(us):
    app = card(Stage.APPLIED, "2026-11-02").moved_to(Stage.INTERVIEWING, D("2026-11-09"))
    app = app.moved_to(Stage.SCREENING, D("2026-11-16"))
    assert last_contact(app) == D("2026-11-09")
    # bd(9 Nov, 7), not bd(16 Nov, 7) = 25 Nov.
    assert due(items_of(app, us, "2026-11-16"), K.FOLLOW_UP) == D("2026-11-19")


def test_a_move_to_a_closed_stage_is_not_contact():
    app = card(Stage.APPLIED, "2026-11-02").moved_to(Stage.REJECTED, D("2026-11-09"))
    assert last_contact(app) == D("2026-11-02")


# --- stages without items ---------------------------------------------------------------------


def test_wishlist_cards_have_no_items(us):
    app = log(card(Stage.WISHLIST, "2026-11-02"), EventKind.INTERVIEW, "2026-11-20")
    assert items_of(app, us, "2026-11-20") == []
    assert items_of(card(Stage.WISHLIST, "2026-09-01"), us, "2026-12-20") == []


@pytest.mark.parametrize(
    "outcome", [Stage.ACCEPTED, Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED]
)
def test_closed_cards_have_no_items(us, outcome):
    app = interviewed("2026-11-20", expect="2026-11-30")
    app = log(app, EventKind.INTERVIEW, "2026-12-01")
    app = log(app, EventKind.OFFER, "2026-11-25", deadline="2026-12-04")
    app = app.moved_to(outcome, D("2026-11-25"))
    assert items_of(app, us, "2026-11-30") == []
    assert items_of(app, us, "2027-03-01") == []


def test_a_reopened_card_has_items_again(us):
    app = card(Stage.APPLIED, "2026-11-02").moved_to(Stage.GHOSTED, D("2026-12-16"))
    assert items_of(app, us, "2026-12-17") == []
    back = log(app.moved_to(Stage.INTERVIEWING, D("2027-01-04")), EventKind.INTERVIEW, "2027-01-06")
    assert K.THANK_YOU in kinds(items_of(back, us, "2027-01-06"))


# --- offers -----------------------------------------------------------------------------------


def test_offer_deadline(us):
    app = interviewed("2026-11-10").moved_to(Stage.OFFER, D("2026-11-20"))
    app = log(app, EventKind.THANK_YOU, "2026-11-10")
    app = log(app, EventKind.OFFER, "2026-11-20", deadline="2026-12-04")
    items = items_of(app, us, "2026-11-23")
    assert kinds(items) == [K.OFFER_DEADLINE]
    assert items[0].due == D("2026-12-04")
    assert not items[0].overdue
    assert items_of(app, us, "2026-12-07")[0].overdue
    # A revised offer with a new deadline: the latest one counts.
    revised = log(app, EventKind.OFFER, "2026-11-27", deadline="2026-12-11")
    assert due(items_of(revised, us, "2026-11-30"), K.OFFER_DEADLINE) == D("2026-12-11")


def test_offer_without_deadline_or_outside_offer_stage_has_no_deadline_item(us):
    no_deadline = log(card(Stage.OFFER, "2026-11-20"), EventKind.OFFER, "2026-11-20")
    assert items_of(no_deadline, us, "2026-11-23") == []
    still_interviewing = log(
        interviewed("2026-11-10"), EventKind.OFFER, "2026-11-20", deadline="2026-12-04"
    )
    assert K.OFFER_DEADLINE not in kinds(items_of(still_interviewing, us, "2026-11-23"))


def test_offer_stage_has_no_follow_up_or_ghosting(us):
    app = card(Stage.OFFER, "2026-09-01")
    assert items_of(app, us, "2026-12-20") == []


# --- days off and thresholds ------------------------------------------------------------------


def test_days_off_shift_due_dates(calendar_for):
    cal = calendar_for("US", None, [D("2026-11-27")])
    app = interviewed("2026-11-25")
    assert due(items_of(app, cal, "2026-11-25"), K.THANK_YOU) == D("2026-11-30")
    applied = card(Stage.APPLIED, "2026-11-02")
    off = calendar_for("US", None, [D("2026-11-03"), D("2026-11-04")])
    assert due(items_of(applied, off, "2026-11-02"), K.FOLLOW_UP) == D("2026-11-19")


def test_thresholds_come_from_settings(us):
    s = Settings(
        thank_you_days=2,
        follow_up_days_after_applied=5,
        follow_up_days_after_contact=3,
        ghost_days_after_follow_up=3,
        ghost_days_silent=20,
    )
    assert due(items_of(interviewed("2026-11-25"), us, "2026-11-25", s), K.THANK_YOU) == D(
        "2026-11-30"
    )
    applied = card(Stage.APPLIED, "2026-11-02")
    assert due(items_of(applied, us, "2026-11-02", s), K.FOLLOW_UP) == D("2026-11-09")
    assert due(items_of(interviewed("2026-11-02"), us, "2026-11-02", s), K.FOLLOW_UP) == D(
        "2026-11-05"
    )
    followed = log(applied, EventKind.FOLLOW_UP, "2026-11-17")
    assert items_of(followed, us, "2026-11-19", s) == []
    assert due(items_of(followed, us, "2026-11-20", s), K.LIKELY_GHOSTED) == D("2026-11-20")
    # bd(2 Nov, 20) = 2 Dec.
    assert kinds(items_of(applied, us, "2026-12-01", s)) == [K.FOLLOW_UP]
    assert due(items_of(applied, us, "2026-12-02", s), K.LIKELY_GHOSTED) == D("2026-12-02")


def test_items_are_sorted_by_due_date(us):
    app = interviewed("2026-11-25", expect="2026-11-30")
    app = log(app, EventKind.INTERVIEW, "2026-12-08")
    items = items_of(app, us, "2026-11-25")
    assert [item.due for item in items] == sorted(item.due for item in items)


# --- the agenda -------------------------------------------------------------------------------


def test_agenda_sections(us):
    apps = [
        interviewed("2026-11-19", since="2026-11-02"),  # thank-you due 20 Nov: overdue
        replace(interviewed("2026-11-24", since="2026-11-02"), id=2),  # due today
        replace(interviewed("2026-12-01"), id=3),  # interview in 4 business days
        replace(interviewed("2026-12-09"), id=4),  # interview later than 5 days
        card(Stage.APPLIED, "2026-09-01", id=5),  # likely ghosted
        card(Stage.WISHLIST, "2026-11-01", id=6),
        card(Stage.REJECTED, "2026-11-01", id=7),
    ]
    agenda = build_agenda(apps, us, Settings(), D("2026-11-25"))
    assert agenda.date == D("2026-11-25")
    assert agenda.business_day
    assert agenda.holiday is None
    assert [item.due for item in agenda.items] == sorted(item.due for item in agenda.items)
    assert {item.application.id for item in agenda.items} == {1, 2, 3, 4, 5}
    assert [(i.application.id, i.kind) for i in agenda.overdue] == [(1, K.THANK_YOU)]
    assert [(i.application.id, i.kind) for i in agenda.due_today] == [(2, K.THANK_YOU)]
    # Coming up: to bd(25 Nov, 5) = Thu 3 Dec.
    assert agenda.coming_up_until == D("2026-12-03")
    assert (3, K.INTERVIEW) in [(i.application.id, i.kind) for i in agenda.coming_up]
    assert all(D("2026-11-25") < i.due <= D("2026-12-03") for i in agenda.coming_up)
    assert (4, K.INTERVIEW) not in [(i.application.id, i.kind) for i in agenda.coming_up]
    assert [i.application.id for i in agenda.likely_ghosted] == [5]
    assert all(i.kind is not K.LIKELY_GHOSTED for i in agenda.overdue)


def test_agenda_on_a_holiday(us):
    agenda = build_agenda([], us, Settings(), D("2026-11-26"))
    assert not agenda.business_day
    assert agenda.holiday == "Thanksgiving Day"
    data = agenda.to_dict()
    assert data["date"] == "2026-11-26"
    assert data["business_day"] is False
    assert data["holiday"] == "Thanksgiving Day"
    assert data["items"] == []


def test_agenda_to_dict_shape(us):
    app = interviewed("2026-11-25")
    data = build_agenda([app], us, Settings(), D("2026-11-25")).to_dict()
    assert set(data) == {"date", "business_day", "holiday", "items", "keep_applying"}
    assert data["holiday"] is None
    thank_you = next(item for item in data["items"] if item["kind"] == "thank_you")
    assert thank_you == {
        "id": 1,
        "company": "Acme",
        "role": "Data Engineer",
        "stage": "interviewing",
        "kind": "thank_you",
        "due": "2026-11-27",
        "overdue": False,
    }
    assert set(data["keep_applying"]) == {"goal", "applied_this_week", "last_applied", "behind"}


# --- keep applying ----------------------------------------------------------------------------


def applied_on(*days: str) -> list[Application]:
    return [card(Stage.APPLIED, day, id=n, company=f"Co{n}") for n, day in enumerate(days, 1)]


def test_keep_applying_counts_the_monday_to_sunday_week(us):
    # Week of Mon 16 – Sun 22 Nov 2026; Sun 15 and Mon 23 are outside it.
    apps = applied_on("2026-11-15", "2026-11-16", "2026-11-18", "2026-11-22", "2026-11-23")
    progress = build_agenda(apps, us, Settings(), D("2026-11-22")).keep_applying
    assert progress is not None
    assert progress.goal == 5
    assert progress.applied_this_week == 3
    assert progress.last_applied == D("2026-11-22")


def test_keep_applying_last_applied_may_be_in_an_earlier_week(us):
    apps = applied_on("2026-11-04", "2026-11-10")
    progress = build_agenda(apps, us, Settings(), D("2026-11-18")).keep_applying
    assert progress.applied_this_week == 0
    assert progress.last_applied == D("2026-11-10")
    assert build_agenda([], us, Settings(), D("2026-11-18")).keep_applying.last_applied is None


def test_keep_applying_counts_only_applications_that_were_sent(us):
    apps = [
        card(Stage.WISHLIST, "2026-11-16", id=1),
        card(Stage.SCREENING, "2026-11-16", id=2),  # added straight to screening
        card(Stage.APPLIED, "2026-11-16", id=3),
        card(Stage.APPLIED, "2026-11-17", id=4).moved_to(Stage.REJECTED, D("2026-11-18")),
    ]
    progress = build_agenda(apps, us, Settings(), D("2026-11-18")).keep_applying
    assert progress.applied_this_week == 2


@pytest.mark.parametrize(
    ("today", "sent", "behind"),
    [
        # An ordinary week (16–20 Nov): the pace is one a business day.
        ("2026-11-16", 0, True),  # Monday, none sent yet: behind by one
        ("2026-11-16", 1, False),
        ("2026-11-18", 2, True),  # Wednesday: pace is 3
        ("2026-11-18", 3, False),
        ("2026-11-20", 4, True),  # Friday: the whole goal
        ("2026-11-22", 5, False),  # Sunday
        # Thanksgiving week: four business days, so the pace is ceil(5 × k / 4).
        ("2026-11-23", 1, True),  # Monday: pace 2
        ("2026-11-23", 2, False),
        ("2026-11-25", 3, True),  # Wednesday: pace ceil(3.75) = 4
        ("2026-11-25", 4, False),
        ("2026-11-26", 4, False),  # Thanksgiving itself adds nothing
    ],
)
def test_keep_applying_behind_a_steady_pace(us, today, sent, behind):
    monday = D(today).toordinal() - D(today).weekday()
    days = [date.fromordinal(monday).isoformat()] * sent
    progress = build_agenda(applied_on(*days), us, Settings(), D(today)).keep_applying
    assert progress.applied_this_week == sent
    assert progress.behind is behind


def test_keep_applying_goal_comes_from_settings(us):
    two = Settings(weekly_goal=2)
    one_sent = build_agenda(applied_on("2026-11-16"), us, two, D("2026-11-18")).keep_applying
    assert one_sent.goal == 2
    assert one_sent.behind  # Wednesday: pace ceil(2 × 3 / 5) = 2
    two_sent = applied_on("2026-11-16", "2026-11-17")
    assert not build_agenda(two_sent, us, two, D("2026-11-18")).keep_applying.behind
    # With a goal of 2, one sent is on pace on Tuesday: ceil(2 × 2 / 5) = 1.
    assert not build_agenda(applied_on("2026-11-16"), us, two, D("2026-11-17")).keep_applying.behind


def test_keep_applying_off_hides_it(us):
    off = Settings(keep_applying=False)
    agenda = build_agenda(applied_on("2026-11-16"), us, off, D("2026-11-18"))
    assert agenda.keep_applying is None
    assert agenda.to_dict()["keep_applying"] is None


# --- the brief line ---------------------------------------------------------------------------


def brief_scenario() -> list[Application]:
    """On Wed 16 Dec 2026: 2 overdue, 1 due today, 3 likely ghosted, 2 applied this week."""
    return [
        interviewed("2026-12-10", since="2026-12-01"),  # thank-you due Fri 11 Dec
        replace(interviewed("2026-12-10", since="2026-12-01"), id=2),
        replace(interviewed("2026-12-15", since="2026-12-01"), id=3),  # due today
        card(Stage.APPLIED, "2026-09-01", id=4),
        card(Stage.APPLIED, "2026-09-02", id=5),
        card(Stage.SCREENING, "2026-09-03", id=6),
        card(Stage.APPLIED, "2026-12-14", id=7),
        card(Stage.APPLIED, "2026-12-15", id=8),
    ]


def test_brief_line(us):
    agenda = build_agenda(brief_scenario(), us, Settings(), D("2026-12-16"))
    assert len(agenda.overdue) == 2
    assert len(agenda.due_today) == 1
    assert len(agenda.likely_ghosted) == 3
    assert agenda.brief() == "2 overdue · 1 due today · 3 likely ghosted · 2/5 applied this week"


def test_brief_leaves_out_what_is_zero(us):
    apps = [interviewed("2026-12-15", since="2026-12-01")]
    agenda = build_agenda(apps, us, Settings(keep_applying=False), D("2026-12-16"))
    assert agenda.brief() == "1 due today"


def test_brief_is_empty_when_there_is_nothing_to_say(us):
    assert build_agenda([], us, Settings(), D("2026-12-16")).brief() == ""
    # Something coming up later is not worth a line in a shell's start-up.
    apps = [card(Stage.APPLIED, "2026-12-15")]
    assert build_agenda(apps, us, Settings(), D("2026-12-16")).brief() == ""


def test_dates_are_read_only_between_1900_and_2199() -> None:
    # 9999-12-31 is a real date to Python, but the holidays of the year after it and a
    # follow-up ten business days on are not: such a typo is refused where it is typed.
    assert parse_date("2199-12-31") == date(2199, 12, 31)
    assert parse_date(" 1900-01-01 ") == date(1900, 1, 1)
    for text in ("9999-12-31", "2200-01-01", "1899-12-31", "0001-01-01"):
        with pytest.raises(DateOutOfRange, match="out of range"):
            parse_date(text)
