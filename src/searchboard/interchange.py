"""Export and import: our JSON document, and CSV as spreadsheets and other trackers write it.

Pure functions from text to values and back; the tracker does the saving, so an
import is all or nothing: every row is read and checked before anything is written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from searchboard.domain.dates import parse_date
from searchboard.domain.model import OPTIONAL_FIELDS, Application, InvalidData, new_application
from searchboard.domain.rules import last_contact
from searchboard.domain.settings import SETTING_KEYS, Settings
from searchboard.domain.stages import Stage, parse_stage

# Ids are short numbers shown as "#12" (SPEC §2). An imported id is kept when it is free
# and below this; any other gets a fresh one, since every later id counts on from the
# largest: one id of 10^23 in a file would make every id after it that long, for good.
KEPT_ID_LIMIT = 1_000_000


def _usable_id(value: object) -> bool:
    return type(value) is int and 0 < value < KEPT_ID_LIMIT  # (not True, 1.5 or "7")


class ImportRefused(ValueError):
    """An import that cannot go ahead; the message names the line or entry at fault."""


@dataclass(frozen=True)
class ImportedApplication:
    application: Application  # its id is a placeholder until the tracker allocates one
    wanted_id: int | None  # the id it had in an export, kept when still free


# --- JSON ---------------------------------------------------------------------------------


def export_json(schema: int, settings: Settings, applications: Iterable[Application]) -> str:
    document = {
        "schema": schema,
        "settings": settings.to_dict(),
        "applications": [app.to_dict() for app in applications],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read_json(text: str, schema: int) -> tuple[list[ImportedApplication], Settings | None]:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ImportRefused(f"not valid JSON ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("applications"), list):
        raise ImportRefused('expected an object with an "applications" list')
    version = document.get("schema", schema)
    if not isinstance(version, int) or version > schema:
        raise ImportRefused(f"written by a newer searchboard (schema {version}); upgrade first")
    settings = None
    if isinstance(document.get("settings"), dict):
        try:
            settings = Settings.from_dict(
                {k: v for k, v in document["settings"].items() if k in SETTING_KEYS}
            )
        except ValueError as error:
            raise ImportRefused(f"settings: {error}") from None
    imported = []
    for number, data in enumerate(document["applications"], start=1):
        try:
            wanted = data.get("id") if isinstance(data, dict) else None
            wanted_id = wanted if _usable_id(wanted) else None
            app = Application.from_dict(data, id=0)
        except InvalidData as error:
            raise ImportRefused(f"application {number}: {error}") from None
        imported.append(ImportedApplication(app, wanted_id))
    return imported, settings


# --- CSV ----------------------------------------------------------------------------------

# Column names that other trackers and spreadsheets use, matched ignoring case.
_CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization"),
    "role": ("role", "title", "position", "job title"),
    "stage": ("stage", "status"),
    "applied": ("applied", "date applied", "applied on", "applied date"),
    "url": ("url", "link", "job url", "posting url"),
    "location": ("location",),
    "salary": ("salary", "compensation"),
    "source": ("source",),
    "notes": ("notes", "note"),
}
# A cell a spreadsheet would run as a formula starts with one of these.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_COLUMNS = (
    "id",
    "company",
    "role",
    "stage",
    "applied",
    "last_contact",
    "url",
    "location",
    "salary",
    "source",
    "notes",
    "contacts",
)


def export_csv(applications: Iterable[Application], today: date) -> str:
    """Every application, one row each; `last_contact` is the latest contact on or
    before `today` (a booked interview is not contact yet, as on the board)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for app in applications:
        contact = last_contact(app, until=today)
        contacts = "; ".join(
            c.name + (f" <{c.email}>" if c.email else "") + (f" ({c.role})" if c.role else "")
            for c in app.contacts
        )
        row: list[Any] = [
            app.id,
            app.company,
            app.role,
            str(app.stage),
            app.applied_on.isoformat() if app.applied_on else "",
            contact.isoformat() if contact else "",
            app.url,
            app.location,
            app.salary,
            app.source,
            app.notes,
            contacts,
        ]
        writer.writerow(neutralise_formula("" if cell is None else str(cell)) for cell in row)
    return out.getvalue()


def neutralise_formula(cell: str) -> str:
    """A leading apostrophe makes a spreadsheet show the cell as text, not run it."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _restore_formula(cell: str) -> str:
    """Undoes `neutralise_formula`, so a CSV export comes back as it went out."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


def read_csv(text: str, today: date) -> list[ImportedApplication]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused("the CSV file is empty") from None
    except csv.Error as error:
        raise ImportRefused(f"line 1: {error}") from None
    columns = _match_columns(header)
    if "company" not in columns:
        raise ImportRefused("line 1: no company column in the header")
    imported = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            cells = {
                name: _restore_formula(row[index].strip()) if index < len(row) else ""
                for name, index in columns.items()
            }
            try:
                imported.append(ImportedApplication(_application_from_row(cells, today), None))
            except ValueError as error:
                raise ImportRefused(f"line {line}: {error}") from None
    except csv.Error as error:
        raise ImportRefused(f"line {reader.line_num}: {error}") from None
    return imported


def _match_columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        title = title.strip().lower()
        for name, aliases in _CSV_COLUMNS.items():
            if title in aliases and name not in found:
                found[name] = index
    return found


def _application_from_row(cells: dict[str, str], today: date) -> Application:
    company = cells.get("company", "")
    if not company:
        raise ValueError("no company")
    applied = _parse_applied(cells["applied"]) if cells.get("applied") else None
    if cells.get("stage"):
        stage = parse_stage(cells["stage"])
    else:
        stage = Stage.APPLIED if applied else Stage.WISHLIST
    fields = {name: cells.get(name) or None for name in OPTIONAL_FIELDS}
    if applied is not None and stage is not Stage.APPLIED:
        # Applied on that date, then reached its stage (we do not know when: say then).
        app = new_application(0, company, cells.get("role", ""), Stage.APPLIED, applied, **fields)
        return app.moved_to(stage, applied)
    return new_application(0, company, cells.get("role", ""), stage, applied or today, **fields)


def _parse_applied(text: str) -> date:
    """YYYY-MM-DD, or a timestamp that starts with one (as some trackers export)."""
    if len(text) > 10 and text[10] in "T ":
        text = text[:10]
    return parse_date(text)
