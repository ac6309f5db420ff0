"""One function per command of SPEC §6: each reads its arguments and calls the tracker."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from searchboard.cli import render
from searchboard.cli.parser import UsageError
from searchboard.domain.agenda import Agenda
from searchboard.domain.calendar import UnknownRegion
from searchboard.domain.dates import parse_date
from searchboard.domain.model import OPTIONAL_FIELDS
from searchboard.domain.rules import open_items
from searchboard.domain.settings import SETTING_KEYS, Settings
from searchboard.domain.stages import (
    EventKind,
    Stage,
    parse_event_kind,
    parse_item_kind,
    parse_stage,
)
from searchboard.tracker import Tracker

T = TypeVar("T")
Command = Callable[[Tracker, Namespace], int]


def add(tracker: Tracker, args: Namespace) -> int:
    warning = tracker.reapply_warning(args.company) if args.company.strip() else None
    change = tracker.add(
        args.company,
        args.role,
        stage=_parsed(parse_stage, args.stage),
        on=_date(args.on, "--on"),
        **_fields(args, OPTIONAL_FIELDS),
    )
    print(change.app_id)
    if warning:  # several roles at one company are normal: a warning, never a refusal
        print(f"searchboard: note: {warning}", file=sys.stderr)
    return 0


def move(tracker: Tracker, args: Namespace) -> int:
    app_id, stage = _id(args.id), _parsed(parse_stage, args.stage)
    change = tracker.move(app_id, stage, _date(args.on, "--on"))
    assert change.before is not None
    print(f"#{app_id} {change.before.company}: {change.before.stage} → {stage}")
    return 0


def log(tracker: Tracker, args: Namespace) -> int:
    app_id, kind = _id(args.id), _parsed(parse_event_kind, args.kind)
    expect, deadline = _date(args.expect, "--expect"), _date(args.deadline, "--deadline")
    on = _date(args.on, "--on")
    change = tracker.log(app_id, kind, on, args.note, expect, deadline)
    assert change.after is not None
    print(f"#{app_id} {change.after.company}: logged {kind} on {on or tracker.today}")
    if kind is EventKind.OFFER and change.after.stage is not Stage.OFFER:
        print(f"  (still in {change.after.stage}: `searchboard move {app_id} offer` moves it)")
    return 0


def edit(tracker: Tracker, args: Namespace) -> int:
    fields = _fields(args, ("company", "role", *OPTIONAL_FIELDS))
    if not fields:
        raise UsageError("nothing to change: give --company, --role, --url, … ")
    change = tracker.edit(_id(args.id), **fields)
    assert change.after is not None
    print(f"#{change.app_id} {change.after.company}: changed {', '.join(fields)}")
    return 0


def contact(tracker: Tracker, args: Namespace) -> int:
    change = tracker.add_contact(_id(args.id), args.name, args.email, args.role)
    assert change.after is not None
    print(f"#{change.app_id} {change.after.company}: added contact {args.name.strip()}")
    return 0


def delete(tracker: Tracker, args: Namespace) -> int:
    change = tracker.delete(_id(args.id))
    assert change.before is not None
    print(f"deleted #{change.app_id} {change.before.company} — {change.before.role}")
    return 0


def show(tracker: Tracker, args: Namespace) -> int:
    app = tracker.get(_id(args.id))
    if args.json:
        _print_json(app.to_dict())
    else:
        settings = tracker.settings
        items = open_items(app, tracker.calendar(settings), settings, tracker.today)
        print(render.application_details(app, items, tracker.today))
    return 0


def list_(tracker: Tracker, args: Namespace) -> int:
    apps = tracker.applications()
    if args.stage:
        stage = _parsed(parse_stage, args.stage)
        apps = [app for app in apps if app.stage is stage]
    if args.json:
        _print_json([app.to_dict() for app in apps])
    else:
        for app in apps:
            print(render.application_line(app, tracker.today))
    return 0


def today(tracker: Tracker, args: Namespace) -> int:
    from searchboard.cli import today_cache

    shape = "json" if args.json else "brief" if args.brief else "text"
    key = today_cache.cache_key(
        tracker.store.path,
        today=tracker.today.isoformat(),
        shape=shape,
        indented=sys.stdout.isatty(),
        region=[args.country, args.subdiv],
    )
    answer = today_cache.cached_answer(key) if key is not None else None
    if answer is None:
        answer = _today_answer(tracker.agenda(), shape)
        if key is not None:
            today_cache.keep_answer(key, answer)
    sys.stdout.write(answer)
    return 0


def _today_answer(agenda: Agenda, shape: str) -> str:
    if shape == "json":
        return _json_text(agenda.to_dict()) + "\n"
    if shape == "brief":
        line = agenda.brief()
        return line + "\n" if line else ""
    return render.agenda_text(agenda) + "\n"


def config(tracker: Tracker, args: Namespace) -> int:
    if args.key is None:
        print(render.settings_text(tracker.snapshot().settings))
        return 0
    if args.key not in SETTING_KEYS:
        raise UsageError(f"unknown setting {args.key!r} (choose from {', '.join(SETTING_KEYS)})")
    if args.value is None:
        print(tracker.snapshot().settings.display(args.key))
        return 0
    before = tracker.snapshot().settings
    settings = tracker.set_setting(args.key, args.value)
    print(f"{args.key} = {settings.display(args.key)}")
    if before.subdiv and settings.subdiv is None and args.key == "country":
        print(f"subdiv cleared ({before.subdiv} belonged to {before.country})")
    return 0


def export(tracker: Tracker, args: Namespace) -> int:
    from searchboard import interchange
    from searchboard.storage import SCHEMA_VERSION

    snapshot = tracker.snapshot()
    if args.format == "csv":
        text = interchange.export_csv(snapshot.ordered(), tracker.today)
    else:
        text = interchange.export_json(SCHEMA_VERSION, snapshot.settings, snapshot.ordered())
    if args.output:
        _write_export(Path(args.output), text, tracker.store.path)
        print(f"exported {len(snapshot.applications)} applications to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def import_(tracker: Tracker, args: Namespace) -> int:
    from searchboard import interchange
    from searchboard.storage import SCHEMA_VERSION

    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise UsageError(f"cannot read {path}: {reason}") from None
    try:
        if text.lstrip().startswith(("{", "[")):
            imported, settings = interchange.read_json(text, SCHEMA_VERSION)
        else:
            imported, settings = interchange.read_csv(text, tracker.today), None
        if settings is not None:
            _check_region_of(settings)
    except (interchange.ImportRefused, UnknownRegion) as error:
        raise UsageError(f"{path}: {error}; nothing was imported") from None
    added, applied_settings = tracker.import_applications(imported, settings)
    print(f"imported {len(added)} applications from {path}")
    if settings is not None and not applied_settings:
        print(
            "  (settings in the file were not applied: this data file already had "
            "applications; use `searchboard config` to change yours)",
            file=sys.stderr,
        )
    return 0


def snooze(tracker: Tracker, args: Namespace) -> int:
    app_id, kind = _id(args.id), _parsed(parse_item_kind, args.item)
    # `--until today` (or any day before tomorrow) ends a snooze.
    until = tracker.today if args.until.strip().lower() == "today" else _date(args.until, "--until")
    assert until is not None  # argparse requires it
    change = tracker.snooze(app_id, kind, until)
    assert change.after is not None
    note = change.after.events[-1].note if change.after.events else ""
    print(f"#{app_id} {change.after.company}: {note}")
    return 0


def stats(tracker: Tracker, args: Namespace) -> int:
    from searchboard.domain.insights import compute_insights
    from searchboard.insights_text import render_insights

    settings = tracker.settings
    insights = compute_insights(
        tracker.applications(), tracker.calendar(settings), settings, tracker.today
    )
    if args.json:
        _print_json(insights.to_dict())
    else:
        print(render_insights(insights))
    return 0


def calendar(tracker: Tracker, args: Namespace) -> int:
    from searchboard.calendar_export import calendar_entries, render_ics

    settings = tracker.settings
    entries = calendar_entries(
        tracker.applications(), tracker.calendar(settings), settings, tracker.today
    )
    payload = render_ics(entries, tracker.today)
    if args.output:
        _write_export(Path(args.output), payload, tracker.store.path)
        print(f"wrote {len(entries)} event{'' if len(entries) == 1 else 's'} to {args.output}")
    else:
        sys.stdout.flush()
        stream = getattr(sys.stdout, "buffer", None)  # bytes as they are: CRLF line ends
        if stream is not None:
            stream.write(payload)
            stream.flush()
        else:
            sys.stdout.write(payload.decode("utf-8"))
    return 0


def draft(tracker: Tracker, args: Namespace) -> int:
    from searchboard.drafts import DraftError, parse_draft_kind
    from searchboard.drafts import draft as write_draft

    app = tracker.get(_id(args.id))
    kind = _parsed(parse_draft_kind, args.kind)
    try:
        print(write_draft(app, kind, today=tracker.today))
    except DraftError as error:
        raise UsageError(str(error)) from None
    return 0


COMMANDS: dict[str, Command] = {
    "add": add,
    "move": move,
    "log": log,
    "edit": edit,
    "contact": contact,
    "delete": delete,
    "show": show,
    "list": list_,
    "today": today,
    "config": config,
    "export": export,
    "import": import_,
    "snooze": snooze,
    "stats": stats,
    "calendar": calendar,
    "draft": draft,
}


# --- reading arguments ---------------------------------------------------------------------


def _check_region_of(settings: Settings) -> None:
    from searchboard.holiday_source import check_region

    check_region(settings.country, settings.subdiv)


def _id(text: str) -> int:
    cleaned = text.strip().removeprefix("#")
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise UsageError(f"unknown id {text!r} (ids are whole numbers, as in 12 or #12)")
    return int(cleaned)


def _date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        raise UsageError(f"{option}: {error}") from None


def _parsed(parse: Callable[[str], T], text: str) -> T:
    try:
        return parse(text)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _fields(args: Namespace, names: tuple[str, ...]) -> dict[str, str | None]:
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _print_json(data: object) -> None:
    print(_json_text(data))


def _json_text(data: object) -> str:
    # Indented for a person at a terminal; compact (and quicker) for a program.
    indent = 2 if sys.stdout.isatty() else None
    return json.dumps(data, indent=indent, ensure_ascii=False)


def _write_export(path: Path, text: str | bytes, data_file: Path) -> None:
    """Writes an export; refuses to write over the data file or its backups."""
    target = path.expanduser().resolve()
    guarded = data_file.expanduser().resolve()
    is_backup = target.parent == guarded.parent and target.name.startswith(guarded.name + ".")
    if target == guarded or is_backup:
        raise UsageError(f"{path} is the data file (or one of its backups); export elsewhere")
    try:
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
