"""The answers that are amounts (pounds, full-time equivalents) and dates, for ``new`` and
``init``: each returns the value or raises ``ValueError`` with the reason in plain words."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from partnerfw.edit.answers import Answer
from partnerfw.record.money import parse_money
from partnerfw.record.partial_dates import PartialDate, certainly_before, from_words


def money(text: str, _: Answer) -> Decimal:
    """An amount of pounds, read by the one money parser; an empty answer is nothing (£0)."""
    return parse_money(text) if text.strip() else Decimal(0)


def money_or_not_known(text: str, answers: Answer) -> Decimal | None:
    """An amount, or None for an empty answer: not known yet (never taken as £0)."""
    return None if not text.strip() else money(text, answers)


def number(text: str, _: Answer) -> Decimal:
    try:
        value = Decimal(text.strip() or "0")
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number; e.g. 0.5 for half a post") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"'{text}' must be 0 or more")
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def date(text: str, _: Answer) -> PartialDate | None:
    """A day (2027-04-01, 01/04/2027, 1 April 2027), or only the month or year when that is
    all that is known (2027-04, April 2027, 2027): never an invented day."""
    cleaned = text.strip()
    if not cleaned:
        return None
    found = from_words(cleaned)
    if found is None:
        raise ValueError(
            f"'{text}' is not a date; write it as 2027-04-01 (or 01/04/2027), or 2027-04 or "
            "2027 when only the month or year is known"
        )
    return found


def end_date(text: str, answers: Answer) -> PartialDate | None:
    end = date(text, answers)
    start = answers.get("start")
    if end is not None and isinstance(start, PartialDate) and certainly_before(end, start):
        raise ValueError(f"the end date {end} is before the start date {start}")
    return end
