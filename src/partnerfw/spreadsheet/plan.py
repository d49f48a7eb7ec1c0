"""The plan of an import, before anything is written: a record for each row and the file it
would be, the rows that cannot be imported (no name, an id two rows share, a file already in
the register), and likely duplicates, among the rows or of records already in the register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from partnerfw.errors import NoRegisterError
from partnerfw.judge.duplicates import Candidate, LikelyDuplicate, candidates, likely_duplicates
from partnerfw.record.loading import load
from partnerfw.render.terminal import Progress, no_progress
from partnerfw.spreadsheet.cells import quoted
from partnerfw.spreadsheet.layout import sheet_rows
from partnerfw.spreadsheet.mapping import Column
from partnerfw.spreadsheet.row import RowResult, choices
from partnerfw.spreadsheet.row_record import build_row
from partnerfw.spreadsheet.table import Table


@dataclass
class ImportPlan:
    """What an import makes of a spreadsheet: its columns, a result for each row, likely
    duplicates, and whether the records have been written yet."""

    table: Table
    columns: list[Column]
    rows: list[RowResult]
    duplicates: list[LikelyDuplicate]
    register_dir: str
    written: bool = False

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def has_problems(self) -> bool:
        return any(
            r.status in ("exists", "skipped", "not imported") or r.unknown for r in self.rows
        )


def plan_import(
    table: Table,
    columns: list[Column],
    register_dir: Path,
    shown_dir: str,
    today: dt.date | None = None,
    progress: Progress = no_progress,
) -> ImportPlan:
    """A record for each row of ``table``, to be written in ``register_dir`` (shown as
    ``shown_dir``), nothing written yet; ``progress`` is told each row read."""
    rows = []
    for number, line, aside, sheet in sheet_rows(table, columns):
        if aside is not None:
            rows.append(RowResult(number, status="left out", problems=[aside.why()]))
        else:
            rows.append(build_row(number, line, columns, today, sheet))
        progress("Reading the rows", len(rows), len(table.rows))
    seen: dict[str, int] = {}
    for result in rows:
        if result.status in ("not imported", "left out"):
            continue
        result.file = f"{shown_dir}/{result.record_id}.yaml"
        if result.record_id in seen:
            result.status = "not imported"
            result.problems.append(
                f"its id '{result.record_id}' is also row "
                f"{seen[result.record_id]}'s; add an id column to tell "
                "them apart"
            )
        elif (register_dir / f"{result.record_id}.yaml").exists():
            result.status = "exists"
        seen.setdefault(result.record_id, result.row)
        result.text = _file_header(result, table.source) + result.text
    progress("Looking for likely duplicates", 0, 0)
    duplicates = _likely_duplicates(rows, register_dir, shown_dir)
    return ImportPlan(table, columns, rows, duplicates, shown_dir)


def _file_header(result: RowResult, source: str) -> str:
    """The comment at the top of a row's record file: where it came from, and what an
    officer must choose, confirm or know."""
    header = f"# Imported by 'partnerfw import' from {source}, row {result.row}.\n"
    for path, text in result.unknown.items():
        said = f"the sheet says {quoted(text)}" if text else "the sheet does not say"
        header += (
            f"# {path}: {said}, and partnerfw cannot tell which it is"
            + (f" ({result.read_from[path]})" if path in result.read_from else "")
            + f". Add a line '{path}: ...' ({choices(path)}).\n"
        )
    for where, before, after in result.repaired:
        header += f"# Repaired mis-encoded text in {quoted(where)}: {quoted(before)} -> "
        header += f"{quoted(after)}.\n"
    if result.flagged:
        header += "# Confirm each value under imported_as_written, then delete its line.\n"
    return header


def _likely_duplicates(
    rows: list[RowResult], register_dir: Path, shown_dir: str
) -> list[LikelyDuplicate]:
    """Likely duplicates among the rows and the register's records; each row that is likely
    the same as a record already in the register says which (``same_as``, best first)."""
    new = [Candidate(f"row {r.row}", r.name) for r in rows if r.name]
    existing = _existing(register_dir, shown_dir)
    duplicates = likely_duplicates(new, existing)
    by_label = {f"row {r.row}": r for r in rows}
    in_register = {c.label for c in existing}
    for dup in duplicates:
        if dup.second.label in in_register and dup.first.label in by_label:
            by_label[dup.first.label].same_as.append((dup.second.label, dup.score))
    for result in rows:
        result.same_as.sort(key=lambda pair: -pair[1])
    return duplicates


def _existing(register_dir: Path, shown_dir: str) -> list[Candidate]:
    if not register_dir.is_dir():
        return []
    try:
        register = load([register_dir])
    except NoRegisterError:
        return []
    return candidates(register.records, lambda r: f"{shown_dir}/{Path(r.file).name}")
