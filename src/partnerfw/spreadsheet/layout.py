"""The rows of a council's sheet that are not arrangements, and what the sheet says around the
ones that are.

A published register is laid out for reading: a section heading over a block of rows ('SHARED
SERVICES', 'Ceased partnerships', a row merged across the sheet), a note ('Note: figures are
annual', '* excluding VAT'), a total at the foot ('Total'). None of them is an arrangement:
each is named in the report by its row, never made into a record nor dropped without a word.
A section heading's words are the kind or status of the rows under it where those rows say
nothing themselves, and the heading of the name column ('Outside body') is, for the whole
sheet, where no section says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from partnerfw.record.models import Kind, Status
from partnerfw.spreadsheet import evidence
from partnerfw.spreadsheet.cells import as_text, filled, quoted
from partnerfw.spreadsheet.mapping import Column
from partnerfw.spreadsheet.row_kind import SheetWords
from partnerfw.spreadsheet.table import Table

_NOTE = re.compile(
    r"^\s*(?:\*|†|‡|#|\(\d+\)|\d+\)|notes?\b|n\.?\s?b\b|key\b|source\b|please note\b|"
    r"last updated\b|updated\b|all figures\b|figures\b|information correct\b|this register\b)",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"^\s*(?:grand\s+|sub[\s-]?)?totals?\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:section|part)?\s*(?:[0-9]+|[A-Za-z]|[ivx]+)?\s*[.):-]?\s+", re.I)
_HEADING_WORDS = frozenset(
    {
        "and",
        "the",
        "of",
        "other",
        "significant",
        "statutory",
        "strategic",
        "non",
        "key",
        "major",
        "local",
        "council",
        "councils",
        "arrangements",
        "register",
        "list",
        "current",
        "former",
        "previous",
        "appointments",
        "to",
    }
)
"""Words a section heading may hold beside the words of a kind or status ('Statutory
partnerships', 'Appointments to outside bodies', 'Current arrangements')."""
_MAX_HEADING_WORDS = 6


@dataclass(frozen=True)
class Aside:
    """A row that is not an arrangement: what it is, its text, and for a section heading
    what it says of the rows under it."""

    what: str
    """'section', 'note' or 'total'."""
    text: str
    words: SheetWords = field(default_factory=SheetWords)

    def why(self) -> str:
        """What the report says of the row."""
        if self.what == "total":
            return f"a total row ({quoted(self.text)}), not an arrangement: left out"
        if self.what == "note":
            return f"a note ({quoted(self.text)}), not an arrangement: left out"
        said = [
            str(found[0].value).replace("_", " ")
            for found in (self.words.kind, self.words.status)
            if found is not None
        ]
        reads = (
            f": the rows under it are read as {' and '.join(said)} where they do not say"
            if said
            else ""
        )
        return f"a section heading ({quoted(self.text)}), not an arrangement{reads}"


def sheet_rows(
    table: Table, columns: list[Column]
) -> list[tuple[int, list[Any], Aside | None, SheetWords]]:
    """Each row of ``table`` with what it is (None: an arrangement) and what the sheet says
    around it (its section heading, or the name column's heading)."""
    name_index = next((c.index for c in columns if c.path == "name" and not c.left_out), None)
    sheet = heading = _heading_words(table, name_index)
    merged = _merged_rows(table)
    found = []
    for number, line in table.rows:
        aside = _aside(line, number in merged, name_index, number)
        if aside is not None and aside.what == "section":
            sheet = aside.words if aside.words != SheetWords() else heading
        found.append((number, line, aside, sheet))
    return found


def _heading_words(table: Table, name_index: int | None) -> SheetWords:
    """What the heading of the name column says of every row's kind ('Outside body',
    'Shared service'); not 'Partnership name', which many registers use for every row."""
    if name_index is None:
        return SheetWords()
    heading = table.headers[name_index]
    seen = evidence.read(heading, Kind)
    if seen is None or seen.value is Kind.PARTNERSHIP:
        return SheetWords()
    return SheetWords(
        kind=(Kind(str(seen.value)), f"from the name column's heading {quoted(heading)}")
    )


def _merged_rows(table: Table) -> set[int]:
    """The rows with cells merged across two or more columns."""
    return {
        row
        for first_row, first, last_row, last in table.merges
        if last > first
        for row in range(first_row, last_row + 1)
    }


def _aside(line: list[Any], merged: bool, name_index: int | None, number: int) -> Aside | None:
    cells = [as_text(v).strip() for v in line if filled(v)]
    if not cells:
        return None
    first = cells[0]
    lead = as_text(line[name_index]).strip() if name_index is not None else first
    if _TOTAL.match(lead or first):
        return Aside("total", " | ".join(cells))
    if len(cells) > 1:
        return None
    if _NOTE.match(first):
        return Aside("note", first)
    words = _section_words(first, number)
    if words is not None or merged:
        return Aside("section", first, words or SheetWords())
    return None


def _section_words(text: str, number: int) -> SheetWords | None:
    """What a heading such as 'SHARED SERVICES' or 'Section 3: Ceased partnerships' says of
    the rows under it; None when the text is not such a heading."""
    body = _NUMBERING.sub("", text, count=1) if _NUMBERING.match(text) else text
    words = re.findall(r"[a-z]+", body.lower().replace("&", " and "))
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    kind = evidence.read(body, Kind)
    status = evidence.read(body, Status)
    if kind is None and status is None:
        return None
    said = {w for e in (kind, status) if e is not None for w in e.phrase.split()}
    if not set(words) <= said | _HEADING_WORDS | _PLURALS:
        return None
    where = f"from the section heading {quoted(text)} (row {number})"
    return SheetWords(
        kind=(Kind(str(kind.value)), where) if kind is not None else None,
        status=(Status(str(status.value)), where) if status is not None else None,
    )


_PLURALS = frozenset(
    {"partnerships", "services", "networks", "bodies", "companies", "trusts", "arrangements"}
)
