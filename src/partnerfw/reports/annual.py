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
from partnerfw.reports.figures import heat_map, resources_by_kind, risk_counts
from partnerfw.reports.paper import Figure, Paper, Section, Table
from partnerfw.rules.engine import CheckedRecord
from partnerfw.words import plural

_ENDED = (Status.ENDING, Status.ENDED)


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
class Event:
    id: str
    name: str
    day: dt.date | PartialDate | None
    what: str

    @property
    def first_day(self) -> dt.date:
        """For sorting: the day, or the first day of a month or year; undated last."""
        if isinstance(self.day, PartialDate):
            return self.day.earliest
        return self.day or dt.date.max


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
    as_of = data.as_of
    start = period_start or add_months(as_of, -12)
    ratings = _ratings(data)
    lines = [_line(r, ratings) for r in data.records]
    live = [r for r in data.records if r.record.arrangement.status in LIVE]
    totals = _totals(data)
    by_kind: dict[str, Decimal] = {}
    for r in live:
        label = kind_label(r)
        by_kind[label] = by_kind.get(label, Decimal(0)) + r.classification.council_resources
    kinds = [(KIND_LABELS[k], by_kind[KIND_LABELS[k]]) for k in Kind if KIND_LABELS[k] in by_kind]
    added, ended, decisions = _events(data, start, baseline)
    class_changes: list[Move] = []
    rating_changes: list[Move] = []
    if baseline is not None:
        before = {r.id: r for r in baseline.records}
        before_ratings = _ratings(baseline)
        for r in data.records:
            old = before.get(r.id)
            if old is None:
                continue
            if old.classification.klass != r.classification.klass:
                class_changes.append(
                    Move(
                        r.id,
                        r.record.arrangement.name,
                        old.classification.label,
                        r.classification.label,
                    )
                )
            now_rating, old_rating = ratings.get(r.id), before_ratings.get(r.id)
            if now_rating and old_rating and now_rating != old_rating:
                rating_changes.append(Move(r.id, r.record.arrangement.name, old_rating, now_rating))
    gaps = [
        Gap(f.record, _name(data, f.record), f.severity.value, f.rule, f.message, f.reference)
        for f in sorted(
            data.findings, key=lambda f: (f.severity.rank, _name(data, f.record), f.rule)
        )
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    return AnnualReport(
        as_of,
        start,
        changes_only,
        baseline_label if baseline is not None else None,
        lines,
        totals,
        kinds,
        sum((amount for _, amount in kinds), Decimal(0)),
        added,
        ended,
        decisions,
        class_changes,
        rating_changes,
        gaps,
        risk_counts(r.record.arrangement for r in live),
        timelines.compute(data),
        sum(
            (f.amount for r in live for f in r.record.arrangement.external_funding if f.secured),
            Decimal(0),
        ),
    )


def _name(data: ReportData, record_id: str) -> str:
    return data.name_of(record_id)


def _ratings(data: ReportData) -> dict[str, str]:
    return {
        r.id: governance.assess(r, data.findings_for(r.id), data.policy, data.as_of).rating
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
    found: dict[tuple[Kind, str], list[int | Decimal]] = {}
    for r in data.records:
        status = r.record.arrangement.status
        if status is Status.ENDED:
            continue
        key = (r.classification.kind, r.classification.klass)
        entry = found.setdefault(key, [0, 0, Decimal(0)])
        if status is Status.PROPOSED:
            entry[1] += 1
        else:
            entry[0] += 1
            entry[2] += r.classification.council_resources
    order = list(CLASS_LABELS)
    return [
        ClassTotal(KIND_LABELS[kind], CLASS_LABELS[klass], int(v[0]), int(v[1]), Decimal(v[2]))
        for (kind, klass), v in sorted(
            found.items(), key=lambda kv: (list(Kind).index(kv[0][0]), order.index(kv[0][1]))
        )
    ]


def _events(
    data: ReportData, start: dt.date, baseline: ReportData | None
) -> tuple[list[Event], list[Event], list[Event]]:
    as_of = data.as_of

    def within(day: dt.date | PartialDate | None) -> bool:
        """In the period; a date known to the month or year counts in the period holding
        its first day, so that successive reports show it once."""
        first = day.earliest if isinstance(day, PartialDate) else day
        return first is not None and start < first <= as_of

    before = {r.id: r for r in baseline.records} if baseline is not None else None
    added, ended, decisions = [], [], []
    for r in data.records:
        a = r.record.arrangement
        if within(a.dates.start):
            added.append(
                Event(
                    a.id,
                    a.name,
                    a.dates.start,
                    f"started ({r.classification.label.lower()}"
                    + (", urgent route" if a.is_urgent else "")
                    + ")",
                )
            )
        elif before is not None and a.id not in before:
            added.append(
                Event(
                    a.id, a.name, None, f"added to the register ({status_label(a.status).lower()})"
                )
            )
        was = before.get(a.id) if before is not None else None
        if a.status is Status.ENDING or (
            a.status is Status.ENDED
            and (
                within(a.dates.end)
                or (was is not None and was.record.arrangement.status not in _ENDED)
            )
        ):
            ended.append(
                Event(
                    a.id,
                    a.name,
                    a.dates.end,
                    f"{status_label(a.status).lower()}"
                    + (f", end date {date_text(a.dates.end)}" if a.dates.end else ""),
                )
            )
        for approval in a.approvals:
            if within(approval.date):
                role = data.policy.role_title(approval.role)
                who = role if approval.name == role else f"{role} ({approval.name})"
                decisions.append(
                    Event(
                        a.id,
                        a.name,
                        approval.date,
                        f"{who}: {approval.decision.value}"
                        + (f" — {approval.reference}" if approval.reference else ""),
                    )
                )
        if within(a.agreement.signed):
            decisions.append(Event(a.id, a.name, a.agreement.signed, "agreement signed"))
    if before is not None:
        now = {r.id for r in data.records}
        for old_id, old in before.items():
            if old_id not in now:
                ended.append(
                    Event(old_id, old.record.arrangement.name, None, "removed from the register")
                )
    key = lambda e: (e.first_day, e.name)  # noqa: E731
    return sorted(added, key=key), sorted(ended, key=key), sorted(decisions, key=key)


# --- the paper --------------------------------------------------------------------------------


def figures(report: AnnualReport) -> list[Figure]:
    return [
        resources_by_kind(report.by_kind, "annual-resources"),
        heat_map(report.risks, "annual-heat-map"),
    ]


def _events_table(caption: str, events: list[Event]) -> Table:
    return Table(
        caption,
        ["Arrangement", "Date", "What"],
        [[e.name, date_text(e.day), e.what] for e in events],
    )


def _moves_table(caption: str, moves: list[Move]) -> Table:
    return Table(
        caption, ["Arrangement", "Before", "Now"], [[m.name, m.before, m.after] for m in moves]
    )


def paper(report: AnnualReport, data: ReportData) -> Paper:
    period = f"{date_text(report.period_start)} to {date_text(report.as_of)}"
    live = sum(t.live for t in report.totals)
    proposed = sum(t.proposed for t in report.totals)
    errors = sum(1 for g in report.gaps if g.severity == "error")
    warnings = len(report.gaps) - errors
    summary = [
        f"The register holds {plural(len(report.lines), 'arrangement')}: {live} approved or "
        f"running, {proposed} proposed and {len(report.lines) - live - proposed} ended. The "
        f"approved and running arrangements take {money(report.total_resources)} a year of "
        "council resources (budget, staff cost and in kind)"
        + _not_valued_note(report)
        + (
            f"; they have also secured {money(report.external_funding)} of external funding "
            "(grants from outside the partners, over the awards)."
            if report.external_funding
            else "."
        ),
        f"Since {date_text(report.period_start)}: {plural(len(report.added), 'addition')}, "
        + (
            f"{plural(len(report.ended), 'ending')}, "
            f"{plural(len(report.class_changes), 'change')} of class and "
            f"{plural(len(report.rating_changes), 'change')} of governance rating."
            if report.baseline
            else f"{plural(len(report.ended), 'ending')} (changes of class and rating need the "
            "register's git history, which is not available: see 'What changed')."
        ),
        f"Open governance gaps: {plural(errors, 'error')} and {plural(warnings, 'warning')} "
        "(see Appendix A).",
    ]
    history = (
        f"Class and rating changes are measured against {report.baseline}."
        if report.baseline
        else "Class and rating changes need the register's history: the register repository "
        "is not in git, or has no commit before the period, so none can be shown."
    )
    changes = Section(
        f"What changed from {period}",
        [history],
        tables=[
            _events_table("Added", report.added),
            _events_table("Ended or ending", report.ended),
            _moves_table("Changes of class", report.class_changes),
            _moves_table("Changes of governance rating", report.rating_changes),
        ],
    )
    decisions = Section(
        "Decisions in the period",
        tables=[_events_table("Approvals and agreements", report.decisions)],
    )
    register_rows = [
        [
            ln.name,
            ln.kind,
            ln.classification,
            ln.status,
            ln.department,
            resources_text(ln.resources, ln.not_valued),
            ln.rating or "—",
        ]
        for ln in report.lines
    ]
    register = Table(
        "The register",
        [
            "Arrangement",
            "Kind",
            "Class",
            "Status",
            "Lead department",
            "Council resources",
            "Rating",
        ],
        register_rows,
        numeric=frozenset({5}),
        rating_column=6,
    )
    totals = Table(
        "Arrangements by kind and class",
        ["Kind", "Class", "Approved or running", "Proposed", "Council resources"],
        [
            [t.kind, t.classification, str(t.live), str(t.proposed), money(t.resources)]
            for t in report.totals
        ],
        numeric=frozenset({2, 3, 4}),
        total=["Total", "", str(live), str(proposed), money(report.total_resources)],
    )
    gaps = Table(
        "Open governance gaps",
        ["Arrangement", "Severity", "Rule", "What is missing", "Framework"],
        [[g.name, g.severity, g.rule, g.message, g.reference] for g in report.gaps],
    )
    sections = [
        Section(
            "The register by kind and class",
            [
                "Council resources are what the council puts in each year: dedicated budget, "
                "the cost of staff time and the value of resources in kind."
            ],
            figures=figures(report),
            tables=[totals],
        ),
        changes,
        decisions,
    ]
    appendices = [Section("Appendix A: open governance gaps", tables=[gaps])]
    if not report.changes_only:
        sections.insert(1, Section("All arrangements", tables=[register]))
        if report.timelines:
            sections.append(timelines.section(report.timelines))
    data_table = _data_table(report)
    title = (
        "Partnerships and shared services register: changes"
        if report.changes_only
        else "Annual report on the partnerships and shared services register"
    )
    return Paper(
        "annual",
        title,
        data.council,
        "Cabinet Committee",
        report.as_of,
        data.policy.title,
        data.scope.describe(),
        data.public,
        summary,
        [
            "That the Committee notes the register and the changes in the period (Framework 5.6).",
            "[Further recommendations to be added by the report author.]",
        ],
        sections,
        appendices,
        data_table,
    )


def _data_table(report: AnnualReport) -> Table:
    if report.changes_only:
        rows = (
            [
                ["added", e.id, e.name, e.day.isoformat() if e.day else "", e.what]
                for e in report.added
            ]
            + [
                ["ended", e.id, e.name, e.day.isoformat() if e.day else "", e.what]
                for e in report.ended
            ]
            + [
                ["class", m.id, m.name, "", f"{m.before} -> {m.after}"]
                for m in report.class_changes
            ]
            + [
                ["rating", m.id, m.name, "", f"{m.before} -> {m.after}"]
                for m in report.rating_changes
            ]
        )
        return Table("Changes", ["Change", "Id", "Arrangement", "Date", "What"], rows)
    return Table(
        "Register",
        [
            "Id",
            "Arrangement",
            "Kind",
            "Class",
            "Status",
            "Lead department",
            "Council resources",
            "Not valued yet",
            "Start",
            "End",
            "Rating",
        ],
        [
            [
                ln.id,
                ln.name,
                ln.kind,
                ln.classification,
                ln.status,
                ln.department,
                f"{ln.resources:f}",
                "; ".join(ln.not_valued),
                ln.start.isoformat() if ln.start else "",
                ln.end.isoformat() if ln.end else "",
                ln.rating or "",
            ]
            for ln in report.lines
        ],
    )
