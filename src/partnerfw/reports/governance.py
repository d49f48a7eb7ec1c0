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
from partnerfw.reports.paper import Paper
from partnerfw.reports.sections import (
    Column,
    Front,
    appendix,
    committee_paper,
    iso,
    list_section,
    recommendations,
    section,
    table,
    yes_no,
)
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


def rated(data: ReportData, checked: CheckedRecord) -> GovernanceLine:
    """``assess`` a record of ``data``, once for it (the governance review and the annual
    report both ask)."""
    return data.kept(
        ("governance", checked.id),
        lambda: assess(checked, data.findings_for(checked.id), data.policy, data.as_of),
    )


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
    lines = [rated(data, r) for r in data.records if r.record.arrangement.status in LIVE]
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


def _assurance(line: GovernanceLine) -> str:
    if not line.assurance_officer:
        return "None recorded"
    return f"{line.assurance_officer}, {date_text(line.assurance_date)}"


def _audit(line: GovernanceLine) -> str:
    if line.audit_opinion and line.audit_date:
        return f"{line.audit_opinion}, {date_text(line.audit_date)}"
    return "Not audited"


_COLUMNS: tuple[Column[GovernanceLine], ...] = (
    Column("Arrangement", lambda line: line.name),
    Column("Kind", lambda line: line.kind),
    Column(
        "Items in place",
        lambda line: f"{line.in_place} of {line.required}" if line.required else "none required",
        numeric=True,
    ),
    Column("Complete", lambda line: percent(line.complete), numeric=True),
    Column("Errors", lambda line: str(line.errors), numeric=True),
    Column("Warnings", lambda line: str(line.warnings), numeric=True),
    Column("Assurance (officer, date)", _assurance),
    Column("Audit opinion (date)", _audit),
    Column("Rating", lambda line: line.rating, rating=True),
)
_GAP_COLUMNS: tuple[Column[GovernanceLine], ...] = (
    Column("Arrangement", lambda line: line.name),
    Column(
        "Missing",
        lambda line: (
            ", ".join(f"{label(m)} ({paragraph(Governance, m)})" for m in line.missing) or "—"
        ),
    ),
    Column("Drafted only", lambda line: ", ".join(label(d) for d in line.drafted) or "—"),
)
_DATA_COLUMNS: tuple[Column[GovernanceLine], ...] = (
    Column("Id", lambda line: line.id),
    Column("Arrangement", lambda line: line.name),
    Column("Kind", lambda line: line.kind),
    Column("Class", lambda line: line.classification),
    Column("Lead officer", lambda line: line.lead_officer),
    Column("Department", lambda line: line.department),
    Column("Required items", lambda line: str(line.required)),
    Column("In place", lambda line: str(line.in_place)),
    Column(
        "Complete (%)",
        lambda line: "" if line.complete is None else str(line.complete.quantize(Decimal(1))),
    ),
    Column("Errors", lambda line: str(line.errors)),
    Column("Warnings", lambda line: str(line.warnings)),
    Column("Assurance officer", lambda line: line.assurance_officer or ""),
    Column("Assurance date", lambda line: iso(line.assurance_date)),
    Column("Assurance current", lambda line: yes_no(line.assurance_current)),
    Column("Audit opinion", lambda line: line.audit_opinion or ""),
    Column("Audit date", lambda line: iso(line.audit_date)),
    Column("Statutory basis", lambda line: line.statutory or ""),
    Column("Rating", lambda line: line.rating),
    Column("Why", lambda line: line.why),
)
_FRONT = Front(
    "governance",
    "Governance review of partnerships and shared services",
    "Audit and Governance Committee",
)


def _summary(report: GovernanceReport) -> list[str]:
    exceptions = len(report.exceptions)
    return [
        f"This paper reviews the governance of "
        f"{plural(len(report.lines), 'approved or running arrangement')} "
        f"as at {date_text(report.as_of)}, for the Annual Governance Statement (Framework 6.9).",
        f"{report.counts['Green']} are rated green, {report.counts['Amber']} amber and "
        f"{report.counts['Red']} red. {plural(exceptions, 'arrangement')} "
        f"{'has' if exceptions == 1 else 'have'} exceptions the statement should mention.",
    ]


def paper(report: GovernanceReport, data: ReportData) -> Paper:
    not_in_place = [line for line in report.lines if line.missing or line.drafted]
    return committee_paper(
        _FRONT,
        data,
        _summary(report),
        recommendations(
            "That the Committee notes the governance ratings and the exceptions listed, and asks "
            "the responsible officers to address the red ratings before the Annual Governance "
            "Statement is approved."
        ),
        [
            section(
                "Ratings",
                table("Governance of each arrangement", _COLUMNS, report.lines),
                paragraphs=["How each arrangement is rated (the council's policy):"],
                bullets=report.rules,
            ),
            list_section(
                "Exceptions for the Annual Governance Statement",
                [f"{e.name}: " + "; ".join(e.reasons) for e in report.exceptions],
                "No exceptions: every arrangement is rated green or amber "
                "with current assurance and no errors.",
            ),
        ],
        [
            appendix(
                "A",
                "governance items missing or only drafted",
                table("Items not yet in place", _GAP_COLUMNS, not_in_place),
            )
        ],
        table("Governance review", _DATA_COLUMNS, report.lines),
    )
