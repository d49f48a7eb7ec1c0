"""The governance review for the Annual Governance Statement (Framework 6.9).

For each approved or running arrangement: the governance items in place against those the
policy requires for its kind, a completeness figure, a red/amber/green rating whose rules are
the policy's ``governance_rating`` section, the responsible officer's assurance, and the
exceptions the statement must mention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from partnerfw.findings import Finding, Severity
from partnerfw.judge.audit_opinions import WEAK, latest_opinion
from partnerfw.judge.classify import ASSURANCE_LABELS
from partnerfw.judge.dates import add_months
from partnerfw.judge.governance_items import label, paragraph
from partnerfw.policy.schema import Policy, RatingBand
from partnerfw.record.models import Governance, Item, ItemStatus, Kind
from partnerfw.reports.common import (
    LIVE,
    ReportData,
    date_text,
    kind_label,
    percent,
)
from partnerfw.reports.paper import Paper, Section, Table
from partnerfw.rules.engine import CheckedRecord
from partnerfw.views.facts import statutory_text
from partnerfw.words import plural

_PUBLIC_ITEMS = ("public_information", "complaints")
_PUBLIC_KINDS = (Kind.PARTNERSHIP, Kind.SHARED_SERVICE, Kind.COMMISSIONING)
RATINGS = ("Green", "Amber", "Red")


@dataclass(frozen=True)
class GovernanceLine:
    id: str
    name: str
    kind: str
    classification: str
    lead_officer: str
    department: str
    required: int
    """Governance items the policy requires for the kind (and 4.11 when public facing)."""
    in_place: int
    """Of those, in place or not applicable (with a reason)."""
    complete: Decimal | None
    """in_place / required as a percentage; None when nothing is required."""
    missing: list[str]
    drafted: list[str]
    errors: int
    warnings: int
    assurance_officer: str | None
    assurance_date: dt.date | None
    assurance_current: bool
    rating: str
    """Green, Amber or Red."""
    why: str
    """What decided the rating."""
    audit_opinion: str | None = None
    """The latest audit opinion, e.g. 'Limited assurance' (6.11), or None when never audited."""
    audit_date: dt.date | None = None
    audit_weak: bool = False
    """The latest audit gave limited or no assurance: an exception for the statement."""
    statutory: str | None = None
    """'Statutory: Crime and Disorder Act 1998, s5', 'Not statutory', or None if not recorded."""


@dataclass(frozen=True)
class GovernanceException:
    id: str
    name: str
    reasons: list[str]


@dataclass(frozen=True)
class GovernanceReport:
    as_of: dt.date
    lines: list[GovernanceLine]
    counts: dict[str, int]
    exceptions: list[GovernanceException]
    rules: list[str]
    """The rating rules in words, from the policy."""


def required_items(checked: CheckedRecord, policy: Policy) -> list[str]:
    arrangement = checked.record.arrangement
    requirements = policy.requirements.get(arrangement.kind)
    names = list(requirements.governance) if requirements else []
    if arrangement.public_facing and arrangement.kind in _PUBLIC_KINDS:
        names += [n for n in _PUBLIC_ITEMS if n not in names]
    return names


def assess(
    checked: CheckedRecord, findings: list[Finding], policy: Policy, as_of: dt.date
) -> GovernanceLine:
    """Rate one arrangement's governance as the policy says."""
    arrangement = checked.record.arrangement
    names = required_items(checked, policy)
    states: dict[str, ItemStatus | None] = {}
    for name in names:
        item: Item | None = getattr(arrangement.governance, name)
        states[name] = item.status if item else None
    done = [n for n, s in states.items() if s in (ItemStatus.IN_PLACE, ItemStatus.NOT_APPLICABLE)]
    complete = Decimal(100) * len(done) / len(names) if names else None
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    assurance = arrangement.monitoring.assurance
    rating_policy = policy.governance_rating
    oldest = add_months(as_of, -rating_policy.assurance_months)
    current = assurance is not None and oldest <= assurance.date <= as_of
    shown_complete = Decimal(100) if complete is None else complete
    rating, why = _rate(shown_complete, errors, current, policy)
    audit = latest_opinion(arrangement.monitoring.audit_opinions)
    return GovernanceLine(
        arrangement.id,
        arrangement.name,
        kind_label(checked),
        checked.classification.shown_label,
        arrangement.lead_officer.name,
        arrangement.department,
        len(names),
        len(done),
        complete,
        [n for n, s in states.items() if s in (None, ItemStatus.MISSING)],
        [n for n, s in states.items() if s is ItemStatus.DRAFTED],
        errors,
        warnings,
        assurance.officer if assurance else None,
        assurance.date if assurance else None,
        current,
        rating,
        why,
        ASSURANCE_LABELS[audit[1].opinion] if audit else None,
        audit[1].date if audit else None,
        audit is not None and audit[1].opinion in WEAK,
        statutory_text(arrangement),
    )


def _meets(band: RatingBand, complete: Decimal, errors: int) -> bool:
    return complete >= band.min_complete_percent and (
        band.max_errors is None or errors <= band.max_errors
    )


def _rate(complete: Decimal, errors: int, current: bool, policy: Policy) -> tuple[str, str]:
    rules = policy.governance_rating
    facts = f"{percent(complete)} complete, {plural(errors, 'error')}"
    if _meets(rules.green, complete, errors) and (current or not rules.green_needs_assurance):
        return "Green", facts
    if _meets(rules.green, complete, errors):
        return "Amber", f"{facts}; no assurance within {rules.assurance_months} months"
    if _meets(rules.amber, complete, errors):
        return "Amber", facts
    return "Red", facts


def rules_in_words(policy: Policy) -> list[str]:
    rules = policy.governance_rating

    def band(b: RatingBand) -> str:
        errors = (
            ""
            if b.max_errors is None
            else (
                " and no error findings"
                if b.max_errors == 0
                else f" and at most {plural(b.max_errors, 'error finding')}"
            )
        )
        share = f"{b.min_complete_percent.normalize():f}%"
        return f"at least {share} of the required governance items in place{errors}"

    green = band(rules.green)
    if rules.green_needs_assurance:
        green += (
            f", with the responsible officer's assurance given in the last "
            f"{rules.assurance_months} months"
        )
    return [
        f"Green: {green}.",
        f"Amber: {band(rules.amber)}, when not green.",
        "Red: anything else.",
        "Completeness counts items in place or not applicable (with a reason); drafted or "
        f"missing items do not count ({rules.reference}).",
    ]


def compute(data: ReportData) -> GovernanceReport:
    lines = [
        assess(r, data.findings_for(r.id), data.policy, data.as_of)
        for r in data.records
        if r.record.arrangement.status in LIVE
    ]
    counts = {rating: sum(1 for line in lines if line.rating == rating) for rating in RATINGS}
    exceptions = []
    for line in lines:
        reasons = []
        if line.rating == "Red":
            reasons.append(f"rated red: {line.why}")
        if not line.assurance_current:
            reasons.append(
                "no assurance from the responsible officer"
                if line.assurance_date is None
                else f"assurance out of date (given {date_text(line.assurance_date)})"
            )
        if line.audit_weak and line.audit_opinion and line.audit_date:
            reasons.append(
                f"audit gave {line.audit_opinion.lower()} on {date_text(line.audit_date)} "
                "(Framework 6.11)"
            )
        reasons += [
            f"{f.rule}: {f.message}"
            for f in data.findings_for(line.id)
            if f.severity is Severity.ERROR
        ]
        if reasons:
            exceptions.append(GovernanceException(line.id, line.name, reasons))
    return GovernanceReport(data.as_of, lines, counts, exceptions, rules_in_words(data.policy))


def paper(report: GovernanceReport, data: ReportData) -> Paper:
    n = len(report.lines)
    summary = [
        f"This paper reviews the governance of {plural(n, 'approved or running arrangement')} "
        f"as at {date_text(report.as_of)}, for the Annual Governance Statement (Framework 6.9).",
        f"{report.counts['Green']} are rated green, {report.counts['Amber']} amber and "
        f"{report.counts['Red']} red. {plural(len(report.exceptions), 'arrangement')} "
        f"{'has' if len(report.exceptions) == 1 else 'have'} exceptions the statement should "
        "mention.",
    ]
    rows = [
        [
            line.name,
            line.kind,
            f"{line.in_place} of {line.required}" if line.required else "none required",
            percent(line.complete),
            str(line.errors),
            str(line.warnings),
            (
                f"{line.assurance_officer}, {date_text(line.assurance_date)}"
                if line.assurance_officer
                else "None recorded"
            ),
            (
                f"{line.audit_opinion}, {date_text(line.audit_date)}"
                if line.audit_opinion and line.audit_date
                else "Not audited"
            ),
            line.rating,
        ]
        for line in report.lines
    ]
    table = Table(
        "Governance of each arrangement",
        [
            "Arrangement",
            "Kind",
            "Items in place",
            "Complete",
            "Errors",
            "Warnings",
            "Assurance (officer, date)",
            "Audit opinion (date)",
            "Rating",
        ],
        rows,
        numeric=frozenset({2, 3, 4, 5}),
        rating_column=8,
    )
    exceptions = Section(
        "Exceptions for the Annual Governance Statement",
        []
        if report.exceptions
        else [
            "No exceptions: every arrangement is rated green or amber "
            "with current assurance and no errors."
        ],
        bullets=[f"{e.name}: " + "; ".join(e.reasons) for e in report.exceptions],
    )
    gaps = [
        [
            line.name,
            ", ".join(f"{label(m)} ({paragraph(Governance, m)})" for m in line.missing) or "—",
            ", ".join(label(d) for d in line.drafted) or "—",
        ]
        for line in report.lines
        if line.missing or line.drafted
    ]
    data_table = Table(
        "Governance review",
        [
            "Id",
            "Arrangement",
            "Kind",
            "Class",
            "Lead officer",
            "Department",
            "Required items",
            "In place",
            "Complete (%)",
            "Errors",
            "Warnings",
            "Assurance officer",
            "Assurance date",
            "Assurance current",
            "Audit opinion",
            "Audit date",
            "Statutory basis",
            "Rating",
            "Why",
        ],
        [
            [
                line.id,
                line.name,
                line.kind,
                line.classification,
                line.lead_officer,
                line.department,
                str(line.required),
                str(line.in_place),
                "" if line.complete is None else str(line.complete.quantize(Decimal(1))),
                str(line.errors),
                str(line.warnings),
                line.assurance_officer or "",
                line.assurance_date.isoformat() if line.assurance_date else "",
                "yes" if line.assurance_current else "no",
                line.audit_opinion or "",
                line.audit_date.isoformat() if line.audit_date else "",
                line.statutory or "",
                line.rating,
                line.why,
            ]
            for line in report.lines
        ],
    )
    return Paper(
        "governance",
        "Governance review of partnerships and shared services",
        data.council,
        "Audit and Governance Committee",
        report.as_of,
        data.policy.title,
        data.scope.describe(),
        data.public,
        summary,
        [
            "That the Committee notes the governance ratings and the exceptions listed, and asks "
            "the responsible officers to address the red ratings before the Annual Governance "
            "Statement is approved."
        ],
        [
            Section(
                "Ratings",
                ["How each arrangement is rated (the council's policy):"],
                bullets=report.rules,
                tables=[table],
            ),
            exceptions,
        ],
        [
            Section(
                "Appendix A: governance items missing or only drafted",
                tables=[
                    Table(
                        "Items not yet in place", ["Arrangement", "Missing", "Drafted only"], gaps
                    )
                ],
            )
        ],
        data_table,
    )
