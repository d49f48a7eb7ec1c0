"""What a pull request changed: the record files to check for ``check --changed-since REF``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from partnerfw.files import named_path
from partnerfw.findings import Finding
from partnerfw.git.trail import changed_since
from partnerfw.policy.project import SETTINGS_FILE, Project
from partnerfw.rules.engine import CheckResult


@dataclass(frozen=True)
class Selection:
    files: frozenset[Path] | None
    """The changed files to check, resolved; None when every record must be checked."""
    reason: str


def changed_selection(project: Project, ref: str) -> Selection:
    """The files changed since ``ref`` (committed, modified or untracked). A change to the
    settings or the policy file moves every record, so then everything is checked."""
    changed = {named_path(p) for p in changed_since(project.root, ref)}
    touched = sorted(p.name for p in changed & _policy_files(project))
    if touched:
        return Selection(None, f"{', '.join(touched)} changed since {ref}: checking every record")
    return Selection(frozenset(changed), f"checking the records changed since {ref}")


def given_selection(project: Project, paths: list[Path]) -> Selection:
    """The record files given (by pre-commit: the staged ones), to be checked as part of the
    whole register. A given settings or policy file moves every record: everything then."""
    given = {named_path(p) for p in paths}
    touched = sorted(p.name for p in given & _policy_files(project))
    if touched:
        return Selection(None, f"{', '.join(touched)} is among the files: checking every record")
    register = project.register_dir.resolve()
    records = frozenset(
        p for p in given if p.suffix in (".yaml", ".yml") and p.is_relative_to(register)
    )
    return Selection(
        records,
        f"checking {len(records)} record file{'' if len(records) == 1 else 's'} "
        "as part of the whole register",
    )


def involving(result: CheckResult, files: frozenset[Path] | None, root: Path) -> CheckResult:
    """Only the findings in ``files``, and the checks across records that involve them (an id
    another file also uses): what a commit of just those files should answer for."""
    if files is None:
        return result
    ids = {checked.id for checked in result.records}

    def kept(finding: Finding) -> bool:
        path = Path(finding.file)
        if named_path(path if path.is_absolute() else root / path) in files:
            return True
        return finding.rule.startswith("REG") and finding.record in ids

    return replace(result, findings=[f for f in result.findings if kept(f)])


def _policy_files(project: Project) -> set[Path]:
    files = {named_path(project.root / SETTINGS_FILE)}
    for edition in project.settings.policy_files:
        files.add(named_path(project.root / edition))
    return files
