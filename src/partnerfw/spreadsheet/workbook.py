"""Reading an Excel workbook (.xlsx): the rows of cell values of one of its sheets, with a
formula kept as written (a ``Formula``) where the workbook does not hold the formula's result.

openpyxl is imported only here, inside the functions that read a workbook: importing a CSV
file, and every other command, never loads it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnerfw.errors import UserError


@dataclass(frozen=True)
class Formula:
    """A workbook cell holding a formula whose result was not saved with it (openpyxl reads
    such a cell's value as empty): the formula as written, e.g. '=B2*0.25'."""

    text: str

    def __str__(self) -> str:
        return self.text


Merge = tuple[int, int, int, int]
"""A range of merged cells: first row, first column, last row, last column (from 1)."""


def read_workbook(path: Path, sheet: str | None) -> tuple[str, list[list[Any]], list[Merge]]:
    """The title of the sheet named ``sheet`` (default: the first), its rows of values and
    its merged cells."""
    # imported here for start-up speed: only an .xlsx import needs openpyxl
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UserError(
            f"{path}: cannot open it as an Excel workbook ({exc}); save it again as .xlsx"
        ) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UserError(
                f"{path}: no sheet named '{sheet}'; its sheets are: {', '.join(book.sheetnames)}"
            )
        worksheet = book[sheet] if sheet else book.worksheets[0]
        lines = [list(values) for values in worksheet.iter_rows(values_only=True)]
        title = worksheet.title
        merges = _merged_cells(path, getattr(worksheet, "_worksheet_path", None))
    finally:
        book.close()
    if _has_formulas(path):
        _uncached_formulas(path, title, lines)
    return title, lines, merges


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


def _merged_cells(path: Path, member: str | None) -> list[Merge]:
    """The merged cells of the sheet stored as ``member`` in the workbook (a read-only
    worksheet does not give them): a heading over several columns, a section row."""
    if member is None:
        return []
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(member)
    except (zipfile.BadZipFile, OSError, KeyError):
        return []
    return [(int(r1), _column(c1), int(r2), _column(c2)) for c1, r1, c2, r2 in _MERGE.findall(xml)]


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    """True when some sheet of the workbook holds a formula (a cheap look at its XML, so
    that a workbook without formulas is read once)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            sheets = [m for m in names if m.startswith("xl/worksheets/") and m.endswith(".xml")]
            return any(_FORMULA_TAG.search(archive.read(member)) for member in sheets)
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    return False


def _uncached_formulas(path: Path, title: str, lines: list[list[Any]]) -> None:
    """Put the formula text (as a ``Formula``) in each cell whose saved value is empty but
    which holds a formula: a workbook written by a program that does not calculate."""
    from openpyxl import load_workbook  # imported here for start-up speed, as above

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        for row, written in enumerate(book[title].iter_rows(values_only=True)):
            if row >= len(lines):
                break
            for column, value in enumerate(written):
                text = getattr(value, "text", value)  # an ArrayFormula keeps it in .text
                if (
                    isinstance(text, str)
                    and text.startswith("=")
                    and column < len(lines[row])
                    and lines[row][column] is None
                ):
                    lines[row][column] = Formula(text)
    finally:
        book.close()
