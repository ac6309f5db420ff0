"""One ordered writer: the board's saves run here, off the UI thread, one at a time.

A key press changes the screen at once; the change itself is queued and applied to
the data file in order, never reordered or dropped. Quitting waits for the queue
to empty, so nothing acknowledged on screen is lost.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any

Job = Callable[[], Any]
Done = Callable[[Any, BaseException | None], None] | None


class OrderedWriter:
    def __init__(self, deliver: Callable[[Callable[[], None]], None]) -> None:
        """`deliver` hands a callback to the UI thread without waiting for it to run
        (loop.call_soon_threadsafe), so a UI thread waiting on `flush` cannot deadlock."""
        self._deliver = deliver
        self._jobs: queue.Queue[tuple[Job, Done] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="searchboard-writer", daemon=True)
        self._thread.start()

    def submit(self, job: Job, done: Done) -> None:
        """Runs `job` after every job submitted before it; then `done(result, error)`."""
        self._jobs.put((job, done))

    def flush(self, timeout: float | None = None) -> bool:
        """Waits until every submitted job has run; False if `timeout` ran out first."""
        finished = threading.Event()
        self._jobs.put((finished.set, None))
        return finished.wait(timeout)

    def close(self, timeout: float | None = 30.0) -> bool:
        flushed = self.flush(timeout)
        self._jobs.put(None)
        return flushed

    @property
    def pending(self) -> int:
        return self._jobs.qsize()

    def _run(self) -> None:
        while True:
            entry = self._jobs.get()
            if entry is None:
                return
            job, done = entry
            try:
                result, error = job(), None
            except BaseException as exc:  # reported to the UI, never lost in the thread
                result, error = None, exc
            if done is None:
                continue
            # RuntimeError: the event loop has closed (quitting); the save itself is done.
            with contextlib.suppress(RuntimeError):
                self._deliver(lambda r=result, e=error, d=done: d(r, e))
