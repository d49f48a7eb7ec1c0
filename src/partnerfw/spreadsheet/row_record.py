"""One spreadsheet row made into a record: its cells read (``row_cells``), the record
completed (``row_complete``) and validated by the record's model; a value the model refuses is
set aside under imported_as_written, as written, rather than losing the row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from partnerfw.record.columns import AS_WRITTEN, ERRORS, plain, unflatten
from partnerfw.record.models import Arrangement
from partnerfw.record.writing import dump_text, quoted_where_needed
from partnerfw.spreadsheet.cells import as_text, filled, quoted
from partnerfw.spreadsheet.mapping import Column
from partnerfw.spreadsheet.row import DECIDED, Row, RowResult
from partnerfw.spreadsheet.row_cells import read_cell
from partnerfw.spreadsheet.row_complete import complete
from partnerfw.spreadsheet.row_kind import SheetWords


def build_row(
    number: int,
    row: list[Any],
    columns: list[Column],
    today: dt.date | None = None,
    sheet: SheetWords | None = None,
) -> RowResult:
    """What the spreadsheet row ``number`` becomes: its record's text, or why it has none;
    ``today`` (default: the real date) tells an end date that has passed, ``sheet`` what the
    sheet around the row says of its kind and status."""
    result = RowResult(number)
    state = Row(result)
    for column in columns:
        if not column.left_out:
            read_cell(state, column, row[column.index])
        elif column.header == ERRORS and filled(row[column.index]):
            result.checks.append(
                "partnerfw export said this record was not valid (its 'errors' column): its "
                "values were read as any spreadsheet's; see what became of each below"
            )
    for path, value in state.soft.items():
        if path not in state.values:
            state.values[path] = value
        elif state.values[path] != value and f"{AS_WRITTEN}.{path}" not in state.values:
            state.flag(path, str(value))  # the column's own value is kept; this one too
    name_column = next((c.header for c in columns if c.path == "name" and not c.left_out), None)
    complete(state, name_column, today or dt.date.today(), sheet)
    if result.status != "not imported":
        _validate(state)
    return result


def _validate(state: Row) -> None:
    """The record the row's values make, as text; a value the record's model refuses is set
    aside as written and the model asked again, until it takes the rest or the row fails."""
    result = state.result
    for _ in range(20):
        data = unflatten(state.values)
        if result.in_notes:
            extra = "\n".join(f"{header}: {text}" for header, text in result.in_notes)
            data["notes"] = f"{data['notes']}\n{extra}" if data.get("notes") else extra
        try:
            arrangement = Arrangement.model_validate(data)
        except ValidationError as exc:
            if not _set_aside(state, exc):
                result.status = "not imported"
                result.problems.extend(_plain_errors(exc))
                return
            continue
        result.text = record_text(arrangement, leave_out=tuple(result.unknown))
        _decision_needed(state, arrangement)
        return
    result.status = "not imported"  # pragma: no cover - every pass sets a value aside
    result.problems.append("its values could not be made into a valid record")


def _decision_needed(state: Row, arrangement: Arrangement) -> None:
    """Say why a 'Significant?' answer was kept as written: the record's decided class needs
    the decision that made it (who decided, when, and its reference)."""
    written = state.values.get(f"{AS_WRITTEN}.{DECIDED}")
    if (
        written
        and DECIDED in state.originals
        and getattr(arrangement, "decided_classification", None) is None
        and not any(DECIDED in text for text in state.result.checks)
    ):
        state.result.checks.append(
            f"the sheet says {quoted(str(written))} for {DECIDED}, but a decided class "
            "needs the decision too (decided_classification.decided_by, .date and "
            ".reference, e.g. the Cabinet minute): kept as written; add the decision"
        )


def _set_aside(state: Row, exc: ValidationError) -> bool:
    """Move values the record refuses (and their original text) under imported_as_written,
    saying why; values read from one cell are kept as that cell, once."""
    moved = False
    for error in exc.errors(include_url=False):
        where = ".".join(str(part) for part in error["loc"])
        loc = where
        while loc:
            inside = [
                p
                for p in state.values
                if (p == loc or p.startswith(loc + ".")) and not p.startswith(AS_WRITTEN)
            ]
            if inside and not any(p in ("id", "name") for p in inside):
                texts = {p: state.originals.get(p, as_text(plain(state.values[p]))) for p in inside}
                for path in inside:
                    state.values.pop(path)
                if len(inside) > 1 and len(set(texts.values())) == 1:
                    texts = {loc: next(iter(texts.values()))}
                for path, text in texts.items():
                    state.flag(path, text)
                state.result.checks.append(_why_set_aside(loc, where, error))
                moved = True
                break
            loc = loc.rpartition(".")[0]
    return moved


def _why_set_aside(moved: str, where: str, error: Any) -> str:
    if error["type"] == "missing":
        return (
            f"{moved} needs {where} too, which the sheet does not give: kept as written; "
            f"add {where}"
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{where or 'the record'}: {message}: kept as written"


def _plain_errors(exc: ValidationError) -> list[str]:
    """The model's objections as 'field.path: message' lines."""
    return [
        f"{'.'.join(str(p) for p in e['loc']) or 'the record'}: {e['msg']}"
        for e in exc.errors(include_url=False)
    ]


def record_text(arrangement: Arrangement, leave_out: tuple[str, ...] = ()) -> str:
    """The record file's YAML: only what differs from the defaults, in the model's order;
    without the top-level fields ``leave_out`` (a kind or status no one can tell yet)."""
    data = plain(arrangement.model_dump(mode="python", exclude_defaults=True))
    for path in leave_out:
        data.pop(path, None)
    return dump_text(quoted_where_needed(data))
