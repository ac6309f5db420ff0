"""Recognising a company applied to before, and what to say about it.

Names are typed by hand, so "Acme, Inc.", "ACME  inc" and "acme" must be one
company, while "Acme" and "Acme Labs" stay two. Before a new application is added,
`reapply_warning` says what happened there last time, above all a ghosting or a
rejection: worth knowing before spending an evening on a cover letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from searchboard.domain.model import Application, Event
from searchboard.domain.rules import contact_events
from searchboard.domain.stages import EventKind, Stage

# Legal forms that people write or leave out at will, as words once punctuation is
# gone ("S.A." is "sa", "& Co." is "and co"), separated by "|".
_LEGAL_FORMS = (
    "inc|incorporated|llc|llp|lp|ltd|limited|plc|ulc|corp|corporation|co|company|and co|"
    "gmbh|mbh|ag|kg|kgaa|se|sa|sas|sarl|sl|slu|spa|srl|bv|nv|sa de cv|gmbh and co kg|"
    "oy|oyj|ab|as|asa|aps|kk|gk|pty|pte|pvt|private limited|ltda"
)
# Any run of them at the end of a name, after at least one other word, so that a
# name is never reduced to nothing.
_TRAILING_FORMS = re.compile(rf"(?<=\S)(?: (?:{_LEGAL_FORMS}))+$")
# Forms that read as part of the name in a sentence ("The Coca-Cola Company",
# "Smith & Co."): `plain_company_name` keeps them, `company_key` does not.
_NAME_LIKE_FORMS = frozenset({("company",), ("corporation",), ("and", "co")})
_FORM_WORDS = {tuple(form.split()) for form in _LEGAL_FORMS.split("|")}
_LONGEST_FORM = max(len(form) for form in _FORM_WORDS)
# Removed rather than turned into a space, so abbreviations stay one word:
# "S.A." -> "sa", "McDonald's" -> "mcdonalds", "A/S" -> "as".
_JOINERS = str.maketrans("", "", ".'\u2019/")
_WORD = re.compile(r"[^\W_]+")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=4096)  # checked against every card on file at each add
def company_key(name: str) -> str:
    """A key equal for two spellings of one company: case, accents, spacing,
    punctuation and trailing legal forms (Inc., GmbH, S.A., Pty Ltd…) ignored.

    A name is never reduced to nothing: "Company" alone keys as "company".
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("&", " and ").translate(_JOINERS)
    words = _WORD.findall(text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    # "Acme Co., Ltd." and "Acme GmbH & Co. KG" lose the whole run of forms.
    text = _TRAILING_FORMS.sub("", " ".join(words))
    # Joined without spaces: "Deep Mind" and "DeepMind" are one company.
    return text.replace(" ", "")


def plain_company_name(name: str) -> str:
    """The name as written in a sentence: "Acme, Inc." is "Acme", "Globex GmbH" is
    "Globex"; "The Coca-Cola Company" and "Smith & Co." keep their ending."""
    chunks = name.split()
    while len(chunks) > 1:
        # Longest form first: "GmbH & Co. KG" goes whole, "& Co." is seen as one.
        for size in range(min(_LONGEST_FORM, len(chunks) - 1), 0, -1):
            tail = tuple(_form_word(chunk) for chunk in chunks[-size:])
            if tail in _FORM_WORDS:
                break
        else:
            break
        if tail in _NAME_LIKE_FORMS:
            break
        chunks = chunks[:-size]
    return " ".join(chunks).rstrip(",;:-– ")


def _form_word(chunk: str) -> str:
    """One written word as it would appear in `_LEGAL_FORMS`: "Inc.," is "inc"."""
    return "and" if chunk == "&" else chunk.casefold().translate(_JOINERS).strip(",;:()")


def previous_applications(applications: Iterable[Application], company: str) -> list[Application]:
    """The applications at `company` (by `company_key`), most recent first by the
    date of their last event."""
    key = company_key(company)
    if not key:
        return []
    found = [app for app in applications if company_key(app.company) == key]
    return sorted(found, key=lambda app: (_last_date(app), app.id), reverse=True)


def reapply_warning(applications: Iterable[Application], company: str, today: date) -> str | None:
    """One line on what happened at `company` before, or None if nothing did.

    Call it before the new application is added. The line is about the most telling
    earlier application: the latest one closed as ghosted or rejected, else the
    latest of any kind; the others are counted at the end.
    """
    previous = previous_applications(applications, company)
    if not previous:
        return None
    closed_badly = [app for app in previous if app.stage in (Stage.GHOSTED, Stage.REJECTED)]
    telling = closed_badly[0] if closed_badly else previous[0]
    line = _what_happened(telling, today)
    others = len(previous) - 1
    if others:
        line += f"; {others} other application{'s' if others > 1 else ''} there"
    return line


def _what_happened(app: Application, today: date) -> str:
    company, stage = plain_company_name(app.company), app.stage
    if stage.is_active:
        what = f"#{app.id} {app.role}".rstrip()
        if stage is Stage.WISHLIST:
            return f"{company} is already on your wishlist: {what}"
        return f"You already have an open application at {company}: {what}, {stage}"

    closed = _closing_event(app)
    on = f" on {short_date(closed.date, today)}" if closed is not None else ""
    role = f" ({app.role})" if app.role else ""
    if stage is Stage.GHOSTED:
        follow_up = _unanswered_follow_up(app, closed.date) if closed is not None else None
        if follow_up is not None:  # they went quiet even after a nudge: worth saying
            on = f" after a follow-up on {short_date(follow_up, today)}"
        return f"{company} ghosted you{on}{role}"
    if stage is Stage.REJECTED:
        return f"{company} rejected you{on}{role}"
    if stage is Stage.WITHDRAWN:
        return f"You withdrew from {company}{on}{role}"
    return f"You accepted an offer from {company}{on}{role}"


def short_date(day: date, today: date) -> str:
    """'3 Oct', or '12 Sep 2025' when not in `today`'s year (English, any locale)."""
    words = f"{day.day} {_MONTHS[day.month - 1]}"
    return words if day.year == today.year else f"{words} {day.year}"


def _last_date(app: Application) -> date:
    return app.events[-1].date if app.events else date.min


def _closing_event(app: Application) -> Event | None:
    """When the card last moved into its current (closed) stage; for data without
    that move, its last event stands in."""
    for event in reversed(app.events):
        if event.kind is EventKind.STAGE and event.stage is app.stage:
            return event
    return app.events[-1] if app.events else None


def _unanswered_follow_up(app: Application, closed_on: date) -> date | None:
    """The follow-up that went unanswered before closing, if the last word was one:
    dated after the last contact, as the ghosting rule of SPEC §4 counts it."""
    contacts = [event.date for event in contact_events(app) if event.date <= closed_on]
    last_contact = max(contacts, default=None)
    follow_ups = [
        event.date
        for event in app.events_of(EventKind.FOLLOW_UP)
        if event.date <= closed_on and (last_contact is None or event.date > last_contact)
    ]
    return follow_ups[-1] if follow_ups else None
