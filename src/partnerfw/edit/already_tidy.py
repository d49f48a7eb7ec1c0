"""Deciding quickly that a record file is already tidy, without ruamel's round trip.

``fmt`` leaves a file alone when tidying would not change a character. The full round trip
(ruamel's pure-Python reader and writer, ``tidy.tidy_text``) takes tens of milliseconds a file;
this check reads the file with libyaml instead and answers *yes* only when it can show that the
round trip would give back the same text:

- keys are in the model's order at every level (the order ``tidy`` would put them in);
- the layout is exactly ruamel's: mappings indented by two, sequence dashes two in from their
  key and items two in from the dash, ``key: value`` with one space, no trailing spaces, LF
  line ends, one final newline, nothing but blank or comment lines between entries;
- nothing for the values step to do (``tidy_values``: no emptied field, no date written as
  text, no text YAML would misread);
- every value is written the way ruamel writes it back: a plain scalar folded exactly as
  ruamel's emitter folds it (the emitter itself is asked), numbers, dates, booleans and nulls
  in their canonical spelling, single-quoted text on one short line.

Anything else (flow collections other than an empty {} or [], block scalars, escapes, anchors
other than on a plain value, tags, CRLF, unusual keys, indented comment lines) gets the answer
*not sure*, and the caller runs the full round trip. So the fast answer is never different
from the slow one, only quicker; tests compare them.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

import yaml
from pydantic import BaseModel

from partnerfw.edit.key_order import field_model, wanted_order
from partnerfw.edit.tidy_values import ValuesProblem, tidy_values
from partnerfw.record.models import Arrangement
from partnerfw.record.yamlread import YamlProblem, parse

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_WIDTH = 100  # writer.round_trip_yaml(): yaml.width
_KEY = re.compile(r"[a-z_][a-z0-9_]*\Z")
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_AFTER_VALUE = re.compile(r"(?:  *#[^\n]*)?\n\Z")
_COMMENT_LINE = re.compile(r"( *)#[^\n]*\n\Z")
_STR = "tag:yaml.org,2002:str"


class _NotSure(Exception):
    """The file may not be tidy: run the full round trip."""


def looks_tidy(text: str, model: type[BaseModel] = Arrangement) -> bool:
    """True only when ``tidy.tidy_text(text) == text`` is certain; False means 'not sure'."""
    if "\r" in text or "\t" in text or not text.endswith("\n") or text.endswith("\n\n"):
        return False
    try:
        document = parse(text)
    except YamlProblem:
        return False  # the full round trip reports it, with its own words
    if not isinstance(document.data, dict) or not _in_order(document.data, model):
        return False
    try:
        _Layout(text).check()
    except (_NotSure, yaml.YAMLError, RecursionError):
        return False
    try:
        return tidy_values(text, model) == text  # libyaml too: nothing emptied or misspelt
    except ValuesProblem:
        return False


# --- key order --------------------------------------------------------------------------


def _in_order(node: Any, model: type[BaseModel] | None) -> bool:
    if isinstance(node, dict):
        keys = list(node)
        if model is not None and wanted_order(keys, model) != keys:
            return False
        return all(_in_order(value, field_model(model, key)) for key, value in node.items())
    if isinstance(node, list):
        return all(_in_order(item, model) for item in node)
    return True


# --- layout -------------------------------------------------------------------------------


class _Layout:
    """Walks libyaml's events, checking each line is as ruamel would write it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.used: set[int] = set()  # lines holding content
        self.anchors: set[str] = set()
        self.events = iter(yaml.parse(text, Loader=_Loader))

    def check(self) -> None:
        self._expect(yaml.StreamStartEvent)
        start = self._expect(yaml.DocumentStartEvent)
        if start.explicit or start.version or start.tags:
            raise _NotSure
        top = self._next()
        if not isinstance(top, yaml.MappingStartEvent) or top.flow_style:
            raise _NotSure
        self._mapping(top, indent=0, first_after_dash=False)
        end = self._expect(yaml.DocumentEndEvent)
        if end.explicit:
            raise _NotSure
        self._expect(yaml.StreamEndEvent)
        self._other_lines()

    def _next(self) -> Any:
        event = next(self.events)
        if getattr(event, "anchor", None) and not isinstance(
            event, yaml.ScalarEvent | yaml.AliasEvent
        ):
            raise _NotSure  # anchors only on plain values, as in 'date: &id001 2024-05-01'
        anchor = getattr(event, "anchor", None)
        if anchor and not isinstance(event, yaml.AliasEvent):
            if anchor in self.anchors:
                raise _NotSure  # a reused anchor name: ruamel warns and may rename it
            self.anchors.add(anchor)
        tagged = isinstance(event, yaml.NodeEvent) and getattr(event, "tag", None) is not None
        if tagged and not (isinstance(event, yaml.ScalarEvent) and event.implicit[0]):
            raise _NotSure
        return event

    def _expect(self, kind: type) -> Any:
        event = self._next()
        if not isinstance(event, kind):
            raise _NotSure
        return event

    def _mapping(self, start: Any, indent: int, first_after_dash: bool) -> None:
        first = True
        while True:
            key = self._next()
            if isinstance(key, yaml.MappingEndEvent):
                if first:
                    raise _NotSure  # an empty block mapping cannot be written in block style
                return
            if (
                not isinstance(key, yaml.ScalarEvent)
                or key.style
                or key.anchor
                or not _KEY.match(key.value)
                or _libyaml_tag(key.value) != _STR  # 'yes', 'null': read differently
                or not _plain_as_ruamel_writes_it(key.value)
            ):
                raise _NotSure
            k: Any = key  # libyaml's marks are always set
            line = k.start_mark.line
            column = k.start_mark.column
            head = self.lines[line][:column]
            wanted = " " * (indent - 2) + "- " if first and first_after_dash else " " * indent
            if column != indent or head != wanted or k.end_mark.line != line:
                raise _NotSure
            after_key = self.starts[line] + k.end_mark.column
            if self.text[after_key] != ":":
                raise _NotSure
            self.used.add(line)
            first = False
            value = self._next()
            v: Any = value
            if isinstance(value, yaml.AliasEvent):
                self._written(after_key + 1, " *" + v.anchor)
                self._rest_of_line_empty(after_key + 3 + len(v.anchor))
            elif isinstance(value, yaml.ScalarEvent) and value.anchor:
                if value.style or v.start_mark.line != line:
                    raise _NotSure
                self._written(after_key + 1, " &" + v.anchor)
                self._value(value, line, after_key + 3 + len(v.anchor), indent + 2)
            elif isinstance(value, yaml.ScalarEvent):
                self._value(value, line, after_key + 1, indent + 2)
            elif isinstance(value, yaml.MappingStartEvent | yaml.SequenceStartEvent) and (
                value.flow_style
            ):
                self._empty_flow(value, after_key + 1)
            elif isinstance(value, yaml.MappingStartEvent):
                self._rest_of_line_empty(after_key + 1)
                self._mapping(value, indent + 2, first_after_dash=False)
            elif isinstance(value, yaml.SequenceStartEvent):
                self._rest_of_line_empty(after_key + 1)
                self._sequence(indent + 2)
            else:
                raise _NotSure

    def _sequence(self, dash: int) -> None:
        empty = True
        while True:
            item = self._next()
            if isinstance(item, yaml.SequenceEndEvent):
                if empty:
                    raise _NotSure
                return
            empty = False
            line = item.start_mark.line
            if item.start_mark.column != dash + 2 or self.lines[line][: dash + 2] != (
                " " * dash + "- "
            ):
                raise _NotSure
            if getattr(item, "flow_style", False) or getattr(item, "anchor", None):
                raise _NotSure
            if isinstance(item, yaml.ScalarEvent):
                at = self.starts[line] + dash + 1  # the space after the dash
                self._value(item, line, at, dash + 2, in_sequence=True)
            elif isinstance(item, yaml.MappingStartEvent):
                self._mapping(item, dash + 2, first_after_dash=True)
            else:
                raise _NotSure

    def _written(self, at: int, spelling: str) -> None:
        if not self.text.startswith(spelling, at):
            raise _NotSure

    def _empty_flow(self, event: Any, at: int) -> None:
        """An empty mapping or list, which ruamel writes as 'key: {}' or 'key: []'."""
        closing = self._next()
        if not isinstance(closing, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            raise _NotSure
        written = " {}" if isinstance(event, yaml.MappingStartEvent) else " []"
        if self.text[at : at + 3] != written:
            raise _NotSure
        self._rest_of_line_empty(at + 3)

    def _rest_of_line_empty(self, at: int) -> None:
        end = self.text.index("\n", at) + 1
        if not _AFTER_VALUE.match(self.text[at:end]):
            raise _NotSure

    def _value(
        self, event: Any, line: int, at: int, indent: int, in_sequence: bool = False
    ) -> None:
        """A scalar starting after ``at`` (the ':' or the dash's space)."""
        start = self.starts[event.start_mark.line] + event.start_mark.column
        end = self.starts[event.end_mark.line] + event.end_mark.column
        if event.anchor:  # libyaml's mark is at the '&'; the anchor was checked already
            start = at + 1
        value = event.value
        if not event.style and start == end:  # a null written as 'key:'
            if in_sequence:
                raise _NotSure
            self._rest_of_line_empty(at)
            return
        if event.start_mark.line != line or start != at + 1 or self.text[at] != " ":
            raise _NotSure
        if event.style in ("'", '"'):
            quote = event.style
            raw = self.text[start + 1 : end - 1]
            spelt = value.replace("'", "''") if quote == "'" else value
            if (
                event.end_mark.line != line
                or event.end_mark.column > _WIDTH - 2
                or raw != spelt
                or not value.isprintable()
                or (quote == '"' and ('"' in value or "\\" in value))
            ):
                raise _NotSure
        elif not event.style:
            if not _plain_as_ruamel_writes_it(value):
                raise _NotSure
            column = at - self.starts[line]
            if event.end_mark.line == line and column + 1 + len(value) <= _WIDTH:
                written = " " + value  # short enough that ruamel never folds it
            else:
                written = _ruamel_plain(value, column=column, indent=indent)
            if self.text[at:end] != written:
                raise _NotSure
        else:
            raise _NotSure
        self.used.update(range(event.start_mark.line, event.end_mark.line + 1))
        self._rest_of_line_empty(end)

    def _other_lines(self) -> None:
        """Lines without content: blank (no spaces) or a comment where ruamel keeps it."""
        for number, line in enumerate(self.lines):
            if number in self.used or line == "\n":
                continue
            match = _COMMENT_LINE.match(line)
            if not match or match.group(1):
                raise _NotSure  # an indented comment line: ruamel may move it


@functools.lru_cache(maxsize=65_536)
def _plain_as_ruamel_writes_it(value: str) -> bool:
    """A plain scalar that ruamel reads and writes back with the same spelling."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    resolved_libyaml = _libyaml_tag(value)
    if resolved_libyaml == _STR:
        if "\n" in value or value != value.strip() or "  " in value:
            return False
        global _RUAMEL_RESOLVER
        if _RUAMEL_RESOLVER is None:
            _RUAMEL_RESOLVER = VersionedResolver()
        tag = _RUAMEL_RESOLVER.resolve(ScalarNode, value, (True, False))
        return str(tag) == _STR and _plain_allowed(value)
    if resolved_libyaml == "tag:yaml.org,2002:int":
        return bool(_INT.match(value))
    if resolved_libyaml == "tag:yaml.org,2002:float":
        return bool(_FLOAT.match(value))
    if resolved_libyaml == "tag:yaml.org,2002:timestamp":
        return bool(_DATE.match(value))
    if resolved_libyaml == "tag:yaml.org,2002:bool":
        return value in ("true", "false")
    return False  # nulls spelt out, other spellings and the rest: not sure how ruamel spells them


_resolver_cache: dict[str, str] = {}
_RUAMEL_RESOLVER: Any = None


def _libyaml_tag(value: str) -> str:
    tag = _resolver_cache.get(value)
    if tag is None:
        tag = str(_Loader("").resolve(yaml.ScalarNode, value, (True, False)))
        if len(_resolver_cache) < 10_000:
            _resolver_cache[value] = tag
    return tag


def _plain_allowed(value: str) -> bool:
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.emitter import Emitter

    analysis = Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(value)
    return bool(analysis.allow_block_plain and not analysis.multiline and not analysis.empty)


def _ruamel_plain(value: str, *, column: int, indent: int) -> str:
    """What ruamel's emitter writes for a plain scalar after 'key:' ending at ``column``."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.emitter import Emitter

    stream = io.StringIO()
    emitter = Emitter(stream, width=_WIDTH, allow_unicode=True)
    emitter.best_width = _WIDTH
    emitter.root_context = False
    emitter.column = column
    emitter.indent = indent
    emitter.whitespace = False
    emitter.indention = False
    emitter.write_plain(value)
    return stream.getvalue()
