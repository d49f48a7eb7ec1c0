"""The parts every committee paper is built from: the front matter (title, council, date,
scope, public or internal), the recommendations, tables declared column by column, sections
of tables or bullet points, and appendices.

Each report (``annual.py``, ``governance.py``, ...) says only what its parts hold; the shapes
are made here once, so the papers look alike and the renderers see the same structure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Generic, TypeVar

from partnerfw.record.partial_dates import PartialDate
from partnerfw.reports.common import ReportData
from partnerfw.reports.paper import Figure, Paper, Section, Table

T = TypeVar("T")

AUTHOR_ADDS = "[Further recommendations to be added by the report author.]"
"""The last recommendation of an internal paper whose author is expected to add their own."""
AUTHOR_PROMPTS = (AUTHOR_ADDS,)
"""Every text written for a paper's author rather than its readers. Such a text is a whole
paragraph, bullet or recommendation in square brackets, and only an internal paper
(``--include-confidential``) has one: a public paper, and so every report the site publishes,
leaves them all out (``for_the_reader``)."""


def is_author_prompt(text: str) -> bool:
    """True for text written for the paper's author: one of ``AUTHOR_PROMPTS``, or any whole
    text of words in square brackets ("[Legal implications to be added.]")."""
    stripped = text.strip()
    bracketed = stripped.startswith("[") and stripped.endswith("]")
    return stripped in AUTHOR_PROMPTS or (bracketed and len(stripped[1:-1].split()) > 1)


def for_the_reader(texts: Sequence[str]) -> list[str]:
    """The texts without those written for the paper's author."""
    return [text for text in texts if not is_author_prompt(text)]


def _published(item: Section) -> Section:
    return replace(
        item, paragraphs=for_the_reader(item.paragraphs), bullets=for_the_reader(item.bullets)
    )


@dataclass(frozen=True)
class Front:
    """What a paper is: its report name, its title and the committee it goes to."""

    name: str
    title: str
    committee: str


def committee_paper(
    front: Front,
    data: ReportData,
    summary: list[str],
    recommendations: list[str],
    sections: list[Section],
    appendices: list[Section],
    data_table: Table,
) -> Paper:
    """A paper with the front matter every report shares: the council, the as-of date, the
    policy edition, the scope and whether confidential parts were left out. A public paper
    has nothing written for its author (``AUTHOR_PROMPTS``): only an internal one does."""
    if data.public:
        summary, recommendations = for_the_reader(summary), for_the_reader(recommendations)
        sections = [_published(item) for item in sections]
        appendices = [_published(item) for item in appendices]
    return Paper(
        front.name,
        front.title,
        data.council,
        front.committee,
        data.as_of,
        data.policy.title,
        data.scope.describe(),
        data.public,
        summary,
        recommendations,
        sections,
        appendices,
        data_table,
    )


def recommendations(*texts: str, author_adds: bool = False) -> list[str]:
    """The recommendations, with a placeholder for the author's own when ``author_adds``
    (kept only in an internal paper: ``committee_paper``)."""
    return [*texts, AUTHOR_ADDS] if author_adds else list(texts)


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a table: its heading and how to write the cell for each item."""

    heading: str
    cell: Callable[[T], str]
    numeric: bool = False
    """Right-aligned (money, counts)."""
    rating: bool = False
    """A Red/Amber/Green column, shaded by the renderers."""


def table(
    caption: str,
    columns: Sequence[Column[T]],
    items: Iterable[T],
    total: list[str] | None = None,
) -> Table:
    """A table with one row for each item, one cell for each column."""
    return Table(
        caption,
        [column.heading for column in columns],
        [[column.cell(item) for column in columns] for item in items],
        numeric=frozenset(n for n, column in enumerate(columns) if column.numeric),
        rating_column=next((n for n, column in enumerate(columns) if column.rating), None),
        total=total,
    )


def section(
    heading: str,
    *tables: Table,
    paragraphs: Sequence[str] = (),
    bullets: Sequence[str] = (),
    figures: Sequence[Figure] = (),
) -> Section:
    """A numbered section of the paper: paragraphs, then bullets, pictures and tables."""
    return Section(heading, list(paragraphs), list(bullets), list(figures), list(tables))


def list_section(heading: str, bullets: Sequence[str], when_none: str) -> Section:
    """A section listing things (exceptions, findings), or saying there are none."""
    return section(heading, paragraphs=[] if bullets else [when_none], bullets=bullets)


def appendix(letter: str, heading: str, *tables: Table, bullets: Sequence[str] = ()) -> Section:
    """'Appendix A: ...', on a page of its own in the Word paper."""
    return section(f"Appendix {letter}: {heading}", *tables, bullets=bullets)


# --- cells ------------------------------------------------------------------------------------


def iso(day: dt.date | PartialDate | None) -> str:
    """A date as open data writes it (2026-03-31, 2026-03 or 2026), or empty."""
    return day.isoformat() if day else ""


def plain(amount: Decimal) -> str:
    """A number without grouping or a currency sign, for open data."""
    return f"{amount:f}"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"
