"""Counting forward from a date: months later and days later, never past the last date.

A date past year 9999 becomes the last representable date (``date.max``), i.e. never: a
review cycle or deadline that far ahead never falls due.
"""

from __future__ import annotations

import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day if shorter); dates past year 9999
    become the last representable date, i.e. never."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def plus_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, or the last representable date if that is past year 9999."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max
