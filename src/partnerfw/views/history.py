"""An arrangement over time, as its page shows it: its dated events (the timeline), the records
it replaced, was replaced by, is part of or includes, and the changes to its file in git. What
is withheld stays out: a confidential event, link or status, and every email address."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from partnerfw.judge.classify import STATUS_LABELS
from partnerfw.judge.timeline import events
from partnerfw.record.models import Arrangement, Status
from partnerfw.views.common import long_date
from partnerfw.views.pages import HistoryStep, RelatedLink, TimelineRow
from partnerfw.views.redaction import Redaction

if TYPE_CHECKING:
    from partnerfw.git.trail import TrailEntry

NOT_COMMITTED = "No history yet: this arrangement's file has not been committed to the register."
_EMAIL = re.compile(r"[^\s<>()@]+@[^\s<>()@]+")


def timeline_rows(a: Arrangement, today: dt.date, r: Redaction) -> list[TimelineRow]:
    """The arrangement's dated events, oldest first, leaving out what is confidential (an
    event about a partner whose name is confidential included)."""
    rows = []
    for event in events(a, today):
        if r.hidden(*event.path) or (
            event.path[0] == "partners" and r.hidden("partners", event.path[1], "name")
        ):
            continue
        detail = r.text(event.detail, *event.detail_path) if event.detail_path else None
        rows.append(TimelineRow(event.when.in_words(), event.when.isoformat(), event.what, detail))
    return rows


_RELATIONS = (
    ("predecessors", "Replaced"),
    ("successors", "Replaced by"),
    ("parent", "Part of"),
)


def related_links(
    a: Arrangement, r: Redaction, names: Mapping[str, str], children: Sequence[str]
) -> list[RelatedLink]:
    """The records linked to ``a``: what it replaced, what replaced it, the umbrella it is
    part of, and (for an umbrella) its parts. ``names`` gives each record's published name."""
    if r.hidden("links"):
        return []
    found = []
    for field_name, relation in _RELATIONS:
        value = getattr(a.links, field_name)
        ids = [value] if isinstance(value, str) else list(value or [])
        for index, other in enumerate(ids):
            path = ("links", field_name) if isinstance(value, str) else ("links", field_name, index)
            if r.hidden(*path):
                continue
            name = names.get(other)
            href = f"arrangements/{other}.html" if name is not None else None
            found.append(RelatedLink(relation, other, name or other, href))
    for child in children:
        found.append(RelatedLink("Includes", child, names[child], f"arrangements/{child}.html"))
    return found


def history_steps(entries: Sequence[TrailEntry], r: Redaction) -> list[HistoryStep]:
    """The record's git history for the public: names, never email addresses; the status
    change only when the status is not confidential; no commit messages (free text that
    nobody checked for confidential parts)."""
    steps = []
    previous: TrailEntry | None = None
    for entry in entries:
        steps.append(
            HistoryStep(
                date=long_date(dt.date.fromisoformat(entry.day)),
                datetime=entry.day,
                who=_person(entry.author),
                change=_change(entry, previous, r.hidden("status")),
                pull_request=entry.pr,
                merged_by=_person(entry.merged_by) if entry.merged_by else None,
            )
        )
        previous = entry
    return steps


def _person(name: str) -> str:
    """An author's name as published: an email address in it (some set their name to one)
    is taken out."""
    return " ".join(_EMAIL.sub("", name).split()) or "Name not published"


def _status_text(status: str | None) -> str:
    if status is None:
        return "unreadable"
    try:
        return STATUS_LABELS[Status(status)]
    except ValueError:
        return status


def _change(entry: TrailEntry, previous: TrailEntry | None, status_hidden: bool) -> str:
    if previous is None:
        return "Added" if status_hidden else f"Added, status {_status_text(entry.status_after)}"
    parts = []
    if entry.path != previous.path:
        parts.append("File renamed")
    if entry.status_changed and not status_hidden:
        parts.append(
            f"Status {_status_text(entry.status_before)} → {_status_text(entry.status_after)}"
        )
    return "; ".join(parts) or "Details edited"
