"""The register as it was at a git revision or a date: the baseline of the annual report.

Reads record files with ``git ls-tree`` and ``git show REV:path`` (plain subprocess, no
GitPython); nothing in the working tree is touched.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.findings import Finding
from partnerfw.git.discovery import surely_outside_git
from partnerfw.judge.classify import classify, decided
from partnerfw.policy.schema import Policy
from partnerfw.record.loading import RECORD_SUFFIXES, parse_record
from partnerfw.rules.engine import CheckedRecord, check_record


@dataclass(frozen=True)
class Baseline:
    """The register at an earlier point, checked as of that point with today's policy."""

    label: str
    """How the paper names it, e.g. 'revision v1.0 (3 March 2026)'."""
    day: dt.date
    records: list[CheckedRecord]
    findings: list[Finding]


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def parse_since(value: str) -> dt.date | str:
    """A date (YYYY-MM-DD) or otherwise a git revision."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def revision_at(root: Path, day: dt.date) -> str | None:
    """The last commit made on or before ``day``, if the register is in git."""
    if surely_outside_git(root):
        return None
    found = _git(root, "rev-list", "-1", f"--before={day.isoformat()} 23:59:59", "HEAD")
    return found.strip() or None if found else None


def load_baseline(
    root: Path, register_folder: str, revision: str, policy: Policy, label: str | None = None
) -> Baseline:
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if not commit:
        raise UserError(
            f"--since {revision}: not a date (YYYY-MM-DD) nor a git revision of "
            f"the register repository at {root}"
        )
    commit = commit.strip()
    when = _git(root, "show", "-s", "--format=%cs", commit) or ""
    day = dt.date.fromisoformat(when.strip()) if when.strip() else dt.date.min
    listing = _git(root, "ls-tree", "-r", "--name-only", commit, "--", register_folder) or ""
    records: list[CheckedRecord] = []
    findings: list[Finding] = []
    for name in sorted(listing.splitlines()):
        if not name.endswith(RECORD_SUFFIXES) or Path(name).name.startswith("."):
            continue
        raw = _show(root, commit, name)
        if raw is None:
            continue
        record, _problems = parse_record(raw, name)
        if record is None:
            continue  # a record that did not validate then cannot be compared
        classification = decided(record.arrangement, classify(record.arrangement, policy, day))
        records.append(CheckedRecord(record, classification))
        findings.extend(check_record(record, classification, policy, day))
    shown = label or f"the register at revision {revision} (committed {day.isoformat()})"
    return Baseline(shown, day, records, findings)


def _show(root: Path, commit: str, name: str) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "show", f"{commit}:./{name}"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
