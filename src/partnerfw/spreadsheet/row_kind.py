"""A row's kind and status, never contradicting its own words.

When the row has no cell for one, the sheet and the row's other words decide. A kind: the
section heading the row is listed under ('Shared services') or the heading of its name column
('Outside body'), which say how the council lists it; else a name such as 'Riverside Heritage
Trust', or shared service columns. A status: a name ending '(closed 2019)' or beginning
'Proposed', an end date 'Dissolved October 2020' or one that has passed, a start date
'Proposed April 2027', a note beginning 'Dissolved in 2019'; else the section heading
('Ceased partnerships'). Words pointing two ways leave the field unknown rather than guess, and a
status cell the row's other words contradict ('Active', and 'Dissolved October 2020' as its
end date) is kept, but flagged with a note saying what else the row says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from partnerfw.record.columns import AS_WRITTEN, plain
from partnerfw.record.models import Kind, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.spreadsheet import evidence
from partnerfw.spreadsheet.cells import quoted
from partnerfw.spreadsheet.row import EVIDENCED, REQUIRED, Row


@dataclass(frozen=True)
class SheetWords:
    """What the sheet around a row says of its kind and status: (value, where it says so)."""

    kind: tuple[Kind, str] | None = None
    status: tuple[Status, str] | None = None


def kind_and_status(state: Row, today: dt.date, sheet: SheetWords) -> None:
    """Fill a kind or status the row has no cell for from its words, or leave it unknown;
    flag a status cell the row's other words contradict. A field left unknown gets a
    stand-in only while the record is validated: it is not written."""
    values, result = state.values, state.result
    defaults = dict(REQUIRED)
    for path in EVIDENCED:
        if path in values:
            if path == "status" and path not in result.read_from:
                _contradicted(state)
            continue
        if path in result.unknown or _left_unknown_before(state, path):
            continue
        seen = _kind_words(state, sheet) if path == "kind" else _status_words(state, sheet)
        end = values.get("dates.end")
        if path == "status" and isinstance(end, PartialDate) and end.latest < today:
            seen.setdefault(Status.ENDED, f"from its end date {end.isoformat()}, which has passed")
        if not seen:
            continue
        said = "; ".join(f"{plain(value)} {why}" for value, why in seen.items())
        if len(seen) == 1 or defaults[path] in seen:
            value = next(iter(seen)) if len(seen) == 1 else defaults[path]
            state.placeholder(path, value)
            result.read_from[path] = said if len(seen) > 1 else seen[value]
        else:
            result.unknown[path] = ""
            result.read_from[path] = said
            state.flag(path, "")
    for path in result.unknown:
        if path == "kind":
            shared = any(p.startswith("shared_service.") for p in values)
            values[path] = Kind.SHARED_SERVICE if shared else Kind.PARTNERSHIP
        else:
            values[path] = Status.ACTIVE


def _kind_words(state: Row, sheet: SheetWords) -> dict[Any, str]:
    """What the sheet says of the row's kind (the section it is listed under, or its name
    column's heading: how the council lists it, which a name such as 'Kestrel Wildlife
    Trust' under 'Outside bodies' does not overrule); else what the row's words say."""
    if sheet.kind is not None:
        return {sheet.kind[0]: sheet.kind[1]}
    name = str(state.values.get("name", ""))
    seen: dict[Any, str] = {}
    if any(p.startswith("shared_service.") for p in state.values):
        seen[Kind.SHARED_SERVICE] = "from its shared service columns"
    named = evidence.read(name, Kind)
    if named is not None:
        seen.setdefault(named.value, f"from {quoted(named.phrase)} in the name {quoted(name)}")
    return seen


def _status_words(state: Row, sheet: SheetWords, against: bool = False) -> dict[Any, str]:
    """What the row's words say of its status (its name, its dates, its notes); the sheet's,
    when the row says nothing. ``against`` a status cell, a note counts only when it says
    the arrangement is over ('Dissolved in 2019'), not 'Proposed extension agreed'."""
    values = state.values
    name = str(values.get("name", ""))
    seen: dict[Any, str] = {}
    found: list[tuple[evidence.Evidence | None, str, str]] = [
        (evidence.read(" ".join(re.findall(r"\(([^()]*)\)", name)), Status), "the name", name),
        (evidence.leading_status(name), "the name", name),
    ]
    for path in ("dates.end", "dates.start"):
        text = state.originals.get(path) or values.get(f"{AS_WRITTEN}.{path}")
        if isinstance(text, str) and text:
            said = evidence.read(text, Status) if path == "dates.end" else None
            said = said if said is not None and said.value is Status.ENDED else None
            found.append((said or evidence.leading_status(text), _where(state, path), text))
    notes = [(_where(state, "notes"), values.get("notes"))]
    notes += [(quoted(header), text) for header, text in state.result.in_notes]
    for where, text in notes:
        said = evidence.leading_status(text) if isinstance(text, str) else None
        if said is not None and not (against and said.value is Status.PROPOSED):
            found.append((said, where, str(text)))
    for said, where, text in found:
        if said is not None:
            seen.setdefault(said.value, f"from {quoted(said.phrase)} in {where} {quoted(text)}")
    if not seen and sheet.status is not None:
        seen[sheet.status[0]] = sheet.status[1]
    return seen


def _where(state: Row, path: str) -> str:
    return quoted(state.headers.get(path, path))


def _contradicted(state: Row) -> None:
    """A status cell read exactly, which the row's other words contradict: kept, flagged
    as written, and the other words named for an officer to decide."""
    status = state.values["status"]
    words = _status_words(state, SheetWords(), against=True)
    others = {v: why for v, why in words.items() if v != status}
    text = state.originals.get("status")
    if not others or text is None:
        return
    if f"{AS_WRITTEN}.status" not in state.values:
        state.flag("status", text)
    said = "; ".join(f"{plain(value)} ({why})" for value, why in others.items())
    state.result.checks.append(
        f"{_where(state, 'status')} {quoted(text)} is read as {plain(status)}, but the row also "
        f"says {said}: kept as written too; confirm the status"
    )


def _left_unknown_before(state: Row, path: str) -> bool:
    """True when the row is an export of a record whose kind or status an earlier import
    left unknown (its ``imported_as_written`` column holds the sheet's words and its own
    column is empty): it stays unknown, as it was."""
    carried = dict(state.result.carried)
    if path not in carried:
        return False
    state.result.carried.remove((path, carried[path]))
    state.result.unknown[path] = carried[path]
    state.result.flagged.append((path, carried[path]))
    return True
