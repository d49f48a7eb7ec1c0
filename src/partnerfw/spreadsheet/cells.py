"""Reading the values of a council's spreadsheet: money, dates, yes/no, names.

Each reader returns a ``Reading``: the value when the text says it EXACTLY ('£10k' is 10000,
'1 April 2016' is 2016-04-01, 'Since 2006' in a start column is 2006), or ``exact=False``
when it does not ('just under £14,000', 'c. 2006', 'in kind', 'N/A'). The importer keeps an
inexact value verbatim for an officer to confirm; nothing here rounds, assumes a day or picks a
likely meaning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from partnerfw.record.money import parse_money
from partnerfw.record.partial_dates import PartialDate, parse_date, parse_day
from partnerfw.spreadsheet.date_words import date_in_words

_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:fte|days?)?$", re.IGNORECASE)
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
    words: str = ""
    """Words around the value that were read with it (a date's 'since'), for the report."""


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


def filled(raw: Any) -> bool:
    """True when a cell holds something: not empty, not only spaces."""
    return raw is not None and not (isinstance(raw, str) and not raw.strip())


def quoted(text: str) -> str:
    """A cell's text in quotes, on one line, for the import's report: 'Jo Bloggs'."""
    return "'" + text.replace("\n", "\\n") + "'"


def repair_encoding(text: str) -> tuple[str, bool | None]:
    """Undo mis-encoding ('Â£' for '£', 'â€™' for '’'), with ftfy. Returns (text, None) when
    nothing looked wrong, (repaired, True) when it was undone, (text, False) when it looks
    wrong but cannot be undone (a '\ufffd' replacement character: the letter is lost).

    Only ftfy's encoding fixes are used: curly quotes, ligatures, full-width letters, line
    breaks and HTML entities are the council's own text and stay as they are."""
    if text.isascii():
        return text, None
    # imported here for speed: ftfy is only needed for text that is not plain ASCII
    import ftfy
    from ftfy.badness import is_bad

    fixed = ftfy.fix_text(text, _encoding_only())
    if "\ufffd" in fixed or is_bad(fixed):
        return text, False
    return (fixed, True) if fixed != text else (text, None)


@functools.cache
def _encoding_only() -> Any:
    import ftfy  # imported here for speed, as in repair_encoding

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
    """Pounds, exactly, as ``money.parse_money`` reads them: '£5,605', '£10k', '7.4m',
    '£1.4M'. Anything else is inexact: '£5605 +VAT', 'just under £14,000', 'in kind',
    'officer time', 'N/A', '75% / 25%'."""
    if isinstance(raw, bool):
        return INEXACT
    if not isinstance(raw, int | float | Decimal):
        raw = as_text(raw).strip()
        if not raw:
            return EMPTY
    try:
        return Reading(parse_money(raw))
    except ValueError:
        return INEXACT


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
    """A day, exactly, as ``partial_dates.parse_day`` reads it: '2016-04-01', '1/4/2016' (day
    first, as in the UK), '1 April 2016'. Inexact: 'April 2016', 'Since 2006', 'from 1 April',
    'Until March 2025', '2019/20'."""
    if isinstance(raw, dt.datetime):
        return Reading(raw.date()) if raw.time() == dt.time() and not raw.tzinfo else INEXACT
    if isinstance(raw, dt.date):
        return Reading(raw)
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    try:
        return Reading(parse_day(text))
    except ValueError:
        return INEXACT


def read_partial_date(raw: Any, field: str = "") -> Reading:
    """A date known to the day, the month or the year, as ``partial_dates.parse_date`` reads
    it ('2016-04-01', '1/4/2016', 'April 2016', '2006'); in a start or end column (``field``)
    also with the words around it that say so ('Since 2006', 'from 1 April 2019', 'Until
    March 2025', 'Dissolved October 2020': ``date_words``), the words given back in the
    reading. Anything else ('c. 2006', '2019/20', 'from 1 April') is inexact."""
    if isinstance(raw, dt.date):
        reading = read_date(raw)
        return Reading(PartialDate.of(reading.value)) if reading.value else reading
    text = as_text(raw).strip()
    if not text:
        return EMPTY
    try:
        return Reading(parse_date(text))
    except ValueError:
        pass
    found = date_in_words(text, field)
    if found is None:
        return INEXACT
    return Reading(found[0], words=found[1])


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
