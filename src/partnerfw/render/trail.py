"""``partnerfw trail``: each record's git history as text for people or json for tools."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.git.trail import TrailEntry, histories, repository_root
from partnerfw.policy.project import Project
from partnerfw.record.loading import load

JSON_FORMAT_VERSION = 1


@dataclass(frozen=True)
class RecordTrail:
    id: str
    name: str
    file: str
    entries: list[TrailEntry]


def record_trails(
    project: Project, record_id: str | None = None, unreadable: list[str] | None = None
) -> list[RecordTrail]:
    """The trail of every record in the register, or of the one with ``record_id``; the files
    that could not be read as records are added to ``unreadable`` when given."""
    if repository_root(project.root, strict=True) is None:
        raise UserError(
            f"trail reads the git history, but {project.root} is not in a git "
            "repository; run 'git init' and commit the register first"
        )
    register = load([project.register_dir], project.root)
    records = {r.arrangement.id: r for r in register.records}
    if unreadable is not None and record_id is None:
        unreadable.extend(sorted({p.file for p in register.problems}))
    if record_id is not None:
        if record_id not in records:
            raise unknown_id(record_id, list(records))
        records = {record_id: records[record_id]}
    chosen = sorted(records.items())
    found = histories(project.root, [project.root / r.file for _, r in chosen])
    return [
        RecordTrail(rid, r.arrangement.name, r.file, found[project.root / r.file])
        for rid, r in chosen
    ]


def unknown_id(record_id: str, ids: list[str]) -> UserError:
    """The error for an id not in the register, with the likely intended one."""
    close = [i for i in ids if i.startswith(record_id)] or difflib.get_close_matches(
        record_id, ids, n=1
    )
    hint = f"did you mean '{close[0]}'?" if close else "run 'partnerfw classify' for ids"
    return UserError(f"no arrangement with the id '{record_id}' in the register; {hint}")


def describe(entry: TrailEntry, previous: TrailEntry | None) -> str:
    """What the commit did to the record, in a few words."""
    if previous is None:
        return f"added as {entry.status_after or 'unreadable'}"
    parts = []
    if entry.path != previous.path:
        parts.append(f"renamed from {Path(previous.path).name}")
    if entry.status_changed:
        parts.append(
            f"{entry.status_before or 'unreadable'} -> {entry.status_after or 'unreadable'}"
        )
    return "; ".join(parts) or f"edited ({entry.status_after or 'unreadable'})"


def render_text(trails: list[RecordTrail]) -> str:
    blocks = []
    for trail in trails:
        lines = [f"{trail.id}: {trail.name} ({trail.file})"]
        if not trail.entries:
            lines.append("  no history yet: the file is not committed")
        previous = None
        for entry in trail.entries:
            pr = f"PR #{entry.pr}" if entry.pr is not None else "direct"
            merged = f", merged by {entry.merged_by}" if entry.merged_by else ""
            lines.append(
                f"  {entry.day}  {entry.commit[:7]}  {pr:<8} {entry.author}{merged}: "
                f"{describe(entry, previous)} - {entry.message}"
            )
            previous = entry
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "no records"


def render_json(trails: list[RecordTrail]) -> str:
    return json.dumps(
        {
            "version": JSON_FORMAT_VERSION,
            "records": [
                {
                    "id": t.id,
                    "name": t.name,
                    "file": t.file,
                    "history": [
                        {
                            **e.as_dict(),
                            "day": e.day,
                            "change": describe(e, t.entries[i - 1] if i else None),
                        }
                        for i, e in enumerate(t.entries)
                    ],
                }
                for t in trails
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def render(trails: list[RecordTrail], output: str) -> str:
    return render_json(trails) if output == "json" else render_text(trails)
