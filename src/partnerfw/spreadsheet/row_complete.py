"""Completing a row's record: an id, and for each required field the row does not give, what
its other words say (a kind from 'Riverside Heritage Trust' or its shared service columns, a
status from '(closed 2019)' or an end date that has passed) or else a placeholder, flagged;
a kind or status its words point two ways on is left unknown, never contradicted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from partnerfw.record.columns import AS_WRITTEN, plain
from partnerfw.record.ids import is_id, slug
from partnerfw.record.models import Kind, Sector, SharedServiceType, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.spreadsheet import evidence
from partnerfw.spreadsheet.cells import as_text, quoted
from partnerfw.spreadsheet.row import EVIDENCED, REQUIRED, Row


def complete(state: Row, name_column: str | None, today: dt.date) -> None:
    """Fill what every record needs: an id, a name, and placeholders flagged for the rest."""
    values, result = state.values, state.result
    name = values.get("name")
    if not isinstance(name, str) or not name:
        result.status = "not imported"
        if "name" in state.formulas:
            result.problems.append(
                f"its name cell holds the formula {quoted(values[AS_WRITTEN + '.name'])}, and "
                "the workbook does not hold its result: open the workbook in Excel or "
                "LibreOffice and save it, then import again"
            )
        elif name_column is not None:
            result.problems.append(
                f"its name cell (column {quoted(name_column)}) is empty: every record needs "
                "the arrangement's name; fill it in, or delete the row if it is not an "
                "arrangement"
            )
        else:
            result.problems.append(
                "it has no name: every record needs the arrangement's name (no column is "
                "mapped to 'name': map one with --mapping, or check the headings row)"
            )
        return
    result.name = name
    given = values.get("id")
    if isinstance(given, str):
        record_id = given if is_id(given) else slug(given, max_length=80)
    else:
        record_id = slug(name)
    if isinstance(given, str) and record_id != given:
        result.tidied.append(("id", given, record_id))
    if not record_id:
        result.status = "not imported"
        result.problems.append(f"no id can be made from the name '{name}'; add an id column")
        return
    values["id"] = result.record_id = record_id
    _kind_and_status(state, today)
    for path, placeholder in REQUIRED:
        _placeholder(state, path, placeholder)
    kind = values["kind"]
    typed_phases = any(re.fullmatch(r"phases\.\d+\.type", p) for p in values)
    if kind is Kind.SHARED_SERVICE and not typed_phases:  # the phases may give the type
        _placeholder(state, "shared_service.type", SharedServiceType.FULL_SHARED_SERVICE)
    if kind is not Kind.SHARED_SERVICE:
        for path in [p for p in values if p.startswith("shared_service.")]:
            result.in_notes.append((path, state.originals.get(path, str(values.pop(path)))))
    decided = [p for p in values if p.startswith("decided_classification.")]
    if decided and kind is not Kind.PARTNERSHIP:
        for path in decided:
            state.flag(path, state.originals.get(path, as_text(plain(values.pop(path)))))
        result.checks.append(
            f"the sheet gives a decided class ({', '.join(decided)}), but only a partnership "
            f"has one and this is a {plain(kind)}: kept as written"
        )
    for path in [p for p in values if p.startswith("partners.") and p.endswith(".name")]:
        sector = path[: -len("name")] + "sector"
        _placeholder(state, sector, Sector.OTHER)


def _kind_and_status(state: Row, today: dt.date) -> None:
    """A kind or status the row has no cell for: what its other words say (a name such as
    'Riverside Heritage Trust', shared service columns, '(closed 2019)' after the name, an
    end date that has passed), so that no placeholder contradicts them. When they point two
    ways, neither the placeholder's, the field is left unknown. A field left unknown gets a
    stand-in only while the record is validated: it is not written."""
    values, result = state.values, state.result
    name = str(values.get("name", ""))
    defaults = dict(REQUIRED)
    for path in EVIDENCED:
        if path in values or path in result.unknown:
            continue
        if _left_unknown_before(state, path):
            continue
        seen: dict[Any, str] = {}
        if path == "kind":
            named = evidence.read(name, Kind)
            if any(p.startswith("shared_service.") for p in values):
                seen[Kind.SHARED_SERVICE] = "from its shared service columns"
        else:
            named = evidence.read(" ".join(re.findall(r"\(([^()]*)\)", name)), Status)
            end = values.get("dates.end")
            if isinstance(end, PartialDate) and end.latest < today:  # passed at its latest
                seen[Status.ENDED] = f"from its end date {end.isoformat()}, which has passed"
        if named is not None:
            seen.setdefault(named.value, f"from {quoted(named.phrase)} in the name {quoted(name)}")
        if not seen:
            continue
        said = "; ".join(f"{plain(value)} {why}" for value, why in seen.items())
        if len(seen) == 1 or defaults[path] in seen:
            value = next(iter(seen)) if len(seen) == 1 else defaults[path]
            _placeholder(state, path, value)
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


def _placeholder(state: Row, path: str, value: Any) -> None:
    """Put in ``value`` for a required field the row does not give, and flag it."""
    if path in state.values or path in state.result.unknown:
        return
    state.values[path] = value
    state.result.placeholders[path] = as_text(plain(value))
    if f"{AS_WRITTEN}.{path}" not in state.values:
        state.flag(path, "")
