"""The rows of ``export``: one per record file, never one left behind.

A valid record is its dotted-path columns (``columns.flatten``), less what its ``Redaction``
withholds in a public view. A record file that is not a valid record is exported from its data
as written (``columns.flatten_written``: its values as the file has them, keys that name no
field included), and its ``errors`` column says so and lists the problems, each with its line,
as ``check`` reports them. A file that cannot be read as YAML at all is a row with its file
name as the id and its error. In a public view such a file is redacted the same way, from its
own ``confidential:`` list: an error quoting a withheld value is not published as it stands,
and a file whose ``confidential:`` list cannot be read shows only its id and the fact that it
cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from partnerfw.files import UnreadableFile, read_limited
from partnerfw.findings import Finding
from partnerfw.policy.schema import Publication
from partnerfw.record.columns import (
    AS_WRITTEN,
    ERRORS,
    column_order,
    flatten,
    flatten_written,
    target,
)
from partnerfw.record.loading import UNREADABLE, LoadedRecord
from partnerfw.record.yamlread import MAX_BYTES, TOO_BIG, Document, YamlProblem, decode, parse
from partnerfw.views.redaction import (
    Redaction,
    is_withheld,
    public_columns,
    secret_strings,
    withheld_paths,
)

_SHORTEST_SECRET = 3
"""As the redaction: shorter text (a '1', 'No') is everywhere, so it is not searched for."""
_FIRST = ("id", "name", ERRORS)


@dataclass(frozen=True)
class Row:
    """One row of the export: its id (to sort by) and its columns."""

    id: str
    columns: dict[str, Any]


def record_row(record: LoadedRecord, public: bool, publication: Publication) -> Row:
    """A valid record's row: its columns, less what its redaction withholds."""
    redaction = Redaction.of(record, publication, public=public)
    return Row(record.arrangement.id, redaction.columns(flatten(record.arrangement)))


def written_row(
    root: Path, file: str, problems: list[Finding], public: bool, publication: Publication
) -> Row:
    """The row of the record file ``file`` (shown relative to ``root``) that is not a valid
    record: its data as written, with its ``problems`` in the errors column."""
    unreadable = any(p.rule == UNREADABLE for p in problems)
    document = None if unreadable else _read(root / file, root)
    stem = PurePosixPath(file).stem
    if document is None or not isinstance(document.data, dict):
        said = "cannot be read as a record" if document is None else "is not a record"
        errors = [f"{file} {said}: only its file name is exported, as its id"]
        if not public:  # the file's own words, which a public view cannot redact
            errors += _lines(problems)
        return Row(stem, {"id": stem, ERRORS: "\n".join(errors)})
    data = document.data
    flat = flatten_written(data)
    record_id = flat.get("id")
    if not isinstance(record_id, str) or not record_id:
        record_id = flat["id"] = stem
    heading = (
        f"{file} is not a valid record: exported as written in the file, "
        "until its errors are corrected (run 'partnerfw check'):"
    )
    if public:
        confidential = data.get("confidential", [])
        if not isinstance(confidential, list) or not all(isinstance(p, str) for p in confidential):
            return Row(
                record_id,
                {
                    "id": record_id,
                    ERRORS: f"{file} is not a valid record, and its confidential: list cannot "
                    "be read, so nothing more of it is published (run 'partnerfw check')",
                },
            )
        withheld = withheld_paths(confidential, publication.publish_officer_contact_details)
        flat = public_columns(flat, confidential, publication.publish_officer_contact_details)
        problems = _public_problems(problems, document, withheld)
    return Row(record_id, {**flat, ERRORS: "\n".join([heading, *_lines(problems)])})


def _read(path: Path, root: Path) -> Document | None:
    """The record file as YAML data with each key's line, or None when it cannot be read. It
    is read as ``check`` reads it: an ordinary file only, its size checked first, never through
    a link out of the repository (a file ``check`` could not read is not read again at all)."""
    try:
        return parse(decode(read_limited(path, MAX_BYTES, within=root, too_big=TOO_BIG)))
    except (OSError, UnreadableFile, YamlProblem):
        return None


def _lines(problems: Iterable[Finding]) -> list[str]:
    return [f"line {p.line}: {p.message}" for p in problems]


def _public_problems(
    problems: list[Finding], document: Document, withheld: list[str]
) -> list[Finding]:
    """The problems as a public view may show them: one on a line of a withheld part, or
    quoting a withheld value, is replaced by a plain word that there is one."""
    hidden_lines = {
        line
        for path, line in document.lines.items()
        if path and is_withheld(".".join(str(p) for p in path), withheld)
    }
    secrets = _secrets(document.data, withheld)
    shown = []
    for problem in problems:
        if problem.line in hidden_lines or any(s in problem.message for s in secrets):
            problem = Finding(
                problem.file,
                problem.line,
                problem.rule,
                problem.severity,
                problem.record,
                "a problem in a part of the record that is not published",
                problem.reference,
            )
        shown.append(problem)
    return shown


def _secrets(data: dict[str, Any], withheld: list[str]) -> list[str]:
    """Every way a withheld value of the file could show in a message."""
    found: set[str] = set()
    for path, value in flatten_written(data).items():
        if is_withheld(path, withheld):
            found.update(secret_strings(value))
    return [s for s in found if len(s) >= _SHORTEST_SECRET]


def column_key(path: str) -> tuple[int, tuple[tuple[int, str], ...]]:
    """Sort key of the export's columns: id, name and errors first, then the record's own
    field order, then columns that name no field (a broken file's own keys)."""
    if path in _FIRST:
        return (_FIRST.index(path) - len(_FIRST), ())
    known = path.startswith(AS_WRITTEN + ".") or target(path) is not None
    return (0 if known else 1, column_order(path))
