"""When the next report or review falls due: the monitoring cycle (4.5-4.10, 6.6).

Budget and performance reports, risk and target reviews fall due a number of months after the
last one (or after the start); the annual review of the register is due in its autumn window;
the revised shared service review from the arrangement's third year. The monitoring rules,
the register's pages and the due-dates paper all count the same way.
"""

from __future__ import annotations

import datetime as dt

from partnerfw.judge.dates import add_months, plus_days
from partnerfw.policy.schema import SharedServiceReview
from partnerfw.record.partial_dates import MONTHS, PartialDate


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


def window(year: int, months: list[int]) -> tuple[dt.date, dt.date]:
    """The first and last day of the months ``months`` (consecutive, within one year) of
    ``year``: ([9, 10, 11], 2025) -> 2025-09-01, 2025-11-30."""
    first = dt.date(year, min(months), 1)
    last = add_months(dt.date(year, max(months), 1), 1) - dt.timedelta(days=1)
    return first, last


def months_text(months: list[int]) -> str:
    """'September to November' for a window of months; one month's name for one."""
    names = [MONTHS[m - 1] for m in sorted(months)]
    return names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"


def last_closed_window(
    today: dt.date, months: list[int], grace_days: int
) -> tuple[dt.date, dt.date] | None:
    """The latest window of ``months`` that closed, with its grace days, before ``today``
    (None before the first one the calendar holds)."""
    for year in range(min(today.year, dt.MAXYEAR - 1), max(dt.MINYEAR, today.year - 2) - 1, -1):
        first, last = window(year, months)
        if plus_days(last, grace_days) < today:
            return first, last
    return None


def annual_review_due(
    reviews: list[dt.date],
    start: PartialDate | None,
    window_months: list[int],
    months: int,
    today: dt.date,
    grace_days: int = 0,
) -> dt.date | None:
    """When the annual review is due (6.6: in the autumn): the end of the last closed window
    when its review was missed (overdue, as MON005 reports), else the end of this year's window,
    or of next year's once this year's review is recorded. Without a window, ``months`` after
    the last review or the start."""
    if not window_months:
        last = max((d for d in reviews if d <= today), default=None)
        return next_due(last, start, months)
    closed = last_closed_window(today, window_months, grace_days)
    if (
        closed is not None
        and start is not None
        and start.latest <= closed[0]
        and not any(closed[0] <= d <= closed[1] for d in reviews)
    ):
        return closed[1]
    year = min(today.year, dt.MAXYEAR - 1)
    first, last = window(year, window_months)
    if any(first <= d <= last for d in reviews):
        return window(year + 1, window_months)[1]
    return last
