"""What a pull request changed: the record files to check for ``check --changed-since REF``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partnerfw.policy import EDITIONS
from partnerfw.project import SETTINGS_FILE, Project
from partnerfw.trail import changed_since


@dataclass(frozen=True)
class Selection:
    files: frozenset[Path] | None
    """The changed files to check, resolved; None when every record must be checked."""
    reason: str


def changed_selection(project: Project, ref: str) -> Selection:
    """The files changed since ``ref`` (committed, modified or untracked). A change to the
    settings or the policy file moves every record, so then everything is checked."""
    changed = {p.resolve() for p in changed_since(project.root, ref)}
    policy_files = {(project.root / SETTINGS_FILE).resolve()}
    named = [line.edition for line in project.settings.schedule]
    if project.settings.draft is not None:
        named.append(project.settings.draft.edition)
    for edition in named:
        if edition not in EDITIONS:
            policy_files.add((project.root / edition).resolve())
    touched = sorted(p.name for p in changed & policy_files)
    if touched:
        return Selection(None, f"{', '.join(touched)} changed since {ref}: checking every record")
    return Selection(frozenset(changed), f"checking the records changed since {ref}")
