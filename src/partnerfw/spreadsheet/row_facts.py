"""Cells that fill a part of the record, as councils' registers write them in one column:

- the statutory basis: 'Yes', 'Non-statutory', 'Yes - Crime and Disorder Act 1998 s5';
- external funding: 'Sport England £50,000', 'Home Office (Safer Streets Fund) £245k
  (applied for)', 'None';
- a joint committee: 'Yes', 'No', or its name;
- an audit opinion: 'Reasonable', 'Limited assurance 20/03/2026'.

Each is read into its fields only where the words say them exactly (the Act's name as written,
an amount ``money.parse_money`` reads, a day ``partial_dates.parse_day`` reads); what is left
over is kept as written for an officer to confirm, and a part that needs more than the cell
gives (an Act for a statutory arrangement, the seats of a joint committee, the date of an
audit opinion) is kept as written by the record's own check when the row is validated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from partnerfw.record.models import AssuranceLevel
from partnerfw.record.money import parse_money
from partnerfw.record.partial_dates import parse_day
from partnerfw.spreadsheet import cells
from partnerfw.spreadsheet.row import Row

_NONE = frozenset({"none", "no", "n", "nil", "n a", "na", "not applicable", "false"})
_YES = frozenset({"yes", "y", "true"})
_STATUTORY = frozenset(
    {
        *_YES,
        "statutory",
        "statutory partnership",
        "statutory duty",
        "statutory requirement",
        "required by law",
        "mandatory",
    }
)
_NOT_STATUTORY = frozenset(
    {"no", "n", "false", "non statutory", "not statutory", "discretionary", "voluntary"}
)
_ACT = re.compile(
    r"\b([A-Z][A-Za-z'’-]*(?:\s+(?:[A-Z][A-Za-z'’-]*|and|of|the|for|in|on|to))*\s+Act"
    r"(?:\s+\d{4})?)"
)
_SECTION = re.compile(
    r"\b((?:s|ss|sec|section|sections)\.?\s*\d+[A-Z]?(?:\(\d+[a-z]?\))*)", re.IGNORECASE
)
_MONEY = re.compile(
    r"£\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|thousand)?\b"
    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:k|m|million)\b",
    re.IGNORECASE,
)
_INEXACT = re.compile(
    r"\b(?:up to|approx\w*|about|around|circa|c\.|estimated|est|over|under|nearly|almost|"
    r"at least|per annum|pa|a year|per year|each year|annually|per month|plus|\+)",
    re.IGNORECASE,
)
_NOT_SECURED = re.compile(
    r"\(?\b(?:applied for|bid submitted|bid|pending|potential|awaiting decision|awaiting|"
    r"not yet secured|unconfirmed|provisional)\b\)?",
    re.IGNORECASE,
)
_LEVELS = (
    ("no assurance", AssuranceLevel.NO_ASSURANCE),
    ("nil assurance", AssuranceLevel.NO_ASSURANCE),
    ("substantial", AssuranceLevel.SUBSTANTIAL),
    ("reasonable", AssuranceLevel.REASONABLE),
    ("limited", AssuranceLevel.LIMITED),
)
_DAY = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4}\b"
)


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


def read_statutory(state: Row, text: str, header: str) -> None:
    """'Yes', 'Non-statutory', 'Crime and Disorder Act 1998 s5', 'Yes - Children Act 2004'."""
    key = _key(text)
    act = _ACT.search(text)
    if key in _NOT_STATUTORY:
        state.set("statutory_basis.statutory", False, text)
    elif act is not None and not key.startswith(("no ", "non ", "not ")):
        state.set("statutory_basis.statutory", True, text)
        state.set("statutory_basis.act", act.group(1), text)
        section = _SECTION.search(text[act.end() :])
        if section is not None:
            state.set("statutory_basis.section", section.group(1), text)
    elif key in _STATUTORY:  # an Act is needed too: the record's check keeps it as written
        state.set("statutory_basis.statutory", True, text)
    else:
        state.flag("statutory_basis", text)


def read_external_funding(state: Row, text: str, header: str) -> None:
    """One award a line (or separated by ';'): its source and amount, and whether it is only
    applied for; 'None' is none. Awards that cannot be read so are kept as written."""
    if _key(text) in _NONE:
        state.result.read_words.append((header, text.strip(), "none"))
        return
    position = _next_index(state, "external_funding")
    unread = []
    for piece in cells.split_list(text):
        found = _MONEY.findall(piece)
        amount = _amount(found[0]) if len(found) == 1 else None
        rest = _NOT_SECURED.sub(" ", _MONEY.sub(" ", piece))
        scheme = re.search(r"\(([^()]+)\)", rest)
        source = _tidy(re.sub(r"\([^()]*\)", " ", rest))
        if amount is None or not source or _INEXACT.search(piece):
            unread.append(piece)
            continue
        at = f"external_funding.{position}"
        position += 1
        state.set(f"{at}.source", source, piece)
        state.set(f"{at}.amount", amount, piece)
        if scheme is not None and _tidy(scheme.group(1)):
            state.set(f"{at}.scheme", _tidy(scheme.group(1)), piece)
        if _NOT_SECURED.search(piece):
            state.set(f"{at}.secured", False, piece)
    if unread:
        state.flag("external_funding", "; ".join(unread))


def read_joint_committee(state: Row, text: str, header: str) -> None:
    """'No' is none; 'Yes' is kept as written (which committee?); anything else is its name."""
    key = _key(text)
    if key in _NONE:
        state.result.read_words.append((header, text.strip(), "none"))
    elif key in _YES:
        state.flag("joint_committee", text)
    else:
        state.set("joint_committee.name", cells.tidy(text, collapse=True), text)


def read_audit_opinion(state: Row, text: str, header: str) -> None:
    """An opinion (substantial, reasonable, limited, no assurance), with its day if the cell
    gives one; one a line. Lines that cannot be read so are kept as written."""
    position = _next_index(state, "monitoring.audit_opinions")
    unread = []
    for piece in cells.split_list(text):
        key = _key(piece)
        levels = {level for words, level in _LEVELS if re.search(rf"\b{words}\b", key)}
        days = _DAY.findall(piece)
        day = _day(days[0]) if len(days) == 1 else None
        if len(levels) != 1 or (days and day is None):
            unread.append(piece)
            continue
        at = f"monitoring.audit_opinions.{position}"
        position += 1
        state.set(f"{at}.opinion", levels.pop(), piece)
        if day is not None:
            state.set(f"{at}.date", day, piece)
    if unread:
        state.flag("monitoring.audit_opinions", "; ".join(unread))


FACT_READERS: dict[str, Callable[[Row, str, str], None]] = {
    "statutory_basis": read_statutory,
    "external_funding": read_external_funding,
    "joint_committee": read_joint_committee,
    "monitoring.audit_opinions": read_audit_opinion,
}
"""The cells read by a reader of their own, by the field path their column fills."""


def _next_index(state: Row, path: str) -> int:
    """The first free position of the list at ``path`` (another column may have filled one)."""
    taken = [
        int(p[len(path) + 1 :].split(".")[0])
        for p in state.values
        if p.startswith(path + ".") and p[len(path) + 1 :].split(".")[0].isdigit()
    ]
    return 1 + max(taken, default=-1)


def _amount(text: str) -> object:
    try:
        return parse_money(text.replace(" ", ""))
    except ValueError:
        return None


def _day(text: str) -> object:
    try:
        return parse_day(text)
    except ValueError:
        return None


def _tidy(text: str) -> str:
    """A source's name without the words and marks left around an amount."""
    text = re.sub(r"\s+", " ", text).strip(" -–—:;,.()")
    text = re.sub(r"^(?:from|of|by)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+(?:from|of|by)$", "", text, flags=re.IGNORECASE).strip(" -–—:;,.")
