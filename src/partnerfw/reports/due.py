"""What falls due or is overdue: one list per lead officer, so each can be sent their own.

Budget monitoring, performance reports, risk register reviews, annual reviews, the shared
service review from year three, end dates and renewals, exit steps, and urgent arrangements
still awaiting approval. The dates come from the same functions the monitoring rules use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from partnerfw.policy.schema import Policy
from partnerfw.record.models import Kind, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.reports.common import ReportData, date_text
from partnerfw.reports.paper import Paper, Section, Table
from partnerfw.rules.base import Context
from partnerfw.rules.engine import CheckedRecord
from partnerfw.words import plural

_REPORTED = (*EVALUATED, Kind.COMMISSIONING)
_RENEWABLE = (Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW)


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


def items_for(checked: CheckedRecord, policy: Policy, as_of: dt.date) -> list[DueItem]:
    """Everything that falls due for one arrangement, whatever the date."""
    a = checked.record.arrangement
    intervals = policy.intervals
    found: list[DueItem] = []

    def add(what: str, due: dt.date | None, detail: str, reference: str) -> None:
        if due is not None:
            found.append(DueItem(a.id, a.name, what, due, detail, reference))

    def add_partial(what: str, due: PartialDate, detail: str, reference: str) -> None:
        known_as = None if due.exact else due
        found.append(DueItem(a.id, a.name, what, due.earliest, detail, reference, known_as))

    def regular(what: str, dates: list[dt.date], months: int, reference: str) -> None:
        last = max((d for d in dates if d <= as_of), default=None)
        detail = (
            f"every {months} months; last {date_text(last)}"
            if last
            else (f"every {months} months; none recorded since the start")
        )
        add(what, next_due(last, a.dates.start, months), detail, reference)

    running = a.status in RUNNING
    if running and a.kind in _REPORTED:
        regular(
            "Budget monitoring report",
            a.monitoring.budget_reports,
            intervals.budget_monitoring_months,
            "Framework 4.5(e)",
        )
        regular(
            "Performance report",
            a.monitoring.performance_reports,
            intervals.performance_report_months,
            "Framework 4.5(c)",
        )
    if running and a.kind in EVALUATED:
        for risk in a.monitoring.risk_register:
            due = next_due(risk.last_reviewed, a.dates.start, intervals.risk_review_months)
            add(
                "Risk review",
                due,
                f"'{risk.risk}'; last reviewed {date_text(risk.last_reviewed)}",
                "Framework 4.10",
            )
    if running and intervals.annual_review_window:
        reviews = [d for d in a.monitoring.annual_reviews if d <= as_of]
        last = max(reviews, default=None)
        add(
            "Annual review",
            annual_review_due(
                reviews,
                a.dates.start,
                intervals.annual_review_window,
                intervals.annual_review_months,
                as_of,
                intervals.grace_days,
            ),
            f"in the {months_text(intervals.annual_review_window)} review of the register; "
            + (f"last {date_text(last)}" if last else "none recorded"),
            "Framework 6.6",
        )
    elif running:
        regular(
            "Annual review",
            a.monitoring.annual_reviews,
            intervals.annual_review_months,
            "Framework 6.6",
        )
    review = policy.shared_service_review
    if running and a.kind is Kind.SHARED_SERVICE and review and a.dates.start:
        due = shared_service_review_due(a.dates.start, a.monitoring.shared_service_reviews, review)
        year = year_begins(a.dates.start, review.from_year)
        add(
            "Shared service review",
            due,
            f"from year {review.from_year} (since "
            f"{date_text(year)}), every {review.interval_months} months",
            review.reference,
        )
    if a.status in _RENEWABLE and a.dates.end:
        add_partial(
            "End date: decide on renewal or exit",
            a.dates.end,
            a.dates.renewal or "no renewal arrangement recorded",
            "Appendix 3 1.2",
        )
    if a.status is Status.ENDING and a.dates.end:
        add_partial(
            "End date: arrangement ends",
            a.dates.end,
            "complete the exit steps before it ends",
            "Framework 2.10",
        )
    if a.status is Status.ENDING and a.exit_strategy:
        for step in a.exit_strategy.steps:
            if step.due and not step.done:
                add(
                    "Exit step",
                    step.due,
                    step.step + (f" (owner: {step.owner})" if step.owner else ""),
                    "Framework 2.10",
                )
    urgent = policy.urgent_route
    if a.is_urgent and urgent and a.dates.start and a.status is not Status.ENDED:
        route = policy.route_for(a.kind, checked.classification.klass)
        ctx = Context(checked.record, checked.classification, policy, as_of)
        if route is not None and missing_steps(ctx, route):
            add(
                "Urgent arrangement awaiting approval",
                plus_days(a.dates.start.latest, urgent.approval_within_days),
                f"started {date_text(a.dates.start)}; {describe_route(ctx, route)}",
                urgent.reference,
            )
    return found


def compute(data: ReportData, within: int | None = None) -> DueReport:
    days = data.policy.intervals.renewal_notice_days if within is None else within
    until = data.as_of + dt.timedelta(days=days)
    lists: dict[str, OfficerList] = {}
    for checked in data.records:
        a = checked.record.arrangement
        items = [i for i in items_for(checked, data.policy, data.as_of) if i.due <= until]
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


def paper(report: DueReport, data: ReportData) -> Paper:
    intervals = data.policy.intervals
    items = report.items
    overdue = report.overdue()
    summary = [
        f"As at {date_text(report.as_of)}, {plural(len(items), 'item')} fall due by "
        f"{date_text(report.until)} (the next {plural(report.within, 'day')}) or are overdue, "
        f"across {plural(len(report.officers), 'lead officer')}; {len(overdue)} are overdue.",
        "Each lead officer's list below can be sent to them as it is.",
    ]
    sections = []
    for officer in report.officers:
        who = officer.officer + (f", {officer.title}" if officer.title else "")
        paragraphs = [f"Department: {', '.join(officer.departments)}."]
        if officer.email:  # a public report has none unless the policy publishes them
            paragraphs.append(f"Contact: {officer.email}")
        sections.append(
            Section(
                who,
                paragraphs,
                tables=[
                    Table(
                        f"Due for {officer.officer}",
                        ["Arrangement", "What", "Due", "When", "Details"],
                        [
                            [i.name, i.what, i.due_text, _when(i, report.as_of), i.detail]
                            for i in officer.items
                        ],
                    )
                ],
            )
        )
    counts: dict[str, list[int]] = {}
    for item in items:
        entry = counts.setdefault(item.what, [0, 0])
        entry[0 if item.is_overdue(report.as_of) else 1] += 1
    overview = Section(
        "Overview",
        tables=[
            Table(
                "What falls due",
                ["What", "Overdue", "Due in the window"],
                [[what, str(n[0]), str(n[1])] for what, n in sorted(counts.items())],
                numeric=frozenset({1, 2}),
                total=["Total", str(len(overdue)), str(len(items) - len(overdue))],
            )
        ],
    )
    data_table = Table(
        "Due",
        [
            "Lead officer",
            "Id",
            "Arrangement",
            "What",
            "Due",
            "Days",
            "Overdue",
            "Details",
            "Framework",
        ],
        [
            [
                o.officer,
                i.id,
                i.name,
                i.what,
                (i.known_as or i.due).isoformat(),
                str(i.days(report.as_of)),
                "yes" if i.is_overdue(report.as_of) else "no",
                i.detail,
                i.reference,
            ]
            for o in report.officers
            for i in o.items
        ],
    )
    return Paper(
        "due",
        "Monitoring and reviews due",
        data.council,
        "Lead officers and Management Team",
        report.as_of,
        data.policy.title,
        data.scope.describe(),
        data.public,
        summary,
        [
            "That each lead officer completes the overdue items and records the dates in the "
            "register."
        ],
        [overview, *sections],
        [
            Section(
                "Appendix A: how due dates are worked out",
                bullets=[
                    f"Budget monitoring every {intervals.budget_monitoring_months} months "
                    "(Framework 4.5(e): at least quarterly); performance reports every "
                    f"{intervals.performance_report_months} months (4.5(c)); each risk "
                    f"reviewed every {intervals.risk_review_months} months (4.10); annual "
                    + (
                        f"review each year in {months_text(intervals.annual_review_window)} "
                        "(6.6: the autumn)."
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
                ],
            )
        ],
        data_table,
    )
