"""Finding and reading the record files of a register."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from partnerfw.errors import NoRegisterError
from partnerfw.files import UnreadableFile, is_inside, read_limited
from partnerfw.findings import Finding, Severity
from partnerfw.record.models import Arrangement, Kind, Status
from partnerfw.record.schema_errors import findings_from
from partnerfw.record.yamlread import MAX_BYTES, TOO_BIG, Document, YamlProblem, decode, parse

RECORD_SUFFIXES = (".yaml", ".yml")
UNREADABLE = "DATA001"
INVALID_YAML = "DATA002"
_FORMAT_REF = "Record format (partnerfw docs)"


@dataclass(frozen=True)
class LinksOutline:
    """A record's links to others, by their ids (``Links`` as the checks across records read it)."""

    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class Outline:
    """What the checks across records and the lists of results read of a record: kept beside
    the whole record, so a record from the check cache is not read back in full for them."""

    id: str
    name: str
    kind: Kind
    status: Status
    links: LinksOutline
    distinct_from: tuple[str, ...]
    approved_facts: bool
    """Whether it records the facts its decision approved (APR011 reads git for those)."""

    @classmethod
    def of(cls, arrangement: Arrangement) -> Outline:
        links = arrangement.links
        return cls(
            arrangement.id,
            arrangement.name,
            arrangement.kind,
            arrangement.status,
            LinksOutline(tuple(links.predecessors), tuple(links.successors), links.parent),
            tuple(arrangement.distinct_from),
            arrangement.approved_facts is not None,
        )


class LoadedRecord:
    """A record that validated, with where each of its keys is, and its outline.

    Pickled (into the check cache, or to a worker process) as its file, its outline and the
    rest as bytes: unpickling it is cheap, and the whole record is read back from those bytes
    only when something asks for it (``arrangement``, ``document``)."""

    __slots__ = ("_arrangement", "_document", "_stored", "file", "outline")

    def __init__(self, arrangement: Arrangement, file: str, document: Document) -> None:
        self._arrangement: Arrangement | None = arrangement
        self._document: Document | None = document
        self._stored: bytes | None = None
        self.file = file
        self.outline = Outline.of(arrangement)

    @property
    def arrangement(self) -> Arrangement:
        if self._arrangement is None:
            self._read_back()
        assert self._arrangement is not None
        return self._arrangement

    @property
    def document(self) -> Document:
        if self._document is None:
            self._read_back()
        assert self._document is not None
        return self._document

    def line_of(self, *path: str | int) -> int:
        return self.document.line_of(tuple(path))

    def _read_back(self) -> None:
        assert self._stored is not None
        enabled = gc.isenabled()
        gc.disable()  # a record is many objects made at once, none of them garbage
        try:
            self._arrangement, self._document = pickle.loads(self._stored)
        finally:
            if enabled:
                gc.enable()

    def __reduce__(self) -> tuple[object, ...]:
        stored = self._stored
        if stored is None:
            stored = pickle.dumps((self._arrangement, self._document), pickle.HIGHEST_PROTOCOL)
        return (_stored_record, (self.file, self.outline, stored))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LoadedRecord):
            return NotImplemented
        return (self.file, self.arrangement, self.document) == (
            other.file,
            other.arrangement,
            other.document,
        )

    __hash__ = None  # type: ignore[assignment]  # as the dataclass it was: not hashable

    def __repr__(self) -> str:
        return f"LoadedRecord(file={self.file!r}, id={self.outline.id!r})"


def _stored_record(file: str, outline: Outline, stored: bytes) -> LoadedRecord:
    """A record unpickled: its outline now, the rest from ``stored`` when asked for."""
    record = LoadedRecord.__new__(LoadedRecord)
    record._arrangement = record._document = None
    record._stored = stored
    record.file = file
    record.outline = outline
    return record


@dataclass
class Register:
    """Every record read, and the findings from files that could not be read as records."""

    records: list[LoadedRecord] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def discover(paths: Sequence[Path]) -> list[Path]:
    """The record files under ``paths`` (files or folders), sorted; none hidden. Anything named
    that exists is kept, even when it is not a file (a pipe, a link that loops), and so is a
    link to a folder found inside one: reading it then says what it is, rather than 'no such
    file' or nothing at all."""
    found: set[Path] = set()
    for path in paths:
        if path.is_file():
            found.add(path)
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                # os.walk does not follow a link to a folder (one could loop, or leave the
                # register): the link is kept, so reading it says so, rather than its records
                # silently missing from the register.
                found.update(Path(root, d) for d in dirs if os.path.islink(os.path.join(root, d)))
                found.update(
                    Path(root, f)
                    for f in files
                    if f.endswith(RECORD_SUFFIXES) and not f.startswith(".")
                )
        elif os.path.lexists(path):  # a pipe, a device, a link that loops: the reader says
            found.add(path)
        else:
            raise NoRegisterError(f"{path}: no such file or folder")
    return sorted(found)


def load(paths: Sequence[Path], base: Path | None = None) -> Register:
    # An empty register folder is a register with no arrangements yet: a new repository
    # (`partnerfw init`) checks clean and builds before its first record.
    register = Register()
    for shown, raw, problems in raw_files(paths, base):
        register.files.append(shown)
        record, problems = parse_record(raw, shown) if raw is not None else (None, problems)
        if record is not None:
            register.records.append(record)
        register.problems.extend(problems)
    return register


def read_record(
    path: Path, shown: str, within: Path | None = None, *, whole_path: bool = False
) -> tuple[LoadedRecord | None, list[Finding]]:
    """The record in the file at ``path``, or the findings that say why it is not one (see
    ``read_raw`` for what is read)."""
    raw, problems = read_raw(path, shown, within, whole_path=whole_path)
    return parse_record(raw, shown) if raw is not None else (None, problems)


def read_raw(
    path: Path, shown: str, within: Path | None = None, *, whole_path: bool = False
) -> tuple[bytes | None, list[Finding]]:
    """The bytes of a record file, or None and the finding saying why it cannot be read. Only
    an ordinary file is read, its size checked first, and a symbolic link only when it leads
    to a file inside ``within`` (the register folder; with ``whole_path``, a link anywhere on
    the way counts too); anything else is a finding (DATA001)."""
    try:
        raw = read_limited(path, MAX_BYTES, within=within, whole_path=whole_path, too_big=TOO_BIG)
    except UnreadableFile as exc:
        return None, [_problem(shown, 1, UNREADABLE, f"the file {exc.reason}")]
    return raw, []


def raw_files(
    paths: Sequence[Path], base: Path | None = None
) -> Iterator[tuple[str, bytes | None, list[Finding]]]:
    """Each record file under ``paths``: its path as shown, its bytes (None when it cannot be
    read safely) and the finding saying why not, each read within its register's bounds."""
    folders = _folders(paths, base)
    for path in discover(paths):
        shown = display(path, base)
        within, walked = _boundary(path, folders, base)
        raw, problems = read_raw(path, shown, within, whole_path=not walked)
        yield shown, raw, problems


def _folders(paths: Sequence[Path], base: Path | None) -> list[tuple[str, Path]]:
    """The folders among ``paths``, each with its absolute path as text. A folder inside the
    repository that a symbolic link takes outside it is refused: a register is read only
    inside its repository."""
    folders = []
    for path in paths:
        if not path.is_dir():
            continue
        if base is not None and path.is_symlink() and _inside(path, base):
            real = os.path.realpath(path)
            if not is_inside(real, base):
                raise NoRegisterError(
                    f"{path} is a symbolic link to {real}, outside the repository {base}: "
                    "partnerfw reads a register only inside its repository; put the folder "
                    "itself there instead of the link"
                )
        folders.append((os.path.abspath(path) + os.sep, path))
    return folders


def _boundary(path: Path, folders: list[tuple[str, Path]], base: Path | None) -> tuple[Path, bool]:
    """The folder a symbolic link at ``path`` must not lead out of, and whether the folders on
    the way to it were walked (so only its last part can be a link): the folder given that it
    was found in (the register); for a file named on its own, the repository if it is in it,
    else the folder it is in."""
    absolute = os.path.abspath(path)
    for prefix, folder in folders:
        if absolute.startswith(prefix):
            return folder, True
    return (base if base is not None and _inside(path, base) else path.parent), False


def _inside(path: Path, folder: Path) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(folder).rstrip(os.sep) + os.sep)


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
        absolute, root = os.path.abspath(path), os.path.abspath(base)
        if absolute.startswith(root.rstrip(os.sep) + os.sep):  # the usual case, without relpath
            return absolute[len(root.rstrip(os.sep)) + 1 :].replace(os.sep, "/")
        relative = os.path.relpath(absolute, root)
        if not relative.startswith(".."):
            return Path(relative).as_posix()
    return path.as_posix()


def by_id(records: Iterable[LoadedRecord]) -> dict[str, LoadedRecord]:
    return {r.arrangement.id: r for r in records}
