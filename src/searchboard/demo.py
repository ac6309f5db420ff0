"""A realistic job search, generated: for `--demo`, the screenshots and the benchmark.

Dates are relative to `today`, so the demo always shows a live morning: a thank-you
owed, follow-ups due, a few searches gone quiet long enough to be likely ghosted, an
offer with a deadline, and this week's applications against the goal.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from searchboard.domain.model import Application, Contact, Event, new_application
from searchboard.domain.stages import EventKind, Stage

COMPANIES = (
    "Acme Analytics",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Stark Industries",
    "Wayne Logistics",
    "Hooli",
    "Pied Piper",
    "Vandelay Imports",
    "Soylent Foods",
    "Cyberdyne",
    "Tyrell Robotics",
    "Wonka Labs",
    "Gringotts Bank",
    "Oscorp",
    "Aperture Science",
    "Black Mesa",
    "Monarch Solutions",
    "Nakatomi Trading",
    "Massive Dynamic",
    "Dunder Mifflin",
    "Prestige Worldwide",
    "Bluth Company",
    "Sterling Cooper",
    "Los Pollos Hermanos",
    "Virtucon",
    "Kwik-E-Mart",
    "Blue Sun",
    "Weyland Corp",
    "Octan Energy",
    "Planet Express",
    "Buy n Large",
    "Gekko & Co",
    "InGen",
    "Rekall",
    "Zorg Systems",
)
ROLES = (
    "Data Engineer",
    "Senior Data Engineer",
    "Analytics Engineer",
    "Platform Engineer",
    "Backend Engineer (Python)",
    "Site Reliability Engineer",
    "Machine Learning Engineer",
    "Staff Engineer, Data Platform",
    "Software Engineer II",
    "Engineering Manager",
)
SOURCES = ("LinkedIn", "referral", "company site", "Hacker News", "recruiter", "Otta", "meetup")
LOCATIONS = ("Remote", "Remote (EU)", "New York, NY", "Austin, TX", "San Francisco, CA", "Hybrid")
PEOPLE = (
    ("Priya Shah", "recruiter"),
    ("Tom Becker", "hiring manager"),
    ("Ana Lopez", "engineer"),
    ("Sam Okafor", "recruiter"),
    ("Lena Fischer", "head of data"),
    ("Marco Rossi", "CTO"),
)

# The demo's story, in order: (stage, business days since applying, what happened).
_STORY: tuple[tuple[Stage, int, str], ...] = (
    (Stage.INTERVIEWING, 12, "interview yesterday, no thank-you yet"),
    (Stage.INTERVIEWING, 15, "interview tomorrow"),
    (Stage.APPLIED, 10, "follow-up due today"),
    (Stage.APPLIED, 45, "silent for weeks"),
    (Stage.SCREENING, 30, "followed up, no answer"),
    (Stage.OFFER, 25, "offer with a deadline"),
    (Stage.APPLIED, 1, "applied this week"),
    (Stage.APPLIED, 0, "applied today"),
)


def demo_applications(today: date, count: int = 36, seed: int = 7) -> list[Application]:
    """`count` applications over every stage, the first few telling the story above."""
    rng = random.Random(seed)
    apps: list[Application] = []
    for index in range(count):
        app_id = index + 1
        company = COMPANIES[index % len(COMPANIES)]
        if index >= len(COMPANIES):
            company = f"{company} {index // len(COMPANIES) + 1}"
        role = ROLES[rng.randrange(len(ROLES))]
        if index < len(_STORY):
            stage, age, _ = _STORY[index]
        else:
            stage = rng.choices(list(Stage), weights=(8, 30, 10, 8, 2, 1, 18, 4, 12), k=1)[0]
            age = rng.randint(2, 70)
        apps.append(_story(app_id, company, role, stage, age, index, today, rng))
    return apps


def _story(
    app_id: int,
    company: str,
    role: str,
    stage: Stage,
    age: int,
    index: int,
    today: date,
    rng: random.Random,
) -> Application:
    fields = {
        "source": rng.choice(SOURCES),
        "location": rng.choice(LOCATIONS),
        "url": f"https://jobs.example.com/{company.lower().replace(' ', '-')}/{app_id}",
    }
    if rng.random() < 0.5:
        fields["salary"] = f"${rng.randrange(110, 220, 5)}k"
    applied = _workdays_before(today, age)
    if stage is Stage.WISHLIST:
        return new_application(app_id, company, role, Stage.WISHLIST, applied, **fields)
    app = new_application(app_id, company, role, Stage.APPLIED, applied, **fields)
    name, title = PEOPLE[app_id % len(PEOPLE)]
    app = app.with_contact(Contact(name, f"{name.split()[0].lower()}@example.com", title))
    if stage is Stage.APPLIED:
        return app
    screened = _workdays_after(applied, max(1, age // 4))
    app = app.moved_to(Stage.SCREENING, min(screened, today))
    if stage is Stage.SCREENING:
        if age >= 25:  # followed up once, never heard back
            app = app.with_event(Event(EventKind.FOLLOW_UP, _workdays_after(screened, 8)))
        return app
    if stage in (Stage.REJECTED, Stage.GHOSTED, Stage.WITHDRAWN) and rng.random() < 0.5:
        return app.moved_to(stage, _workdays_after(screened, rng.randint(3, 12)))
    interview_on = _interview_date(index, screened, today)
    app = app.moved_to(Stage.INTERVIEWING, min(interview_on, today))
    app = app.with_event(
        Event(EventKind.INTERVIEW, interview_on, note="talked about the batch pipeline rewrite")
    )
    if interview_on < today - timedelta(days=1) or (index >= len(_STORY) and interview_on < today):
        app = app.with_event(Event(EventKind.THANK_YOU, _workdays_after(interview_on, 1)))
    if stage is Stage.INTERVIEWING:
        return app
    decided = min(_workdays_after(interview_on, rng.randint(3, 8)), today)
    if stage in (Stage.OFFER, Stage.ACCEPTED):
        app = app.moved_to(Stage.OFFER, decided).with_event(
            Event(EventKind.OFFER, decided, deadline=_workdays_after(today, 4))
        )
        return app.moved_to(Stage.ACCEPTED, today) if stage is Stage.ACCEPTED else app
    return app.moved_to(stage, decided)


def _interview_date(index: int, screened: date, today: date) -> date:
    if index == 0:
        return _workdays_before(today, 1)  # yesterday's interview: a thank-you is owed
    if index == 1:
        return _workdays_after(today, 1)  # tomorrow
    return min(_workdays_after(screened, 3), today)


def _workdays_before(day: date, n: int) -> date:
    while n > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _workdays_after(day: date, n: int) -> date:
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day
