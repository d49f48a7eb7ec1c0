"""Records as rows: one record flattened to dotted-path columns, and rows built back into
records. Shared by ``export`` (record -> row) and ``import`` (row -> record) so that an export
imported into an empty register exports again to the same bytes.

A column is named by the record's own dotted path, the same spelling ``confidential:`` uses:
``lead_officer.name``, ``partners.0.sector``, ``monitoring.risk_register.1.impact``. Fields at
their default value (false, 0, empty) are left out, so an empty cell means "the default". A
part that is present but holds only defaults (``gdpr: {}``) is kept as the cell text ``{}``.
``imported_as_written`` (its keys are themselves dotted paths) becomes
``imported_as_written.<path>`` columns, and the answers to the council's own questions
``council_fields.<name>`` columns. An ``imported_as_written`` entry with no text (the sheet did
not give the field, so a placeholder was put in) is the cell text ``(not in the sheet)``, so
that the flag survives a spreadsheet, which cannot tell an empty text from an empty cell.

A record file that is not a valid record is exported from its data as written
(``flatten_written``): the same dotted paths, its values as the file has them, keys that name
no field included.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from partnerfw.record.models import Arrangement
from partnerfw.record.partial_dates import PartialDate

EMPTY_PART = "{}"
"""Cell text of a part of the record that is present but holds only default values."""
AS_WRITTEN = "imported_as_written"
COUNCIL_FIELDS = "council_fields"
"""The council's own yes/no answers: one column each, ``council_fields.<name>``."""
NOTHING_WRITTEN = "(not in the sheet)"
"""Cell text of an ``imported_as_written`` entry with no text: the field was not in the sheet."""
ERRORS = "errors"
"""The export's column (and JSON field) listing a record's errors; ``import`` leaves it out."""
NOT_MONEY = frozenset({"staff_fte", "staff_days_per_year"})
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Target:
    """What a dotted path names in the record: its type, and what kind of value it holds."""

    path: str
    type: Any
    kind: str
    """text, money, number, int, bool, date, partial_date, enum, model, list or dict."""
    name: str
    """The last field name on the path (``contribution`` for ``partners.0.contribution``)."""

    @property
    def item(self) -> Target | None:
        """For a list: what one element is (``partners`` -> a Partner)."""
        if self.kind != "list":
            return None
        inner = _unwrap(typing.get_args(self.type)[0])
        return Target(f"{self.path}.0", inner, _kind(inner, self.name), self.name)


def _unwrap(annotation: Any) -> Any:
    """Strip ``Optional`` and ``Annotated`` down to the type that holds the value."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _kind(tp: Any, name: str) -> str:
    origin = typing.get_origin(tp)
    if origin is list:
        return "list"
    if origin is dict:
        return "dict"
    if isinstance(tp, type):
        if issubclass(tp, PartialDate):
            return "partial_date"
        if issubclass(tp, BaseModel):
            return "model"
        if issubclass(tp, Enum):
            return "enum"
        if issubclass(tp, bool):
            return "bool"
        if issubclass(tp, int):
            return "int"
        if issubclass(tp, Decimal):
            return "number" if name in NOT_MONEY else "money"
        if issubclass(tp, dt.date):
            return "date"
    return "text"


def target(path: str) -> Target | None:
    """What ``path`` names in a record, or None when it names nothing."""
    parts = path.split(".")
    if parts[0] == AS_WRITTEN and len(parts) > 1:
        return Target(path, str, "text", AS_WRITTEN)
    tp: Any = Arrangement
    name = ""
    for part in parts:
        kind = _kind(tp, name)
        if kind == "model":
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp, name = _unwrap(field.annotation), part
        elif kind == "list" and part.isdigit():
            tp = _unwrap(typing.get_args(tp)[0])
        elif kind == "dict" and name == COUNCIL_FIELDS and part:
            tp, name = _unwrap(typing.get_args(tp)[1]), part
        else:
            return None
    return Target(path, tp, _kind(tp, name), name)


def column_order(path: str) -> tuple[tuple[int, str], ...]:
    """Sort key putting columns in the record's own field order, list items by position."""
    key: list[tuple[int, str]] = []
    tp: Any = Arrangement
    parts = path.split(".")
    for position, part in enumerate(parts):
        kind = _kind(tp, "")
        if kind == "model" and part in tp.model_fields:
            key.append((list(tp.model_fields).index(part), ""))
            tp = _unwrap(tp.model_fields[part].annotation)
        elif kind == "list" and part.isdigit():
            key.append((int(part), ""))
            tp = _unwrap(typing.get_args(tp)[0])
        elif kind == "dict" and position == 1 and parts[0] == AS_WRITTEN:
            return (*key, *column_order(".".join(parts[1:])))
        else:
            key.append((0, ".".join(parts[position:])))
            break
    return tuple(key)


def flatten(arrangement: Arrangement) -> dict[str, Any]:
    """The record as ``{dotted path: value}``; values stay Python values (Decimal, date ...)."""
    data = arrangement.model_dump(mode="python", exclude_defaults=True)
    flat: dict[str, Any] = {}
    written = data.pop(AS_WRITTEN, {})
    _flatten(data, "", Arrangement, flat)
    for key, text in written.items():
        flat[f"{AS_WRITTEN}.{key}"] = text
    return flat


def _flatten(value: Any, path: str, tp: Any, flat: dict[str, Any]) -> None:
    kind = _kind(tp, path.rsplit(".", 1)[-1])
    if isinstance(value, dict) and path == COUNCIL_FIELDS:
        for key, child in value.items():
            flat[f"{path}.{key}"] = child
    elif isinstance(value, dict) and kind == "model":
        if not value and path:
            flat[path] = EMPTY_PART
        for key, child in value.items():
            child_tp = _unwrap(tp.model_fields[key].annotation)
            _flatten(child, f"{path}.{key}" if path else key, child_tp, flat)
    elif isinstance(value, list):
        inner = _unwrap(typing.get_args(tp)[0])
        for index, child in enumerate(value):
            _flatten(child, f"{path}.{index}", inner, flat)
    else:
        flat[path] = value


def flatten_written(data: Any) -> dict[str, Any]:
    """A record file's data as written (``Document.data``), valid or not, as ``{dotted path:
    value}``: the paths ``flatten`` uses, keys that name no field included, values as the
    file has them; an empty mapping is ``EMPTY_PART``, an empty list and a null are left out."""
    flat: dict[str, Any] = {}
    if not isinstance(data, dict):
        return flat
    for key, value in data.items():
        if key == AS_WRITTEN and isinstance(value, dict):
            for path, text in value.items():
                flat[f"{AS_WRITTEN}.{path}"] = text
        else:
            _flatten_written(value, str(key), flat)
    return flat


def _flatten_written(value: Any, path: str, flat: dict[str, Any]) -> None:
    if isinstance(value, dict):
        if not value:
            flat[path] = EMPTY_PART
        for key, child in value.items():
            _flatten_written(child, f"{path}.{key}", flat)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _flatten_written(child, f"{path}.{index}", flat)
    elif value is not None:
        flat.setdefault(path, value)


def unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """Nested record data from ``{dotted path: value}``; list positions are compacted. A path
    that runs into a value already placed (data as a broken file wrote it) is kept whole, as
    its dotted path, beside it."""
    root: dict[Any, Any] = {}
    written: dict[str, Any] = {}
    for path in sorted(flat, key=column_order):
        value = flat[path]
        if path.startswith(AS_WRITTEN + "."):
            written[path[len(AS_WRITTEN) + 1 :]] = value
            continue
        parts: list[Any] = [int(p) if p.isdigit() else p for p in path.split(".")]
        node = root
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                node, parts = root, [path]
                break
            node = child
        if value == EMPTY_PART and (found := target(path)) is not None and found.kind == "model":
            node.setdefault(parts[-1], {})
        else:
            node[parts[-1]] = value
    data = _lists(root)
    if written:
        data[AS_WRITTEN] = written
    return typing.cast(dict[str, Any], data)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(k, int) for k in node):
        return [_lists(node[k]) for k in sorted(node)]
    return {k: _lists(v) for k, v in node.items()}


def guard(text: str) -> str:
    """A cell a spreadsheet will not run as a formula: text starting with = + - @ tab or CR
    (after any quotes) gets one more leading quote. ``unguard`` takes exactly one off."""
    body = text.lstrip("'")
    if body[:1] and body[0] in _FORMULA_STARTS:
        return "'" + text
    return text


def unguard(text: str) -> str:
    body = text.lstrip("'")
    if text.startswith("'") and body[:1] and body[0] in _FORMULA_STARTS:
        return text[1:]
    return text


def as_written_cell(text: str) -> str:
    """An ``imported_as_written`` entry as a cell: its text, or ``NOTHING_WRITTEN``."""
    return text if text else NOTHING_WRITTEN


def as_written_text(cell: str) -> str:
    """An ``imported_as_written`` cell back as the entry's text (``as_written_cell`` undone)."""
    return "" if cell.strip() == NOTHING_WRITTEN else cell


def cell_text(value: Any) -> str:
    """A value as the text of a CSV cell (exact: import reads it back to the same value)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date | PartialDate):
        return value.isoformat()
    return guard(str(value))


def plain(value: Any, json: bool = False) -> Any:
    """A value as plain YAML/JSON data: Decimal -> int or float, enum -> str, date kept; a
    date known to the month or year as a record writes it (``2006``, ``2020-10``), or with
    ``json`` always as text (``"2006"``)."""
    if isinstance(value, dict):
        return {str(k): plain(v, json) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, json) for v in value]
    if isinstance(value, PartialDate):
        return value.isoformat() if json else value.yaml_value()
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, str):
        return str(value)
    return value
