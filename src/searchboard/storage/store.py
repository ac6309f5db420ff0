"""The data file: applications and settings, with a schema version.

Every change is a transaction: take the file's lock, read the file again if another
process has replaced it, apply the change to what is really on disk, save once,
release. Two boards, or a board and the command line, never lose each other's
changes, because a change is always applied to the latest data, never to a copy
that a process read a while ago.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from searchboard.domain.dates import parse_stored_date
from searchboard.domain.model import Application, InvalidData
from searchboard.domain.settings import Settings
from searchboard.domain.stages import EventKind, Stage
from searchboard.storage.atomic_json import AtomicJSONStorage, FileSignature
from searchboard.storage.errors import DataFileError, LockTimeout

if TYPE_CHECKING:
    from filelock import BaseFileLock

SCHEMA_VERSION = 1
LOCK_TIMEOUT_SECONDS = 15.0

# Migrations from one schema version to the next: MIGRATIONS[n] turns version n into
# version n + 1. Schema 1 is the first, so there are none yet; the next change of
# shape adds MIGRATIONS[1] and bumps SCHEMA_VERSION.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}

_APPS, _META, _SETTINGS = "applications", "meta", "settings"
_ONE = 1  # the doc id of the single document in the meta and settings tables


class Snapshot:
    """Everything in the file at one moment.

    Applications are read from the file's documents when first asked for, and
    `in_stages` reads only those of some stages: `searchboard today` needs the
    active ones in full, and of the rest only their applied dates."""

    def __init__(
        self,
        settings: Settings,
        applications: dict[int, Application] | None,
        next_id: int,
        signature: FileSignature | None,
        documents: dict[str, Any] | None = None,
        path: Path | None = None,
    ) -> None:
        self.settings = settings
        self.next_id = next_id
        self.signature = signature
        # Each application is read from its document when first asked for, and kept.
        self._parsed: dict[int, Application] = dict(applications or {})
        self._complete = applications is not None
        self._documents = documents or {}
        self._path = path

    @property
    def applications(self) -> dict[int, Application]:
        if not self._complete:
            self._parsed = {int(key): self._app(key, doc) for key, doc in self._documents.items()}
            self._complete = True
        return self._parsed

    def ordered(self) -> list[Application]:
        return [self.applications[key] for key in sorted(self.applications)]

    def in_stages(self, stages: frozenset[str]) -> list[Application]:
        """The applications in `stages`, by id, reading no others."""
        if self._complete:
            return [app for app in self.ordered() if app.stage in stages]
        wanted = [
            (int(key), key, doc)
            for key, doc in self._documents.items()
            if isinstance(doc, dict) and doc.get("stage") in stages
        ]
        return [self._app(key, doc) for _, key, doc in sorted(wanted, key=lambda kv: kv[0])]

    def ids_in(self, stages: frozenset[str]) -> list[int]:
        """The ids of the applications in `stages`, in order, reading none of them."""
        if self._complete:
            return sorted(app.id for app in self._parsed.values() if app.stage in stages)
        return sorted(
            int(key)
            for key, doc in self._documents.items()
            if isinstance(doc, dict) and doc.get("stage") in stages
        )

    def read(self, app_id: int) -> Application:
        """One application (KeyError if there is none), reading no other."""
        if self._complete:
            return self._parsed[app_id]
        key = str(app_id)
        return self._app(key, self._documents[key])

    def applied_dates(self, stages: frozenset[str] | None = None) -> list[date | None]:
        """Each application's first `applied` date (of those in `stages`, when given),
        straight from the documents."""
        if self._complete:
            apps = self._parsed.values()
            return [app.applied_on for app in apps if stages is None or app.stage in stages]
        found: list[date | None] = []
        for key, doc in self._documents.items():
            if stages is not None and doc.get("stage") not in stages:
                continue  # (an object, after `load`'s shape check; a peek raises on one not)
            plain, day = _read_off_applied_date(doc)
            found.append(day if plain else self._app(key, doc).applied_on)
        return found

    def _app(self, key: str, doc: Any) -> Application:
        app_id = int(key)
        app = self._parsed.get(app_id)
        if app is None:
            app = self._parsed[app_id] = self._read(key, doc)
        return app

    def _read(self, key: str, doc: Any) -> Application:
        try:
            return Application.from_dict(doc, id=int(key))
        except (InvalidData, ValueError, TypeError, AttributeError) as error:
            path = self._path
            raise DataFileError(
                f"{path} holds data searchboard cannot read (application {key}: {error}); "
                "it was left as it is. "
                f"Restore {path.name if path else 'the file'}.bak.1 beside it, "
                f"or fix the entry by hand."
            ) from None


class Transaction:
    """The data inside a lock: read what you need, change it, and it is saved at the end.

    Applications put or deleted are gathered and handed to TinyDB together when the
    block ends: TinyDB rewrites a whole table for each insert, so putting them one by
    one made an import of thousands quadratic (11 s for 10,000)."""

    def __init__(self, db: TinyDB, snapshot: Snapshot) -> None:
        self._db = db
        self.settings = snapshot.settings
        self.applications = dict(snapshot.applications)
        self._next_id = snapshot.next_id
        self._changed: dict[int, Application | None] = {}  # None: deleted

    def get(self, app_id: int) -> Application:
        try:
            return self.applications[app_id]
        except KeyError:
            raise KeyError(f"no application #{app_id}") from None

    def id_never_used(self, app_id: int) -> bool:
        return app_id >= self._next_id

    def allocate_id(self) -> int:
        """A fresh id: one that no application has ever had in this file."""
        app_id = self._next_id
        self._next_id += 1
        self._write_meta()
        return app_id

    def put(self, app: Application) -> None:
        self._changed.pop(app.id, None)  # (a changed one goes last, as it always did)
        self._changed[app.id] = app
        self.applications[app.id] = app
        if app.id >= self._next_id:
            self._next_id = app.id + 1
            self._write_meta()

    def delete(self, app_id: int) -> Application:
        app = self.get(app_id)
        self._changed[app_id] = None
        del self.applications[app_id]
        return app

    def write_changes(self) -> None:
        """Hands what was put and deleted to TinyDB: one removal, one insertion."""
        if not self._changed:
            return
        table = self._apps
        stored = [app_id for app_id in self._changed if table.contains(doc_id=app_id)]
        if stored:
            table.remove(doc_ids=stored)
        documents = []
        for app_id, app in self._changed.items():
            if app is not None:
                data = app.to_dict()
                del data["id"]  # the doc id is the application's id
                documents.append(Document(data, doc_id=app_id))
        if documents:
            table.insert_multiple(documents)
        self._changed.clear()

    def set_settings(self, settings: Settings) -> None:
        table = self._db.table(_SETTINGS)
        table.truncate()
        table.insert(Document(settings.to_dict(), doc_id=_ONE))
        self.settings = settings

    @property
    def _apps(self) -> Table:
        return self._db.table(_APPS)

    def _write_meta(self) -> None:
        table = self._db.table(_META)
        table.truncate()
        table.insert(Document({"schema": SCHEMA_VERSION, "next_id": self._next_id}, doc_id=_ONE))


class Store:
    def __init__(self, path: str | os.PathLike[str], backups: int = 5) -> None:
        self.path = Path(path)
        self._storage = AtomicJSONStorage(self.path, backups=backups)
        self._db = TinyDB(storage=_Shared, shared=self._storage)
        self._lock: BaseFileLock | None = None  # made on the first change: reads need none
        self._snapshot: Snapshot | None = None
        # How many times a read found the file replaced since the last read or write:
        # another process's change, which a transaction applies its own change on top
        # of. A view of the data (the board) compares it to know it should read again.
        self.outside_changes_read = 0

    def changed_on_disk(self) -> bool:
        """Whether another process has replaced the file since we last read or wrote it."""
        return self._snapshot is None or self._storage.signature() != self._snapshot.signature

    def load(self) -> Snapshot:
        """The data as it is on disk now (parsed again only if the file changed)."""
        if self._snapshot is not None and not self.changed_on_disk():
            return self._snapshot
        if self._snapshot is not None:
            self.outside_changes_read += 1
        raw = self._storage.read() or {}
        migrated = _migrated(self.path, raw)
        if migrated is not raw:
            self._storage.replace_cached(migrated)  # saved in the new shape on the next change
        self._snapshot = _parse(self.path, migrated, self._storage.read_signature)
        return self._snapshot

    def peek(self) -> Snapshot:
        """The data on disk now, for a first look (the board's first view, made while
        the board starts): without `load`'s quick look at every entry, which the board
        makes when it reads the file in full just after. Not the store's snapshot (`load`
        reads afresh), never saved from; an entry it cannot read raises when it is read
        (DataFileError, or any error for an entry that is not even an object)."""
        raw = self._storage.read() or {}
        return _parse(self.path, _migrated(self.path, raw), None, check_entries=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A locked read-modify-write: what the block changes is saved once at its end.

        If the block raises, nothing is saved and the file is untouched.
        """
        from filelock import FileLock, Timeout  # deferred: `searchboard today` only reads

        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self._lock is None:
            self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
        lock = self._lock
        try:
            lock.acquire()
        except Timeout:
            raise LockTimeout(
                f"{self.path} is locked by another searchboard process (waited "
                f"{LOCK_TIMEOUT_SECONDS:.0f}s); try again, or remove {lock.lock_file} "
                f"if no other searchboard is running"
            ) from None
        try:
            snapshot = self.load()
            with self._storage.batch():
                transaction = Transaction(self._db, snapshot)
                if not (self._storage.read() or {}).get(_META):
                    transaction._write_meta()
                yield transaction
                transaction.write_changes()
            self._snapshot = Snapshot(
                settings=transaction.settings,
                applications=transaction.applications,
                next_id=transaction._next_id,
                signature=self._storage.read_signature,
            )
        except BaseException:
            self._snapshot = None
            raise
        finally:
            lock.release()


class _Shared(AtomicJSONStorage):
    """Lets TinyDB use a storage object that the Store already made."""

    def __new__(cls, shared: AtomicJSONStorage) -> AtomicJSONStorage:  # type: ignore[misc]
        return shared


def _schema_of(raw: dict[str, Any]) -> int:
    """The file's schema version; an empty file is taken to be of the current one."""
    if not raw.get(_META):
        return SCHEMA_VERSION
    meta = raw[_META].get(str(_ONE))
    schema = meta.get("schema") if isinstance(meta, dict) else None
    return schema if isinstance(schema, int) and not isinstance(schema, bool) else -1


def _migrated(path: Path, raw: dict[str, Any]) -> dict[str, Any]:
    """`raw` brought up to SCHEMA_VERSION, or a refusal if that cannot be done."""
    known_tables = {_APPS, _META, _SETTINGS, "_default"}
    if set(raw) - known_tables or raw.get("_default"):
        raise DataFileError(
            f"{path} is not a searchboard data file (it has tables "
            f"{', '.join(sorted(raw))}), so it was left as it is. Point --db at another file."
        )
    if raw.get(_APPS) and not raw.get(_META):
        raise DataFileError(
            f"{path} has applications but no schema version, so it was left as it is. "
            f"Restore {path.name}.bak.1 beside it, or point --db at another file."
        )
    schema = _schema_of(raw)
    if schema > SCHEMA_VERSION:
        raise DataFileError(
            f"{path} was written by a newer searchboard (schema {schema}, this one reads "
            f"up to {SCHEMA_VERSION}); it was left as it is. Upgrade searchboard to open it."
        )
    if schema < 1 or any(version not in MIGRATIONS for version in range(schema, SCHEMA_VERSION)):
        raise DataFileError(f"{path} has an unknown schema version; it was left as it is.")
    for version in range(schema, SCHEMA_VERSION):
        raw = MIGRATIONS[version](raw)
        raw.setdefault(_META, {}).setdefault(str(_ONE), {})["schema"] = version + 1
    return raw


_STAGE_NAMES = frozenset(str(stage) for stage in Stage)
_EVENT_KIND_NAMES = frozenset(str(kind) for kind in EventKind)


def _read_off_applied_date(doc: dict[str, Any]) -> tuple[bool, date | None]:
    """The first `applied` date read straight off the text, in one pass: (True, the date
    or None) when every event's kind and every applied date is written exactly as
    searchboard writes it; (False, None) when the full, lenient reader must say (a kind
    in capitals, a padded date)."""
    first: date | None = None
    for event in doc.get("events") or ():
        kind = event.get("kind")
        if kind not in _EVENT_KIND_NAMES:
            return False, None
        if kind == "applied":
            text = event.get("date")
            if not isinstance(text, str) or len(text) != 10:
                return False, None
            try:
                day = parse_stored_date(text)
            except ValueError:
                return False, None
            if first is None or day < first:
                first = day
    return True, first


def _check_shape(key: str, doc: Any) -> None:
    """A quick look at every application, so a damaged file is refused on opening;
    each one is read in full when it is first used, and all before any save."""
    if not isinstance(doc, dict):
        raise InvalidData(f"application {key} is not an object")
    if doc.get("stage") not in _STAGE_NAMES:
        raise InvalidData(f"application {key} has an unknown stage {doc.get('stage')!r}")
    if not isinstance(doc.get("company"), str) or not doc["company"].strip():
        raise InvalidData(f"application {key} has no company")
    for name in ("events", "contacts"):
        entries = doc.get(name) or []
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise InvalidData(f"application {key} has {name} that are not a list of objects")


def _parse(
    path: Path, raw: dict[str, Any], signature: FileSignature | None, check_entries: bool = True
) -> Snapshot:
    """Reads the raw tables (already in the current schema) into domain values."""
    try:
        settings = Settings.from_dict(raw.get(_SETTINGS, {}).get(str(_ONE), {}))
        documents = raw.get(_APPS, {})
        if check_entries:
            for key, doc in documents.items():
                _check_shape(key, doc)
        meta = raw.get(_META, {}).get(str(_ONE), {})
        next_id = max([int(meta.get("next_id", 1)), *(int(key) + 1 for key in documents)])
    except (InvalidData, ValueError, TypeError, AttributeError) as error:
        raise DataFileError(
            f"{path} holds data searchboard cannot read ({error}); it was left as it is. "
            f"Restore {path.name}.bak.1 beside it, or fix the entry by hand."
        ) from None
    return Snapshot(settings, None, next_id, signature, documents, path)
