"""The `searchboard` command: pauses the garbage collector before anything is imported
(see searchboard.startup), then runs the command line."""

from __future__ import annotations

from searchboard.startup import pause_garbage_collection


def run() -> None:
    pause_garbage_collection()
    from searchboard.cli.main import main

    raise SystemExit(main())
