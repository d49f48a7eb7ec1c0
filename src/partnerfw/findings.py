"""Findings: what `check` reports, from schema errors and rules alike."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True)
class Finding:
    """One gap or problem, located in a file and tied to the framework paragraph."""

    file: str
    """Path of the file, as given or relative to the register repository."""
    line: int
    """1-based line the finding points at (the key concerned, or its nearest parent)."""
    rule: str
    """Stable rule code, e.g. 'EXIT001'; see `partnerfw rules`."""
    severity: Severity
    """error, warning or info; a policy may change it."""
    record: str
    """Id of the arrangement, or '' when the file could not be read as one."""
    message: str
    """What is missing or wrong, and what to do."""
    reference: str
    """The framework paragraph, e.g. 'Framework 2.10'."""

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "record": self.record,
            "file": self.file,
            "line": self.line,
            "message": self.message,
            "reference": self.reference,
        }


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
