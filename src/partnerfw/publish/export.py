"""``partnerfw export``: the register as CSV, JSON or Excel for everyone else.

Public by default: nothing a record lists under ``confidential:`` and no officer's email or
phone (unless the policy publishes contact details); ``include_confidential`` exports all.
One row per record file, sorted by id, one column per dotted field path; no record is left
behind: a file that is not a valid record is exported as written, with an ``errors`` column
saying so (``export_rows``). An ``imported_as_written`` entry with no text is the cell
``(not in the sheet)``, so that every flag survives export and import. Text that a
spreadsheet would run as a formula gets a leading quote, which ``import`` takes off again.
Output is reproducible: the same register gives the same bytes. A character a workbook cannot
hold (a control character such as ESC or NUL, which ``check`` accepts when escaped) is shown in
Excel as U+FFFD, the replacement character; CSV and JSON keep it as it is. ``export_register``
is the whole command: read the register, choose the view, render, write (or hand back the text
to print), and say which files could not be read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from partnerfw.errors import UserError
from partnerfw.files import write_atomic, write_atomic_bytes
from partnerfw.findings import Finding
from partnerfw.policy.project import Project
from partnerfw.policy.schema import Publication
from partnerfw.publish.export_rows import column_key, record_row, written_row
from partnerfw.record.columns import (
    AS_WRITTEN,
    ERRORS,
    as_written_cell,
    cell_text,
    plain,
    unflatten,
)
from partnerfw.record.loading import LoadedRecord, load
from partnerfw.record.partial_dates import PartialDate
from partnerfw.words import plural
from partnerfw.xml_text import xml_safe

FORMATS = ("csv", "json", "xlsx")
SHEET = "Register"
_FIXED_TIME = dt.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class ExportTable:
    columns: list[str]
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class Exported:
    """What ``export_register`` did: how many records it exported, the text to print when
    no file was named, and the problems of the files that are not valid records (exported
    as written, with their errors)."""

    records: int
    text: str | None = None
    problems: list[Finding] = field(default_factory=list)

    def problem_lines(self) -> list[str]:
        """What to tell the user about the files exported with errors, or nothing."""
        if not self.problems:
            return []
        files = len({p.file for p in self.problems})
        return [
            f"partnerfw: {plural(files, 'record file')} "
            f"{'is not a valid record' if files == 1 else 'are not valid records'} "
            f"({plural(len(self.problems), 'problem')}): each is exported as written in its "
            f"file, with its problems in the '{ERRORS}' column; run 'partnerfw check' to see them:",
            *(f"  {p.file}:{p.line}: {p.message}" for p in self.problems),
        ]


def export_register(
    project: Project,
    output: str,
    out: Path | None,
    include_confidential: bool = False,
    overwrite: bool = False,
) -> Exported:
    """Export the register in ``output`` (csv, json or xlsx) to ``out``, or as text to print
    when ``out`` is None; public unless ``include_confidential``."""
    if output == "xlsx" and out is None:
        raise UserError(
            "--format xlsx writes a workbook: name the file with --out, e.g. --out register.xlsx"
        )
    register = load([project.register_dir], project.root)
    table = export_table(
        register.records,
        include_confidential,
        project.policy.publication,
        register.problems,
        project.root,
    )
    if output == "xlsx":
        assert out is not None
        write_atomic_bytes(out, to_xlsx(table), overwrite=overwrite)
        return Exported(len(table.rows), None, register.problems)
    text = (
        to_csv(table)
        if output == "csv"
        else to_json(table, project.council_name, include_confidential)
    )
    if out is None:
        return Exported(len(table.rows), text, register.problems)
    write_atomic(out, ("\ufeff" if output == "csv" else "") + text, overwrite=overwrite)
    return Exported(len(table.rows), None, register.problems)


def export_table(
    records: list[LoadedRecord],
    include_confidential: bool,
    publication: Publication,
    problems: Sequence[Finding] = (),
    root: Path = Path("."),
) -> ExportTable:
    """One row of dotted-path columns per record file, sorted by id: each valid record, less
    what its ``Redaction`` withholds in the public view, and each file with ``problems``
    (shown relative to ``root``) as written, with its errors."""
    public = not include_confidential
    rows = [record_row(record, public, publication) for record in records]
    by_file: dict[str, list[Finding]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    rows += [written_row(root, f, found, public, publication) for f, found in by_file.items()]
    rows.sort(key=lambda row: (row.id, str(row.columns.get(ERRORS, ""))))
    columns = sorted({c for row in rows for c in row.columns}, key=column_key)
    return ExportTable(columns, [row.columns for row in rows])


def _cell(column: str, value: Any) -> Any:
    """What a spreadsheet cell holds for ``value``: an ``imported_as_written`` entry with no
    text as ``(not in the sheet)``, so that its flag is not lost as an empty cell."""
    if isinstance(value, str) and column.startswith(AS_WRITTEN + "."):
        return as_written_cell(value)
    return value


def to_csv(table: ExportTable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell_text(_cell(c, row.get(c))) for c in table.columns])
    return buffer.getvalue()


def to_json(table: ExportTable, council: str, include_confidential: bool) -> str:
    records = [_json_record(row) for row in table.rows]
    payload = {
        "council": council,
        "view": "internal (confidential parts included)" if include_confidential else "public",
        "records": records,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, default=_json_value) + "\n"


def _json_record(row: dict[str, Any]) -> dict[str, Any]:
    """A row as a nested record; its errors, if any, as a list under ``errors``."""
    columns = {c: v for c, v in row.items() if c != ERRORS}
    record: dict[str, Any] = plain(unflatten(columns), json=True)
    if row.get(ERRORS):
        record[ERRORS] = str(row[ERRORS]).split("\n")
    return record


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__}")  # pragma: no cover


def to_xlsx(table: ExportTable) -> bytes:
    """An Excel workbook: typed cells (numbers, dates, true/false), headings frozen."""
    # Loaded here, not at the top: openpyxl is only needed when this runs.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    sheet = book.create_sheet(SHEET)
    sheet.append([xml_safe(column) for column in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_xlsx_value(_cell(c, row.get(c))) for c in table.columns])
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "C2"
    book.properties.creator = "partnerfw"
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, PartialDate):  # a day as a date cell; a month or year as its text
        return value.exact or value.isoformat()
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    if isinstance(value, Decimal):
        return plain(value)
    return xml_safe(cell_text(value))  # a control character would stop openpyxl


def _reproducible_zip(data: bytes) -> bytes:
    """The same workbook, its zip entries stamped with a fixed time so rebuilds are equal."""

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content
                )
            target.writestr(fixed, content)
    return out.getvalue()
