"""Tidying record files (``partnerfw fmt``): keys in the model's order, one layout, every
comment and every value kept exactly, but for what a form writes for an emptied field.

Three steps. First the values are made house style (``tidy_values``: an emptied field that
the record does not require is removed, a date written as text is written as a date, text
YAML would misread is quoted). Then the file goes through ruamel's round-trip writer, which
normalises indentation and keeps comments, quotes and key order. Then each block mapping whose
keys are out of the model's order is reordered *as lines of text*: a key moves together with
its value and with the comment lines written just above it, so a comment stays beside the field
it talks about (ruamel itself would attach it to the field before). Keys the model does not know
keep their order after the known ones, so a misspelt key is moved, never dropped.

Before anything is written the result is read back and compared with the original: the same
values and the same comments, or the file is left alone and the problem reported.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from partnerfw.edit.already_tidy import looks_tidy
from partnerfw.edit.key_order import field_model, wanted_order
from partnerfw.edit.restore_layout import Earlier, restored_text, restyled_text
from partnerfw.edit.schemas import with_modeline
from partnerfw.edit.tidy_values import ValuesProblem, tidy_values
from partnerfw.files import UnreadableFile, read_limited, real_path, write_atomic
from partnerfw.record.loading import discover
from partnerfw.record.models import Arrangement
from partnerfw.record.writing import dump_text, load_round_trip
from partnerfw.record.yamlread import MAX_BYTES, TOO_BIG, YamlProblem, decode, parse

_MAX_ROUNDS = 50
TIDY_MAX_CHARACTERS = 50_000
"""fmt's round trip (ruamel, pure Python) takes about a second of CPU per 10,000 characters of
dense structure, read five times: a larger file is left as it is, with a note, rather than
stalling the command. The bundled records are 2,000 to 10,000 characters."""
_COMMENT = re.compile(r"(?:^|(?<=\s))#", re.MULTILINE)


class TidyProblem(Exception):
    """The file cannot be tidied safely; it is left exactly as it was."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class TidyResult:
    """What ``fmt`` did or would do: files changed, files left alone and why."""

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, TidyProblem]] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)
    """Files left alone that need nothing done (a link to a file tidied in its own right)."""


def tidy_text(text: str, model: type[BaseModel] = Arrangement) -> str:
    """The tidy form of a record's text. Idempotent: tidy_text(tidy_text(t)) == tidy_text(t)."""
    try:
        cleaned = tidy_values(text, model)
    except ValuesProblem as exc:
        raise TidyProblem(str(exc)) from None
    result = cleaned
    for _ in range(3):
        tidied = _reorder_all(_normalise(result, model), model)
        if tidied == result:
            break
        result = tidied
    _verify(cleaned, result)
    return result


def tidy_file_text(text: str, model: type[BaseModel] = Arrangement) -> str:
    """The tidy form of a whole file's text, keeping its line-ending style: a file whose first
    line ends in CRLF gets CRLF on every line (mixed endings are made consistent), any other
    file LF. A file already tidy is recognised without the slow round trip when possible."""
    if "\r\n" not in text:
        return text if looks_tidy(text, model) else tidy_text(text, model)
    first_break = text.find("\n")
    crlf = text[first_break - 1] == "\r"
    lf = text.replace("\r\n", "\n")
    tidied = lf if looks_tidy(lf, model) else tidy_text(lf, model)
    return tidied.replace("\n", "\r\n") if crlf else tidied


def tidy_files(
    paths: Sequence[Path],
    *,
    check: bool = False,
    earlier: Earlier | None = None,
    schema_folder: Path | None = None,
) -> TidyResult:
    """Tidy each record file under ``paths``; with ``check`` only report what would change.
    With ``earlier`` (``fmt --restore-from``) a record is first put back into the file it was
    at that revision (``restore_layout``); with ``schema_folder`` a record without the line
    pointing editors at the schema gets it.

    A file that cannot be tidied (unreadable, not a record ``check`` would read, or one the
    round trip cannot take) is a problem with its line, left as it is, and the other files are
    still tidied. A symbolic link is never written through nor replaced: the file it leads to
    is tidied in its own right when it is one of the files, else the link is a problem."""
    result = TidyResult()
    files = discover(paths)
    real_files = {real_path(path) for path in files if not path.is_symlink()}
    for path in files:
        if path.is_symlink():
            _left_linked(path, real_files, result)
            continue
        try:
            original = _read_text(path)
            # First read as check reads it: anything check refuses (an alias bomb, a control
            # character, 2026-02-30, deep nesting) is refused with check's message and line,
            # before the slower round trip could stall or fail on it.
            parse(original)
            if len(original) > TIDY_MAX_CHARACTERS:
                result.notes.append((path, _too_long_to_tidy(len(original))))
                continue
            tidied = _tidied(path, original, earlier, schema_folder)
        except (TidyProblem, YamlProblem) as exc:
            result.problems.append((path, TidyProblem(exc.message, exc.line)))
            continue
        if tidied == original:
            result.unchanged.append(path)
            continue
        result.changed.append(path)
        if not check:
            write_atomic(path, tidied, overwrite=True)
    return result


def _tidied(path: Path, text: str, earlier: Earlier | None, schema_folder: Path | None) -> str:
    if schema_folder is not None:
        text = with_modeline(text, path, schema_folder)
    tidied = _round_trip(text)
    if earlier is None:
        return tidied
    before = earlier(path)
    rebuilt = restyled_text(text) if before is None else restored_text(before, text)
    restored = _round_trip(rebuilt)
    try:
        same = parse(restored).data == parse(tidied).data
    except YamlProblem:
        same = False
    return restored if same else tidied


def _left_linked(path: Path, real_files: set[Path], result: TidyResult) -> None:
    """A symbolic link is left as it is: a note when the file it leads to is tidied anyway,
    else a problem (fmt would otherwise replace the link with a tidied copy of its target)."""
    target = real_path(path)
    if target in real_files:
        result.notes.append(
            (path, f"a symbolic link to {target.name}, which is tidied itself; link left as is")
        )
        return
    result.problems.append(
        (
            path,
            TidyProblem(
                f"the file is a symbolic link (to {os.readlink(path)}): fmt tidies files, "
                "never links, and left it as it is; tidy the file it leads to, or put the "
                "file itself here instead of the link"
            ),
        )
    )


def _too_long_to_tidy(length: int) -> str:
    return (
        f"left as it is: {length:,} characters, more than the {TIDY_MAX_CHARACTERS:,} fmt "
        "tidies (a record is rarely a tenth of that; the round trip would take minutes): "
        "move long documents out and link to them, or tidy it by hand"
    )


def _read_text(path: Path) -> str:
    """The file's text: an ordinary file only, its size checked before it is read."""
    try:
        return decode(read_limited(path, MAX_BYTES, too_big=TOO_BIG))
    except UnreadableFile as exc:
        raise TidyProblem(f"the file {exc.reason}") from None


def _round_trip(original: str) -> str:
    """The tidy text of a file ``check`` can read, or a ``TidyProblem``: a failure of the round
    trip on one file never stops the others."""
    try:
        return tidy_file_text(original)
    except (TidyProblem, YamlProblem):
        raise
    except Exception as exc:
        # Loaded only on this error path: ruamel's errors, to tell them from a bug.
        from ruamel.yaml.error import YAMLError as RoundTripError

        said = " ".join(str(exc).split())
        if isinstance(exc, yaml.YAMLError | RoundTripError | ValueError | RecursionError):
            raise TidyProblem(
                f"the file cannot be tidied ({said}); it was left as it is: fix what the "
                "message says, then run fmt again"
            ) from None
        # A bug in fmt must not stop the other files, nor touch this one: say so plainly.
        raise TidyProblem(
            f"fmt failed on this file ({type(exc).__name__}: {said}); it was left as it is. "
            "This is a bug in partnerfw: please report it with the file"
        ) from None


# --- step 1: ruamel's layout --------------------------------------------------------------


def _load(text: str) -> Any:
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return load_round_trip(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TidyProblem(
            f"not valid YAML: {exc.problem}; fix it, then run fmt again",
            mark.line + 1 if mark else 1,
        ) from None


def _normalise(text: str, model: type[BaseModel]) -> str:

    data = _load(text)
    if data is None:
        raise TidyProblem("the file is empty; it should describe one arrangement")
    _sort_flow_mappings(data, model)
    return str(dump_text(data))


def _sort_flow_mappings(node: Any, model: type[BaseModel] | None) -> None:
    """Mappings written inline ({a: 1, b: 2}) carry no comments inside: sort them in place."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        if model is not None and node.fa.flow_style():
            for key in wanted_order(list(node), model):
                node.move_to_end(key)
        for key, value in node.items():
            _sort_flow_mappings(value, field_model(model, key))
    elif isinstance(node, CommentedSeq):
        for item in node:
            _sort_flow_mappings(item, model)


# --- step 2: block mappings, reordered as text ------------------------------------------


def _reorder_all(text: str, model: type[BaseModel]) -> str:
    """Every block mapping's keys in the model's order. Each round reads the file once and
    reorders every mapping found out of order, the last in the file first: a reorder only
    permutes the lines of its own block, so the lines of the keys above it, and of the keys
    of any mapping around it, stay where the round read them (one read per round, not one
    per mapping: a list of hundreds of items tidies in seconds, not minutes)."""
    for rounds in range(_MAX_ROUNDS):
        try:
            data = _load(text)
        except TidyProblem:
            if rounds == 0:
                raise
            raise TidyProblem(
                "the keys cannot be put in order without breaking the file (an alias used "
                "before its anchor?); the file was left as it is"
            ) from None
        unsorted: dict[int, tuple[Any, list[Any]]] = {}
        _collect_unsorted(data, model, unsorted)
        if not unsorted:
            return text
        lines = _Lines(text)
        for mapping, wanted in sorted(unsorted.values(), key=_first_line, reverse=True):
            _reorder_block(lines, mapping, wanted)
        text = "".join(lines)
    raise TidyProblem("the keys could not be put in order; please report this file")


def _first_line(found: tuple[Any, list[Any]]) -> int:
    mapping = found[0]
    return int(mapping.lc.key(next(iter(mapping)))[0])


def _collect_unsorted(
    node: Any, model: type[BaseModel] | None, found: dict[int, tuple[Any, list[Any]]]
) -> None:
    """Every block mapping under ``node`` whose keys are out of the model's order, with the
    order wanted, by identity (an alias repeats a mapping, which is still one block)."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        if id(node) in found:
            return
        keys = list(node)
        if model is not None and not node.fa.flow_style():
            wanted = wanted_order(keys, model)
            if wanted != keys:
                found[id(node)] = (node, wanted)
        for key, value in node.items():
            _collect_unsorted(value, field_model(model, key), found)
    elif isinstance(node, CommentedSeq):
        for item in node:
            _collect_unsorted(item, model, found)


def _reorder_block(lines: _Lines, mapping: Any, wanted: list[Any]) -> None:
    """Put ``mapping``'s keys in the order ``wanted`` by moving its lines, in place: each key
    moves with its value and the comments just above it; the block keeps its lines' count."""
    keys = list(mapping)
    starts = [mapping.lc.key(k)[0] for k in keys]
    col = mapping.lc.key(keys[0])[1]
    lead = lines[starts[0]][:col]
    in_list = bool(lead.strip())  # the first key shares its line with a '- '
    end = _block_end(lines, starts[-1], col)
    suffix = end
    while suffix - 1 > starts[-1] and (
        not lines[suffix - 1].strip()
        or (lines.is_comment(suffix - 1) and _indent(lines[suffix - 1]) <= col)
    ):
        suffix -= 1  # comments closing the mapping stay at its end
    first = starts[0] if col == 0 or in_list else _with_comments_above(lines, starts[0], -1, col)
    chunk_starts = [first] + [
        _with_comments_above(lines, starts[i], starts[i - 1], col) for i in range(1, len(keys))
    ]
    bounds = [*chunk_starts[1:], suffix]
    spans = {k: (s, e) for k, s, e in zip(keys, chunk_starts, bounds, strict=True)}
    chunks = {k: lines[s:e] for k, (s, e) in spans.items()}
    if in_list:
        chunks[keys[0]][0] = " " * col + chunks[keys[0]][0][col:]
        new_first = chunks[wanted[0]]
        at = starts[keys.index(wanted[0])] - chunk_starts[keys.index(wanted[0])]
        dash = " " * _indent(lead)
        new_first[:at] = [dash + line.lstrip(" ") for line in new_first[:at]]
        new_first[at] = lead + new_first[at][col:]
    body = [line for key in wanted for line in chunks[key]]
    if body and not body[-1].endswith("\n"):
        body[-1] += "\n"
    lines[first:suffix] = body
    lines.in_text[first:suffix] = [lines.in_text[i] for key in wanted for i in range(*spans[key])]


class _Lines(list[str]):
    """A file's lines, knowing which lines that look like comments are really text inside a
    multi-line scalar (a '# heading' in a block of text is not a comment). ``in_text`` moves
    with the lines when a block is reordered, so the file is scanned once per round."""

    def __init__(self, text: str) -> None:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        super().__init__(text.splitlines(keepends=True))
        self.in_text = [False] * len(self)
        for token in yaml.scan(text, Loader=loader):
            start, end = token.start_mark, token.end_mark
            if isinstance(token, yaml.ScalarToken) and end.line > start.line:
                last = end.line if end.column > 0 else end.line - 1
                for line in range(start.line + 1, min(last + 1, len(self))):
                    self.in_text[line] = True

    def is_comment(self, index: int) -> bool:
        return self[index].lstrip().startswith("#") and not self.in_text[index]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _with_comments_above(lines: _Lines, start: int, previous: int, col: int) -> int:
    """Where a key's chunk begins: with the comment lines written just above it."""
    while start - 1 > previous and lines.is_comment(start - 1):
        start -= 1
    return start


def _block_end(lines: _Lines, last_key: int, col: int) -> int:
    """The line after a mapping's last key's value (and its own trailing comments)."""
    end = last_key + 1
    while end < len(lines) and (
        not lines[end].strip() or lines.is_comment(end) or _indent(lines[end]) > col
    ):
        end += 1
    while end - 1 > last_key and (
        not lines[end - 1].strip() or (lines.is_comment(end - 1) and _indent(lines[end - 1]) < col)
    ):
        end -= 1
    return end


# --- the safety net -------------------------------------------------------------------


def _verify(before: str, after: str) -> None:
    try:
        same_values = parse(before).data == parse(after).data
    except YamlProblem as problem:
        raise TidyProblem(problem.message, problem.line) from None
    if not same_values:
        raise TidyProblem(
            "tidying would change a value; the file was left as it is (please report this file)"
        )
    lost = _comments(before) - _comments(after)
    if lost:
        raise TidyProblem(
            f"tidying would lose the comment '#{next(iter(lost))}'; the file "
            "was left as it is (please report this file)"
        )


def _comments(text: str) -> Counter[str]:
    """Every comment's text: a '#' at a line's start or after a space, outside any scalar."""
    import bisect

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spans = sorted(
        (token.start_mark.index, token.end_mark.index)
        for token in yaml.scan(text, Loader=loader)
        if isinstance(token, yaml.ScalarToken)
    )
    starts = [start for start, _ in spans]
    found: Counter[str] = Counter()
    taken_to = -1  # a comment runs to the end of its line: no second one on that line
    for match in _COMMENT.finditer(text):
        at = match.start()
        inside = bisect.bisect_right(starts, at) - 1
        if at < taken_to or (inside >= 0 and spans[inside][0] <= at < spans[inside][1]):
            continue
        end = text.find("\n", at)
        taken_to = len(text) if end < 0 else end
        found[text[at + 1 : taken_to].strip()] += 1
    return found
