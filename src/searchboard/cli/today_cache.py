"""`searchboard today` answered from a cache while nothing it depends on has changed.

A shell's start-up file runs `today` in every new terminal, and the data file changes far
less often than that. So the answer is kept with everything it was worked out from — the
data file's identity (inode, modification and change times, size: every save replaces
the file, so each save gives a new inode), the day, the output format, the region given on the
command line, and the code and holiday data that computed it — and is used again only
when every one of those is the same. Anything unexpected means: work it out afresh.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

from searchboard import __version__

CACHE_FORMAT = 1


def cache_key(data_file: Path, **facts: object) -> dict[str, Any] | None:
    """What the answer depends on, or None when there is nothing to cache against."""
    try:
        stat = data_file.stat()
    except OSError:
        return None  # no data file yet: nothing to cache against
    from searchboard.holiday_source import holidays_fingerprint

    return {
        "format": CACHE_FORMAT,
        "file": str(data_file.resolve()),
        "signature": [stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size],
        "code": [__version__, _code_fingerprint()],
        "holidays": holidays_fingerprint(),
        **facts,
    }


def cached_answer(key: dict[str, Any]) -> str | None:
    entry_path = _entry_path(key)
    if entry_path is None:
        return None
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    answer = entry.get("answer")
    return answer if isinstance(answer, str) else None


def keep_answer(key: dict[str, Any], answer: str) -> None:
    """Saves the answer for next time; a cache that cannot be written is no error."""
    entry_path = _entry_path(key)
    if entry_path is None:
        return
    with contextlib.suppress(OSError):
        entry_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        payload = json.dumps({"key": key, "answer": answer}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=entry_path.parent, prefix=".today-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)  # 0600 from mkstemp: it holds company names
            os.replace(tmp, entry_path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _entry_path(key: dict[str, Any]) -> Path | None:
    from searchboard.holiday_source import default_cache_dir

    folder = default_cache_dir()
    if folder is None:
        return None
    # One entry per data file; two files sharing a name only miss each other's answers.
    name = zlib.crc32(str(key["file"]).encode())
    return folder / "today" / f"{name:08x}.json"


def _code_fingerprint() -> str:
    """Changes whenever searchboard's own code does (an upgrade, or a developer's edit)."""
    package = Path(__file__).resolve().parent.parent
    newest, count = 0, 0
    for folder, _, files in os.walk(package):
        for name in files:
            if name.endswith(".py"):
                count += 1
                newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return f"{newest:x}-{count}"
