"""How long an arrangement runs, from its dates, compared conservatively.

A date may be known only to the year or the month (``2020``, ``2020-10``): it then stands for
every day it could be, and a comparison is decided only when every possible day gives the same
answer. Otherwise the answer is ``None``: it cannot be told from the record.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from partnerfw.judge.dates import add_months

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day a (possibly partial) date can be; None when not a date.

    Takes a date, a year (``2020``), a text ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or any
    object with ``earliest`` and ``latest`` dates (attributes or methods)."""
    if isinstance(value, dt.datetime):
        return value.date(), value.date()
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    if isinstance(value, str):
        match = _PARTIAL.match(value.strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            if month is None:
                return dt.date(year, 1, 1), dt.date(year, 12, 31)
            last = calendar.monthrange(year, month)[1]
            if day is None:
                return dt.date(year, month, 1), dt.date(year, month, last)
            return dt.date(year, month, day), dt.date(year, month, day)
        except (ValueError, calendar.IllegalMonthError):
            return None
    earliest, latest = getattr(value, "earliest", None), getattr(value, "latest", None)
    earliest = earliest() if callable(earliest) else earliest
    latest = latest() if callable(latest) else latest
    if isinstance(earliest, dt.date) and isinstance(latest, dt.date):
        return earliest, latest
    return None


def lasts_at_least(start: Any, end: Any, years: Decimal, strict: bool = False) -> bool | None:
    """Whether a term from ``start`` to ``end`` (both days included) lasts at least ``years``
    (with ``strict``, more than ``years``: at least a day longer): True or False when every day
    the dates could be agrees, None when they do not (or a date is missing). 1 April 2020 to
    31 March 2025 is exactly 5 years: at least 5, not more than 5."""
    first, last = bounds(start), bounds(end)
    if first is None or last is None:
        return None
    months = int(years * 12)
    shortest_met = _day_after(last[0]) >= _needed(add_months(first[1], months), strict)
    longest_met = _day_after(last[1]) >= _needed(add_months(first[0], months), strict)
    if shortest_met:
        return True
    if not longest_met:
        return False
    return None


def term_text(start: Any, end: Any) -> str:
    """'1 Apr 2020 to 31 Mar 2025 (5 years)' or, for partial dates, '2020 to 2025-10'."""
    shown = f"{_shown(start)} to {_shown(end)}"
    length = term_length(start, end)
    return f"{shown} ({length})" if length else shown


def term_length(start: Any, end: Any) -> str | None:
    """'5 years', '2 years 6 months': the term in whole years and months, when both dates are
    known to the day (None otherwise)."""
    first, last = bounds(start), bounds(end)
    if first is None or last is None or first[0] != first[1] or last[0] != last[1]:
        return None
    after = _day_after(last[0])
    months = (after.year - first[0].year) * 12 + after.month - first[0].month
    while months > 0 and add_months(first[0], months) > after:
        months -= 1
    years, rest = divmod(max(months, 0), 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not parts:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _shown(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _needed(day: dt.date, strict: bool) -> dt.date:
    """The day after the term must reach: the anniversary, or a day more for 'more than'."""
    return _day_after(day) if strict else day


def _day_after(day: dt.date) -> dt.date:
    return dt.date.max if day == dt.date.max else day + dt.timedelta(days=1)
