"""Insights (`searchboard stats`) on a hand-made search whose every answer is worked out
below by hand, on the real US calendar.

Today is Wednesday 2026-12-09. US public holidays in play: Columbus Day Mon 2026-10-12 and
Thanksgiving Thu 2026-11-26 (the Friday after is a working day). "bd(a→b)" below is the
number of business days after a, up to and including b.

  #  company    source            timeline (stage moves and events)                 reached
  1  Acme       "LinkedIn"        applied Fri 11-20, response Mon 11-30              applied
  2  Globex     "linkedin "       applied 11-02, screening 11-04, interviewing       accepted
                                  11-13, interviews 11-18 and 11-24, offer 12-01,
                                  accepted 12-03
  3  Initech    "Referral"        applied 10-05, screening 10-14, interviewing       interviewing
                                  10-20, interview 10-22, rejected 11-05
  4  Hooli      "Referral"        applied 11-23, own follow-up 12-03                 applied
  5  Umbrella   None              applied 09-18, ghosted 11-09                       applied
  6  Soylent    "" (blank)        applied 10-19, ghosted 11-30                       applied
  7  Wonka      "Company site"    wishlist 11-10                                     (not sent)
  8  Cyberdyne  "LINKEDIN"        applied Mon 12-07, interview booked for 12-14      applied
  9  Tyrell     "LinkedIn"        recruiter's response 11-20, applied Tue 11-24,     interviewing
                                  interviewing Wed 12-02, interview 12-04
 10  Stark      "Referral"        applied Thu 11-12, interview 11-18 and offer       offer
                                  11-30 logged while the card stays in applied
 11  Oscorp     " company  SITE"  wishlist 10-01, withdrawn 10-10                    (not sent)
"""

from __future__ import annotations

from datetime import date

import pytest

from searchboard.domain.calendar import BusinessCalendar
from searchboard.domain.insights import Insights, Median, Rate, compute_insights
from searchboard.domain.model import Application, Event, new_application
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind, Stage
from searchboard.insights_text import render_insights

D = date.fromisoformat
TODAY = D("2026-12-09")


S, E = Stage, EventKind


def card(
    id: int,
    company: str,
    source: str | None,
    on: str,
    *steps: tuple[Stage | EventKind, str],
    stage: Stage = S.APPLIED,
) -> Application:
    """A card added at `stage` on `on`, then each step in turn: a move to a stage (a move
    to offer also logs the offer, as the board's outcome key does) or an event logged
    without moving the card."""
    app = new_application(id, company, "Data Engineer", stage, D(on), source=source)
    for what, day in steps:
        if isinstance(what, Stage):
            app = app.with_outcome(what, D(day)) if what is S.OFFER else app.moved_to(what, D(day))
        else:
            app = app.with_event(Event(what, D(day)))
    return app


def search() -> list[Application]:
    return [
        card(1, "Acme", "LinkedIn", "2026-11-20", (E.RESPONSE, "2026-11-30")),
        card(
            2, "Globex", "linkedin ", "2026-11-02",
            (S.SCREENING, "2026-11-04"), (S.INTERVIEWING, "2026-11-13"),
            (E.INTERVIEW, "2026-11-18"), (E.INTERVIEW, "2026-11-24"),
            (S.OFFER, "2026-12-01"), (S.ACCEPTED, "2026-12-03"),
        ),
        card(
            3, "Initech", "Referral", "2026-10-05",
            (S.SCREENING, "2026-10-14"), (S.INTERVIEWING, "2026-10-20"),
            (E.INTERVIEW, "2026-10-22"), (S.REJECTED, "2026-11-05"),
        ),
        card(4, "Hooli", "Referral", "2026-11-23", (E.FOLLOW_UP, "2026-12-03")),
        card(5, "Umbrella", None, "2026-09-18", (S.GHOSTED, "2026-11-09")),
        card(6, "Soylent", "", "2026-10-19", (S.GHOSTED, "2026-11-30")),
        card(7, "Wonka", "Company site", "2026-11-10", stage=S.WISHLIST),
        card(8, "Cyberdyne", "LINKEDIN", "2026-12-07", (E.INTERVIEW, "2026-12-14")),
        card(
            9, "Tyrell", "LinkedIn", "2026-11-24",
            (E.RESPONSE, "2026-11-20"), (S.INTERVIEWING, "2026-12-02"),
            (E.INTERVIEW, "2026-12-04"), (E.THANK_YOU, "2026-12-04"),
        ),
        card(
            10, "Stark", "Referral", "2026-11-12",
            (E.INTERVIEW, "2026-11-18"), (E.OFFER, "2026-11-30"),
        ),
        card(
            11, "Oscorp", " company  SITE", "2026-10-01",
            (S.WITHDRAWN, "2026-10-10"), stage=S.WISHLIST,
        ),
    ]  # fmt: skip


@pytest.fixture
def insights(us: BusinessCalendar) -> Insights:
    # Shuffled on purpose: the result must not depend on the order applications come in.
    apps = search()
    return compute_insights([*apps[5:], *apps[:5]], us, Settings(), TODAY)


def funnel_counts(figures) -> dict[str, int]:
    return {str(step.stage): step.count for step in figures.funnel}


def by_source(insights: Insights) -> dict:
    return {entry.source: entry.figures for entry in insights.by_source}


# --- all applications ------------------------------------------------------------------------


def test_funnel(insights: Insights) -> None:
    overall = insights.overall
    # 11 cards; #7 is on the wishlist and #11 was withdrawn from it: 9 were sent.
    assert (overall.applications, overall.wishlist, overall.sent) == (11, 2, 9)
    # applied: all 9 sent · screening: #2, #3, #9 (skipped straight to interviewing) and #10
    # (its interview implies it) · interviewing: the same 4 · offer: #2 and #10 (an offer
    # event, no stage move) · accepted: #2. #8's interview is booked for after today: not yet.
    assert funnel_counts(overall) == {
        "applied": 9,
        "screening": 4,
        "interviewing": 4,
        "offer": 2,
        "accepted": 1,
    }
    conversions = [step.conversion for step in overall.funnel]
    assert conversions == [None, Rate(4, 9), Rate(4, 4), Rate(2, 4), Rate(1, 2)]


def test_response_rate_counts_only_the_employer(insights: Insights) -> None:
    # Answered: #1 (response), #2, #3, #9 (moves forward), #10 (interview). Not: #4 (its
    # follow-up is the candidate's own), #5 and #6 (ghosted), #8 (interview not yet held).
    rate = insights.overall.response_rate
    assert rate == Rate(5, 9)
    assert rate.value == pytest.approx(5 / 9)


def test_business_days_to_first_contact_skip_holidays(insights: Insights) -> None:
    # #1 Fri 11-20 → Mon 11-30: 23 24 25 (26 Thanksgiving) 27 30 = 5
    # #2 Mon 11-02 → Wed 11-04 (screening): 3 4 = 2
    # #3 Mon 10-05 → Wed 10-14 (screening): 6 7 8 9 (12 Columbus Day) 13 14 = 6
    # #9 Tue 11-24 → Wed 12-02 (interviewing; the recruiter's note of 11-20 came before
    #    applying): 25 (26 Thanksgiving) 27 30 1 2 = 5
    # #10 Thu 11-12 → Wed 11-18 (interview): 13 16 17 18 = 4
    # Sorted 2 4 5 5 6: median 5. Counting the holidays as working days would give 6.
    assert insights.overall.days_to_first_contact == Median(5, 5)


def test_business_days_from_interview_to_decision(insights: Insights) -> None:
    # #2 last interview Tue 11-24 → offer Tue 12-01: 25 (26 Thanksgiving) 27 30 1 = 4
    #    (the acceptance of 12-03 is a later decision: the first one counts)
    # #3 interview Thu 10-22 → rejected Thu 11-05: 23 26 27 28 29 30 2 3 4 5 = 10
    # #10 interview Wed 11-18 → offer event Mon 11-30: 19 20 23 24 25 (26) 27 30 = 7
    # #9 interviewed on 12-04 but has no decision yet. Sorted 4 7 10: median 7.
    assert insights.overall.days_interview_to_decision == Median(7, 3)


def test_ghosted_share(insights: Insights) -> None:
    # #5 and #6 were closed as ghosted, of 9 sent.
    assert insights.overall.ghosted_share == Rate(2, 9)


def test_applications_per_week(insights: Insights) -> None:
    # Twelve Monday-to-Sunday weeks, the one holding Wednesday 12-09 last. By applied date:
    # #6 10-19 · #3 10-05 · #2 11-02 · #10 11-12 · #1 11-20 · #4 11-23, #9 11-24 · #8 12-07.
    # #5 (09-18) was sent in the week of 09-14, before the first of the twelve.
    weeks = {week.start.isoformat(): week.count for week in insights.overall.per_week}
    assert weeks == {
        "2026-09-21": 0,
        "2026-09-28": 0,
        "2026-10-05": 1,
        "2026-10-12": 0,
        "2026-10-19": 1,
        "2026-10-26": 0,
        "2026-11-02": 1,
        "2026-11-09": 1,
        "2026-11-16": 1,
        "2026-11-23": 2,
        "2026-11-30": 0,
        "2026-12-07": 1,
    }
    assert insights.overall.per_week[-1].end == D("2026-12-13")
    assert insights.weekly_goal == 5


def test_goal_is_left_out_when_keep_applying_is_off(us: BusinessCalendar) -> None:
    quiet = compute_insights(search(), us, Settings(keep_applying=False), TODAY, weeks=4)
    assert quiet.weekly_goal is None
    assert [week.count for week in quiet.overall.per_week] == [1, 2, 0, 1]


# --- by source -------------------------------------------------------------------------------


def test_sources_are_matched_ignoring_case_and_spacing(insights: Insights) -> None:
    # "LinkedIn" (#1), "linkedin " (#2), "LINKEDIN" (#8), "LinkedIn" (#9) are one source,
    # named as #1 spells it; None (#5) and blank (#6) are "unknown", listed last.
    assert [entry.source for entry in insights.by_source] == [
        "LinkedIn",  # 4 applications
        "Referral",  # 3
        "Company site",  # 2
        "unknown",  # 2
    ]


def test_every_figure_is_split_by_source(insights: Insights) -> None:
    sources = by_source(insights)

    linkedin = sources["LinkedIn"]  # #1 #2 #8 #9
    assert funnel_counts(linkedin) == {
        "applied": 4,
        "screening": 2,  # #2, #9
        "interviewing": 2,
        "offer": 1,  # #2
        "accepted": 1,
    }
    assert linkedin.response_rate == Rate(3, 4)  # #1, #2, #9; not #8
    assert linkedin.days_to_first_contact == Median(5, 3)  # 5 (#1), 2 (#2), 5 (#9)
    assert linkedin.days_interview_to_decision == Median(4, 1)  # #2
    assert linkedin.ghosted_share == Rate(0, 4)
    assert [week.count for week in linkedin.per_week][-4:] == [1, 1, 0, 1]  # #1, #9, -, #8

    referral = sources["Referral"]  # #3 #4 #10
    assert funnel_counts(referral) == {
        "applied": 3,
        "screening": 2,
        "interviewing": 2,  # #3, #10
        "offer": 1,  # #10
        "accepted": 0,
    }
    assert referral.response_rate == Rate(2, 3)
    assert referral.days_to_first_contact == Median(5, 2)  # 6 (#3) and 4 (#10): 5
    assert referral.days_interview_to_decision == Median(8.5, 2)  # 10 (#3) and 7 (#10)

    unknown = sources["unknown"]  # #5 #6: both sent, both ghosted, neither answered
    assert (unknown.sent, unknown.wishlist) == (2, 0)
    assert unknown.response_rate == Rate(0, 2)
    assert unknown.response_rate.value == 0
    assert unknown.ghosted_share.value == 1


def test_a_rate_or_median_with_nothing_to_count_is_none(insights: Insights) -> None:
    never_sent = by_source(insights)["Company site"]  # #7 on the wishlist, #11 withdrawn
    assert (never_sent.applications, never_sent.wishlist, never_sent.sent) == (2, 2, 0)
    assert never_sent.response_rate.value is None
    assert never_sent.ghosted_share.value is None
    assert never_sent.days_to_first_contact == Median(None, 0)
    assert all(
        step.conversion is None or step.conversion.value is None for step in never_sent.funnel
    )


def test_no_applications_at_all(us: BusinessCalendar) -> None:
    empty = compute_insights([], us, Settings(), TODAY)
    assert empty.by_source == ()
    assert empty.overall.response_rate.value is None
    assert [week.count for week in empty.overall.per_week] == [0] * 12
    assert "none yet" in render_insights(empty)


# --- JSON ------------------------------------------------------------------------------------


def test_to_dict_shape(insights: Insights) -> None:
    data = insights.to_dict()
    assert set(data) == {"date", "weeks", "weekly_goal", "overall", "by_source"}
    assert (data["date"], data["weeks"], data["weekly_goal"]) == ("2026-12-09", 12, 5)
    overall = data["overall"]
    assert (overall["applications"], overall["wishlist"], overall["sent"]) == (11, 2, 9)
    assert overall["funnel"][0] == {"stage": "applied", "count": 9, "conversion": None}
    assert overall["funnel"][1] == {
        "stage": "screening",
        "count": 4,
        "conversion": {"value": 0.4444, "count": 4, "n": 9},
    }
    assert overall["response_rate"] == {"value": 0.5556, "count": 5, "n": 9}
    assert overall["business_days_to_first_contact"] == {"value": 5, "n": 5}
    assert overall["business_days_interview_to_decision"] == {"value": 7, "n": 3}
    assert overall["ghosted_share"] == {"value": 0.2222, "count": 2, "n": 9}
    assert overall["per_week"][0] == {"week": "2026-09-21", "count": 0}
    assert overall["per_week"][-1] == {"week": "2026-12-07", "count": 1}

    sources = {entry["source"]: entry for entry in data["by_source"]}
    assert set(sources["Referral"]) == {"source", *overall}
    assert sources["Referral"]["business_days_interview_to_decision"] == {"value": 8.5, "n": 2}
    assert sources["Company site"]["response_rate"] == {"value": None, "count": 0, "n": 0}
    assert sources["Company site"]["business_days_to_first_contact"] == {"value": None, "n": 0}


# --- the text report -------------------------------------------------------------------------


def test_render_insights(insights: Insights) -> None:
    text = render_insights(insights)
    lines = text.splitlines()
    assert lines[0] == "Insights on Wednesday 09 December 2026"
    assert "  screening        4   44% of applied (4 of 9)" in lines
    assert "  accepted         1   50% of offer (1 of 2) (only 2 — too few to tell)" in lines
    assert "  Response rate              56% (5 of 9)" in lines
    assert "  Applying to first contact  5 business days (n=5)" in lines
    assert "  Interview to decision      7 business days (n=3) (only 3 — too few to tell)" in lines
    assert "  Ghosted                    22% (2 of 9)" in lines
    # Two sent in the week of Thanksgiving, against a goal of five; one so far this week.
    assert "  2026-11-23     2  ■■□□□" in lines
    assert "  2026-12-07     1  ■□□□□  this week" in lines
    assert "  the goal was met in 0 of 12 weeks" in lines
    assert max(len(line) for line in lines) <= 80


def test_render_insights_by_source(insights: Insights) -> None:
    lines = render_insights(insights).splitlines()
    table = lines[lines.index("By source") + 1 :]
    header, linkedin, referral, company_site, unknown = table[:5]
    assert header.split() == [
        *("source", "sent", "reply", "intvw", "offer"),
        *("to", "reply", "to", "decide", "ghosted"),
    ]
    # Every source here rests on fewer than five applications: each is starred.
    assert linkedin.split() == ["LinkedIn*", "4", "75%", "2", "1", "5", "n=3", "4", "n=1", "0%"]
    assert referral.split() == ["Referral*", "3", "67%", "2", "1", "5", "n=2", "8.5", "n=2", "0%"]
    assert company_site.split() == ["Company", "site*", "0", "—", "0", "0", "—", "—", "—"]
    assert unknown.split() == ["unknown*", "2", "0%", "0", "0", "—", "—", "100%"]
    assert "  * fewer than 5 sent: too few to tell" in lines


def test_render_insights_without_a_goal(us: BusinessCalendar) -> None:
    text = render_insights(compute_insights(search(), us, Settings(keep_applying=False), TODAY))
    assert "goal" not in text
    assert "  2026-11-23     2  ■■" in text.splitlines()
