"""Company names that match however they are typed, and the re-apply warning.

Dates are checkable on a calendar: 2026-10-05 is a Monday; `today` is in 2026, so a
date in 2025 is written with its year.
"""

from __future__ import annotations

from datetime import date

import pytest

from searchboard.domain.companies import (
    company_key,
    plain_company_name,
    previous_applications,
    reapply_warning,
)
from searchboard.domain.model import Application, Event, new_application
from searchboard.domain.stages import EventKind, Stage

D = date.fromisoformat
TODAY = D("2026-11-25")


def card(
    id: int, company: str = "Acme", on: str = "2026-09-01", role: str = "Data Engineer"
) -> Application:
    return new_application(id, company, role, Stage.APPLIED, D(on))


def log(app: Application, kind: EventKind, on: str) -> Application:
    return app.with_event(Event(kind, D(on)))


def closed(app: Application, outcome: Stage, on: str) -> Application:
    return app.with_outcome(outcome, D(on))


# --- matching ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "Acme",
        "acme",
        "ACME",
        "  Acme  ",
        "Acme, Inc.",
        "ACME inc",
        "Acme Incorporated",
        "Acme LLC",
        "Acme Ltd.",
        "Acme Limited",
        "Acme GmbH",
        "Acme AG",
        "Acme S.A.",
        "Acme SAS",
        "Acme B.V.",
        "Acme N.V.",
        "Acme Corp.",
        "Acme Corporation",
        "Acme Co.",
        "Acme Company",
        "Acme PLC",
        "Acme Pty Ltd",
        "Acme Oy",
        "Acme AB",
        "Acme A/S",
        "Acme K.K.",
        "Acme S.r.l.",
        "Acme S.p.A.",
        "Acme Co., Ltd.",
        "Acme GmbH & Co. KG",
        "The Acme Company",
    ],
)
def test_spellings_of_one_company_match(spelling: str) -> None:
    assert company_key(spelling) == company_key("Acme")


def test_spacing_punctuation_and_accents_are_ignored() -> None:
    assert company_key("Deep Mind") == company_key("DeepMind")
    assert company_key("Hewlett-Packard") == company_key("Hewlett Packard")
    assert company_key("McDonald's") == company_key("McDonalds")
    assert company_key("Société Générale") == company_key("Societe Generale")
    assert company_key("Johnson & Johnson") == company_key("Johnson and Johnson")


def test_different_companies_do_not_match() -> None:
    assert company_key("Acme") != company_key("Acme Labs")
    assert company_key("Acme") != company_key("Acme Cosmetics")  # "co" only as a whole word
    assert company_key("Acme Private") != company_key("Acme")  # only "Private Limited" goes
    assert company_key("Globex") != company_key("Acme")


def test_a_name_is_never_reduced_to_nothing() -> None:
    assert company_key("Company") == "company"
    assert company_key("The Company") == "company"
    assert company_key("Inc.") != ""
    assert company_key("Company") != company_key("Co")


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Acme, Inc.", "Acme"),
        ("Acme Co., Ltd.", "Acme"),
        ("Globex GmbH & Co. KG", "Globex"),
        ("Booking.com B.V.", "Booking.com"),
        ("Tata Consultancy Private Limited", "Tata Consultancy"),
        ("The Coca-Cola Company", "The Coca-Cola Company"),
        ("Smith & Co.", "Smith & Co."),
        ("Acme Labs", "Acme Labs"),
        ("Inc.", "Inc."),
    ],
)
def test_the_plain_name_for_a_sentence(written: str, plain: str) -> None:
    assert plain_company_name(written) == plain


def test_previous_applications_are_the_same_company_most_recent_first() -> None:
    older = log(card(1, "Acme Inc."), EventKind.FOLLOW_UP, "2026-09-20")
    newer = card(2, "ACME", on="2026-10-01")
    other = card(3, "Acme Labs", on="2026-11-01")
    found = previous_applications([older, other, newer], "acme")
    assert [app.id for app in found] == [2, 1]
    assert previous_applications([older], "   ") == []


# --- the warning ------------------------------------------------------------------------------


def test_no_warning_for_a_new_company() -> None:
    assert reapply_warning([card(1, "Globex")], "Acme", TODAY) is None
    assert reapply_warning([], "Acme", TODAY) is None


def test_ghosted_after_a_follow_up() -> None:
    app = log(card(1, "Acme, Inc.", on="2026-09-01"), EventKind.FOLLOW_UP, "2026-10-03")
    app = closed(app, Stage.GHOSTED, "2026-10-20")
    warning = reapply_warning([app], "ACME", TODAY)
    assert warning == "Acme ghosted you after a follow-up on 3 Oct (Data Engineer)"


def test_ghosted_without_a_follow_up() -> None:
    app = closed(card(1, on="2026-09-01"), Stage.GHOSTED, "2026-10-03")
    assert reapply_warning([app], "Acme", TODAY) == "Acme ghosted you on 3 Oct (Data Engineer)"


def test_a_follow_up_that_was_answered_is_not_what_they_ghosted_after() -> None:
    app = log(card(1, on="2026-09-01"), EventKind.FOLLOW_UP, "2026-09-15")
    app = log(app, EventKind.RESPONSE, "2026-09-18")  # they wrote back, then went quiet
    app = closed(app, Stage.GHOSTED, "2026-10-30")
    assert reapply_warning([app], "Acme", TODAY) == "Acme ghosted you on 30 Oct (Data Engineer)"


def test_rejected_in_an_earlier_year_is_written_with_the_year() -> None:
    app = closed(card(1, on="2025-08-20"), Stage.REJECTED, "2025-09-12")
    warning = reapply_warning([app], "acme", TODAY)
    assert warning == "Acme rejected you on 12 Sep 2025 (Data Engineer)"


def test_withdrawn_and_accepted() -> None:
    withdrew = closed(card(1), Stage.WITHDRAWN, "2026-08-05")
    assert reapply_warning([withdrew], "Acme", TODAY) == (
        "You withdrew from Acme on 5 Aug (Data Engineer)"
    )
    accepted = closed(card(2, on="2024-01-10"), Stage.ACCEPTED, "2024-03-01")
    assert reapply_warning([accepted], "Acme", TODAY) == (
        "You accepted an offer from Acme on 1 Mar 2024 (Data Engineer)"
    )


def test_an_open_application_is_named_with_its_id_and_stage() -> None:
    app = card(4).moved_to(Stage.INTERVIEWING, D("2026-10-01"))
    assert reapply_warning([app], "Acme", TODAY) == (
        "You already have an open application at Acme: #4 Data Engineer, interviewing"
    )
    wish = new_application(5, "Globex", "", Stage.WISHLIST, D("2026-11-01"))
    assert reapply_warning([wish], "Globex", TODAY) == "Globex is already on your wishlist: #5"


def test_a_ghosting_is_more_telling_than_a_more_recent_application() -> None:
    ghosted = closed(card(1, on="2026-03-02"), Stage.GHOSTED, "2026-04-06")
    withdrew = closed(card(2, on="2026-06-01", role="Analyst"), Stage.WITHDRAWN, "2026-06-10")
    still_open = card(3, on="2026-11-02", role="ML Engineer")
    warning = reapply_warning([withdrew, still_open, ghosted], "Acme", TODAY)
    assert warning == "Acme ghosted you on 6 Apr (Data Engineer); 2 other applications there"


def test_otherwise_the_most_recent_application_speaks() -> None:
    withdrew = closed(card(1, on="2026-06-01"), Stage.WITHDRAWN, "2026-06-10")
    still_open = card(2, on="2026-11-02", role="ML Engineer")
    warning = reapply_warning([withdrew, still_open], "Acme", TODAY)
    assert warning == (
        "You already have an open application at Acme: #2 ML Engineer, applied;"
        " 1 other application there"
    )


def test_the_latest_closing_counts_after_a_reopening() -> None:
    app = closed(card(1, on="2026-06-01"), Stage.GHOSTED, "2026-07-01")
    app = app.moved_to(Stage.SCREENING, D("2026-07-15"))  # they came back after all
    app = closed(app, Stage.REJECTED, "2026-08-03")
    assert reapply_warning([app], "Acme", TODAY) == "Acme rejected you on 3 Aug (Data Engineer)"
