"""Entry point: parse the words, run the command, turn refusals into one line and exit 2."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path

from searchboard.cli.commands import COMMANDS
from searchboard.cli.parser import UsageError, build_parser
from searchboard.domain.calendar import UnknownRegion
from searchboard.domain.dates import parse_date
from searchboard.startup import pause_garbage_collection, resume_after_command
from searchboard.storage import DataFileError
from searchboard.tracker import RegionOverride, Tracker, UserError, unknown_saved_region

EXIT_BAD_INPUT = 2
EXIT_DATA_FILE = 1


def main(argv: list[str] | None = None) -> int:
    pause_garbage_collection()  # the board resumes it after its first paint
    args: Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        _check_text(args)
        if args.command is None:
            return _open_board(args)
        tracker = make_tracker(args)
        return COMMANDS[args.command](tracker, args)
    except (UsageError, UserError) as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except UnknownRegion as error:
        if args is None or args.command == "config":  # the region just typed
            return _fail(str(error), EXIT_BAD_INPUT)
        # --country and --subdiv were checked on the way in: this is the saved setting.
        return _fail(unknown_saved_region(resolve_db(args), error), EXIT_DATA_FILE)
    except DataFileError as error:
        return _fail(str(error), EXIT_DATA_FILE)
    except BrokenPipeError:
        sys.stderr.close()  # `searchboard list | head` is not an error
        return 0
    except KeyboardInterrupt:
        return 130
    except OverflowError:
        return _fail("a date is out of range (years 1 to 9999)", EXIT_BAD_INPUT)
    except Exception as error:  # a bug: one line for the user, the traceback on request
        if os.environ.get("SEARCHBOARD_DEBUG"):
            raise
        return _fail(
            f"unexpected error: {type(error).__name__}: {error} "
            "(nothing was changed; SEARCHBOARD_DEBUG=1 shows the details)",
            EXIT_DATA_FILE,
        )
    finally:
        resume_after_command()


def _check_text(args: Namespace) -> None:
    """Refuses text that is not valid UTF-8 (the shell passed bytes the terminal could
    not decode): it could never be saved, so say so now, naming the option."""
    for name, value in vars(args).items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raw = value.encode("utf-8", "surrogateescape")  # the bytes as they came
                shown = raw.decode("utf-8", "backslashreplace")
                raise UsageError(f"{name}: '{shown}' is not valid UTF-8 text") from None


def _fail(message: str, status: int) -> int:
    print(f"searchboard: {message}", file=sys.stderr)
    return status


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("searchboard", appauthor=False)) / "searchboard.json"


def resolve_db(args: Namespace) -> Path:
    explicit = args.db or os.environ.get("SEARCHBOARD_DB")
    return Path(explicit).expanduser() if explicit else default_db_path()


def resolve_today(args: Namespace) -> date:
    text = args.today or os.environ.get("SEARCHBOARD_TODAY")
    if not text:
        return date.today()
    try:
        return parse_date(text)
    except ValueError as error:
        raise UsageError(f"--today: {error}") from None


def make_tracker(args: Namespace, db: Path | None = None) -> Tracker:
    from searchboard.storage import Store

    override = RegionOverride(args.country, args.subdiv)
    if args.country is not None and not args.country.strip():
        raise UsageError("--country cannot be empty")
    tracker = Tracker(Store(db or resolve_db(args)), resolve_today(args), override)
    if args.country or args.subdiv:
        _check_override(tracker)
    return tracker


def _check_override(tracker: Tracker) -> None:
    from searchboard.holiday_source import UnknownRegion, check_region

    settings = tracker.settings
    try:
        check_region(settings.country, settings.subdiv)
    except UnknownRegion as error:
        raise UsageError(str(error)) from None


def _open_board(args: Namespace) -> int:
    from searchboard.ui.launch import launch_board

    return launch_board(args)
