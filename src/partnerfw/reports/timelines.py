"""How arrangements changed over time, for the annual report: each arrangement's phases,
partners joining and leaving, agreement terms and the records it replaced, was replaced by or
belongs to, as a table (the same events the site's timeline shows, ``timeline.events``).

The records a report sees are already without their confidential parts (``common.prepare``),
so nothing confidential reaches a timeline."""

from __future__ import annotations

from dataclasses import dataclass

from partnerfw.judge.timeline import events
from partnerfw.record.models import Arrangement
from partnerfw.reports.common import ReportData
from partnerfw.reports.paper import Section, Table


@dataclass(frozen=True)
class Timeline:
    id: str
    name: str
    rows: list[list[str]]
    """When (in words), what happened, details."""
    related: list[str]
    """'Replaced: Cranmere Community Safety Partnership' and the like."""


def _changes_over_time(a: Arrangement) -> bool:
    return bool(
        a.phases
        or a.agreement.terms
        or any(p.joined or p.left for p in a.partners)
        or a.links.predecessors
        or a.links.successors
        or a.links.parent
    )


def compute(data: ReportData) -> list[Timeline]:
    """A timeline for each arrangement that has changed over time or is linked to another."""
    children: dict[str, list[str]] = {}
    for r in data.records:
        parent = r.record.arrangement.links.parent
        if parent is not None:
            children.setdefault(parent, []).append(r.record.arrangement.name)
    found = []
    for r in sorted(data.records, key=lambda r: (r.record.arrangement.name.casefold(), r.id)):
        a = r.record.arrangement
        if not _changes_over_time(a) and a.id not in children:
            continue
        rows = [[e.when.in_words(), e.what, e.detail or ""] for e in events(a, data.as_of)]
        related = [
            f"{label}: {', '.join(names)}"
            for label, names in (
                ("Replaced", [data.name_of(x) for x in a.links.predecessors]),
                ("Replaced by", [data.name_of(x) for x in a.links.successors]),
                ("Part of", [data.name_of(a.links.parent)] if a.links.parent else []),
                ("Includes", sorted(children.get(a.id, []))),
            )
            if names
        ]
        found.append(Timeline(a.id, a.name, rows, related))
    return found


def section(timelines: list[Timeline]) -> Section:
    paragraphs = [
        "Arrangements whose type, partners or agreement changed over time, or that replaced, "
        "were replaced by or belong to another arrangement. A date known only to the month or "
        "year is shown as such ('October 2020', '2006')."
    ]
    if not timelines:
        paragraphs.append("No arrangement on the register has changed in this way.")
    bullets = [f"{t.name}: {'; '.join(t.related)}." for t in timelines if t.related]
    tables = [
        Table(f"Timeline: {t.name}", ["When", "What happened", "Details"], t.rows)
        for t in timelines
        if t.rows
    ]
    return Section("How arrangements changed over time", paragraphs, bullets, tables=tables)
