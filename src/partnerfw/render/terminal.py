"""Text for a terminal: each line wrapped at the terminal's width with a hanging indent, words
(and so money such as '£41,000', ids and dotted paths) never split, nor a short quoted name;
colour only on a terminal.

The width is ``COLUMNS`` when set, else the terminal's; output that goes to a file, a pipe or a
CI log with no ``COLUMNS`` keeps one line per finding (whole, for grep), without colour. Colour
and bold go when ``NO_COLOR`` is set, and ``FORCE_COLOR`` forces it.

The hanging indent comes from a line's own shape, so every renderer keeps writing plain lines:
a line in columns (two or more spaces between them, as a finding's line, severity, rule and
message) continues under its last column; a line that starts with a short label ('local: ',
'kinds: ') under the text after it; any other line two spaces in from where it starts.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.progress import (
    BarColumn,
    ProgressColumn,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import Progress as Progress_
from rich.progress import Task as Task_
from rich.text import Text

MIN_WIDTH = 40
"""Narrower than this, wrapping helps no one: the width used is at least this."""
_MIN_BODY = 30
"""A hanging indent leaves at least this much for the text; otherwise a smaller one is used."""
_COLUMN_GAP = re.compile(r"\S( {2,})(?=\S)")
_LABEL = re.compile(r"^( *)([A-Za-z][\w()'-]{0,22}: )(?=\S)")
_WORD = re.compile(r"'[^'\n]{1,40}?'(?![A-Za-z])\S*\s*|\S+\s*")
"""A word, or a short quoted name ('Thamesbridge Leisure Trust') kept on one line."""


def terminal_width(stream: TextIO | None = None) -> int | None:
    """The width to wrap at: ``COLUMNS``, else the terminal's; None (no wrapping) for output
    that is not a terminal, such as a file, a pipe or a CI log."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    stream = stream or sys.stdout
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return max(MIN_WIDTH, shutil.get_terminal_size().columns)


def hanging_indent(line: str, width: int) -> int:
    """Where the continuation lines of ``line`` start (see the module's docstring)."""
    leading = len(line) - len(line.lstrip(" "))
    most = width - _MIN_BODY
    gaps = [m.end(1) for m in _COLUMN_GAP.finditer(line) if m.end(1) <= most]
    if gaps:
        return gaps[-1]
    label = _LABEL.match(line)
    if label and label.end() <= most:
        return label.end()
    return min(leading + 2, max(0, most))


def wrap_line(line: Text, width: int) -> list[Text]:
    """``line`` in lines of at most ``width`` cells, broken only between words, continuing
    under its hanging indent; a single word wider than the room is the only thing cut."""
    plain = line.plain
    if cell_len(plain) <= width:
        return [line]
    indent = hanging_indent(plain, width)
    rows: list[tuple[int, int]] = []
    row_start, room = 0, width
    for word in _WORD.finditer(plain):
        word_end = word.start() + len(word.group().rstrip())
        if word.start() > row_start and cell_len(plain[row_start:word_end]) > room:
            rows.append((row_start, word.start()))
            row_start, room = word.start(), width - indent
    rows.append((row_start, len(plain)))
    lines: list[Text] = []
    for number, (start, end) in enumerate(rows):
        piece = line[start:end]
        piece.rstrip()
        lines.extend(_cut(Text(" " * indent) + piece if number else piece, width, indent))
    return lines


def _cut(line: Text, width: int, indent: int) -> list[Text]:
    """A line still too wide (one word longer than the room) cut at the width."""
    if cell_len(line.plain) <= width:
        return [line]
    head, rest = line[:width], line[width:]
    return [head, *_cut(Text(" " * indent) + rest, width, indent)]


def wrapped(text: str, width: int | None, markup: bool = False) -> list[Text]:
    """Each line of ``text`` (rich markup when ``markup``) as wrapped lines; unwrapped when
    ``width`` is None."""
    lines: list[Text] = []
    for raw in text.split("\n"):
        line = Text.from_markup(raw) if markup else Text(raw)
        lines.extend([line] if width is None else wrap_line(line, width))
    return lines


def echo(text: str, markup: bool = False, err: bool = False) -> None:
    """Print ``text`` to stdout (or stderr) wrapped at the terminal's width, in colour only on
    a terminal without ``NO_COLOR``."""
    stream = sys.stderr if err else sys.stdout
    console = Console(file=stream, highlight=False, emoji=False)
    lines = wrapped(text, terminal_width(stream), markup)
    if os.environ.get("NO_COLOR") or console.color_system is None:
        # no colour, nor bold or dim (rich keeps those with NO_COLOR): the text as it is
        stream.write("".join(line.plain + "\n" for line in lines))
        stream.flush()
        return
    console.print(Text("\n").join(lines), soft_wrap=True, markup=False)


Progress = Callable[[str, int, int], None]
"""How a long command says how far it has got: ``(stage, done, total)``; a total of 0 is a
stage whose length is not known (a spinner)."""


def no_progress(stage: str, done: int, total: int) -> None:
    """For output that is not a terminal: nothing to show."""


@contextmanager
def progress_on_stderr() -> Iterator[Progress]:
    """A rich progress display on stderr from the first moment, a line per stage, gone when
    the command ends (its summary follows); nothing when stderr is not a terminal (a file, a
    pipe, a CI log)."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield no_progress
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), _Count())
    with Progress_(*columns, TimeElapsedColumn(), console=console, transient=True) as shown:
        stages: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in stages:
                for earlier in stages.values():
                    shown.update(earlier, visible=False)
                stages[stage] = shown.add_task(stage, total=total or None)
            shown.update(stages[stage], completed=done, total=total or None)

        yield report


class _Count(ProgressColumn):
    """'120/2000' for a stage whose length is known; nothing for one that is not."""

    def render(self, task: Task_) -> Text:
        if task.total is None:
            return Text("")
        return Text(f"{int(task.completed)}/{int(task.total)}", style="progress.download")
