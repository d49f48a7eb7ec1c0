"""Finding and reading the record files of a register."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from partnerfw.errors import NoRegisterError
from partnerfw.findings import Finding, Severity
from partnerfw.record.models import Arrangement
from partnerfw.record.schema_errors import findings_from
from partnerfw.record.yamlread import Document, YamlProblem, decode, parse

RECORD_SUFFIXES = (".yaml", ".yml")
UNREADABLE = "DATA001"
INVALID_YAML = "DATA002"
_FORMAT_REF = "Record format (partnerfw docs)"


@dataclass(frozen=True)
class LoadedRecord:
    """A record that validated, with where each of its keys is."""

    arrangement: Arrangement
    file: str
    document: Document

    def line_of(self, *path: str | int) -> int:
        return self.document.line_of(tuple(path))


@dataclass
class Register:
    """Every record read, and the findings from files that could not be read as records."""

    records: list[LoadedRecord] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def discover(paths: Sequence[Path]) -> list[Path]:
    """The record files under ``paths`` (files or folders), sorted; none hidden."""
    found: set[Path] = set()
    for path in paths:
        if path.is_file():
            found.add(path)
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.update(
                    Path(root, f)
                    for f in files
                    if f.endswith(RECORD_SUFFIXES) and not f.startswith(".")
                )
        else:
            raise NoRegisterError(f"{path}: no such file or folder")
    return sorted(found)


def load(paths: Sequence[Path], base: Path | None = None) -> Register:
    files = discover(paths)
    # An empty register folder is a register with no arrangements yet: a new repository
    # (`partnerfw init`) checks clean and builds before its first record.
    register = Register()
    for path in files:
        shown = display(path, base)
        register.files.append(shown)
        record, problems = read_record(path, shown)
        if record is not None:
            register.records.append(record)
        register.problems.extend(problems)
    return register


def read_record(path: Path, shown: str) -> tuple[LoadedRecord | None, list[Finding]]:
    raw, problems = read_raw(path, shown)
    return parse_record(raw, shown) if raw is not None else (None, problems)


def read_raw(path: Path, shown: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes of a record file, or None and the finding saying why it cannot be read."""
    try:
        return path.read_bytes(), []
    except OSError as exc:
        return None, [_problem(shown, 1, UNREADABLE, f"cannot read the file: {exc.strerror}")]


def parse_record(raw: bytes, shown: str) -> tuple[LoadedRecord | None, list[Finding]]:
    try:
        document = parse(decode(raw))
    except YamlProblem as problem:
        code = (
            UNREADABLE
            if "UTF-8" in problem.message or "bytes" in problem.message
            else (INVALID_YAML)
        )
        return None, [_problem(shown, problem.line, code, problem.message)]
    if not isinstance(document.data, dict):
        return None, [
            _problem(
                shown,
                1,
                INVALID_YAML,
                "a record must be a mapping of fields (id:, name:, kind: ...), "
                f"not a {type(document.data).__name__}",
            )
        ]
    record_id = document.data.get("id")
    record_id = record_id if isinstance(record_id, str) else ""
    try:
        arrangement = Arrangement.model_validate(document.data)
    except ValidationError as exc:
        return None, findings_from(exc, Arrangement, document, shown, record_id)
    return LoadedRecord(arrangement, shown, document), []


def _problem(file: str, line: int, code: str, message: str) -> Finding:
    return Finding(file, line, code, Severity.ERROR, "", message, _FORMAT_REF)


def display(path: Path, base: Path | None) -> str:
    """The path relative to the register repository when it is inside it, else as given."""
    if base is not None:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return path.as_posix()


def by_id(records: Iterable[LoadedRecord]) -> dict[str, LoadedRecord]:
    return {r.arrangement.id: r for r in records}
