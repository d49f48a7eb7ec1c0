"""Dates in words, as a council's start and end columns hold them: 'Since 2006', 'from 1 April
2019', 'Established April 2016', '2006 onwards' in a start column; 'Until March 2025',
'Dissolved October 2020', 'expires 31/3/2027' in an end column.

The date itself is read by the one parser (``partial_dates.parse_date``), to the day, the month
or the year it names, never a day more. The words around it are read only when they say what
the column already means: 'since' and 'from' begin something, so they are read in a start
column and kept as written in an end one; 'until' and 'dissolved' end something, so the other
way round. Anything else around a date ('c. 2006', 'early 2016', 'April 2016 (renewed 2021)',
'2019/20', 'from 1 April' without a year) is not read: the importer keeps it as written.
"""

from __future__ import annotations

import re

from partnerfw.record.partial_dates import PartialDate, parse_date

_BEGINS = (
    "since",
    "from",
    "started",
    "starting",
    "start",
    "commenced",
    "commencing",
    "began",
    "begun",
    "established",
    "est",
    "set up",
    "formed",
    "created",
    "launched",
    "live from",
    "live since",
    "in place since",
    "operating since",
    "running since",
    "effective from",
    "with effect from",
    "wef",
    "w.e.f",
    "proposed",
    "proposed start",
    "planned",
    "planned start",
    "expected",
    "anticipated",
    "due to start",
    "due to begin",
)
"""Words before a date saying that something began (or is to begin) then."""
_ENDS = (
    "until",
    "till",
    "to",
    "ends",
    "ending",
    "ended",
    "end",
    "expires",
    "expiring",
    "expired",
    "expiry",
    "due to end",
    "due to expire",
    "closes",
    "closed",
    "ceased",
    "dissolved",
    "terminated",
    "finished",
    "wound up",
    "disbanded",
    "completed",
    "runs to",
    "runs until",
)
"""Words before a date saying that something ended (or is to end) then."""
_BEGINS_AFTER = ("onwards", "to date", "to present", "to the present", "present", "ongoing")
"""Words after a date saying that something began then and still goes on ('2006 onwards')."""
_JOINING = ("in", "on", "at", "the")
_BEGIN_FIELDS = frozenset({"start", "joined"})
_END_FIELDS = frozenset({"end", "left"})


def _phrases(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))


_BEGIN_PHRASES = _phrases(_BEGINS)
_END_PHRASES = _phrases(_ENDS)
_AFTER_PHRASES = _phrases(_BEGINS_AFTER)


def date_in_words(text: str, field: str) -> tuple[PartialDate, str] | None:
    """The date ``text`` gives for the date field named ``field`` (``start``, ``end``,
    ``joined``, ``left``), with the words around it that were read ('since'); None when the
    words do not plainly say that date for that field."""
    if field not in _BEGIN_FIELDS | _END_FIELDS:
        return None
    words = re.findall(r"[a-z0-9/.-]+|[^\sa-z0-9/.-]", text.lower().strip())
    words = [w.rstrip(".") if not re.fullmatch(r"[0-9./-]+", w) else w for w in words]
    words = [w for w in words if w not in {",", ":", "-", "–", "—"}]
    leading = _BEGIN_PHRASES if field in _BEGIN_FIELDS else _END_PHRASES
    said: list[str] = []
    rest = tuple(words)
    for phrase in leading:
        if rest[: len(phrase)] == phrase:
            said.append(" ".join(phrase))
            rest = rest[len(phrase) :]
            break
    if field in _BEGIN_FIELDS:
        for phrase in _AFTER_PHRASES:
            if len(rest) > len(phrase) and rest[-len(phrase) :] == phrase:
                said.append(" ".join(phrase))
                rest = rest[: -len(phrase)]
                break
    if not said:
        return None
    while rest and rest[0] in _JOINING:
        rest = rest[1:]
    try:
        return parse_date(" ".join(rest)), " ... ".join(said)
    except ValueError:
        return None
