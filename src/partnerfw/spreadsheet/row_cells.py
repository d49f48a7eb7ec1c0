"""Reading a row's cells into record data: each cell by the reader for its field (money,
dates, yes/no, kinds and stages, lists, people, the council's decided class), a value kept as
written where it cannot be read exactly, a formula without its result kept as written, a
kind or status read from its words (``evidence``), a column that names no field kept in notes.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from partnerfw.record.columns import (
    AS_WRITTEN,
    EMPTY_PART,
    Target,
    as_written_text,
    plain,
    target,
    unguard,
)
from partnerfw.spreadsheet import cells, evidence
from partnerfw.spreadsheet.cells import quoted
from partnerfw.spreadsheet.headings import ENUM_WORDS
from partnerfw.spreadsheet.mapping import Column
from partnerfw.spreadsheet.row import DECIDED, EVIDENCED, NAME_FIELDS, Row
from partnerfw.spreadsheet.row_facts import FACT_READERS
from partnerfw.spreadsheet.row_people import is_person, person_name, person_title
from partnerfw.spreadsheet.workbook import Formula


def read_cell(state: Row, column: Column, raw: Any) -> None:
    """Read the cell ``raw`` of ``column`` into ``state``, by the reader for its field."""
    if not cells.filled(raw):
        return
    if isinstance(raw, Formula) or (isinstance(raw, str) and raw.startswith("=")):
        _read_formula(state, column, raw.text if isinstance(raw, Formula) else raw)
        return
    unreadable = False
    carried = (column.path or "").startswith(AS_WRITTEN + ".")  # exactly as it was kept
    if isinstance(raw, str) and carried:
        raw = unguard(raw)
    elif isinstance(raw, str):
        raw = unguard(raw)
        fixed, repaired = cells.repair_encoding(raw)
        if repaired:
            state.result.repaired.append((column.header, raw, fixed))
        unreadable = repaired is False
        raw = fixed
    text = cells.as_text(raw)
    found = target(column.path) if column.path else None
    if found is None:
        state.result.in_notes.append((column.header, text))
        return
    state.headers[found.path] = column.header
    _read_value(state, found, raw, text, column.header, unreadable)


def _read_formula(state: Row, column: Column, formula: str) -> None:
    """A formula whose result the file does not hold (a workbook saved by a program that
    does not calculate, or a CSV cell starting '='): kept as written, never dropped."""
    where = column.path or "notes"
    state.result.checks.append(
        f"{quoted(column.header)} holds the formula {quoted(formula)}, and the file does not "
        f"hold its result: kept as written ({where}); open the workbook in Excel or LibreOffice "
        "and save it, then import again, or enter the value"
    )
    if column.path is None:
        state.result.in_notes.append((column.header, formula))
    else:
        state.formulas.add(column.path)
        state.flag(column.path, formula)


def _read_value(
    state: Row, found: Target, raw: Any, text: str, header: str, unreadable: bool
) -> None:
    path, kind = found.path, found.kind
    if found.name == AS_WRITTEN:
        _read_as_written(state, path, text)
        return
    if path in FACT_READERS:
        FACT_READERS[path](state, text, header)
        return
    if path == DECIDED:
        _read_decided(state, text.strip(), header)
        return
    if kind == "text":
        value = cells.tidy(text, collapse=found.name in NAME_FIELDS)
        if value != text.strip() or (value != text and found.name in NAME_FIELDS):
            state.result.tidied.append((header, text, value))
        if is_person(path.rsplit(".", 1)[0]) and found.name == "name":
            value = person_name(state, path, value, header)
            if f"{AS_WRITTEN}.{path}" not in state.values:
                value = person_title(state, path, value, header)
        elif path == "name" and (match := cells.EMAIL.search(value)):
            state.result.checks.append(
                f"the name in {quoted(header)} holds an email address ({match.group(0)}): "
                "kept as written; check it is the arrangement's name"
            )
        state.set(path, value, value)
        if unreadable:
            state.flag(path, value)
        return
    if kind == "list":
        _read_list(state, found, raw, text, header)
        return
    if kind == "model":
        if text.strip() == EMPTY_PART:
            state.set(path, EMPTY_PART, text)
        elif is_person(path):
            _read_value(
                state, typing.cast(Target, target(f"{path}.name")), raw, text, header, unreadable
            )
        else:
            state.flag(path, text)
        return
    if path == "dates.end" and text.strip().lower() in cells.INDEFINITE:
        state.set("dates.indefinite", True, text)
        return
    reading = _reader(found)(raw)
    if not reading.exact and path in EVIDENCED:
        _read_evidence(state, found, text.strip(), header)
    elif not reading.exact:
        state.flag(path, text.strip())
    elif reading.value is not None:
        state.set(path, reading.value, text)
        if reading.words:
            state.result.read_words.append((header, text.strip(), str(reading.value)))


def _read_as_written(state: Row, path: str, text: str) -> None:
    """An ``imported_as_written.<path>`` column, as ``export`` writes it: a value still to
    confirm, carried over exactly as it is (an empty entry is '(not in the sheet)')."""
    written = as_written_text(text)
    state.set(path, written, text)
    inner = path[len(AS_WRITTEN) + 1 :]
    flagged = state.result.flagged
    again = [i for i, (p, _) in enumerate(flagged) if p == inner]
    if again:  # its own cell was kept as written again: the carried text is the one kept
        flagged[again[0]] = (inner, written)
    else:
        state.result.carried.append((inner, written))


_SIGNIFICANT = frozenset({"yes", "y", "true", "significant", "significant partnership"})
_OTHER = frozenset({"no", "n", "false", "other", "not significant", "non significant"})


def _read_decided(state: Row, text: str, header: str) -> None:
    """A sheet's own 'Significant?' column: the class the council decided (significant or
    other), never a note. The record needs the decision too (who, when, its reference);
    without it the value is kept as written (see ``row_record``)."""
    key = " ".join(re.findall(r"[a-z]+", text.lower()))
    if key in _SIGNIFICANT:
        state.set(DECIDED, "significant", text)
    elif key in _OTHER:
        state.set(DECIDED, "other", text)
    else:
        state.flag(DECIDED, text)
        state.result.checks.append(
            f"{quoted(header)} {quoted(text)} is not a clear yes or no: kept as written; the "
            "council's decided class is significant or other"
        )


def _read_evidence(state: Row, found: Target, text: str, header: str) -> None:
    """A kind or status cell that is not one of the words read exactly: its value when its
    words give clear evidence of one (flagged to confirm), else left unknown (flagged)."""
    state.flag(found.path, text)
    seen = evidence.read(text, found.type)
    if seen is None:
        state.result.unknown[found.path] = text
        return
    state.set(found.path, seen.value, text)
    state.result.read_as[found.path] = str(plain(seen.value))
    state.result.read_from[found.path] = (
        f"from {quoted(seen.phrase)} in {quoted(header)} {quoted(text)}"
    )


def _reader(found: Target) -> typing.Callable[[Any], cells.Reading]:
    if found.kind == "enum":
        words = ENUM_WORDS.get(found.type, {})
        return lambda raw: cells.read_enum(raw, found.type, words)
    return {
        "money": cells.read_money,
        "number": cells.read_number,
        "int": cells.read_int,
        "bool": cells.read_bool,
        "date": cells.read_date,
        "partial_date": lambda raw: cells.read_partial_date(raw, found.name),
    }[found.kind]


def _read_list(state: Row, found: Target, raw: Any, text: str, header: str) -> None:
    item = typing.cast(Target, found.item)
    pieces = cells.split_list(text) if isinstance(raw, str) else [raw]
    start = 1 + max(
        (
            int(p.split(".")[found.path.count(".") + 1])
            for p in state.values
            if p.startswith(found.path + ".")
        ),
        default=-1,
    )
    for offset, piece in enumerate(pieces):
        position = f"{found.path}.{start + offset}"
        if item.kind == "model":
            inner = target(f"{position}.name")
            if inner is None:
                state.flag(found.path, text)
                return
            _read_value(state, inner, piece, cells.as_text(piece), header, False)
            if "," in cells.as_text(piece):  # one organisation, or several? an officer says
                state.flag(inner.path, state.values[inner.path])
        else:
            _read_value(
                state,
                Target(position, item.type, item.kind, item.name),
                piece,
                cells.as_text(piece),
                header,
                False,
            )
