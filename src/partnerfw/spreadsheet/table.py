"""Reading a spreadsheet (.csv or .xlsx) into a ``Table``: its column headings, found in the
first row or below a title row or two (``--header-row`` to say which), and the rows below them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnerfw.errors import UserError
from partnerfw.spreadsheet.cells import as_text, filled, quoted, repair_encoding
from partnerfw.spreadsheet.csv_file import read_csv
from partnerfw.spreadsheet.headings import HEADING_SEARCH, heading_row, under_groups
from partnerfw.spreadsheet.workbook import Merge, read_workbook


@dataclass
class Table:
    """A spreadsheet as read: where it came from, its column headings and its rows."""

    source: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    """(spreadsheet row number, cell values) for each row below the headings."""
    notes: list[str] = field(default_factory=list)
    header_row: int = 1
    """The spreadsheet row number of the column headings."""
    merges: list[Merge] = field(default_factory=list)
    """The workbook's merged cells (a CSV file has none)."""


def read_table(
    path: Path,
    sheet: str | None = None,
    header_row: int | None = None,
    known: frozenset[str] = frozenset(),
) -> Table:
    """The spreadsheet's rows below its headings. ``header_row`` (1-based) says which row
    holds the headings; by default the row among the first few that best matches known
    headings (and the headings of a mapping file, ``known``) is taken: a title row or two
    above the headings is common."""
    if not path.is_file():
        if os.path.lexists(path):  # a pipe, a device, a folder, a link that leads nowhere
            raise UserError(
                f"{path}: not an ordinary file, so it is not read; give the spreadsheet file "
                "itself (saved as .csv or .xlsx)"
            )
        raise UserError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if sheet is not None:
            raise UserError("--sheet only applies to .xlsx files")
        lines, notes = read_csv(path)
        return _table(path.name, lines, notes, header_row, known)
    if suffix in (".xlsx", ".xlsm"):
        title, rows, merges = read_workbook(path, sheet)
        return _table(f"{path.name} (sheet '{title}')", rows, [], header_row, known, merges)
    raise UserError(
        f"{path}: partnerfw imports .csv or .xlsx files; save the spreadsheet as "
        "one of those (in Excel: File > Save As > Excel Workbook or CSV UTF-8)"
    )


def _table(
    source: str,
    lines: list[list[Any]],
    notes: list[str],
    header_row: int | None = None,
    known: frozenset[str] = frozenset(),
    merges: list[Merge] | None = None,
) -> Table:
    merges = merges or []
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if any(map(filled, line))]
    if not numbered:
        raise UserError(
            f"{source}: the sheet is empty; it needs a row of column headings and "
            "a row per arrangement"
        )
    if header_row is not None:
        chosen = next((i for i, (n, _) in enumerate(numbered) if n == header_row), None)
        if chosen is None:
            raise UserError(
                f"{source}: --header-row {header_row}: "
                + (
                    f"the sheet has only {len(lines)} rows"
                    if header_row > len(lines)
                    else f"row {header_row} is blank"
                )
                + "; give the number of the row that holds the column headings"
            )
        why = "as --header-row says"
    else:
        chosen = heading_row(numbered[:HEADING_SEARCH], known)
        why = "it best matches known column headings; use --header-row N to choose another"
    header_number, headers_raw = numbered[chosen]
    if header_number != 1 or header_row is not None:
        above = [_row_gist(n, lines[n - 1]) for n in range(1, header_number)]
        skipped = f"; skipped above it: {', '.join(above)}" if above else ""
        notes.append(f"row {header_number} was taken as the headings ({why}){skipped}")
    width = max(len(line) for _, line in numbered[chosen:])
    above = lines[header_number - 2] if header_number > 1 else []
    headers = _headings(headers_raw, width, notes, _groups(above, header_number - 1, width, merges))
    rows = [(n, line + [None] * (width - len(line))) for n, line in numbered[chosen + 1 :]]
    return Table(source, headers, rows, notes, header_number, merges)


def _groups(line: list[Any], number: int, width: int, merges: list[Merge]) -> list[str]:
    """The group heading over each column from the row ``line`` (number ``number``) above
    the headings: a heading merged over several columns covers them; in a sheet without
    merges (a CSV file), a heading covers the empty cells to its right."""
    texts = [as_text(line[i]).strip() if i < len(line) else "" for i in range(width)]
    if not any(texts):
        return texts
    spans = [m for m in merges if m[0] <= number <= m[2]]
    groups = [""] * width
    if spans:
        for first_row, first, _, last in spans:
            text = as_text(_cell(line, first - 1)).strip() if first_row == number else ""
            for index in range(first - 1, min(last, width)):
                groups[index] = text
        for index, text in enumerate(texts):
            groups[index] = groups[index] or text
        return groups
    current = ""
    for index, text in enumerate(texts):
        current = text or current
        groups[index] = current
    return groups


def _cell(line: list[Any], index: int) -> Any:
    return line[index] if index < len(line) else None


def _headings(line: list[Any], width: int, notes: list[str], groups: list[str]) -> list[str]:
    """The column headings in ``line``, repaired where mis-encoded (said in ``notes``), read
    with the group heading over them where that names the field ('Lead' over 'Officer'); a
    column without one is named by its letter."""
    texts = []
    for index in range(width):
        value = line[index] if index < len(line) else None
        raw = as_text(value).strip()
        text, repaired = repair_encoding(raw)
        if repaired:
            notes.append(f"repaired mis-encoded heading '{raw}' -> '{text}'")
        texts.append(text)
    texts = under_groups(texts, groups, notes)
    return [text or f"(column {_letter(index)}, no heading)" for index, text in enumerate(texts)]


def _row_gist(number: int, line: list[Any]) -> str:
    texts = [as_text(c).strip() for c in line if filled(c)]
    if not texts:
        return f"row {number} (blank)"
    gist = " | ".join(texts)
    return f"row {number} {quoted(gist if len(gist) <= 60 else gist[:57] + '...')}"


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
