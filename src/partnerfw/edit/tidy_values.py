"""The values step of ``fmt``: what a form (the browser editor) writes, made house style.

A form writes an emptied field as ``""`` (an emptied amount then makes the record fail to
load), a cleared choice as ``null``, a year as the text ``"2004"`` and ``Yes`` as plain text
that a YAML reader takes for true. Before ``tidy`` lays a file out, this step:

- removes an empty text (``""``) and a ``null`` spelt out from a field the record does not
  require, and a section or list that is left with nothing in it (a required field is left for
  ``check`` to report). A field written with nothing after it (``summary:``) stays: that is a
  blank waiting to be filled in, as ``partnerfw new`` writes them, often under a comment;
- removes empty items from a list;
- writes a date quoted as text (``"2004"``, ``'2026-03-31'``) as a date;
- quotes text that YAML would read as something else (``Yes``, ``01632 960000`` is fine but
  ``0123`` is a number) in a field that holds text.

Lines are edited as text, so every comment stays where it was: a comment at the end of a
removed line is kept on a line of its own. The result is checked: the same values as before,
less exactly those removed.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import BaseModel

from partnerfw.edit.key_order import field_model, unwrap
from partnerfw.record.models import Arrangement
from partnerfw.record.partial_dates import PartialDate

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = frozenset({"null", "Null", "NULL", "~"})
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_DATE_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp", _STR})


class ValuesProblem(Exception):
    """Tidying the values would change more than it should; the file is left as it was."""


@dataclass
class _Plan:
    lines: list[str]
    deleted: set[int] = field(default_factory=set)
    replaced: dict[int, str] = field(default_factory=dict)
    removed: list[tuple[Any, ...]] = field(default_factory=list)
    respelt: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.deleted or self.replaced)

    def delete(self, first: int, last: int) -> None:
        """Delete lines first..last, keeping comment lines and end-of-line comments."""
        for number in range(first, last + 1):
            line = self.replaced.get(number, self.lines[number])
            stripped = line.lstrip(" -")
            if stripped.startswith("#"):
                continue  # a comment line stays
            comment = _end_comment(line)
            indent = len(line) - len(line.lstrip(" "))
            if comment:
                self.replaced[number] = " " * indent + comment + "\n"
            else:
                self.deleted.add(number)

    def apply(self) -> str:
        out = []
        for number, line in enumerate(self.lines):
            if number not in self.deleted:
                out.append(self.replaced.get(number, line))
        return "".join(out)


def tidy_values(text: str, model: type[BaseModel] = Arrangement) -> str:
    """``text`` with its values made house style (see the module's docstring); the same text
    when there is nothing to do, or when the file cannot be read (the layout step says why)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return text
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        return text
    plan = _Plan(text.splitlines(keepends=True))
    _mapping(root, model, plan, ())
    if not plan:
        return text
    result = plan.apply()
    _verify(text, result, plan)
    return result


def _mapping(node: Any, model: type[BaseModel] | None, plan: _Plan, path: tuple[Any, ...]) -> bool:
    """Plan the changes inside a block mapping; True when every entry of it is removed."""
    if node.flow_style or model is None:
        return False
    gone: list[bool] = []
    for key, value in node.value:
        info = model.model_fields.get(key.value) if isinstance(key, yaml.ScalarNode) else None
        if info is None:
            gone.append(False)
            continue
        where = (*path, key.value)
        optional = not info.is_required()
        kind, _, _ = unwrap(info.annotation)
        empty = _entry_empty(value, kind, field_model(model, key.value), plan, where)
        if empty and optional:
            plan.delete(key.start_mark.line, _last_line(value))
            plan.removed.append(where)
        gone.append(empty and optional)
    if gone and gone[0] and not all(gone):
        _move_dash(node, gone, plan)
    return bool(gone) and all(gone)


def _entry_empty(
    value: Any, kind: Any, model: type[BaseModel] | None, plan: _Plan, path: tuple[Any, ...]
) -> bool:
    """Plan the changes inside one value; True when the value is emptied (to be removed)."""
    if isinstance(value, yaml.ScalarNode):
        if _emptied(value):
            return True
        _respell(value, kind, plan, path)
        return False
    if isinstance(value, yaml.MappingNode):
        if typing.get_origin(kind) is dict:
            _, item_kind = typing.get_args(kind)
            for key, item in value.value:
                if isinstance(item, yaml.ScalarNode):
                    _respell(item, item_kind, plan, (*path, key.value))
            return False
        return _mapping(value, model, plan, path)
    if isinstance(value, yaml.SequenceNode) and typing.get_origin(kind) is list:
        (item,) = typing.get_args(kind)
        return _sequence(value, unwrap(item)[0], model, plan, path)
    return False


def _sequence(
    node: Any, kind: Any, model: type[BaseModel] | None, plan: _Plan, path: tuple[Any, ...]
) -> bool:
    if node.flow_style or not node.value:
        return False
    gone = []
    for index, item in enumerate(node.value):
        where = (*path, index)
        if isinstance(item, yaml.ScalarNode):
            empty = _emptied(item) or (not item.style and item.value == "")
            if not empty:
                _respell(item, kind, plan, where)
        else:
            empty = isinstance(item, yaml.MappingNode) and _mapping(item, model, plan, where)
        if empty:
            plan.delete(item.start_mark.line, _last_line(item))
            plan.removed.append(where)
        gone.append(empty)
    return all(gone)


def _emptied(node: Any) -> bool:
    """An empty text ('' or "") or a null spelt out: what a form writes for an emptied field."""
    if node.style in ("'", '"'):
        return not node.value.strip()
    return not node.style and node.value in _NULLS


def _respell(node: Any, kind: Any, plan: _Plan, path: tuple[Any, ...]) -> None:
    """A date quoted as text written as a date; text YAML would misread quoted."""
    line = node.start_mark.line
    if node.end_mark.line != line or line in plan.deleted:
        return
    value = node.value
    quoted = node.style in ("'", '"')
    if quoted and kind in (PartialDate, dt.date) and "\\" not in value:
        plain_tag = _tag(value)
        if plain_tag not in _DATE_TAGS or (kind is dt.date and plain_tag == _STR):
            return
        try:
            if PartialDate.parse(value).isoformat() != value:
                return
        except ValueError:
            return
        spelt = value
    elif not quoted and kind is str and _tag(value) not in (_STR, _NULL):
        spelt = "'" + value.replace("'", "''") + "'"
    else:
        return
    current = plan.replaced.get(line, plan.lines[line])
    start, end = node.start_mark.column, node.end_mark.column
    plan.replaced[line] = current[:start] + spelt + current[end:]
    plan.respelt[path] = spelt


def _move_dash(node: Any, gone: list[bool], plan: _Plan) -> None:
    """The first key of a list item went: the next one left takes the item's dash."""
    first_key = node.value[0][0]
    line = first_key.start_mark.line
    lead = plan.lines[line][: first_key.start_mark.column]
    if "-" not in lead:
        return
    survivor = node.value[gone.index(False)][0]
    at = survivor.start_mark.line
    current = plan.replaced.get(at, plan.lines[at])
    plan.replaced[at] = lead + current[survivor.start_mark.column :]


def _last_line(node: Any) -> int:
    """The last line a value is written on (a block collection's own end mark is at the next
    token, so its last item decides)."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _last_line(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _last_line(node.value[-1])
    end = node.end_mark
    if end.column == 0 and end.line > node.start_mark.line:
        return int(end.line) - 1  # a block scalar ends at the start of the next line
    return int(end.line)


def _end_comment(line: str) -> str:
    """A comment at the end of a line holding a value (values here are short and unquoted
    or quoted without '#')."""
    at = line.find(" #")
    return line[at + 1 :].rstrip("\n") if at >= 0 else ""


def _tag(value: str) -> str:
    return str(_Loader("").resolve(yaml.ScalarNode, value, (True, False)))


def _verify(before: str, after: str, plan: _Plan) -> None:
    """The values after must be those before, less the ones removed and respelt alike."""
    try:
        old = yaml.load(before, Loader=_Loader)
        new = yaml.load(after, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ValuesProblem(f"tidying the values would break the file ({exc})") from None
    removed = set(plan.removed)
    for path, spelt in plan.respelt.items():
        if not _inside(path, removed):
            _get(old, path[:-1])[path[-1]] = yaml.load(spelt, Loader=_Loader)
    for path in reversed(plan.removed):  # later first: list positions stay right
        if not _inside(path[:-1], removed):
            del _get(old, path[:-1])[path[-1]]
    if old != new:
        raise ValuesProblem(
            "tidying the values would change more than the emptied fields; the file was "
            "left as it is (please report this file)"
        )


def _inside(path: tuple[Any, ...], removed: set[tuple[Any, ...]]) -> bool:
    """Whether ``path`` is, or is inside, a removed entry."""
    return any(path[:end] in removed for end in range(1, len(path) + 1))


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data
