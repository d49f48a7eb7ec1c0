"""Reading the values of a council's spreadsheet: money, dates, yes/no, names.

Each reader returns a ``Reading``: the value when the text says it EXACTLY ('£10k' is 10000,
'1 April 2016' is 2016-04-01), or ``exact=False`` when it does not ('just under £14,000',
'April 2016', 'in kind', 'N/A'). The importer keeps an inexact value verbatim for an officer
to confirm; nothing here rounds, assumes a day or picks a likely meaning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from partnerfw.record.partial_dates import PartialDate

_MULTIPLIERS = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_MONEY = re.compile(
    r"^(?:£|gbp)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(k|thousand|m|million|mn|bn|billion)?$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:fte|days?)?$", re.IGNORECASE)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$", re.I)
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.I)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_TRUE = frozenset({"true", "yes", "y"})
_FALSE = frozenset({"false", "no", "n"})
INDEFINITE = frozenset(
    {
        "indefinite",
        "ongoing",
        "open ended",
        "open-ended",
        "no end date",
        "no fixed end",
        "no fixed end date",
        "permanent",
        "rolling",
    }
)
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Reading:
    value: Any = None
    """The exact value, or None when there is none (an empty cell) or it is inexact."""
    exact: bool = True
    """False when the text says something this reader cannot turn into an exact value."""


EMPTY = Reading()
INEXACT = Reading(None, False)


def as_text(raw: Any) -> str:
    """A cell's value as text, the way the spreadsheet shows it."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def repair_encoding(text: str) -> tuple[str, bool | None]:
    """Undo mis-encoding ('Â£' for '£', 'â€™' for '’'), with ftfy. Returns (text, None) when
    nothing looked wrong, (repaired, True) when it was undone, (text, False) when it looks
    wrong but cannot be undone (a '\ufffd' replacement character: the letter is lost).

    Only ftfy's encoding fixes are used: curly quotes, ligatures, full-width letters, line
    breaks and HTML entities are the council's own text and stay as they are."""
    if text.isascii():
        return text, None
    import ftfy
    from ftfy.badness import is_bad

    fixed = ftfy.fix_text(text, _encoding_only())
    if "\ufffd" in fixed or is_bad(fixed):
        return text, False
    return (fixed, True) if fixed != text else (text, None)


@functools.cache
def _encoding_only() -> Any:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def tidy(text: str, collapse: bool) -> str:
    """Strip the ends; with ``collapse`` (names), also runs of spaces inside."""
    text = text.replace("\xa0", " ").strip()
    if collapse:
        text = "\n".join(re.sub(r"[ \t]{2,}", " ", line).strip() for line in text.split("\n"))
    return text


def read_money(raw: Any) -> Reading:
    """Pounds, exactly: '£5,605', '£10k', '7.4m', '£1.4M'. Anything else is inexact:
    '£5605 +VAT', 'just under £14,000', 'in kind', 'officer time', 'N/A', '75% / 25%'."""
    if isinstance(raw, bool):
        return INEXACT
    if isinstance(raw, int | float | Decimal):
        value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        return _pounds(value)
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    match = _MONEY.match(text.replace(" ", "") if text.startswith("£") else text)
    if match is None:
        return INEXACT
    amount = Decimal(match.group(1).replace(",", ""))
    return _pounds(amount * _MULTIPLIERS[(match.group(2) or "").lower()])


def _pounds(value: Decimal) -> Reading:
    if value < 0 or value != value.quantize(Decimal("0.01")):
        return INEXACT
    value = Decimal(int(value)) if value == value.to_integral_value() else value.normalize()
    return Reading(value) if len(value.as_tuple().digits) <= 14 else INEXACT


def read_number(raw: Any) -> Reading:
    """A plain number such as staff FTE: '0.5', '0.5 FTE'."""
    if isinstance(raw, bool):
        return INEXACT
    if isinstance(raw, int | float):
        return Reading(Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw))
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    match = _NUMBER.match(text)
    return Reading(Decimal(match.group(1))) if match else INEXACT


def read_int(raw: Any) -> Reading:
    if isinstance(raw, bool):
        return INEXACT
    if isinstance(raw, int):
        return Reading(raw)
    if isinstance(raw, float):
        return Reading(int(raw)) if raw.is_integer() else INEXACT
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    return Reading(int(text)) if text.isdigit() else INEXACT


def read_bool(raw: Any) -> Reading:
    if isinstance(raw, bool):
        return Reading(raw)
    text = as_text(raw).strip().lower()
    if not text:
        return EMPTY
    if text in _TRUE:
        return Reading(True)
    if text in _FALSE:
        return Reading(False)
    return INEXACT


def read_date(raw: Any) -> Reading:
    """A day, exactly: '2016-04-01', '1/4/2016' (day first, as in the UK), '1 April 2016'.
    Inexact: 'April 2016', 'Since 2006', 'from 1 April', 'Until March 2025', '2019/20'."""
    if isinstance(raw, dt.datetime):
        return Reading(raw.date()) if raw.time() == dt.time() and not raw.tzinfo else INEXACT
    if isinstance(raw, dt.date):
        return Reading(raw)
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return Reading(dt.date.fromisoformat(text))
        if match := _NUMERIC_DATE.match(text):
            day, month, year = (int(g) for g in match.groups())
            return Reading(dt.date(year, month, day))
        if match := _DAY_MONTH_YEAR.match(text):
            return _named(int(match[3]), match[2], int(match[1]))
        if match := _MONTH_DAY_YEAR.match(text):
            return _named(int(match[3]), match[1], int(match[2]))
    except ValueError:
        return INEXACT
    return INEXACT


def read_partial_date(raw: Any) -> Reading:
    """A date known to the day, the month or the year. A day is read as ``read_date`` reads
    it; a month or year only when written as a record writes it (``2020-10``, ``2006``, as
    ``export`` writes them). Words ('April 2016', 'Since 2006') are not read here: for those,
    ``partial_dates.from_words`` says what date the words name."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, float) and raw.is_integer():
        raw = str(int(raw))
    if isinstance(raw, str) and re.fullmatch(r"\s*\d{4}(?:-\d{2})?\s*", raw):
        try:
            return Reading(PartialDate.parse(raw.strip()))
        except ValueError:
            return INEXACT
    reading = read_date(raw)
    if reading.exact and isinstance(reading.value, dt.date):
        return Reading(PartialDate.of(reading.value))
    return reading


def _named(year: int, month_name: str, day: int) -> Reading:
    month = _MONTHS.get(month_name.lower())
    return Reading(dt.date(year, month, day)) if month else INEXACT


def words(text: str) -> str:
    """Lower case words joined by '_' ('Shared service' -> 'shared_service')."""
    text = text.lower().replace("&", " and ")
    return "_".join(re.findall(r"[a-z0-9]+", text))


def read_enum(raw: Any, enum: type[Enum], synonyms: dict[str, str]) -> Reading:
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    key = words(text)
    values = {str(member.value): member for member in enum}
    if key in values:
        return Reading(values[key])
    if key in synonyms:
        return Reading(values[synonyms[key]])
    return INEXACT


def split_list(text: str) -> list[str]:
    """Items of a list written in one cell, one a line or separated by semicolons."""
    return [item.strip() for item in re.split(r"[;\n]", text) if item.strip()]
