"""A long import report cut short for the terminal: what the sheet is, its columns and the
summary, with the row-by-row details (5,977 lines for a sheet of 2,000 rows) in a file.

The whole report goes to the file the officer names (``--report FILE``, replaced if it
exists) or, unless they asked to see it all (``--verbose``), to a new file in the system's
temporary folder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from partnerfw.files import write_atomic

LONG = 150
"""A report longer than this many lines is cut short in the terminal."""
_DETAILS = ("Rows:", "Likely duplicates")
"""The report's sections (after a blank line) that the short version leaves to the file."""


def short_report(report: str, details: Path) -> str:
    """``report`` without its row-by-row sections, saying where they are."""
    sections = report.split("\n\n")
    kept = [s for s in sections if not s.startswith(_DETAILS)]
    lines = len(report.splitlines())
    where = (
        f"The row-by-row details ({lines:,} lines of the report) are in {details} "
        "(--verbose shows them here)."
    )
    return "\n\n".join([*kept[:-1], where, kept[-1]]) if kept else where


def save_details(report: str, named: Path | None) -> Path:
    """Write the whole ``report`` to ``named`` (atomically; the officer named it, so an older
    report there is replaced) or to a new temporary file; its path."""
    if named is not None:
        write_atomic(named, report + "\n", overwrite=True)
        return named
    handle, name = tempfile.mkstemp(prefix="partnerfw-import-", suffix=".txt")
    with open(handle, "w", encoding="utf-8") as file:
        file.write(report + "\n")
    return Path(name)
