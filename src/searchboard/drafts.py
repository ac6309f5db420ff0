"""Email drafts filled from a card: a thank-you note after an interview, a follow-up.

The wording follows the usual advice. A thank-you thanks them, names something
specific from the conversation and restates interest; a follow-up names the role
and asks politely for an update on the timeline. The text lives in plain
`string.Template` files: the defaults ship in `searchboard/templates/`, and a file
of the same name in the user's config folder (`template_dir()`) replaces one.

Anything the card cannot supply becomes a bracketed gap, "[Your name]", that the
user fills in before sending: a draft is a starting point, never sent as is.

Pure: no Textual, no TinyDB, no clock (pass `today` to place dates in time).
"""

from __future__ import annotations

import os
import re
from datetime import date
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from string import Template

from searchboard.domain.companies import plain_company_name
from searchboard.domain.model import Application, Contact, Event
from searchboard.domain.stages import EventKind, Stage


class DraftKind(StrEnum):
    THANK_YOU = "thank-you"
    FOLLOW_UP = "follow-up"


class DraftError(ValueError):
    """A draft that cannot be written: a bad template, or nothing to write about."""


# Every placeholder a template may use; `draft` fills them all, whatever the kind.
PLACEHOLDERS: tuple[str, ...] = (
    "company",
    "role",
    "greeting",
    "contact_name",
    "contact_first_name",
    "interview_date",
    "applied_date",
    "occasion",
    "point",
    "sender",
)

# Gaps the user fills in: bracketed so that they stand out and cannot be sent unseen.
NO_POINT = "[something specific you discussed]"
NO_NAME = "[their name]"
NO_SENDER = "[Your name]"

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Roles are free text ("Senior Engineer, panel", "Talent Partner"): a recruiter is
# checked first, so "Talent Acquisition Manager" is not taken for a hiring manager.
_RECRUITER = re.compile(
    r"\b(recruit\w*|talent|sourc\w*|hr|human resources|people (partner|ops|operations)|"
    r"coordinator)\b",
    re.IGNORECASE,
)
_INTERVIEWER = re.compile(
    r"\b(interview\w*|hiring|manager|engineer\w*|developer|architect|scientist|designer|"
    r"lead|head|director|principal|founder|cto|ceo|vp|panel|team)\b",
    re.IGNORECASE,
)
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof"})


def parse_draft_kind(text: str) -> DraftKind:
    """The draft kind named by `text` (any case; `thank_you` also works)."""
    try:
        return DraftKind(text.strip().lower().replace("_", "-"))
    except ValueError:
        choices = ", ".join(DraftKind)
        raise ValueError(f"unknown draft {text!r} (choose from {choices})") from None


def template_dir() -> Path:
    """Where the user's own templates live: $SEARCHBOARD_CONFIG_DIR/templates, else
    the platform's config folder for searchboard."""
    explicit = os.environ.get("SEARCHBOARD_CONFIG_DIR")
    if explicit:
        return Path(explicit) / "templates"
    from platformdirs import user_config_dir  # deferred: only a draft pays for it

    return Path(user_config_dir("searchboard", appauthor=False)) / "templates"


def draft(
    app: Application,
    kind: DraftKind,
    templates: Path | None = None,
    *,
    today: date | None = None,
) -> str:
    """The draft email for `app`, subject line first, ready to print.

    `templates` is the folder of user overrides (default: `template_dir()`). With
    `today`, an interview booked for later is not thanked for yet, and a date in
    another year is written with its year.
    """
    text, source = _template_text(kind, templates if templates is not None else template_dir())
    return _fill(text, _values(app, kind, today), source).rstrip()


def _values(app: Application, kind: DraftKind, today: date | None) -> dict[str, str]:
    interview = _latest(app, EventKind.INTERVIEW, today)
    if kind is DraftKind.THANK_YOU and interview is None:
        raise DraftError(f"#{app.id} has no interview to thank anyone for")
    if kind is DraftKind.FOLLOW_UP and app.stage is Stage.WISHLIST:
        raise DraftError(f"#{app.id} is still on the wishlist: there is nothing to follow up")

    contact = _thank_you_contact(app) if kind is DraftKind.THANK_YOU else _follow_up_contact(app)
    name = " ".join(contact.name.split()) if contact is not None else ""
    applied = app.applied_on
    if interview is not None:
        occasion = f"our interview on {_long_date(interview.date, today)}"
    elif applied is not None:
        occasion = f"the application I sent on {_long_date(applied, today)}"
    else:
        occasion = "my application"
    return {
        "company": plain_company_name(app.company),  # "Acme", not "Acme, Inc."
        "role": app.role or "[role]",
        # Full name: splitting names is unreliable (titles, family name first), and
        # "Dear Jane Smith," is never wrong. $contact_first_name is there for a
        # user who prefers "Hi Jane," in their own template.
        "greeting": f"Dear {name}," if name else "Hello,",
        "contact_name": name or NO_NAME,
        "contact_first_name": _first_name(name) or NO_NAME,
        "interview_date": (
            _long_date(interview.date, today) if interview else "[the interview date]"
        ),
        "applied_date": _long_date(applied, today) if applied else "[the date you applied]",
        "occasion": occasion,
        "point": _point(interview, app, today),
        "sender": NO_SENDER,
    }


def _latest(app: Application, kind: EventKind, today: date | None) -> Event | None:
    """The latest event of `kind` that has happened by `today` (any, without today)."""
    events = [e for e in app.events_of(kind) if today is None or e.date <= today]
    return events[-1] if events else None


def _point(interview: Event | None, app: Application, today: date | None) -> str:
    """What the user noted about the conversation: the note on the latest interview,
    else on the latest response that has one."""
    if interview is not None and interview.note:
        return _one_line(interview.note)
    note = next(
        (
            event.note
            for event in reversed(app.events_of(EventKind.RESPONSE))
            if event.note and (today is None or event.date <= today)
        ),
        None,
    )
    return _one_line(note) if note else NO_POINT


def _one_line(note: str) -> str:
    # The note sits mid-sentence in the template: one line, no full stop of its own.
    return " ".join(note.split()).rstrip(".!;,: ") or NO_POINT


def _is_recruiter(contact: Contact) -> bool:
    return bool(contact.role and _RECRUITER.search(contact.role))


def _thank_you_contact(app: Application) -> Contact | None:
    """Whoever interviewed: a contact whose role says so, else anyone but a recruiter,
    else anyone (a recruiter who sat in is still better than no name)."""
    others = [c for c in app.contacts if not _is_recruiter(c)]
    interviewers = [c for c in others if c.role and _INTERVIEWER.search(c.role)]
    return next(iter(interviewers or others or app.contacts), None)


def _follow_up_contact(app: Application) -> Contact | None:
    """The recruiter, who owns the timeline, else the first contact."""
    recruiters = [c for c in app.contacts if _is_recruiter(c)]
    return next(iter(recruiters or app.contacts), None)


def _first_name(name: str) -> str:
    words = [w for w in name.split() if w.rstrip(".").lower() not in _TITLES]
    return words[0] if words else ""


def _long_date(day: date, today: date | None) -> str:
    # English names by hand: the templates are English whatever the machine's locale.
    words = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return f"{words} {day.year}" if today is not None and day.year != today.year else words


def _template_text(kind: DraftKind, folder: Path) -> tuple[str, str]:
    """The template's text and a name for it in messages; the user's file wins."""
    path = folder / f"{kind}.txt"
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except FileNotFoundError:
        pass  # no override: the built-in template
    except (OSError, UnicodeDecodeError) as error:
        reason = (error.strerror or str(error)) if isinstance(error, OSError) else "not UTF-8"
        raise DraftError(f"cannot read template {path}: {reason}") from None
    default = files("searchboard") / "templates" / f"{kind}.txt"
    return default.read_text(encoding="utf-8"), f"built-in template {kind}.txt"


def _fill(text: str, values: dict[str, str], source: str) -> str:
    """`string.Template` substitution that refuses the first unknown `$name` or stray
    `$`, naming the file, and gives a sentence ending in "& Co." one full stop."""

    def replace(match: re.Match[str]) -> str:
        if match.group("escaped") is not None:
            return "$"
        name = match.group("named") or match.group("braced")
        if name is None:  # a `$` followed by neither a name nor another `$`
            line = text.count("\n", 0, match.start()) + 1
            raise DraftError(f"{source}: a lone $ on line {line} (write $$ for a dollar sign)")
        if name not in values:
            known = ", ".join(f"${p}" for p in PLACEHOLDERS)
            raise DraftError(f"{source}: unknown placeholder ${name} (known: {known})")
        value = values[name]
        after = text[match.end() : match.end() + 2]
        if value.endswith(".") and after[:1] == "." and after != "..":
            value = value[:-1]
        return value

    return Template.pattern.sub(replace, text)
