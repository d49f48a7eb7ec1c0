"""Running the arrangement: performance, finance, risk and the review cycle (4.5-4.10, 6.6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.models import Kind, Status
from partnerfw.partial_dates import PartialDate, on
from partnerfw.policy import SharedServiceReview
from partnerfw.rules.base import (
    ALL_KINDS,
    EVALUATED,
    RUNNING,
    Context,
    Hit,
    add_months,
    plus_days,
    rule,
)

_REPORTED = [*EVALUATED, Kind.COMMISSIONING]
_LIVE_NOT_PROPOSED = [Status.APPROVED, *RUNNING]


def next_due(last: dt.date | None, start: PartialDate | None, months: int) -> dt.date | None:
    """When the next report is due: ``months`` after the last, or after the start (at its
    latest reading, so that a start known only to the month or year is never made late)."""
    base = last or (start.latest if start else None)
    return add_months(base, months) if base else None


def year_begins(start: PartialDate, year: int) -> dt.date:
    """The first day of the arrangement's year ``year`` (1 = the first), at the start's
    latest reading."""
    return add_months(start.latest, 12 * (year - 1))


def shared_service_review_due(
    start: PartialDate, reviews: list[dt.date], review: SharedServiceReview
) -> dt.date:
    """When the revised shared service review is next due: from the start of year
    ``review.from_year``, then every ``review.interval_months`` after the last one."""
    year_begins_ = year_begins(start, review.from_year)
    last = max((d for d in reviews if d >= year_begins_), default=None)
    return add_months(last, review.interval_months) if last else year_begins_


def _also(setting: str, ctx: Context) -> str:
    """', the council's own choice' (or ', not settled: ...') for a setting a message uses."""
    basis = ctx.policy.basis(setting)
    return f", {basis}" if basis else ""


def _overdue(
    ctx: Context,
    dates: list[dt.date],
    setting: str,
    what: str,
    path: tuple[str, ...],
) -> Iterator[Hit]:
    months = getattr(ctx.policy.intervals, setting)
    basis = ctx.policy.basis(f"intervals.{setting}")
    start = ctx.arrangement.dates.start
    last = max((d for d in dates if d <= ctx.today), default=None)
    due = next_due(last, start, months)
    if due is None:
        return
    if ctx.today > plus_days(due, ctx.policy.intervals.grace_days):
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
    months = ctx.policy.intervals.risk_review_months
    for index, risk in enumerate(ctx.arrangement.monitoring.risk_register):
        due = next_due(risk.last_reviewed, ctx.arrangement.dates.start, months)
        if due is not None and ctx.today > plus_days(due, ctx.policy.intervals.grace_days):
            when = (
                f"was last reviewed on {risk.last_reviewed}"
                if risk.last_reviewed
                else ("has never been reviewed")
            )
            basis = ctx.policy.basis("intervals.risk_review_months")
            yield Hit(
                f"risk '{risk.risk}' {when}; its review was due by {due} (every {months} "
                f"months{', ' + basis if basis else ''})",
                ("monitoring", "risk_register", index),
            )


@rule(
    "MON005",
    "monitoring",
    "Annual review",
    Severity.WARNING,
    "Framework 6.6, 5.2.2",
    kinds=ALL_KINDS,
    stages=RUNNING,
)
def annual_review(ctx: Context) -> Iterator[Hit]:
    """Every arrangement on the register is reviewed each year (the autumn review of the
    register, with updates during the year)."""
    yield from _overdue(
        ctx,
        ctx.arrangement.monitoring.annual_reviews,
        "annual_review_months",
        "annual review",
        ("monitoring", "annual_reviews"),
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
    if ctx.today > plus_days(due, ctx.policy.intervals.grace_days):
        yield Hit(
            f"in year {review.from_year} or later (since {begins}) the shared service "
            f"review was due by {due} (every {review.interval_months} months"
            + _also("shared_service_review.interval_months", ctx)
            + "); record it under monitoring.shared_service_reviews",
            ("monitoring",),
            review.reference,
        )


@rule(
    "MON007",
    "monitoring",
    "Outcomes and targets set",
    Severity.WARNING,
    "Framework 4.5(a-b, d)",
    kinds=EVALUATED,
    stages=_LIVE_NOT_PROPOSED,
)
def outcomes_and_targets(ctx: Context) -> Iterator[Hit]:
    """The expected outcomes are stated, with targets, the actions to reach them and who is
    responsible for each."""
    monitoring = ctx.arrangement.monitoring
    if not monitoring.outcomes:
        yield Hit("state the expected outcomes under monitoring.outcomes", ("monitoring",))
    if not monitoring.targets:
        yield Hit("set targets with actions and owners under monitoring.targets", ("monitoring",))
    for index, target in enumerate(monitoring.targets):
        if not target.owner:
            yield Hit(f"target '{target.target}' has no owner", ("monitoring", "targets", index))


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
    window_ends = plus_days(ctx.today, ctx.policy.intervals.renewal_notice_days)
    if end is not None and end.latest >= ctx.today and end.earliest <= window_ends:
        renewal = ctx.arrangement.dates.renewal or "no renewal arrangement recorded"
        yield Hit(
            f"ends {on(end)}: decide on renewal ({renewal}) or start the exit steps (noted "
            f"{ctx.policy.intervals.renewal_notice_days} days ahead"
            + _also("intervals.renewal_notice_days", ctx)
            + ")",
            ("dates", "end"),
        )
