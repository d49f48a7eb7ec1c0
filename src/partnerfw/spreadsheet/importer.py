"""``partnerfw import``: a register kept in a spreadsheet (.csv or .xlsx) becomes one record
file per row, losing nothing.

Columns are matched to record fields (``headings.guess``, or a mapping file); each cell is read
by the reader for its field (``cells``). A value read exactly goes into its field; a value that
cannot be read exactly is kept verbatim under ``imported_as_written`` (and ``check`` flags it,
DATA010); a cell in a column that names no field is kept in ``notes``. Every one of those is in
the report, with likely duplicates and rows that cannot become a record.

Nothing is misfiled without a word: a person cell with a name and a title is split
(``people``) or kept as written; a formula whose result the file does not hold is kept as
written; a kind or status is read from its words (``evidence``) or left unknown, never given
a placeholder that contradicts the sheet; every placeholder is named in the report.

The steps, each in its own module: read the table (``table``: ``csv_file``, ``workbook``),
match its columns (``mapping``), plan the records (``plan``: ``row_record`` for each row),
write them (``writing``) and say what was done (``report``). ``import_spreadsheet`` runs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from partnerfw.files import write_atomic
from partnerfw.render.terminal import Progress, no_progress
from partnerfw.spreadsheet.brief import LONG, save_details, short_report
from partnerfw.spreadsheet.mapping import check_headings, mapping_text, match_columns, read_mapping
from partnerfw.spreadsheet.plan import ImportPlan, plan_import
from partnerfw.spreadsheet.report import render_report
from partnerfw.spreadsheet.table import read_table
from partnerfw.spreadsheet.writing import write_records


@dataclass(frozen=True)
class ImportOptions:
    """How to import: the command's options."""

    write: bool = False
    """Create the record files (otherwise only say what would be created)."""
    mapping: Path | None = None
    """A mapping file correcting the columns guessed from their headings."""
    save_mapping: Path | None = None
    """Where to write the column mapping in use, for an officer to correct."""
    sheet: str | None = None
    """The sheet of a workbook (default: the first)."""
    header_row: int | None = None
    """The row that holds the column headings (default: found among the first rows)."""
    allow_duplicates: bool = False
    """Also create rows that look like a record already in the register."""
    verbose: bool = False
    """Show the whole report, however long (otherwise a long one is cut short)."""
    report: Path | None = None
    """Where to write the whole report (a long one is also cut short in the terminal)."""


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did: its plan (each row's result), and the report to show."""

    plan: ImportPlan
    report: str
    """The report to show: the whole of it, or when long its summary (``brief``)."""
    details: Path | None = None
    """Where the whole report was written, if it was."""

    @property
    def has_problems(self) -> bool:
        """True when a row was not imported, is already there, was skipped as a likely
        duplicate, or has a kind or status an officer must choose."""
        return self.plan.has_problems


def import_spreadsheet(
    file: Path,
    register_dir: Path,
    shown_dir: str,
    options: ImportOptions,
    today: dt.date | None = None,
    progress: Progress = no_progress,
) -> ImportOutcome:
    """Import ``file`` into the register folder ``register_dir`` (named ``shown_dir`` in the
    report): read the mapping file and the table, check the mapping's headings are the
    table's, match the columns, plan the records, save the mapping and, with
    ``options.write``, write the records. Raises ``UserError`` for a file or mapping that
    cannot be read; ``today`` (default: the real date) tells an end date that has passed;
    ``progress`` is told each step (reading, each row, duplicates, writing)."""
    progress(f"Reading {file.name}", 0, 0)
    overrides = read_mapping(options.mapping) if options.mapping else None
    table = read_table(file, options.sheet, options.header_row, frozenset(overrides or {}))
    if options.mapping is not None and overrides is not None:
        check_headings(overrides, table.headers, options.mapping, table.source)
    columns = match_columns(table.headers, overrides)
    plan = plan_import(table, columns, register_dir, shown_dir, today, progress)
    if options.save_mapping is not None:
        write_atomic(options.save_mapping, mapping_text(table.source, columns))
    if options.write:
        write_records(plan, register_dir, options.allow_duplicates, progress)
    return _outcome(plan, options)


def _outcome(plan: ImportPlan, options: ImportOptions) -> ImportOutcome:
    """The report whole when short or asked for, else cut short with its details in a file."""
    report = render_report(plan)
    long = len(report.splitlines()) > LONG and not options.verbose
    details = save_details(report, options.report) if long or options.report else None
    if not long:
        return ImportOutcome(plan, report, details)
    assert details is not None
    return ImportOutcome(plan, short_report(report, details), details)
