"""What every report starts from: the checked register, cut to a scope, public or internal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from typing import TypeVar

from partnerfw.findings import Finding
from partnerfw.judge.classify import KIND_LABELS, STATUS_LABELS, Classification, classify
from partnerfw.policy.schema import Policy
from partnerfw.record.loading import LoadedRecord
from partnerfw.record.models import Arrangement, Status
from partnerfw.record.partial_dates import PartialDate, in_words
from partnerfw.rules.engine import CheckedRecord, CheckResult
from partnerfw.views.redaction import Redaction

T = TypeVar("T")

LIVE = frozenset({Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})
"""Arrangements the council is committed to: approved and not yet ended."""


@dataclass(frozen=True)
class Scope:
    """Cut a report to one portfolio, committee or lead department (case-insensitive)."""

    portfolio: str | None = None
    committee: str | None = None
    department: str | None = None

    def matches(self, arrangement: Arrangement) -> bool:
        return all(
            wanted is None or (have or "").strip().casefold() == wanted.strip().casefold()
            for wanted, have in (
                (self.portfolio, arrangement.portfolio),
                (self.committee, arrangement.committee),
                (self.department, arrangement.department),
            )
        )

    def describe(self) -> str:
        parts = [
            f"{label} {value}"
            for label, value in (
                ("portfolio:", self.portfolio),
                ("committee:", self.committee),
                ("lead department:", self.department),
            )
            if value
        ]
        return "; ".join(parts) if parts else "the whole register"


@dataclass(frozen=True)
class ReportData:
    """The register as a report sees it: already cut to the scope and, for a public report,
    without confidential parts or officers' contact details."""

    council: str
    policy: Policy
    as_of: dt.date
    records: list[CheckedRecord]
    findings: list[Finding]
    scope: Scope
    public: bool

    def findings_for(self, record_id: str) -> list[Finding]:
        return self._by_record.get(record_id, [])

    def name_of(self, record_id: str) -> str:
        """The arrangement's name (the id when it is not in the report)."""
        return self._names.get(record_id, record_id)

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, worked out once for this data: the reports and the calendar made
        from one public view ask for the same figures (each record's dates due, its
        governance rating)."""
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]  # type: ignore[return-value]

    @cached_property
    def _kept(self) -> dict[Hashable, object]:
        return {}

    @cached_property
    def _by_record(self) -> dict[str, list[Finding]]:
        found: dict[str, list[Finding]] = {}
        for f in self.findings:
            found.setdefault(f.record, []).append(f)
        return found

    @cached_property
    def _names(self) -> dict[str, str]:
        return {r.id: r.record.arrangement.name for r in reversed(self.records)}


def prepare(
    council: str,
    policy: Policy,
    result: CheckResult,
    as_of: dt.date,
    scope: Scope | None = None,
    public: bool = True,
) -> ReportData:
    scope = scope or Scope()
    records = [r for r in result.records if scope.matches(r.record.arrangement)]
    ids = {r.id for r in records}
    findings = [f for f in result.findings if f.record in ids]
    if public:
        records, findings = public_view(records, findings, policy)
    records.sort(key=lambda r: (r.record.arrangement.name.casefold(), r.id))
    return ReportData(council, policy, as_of, records, findings, scope, public)


# --- the public view -------------------------------------------------------------------------


_QUOTED_IN_REASONS = {"council_resources", "monitoring", "dates", "council_fields"}
"""Parts of a record a classification's reason can quote (amounts, risks, dates, answers)."""


def public_view(
    records: list[CheckedRecord], findings: list[Finding], policy: Policy
) -> tuple[list[CheckedRecord], list[Finding]]:
    """Records as their ``Redaction`` publishes them: without their confidential parts (and
    contact details unless the policy publishes them); a record that is not valid without
    them is left out. Findings that point into, or quote, a withheld part are dropped."""
    shown: list[CheckedRecord] = []
    dropped: set[int] = set()
    by_record: dict[str, list[int]] = {}
    for position, f in enumerate(findings):
        by_record.setdefault(f.record, []).append(position)
    for checked in records:
        redaction = Redaction.of(checked.record, policy.publication)
        redacted = redaction.record
        for position in by_record.get(checked.id, []):
            if redacted is None or redaction.masks(findings[position]):
                dropped.add(position)
        if redacted is None:
            continue
        record = LoadedRecord(redacted, checked.record.file, checked.record.document)
        classification = _public_classification(checked, redaction, redacted, policy)
        shown.append(CheckedRecord(record, classification))
    return shown, [f for position, f in enumerate(findings) if position not in dropped]


def _public_classification(
    checked: CheckedRecord, redaction: Redaction, redacted: Arrangement, policy: Policy
) -> Classification:
    """The classification as published (``Redaction.classification``), with the figures
    withheld when the reason could quote a confidential part, classified again from the
    public copy."""
    classification = redaction.classification(checked.classification)
    confidential = checked.record.arrangement.confidential
    if not any(p.split(".")[0] in _QUOTED_IN_REASONS for p in confidential):
        return classification
    public = classify(redacted, policy)
    return replace(
        classification,
        council_resources=public.council_resources,
        uncosted=public.uncosted,
        costing_notes=public.costing_notes,
        missing=(),
        near_text="",
        reason=f"{classification.label} (the figures are confidential)",
    )


# --- small helpers shared by the reports -----------------------------------------------------


def kind_label(checked: CheckedRecord) -> str:
    return KIND_LABELS[checked.record.arrangement.kind]


def status_label(status: Status) -> str:
    return STATUS_LABELS[status]


def date_text(day: dt.date | PartialDate | None) -> str:
    """14 October 2020, October 2020 or 2006 (a date known to the month or year), or —."""
    return in_words(day) if day else "—"


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal(1))}%"


def highest_risk(arrangement: Arrangement) -> int:
    """The highest likelihood × impact on the arrangement's risk register (0 when none)."""
    return max((r.likelihood * r.impact for r in arrangement.monitoring.risk_register), default=0)
