"""Findings: what `check` reports, from schema errors and rules alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Basis(StrEnum):
    """What a finding rests on: the framework's text (with its paragraph), or a choice the
    council made itself (a local rule, a local setting, a matter the framework review leaves
    open that the council turned on)."""

    FRAMEWORK = "framework"
    LOCAL = "local"


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
    """The framework paragraph, e.g. 'Framework 2.10'; empty for a rule that is the council's
    own (its basis is then ``local``)."""
    local: str = field(default="", compare=False)
    """Empty when the finding rests on the framework; otherwise what the council chose that it
    rests on, e.g. 'the council's own rule' or 'the council's setting
    intervals.performance_report_months = 6'. The rules engine sets it from the catalogue
    (``rules.sources``) and the rule's own settings."""

    @property
    def basis(self) -> Basis:
        """Whether the finding rests on the framework or on the council's own choice."""
        return Basis.LOCAL if self.local else Basis.FRAMEWORK

    @property
    def cited(self) -> str:
        """Where the finding comes from, as every output shows it: the framework paragraph,
        or 'local: ' and what the council chose (with the paragraph it works under, if any)."""
        if self.basis is Basis.FRAMEWORK:
            return self.reference
        chosen = self.local or "the council's own choice"
        return f"local: {chosen}" + (f"; {self.reference}" if self.reference else "")

    def order(self) -> tuple[str, int, str, str, str, str, str]:
        """The key findings are listed by, the order ``sorted`` gives them (file, line, rule,
        ...), built once per finding rather than once per comparison."""
        return (
            self.file,
            self.line,
            self.rule,
            self.severity,
            self.record,
            self.message,
            self.reference,
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "record": self.record,
            "file": self.file,
            "line": self.line,
            "message": self.message,
            "reference": self.reference,
            "basis": self.basis.value,
            "local": self.local or None,
        }


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity}
    for finding in findings:
        counts[finding.severity] += 1  # a StrEnum member finds its value's key
    return counts
