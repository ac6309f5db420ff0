"""Email drafts filled from a card, and templates the user can replace.

2026-11-24 is a Tuesday; 2026-11-02 a Monday.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from searchboard.domain.model import Application, Contact, Event, new_application
from searchboard.domain.stages import EventKind, Stage
from searchboard.drafts import (
    NO_POINT,
    PLACEHOLDERS,
    DraftError,
    DraftKind,
    draft,
    parse_draft_kind,
    template_dir,
)

D = date.fromisoformat
THANK_YOU, FOLLOW_UP = DraftKind.THANK_YOU, DraftKind.FOLLOW_UP


def applied(id: int = 12, company: str = "Acme", role: str = "Data Engineer") -> Application:
    return new_application(id, company, role, Stage.APPLIED, D("2026-11-02"))


def interviewed(note: str | None = "their move to event sourcing", **extra) -> Application:
    app = applied().moved_to(Stage.INTERVIEWING, D("2026-11-16"))
    return app.with_event(Event(EventKind.INTERVIEW, D("2026-11-24"), note=note, **extra))


def with_contacts(app: Application, *contacts: tuple[str, str | None]) -> Application:
    for name, role in contacts:
        app = app.with_contact(Contact(name, role=role))
    return app


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user config folder, as SEARCHBOARD_CONFIG_DIR; returns its templates/."""
    monkeypatch.setenv("SEARCHBOARD_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    return folder


# --- the thank-you note -----------------------------------------------------------------------


def test_thank_you_is_filled_from_the_card(config_dir: Path) -> None:
    app = with_contacts(
        interviewed(), ("Sam Lee", "Recruiter"), ("Jane Smith", "Engineering Manager")
    )
    text = draft(app, THANK_YOU)
    subject, blank, *body = text.splitlines()
    assert subject == "Subject: Thank you for the Data Engineer interview"
    assert blank == ""
    assert body[0] == "Dear Jane Smith,"  # the interviewer, not the recruiter
    assert "Acme" in text
    assert "Data Engineer" in text
    assert "Tuesday 24 November" in text
    assert "our conversation about their move to event sourcing." in text
    assert text.rstrip().endswith("[Your name]")
    assert "$" not in text


def test_the_company_is_named_as_in_a_sentence(config_dir: Path) -> None:
    app = interviewed()
    inc = draft(replace(app, company="Acme, Inc."), FOLLOW_UP)
    assert "role at Acme.\n" in inc
    assert "Inc" not in inc
    smith = draft(replace(app, company="Smith & Co."), FOLLOW_UP)
    assert "joining Smith & Co. Could" in smith  # one full stop ends the sentence, not two
    assert ".." not in smith


def test_thank_you_without_a_contact_or_note_reads_well(config_dir: Path) -> None:
    text = draft(interviewed(note=None), THANK_YOU)
    assert text.splitlines()[2] == "Hello,"
    assert NO_POINT in text  # a gap the user must fill, not an empty phrase


def test_the_point_falls_back_to_the_latest_response(config_dir: Path) -> None:
    app = interviewed(note=None).with_event(
        Event(EventKind.RESPONSE, D("2026-11-20"), note="the team's on-call rota.")
    )
    assert "our conversation about the team's on-call rota." in draft(app, THANK_YOU)


def test_the_interviewer_is_someone_other_than_the_recruiter(config_dir: Path) -> None:
    app = with_contacts(interviewed(), ("Sam Lee", "Talent Acquisition Manager"), ("Kim Ode", None))
    assert "Dear Kim Ode," in draft(app, THANK_YOU)
    only_recruiter = with_contacts(interviewed(), ("Sam Lee", "Recruiter"))
    assert "Dear Sam Lee," in draft(only_recruiter, THANK_YOU)


def test_no_interview_no_thank_you(config_dir: Path) -> None:
    with pytest.raises(DraftError, match=r"#12 has no interview to thank anyone for"):
        draft(applied(), THANK_YOU)


def test_an_interview_still_to_come_is_not_thanked_for(config_dir: Path) -> None:
    with pytest.raises(DraftError, match="no interview"):
        draft(interviewed(), THANK_YOU, today=D("2026-11-23"))
    assert "Tuesday 24 November" in draft(interviewed(), THANK_YOU, today=D("2026-11-24"))


def test_a_date_in_another_year_has_its_year(config_dir: Path) -> None:
    assert "Tuesday 24 November 2026" in draft(interviewed(), THANK_YOU, today=D("2027-01-04"))


# --- the follow-up ----------------------------------------------------------------------------


def test_follow_up_names_the_role_and_asks_about_the_timeline(config_dir: Path) -> None:
    app = with_contacts(interviewed(), ("Jane Smith", "Hiring Manager"), ("Sam Lee", "Recruiter"))
    text = draft(app, FOLLOW_UP)
    assert text.startswith("Subject: Following up on the Data Engineer role\n\nDear Sam Lee,")
    assert "our interview on Tuesday 24 November for the Data Engineer role at Acme" in text
    assert "timeline" in text
    assert "interested" in text


def test_follow_up_before_any_interview_is_about_the_application(config_dir: Path) -> None:
    text = draft(applied(), FOLLOW_UP)
    assert "Hello," in text
    assert "the application I sent on Monday 2 November for the Data Engineer role" in text


def test_nothing_to_follow_up_on_the_wishlist(config_dir: Path) -> None:
    wish = new_application(7, "Acme", "Data Engineer", Stage.WISHLIST, D("2026-11-02"))
    with pytest.raises(DraftError, match="#7 is still on the wishlist"):
        draft(wish, FOLLOW_UP)


# --- templates --------------------------------------------------------------------------------


def test_a_user_template_replaces_the_default(config_dir: Path) -> None:
    (config_dir / "thank-you.txt").write_text(
        "Subject: Thanks!\n\nHi $contact_first_name, thanks for $interview_date at $company."
        " It cost $$0.\n",
        encoding="utf-8",
    )
    app = with_contacts(interviewed(), ("Dr. Jane Smith", "Interviewer"))
    assert draft(app, THANK_YOU) == (
        "Subject: Thanks!\n\nHi Jane, thanks for Tuesday 24 November at Acme. It cost $0."
    )
    assert draft(app, FOLLOW_UP).startswith("Subject: Following up")  # the other stays


def test_the_templates_folder_comes_from_the_environment(config_dir: Path) -> None:
    assert template_dir() == config_dir


def test_without_the_environment_the_platform_config_folder_is_used() -> None:
    # The top conftest points XDG_CONFIG_HOME into tmp and unsets SEARCHBOARD_CONFIG_DIR.
    assert template_dir().parts[-2:] == ("searchboard", "templates")


def test_templates_can_also_be_passed_in(tmp_path: Path, config_dir: Path) -> None:
    (tmp_path / "follow-up.txt").write_text("Subject: $role\n\nHello", encoding="utf-8")
    assert draft(applied(), FOLLOW_UP, tmp_path) == "Subject: Data Engineer\n\nHello"


def test_an_unknown_placeholder_is_named_with_its_file(config_dir: Path) -> None:
    path = config_dir / "follow-up.txt"
    path.write_text("Subject: hi\n\nDear $recruiter,\n", encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        draft(applied(), FOLLOW_UP)
    message = str(caught.value)
    assert str(path) in message
    assert "$recruiter" in message
    assert "\n" not in message


def test_a_lone_dollar_is_refused_with_its_line(config_dir: Path) -> None:
    (config_dir / "follow-up.txt").write_text("Subject: hi\n\nSalary: $100k\n", encoding="utf-8")
    with pytest.raises(DraftError, match=r"lone \$ on line 3"):
        draft(applied(), FOLLOW_UP)


def test_an_unreadable_template_is_a_draft_error(config_dir: Path) -> None:
    (config_dir / "thank-you.txt").mkdir()  # a folder where the file should be
    with pytest.raises(DraftError, match="cannot read template"):
        draft(interviewed(), THANK_YOU)
    (config_dir / "follow-up.txt").write_bytes(b"Subject: \xff\xfe\n")
    with pytest.raises(DraftError, match="cannot read template"):
        draft(applied(), FOLLOW_UP)


@pytest.mark.parametrize("kind", list(DraftKind))
def test_the_built_in_templates_use_known_placeholders_only(kind: DraftKind) -> None:
    from importlib.resources import files
    from string import Template

    text = (files("searchboard") / "templates" / f"{kind}.txt").read_text(encoding="utf-8")
    assert text.startswith("Subject: ")
    assert text.splitlines()[1] == ""
    assert Template(text).is_valid()
    assert set(Template(text).get_identifiers()) <= set(PLACEHOLDERS)


def test_parse_draft_kind() -> None:
    assert parse_draft_kind("thank-you") is THANK_YOU
    assert parse_draft_kind("Follow_Up") is FOLLOW_UP
    with pytest.raises(ValueError, match="thank-you, follow-up") as caught:
        parse_draft_kind("apology")
    assert "\n" not in str(caught.value)
