"""Counting forward or back from a date: months later and days later, never past the ends of
the calendar.

A date past year 9999 becomes the last representable date (``date.max``), i.e. never: a
review cycle or deadline that far ahead never falls due. A date before year 1 becomes the
first (``date.min``), i.e. always: a period reaching back that far covers everything. So a
command run ``--today 9999-12-31`` or ``--as-of 0001-01-01``, or asked to look a billion days
ahead (``--within``), gives an answer, never an overflow.
"""

from __future__ import annotations

import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (earlier when negative; the month's last day if
    shorter); past year 9999 the last representable date, before year 1 the first."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def plus_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` (minus when negative), or the last (first) representable date
    when that is past year 9999 (before year 1), however large ``days`` is."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
