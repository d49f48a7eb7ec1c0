"""What every report starts from: the checked register, cut to a scope, public or internal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from typing import Any

from pydantic import ValidationError

from partnerfw.findings import Finding
from partnerfw.judge.classify import KIND_LABELS, STATUS_LABELS, classify
from partnerfw.policy.schema import Policy
from partnerfw.record.columns import AS_WRITTEN, withheld, withheld_paths
from partnerfw.record.loading import LoadedRecord
from partnerfw.record.models import Arrangement, Status
from partnerfw.record.partial_dates import PartialDate, in_words
from partnerfw.rules.engine import CheckedRecord, CheckResult
from partnerfw.views.redaction import secret_strings

LIVE = frozenset({Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})
"""Arrangements the council is committed to: approved and not yet ended."""
WITHHELD = "Withheld"


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
    """Records without their confidential parts (and contact details unless the policy
    publishes them); findings that point into, or quote, a confidential part are dropped."""
    contacts = policy.publication.publish_officer_contact_details
    shown: list[CheckedRecord] = []
    dropped: set[int] = set()
    by_record: dict[str, list[int]] = {}
    for position, f in enumerate(findings):
        by_record.setdefault(f.record, []).append(position)
    for checked in records:
        redacted, lines, secrets = _redact(checked.record, contacts)
        for position in by_record.get(checked.id, []):
            f = findings[position]
            if redacted is None or f.line in lines or any(s in f.message for s in secrets):
                dropped.add(position)
        if redacted is None:
            continue
        classification = checked.classification
        confidential = checked.record.arrangement.confidential
        if any(p.split(".")[0] in _QUOTED_IN_REASONS for p in confidential):
            public = classify(redacted, policy)
            classification = replace(
                classification,
                council_resources=public.council_resources,
                uncosted=public.uncosted,
                costing_notes=public.costing_notes,
                missing=(),
                near_text="",
                reason=f"{classification.label} (the figures are confidential)",
            )
        record = LoadedRecord(redacted, checked.record.file, checked.record.document)
        shown.append(CheckedRecord(record, classification))
    return shown, [f for position, f in enumerate(findings) if position not in dropped]


def _redact(record: LoadedRecord, contacts: bool) -> tuple[Arrangement | None, set[int], set[str]]:
    arrangement = record.arrangement
    if not arrangement.confidential and not arrangement.imported_as_written:
        return _without_contacts(arrangement, contacts)
    data = _copy(record.document.data)
    lines: set[int] = set()
    secrets: set[str] = set()
    paths = sorted((_parts(p) for p in record.arrangement.confidential), reverse=True)
    for parts in paths:
        removed = _pop(data, parts)
        if removed is _MISSING:
            continue
        secrets.update(secret_strings(removed))
        lines.update(
            n
            for path, n in record.document.lines.items()
            if tuple(path[: len(parts)]) == parts and path
        )
    if not contacts:
        for person in ("lead_officer",):
            if isinstance(data.get(person), dict):
                for key in ("email", "phone"):
                    value = data[person].pop(key, None)
                    if value:
                        secrets.add(str(value))
        completed = (data.get("evaluation") or {}).get("completed_by")
        if isinstance(completed, dict):
            completed.pop("email", None)
            completed.pop("phone", None)
    written = data.get(AS_WRITTEN)
    if isinstance(written, dict):  # as export decides: hidden when the part it stands for is
        hidden = withheld_paths(record.arrangement.confidential, contacts)
        for key in [k for k in written if withheld(f"{AS_WRITTEN}.{k}", hidden)]:
            secrets.add(str(written.pop(key)))
            line = record.document.lines.get((AS_WRITTEN, key))
            if line is not None:
                lines.add(line)
    data["confidential"] = []
    secrets = {s for s in secrets if len(s) >= 3}
    try:
        return Arrangement.model_validate(data), lines, secrets
    except ValidationError as exc:
        for error in exc.errors():
            if error["type"] == "missing":
                _put(
                    data,
                    error["loc"],
                    {"name": WITHHELD}
                    if error["loc"][-1] in ("lead_officer", "completed_by")
                    else WITHHELD,
                )
    try:
        return Arrangement.model_validate(data), lines, secrets
    except ValidationError:
        return None, lines, secrets


_MISSING = object()


def _copy(data: Any) -> Any:
    """A copy of parsed YAML (dicts, lists and immutable scalars), much faster than deepcopy."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _parts(dotted: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in dotted.split("."))


def _pop(data: Any, parts: tuple[Any, ...]) -> Any:
    current = data
    for part in parts[:-1]:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    try:
        return current.pop(parts[-1])
    except (KeyError, IndexError, TypeError, AttributeError):
        return _MISSING


def _put(data: Any, loc: tuple[Any, ...], value: Any) -> None:
    current = data
    for part in loc[:-1]:
        current = current.setdefault(part, {}) if isinstance(current, dict) else current[part]
    current[loc[-1]] = value


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


def _without_contacts(
    arrangement: Arrangement, contacts: bool
) -> tuple[Arrangement, set[int], set[str]]:
    """The quick way for a record with nothing confidential: only contact details to drop,
    without copying and validating the record again."""
    if contacts:
        return arrangement, set(), set()
    secrets: set[str] = set()
    update: dict[str, object] = {}
    officer = arrangement.lead_officer
    if officer.email or officer.phone:
        secrets.update(str(v) for v in (officer.email, officer.phone) if v)
        update["lead_officer"] = officer.model_copy(update={"email": None, "phone": None})
    completed = arrangement.evaluation.completed_by
    if completed is not None and (completed.email or completed.phone):
        secrets.update(str(v) for v in (completed.email, completed.phone) if v)
        update["evaluation"] = arrangement.evaluation.model_copy(
            update={"completed_by": completed.model_copy(update={"email": None, "phone": None})}
        )
    if not update:
        return arrangement, set(), set()
    return arrangement.model_copy(update=update), set(), {s for s in secrets if len(s) >= 3}
