"""Start-up without the garbage collector, which has nothing to find then.

Starting up allocates hundreds of thousands of objects (Textual's modules, then every
application in the file) and frees almost none, so the cyclic collector runs again and
again over a growing heap for nothing: it was a third of the time before the board's first
paint. It is paused from the start of `main` and resumed once the board has painted (or
the command has finished), with the start-up objects frozen out of its way for good.
"""

from __future__ import annotations

import gc


def pause_garbage_collection() -> None:
    gc.disable()


def resume_after_first_paint() -> None:
    """Resumes collection if start-up paused it (a board opened by a test never was)."""
    if not gc.isenabled():
        gc.freeze()  # what start-up made lives as long as the board: never scan it again
        gc.enable()


def resume_after_command() -> None:
    gc.enable()  # a command's process ends now; one run in a test's process goes on
