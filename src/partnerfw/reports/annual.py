"""The annual register report to the Cabinet Committee (Framework 5.6.3, 6.6).

All arrangements by kind and class, council resources in total and by kind, what was added,
decided or ended in the period (from the records' dates, and from git when a baseline is
given), what changed class or governance rating, and the open governance gaps. With
``changes_only`` (``--since``) the paper shows only what changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from partnerfw.findings import Severity
from partnerfw.judge.classify import CLASS_LABELS, KIND_LABELS, resources_text
from partnerfw.judge.dates import add_months
from partnerfw.policy.schema import Policy
from partnerfw.record.models import Kind, Status
from partnerfw.record.money import money
from partnerfw.record.partial_dates import PartialDate
from partnerfw.reports import governance, timelines
from partnerfw.reports.common import (
    LIVE,
    ReportData,
    date_text,
    kind_label,
    status_label,
)
from partnerfw.reports.figures import heat_map, resources_by_kind, risk_counts, scale_note
from partnerfw.reports.paper import Figure, Paper, Section, Table
from partnerfw.reports.period import Event, events
from partnerfw.reports.sections import (
    Column,
    Front,
    appendix,
    committee_paper,
    iso,
    plain,
    recommendations,
    section,
    table,
)
from partnerfw.rules.engine import CheckedRecord
from partnerfw.words import plural


@dataclass(frozen=True)
class Line:
    id: str
    name: str
    kind: str
    classification: str
    status: str
    department: str
    resources: Decimal
    start: PartialDate | None
    end: PartialDate | None
    rating: str | None
    """Governance rating, for approved and running arrangements."""
    not_valued: tuple[str, ...] = ()
    """What it gives without a £ value yet (staff time, in kind): not in ``resources``."""


@dataclass(frozen=True)
class ClassTotal:
    kind: str
    classification: str
    live: int
    proposed: int
    resources: Decimal
    """Council resources of the live (approved, not ended) ones."""


@dataclass(frozen=True)
class Move:
    id: str
    name: str
    before: str
    after: str


@dataclass(frozen=True)
class Gap:
    id: str
    name: str
    severity: str
    rule: str
    message: str
    reference: str
    """What the finding rests on: the framework paragraph, or 'local:' and the council's
    own choice."""


@dataclass(frozen=True)
class AnnualReport:
    as_of: dt.date
    period_start: dt.date
    """The period covered runs from the day after this to ``as_of``."""
    changes_only: bool
    baseline: str | None
    """What class and rating changes are measured against, or None when there is no history."""
    lines: list[Line]
    totals: list[ClassTotal]
    by_kind: list[tuple[str, Decimal]]
    total_resources: Decimal
    added: list[Event]
    ended: list[Event]
    decisions: list[Event]
    class_changes: list[Move]
    rating_changes: list[Move]
    gaps: list[Gap]
    risks: dict[tuple[int, int], int]
    timelines: list[timelines.Timeline] = field(default_factory=list)
    """Arrangements that changed over time or are linked to others."""
    external_funding: Decimal = Decimal(0)
    """External funding secured by the approved and running arrangements (Appendix 1), in
    pounds over the awards: not council resources, nor partners' contributions."""


def compute(
    data: ReportData,
    period_start: dt.date | None = None,
    baseline: ReportData | None = None,
    baseline_label: str | None = None,
    changes_only: bool = False,
) -> AnnualReport:
    start = period_start or add_months(data.as_of, -12)
    ratings = _ratings(data)
    live = [r for r in data.records if r.record.arrangement.status in LIVE]
    kinds = _by_kind(live)
    added, ended, decisions = events(data, start, baseline)
    class_changes, rating_changes = _moves(data, ratings, baseline)
    return AnnualReport(
        as_of=data.as_of,
        period_start=start,
        changes_only=changes_only,
        baseline=baseline_label if baseline is not None else None,
        lines=[_line(r, ratings) for r in data.records],
        totals=_totals(data),
        by_kind=kinds,
        total_resources=sum((amount for _, amount in kinds), Decimal(0)),
        added=added,
        ended=ended,
        decisions=decisions,
        class_changes=class_changes,
        rating_changes=rating_changes,
        gaps=_gaps(data),
        risks=risk_counts(r.record.arrangement for r in live),
        timelines=timelines.compute(data),
        external_funding=sum(
            (f.amount for r in live for f in r.record.arrangement.external_funding if f.secured),
            Decimal(0),
        ),
    )


def _by_kind(live: list[CheckedRecord]) -> list[tuple[str, Decimal]]:
    """Council resources of the live arrangements for each kind, in the kinds' order."""
    by_kind: dict[str, Decimal] = {}
    for r in live:
        label = kind_label(r)
        by_kind[label] = by_kind.get(label, Decimal(0)) + r.classification.council_resources
    return [(KIND_LABELS[k], by_kind[KIND_LABELS[k]]) for k in Kind if KIND_LABELS[k] in by_kind]


def _moves(
    data: ReportData, ratings: dict[str, str], baseline: ReportData | None
) -> tuple[list[Move], list[Move]]:
    """Changes of class and of governance rating since the baseline (none without one)."""
    class_changes: list[Move] = []
    rating_changes: list[Move] = []
    if baseline is None:
        return class_changes, rating_changes
    before = {r.id: r for r in baseline.records}
    before_ratings = _ratings(baseline)
    for r in data.records:
        old = before.get(r.id)
        if old is None:
            continue
        name = r.record.arrangement.name
        if old.classification.klass != r.classification.klass:
            class_changes.append(Move(r.id, name, old.classification.label, r.classification.label))
        now_rating, old_rating = ratings.get(r.id), before_ratings.get(r.id)
        if now_rating and old_rating and now_rating != old_rating:
            rating_changes.append(Move(r.id, name, old_rating, now_rating))
    return class_changes, rating_changes


def _gaps(data: ReportData) -> list[Gap]:
    """Error and warning findings, the errors first."""
    return [
        Gap(f.record, data.name_of(f.record), f.severity.value, f.rule, f.message, f.cited)
        for f in sorted(
            data.findings, key=lambda f: (f.severity.rank, data.name_of(f.record), f.rule)
        )
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def _ratings(data: ReportData) -> dict[str, str]:
    return {
        r.id: governance.rated(data, r).rating
        for r in data.records
        if r.record.arrangement.status in LIVE
    }


def _not_valued_note(report: AnnualReport) -> str:
    """Staff time or resources in kind given without a £ value are not in the total: say so."""
    names = [ln.name for ln in report.lines if ln.not_valued and ln.rating is not None]
    if not names:
        return ""
    return (
        f", not counting what {plural(len(names), 'arrangement')} give without a value in "
        f"pounds yet ({', '.join(names)})"
    )


def _line(r: CheckedRecord, ratings: dict[str, str]) -> Line:
    a = r.record.arrangement
    return Line(
        a.id,
        a.name,
        kind_label(r),
        r.classification.shown_label,
        status_label(a.status),
        a.department,
        r.classification.council_resources,
        a.dates.start,
        a.dates.end,
        ratings.get(a.id),
        r.classification.uncosted,
    )


def _totals(data: ReportData) -> list[ClassTotal]:
    """Arrangements and resources by kind and class: the kinds in order, a partnership's
    classes in the policy's order (highest first) with the policy's labels."""
    found: dict[tuple[Kind, str], list[int | Decimal]] = {}
    labels: dict[str, str] = {}
    for r in data.records:
        status = r.record.arrangement.status
        if status is Status.ENDED:
            continue
        key = (r.classification.kind, r.classification.klass)
        labels[r.classification.klass] = r.classification.label
        entry = found.setdefault(key, [0, 0, Decimal(0)])
        if status is Status.PROPOSED:
            entry[1] += 1
        else:
            entry[0] += 1
            entry[2] += r.classification.council_resources
    order = [name for name, _ in data.policy.class_labels] + list(CLASS_LABELS)
    return [
        ClassTotal(KIND_LABELS[kind], labels[klass], int(v[0]), int(v[1]), Decimal(v[2]))
        for (kind, klass), v in sorted(
            found.items(),
            key=lambda kv: (
                list(Kind).index(kv[0][0]),
                order.index(kv[0][1]) if kv[0][1] in order else len(order),
            ),
        )
    ]


# --- the paper --------------------------------------------------------------------------------


_EVENT_COLUMNS: tuple[Column[Event], ...] = (
    Column("Arrangement", lambda e: e.name),
    Column("Date", lambda e: date_text(e.day)),
    Column("What", lambda e: e.what),
)
_MOVE_COLUMNS: tuple[Column[Move], ...] = (
    Column("Arrangement", lambda m: m.name),
    Column("Before", lambda m: m.before),
    Column("Now", lambda m: m.after),
)
_REGISTER_COLUMNS: tuple[Column[Line], ...] = (
    Column("Arrangement", lambda ln: ln.name),
    Column("Kind", lambda ln: ln.kind),
    Column("Class", lambda ln: ln.classification),
    Column("Status", lambda ln: ln.status),
    Column("Lead department", lambda ln: ln.department),
    Column(
        "Council resources", lambda ln: resources_text(ln.resources, ln.not_valued), numeric=True
    ),
    Column("Rating", lambda ln: ln.rating or "—", rating=True),
)
_TOTAL_COLUMNS: tuple[Column[ClassTotal], ...] = (
    Column("Kind", lambda t: t.kind),
    Column("Class", lambda t: t.classification),
    Column("Approved or running", lambda t: str(t.live), numeric=True),
    Column("Proposed", lambda t: str(t.proposed), numeric=True),
    Column("Council resources", lambda t: money(t.resources), numeric=True),
)
_GAP_COLUMNS: tuple[Column[Gap], ...] = (
    Column("Arrangement", lambda g: g.name),
    Column("Severity", lambda g: g.severity),
    Column("Rule", lambda g: g.rule),
    Column("What is missing", lambda g: g.message),
    Column("Basis", lambda g: g.reference),
)
_DATA_COLUMNS: tuple[Column[Line], ...] = (
    Column("Id", lambda ln: ln.id),
    Column("Arrangement", lambda ln: ln.name),
    Column("Kind", lambda ln: ln.kind),
    Column("Class", lambda ln: ln.classification),
    Column("Status", lambda ln: ln.status),
    Column("Lead department", lambda ln: ln.department),
    Column("Council resources", lambda ln: plain(ln.resources)),
    Column("Not valued yet", lambda ln: "; ".join(ln.not_valued)),
    Column("Start", lambda ln: iso(ln.start)),
    Column("End", lambda ln: iso(ln.end)),
    Column("Rating", lambda ln: ln.rating or ""),
)
_ANNUAL = Front(
    "annual", "Annual report on the partnerships and shared services register", "Cabinet Committee"
)
_CHANGES = Front(
    "annual", "Partnerships and shared services register: changes", "Cabinet Committee"
)


def figures(report: AnnualReport, policy: Policy) -> list[Figure]:
    return [
        resources_by_kind(report.by_kind, "annual-resources"),
        heat_map(report.risks, policy.risk_scale, policy.risk_bands, "annual-heat-map"),
    ]


def paper(report: AnnualReport, data: ReportData) -> Paper:
    sections = [
        _by_kind_and_class(report, data.policy),
        _what_changed(report),
        _decisions_section(report),
    ]
    if not report.changes_only:
        register = table("The register", _REGISTER_COLUMNS, report.lines)
        sections.insert(1, section("All arrangements", register))
        if report.timelines:
            sections.append(timelines.section(report.timelines))
    gaps = table("Open governance gaps", _GAP_COLUMNS, report.gaps)
    return committee_paper(
        _CHANGES if report.changes_only else _ANNUAL,
        data,
        _summary(report),
        recommendations(
            "That the Committee notes the register and the changes in the period (Framework 5.6).",
            author_adds=True,
        ),
        sections,
        [appendix("A", "open governance gaps", gaps)],
        _changes_table(report)
        if report.changes_only
        else table("Register", _DATA_COLUMNS, report.lines),
    )


def _summary(report: AnnualReport) -> list[str]:
    errors = sum(1 for g in report.gaps if g.severity == "error")
    warnings = len(report.gaps) - errors
    return [
        _register_in_brief(report),
        _since(report),
        f"Open governance gaps: {plural(errors, 'error')} and {plural(warnings, 'warning')} "
        "(see Appendix A).",
    ]


def _register_in_brief(report: AnnualReport) -> str:
    live = sum(t.live for t in report.totals)
    proposed = sum(t.proposed for t in report.totals)
    funding = (
        f"; they have also secured {money(report.external_funding)} of external funding "
        "(grants from outside the partners, over the awards)."
        if report.external_funding
        else "."
    )
    return (
        f"The register holds {plural(len(report.lines), 'arrangement')}: {live} approved or "
        f"running, {proposed} proposed and {len(report.lines) - live - proposed} ended. The "
        f"approved and running arrangements take {money(report.total_resources)} a year of "
        "council resources (budget, staff cost and in kind)" + _not_valued_note(report) + funding
    )


def _since(report: AnnualReport) -> str:
    ended = plural(len(report.ended), "ending")
    changes = (
        f"{ended}, {plural(len(report.class_changes), 'change')} of class and "
        f"{plural(len(report.rating_changes), 'change')} of governance rating."
        if report.baseline
        else f"{ended} (changes of class and rating need the register's git history, which is "
        "not available: see 'What changed')."
    )
    return (
        f"Since {date_text(report.period_start)}: {plural(len(report.added), 'addition')}, "
        + changes
    )


def _by_kind_and_class(report: AnnualReport, policy: Policy) -> Section:
    live = sum(t.live for t in report.totals)
    proposed = sum(t.proposed for t in report.totals)
    total = ["Total", "", str(live), str(proposed), money(report.total_resources)]
    return section(
        "The register by kind and class",
        table("Arrangements by kind and class", _TOTAL_COLUMNS, report.totals, total),
        paragraphs=[
            "Council resources are what the council puts in each year: dedicated budget, "
            "the cost of staff time and the value of resources in kind.",
            scale_note(policy.risk_scale, policy.risk_bands),
        ],
        figures=figures(report, policy),
    )


def _what_changed(report: AnnualReport) -> Section:
    history = (
        f"Class and rating changes are measured against {report.baseline}."
        if report.baseline
        else "Class and rating changes need the register's history: the register repository "
        "is not in git, or has no commit before the period, so none can be shown."
    )
    return section(
        f"What changed from {date_text(report.period_start)} to {date_text(report.as_of)}",
        table("Added", _EVENT_COLUMNS, report.added),
        table("Ended or ending", _EVENT_COLUMNS, report.ended),
        table("Changes of class", _MOVE_COLUMNS, report.class_changes),
        table("Changes of governance rating", _MOVE_COLUMNS, report.rating_changes),
        paragraphs=[history],
    )


def _decisions_section(report: AnnualReport) -> Section:
    return section(
        "Decisions in the period",
        table("Approvals and agreements", _EVENT_COLUMNS, report.decisions),
    )


def _changes_table(report: AnnualReport) -> Table:
    """The open data of a paper of changes only (``--since``): one row for each change."""
    rows = [
        *(["added", e.id, e.name, iso(e.day), e.what] for e in report.added),
        *(["ended", e.id, e.name, iso(e.day), e.what] for e in report.ended),
        *(["class", m.id, m.name, "", f"{m.before} -> {m.after}"] for m in report.class_changes),
        *(["rating", m.id, m.name, "", f"{m.before} -> {m.after}"] for m in report.rating_changes),
    ]
    return Table("Changes", ["Change", "Id", "Arrangement", "Date", "What"], rows)
