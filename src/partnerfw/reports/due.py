"""What falls due or is overdue: one list per lead officer, so each can be sent their own.

Budget monitoring, performance reports, risk register reviews, annual reviews, the shared
service review from year three, end dates and renewals, exit steps, and urgent arrangements
still awaiting approval. The dates come from the same functions the monitoring rules use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from partnerfw.judge.approval_route import describe_route, missing_steps
from partnerfw.judge.dates import plus_days
from partnerfw.judge.due_dates import (
    annual_review_due,
    months_text,
    next_due,
    shared_service_review_due,
    year_begins,
)
from partnerfw.judge.stages import EVALUATED, RUNNING
from partnerfw.policy.schema import Intervals, Policy
from partnerfw.record.models import Arrangement, Kind, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.reports.common import ReportData, date_text
from partnerfw.reports.paper import Paper, Section
from partnerfw.reports.sections import (
    Column,
    Front,
    appendix,
    committee_paper,
    recommendations,
    section,
    table,
    yes_no,
)
from partnerfw.rules.base import Context
from partnerfw.rules.engine import CheckedRecord
from partnerfw.words import plural

_REPORTED = (*EVALUATED, Kind.COMMISSIONING)
_RENEWABLE = (Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW)
RENEWAL_DECISION = "End date: decide on renewal or exit"
ENDS = "End date: arrangement ends"
END_DATES = (RENEWAL_DECISION, ENDS)
"""What an end date is listed as: reminders give them the policy's renewal notice."""


@dataclass(frozen=True)
class DueItem:
    id: str
    name: str
    what: str
    due: dt.date
    detail: str
    reference: str
    known_as: PartialDate | None = None
    """When the date is known only to the month or year: as known (``due`` is its first day,
    for reminders; it is overdue only once its last day has passed)."""

    @property
    def last_day(self) -> dt.date:
        return self.known_as.latest if self.known_as else self.due

    @property
    def due_text(self) -> str:
        return date_text(self.known_as or self.due)

    def is_overdue(self, as_of: dt.date) -> bool:
        return self.last_day < as_of

    def days(self, as_of: dt.date) -> int:
        """Days until due (negative: days overdue; 0 while a month or year date is current)."""
        if self.due > as_of:
            return (self.due - as_of).days
        return min(0, (self.last_day - as_of).days)


@dataclass(frozen=True)
class OfficerList:
    officer: str
    title: str | None
    departments: list[str]
    email: str | None
    """Only in an internal report, or when the policy publishes contact details."""
    items: list[DueItem]


@dataclass(frozen=True)
class DueReport:
    as_of: dt.date
    within: int
    until: dt.date
    officers: list[OfficerList]

    @property
    def items(self) -> list[DueItem]:
        return [item for officer in self.officers for item in officer.items]

    def overdue(self) -> list[DueItem]:
        return [item for item in self.items if item.is_overdue(self.as_of)]


def due_items(data: ReportData, checked: CheckedRecord) -> list[DueItem]:
    """``items_for`` the record of ``data``, worked out once for it (the due report and the
    calendar both ask)."""
    return data.kept(("due", checked.id), lambda: items_for(checked, data.policy, data.as_of))


def items_for(checked: CheckedRecord, policy: Policy, as_of: dt.date) -> list[DueItem]:
    """Everything that falls due for one arrangement, whatever the date."""
    a = checked.record.arrangement
    found: list[DueItem] = []
    # Each class of partnership may have its own review cycle.
    intervals = policy.intervals_for(checked.classification.klass)
    if a.status in RUNNING:
        found += _reports(a, intervals, as_of)
        found += _risk_reviews(a, intervals)
        found += _annual_review(a, intervals, as_of)
        found += _shared_service_review(a, policy)
    found += _end_dates(a)
    found += _exit_steps(a)
    found += _urgent_approval(checked, policy, as_of)
    return found


def _due(a: Arrangement, what: str, due: dt.date | None, detail: str, ref: str) -> list[DueItem]:
    return [] if due is None else [DueItem(a.id, a.name, what, due, detail, ref)]


def _regular(
    a: Arrangement, what: str, dates: list[dt.date], months: int, ref: str, as_of: dt.date
) -> list[DueItem]:
    """Something due every so many months from the last one recorded (or the start)."""
    last = max((d for d in dates if d <= as_of), default=None)
    detail = (
        f"every {months} months; last {date_text(last)}"
        if last
        else f"every {months} months; none recorded since the start"
    )
    return _due(a, what, next_due(last, a.dates.start, months), detail, ref)


def _reports(a: Arrangement, intervals: Intervals, as_of: dt.date) -> list[DueItem]:
    if a.kind not in _REPORTED:
        return []
    return [
        *_regular(
            a,
            "Budget monitoring report",
            a.monitoring.budget_reports,
            intervals.budget_monitoring_months,
            "Framework 4.5(e)",
            as_of,
        ),
        *_regular(
            a,
            "Performance report",
            a.monitoring.performance_reports,
            intervals.performance_report_months,
            "Framework 4.5(c)",
            as_of,
        ),
    ]


def _risk_reviews(a: Arrangement, intervals: Intervals) -> list[DueItem]:
    if a.kind not in EVALUATED:
        return []
    return [
        item
        for risk in a.monitoring.risk_register
        for item in _due(
            a,
            "Risk review",
            next_due(risk.last_reviewed, a.dates.start, intervals.risk_review_months),
            f"'{risk.risk}'; last reviewed {date_text(risk.last_reviewed)}",
            "Framework 4.10",
        )
    ]


def _annual_review(a: Arrangement, intervals: Intervals, as_of: dt.date) -> list[DueItem]:
    window = intervals.annual_review_window
    if not window:
        months = intervals.annual_review_months
        return _regular(
            a, "Annual review", a.monitoring.annual_reviews, months, "Framework 6.6", as_of
        )
    reviews = [d for d in a.monitoring.annual_reviews if d <= as_of]
    last = max(reviews, default=None)
    due = annual_review_due(
        reviews,
        a.dates.start,
        window,
        intervals.annual_review_months,
        as_of,
        intervals.grace_days,
    )
    detail = f"in the {months_text(window)} review of the register; " + (
        f"last {date_text(last)}" if last else "none recorded"
    )
    return _due(a, "Annual review", due, detail, "Framework 6.6")


def _shared_service_review(a: Arrangement, policy: Policy) -> list[DueItem]:
    review = policy.shared_service_review
    if a.kind is not Kind.SHARED_SERVICE or not review or not a.dates.start:
        return []
    due = shared_service_review_due(a.dates.start, a.monitoring.shared_service_reviews, review)
    year = year_begins(a.dates.start, review.from_year)
    detail = (
        f"from year {review.from_year} (since "
        f"{date_text(year)}), every {review.interval_months} months"
    )
    return _due(a, "Shared service review", due, detail, review.reference)


def _end_dates(a: Arrangement) -> list[DueItem]:
    """The end date: a decision on renewal or exit, or the end of one already ending (a date
    known only to the month or year is listed from its first day)."""
    end = a.dates.end
    if end is None:
        return []
    if a.status in _RENEWABLE:
        what = RENEWAL_DECISION
        detail = a.dates.renewal or "no renewal arrangement recorded"
        ref = "Appendix 3 1.2"
    elif a.status is Status.ENDING:
        what, detail = ENDS, "complete the exit steps before it ends"
        ref = "Framework 2.10"
    else:
        return []
    return [DueItem(a.id, a.name, what, end.earliest, detail, ref, None if end.exact else end)]


def _exit_steps(a: Arrangement) -> list[DueItem]:
    if a.status is not Status.ENDING or not a.exit_strategy:
        return []
    return [
        DueItem(
            a.id,
            a.name,
            "Exit step",
            step.due,
            step.step + (f" (owner: {step.owner})" if step.owner else ""),
            "Framework 2.10",
        )
        for step in a.exit_strategy.steps
        if step.due and not step.done
    ]


def _urgent_approval(checked: CheckedRecord, policy: Policy, as_of: dt.date) -> list[DueItem]:
    """An urgent arrangement until every approval on its route is recorded."""
    a = checked.record.arrangement
    urgent = policy.urgent_route
    if not (a.is_urgent and urgent and a.dates.start and a.status is not Status.ENDED):
        return []
    route = policy.route_for(a.kind, checked.classification.klass)
    ctx = Context(checked.record, checked.classification, policy, as_of)
    if route is None or not missing_steps(ctx, route):
        return []
    return _due(
        a,
        "Urgent arrangement awaiting approval",
        plus_days(a.dates.start.latest, urgent.approval_within_days),
        f"started {date_text(a.dates.start)}; {describe_route(ctx, route)}",
        urgent.reference,
    )


def compute(data: ReportData, within: int | None = None) -> DueReport:
    days = data.policy.intervals.renewal_notice_days if within is None else within
    until = plus_days(data.as_of, days)
    lists: dict[str, OfficerList] = {}
    for checked in data.records:
        a = checked.record.arrangement
        items = [i for i in due_items(data, checked) if i.due <= until]
        if not items:
            continue
        officer = lists.get(a.lead_officer.name)
        if officer is None:
            officer = lists[a.lead_officer.name] = OfficerList(
                a.lead_officer.name, a.lead_officer.title, [], a.lead_officer.email, []
            )
        if a.department not in officer.departments:
            officer.departments.append(a.department)
        officer.items.extend(items)
    officers = []
    for name in sorted(lists, key=str.casefold):
        found = lists[name]
        officers.append(
            OfficerList(
                found.officer,
                found.title,
                sorted(found.departments),
                found.email,
                sorted(found.items, key=lambda i: (i.due, i.name, i.what)),
            )
        )
    return DueReport(data.as_of, days, until, officers)


def _when(item: DueItem, as_of: dt.date) -> str:
    days = item.days(as_of)
    if days < 0:
        return f"Overdue by {plural(-days, 'day')}"
    if days == 0 and item.known_as is not None:
        return f"Due in {item.known_as.in_words()}"
    return "Due today" if days == 0 else f"Due in {plural(days, 'day')}"


def _columns(as_of: dt.date) -> tuple[Column[DueItem], ...]:
    return (
        Column("Arrangement", lambda i: i.name),
        Column("What", lambda i: i.what),
        Column("Due", lambda i: i.due_text),
        Column("When", lambda i: _when(i, as_of)),
        Column("Details", lambda i: i.detail),
    )


class _Listed(NamedTuple):
    officer: str
    item: DueItem


def _data_columns(as_of: dt.date) -> tuple[Column[_Listed], ...]:
    return (
        Column("Lead officer", lambda row: row.officer),
        Column("Id", lambda row: row.item.id),
        Column("Arrangement", lambda row: row.item.name),
        Column("What", lambda row: row.item.what),
        Column("Due", lambda row: (row.item.known_as or row.item.due).isoformat()),
        Column("Days", lambda row: str(row.item.days(as_of))),
        Column("Overdue", lambda row: yes_no(row.item.is_overdue(as_of))),
        Column("Details", lambda row: row.item.detail),
        Column("Framework", lambda row: row.item.reference),
    )


_COUNT_COLUMNS: tuple[Column[tuple[str, list[int]]], ...] = (
    Column("What", lambda count: count[0]),
    Column("Overdue", lambda count: str(count[1][0]), numeric=True),
    Column("Due in the window", lambda count: str(count[1][1]), numeric=True),
)
_FRONT = Front("due", "Monitoring and reviews due", "Lead officers and Management Team")


def _summary(report: DueReport) -> list[str]:
    items, overdue = report.items, report.overdue()
    return [
        f"As at {date_text(report.as_of)}, {plural(len(items), 'item')} fall due by "
        f"{date_text(report.until)} (the next {plural(report.within, 'day')}) or are overdue, "
        f"across {plural(len(report.officers), 'lead officer')}; {len(overdue)} are overdue.",
        "Each lead officer's list below can be sent to them as it is.",
    ]


def _officer_section(officer: OfficerList, as_of: dt.date) -> Section:
    paragraphs = [f"Department: {', '.join(officer.departments)}."]
    if officer.email:  # a public report has none unless the policy publishes them
        paragraphs.append(f"Contact: {officer.email}")
    return section(
        officer.officer + (f", {officer.title}" if officer.title else ""),
        table(f"Due for {officer.officer}", _columns(as_of), officer.items),
        paragraphs=paragraphs,
    )


def _overview(report: DueReport) -> Section:
    counts: dict[str, list[int]] = {}
    for item in report.items:
        entry = counts.setdefault(item.what, [0, 0])
        entry[0 if item.is_overdue(report.as_of) else 1] += 1
    overdue = len(report.overdue())
    total = ["Total", str(overdue), str(len(report.items) - overdue)]
    return section(
        "Overview", table("What falls due", _COUNT_COLUMNS, sorted(counts.items()), total)
    )


def _how_dates_are_worked_out(policy: Policy) -> list[str]:
    intervals = policy.intervals
    return [
        f"Budget monitoring every {intervals.budget_monitoring_months} months "
        "(Framework 4.5(e): at least quarterly); performance reports every "
        f"{intervals.performance_report_months} months (4.5(c)); each risk "
        f"reviewed every {intervals.risk_review_months} months (4.10); annual "
        + (
            f"review each year in {months_text(intervals.annual_review_window)} (6.6: the autumn)."
            if intervals.annual_review_window
            else f"review every {intervals.annual_review_months} months (6.6)."
        ),
        "The next date is counted from the last one recorded, or from the start date "
        "(a start known only to the month or year counts from its last day).",
        "A date known only to the month or year is listed from its first day and "
        "is overdue only once its last day has passed.",
        "End dates are listed from the approved and running arrangements; exit steps "
        "from those ending; urgent arrangements until every approval on their route "
        "is recorded.",
        f"'Overdue' means the due date has passed; partnerfw check allows "
        f"{intervals.grace_days} days' grace before it reports one.",
        *_class_cycles(policy),
    ]


_CYCLE_WORDS = {
    "budget_monitoring_months": "budget monitoring every {} months",
    "performance_report_months": "performance reports every {} months",
    "risk_review_months": "each risk reviewed every {} months",
    "annual_review_months": "annual review every {} months",
    "target_review_months": "targets reviewed every {} months",
    "audit_opinion_months": "an audit opinion older than {} months noted",
    "renewal_notice_days": "end dates listed {} days ahead",
    "grace_days": "{} days' grace",
}


def _class_cycles(policy: Policy) -> list[str]:
    """A line for each class of partnership with its own review cycle."""
    lines = []
    for definition in policy.scheme.classes:
        cycle = definition.review_cycle
        if not cycle:
            continue
        parts = []
        for name, value in cycle.items():
            if name == "annual_review_window":
                parts.append(
                    f"annual review in {months_text(value)}"
                    if value
                    else "annual review on a rolling cycle, not in a season"
                )
            elif name == "governance_review_window":
                parts.append(f"governance review in {months_text(value)}" if value else "")
            else:
                parts.append(_CYCLE_WORDS[name].format(value))
        listed = "; ".join(p for p in parts if p)
        lines.append(f"{definition.label} ({definition.source}): {listed}.")
    return lines


def paper(report: DueReport, data: ReportData) -> Paper:
    listed = [_Listed(o.officer, i) for o in report.officers for i in o.items]
    return committee_paper(
        _FRONT,
        data,
        _summary(report),
        recommendations(
            "That each lead officer completes the overdue items and records the dates in the "
            "register."
        ),
        [_overview(report), *(_officer_section(o, report.as_of) for o in report.officers)],
        [
            appendix(
                "A",
                "how due dates are worked out",
                bullets=_how_dates_are_worked_out(data.policy),
            )
        ],
        table("Due", _data_columns(report.as_of), listed),
    )
