"""The argument parser: commands, options and their help."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from searchboard.domain.model import OPTIONAL_FIELDS
from searchboard.domain.settings import SETTING_KEYS


class UsageError(Exception):
    """Bad command-line words: one line on stderr, exit status 2."""


# Options that take free text, which may start with a dash ("--salary -5k", a note that
# begins "- call back"): argparse would take such a value for an option of its own.
_TEXT_OPTIONS = frozenset(
    {"--company", "--role", "--note", "--email", *(f"--{name}" for name in OPTIONAL_FIELDS)}
)


def _dash_values_attached(words: list[str]) -> list[str]:
    """`--salary -5k` as `--salary=-5k`, so that argparse reads the value as text."""
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else None
        is_text_value = following is not None and following.startswith("-")
        if word in _TEXT_OPTIONS and is_text_value and not following.startswith("--"):
            out.append(f"{word}={following}")
            index += 2
        else:
            out.append(word)
            index += 1
    return out


class _Parser(argparse.ArgumentParser):
    def parse_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        words = sys.argv[1:] if args is None else list(args)
        return super().parse_args(_dash_values_attached(words), namespace)

    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts and people read the first line.
        raise UsageError(f"{message} (see: {self.prog} --help)")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="searchboard",
        description="A terminal dashboard for your job search. With no command, opens the board.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="data file (default: $SEARCHBOARD_DB, else searchboard.json in your user data folder)",
    )
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="act as if today were this date (default: $SEARCHBOARD_TODAY)",
    )
    parser.add_argument("--country", metavar="CC", help="country for holidays, this run only")
    parser.add_argument("--subdiv", metavar="CODE", help="subdivision for holidays, this run only")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the board on a temporary file filled with a sample search",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, description=help)

    add = command("add", "add an application and print its id")
    add.add_argument("company")
    add.add_argument("role")
    add.add_argument("--stage", default="applied", help="stage to add it at (default: applied)")
    add.add_argument("--on", metavar="DATE", help="date it entered that stage (default: today)")
    _field_options(add)

    move = command("move", "move an application to a stage (closed outcomes included)")
    move.add_argument("id")
    move.add_argument("stage")
    move.add_argument("--on", metavar="DATE")

    log = command("log", "add an event to an application's timeline")
    log.add_argument("id")
    log.add_argument("kind", help="applied, interview, thank-you, follow-up, response, offer, note")
    log.add_argument("--on", metavar="DATE")
    log.add_argument("--note", metavar="TEXT")
    log.add_argument("--expect", metavar="DATE", help="with interview: when they will decide")
    log.add_argument("--deadline", metavar="DATE", help="with offer: when it lapses")

    edit = command("edit", "change an application's fields")
    edit.add_argument("id")
    edit.add_argument("--company")
    edit.add_argument("--role")
    _field_options(edit)

    contact = command("contact", "add a contact (an interviewer, a recruiter)")
    contact.add_argument("id")
    contact.add_argument("name")
    contact.add_argument("--email")
    contact.add_argument("--role")

    delete = command("delete", "delete an application (its id is never reused)")
    delete.add_argument("id")

    show = command("show", "one application with its timeline")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")

    listing = command("list", "applications, one a line")
    listing.add_argument("--stage")
    listing.add_argument("--json", action="store_true")

    today = command("today", "the agenda: overdue, due today, coming up, likely ghosted")
    output = today.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--brief", action="store_true", help="one line, or nothing")

    config = command("config", "show all settings, one setting, or set one")
    config.add_argument("key", nargs="?", help=", ".join(SETTING_KEYS))
    config.add_argument("value", nargs="?")

    export = command("export", "write all data out (JSON by default, or CSV)")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    importer = command("import", "bring data in from our JSON export or a CSV")
    importer.add_argument("file")

    snooze = command("snooze", "hide an open item from the agenda until a date")
    snooze.add_argument("id")
    snooze.add_argument(
        "item", help="interview, thank-you, follow-up, likely-ghosted or offer-deadline"
    )
    snooze.add_argument(
        "--until",
        metavar="DATE",
        required=True,
        help="when it comes back (YYYY-MM-DD; the word `today` ends a snooze)",
    )

    stats = command("stats", "insights: the funnel, response rate, timings, by source")
    stats.add_argument("--json", action="store_true")

    calendar = command("calendar", "write interviews and due items as an iCalendar (.ics) file")
    calendar.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")

    draft = command("draft", "print a thank-you or follow-up email drafted from the card")
    draft.add_argument("id")
    draft.add_argument("kind", help="thank-you or follow-up")

    return parser


def _field_options(parser: argparse.ArgumentParser) -> None:
    for name in OPTIONAL_FIELDS:
        parser.add_argument(f"--{name}")


def _version() -> str:
    from searchboard import __version__

    return f"searchboard {__version__}"
