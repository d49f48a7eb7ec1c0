"""A committee paper as plain data: what every report turns into before it is rendered.

Renderers (HTML, Markdown, DOCX, CSV) only lay out a :class:`Paper`; they never look at
records or compute anything, so the four formats always say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table of text cells; every cell is already formatted for people."""

    caption: str
    columns: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()
    """Positions of columns to right-align (money, counts)."""
    rating_column: int | None = None
    """Position of a Red/Amber/Green column, shaded by the renderers."""
    total: list[str] | None = None
    """A totals row shown under the body."""
    heat_map: bool = False
    """Rows are likelihood (highest first) and columns impact: renderers may shade each cell."""
    fills: tuple[tuple[str | None, ...], ...] = ()
    """For a heat map, each body cell's fill ('#rrggbb', None for none), as the figure has it."""


@dataclass(frozen=True)
class Figure:
    """A picture (inline SVG) with its text alternative: a title, a description and the same
    numbers as a table."""

    title: str
    description: str
    svg: str
    """SVG markup built from escaped text only (see figures.py)."""
    table: Table


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class FrontSheet:
    """What a committee report's front sheet says besides its title and committee: from
    ``partnerfw.yaml``'s ``papers:``; None where it does not say (the internal paper then
    asks the author)."""

    report_of: str | None = None
    contact_officer: str | None = None
    """Name, title, email and phone on one line."""
    wards: str | None = None
    key_decision: str = "No"
    """'No', or 'Yes' with the Forward Plan reference."""


@dataclass(frozen=True)
class Implication:
    """One of the standard implications (legal, financial, equalities, climate, risk): what
    the register says, and the responsible officer's comment from ``partnerfw.yaml``."""

    heading: str
    facts: list[str]
    comment: str | None = None
    prompt: str | None = None
    """For the internal paper only: what the author still has to add."""


@dataclass(frozen=True)
class Paper:
    """A committee paper: title, summary, recommendations, sections and appendices."""

    name: str
    """The report's name: annual, governance, due, scrutiny or reclassification."""
    title: str
    council: str
    committee: str
    """Who the paper is for, e.g. 'Cabinet Committee'."""
    as_of: dt.date
    framework: str
    """The policy edition's title, e.g. the revised Working in Partnership Framework."""
    scope: str
    """Which part of the register it covers, e.g. 'the whole register'."""
    public: bool
    """True when confidential parts and contact details were left out."""
    summary: list[str]
    recommendations: list[str]
    sections: list[Section]
    appendices: list[Section]
    data: Table
    """The report's main table, which the CSV format gives."""
    front: FrontSheet = field(default_factory=FrontSheet)
    implications: list[Implication] = field(default_factory=list)
    """The standard implications, in a committee report's order (the Word paper's)."""
