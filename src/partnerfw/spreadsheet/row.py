"""One spreadsheet row on its way to a record: what it says field by field while it is read
(``Row``), and what becomes of it (``RowResult``): its record's text, and every value kept as
written, tidied, repaired, put in as a placeholder or left unknown, for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from partnerfw.record.columns import AS_WRITTEN, plain
from partnerfw.record.models import Kind, Status
from partnerfw.spreadsheet.cells import as_text

PLACEHOLDER = "(to be confirmed)"
"""What a required field the sheet does not give is set to (flagged, named in the report)."""
NAME_FIELDS = frozenset(
    {
        "name",
        "department",
        "title",
        "host_authority",
        "lead_organisation",
        "portfolio",
        "committee",
        "area",
        "role",
        "owner",
        "officer",
        "foi_officer",
    }
)
"""Fields holding a name or a title: runs of spaces inside them are collapsed."""
REQUIRED: tuple[tuple[str, Any], ...] = (
    ("kind", Kind.PARTNERSHIP),
    ("status", Status.ACTIVE),
    ("lead_officer.name", PLACEHOLDER),
    ("department", PLACEHOLDER),
)
"""What every record needs, and its placeholder when the row does not give it."""
DECIDED = "decided_classification.classification"
"""The council's decided class: a sheet's own 'Significant?' column."""
EVIDENCED = ("kind", "status")
"""Required fields whose words are read for evidence ('a company, not a partnership') rather
than given a placeholder that could contradict them."""


@dataclass
class RowResult:
    """What became of one row: its record (or why there is none), and what to confirm."""

    row: int
    name: str = ""
    record_id: str = ""
    file: str = ""
    status: str = "new"
    """new, exists, written, skipped (a likely duplicate), not imported, or left out (a
    section heading, a note or a total: not an arrangement)."""
    problems: list[str] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)
    """(field path, text as written) kept verbatim for an officer to confirm."""
    repaired: list[tuple[str, str, str]] = field(default_factory=list)
    tidied: list[tuple[str, str, str]] = field(default_factory=list)
    read_words: list[tuple[str, str, str]] = field(default_factory=list)
    """(heading, cell text, value) of a date read with the words around it ('Since 2006')."""
    in_notes: list[tuple[str, str]] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)
    """Field path -> the value put in because the spreadsheet had none (flagged too)."""
    text: str = ""
    checks: list[str] = field(default_factory=list)
    """Things an officer should look at, e.g. an email address found in a name cell."""
    same_as: list[tuple[str, float]] = field(default_factory=list)
    """(existing record file, score) this row likely duplicates, best first."""
    read_from: dict[str, str] = field(default_factory=dict)
    """Field path -> how its value was read from the row's words, not its own cell exactly
    (e.g. "from 'company' in 'a company, not a partnership'"); flagged too."""
    read_as: dict[str, str] = field(default_factory=dict)
    """Field path -> the value read from a cell's words (see ``read_from``)."""
    carried: list[tuple[str, str]] = field(default_factory=list)
    """(field path, text) still to confirm, carried over from an ``imported_as_written``
    column (an export of a register whose import is not yet confirmed)."""
    unknown: dict[str, str] = field(default_factory=dict)
    """Required field path -> the sheet's text, when no value can be told from it: the field
    is left out of the record (check reports it until an officer chooses)."""


class Row:
    """What one spreadsheet row says, field by field, while it is being read."""

    def __init__(self, result: RowResult) -> None:
        self.result = result
        self.values: dict[str, Any] = {}
        """Field path -> value, flat (``partners.0.name``), including imported_as_written."""
        self.originals: dict[str, str] = {}
        """Field path -> the cell's text it was read from."""
        self.soft: dict[str, Any] = {}
        """Values split out of another cell (an email, a job title): a column of their own
        wins over them."""
        self.headers: dict[str, str] = {}
        """Field path -> the heading of the column it was read from."""
        self.formulas: set[str] = set()
        """Field paths whose cell holds a formula without its result."""

    def set(self, path: str, value: Any, original: str) -> None:
        """Put ``value``, read from the text ``original``, in the field ``path``."""
        self.values[path] = value
        self.originals[path] = original

    def flag(self, path: str, text: str) -> None:
        """Keep ``text`` as written under imported_as_written, for an officer to confirm."""
        self.values[f"{AS_WRITTEN}.{path}"] = text
        self.result.flagged.append((path, text))

    def placeholder(self, path: str, value: Any) -> None:
        """Put in ``value`` for a required field the row does not give, and flag it."""
        if path in self.values or path in self.result.unknown:
            return
        self.values[path] = value
        self.result.placeholders[path] = as_text(plain(value))
        if f"{AS_WRITTEN}.{path}" not in self.values:
            self.flag(path, "")


def choices(path: str) -> str:
    """The values of the kind or status field, for a message: 'partnership, ...'."""
    enum = Kind if path == "kind" else Status
    return ", ".join(str(member.value) for member in enum)
