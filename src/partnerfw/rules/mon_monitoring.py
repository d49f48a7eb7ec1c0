"""Running the arrangement: performance, finance, risk and the review cycle (4.5-4.10, 6.6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.dates import plus_days
from partnerfw.judge.due_dates import (
    last_closed_window,
    months_text,
    next_due,
    shared_service_review_due,
    year_begins,
)
from partnerfw.judge.stages import ALL_KINDS, ALL_STAGES, EVALUATED, RUNNING
from partnerfw.record.models import Kind, Status
from partnerfw.record.partial_dates import MONTHS, on
from partnerfw.rules.base import Context, Hit, rule

_REPORTED = [*EVALUATED, Kind.COMMISSIONING]
_LIVE_NOT_PROPOSED = [Status.APPROVED, *RUNNING]


def _also(setting: str, ctx: Context) -> str:
    """', the council's own choice' (or ', not settled: ...') for a setting a message uses."""
    basis = ctx.basis(setting)
    return f", {basis}" if basis else ""


def _overdue(
    ctx: Context,
    dates: list[dt.date],
    setting: str,
    what: str,
    path: tuple[str, ...],
) -> Iterator[Hit]:
    months = getattr(ctx.intervals, setting)
    basis = ctx.basis(f"intervals.{setting}")
    start = ctx.arrangement.dates.start
    last = max((d for d in dates if d <= ctx.today), default=None)
    due = next_due(last, start, months)
    if due is None:
        return
    if ctx.today > plus_days(due, ctx.intervals.grace_days):
        since = (
            f"the last was on {last}"
            if last or start is None
            else f"none recorded since the start {on(start)}"
        )
        yield Hit(
            f"{what} overdue: due by {due} ({months}-monthly{', ' + basis if basis else ''}), "
            f"{since}; "
            f"add the date under {'.'.join(path)}",
            path,
            local=ctx.chosen(f"intervals.{setting}"),
        )


@rule(
    "MON001",
    "monitoring",
    "Budget monitoring at least quarterly",
    Severity.ERROR,
    "Framework 4.5(e)",
    kinds=_REPORTED,
    stages=RUNNING,
)
def budget_monitoring(ctx: Context) -> Iterator[Hit]:
    """Finances are monitored through budget monitoring reports, quarterly as a minimum."""
    yield from _overdue(
        ctx,
        ctx.arrangement.monitoring.budget_reports,
        "budget_monitoring_months",
        "budget monitoring",
        ("monitoring", "budget_reports"),
    )


@rule(
    "MON002",
    "monitoring",
    "Regular performance reports",
    Severity.WARNING,
    "Framework 4.5(c)",
    kinds=_REPORTED,
    stages=RUNNING,
)
def performance_reports(ctx: Context) -> Iterator[Hit]:
    """Performance against targets is reported regularly, as often as the policy sets."""
    yield from _overdue(
        ctx,
        ctx.arrangement.monitoring.performance_reports,
        "performance_report_months",
        "performance report",
        ("monitoring", "performance_reports"),
    )


@rule(
    "MON003",
    "monitoring",
    "Risk register with likelihood, impact and mitigation",
    Severity.ERROR,
    "Framework 4.10",
    kinds=EVALUATED,
    stages=_LIVE_NOT_PROPOSED,
)
def risk_register(ctx: Context) -> Iterator[Hit]:
    """The arrangement keeps a risk register; each risk has likelihood, impact, a mitigation
    and an owner."""
    register = ctx.arrangement.monitoring.risk_register
    if not register:
        yield Hit(
            "keep a risk register under monitoring.risk_register (risk, likelihood, impact, "
            "mitigation, owner, last_reviewed)",
            ("monitoring",),
        )
    for index, risk in enumerate(register):
        lacking = [n for n in ("mitigation", "owner") if not getattr(risk, n)]
        if lacking:
            yield Hit(
                f"risk '{risk.risk}' has no {' or '.join(lacking)}",
                ("monitoring", "risk_register", index),
            )


@rule(
    "MON012",
    "monitoring",
    "Risks rated on the council's scale",
    Severity.ERROR,
    "Framework 4.10",
    kinds=ALL_KINDS,
    stages=ALL_STAGES,
)
def risk_scale(ctx: Context) -> Iterator[Hit]:
    """Each risk on the risk register is rated on the council's scales of likelihood and
    impact (the policy's ``risk_scale``; by default 1 rare to 5 almost certain, 1 minor to 5
    severe), so its rating (likelihood × impact) can be placed on the heat map, in the bands
    and the scrutiny score the council chose. The framework leaves the register's format to
    the council (4.10)."""
    scale = ctx.policy.risk_scale
    for index, risk in enumerate(ctx.arrangement.monitoring.risk_register):
        for what, words in (("likelihood", scale.likelihood), ("impact", scale.impact)):
            value = getattr(risk, what)
            if value > len(words):
                yield Hit(
                    f"risk '{risk.risk}' is rated {value} for {what}, but the council's {what} "
                    f"scale runs from 1 ({words[0]}) to {len(words)} ({words[-1]}): rate it on "
                    "that scale",
                    ("monitoring", "risk_register", index, what),
                )


@rule(
    "MON004",
    "monitoring",
    "Risk register reviewed",
    Severity.WARNING,
    "Framework 4.10",
    kinds=EVALUATED,
    stages=RUNNING,
)
def risk_review(ctx: Context) -> Iterator[Hit]:
    """Each risk is reviewed at least as often as the policy's risk review interval."""
    months = ctx.intervals.risk_review_months
    for index, risk in enumerate(ctx.arrangement.monitoring.risk_register):
        due = next_due(risk.last_reviewed, ctx.arrangement.dates.start, months)
        if due is not None and ctx.today > plus_days(due, ctx.intervals.grace_days):
            when = (
                f"was last reviewed on {risk.last_reviewed}"
                if risk.last_reviewed
                else ("has never been reviewed")
            )
            basis = ctx.basis("intervals.risk_review_months")
            yield Hit(
                f"risk '{risk.risk}' {when}; its review was due by {due} (every {months} "
                f"months{', ' + basis if basis else ''})",
                ("monitoring", "risk_register", index),
                local=ctx.chosen("intervals.risk_review_months"),
            )


@rule(
    "MON005",
    "monitoring",
    "Annual review",
    Severity.WARNING,
    "Framework 6.6",
    kinds=ALL_KINDS,
    stages=RUNNING,
)
def annual_review(ctx: Context) -> Iterator[Hit]:
    """Every arrangement on the register is reviewed in the full annual review of the register,
    'undertaken during the Autumn of each year' (6.6), with updates during the year. The
    months are the policy's ``intervals.annual_review_window`` (September to November): each
    year's review must be dated within them once they (and the grace days) are over, for an
    arrangement that had started by then. With no window, every ``annual_review_months``."""
    intervals = ctx.intervals
    reviews = ctx.arrangement.monitoring.annual_reviews
    path = ("monitoring", "annual_reviews")
    if not intervals.annual_review_window:
        yield from _overdue(ctx, reviews, "annual_review_months", "annual review", path)
        return
    start = ctx.arrangement.dates.start
    closed = last_closed_window(ctx.today, intervals.annual_review_window, intervals.grace_days)
    if start is None or closed is None or start.latest > closed[0]:
        return
    first, last = closed
    if any(first <= d <= last for d in reviews):
        return
    season = f"{months_text(intervals.annual_review_window)} {first.year}"
    latest = max((d for d in reviews if d <= ctx.today), default=None)
    said = (
        f"the last recorded was on {latest} ({MONTHS[latest.month - 1]})"
        if latest
        else "none is recorded"
    )
    yield Hit(
        f"no annual review in the {season} review of the register: the framework's full "
        f"annual review takes place in the autumn (6.6) and {said}; record the date of this "
        "arrangement's review in the autumn review under monitoring.annual_reviews",
        path,
        local=ctx.chosen("intervals.annual_review_window"),
    )


@rule(
    "MON006",
    "monitoring",
    "Shared service review from year three",
    Severity.WARNING,
    "Framework review minutes (shared services from year three)",
    kinds=[Kind.SHARED_SERVICE],
    stages=RUNNING,
)
def shared_service_review(ctx: Context) -> Iterator[Hit]:
    """Under the revised framework a shared service is reviewed in the revised way from its
    third year on, as often as the policy sets."""
    review = ctx.policy.shared_service_review
    start = ctx.arrangement.dates.start
    if review is None or start is None:
        return
    begins = year_begins(start, review.from_year)
    if ctx.today < begins:
        return
    due = shared_service_review_due(
        start, ctx.arrangement.monitoring.shared_service_reviews, review
    )
    if ctx.today > plus_days(due, ctx.intervals.grace_days):
        yield Hit(
            f"in year {review.from_year} or later (since {begins}) the shared service "
            f"review was due by {due} (every {review.interval_months} months"
            + _also("shared_service_review.interval_months", ctx)
            + "); record it under monitoring.shared_service_reviews",
            ("monitoring",),
            review.reference,
            local=ctx.chosen(
                "shared_service_review.from_year", "shared_service_review.interval_months"
            ),
        )


@rule(
    "MON007",
    "monitoring",
    "Outcomes, targets, actions and owners set",
    Severity.WARNING,
    "Framework 4.5(a-b)",
    kinds=EVALUATED,
    stages=_LIVE_NOT_PROPOSED,
)
def outcomes_and_targets(ctx: Context) -> Iterator[Hit]:
    """The expected outcomes are stated (4.5(a)), with targets that demonstrate them, the
    actions to be taken to achieve them and the responsibilities for those actions (4.5(b))."""
    monitoring = ctx.arrangement.monitoring
    if not monitoring.outcomes:
        yield Hit("state the expected outcomes under monitoring.outcomes", ("monitoring",))
    if not monitoring.targets:
        yield Hit("set targets with actions and owners under monitoring.targets", ("monitoring",))
    for index, target in enumerate(monitoring.targets):
        lacking = [
            what
            for what, value in (
                ("what action will be taken to achieve it (action)", target.action),
                ("who is responsible for that action (owner)", target.owner),
            )
            if not value
        ]
        if lacking:
            yield Hit(
                f"target '{target.target}' does not say " + " nor ".join(lacking),
                ("monitoring", "targets", index),
            )


@rule(
    "MON011",
    "monitoring",
    "Targets reviewed and updated",
    Severity.WARNING,
    "Framework 4.5(d)",
    kinds=EVALUATED,
    stages=RUNNING,
)
def targets_reviewed(ctx: Context) -> Iterator[Hit]:
    """Targets are reviewed and updated (4.5(d)) at least as often as the policy's
    ``intervals.target_review_months`` (the framework gives no interval: the council's own
    choice); ``last_reviewed`` on each target says when."""
    months = ctx.intervals.target_review_months
    for index, target in enumerate(ctx.arrangement.monitoring.targets):
        due = next_due(target.last_reviewed, ctx.arrangement.dates.start, months)
        if due is None or ctx.today <= plus_days(due, ctx.intervals.grace_days):
            continue
        when = (
            f"was last reviewed on {target.last_reviewed}"
            if target.last_reviewed
            else "has no review recorded"
        )
        yield Hit(
            f"target '{target.target}' {when}; review and update it ({months}-monthly, due by "
            f"{due}) and record the date under last_reviewed",
            ("monitoring", "targets", index),
            local=ctx.chosen("intervals.target_review_months"),
        )


@rule(
    "MON010",
    "monitoring",
    "Officer's assurance for the Annual Governance Statement",
    Severity.WARNING,
    "Framework 6.9",
    kinds=EVALUATED,
    stages=RUNNING,
)
def governance_assurance(ctx: Context) -> Iterator[Hit]:
    """The governance review in February/March each year (the policy's
    ``intervals.governance_review_window``) gathers, for the Annual Governance Statement,
    assurance that the arrangement has the appropriate governance in place and that it is
    still meeting the objectives set out in the register (6.9). After each review (and the
    grace days), an arrangement running by then has ``monitoring.assurance`` dated in or
    after that review, saying both."""
    intervals = ctx.intervals
    if not intervals.governance_review_window:
        return
    start = ctx.arrangement.dates.start
    closed = last_closed_window(ctx.today, intervals.governance_review_window, intervals.grace_days)
    if start is None or closed is None or start.latest > closed[1]:
        return
    first = closed[0]
    assurance = ctx.arrangement.monitoring.assurance
    season = f"{months_text(intervals.governance_review_window)} {first.year}"
    if assurance is None or assurance.date < first:
        given = f"the latest is of {assurance.date}" if assurance else "none is recorded"
        yield Hit(
            f"no officer's assurance from the {season} governance review ({given}): record the "
            "responsible officer's assurance that governance is in place and the arrangement "
            "still meets its objectives under monitoring.assurance (officer, date, "
            "governance_in_place, meeting_objectives)",
            ("monitoring", "assurance") if assurance else ("monitoring",),
            local=ctx.chosen("intervals.governance_review_window"),
        )
        return
    lacking = [
        what
        for what, value in (
            (
                "the appropriate governance arrangements are in place (governance_in_place)",
                assurance.governance_in_place,
            ),
            (
                "it is still meeting the objectives set out in the register (meeting_objectives)",
                assurance.meeting_objectives,
            ),
        )
        if value is not True
    ]
    if lacking:
        yield Hit(
            f"the assurance of {assurance.date} does not say that "
            + ", nor that ".join(lacking)
            + ": record what the officer assured, or the exception for the Annual Governance "
            "Statement",
            ("monitoring", "assurance"),
        )


@rule(
    "MON008",
    "monitoring",
    "End date passed while still running",
    Severity.ERROR,
    "Appendix 3 1.2",
    kinds=ALL_KINDS,
    stages=[Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW],
)
def end_date_passed(ctx: Context) -> Iterator[Hit]:
    """An arrangement past its end date is renewed (new end date) or moved to ending/ended."""
    end = ctx.arrangement.dates.end
    if end is not None and end.latest < ctx.today:
        yield Hit(
            f"the end date {end} has passed but the status is "
            f"{ctx.arrangement.status.value}: record the renewal (new dates.end) or set "
            "the status to ending or ended",
            ("dates", "end"),
        )


@rule(
    "MON009",
    "monitoring",
    "End date or renewal approaching",
    Severity.INFO,
    "Appendix 3 1.2",
    kinds=ALL_KINDS,
    stages=[Status.ACTIVE, Status.UNDER_REVIEW],
)
def end_date_approaching(ctx: Context) -> Iterator[Hit]:
    """The arrangement ends within the policy's notice window: decide on renewal or exit.
    An end date known only to the month or year is reminded of as soon as its first day is
    within the window."""
    end = ctx.arrangement.dates.end
    window_ends = plus_days(ctx.today, ctx.intervals.renewal_notice_days)
    if end is not None and end.latest >= ctx.today and end.earliest <= window_ends:
        renewal = ctx.arrangement.dates.renewal or "no renewal arrangement recorded"
        yield Hit(
            f"ends {on(end)}: decide on renewal ({renewal}) or start the exit steps (noted "
            f"{ctx.intervals.renewal_notice_days} days ahead"
            + _also("intervals.renewal_notice_days", ctx)
            + ")",
            ("dates", "end"),
        )
