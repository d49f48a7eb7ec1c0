"""``fmt --restore-from REV``: a record saved by the browser editor, laid out as it was.

The editor (Decap CMS) reads a record into a form and writes the whole file back from it: the
comments are gone, long text is folded differently, quotes change. On the editor's branches
(``cms/...``) the tidy workflow runs ``fmt --restore-from`` the branch point: each record is
rebuilt from the file as it was there, with the values the editor saved put into it. Whatever
the officer did not change keeps its comments and its spelling, so the pull request shows only
the lines the officer changed. A record the editor created (not there at REV) is tidied as
usual, and gets the schema line (``schemas.modeline``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from partnerfw.errors import UserError
from partnerfw.git.trail import repository_root
from partnerfw.record.writing import dump_text, load_round_trip

Earlier = Callable[[Path], str | None]
"""A record file's text at the revision, or None when it was not there."""


def earlier_versions(start: Path, revision: str) -> Earlier:
    """The record files as they were at ``revision`` of the git repository holding ``start``."""
    top = repository_root(start)
    if top is None:
        raise UserError(f"--restore-from {revision}: {start} is not in a git repository")
    commit = _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit is None:
        raise UserError(
            f"--restore-from {revision}: no such revision in this repository (on a browser "
            "editor's branch, give the point it branched from, e.g. "
            "$(git merge-base origin/main HEAD))"
        )
    commit = commit.strip()

    def at_revision(path: Path) -> str | None:
        try:
            relative = path.resolve().relative_to(top).as_posix()
        except ValueError:
            return None
        return _git(top, "show", f"{commit}:{relative}")

    return at_revision


def restored_text(earlier: str, saved: str) -> str:
    """``saved``'s values in ``earlier``'s file: its comments, the order of its keys and the
    spelling of every value that did not change (a cleared value is written ``""``, for the
    values step to remove). ``saved`` itself when either cannot be read or is not a record;
    the caller compares the tidied result with ``saved`` tidied."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    try:
        old = load_round_trip(earlier)
        new = load_round_trip(saved)
    except YAMLError:
        return saved
    if not isinstance(old, CommentedMap) or not isinstance(new, CommentedMap):
        return saved
    _merge_mapping(old, new)
    text = dump_text(old)
    return text


def _merge_mapping(old: Any, new: Any) -> None:
    for key in [key for key in old if key not in new]:
        del old[key]
    for key, value in new.items():
        if key not in old:
            old[key] = value  # a field the officer filled in: put in order by the layout step
            continue
        merged = _merged(old[key], value)
        if merged is not old[key]:
            old[key] = merged


def _merge_sequence(old: Any, new: Any) -> None:
    for index, value in enumerate(new):
        if index >= len(old):
            old.append(value)
            continue
        merged = _merged(old[index], value)
        if merged is not old[index]:
            old[index] = merged
    while len(old) > len(new):
        del old[-1]


def _merged(old: Any, new: Any) -> Any:
    """The old node with the new value: the old node itself when the value is the same."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(old, CommentedMap) and isinstance(new, CommentedMap):
        _merge_mapping(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, CommentedSeq):
        _merge_sequence(old, new)
        return old
    if _same(old, new):
        return old
    if new is None:
        # A choice the officer cleared: written "" so that the values step removes it from
        # an optional field as it would the editor's own 'null' (ruamel writes None as a blank).
        return DoubleQuotedScalarString("")
    return house_quotes(new)


def house_quotes(node: Any) -> Any:
    """A value the editor wrote, with its quotes chosen as partnerfw writes them: the editor
    double-quotes any text with ': ' in it, partnerfw writes it plain where YAML allows and
    single-quoted where not. Text on several lines keeps the editor's block style."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.compat import ordereddict
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    # Set past ruamel's own __setitem__, which would keep the old value's quotes.
    if isinstance(node, CommentedMap):
        for key in list(node):
            ordereddict.__setitem__(node, key, house_quotes(node[key]))
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            list.__setitem__(node, index, house_quotes(item))
    elif isinstance(node, DoubleQuotedScalarString | SingleQuotedScalarString):
        text = node[:]  # a plain str (str() keeps ruamel's quoted type)
        if text and "\n" not in text and text.isprintable():
            return text
    return node


def restyled_text(saved: str) -> str:
    """A record the editor created (nothing to restore from): its quotes as partnerfw writes
    them. ``saved`` itself when it cannot be read."""
    # Loaded here, not at the top: ruamel.yaml is only needed when this runs.
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    try:
        data = load_round_trip(saved)
    except YAMLError:
        return saved
    if not isinstance(data, CommentedMap):
        return saved
    return dump_text(house_quotes(data))


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and bool(old == new)
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return False
    return bool(old == new)


def _git(top: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(top), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
