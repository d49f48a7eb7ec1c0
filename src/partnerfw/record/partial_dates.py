"""Dates as councils write them: known to the day, the month or only the year.

A register taken from a council's papers says "since 2006" or "dissolved October 2020" as often
as "from 1 April 2016". A :class:`PartialDate` keeps what was known and nothing more:
``2006``, ``2020-10`` or ``2020-10-14`` in a record, never an invented day.

**How partnerfw compares them (the one convention, used by every rule and report).** A partial
date stands for a span of days: ``2020-10`` is any day from 1 to 31 October 2020. partnerfw
never guesses a day inside it; a finding is raised only when it holds at every day the date
could mean:

- something is *late* or *overdue* (a report due twelve months after the start, an end date
  passed while still running) only when it is late even at the date's **latest** day;
- something has *started* or *happened* (a proposal whose start date has passed, a phase in
  force, a partner who has joined or left) only when it has, even at its latest day;
- something is *still to come* (an active record that has not started yet, an ended record
  whose end date is in the future) only when it is, even at its **earliest** day;
- a *reminder* that something falls due soon (an end date within the renewal window) is given
  when the earliest day falls within the window: a reminder that comes early costs less than
  one that comes late;
- two dates are *out of order* (an end before a start, a partner leaving before joining,
  phases overlapping) only when they are out of order however each is read.

``earliest`` and ``latest`` give the two ends of the span; code never compares a
:class:`PartialDate` with a date directly (it has no ``<``), so every comparison states which
reading it takes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTH_NUMBERS.update({name[:3].lower(): n for name, n in list(_MONTH_NUMBERS.items())})
_MONTH_NUMBERS["sept"] = 9
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$"
"""The spellings a record may use, for the JSON Schema: YYYY, YYYY-MM or YYYY-MM-DD."""
_EARLIEST_YEAR = 1000
HOW_TO_WRITE = "write it as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"


class PartialDate:
    """A date known to the year, the month or the day (``2006``, ``2020-10``, ``2020-10-14``).

    Immutable and hashable; equal when written the same (``2020-10`` is not ``2020-10-01``).
    Not a dataclass, so that ``model_dump()`` keeps it whole rather than as a dict."""

    __slots__ = ("day", "month", "year")
    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            raise ValueError(f"the year {year} is not a year a record can mean")
        if month is None and day is not None:
            raise ValueError("a date with a day needs its month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"there is no month {month:02d}; months run from 01 to 12")
        if day is not None:
            dt.date(year, month or 1, day)  # raises for 2025-02-30
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a PartialDate cannot be changed")

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None]]:
        """Pickled as its parts (the check cache keeps records), made again through
        ``__init__``."""
        return PartialDate, (self.year, self.month, self.day)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate('{self.isoformat()}')"

    # -- reading ---------------------------------------------------------------------------

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        """A date as a record may write it: a YAML date, ``2006`` (a number or text),
        ``"2020-10"`` or ``"2020-10-14"``. Anything else raises ``ValueError`` saying how to
        write it (and, for '14 October 2020', what it would be)."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            if value.time() != dt.time() or value.tzinfo:
                raise ValueError(f"'{value}' has a time of day; {HOW_TO_WRITE}")
            return cls.of(value.date())
        if isinstance(value, dt.date):
            return cls.of(value)
        if isinstance(value, bool):
            raise ValueError(f"{str(value).lower()} is not a date; {HOW_TO_WRITE}")
        if isinstance(value, int):
            if not _EARLIEST_YEAR <= value <= dt.MAXYEAR:  # a year is written with four digits
                raise ValueError(
                    f"'{value}' is not a year a record can mean; write a year as four digits "
                    f"(2006), or {HOW_TO_WRITE}"
                )
            return cls._from_parts(str(value), value, None, None)
        if not isinstance(value, str):
            raise ValueError(f"a {type(value).__name__} is not a date; {HOW_TO_WRITE}")
        text = value.strip()
        match = _ISO.match(text)
        if match is None:
            raise ValueError(_advice(value))
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls._from_parts(value, year, month, day)

    @classmethod
    def _from_parts(cls, shown: str, year: int, month: int | None, day: int | None) -> PartialDate:
        try:
            return cls(year, month, day)
        except ValueError as exc:
            raise ValueError(f"'{shown}' is not a real date ({exc}); {HOW_TO_WRITE}") from None

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """An exact day."""
        return cls(day.year, day.month, day.day)

    # -- what it means ---------------------------------------------------------------------

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def exact(self) -> dt.date | None:
        """The day, when it is known to the day."""
        return dt.date(self.year, self.month, self.day) if self.month and self.day else None

    @property
    def earliest(self) -> dt.date:
        """The first day the date could mean (1 October 2020 for ``2020-10``)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date could mean (31 October 2020 for ``2020-10``)."""
        if self.day is not None:
            return self.earliest
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order by the earliest day, a less precise date before a more precise one."""
        return (self.earliest, self.latest)

    def isoformat(self) -> str:
        """``2006``, ``2020-10`` or ``2020-10-14``: as the record writes it."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def in_words(self) -> str:
        """``2006``, ``October 2020`` or ``14 October 2020`` (GOV.UK style)."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"

    def yaml_value(self) -> dt.date | int | str:
        """How a record file writes it: a date, a year as a number, ``2020-10`` as text."""
        if self.month is None:
            return self.year
        return self.exact or self.isoformat()

    # -- as a pydantic field ---------------------------------------------------------------

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialise, info_arg=True
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "pattern": PATTERN},
                {"type": "integer", "minimum": _EARLIEST_YEAR, "maximum": dt.MAXYEAR},
            ],
            "examples": ["2020-10-14", "2020-10", 2006],
        }


def _serialise(value: PartialDate, info: core_schema.SerializationInfo) -> Any:
    """Itself in Python (``model_dump()``), its spelling in JSON (``2020-10``)."""
    return value.isoformat() if info.mode_is_json() else value


def _advice(value: str) -> str:
    """Why ``value`` is not a date, with the spelling to use when it reads as one."""
    suggestion = from_words(value)
    if suggestion is not None:
        return f"'{value}' is not written as a date partnerfw reads: write {suggestion}"
    return f"'{value}' is not a date partnerfw can read; {HOW_TO_WRITE}, e.g. 2026-03-31"


# -- dates as people write them -----------------------------------------------------------

_WORDS = re.compile(
    r"(?:(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[a-z]+)\.?,?\s+(?P<year>[0-9]{4})\Z"
)
_MONTH_FIRST = re.compile(
    r"(?P<month>[a-z]+)\.?\s+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>[0-9]{4})\Z"
)
_NUMBERS = re.compile(
    r"(?:(?P<day>[0-9]{1,2})[/.-])?(?P<month>[0-9]{1,2})[/.-](?P<year>[0-9]{4})\Z"
)
DAY_FORMS = "2026-11-23 (YYYY-MM-DD), 23/11/2026 (day first) or 23 November 2026"
"""How to write a day, for a message: the forms ``parse_date`` reads, and ``parse_day``."""


def parse_date(text: str) -> PartialDate:
    """The one reader of a date as people write it, for ``new``, ``import`` and the
    command-line options. Reads a day, or only a month or a year when that is all it says:

    - ``2026-11-23``, ``2026-11``, ``2026`` (as a record writes it);
    - ``23/11/2026``, ``23.11.2026``, ``23-11-2026`` and ``11/2026``: day first, as in the UK;
    - ``23 November 2026``, ``23rd Nov 2026``, ``November 23, 2026``, ``November 2026``,
      ``Sept 2026`` (any case, with or without a full stop after a short month).

    Raises ``ValueError`` saying why for anything else: a date that does not exist
    ('31/02/2026'), a two-digit year ('23/11/26'), words around a date ('since 2006',
    'until March 2025'), a range ('2019/20'). Whether 'since' means the start is for the
    caller to decide; nothing here guesses a day or a meaning."""
    cleaned = " ".join(text.strip().lower().split())
    parts = _parts(cleaned)
    if parts is None:
        raise ValueError(f"'{text}' is not a date partnerfw can read")
    try:
        return PartialDate(*parts)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date ({exc})") from None


def _parts(cleaned: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) as ``cleaned`` writes them, month and day None when it does not
    give them; None when it is not written as a date (or names no month: 'Smarch 2020')."""
    words = _WORDS.match(cleaned) or _MONTH_FIRST.match(cleaned)
    if match := _ISO.match(cleaned):
        year, month, day = match.groups()
    elif match := _NUMBERS.match(cleaned):
        year, month, day = match["year"], match["month"], match["day"]
    elif words is not None and words["month"] in _MONTH_NUMBERS:
        year, month, day = words["year"], str(_MONTH_NUMBERS[words["month"]]), words["day"]
    else:
        return None
    return int(year), int(month) if month else None, int(day) if day else None


def parse_day(text: str) -> dt.date:
    """A day, read as ``parse_date`` reads it; ``ValueError`` for a date that names only a
    month or a year ('November 2026': which day of it?), saying so."""
    found = parse_date(text)
    if found.exact is None:
        raise ValueError(f"'{text}' is not a day: it names only the {found.precision}")
    return found.exact


def from_words(text: str) -> PartialDate | None:
    """The date ``text`` plainly is, read by ``parse_date``; None when it is not one."""
    try:
        return parse_date(text)
    except ValueError:
        return None


def in_words(value: PartialDate | dt.date | None) -> str:
    """A date (exact or partial) for a reader: ``14 October 2020``, ``October 2020``,
    ``2006``; an empty string for none."""
    if value is None:
        return ""
    if isinstance(value, PartialDate):
        return value.in_words()
    return PartialDate.of(value).in_words()


def latest(value: PartialDate | None) -> dt.date | None:
    """The latest day ``value`` could mean, or None."""
    return value.latest if value is not None else None


def earliest(value: PartialDate | None) -> dt.date | None:
    """The earliest day ``value`` could mean, or None."""
    return value.earliest if value is not None else None


def certainly_before(first: PartialDate, second: PartialDate) -> bool:
    """True when ``first`` is before ``second`` however each is read."""
    return first.latest < second.earliest


def on(value: PartialDate) -> str:
    """``on 2020-10-14``, ``in 2020-10`` or ``in 2006``, for a message."""
    return f"{'on' if value.day else 'in'} {value}"
