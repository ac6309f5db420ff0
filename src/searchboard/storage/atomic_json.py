"""A TinyDB storage that can never leave a half-written file.

TinyDB's own JSONStorage truncates the file and writes it again in place, so a
crash in the middle of a save destroys it. This one writes a temporary file beside
the data file, flushes and fsyncs it, and renames it over the old one: a crash at
any moment leaves either the old file or the new one, whole. The previous version
is kept as a rotated backup (a hard link, so keeping it costs no copying).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from searchboard.storage.errors import DataFileError

FILE_MODE = 0o600  # the file holds salaries and contacts: its owner's eyes only
DIR_MODE = 0o700

# (inode, modification time, size): how we tell that another process replaced the file.
FileSignature = tuple[int, int, int]


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str], backups: int = 5) -> None:
        self.path = Path(path)
        self.backups = backups
        self._data: dict[str, Any] | None = None
        self._signature: FileSignature | None = None
        self._batch_depth = 0
        self._dirty = False

    # --- reading ---------------------------------------------------------------------

    def signature(self) -> FileSignature | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def read(self) -> dict[str, Any] | None:
        """The file's data; parsed again only when another process has replaced it."""
        if self._batch_depth and self._data is not None:
            return self._data
        signature = self.signature()
        if self._data is None or signature != self._signature:
            self._data = self._load() if signature is not None else {}
            self._signature = signature
        return self._data

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise DataFileError(f"cannot read {self.path}: {error.strerror}") from None
        try:
            data = json.loads(raw)
        except ValueError:
            problem = "is empty" if not raw.strip() else "is not valid JSON"
            raise DataFileError(
                f"{self.path} {problem}, so searchboard will not touch it. "
                f"Restore the newest backup ({self.path.name}.bak.1 beside it) "
                f"or point --db at another file."
            ) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise DataFileError(
                f"{self.path} is JSON but not a searchboard data file, so it was left as it "
                f"is. Point --db at another file, or restore {self.path.name}.bak.1."
            )
        return data

    @property
    def read_signature(self) -> FileSignature | None:
        """The signature taken just before the data we hold was read (or written).

        Taken before, not after: if another process replaces the file while we read
        it, the next check sees a difference and reads again, instead of taking old
        data for the new file."""
        return self._signature

    def replace_cached(self, data: dict[str, Any]) -> None:
        """Holds `data` (say, migrated to a new schema) as what was read, until saved."""
        self._data = data

    def invalidate(self) -> None:
        """Forget what was read: the next read goes to the disk."""
        self._data = None
        self._signature = None

    # --- writing ---------------------------------------------------------------------

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        if self._batch_depth:
            self._dirty = True  # written once, when the batch ends
            return
        self._save(data)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Gathers the writes of a block into one save at its end (none if it fails)."""
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._dirty = False
            self.invalidate()  # the block may have changed the cached data half-way
            raise
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._dirty = False
            assert self._data is not None
            try:
                self._save(self._data)
            except BaseException:
                self.invalidate()
                raise

    def _save(self, data: dict[str, Any]) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        # orjson, not json: the same compact UTF-8 bytes, ten times sooner. The board
        # saves from a thread, and json.dumps would hold the GIL (and so freeze the
        # screen) for over 100 ms on a file of 10,000 applications.
        import orjson  # deferred: `searchboard today` only reads

        try:
            payload = orjson.dumps(data)
        except orjson.JSONEncodeError:  # what orjson cannot write (a number past 64 bits)
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        if self._holds(payload):
            self._signature = self.signature()
            return  # nothing changed (a setting set to what it was): keep every backup as is
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=".tmp")
        pending = self._backup_name("pending")
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), FILE_MODE)
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            self._rotate_in_leftover(pending)
            kept = self._keep_previous(pending)
            try:
                os.replace(tmp_name, self.path)
            except BaseException:
                if kept:  # the file was not replaced: its copy set aside is not a backup
                    with contextlib.suppress(OSError):
                        os.unlink(pending)
                raise
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise
        # The new version is in place: from here on nothing may fail the save. Only now
        # do the backups move along (a failed save rotates nothing); should that fail,
        # the previous version waits under `pending` and the next save rotates it in.
        if kept:
            with contextlib.suppress(OSError):
                self._rotate_backups(pending)
        _fsync_directory(folder)
        self._signature = self.signature()

    def _holds(self, payload: bytes) -> bool:
        try:
            return self.path.read_bytes() == payload
        except OSError:
            return False

    def _backup_name(self, n: int | str) -> Path:
        return self.path.with_name(f"{self.path.name}.bak.{n}")

    def _rotate_in_leftover(self, pending: Path) -> None:
        """A `pending` left by a save that stopped half-way: an earlier version, unless
        it is the current file itself (the save stopped before its replace)."""
        if not pending.exists():
            return
        try:
            current = pending.samefile(self.path) or pending.read_bytes() == self.path.read_bytes()
        except OSError:
            current = False
        if current or self.backups <= 0:
            pending.unlink()
        else:
            self._rotate_backups(pending)

    def _keep_previous(self, pending: Path) -> bool:
        """Sets aside the version about to be replaced, under `pending`."""
        if self.backups <= 0 or not self.path.exists():
            return False
        try:
            os.link(self.path, pending)
        except OSError:  # a file system without hard links (or a file that refuses them)
            shutil.copy2(self.path, pending)
        return True

    def _rotate_backups(self, pending: Path) -> None:
        """The version just replaced becomes `.bak.1`, shifting older ones up."""
        for n in range(self.backups - 1, 0, -1):
            if self._backup_name(n).exists():
                os.replace(self._backup_name(n), self._backup_name(n + 1))
        os.replace(pending, self._backup_name(1))

    def close(self) -> None:
        pass


def _fsync_directory(folder: Path) -> None:
    """Makes the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
