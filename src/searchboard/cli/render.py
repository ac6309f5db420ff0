"""Plain-text output for people (the --json output is built from the values' to_dict)."""

from __future__ import annotations

from datetime import date

from searchboard.domain.agenda import Agenda
from searchboard.domain.model import OPTIONAL_FIELDS, Application
from searchboard.domain.rules import OpenItem, last_contact
from searchboard.domain.settings import SETTING_KEYS, Settings
from searchboard.wording import days_ago, due_words, item_label


def application_line(app: Application, today: date) -> str:
    contact = last_contact(app, until=today)
    heard = f"last contact {days_ago(contact, today)}" if contact else ""
    title = f"{app.company} — {app.role}" if app.role else app.company
    return f"#{app.id:<4} {app.stage:<12} {title:<44} {heard}".rstrip()


def application_details(app: Application, items: list[OpenItem], today: date) -> str:
    lines = [f"#{app.id} {app.company} — {app.role}", f"  stage:     {app.stage}"]
    for name in OPTIONAL_FIELDS:
        value = getattr(app, name)
        if value:
            lines.append(f"  {name + ':':<10} {value}")
    contact = last_contact(app, until=today)  # a booked interview is not contact yet
    if contact:
        lines.append(f"  contact:   {contact.isoformat()} ({days_ago(contact, today)})")
    if app.contacts:
        lines.append("contacts")
        for person in app.contacts:
            extra = ", ".join(part for part in (person.role, person.email) if part)
            lines.append(f"  {person.name}" + (f" ({extra})" if extra else ""))
    if items:
        lines.append("open")
        lines.extend(
            f"  {item_label(item)}: {due_words(item, today)} ({item.due})" for item in items
        )
    lines.append("timeline")
    for event in app.events:
        text = f"  {event.date}  {event.kind}"
        if event.stage:
            text += f" → {event.stage}"
        if event.expect:
            text += f" (decision expected {event.expect})"
        if event.deadline:
            text += f" (deadline {event.deadline})"
        if event.note:
            text += f" — {event.note}"
        lines.append(text)
    return "\n".join(lines)


def agenda_text(agenda: Agenda) -> str:
    today = agenda.date
    day_kind = "a business day" if agenda.business_day else "not a business day"
    if agenda.holiday:
        day_kind += f": {agenda.holiday}"
    lines = [f"{today:%A %d %B %Y} — {day_kind}"]

    def section(title: str, items: list[OpenItem]) -> None:
        if not items:
            return
        lines.append("")
        lines.append(f"{title} ({len(items)})")
        for item in items:
            app = item.application
            lines.append(
                f"  #{app.id:<4} {item_label(item):<22} {app.company} — {app.role}"
                f"  ({due_words(item, today)}, {item.due})"
            )

    section("Overdue", agenda.overdue)
    section("Due today", agenda.due_today)
    section(f"Coming up (to {agenda.coming_up_until})", agenda.coming_up)
    ghosted = agenda.likely_ghosted
    if ghosted:
        lines.append("")
        lines.append(
            f"Likely ghosted ({len(ghosted)}) — mark them and move on: searchboard move ID ghosted"
        )
        for item in ghosted:
            app = item.application
            heard = last_contact(app, until=today)  # (the item's own date is when it turned)
            since = f"silent since {heard}, " if heard else ""
            flagged = f"likely ghosted from {item.due}"
            lines.append(f"  #{app.id:<4} {app.company} — {app.role}  ({since}{flagged})")
    if agenda.later:
        lines.append("")
        lines.append(f"Later: {len(agenda.later)} more, the next on {agenda.later[0].due}")
    if not agenda.items:
        lines.append("")
        lines.append("Nothing due. A good day to send a new application.")
    if agenda.keep_applying is not None:
        progress = agenda.keep_applying
        last = days_ago(progress.last_applied, today) if progress.last_applied else "never"
        pace = "behind pace — keep applying" if progress.behind else "on pace"
        lines.append("")
        lines.append(
            f"Keep applying: {progress.applied_this_week} of {progress.goal} this week "
            f"({pace}); last applied {last}"
        )
    return "\n".join(lines)


def settings_text(settings: Settings) -> str:
    width = max(len(key) for key in SETTING_KEYS)
    return "\n".join(f"{key:<{width}}  {settings.display(key)}" for key in SETTING_KEYS)
