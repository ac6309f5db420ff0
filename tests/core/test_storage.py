"""The data file (SPEC §7): created safely, saved atomically, backed up, never
overwritten when it cannot be read, and shared safely between two processes."""

from __future__ import annotations

import json
import os
import stat
import time
from datetime import date

import pytest

from searchboard.domain.model import new_application
from searchboard.domain.settings import Settings
from searchboard.domain.stages import Stage
from searchboard.storage import SCHEMA_VERSION, DataFileError, Store
from searchboard.storage.atomic_json import AtomicJSONStorage
from searchboard.tracker import Tracker, UserError

D = date.fromisoformat
TODAY = D("2026-11-25")


def add(store: Store, company: str, stage: Stage = Stage.APPLIED) -> int:
    with store.transaction() as tx:
        app_id = tx.allocate_id()
        tx.put(new_application(app_id, company, "Engineer", stage, TODAY))
    return app_id


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- creation ---------------------------------------------------------------------------------


def test_first_change_creates_the_file_and_its_folder(db):
    assert not db.parent.exists()
    store = Store(db)
    assert store.load().applications == {}
    add(store, "Acme")
    assert db.is_file()
    assert mode(db) == 0o600
    reread = Store(db).load()
    assert [app.company for app in reread.ordered()] == ["Acme"]


def test_file_stays_private_after_every_save(db):
    store = Store(db)
    for n in range(3):
        add(store, f"Co{n}")
        assert mode(db) == 0o600
    for backup in db.parent.glob(f"{db.name}.bak.*"):
        assert mode(backup) == 0o600, backup


def test_a_file_with_loose_permissions_is_made_private_on_save(db):
    db.parent.mkdir(parents=True)
    db.write_text("{}")
    db.chmod(0o644)
    add(Store(db), "Acme")
    assert mode(db) == 0o600


def test_the_file_records_its_schema_version(db):
    add(Store(db), "Acme")
    raw = json.loads(db.read_text())
    assert raw["meta"]["1"]["schema"] == SCHEMA_VERSION


# --- atomic saves and backups -----------------------------------------------------------------


def test_saves_leave_no_temporary_files(db):
    store = Store(db)
    for n in range(4):
        add(store, f"Co{n}")
    names = sorted(p.name for p in db.parent.iterdir())
    leftovers = [n for n in names if n.endswith(".tmp") or n.startswith(".")]
    assert leftovers == []
    assert set(names) <= {db.name, f"{db.name}.lock"} | {f"{db.name}.bak.{n}" for n in range(1, 6)}


def test_a_failed_save_leaves_the_old_file_whole(db, monkeypatch):
    store = Store(db)
    add(store, "Acme")
    before = db.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        add(store, "Globex")
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]
    # The store is still usable, and does not believe Globex was saved.
    assert [a.company for a in Store(db).load().ordered()] == ["Acme"]
    assert [a.company for a in store.load().ordered()] == ["Acme"]
    add(store, "Initech")
    assert [a.company for a in Store(db).load().ordered()] == ["Acme", "Initech"]


def test_a_transaction_that_raises_saves_nothing(db):
    store = Store(db)
    add(store, "Acme")
    before = db.read_bytes()
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.put(new_application(tx.allocate_id(), "Globex", "Engineer", Stage.APPLIED, TODAY))
        raise RuntimeError("changed my mind")
    assert db.read_bytes() == before
    assert [a.company for a in store.load().ordered()] == ["Acme"]
    # The id handed out in the failed transaction was not saved as used, which is fine;
    # what matters is that the next add works and ids stay distinct.
    assert add(store, "Initech") == 2


def test_backups_rotate_and_keep_five(db):
    store = Store(db)
    versions = []
    for n in range(8):
        add(store, f"Co{n}")
        versions.append(db.read_bytes())
    backups = sorted(p.name for p in db.parent.glob(f"{db.name}.bak.*"))
    assert backups == [f"{db.name}.bak.{n}" for n in range(1, 6)]
    # .bak.1 is the version before the current one, .bak.2 the one before that, …
    for n in range(1, 6):
        assert (db.parent / f"{db.name}.bak.{n}").read_bytes() == versions[-1 - n]


def backup_contents(db) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(db.parent.glob(f"{db.name}.bak*"))}


def test_a_change_to_what_is_already_there_keeps_every_backup(db):
    store = Store(db)
    for n in range(6):
        add(store, f"Co{n}")
    tracker = Tracker(store, TODAY)
    tracker.set_setting("country", "US")
    before, backups = db.read_bytes(), backup_contents(db)
    for _ in range(5):  # "changed" to what it already is: no save, no rotation
        Tracker(Store(db), TODAY).set_setting("country", "US")
    assert db.read_bytes() == before
    assert backup_contents(db) == backups


def test_a_failed_save_rotates_no_backup(db, monkeypatch):
    store = Store(db)
    for n in range(6):
        add(store, f"Co{n}")
    before, backups = db.read_bytes(), backup_contents(db)
    real_replace = os.replace

    def refused(source, target):  # as on a file made immutable (chattr +i)
        if os.fspath(target) == os.fspath(db):
            raise PermissionError(1, "Operation not permitted")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", refused)
    for n in range(5):
        with pytest.raises(PermissionError):
            add(store, f"Refused{n}")
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert backup_contents(db) == backups  # the five earlier versions are all still there
    left = {p.name for p in db.parent.iterdir()} - {db.name, f"{db.name}.lock", *backups}
    assert not left  # no half-made backup or temporary file
    add(store, "After")
    assert backup_contents(db)[f"{db.name}.bak.1"] == before


def test_backups_survive_a_save_that_stops_after_its_replace(db, monkeypatch):
    store = Store(db)
    versions = []
    for n in range(3):
        add(store, f"Co{n}")
        versions.append(db.read_bytes())

    def stopped(self, pending):  # a full disk, a killed process: after the replace
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(AtomicJSONStorage, "_rotate_backups", stopped)
    add(store, "Co3")  # saved all the same: the new version is in place
    versions.append(db.read_bytes())
    monkeypatch.undo()
    assert [a.company for a in Store(db).load().ordered()][-1] == "Co3"
    add(store, "Co4")  # the version left aside is rotated in, not thrown away
    expected = {f"{db.name}.bak.{n}": versions[-n] for n in range(1, 5)}
    assert backup_contents(db) == expected


def test_a_backup_can_be_restored(db):
    store = Store(db)
    add(store, "Acme")
    add(store, "Globex")
    restored = db.parent / "restored.json"
    restored.write_bytes((db.parent / f"{db.name}.bak.1").read_bytes())
    assert [a.company for a in Store(restored).load().ordered()] == ["Acme"]


# --- files that cannot be read are refused and left alone -------------------------------------

UNREADABLE = {
    "corrupt": b'{"applications": {"1": {"company": "Ac',
    "empty": b"",
    "whitespace": b"  \n",
    "a list": b"[1, 2, 3]",
    "a string": b'"hello"',
    "tables of numbers": b'{"applications": [1, 2]}',
    "apps without schema": json.dumps(
        {"applications": {"1": {"company": "Acme", "role": "x", "stage": "applied"}}}
    ).encode(),
    "a bad application": json.dumps(
        {
            "meta": {"1": {"schema": 1, "next_id": 2}},
            "applications": {"1": {"company": "Acme", "role": "x", "stage": "limbo"}},
        }
    ).encode(),
    "another TinyDB app": json.dumps(
        {"_default": {"1": {"title": "Buy milk", "done": False}}}
    ).encode(),
    "another app's tables": json.dumps({"users": {"1": {"name": "ann"}}}).encode(),
    "newer schema": json.dumps(
        {
            "meta": {"1": {"schema": SCHEMA_VERSION + 1, "next_id": 2}},
            "applications": {"1": {"company": "Acme", "role": "x", "stage": "applied"}},
        }
    ).encode(),
    "unknown schema": json.dumps({"meta": {"1": {"schema": "two", "next_id": 1}}}).encode(),
    "meta that is not an object": json.dumps({"meta": {"1": "schema one"}}).encode(),
    "contacts that are not objects": json.dumps(
        {
            "meta": {"1": {"schema": 1, "next_id": 2}},
            "applications": {
                "1": {"company": "Acme", "role": "x", "stage": "applied", "contacts": ["Ann"]}
            },
        }
    ).encode(),
}


# Well formed, but an event dated 9999: the quick look on opening passes it, and reading
# it in full (before any save, or to show it) refuses it rather than counting from it.
UNREADABLE_IN_FULL = {
    "a date in 9999 (typed by hand)": json.dumps(
        {
            "meta": {"1": {"schema": 1, "next_id": 2}},
            "applications": {
                "1": {
                    "company": "Acme",
                    "role": "x",
                    "stage": "applied",
                    "events": [{"kind": "applied", "date": "9999-12-31", "note": None}],
                }
            },
        }
    ).encode(),
}


@pytest.fixture(params=sorted(UNREADABLE))
def unreadable(request, db):
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(UNREADABLE[request.param])
    db.chmod(0o600)
    return db


def test_unreadable_file_is_refused_naming_it(unreadable, file_state):
    before = file_state(unreadable)
    with pytest.raises(DataFileError) as refused:
        Store(unreadable).load()
    assert str(unreadable) in str(refused.value)
    with pytest.raises(DataFileError):
        add(Store(unreadable), "Acme")
    tracker = Tracker(Store(unreadable), TODAY)
    with pytest.raises(DataFileError):
        tracker.add("Acme", "Engineer")
    with pytest.raises(DataFileError):
        tracker.set_setting("weekly_goal", "3")
    assert file_state(unreadable) == before  # byte-identical, and no backup made


def test_a_date_out_of_range_in_the_file_is_refused_before_any_save(db, file_state):
    db.parent.mkdir(parents=True)
    db.write_bytes(UNREADABLE_IN_FULL["a date in 9999 (typed by hand)"])
    before = file_state(db)
    tracker = Tracker(Store(db), TODAY)
    with pytest.raises(DataFileError, match=r"application 1: .*out of range"):
        tracker.add("Globex", "Analyst")
    with pytest.raises(DataFileError, match="out of range"):
        tracker.applications()
    assert file_state(db) == before


def test_a_date_an_earlier_version_let_through_still_opens(db):
    # 2300-01-01 could be typed before typed dates were held to 1900–2199: such a file
    # must not be locked out, so the file is read in a wider range (1000–9000).
    data = json.loads(UNREADABLE_IN_FULL["a date in 9999 (typed by hand)"])
    data["applications"]["1"]["events"][0]["date"] = "2300-01-01"
    db.parent.mkdir(parents=True)
    db.write_text(json.dumps(data))
    tracker = Tracker(Store(db), TODAY)
    assert tracker.applications()[0].applied_on == D("2300-01-01")
    tracker.agenda()  # and counting from it works
    tracker.add("Globex", "Analyst")


def test_newer_schema_message_says_to_upgrade(db):
    db.parent.mkdir(parents=True)
    db.write_bytes(UNREADABLE["newer schema"])
    with pytest.raises(DataFileError, match="newer"):
        Store(db).load()


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["today"],
        ["add", "Acme", "Engineer"],
        ["config", "weekly_goal", "3"],
        ["move", "1", "offer"],
    ],
)
def test_unreadable_file_via_the_command_line(cli, db, file_state, command):
    for kind in (
        "corrupt",
        "newer schema",
        "another TinyDB app",
        "a date in 9999 (typed by hand)",
    ):
        db.parent.mkdir(parents=True, exist_ok=True)
        db.write_bytes({**UNREADABLE, **UNREADABLE_IN_FULL}[kind])
        before = file_state(db)
        result = cli(*command)
        assert result.returncode == 1, result
        assert str(db) in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result
        assert file_state(db) == before


def test_an_empty_tinydb_file_is_accepted(db):
    db.parent.mkdir(parents=True)
    db.write_text('{"_default": {}}')
    assert add(Store(db), "Acme") == 1
    assert [a.company for a in Store(db).load().ordered()] == ["Acme"]


# --- ids --------------------------------------------------------------------------------------


def test_ids_are_never_reused_after_a_delete(db):
    store = Store(db)
    assert [add(store, name) for name in ("A", "B", "C")] == [1, 2, 3]
    with store.transaction() as tx:
        tx.delete(3)
    assert add(store, "D") == 4
    with store.transaction() as tx:
        for app_id in list(tx.applications):
            tx.delete(app_id)
    # Even a new Store on the same file, with every application gone, goes on counting.
    assert Store(db).load().applications == {}
    assert Store(db).load().next_id == 5
    assert add(Store(db), "E") == 5


def test_tracker_never_reuses_ids(db):
    tracker = Tracker(Store(db), TODAY)
    first = tracker.add("Acme", "Engineer").app_id
    tracker.delete(first)
    assert tracker.add("Globex", "Engineer").app_id == first + 1


# --- two processes on one file ----------------------------------------------------------------


def test_a_change_by_one_store_is_seen_by_the_other(db):
    board, cli = Store(db), Store(db)
    add(board, "Acme")
    assert board.load().applications and cli.load().applications
    add(cli, "Globex")
    assert [a.company for a in board.load().ordered()] == ["Acme", "Globex"]


def test_a_stale_store_does_not_lose_the_other_change(db):
    first, second = Store(db), Store(db)
    add(first, "Acme")
    second.load()  # second has read the file…
    add(first, "Globex")  # …then first changes it…
    add(second, "Initech")  # …and second writes without reloading by hand.
    companies = sorted(a.company for a in Store(db).load().ordered())
    assert companies == ["Acme", "Globex", "Initech"]
    ids = sorted(Store(db).load().applications)
    assert ids == [1, 2, 3]


def test_two_trackers_changing_one_application_keep_both_changes(db):
    one = Tracker(Store(db), TODAY)
    two = Tracker(Store(db), TODAY)
    app_id = one.add("Acme", "Engineer").app_id
    two.get(app_id)  # the second window shows the card…
    one.edit(app_id, salary="120k")  # …the first edits it…
    two.move(app_id, Stage.SCREENING)  # …and the second moves it.
    app = Tracker(Store(db), TODAY).get(app_id)
    assert app.salary == "120k"
    assert app.stage is Stage.SCREENING


def test_settings_changed_by_one_store_are_seen_by_the_other(db):
    first, second = Store(db), Store(db)
    add(first, "Acme")
    second.load()
    with first.transaction() as tx:
        tx.set_settings(Settings(country="GB", weekly_goal=3))
    assert second.load().settings.country == "GB"
    add(second, "Globex")
    assert Store(db).load().settings.weekly_goal == 3


def test_undo_is_refused_after_another_process_changed_the_card(db):
    one = Tracker(Store(db), TODAY)
    two = Tracker(Store(db), TODAY)
    app_id = one.add("Acme", "Engineer").app_id
    moved = one.move(app_id, Stage.SCREENING)
    two.edit(app_id, notes="call Tuesday")
    with pytest.raises(UserError):
        one.undo(moved)
    app = Tracker(Store(db), TODAY).get(app_id)
    assert app.stage is Stage.SCREENING
    assert app.notes == "call Tuesday"


def test_a_file_replaced_while_it_is_being_read_is_not_mistaken_for_current(db, monkeypatch):
    """Another process may replace the file while this one is parsing it (the board
    reads without the lock). The data read is then the old version, and must not be
    remembered as if it were the new one: the next change would be applied to stale
    data and silently drop the other process's change (here, a whole application)."""
    from searchboard.storage.atomic_json import AtomicJSONStorage

    board, other = Store(db), Store(db)
    add(board, "Acme")
    add(other, "Globex")
    real_load = AtomicJSONStorage._load
    raced = []

    def load_then_other_process_writes(self):
        data = real_load(self)
        if self is board._storage and not raced:
            raced.append(True)
            add(other, "Initech")  # lands just after the board read the bytes
        return data

    monkeypatch.setattr(AtomicJSONStorage, "_load", load_then_other_process_writes)
    board.load()  # an unlocked read, as the board does to refresh
    monkeypatch.setattr(AtomicJSONStorage, "_load", real_load)
    assert raced
    add(board, "Umbrella")
    companies = sorted(a.company for a in Store(db).load().ordered())
    assert companies == ["Acme", "Globex", "Initech", "Umbrella"]
    assert sorted(Store(db).load().applications) == [1, 2, 3, 4]


def test_the_fast_event_reader_agrees_with_the_checked_one() -> None:
    """Events are read by a fast path and, when anything is unusual, a checked one: for
    any data both must give the same event, or both refuse."""
    from searchboard.demo import demo_applications
    from searchboard.domain.model import Event, InvalidData

    today = date(2026, 11, 24)
    samples = [e.to_dict() for app in demo_applications(today, 60) for e in app.events]
    samples += [
        {"kind": "stage", "date": "2026-11-24", "stage": "Screening"},
        {"kind": "stage", "date": "2026-11-24", "stage": "nowhere"},
        {"kind": "stage", "date": "2026-11-24"},
        {"kind": "applied", "date": "2026-11-24", "stage": "offer"},
        {"kind": "interview", "date": "2026-11-24", "expect": "2026-12-01", "note": "  x "},
        {"kind": "interview", "date": "2026-11-24", "expect": "2026-02-30"},
        {"kind": "interview", "date": "2026-11-24", "expect": ""},
        {"kind": "applied", "date": "2026-11-24", "expect": "2026-12-01"},
        {"kind": "applied", "date": "2026-11-24", "expect": "soon"},
        {"kind": "offer", "date": "2026-11-24", "deadline": "2026-12-11"},
        {"kind": "offer", "date": "2026-11-24", "deadline": "2026/12/11"},
        {"kind": "Thank-You", "date": "2026-11-24"},
        {"kind": "note", "date": "2026-11-24", "note": 42},
        {"kind": "note", "date": "2026-11-24", "note": ""},
        {"kind": "note", "date": " 2026-11-24"},
        {"kind": "note", "date": "2026-13-01"},
        {"kind": "note", "date": "2026-11-24", "snooze": "follow_up", "until": "2026-11-27"},
        {"kind": ["note"], "date": "2026-11-24"},
    ]
    for data in samples:
        results = []
        for read in (Event.from_dict, Event._checked_from_dict):
            try:
                results.append(read(data))
            except InvalidData:
                results.append("refused")
        assert results[0] == results[1], data


def test_a_number_orjson_cannot_write_is_still_saved(tmp_path) -> None:
    """orjson writes the file quickly but refuses integers past 64 bits, which an
    imported file may hold: the save falls back to the standard library, and succeeds."""
    path = tmp_path / "db.json"
    huge = 2**70
    store = Store(path)
    with store.transaction() as tx:
        tx.put(new_application(huge, "Acme", "Data Engineer", Stage.APPLIED, date(2026, 11, 2)))
    assert Store(path).load().applications[huge].company == "Acme"


# --- reading part of the file ---------------------------------------------------------------


def test_reading_some_stages_reads_each_application_once_and_only_those(db, monkeypatch):
    store = Store(db)
    add(store, "Acme")
    globex = add(store, "Globex")
    with store.transaction() as tx:
        tx.put(tx.get(globex).moved_to(Stage.REJECTED, TODAY))
    add(store, "Initech", Stage.WISHLIST)
    fresh = Store(db).load()
    read: list[str] = []
    real = fresh._read
    monkeypatch.setattr(
        fresh, "_read", lambda key, doc: read.append(doc["company"]) or real(key, doc)
    )
    closed = frozenset({"rejected"})
    assert [app.company for app in fresh.in_stages(closed)] == ["Globex"]
    assert read == ["Globex"]
    assert fresh.applied_dates(closed) == [TODAY]
    assert sorted(app.company for app in fresh.applications.values()) == [
        "Acme",
        "Globex",
        "Initech",
    ]
    assert sorted(read) == ["Acme", "Globex", "Initech"]  # Globex was not read twice
    assert list(fresh.applications) == [1, 2, 3]  # in the file's order, as before
    assert fresh.applied_dates(closed) == [TODAY]
    assert fresh.applied_dates() == [TODAY, TODAY, None]  # Initech is on the wishlist


def test_applied_dates_written_loosely_are_read_as_the_full_reader_reads_them(db):
    # Another tool wrote these: a kind in capitals, a date with a space before it.
    # Both are accepted when the application is read in full, so both count here too.
    raw = {
        "meta": {"1": {"schema": SCHEMA_VERSION, "next_id": 3}},
        "applications": {
            "1": {
                "company": "Acme",
                "role": "x",
                "stage": "rejected",
                "events": [{"kind": "applied", "date": " 2026-11-23"}],
            },
            "2": {
                "company": "Globex",
                "role": "y",
                "stage": "ghosted",
                "events": [{"kind": "Applied", "date": "2026-11-24"}],
            },
        },
    }
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text(json.dumps(raw))
    closed = frozenset({"rejected", "ghosted"})
    in_full = [app.applied_on for app in Store(db).load().applications.values()]
    assert in_full == [D("2026-11-23"), D("2026-11-24")]
    assert Store(db).load().applied_dates(closed) == in_full
    assert Store(db).load().applied_dates() == in_full


def test_a_store_counts_the_changes_of_others_it_reads_and_not_its_own(db):
    mine, theirs = Store(db), Store(db)
    add(mine, "Acme")
    mine.load()
    add(mine, "Globex")  # our own save: the file is as we wrote it
    mine.load()
    assert mine.outside_changes_read == 0
    add(theirs, "Initech")
    add(mine, "Hooli")  # the save reads theirs first, and keeps it
    assert mine.outside_changes_read == 1
    assert [app.company for app in mine.load().ordered()] == ["Acme", "Globex", "Initech", "Hooli"]
    assert mine.outside_changes_read == 1  # nothing new since


# --- many changes in one transaction ----------------------------------------------------------


def test_puts_and_deletes_in_one_transaction_leave_exactly_the_last_of_each(db):
    store = Store(db)
    acme, globex, initech = add(store, "Acme"), add(store, "Globex"), add(store, "Initech")
    with store.transaction() as tx:
        tx.put(tx.get(acme).edited(notes="first"))
        tx.put(tx.get(acme).edited(notes="second"))  # the same one twice: the last counts
        tx.delete(globex)
        hooli = tx.allocate_id()
        tx.put(new_application(hooli, "Hooli", "SRE", Stage.APPLIED, TODAY))
        tx.delete(hooli)  # added and deleted again: never written
        tx.put(tx.get(initech).moved_to(Stage.SCREENING, TODAY))
        tx.delete(initech)
        tx.put(new_application(initech, "Initech again", "Dev", Stage.WISHLIST, TODAY))
    stored = Store(db).load().applications
    assert sorted(stored) == [acme, initech]
    assert stored[acme].notes == "second"
    assert stored[initech].company == "Initech again"
    assert Store(db).load().next_id == hooli + 1  # its id stays used
    raw = json.loads(db.read_text())["applications"]
    assert list(raw) == [str(acme), str(initech)]  # changed ones go last, as they always did


def test_ten_thousand_applications_are_saved_in_one_transaction_quickly(db):
    # TinyDB rewrites a table for each insert; handing it the puts one by one made this
    # quadratic (some 25 s here). Gathered, it takes well under a second; the bound is loose.
    from searchboard.demo import demo_applications

    apps = demo_applications(TODAY, count=10_000, seed=1)
    started = time.perf_counter()
    with Store(db).transaction() as tx:
        for app in apps:
            tx.put(app)
    assert time.perf_counter() - started < 8
    assert Store(db).load().ordered() == sorted(apps, key=lambda app: app.id)


def test_every_field_of_an_application_reads_back_as_written() -> None:
    """The reader names each field (it is on the path of every start): none is dropped,
    and text is read as it is trimmed on the way in (a number in `salary` as text)."""
    from dataclasses import fields

    from searchboard.domain.model import Application, Contact, Event
    from searchboard.domain.stages import EventKind

    app = Application(
        id=7,
        company="Acme",
        role="Data Engineer",
        stage=Stage.SCREENING,
        url="https://acme.example/jobs/7",
        location="Remote",
        salary="120k",
        source="LinkedIn",
        notes="asked about the team",
        contacts=(Contact("Ada", "ada@acme.example", "recruiter"),),
        events=(
            Event(EventKind.APPLIED, date(2026, 11, 2)),
            Event(EventKind.STAGE, date(2026, 11, 9), stage=Stage.SCREENING),
        ),
    )
    data = app.to_dict()
    assert all(getattr(app, f.name) not in (None, (), "") for f in fields(Application))
    assert Application.from_dict(data) == app
    data = {**data, "salary": 120000, "notes": "  padded  ", "url": None}
    read = Application.from_dict(data)
    assert (read.salary, read.notes, read.url) == ("120000", "padded", None)
