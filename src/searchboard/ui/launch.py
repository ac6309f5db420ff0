"""Opens the board from the command line (the only path that imports Textual)."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from argparse import Namespace
from datetime import date
from pathlib import Path


def launch_board(args: Namespace) -> int:
    from searchboard.cli.main import make_tracker, resolve_db, resolve_today

    demo_dir: str | None = None
    if args.demo:
        demo_dir = tempfile.mkdtemp(prefix="searchboard-demo-")
        db = Path(demo_dir) / "demo.json"
        write_demo(db, resolve_today(args))
    else:
        db = resolve_db(args)
    try:
        tracker = make_tracker(args, db)
        from searchboard.ui import first_view

        pending = first_view.start(tracker)  # reads the file while Textual is imported
        from searchboard.ui.app import SearchboardApp

        pretend = bool(args.today or os.environ.get("SEARCHBOARD_TODAY"))
        receive = pending.receive if pending and not pending.failed() else None
        app = SearchboardApp(tracker, pretend, receive)
        try:
            app.run()
        finally:
            # However the board ended (quit already waits; a crash or a closed terminal
            # does not), every change shown on screen reaches the file before we exit.
            writer = app.board.writer
            if writer is not None and not writer.close(timeout=30):
                print("searchboard: some changes may not have been saved", file=sys.stderr)
        if app.fatal_error:  # e.g. a damaged entry found after the first paint
            print(f"searchboard: {app.fatal_error}", file=sys.stderr)
            return 1
        if app.return_code:  # a bug Textual caught (and showed): not a success
            return 1
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
    if args.demo:
        print(
            "That was the demo: nothing was saved. Run `searchboard` for your own board.",
            file=sys.stderr,
        )
    return 0


def write_demo(path: Path, today: date) -> None:
    from searchboard.demo import demo_applications
    from searchboard.storage import Store

    store = Store(path, backups=0)
    with store.transaction() as tx:
        for app in demo_applications(today):
            tx.put(app)
