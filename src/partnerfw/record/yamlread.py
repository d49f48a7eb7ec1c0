"""Safe, fast reading of YAML with the line of every key.

PyYAML's libyaml-backed composer builds the node tree; we build plain Python values from it
ourselves so that we can keep each key's line, refuse duplicate keys, bound alias expansion
and reject any tag that is not a plain YAML type. Round-trip loading (comments, order) lives
in ``writer.py`` and is only used by commands that write.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
TOO_BIG = "a record needs far less: split it, or move long documents out and link to them"
MAX_NODES = 200_000
MAX_DEPTH = 50
_BRACKETS_BEFORE_SCAN = 500
_NESTED_ON_ONE_LINE = re.compile(r"[-?][ \t]+(?:[&!]\S*[ \t]+)*[-?]")
"""'- - x' or '? ? x': block collections nested on one line, cheap to make very deep."""
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
Path = tuple[str | int, ...]


class _FastLoader(_Loader):
    """libyaml's loader with the tag of each node worked out as PyYAML's resolver does for a
    safe loader (no path resolvers, no wildcard resolvers), with less work per scalar: most
    values start with a letter no implicit type can start with, and are plain text."""

    _implicit = _Loader.yaml_implicit_resolvers
    # libyaml calls these around every node, for path resolvers, which a safe loader has
    # none of: builtins that take the same arguments and do nothing Python would run.
    descend_resolver = slice  # type: ignore[assignment]  # (parent, index)
    ascend_resolver = tuple  # type: ignore[assignment]  # ()

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1] if value else "", ()):
                    if regexp.match(value):
                        return tag  # type: ignore[no-any-return]
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class YamlProblem(Exception):
    """The file cannot be read as a YAML document; carries the 1-based line and a hint."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Document:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """Line of the key at ``path``, or of its nearest ancestor that exists."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return min(self.lines.values(), default=1)  # the record's first key


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            f"the file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit; {TOO_BIG}"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 "
            "(in most editors: 'Save with encoding' > UTF-8)",
            line,
        ) from None


def parse(text: str) -> Document:
    """Parse one YAML document into plain values and a map of key lines."""
    try:
        _check_nesting(text)
        node = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            # Newer libyaml builds (e.g. in PyYAML 6.0.4's wheels) refuse deep nesting
            # themselves while scanning, before the events that _check_nesting counts.
            mark = exc.problem_mark or exc.context_mark
            raise YamlProblem(
                f"the document is nested more than {MAX_DEPTH} levels deep; a record needs "
                "only a few levels, so write it out plainly",
                mark.line + 1 if mark else 1,
            ) from None
        raise _explain(exc, text) from None
    except yaml.reader.ReaderError as exc:  # a control character such as NUL
        line = text[: exc.position].count("\n") + 1
        char = exc.character
        code = char if isinstance(char, int) else ord(str(char)[:1] or "?")
        raise YamlProblem(
            f"the control character #x{code:04x} is not allowed in YAML; remove it", line
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise YamlProblem(
            f"the document is nested more than {MAX_DEPTH} levels deep; a record "
            "needs only a few levels, so write it out plainly"
        ) from None
    if node is None:
        raise YamlProblem("the file is empty; it should describe one arrangement")
    builder = _Builder()
    data = builder.build(node, ())
    return Document(data, builder.lines)


def _check_nesting(text: str) -> None:
    """Refuse deeply nested flow collections before composing: libyaml's composer recurses on
    the C stack and crashes the process on ``[[[[...`` many thousands deep. Only files with
    many brackets, or collections nested on one line, pay for the extra (iterative) pass over
    the events."""
    brackets = text.count("[") + text.count("{")
    if brackets < _BRACKETS_BEFORE_SCAN and not _NESTED_ON_ONE_LINE.search(text):
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    f"the document is nested more than {MAX_DEPTH} levels deep; a record needs "
                    "only a few levels, so write it out plainly",
                    event.start_mark.line + 1 if event.start_mark else 1,
                )
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            depth -= 1


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    problem = exc.problem or str(exc)
    tab = _tab_indented_line(text)
    # libyaml says only "found character that cannot start any token" for a tab.
    if tab is not None and (tab <= line or "\\t" in problem):
        return YamlProblem("a tab character is used for indentation; YAML needs spaces", tab)
    if exc.context:
        problem = f"{exc.context}, {problem}"
    return YamlProblem(f"not valid YAML: {problem}; check the indentation and quotes", line)


def _tab_indented_line(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number
    return None


class _Builder:
    def __init__(self) -> None:
        self.lines: dict[Path, int] = {}
        self.nodes = 0

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.nodes += 1
        if node.tag == _STR and type(node) is yaml.ScalarNode:
            return node.value  # the common case, without the constructor's overhead
        if self.nodes > MAX_NODES:
            raise YamlProblem(
                f"the document expands to more than {MAX_NODES:,} values (anchors and aliases "
                "repeated too often); write the content out plainly",
                node.start_mark.line + 1,
            )
        if len(path) > MAX_DEPTH:
            raise YamlProblem(
                f"the document is nested more than {MAX_DEPTH} levels deep (or an alias refers "
                "to itself); a record needs only a few levels, so write it out plainly",
                node.start_mark.line + 1,
            )
        if node.tag not in _PLAIN_TAGS:
            raise YamlProblem(
                f"the tag '{node.tag}' is not allowed in a record; remove it and write the "
                "value plainly",
                node.start_mark.line + 1,
            )
        if type(node) is yaml.MappingNode:
            return self._mapping(node, path)
        if type(node) is yaml.SequenceNode:
            return self._sequence(node, path)
        return _scalar(node)

    def _sequence(self, node: yaml.SequenceNode, path: Path) -> list[Any]:
        items = []
        lines = self.lines
        for i, item in enumerate(node.value):
            where = (*path, i)
            lines[where] = item.start_mark.line + 1
            if item.tag == _STR and type(item) is yaml.ScalarNode:
                self.nodes += 1  # as build() counts it
                items.append(item.value)
            else:
                items.append(self.build(item, where))
        return items

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines = self.lines
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == _STR else _odd_key(key_node)
            line = key_node.start_mark.line + 1
            if key in result:
                first = lines.get((*path, key), line)
                raise YamlProblem(
                    f"the key '{key}' appears twice (first on line {first}); keep one of them",
                    line,
                )
            where = (*path, key)
            lines[where] = line
            if value_node.tag == _STR and type(value_node) is yaml.ScalarNode:
                self.nodes += 1  # as build() counts it
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node, where)
        return result


def _odd_key(key_node: yaml.Node) -> str:
    """A key that is not plain text: a number or date is read as its text; a merge key
    ('<<') is refused."""
    if key_node.tag == "tag:yaml.org,2002:merge":
        raise YamlProblem(
            "merge keys ('<<') are not allowed in a record; write the keys out",
            key_node.start_mark.line + 1,
        )
    raw = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
    return "" if raw is None else str(raw)


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_CONSTRUCTOR: list[Any] = []
"""One libyaml loader, made when first needed, whose constructor turns the odd scalar
(a number, a date with a time, true/false) into its value."""


def _scalar(node: yaml.Node) -> Any:
    if node.tag == "tag:yaml.org,2002:timestamp" and _ISO_DATE.match(node.value):
        try:  # a plain date, the usual timestamp: read in C
            return dt.date.fromisoformat(node.value)
        except ValueError as exc:  # e.g. 2025-02-30: looks like a date but is none
            raise YamlProblem(
                f"'{node.value}' is not a real date ({exc}); write it as YYYY-MM-DD",
                node.start_mark.line + 1,
            ) from None
    if not _CONSTRUCTOR:
        _CONSTRUCTOR.append(_Loader(""))
    constructor = _CONSTRUCTOR[0]
    if node.tag == "tag:yaml.org,2002:timestamp":
        try:
            value = constructor.construct_yaml_timestamp(node)
        except ValueError as exc:  # e.g. 2025-02-30: looks like a date but is none
            raise YamlProblem(
                f"'{node.value}' is not a real date ({exc}); write it as YYYY-MM-DD",
                node.start_mark.line + 1,
            ) from None
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() and not value.tzinfo else value
        return value
    try:
        return constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError) as exc:
        raise YamlProblem(f"cannot read the value: {exc}", node.start_mark.line + 1) from None
    finally:
        constructor.constructed_objects.clear()  # the loader is shared: keep no node
