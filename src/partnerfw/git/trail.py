"""The approval trail: what git remembers of each record file.

``history()`` reads the real history of one record file from ``git log`` (following renames, so
a renamed file keeps its past; ``histories()`` reads many files' from one and the same log),
finds the pull request each change came through - from the merge commit that brought it into
the main line ('Merge pull request #12 from ...') or from a squash commit's title ('Add the
food bank partnership (#12)') - and the record's status before and after each change, read
from the file as it was at that commit. Only the ``git`` command is used, through
``subprocess``; outside a git repository the history is simply empty.

``changed_since()`` lists the files changed since a reference, for ``check --changed-since``.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.files import named_path
from partnerfw.git.discovery import surely_outside_git
from partnerfw.record.yamlread import YamlProblem, decode, parse

GIT_TIMEOUT_SECONDS = 120
MERGE_PR = re.compile(r"^Merge pull request #(\d+) from \S+")
SQUASH_PR = re.compile(r"\(#(\d+)\)\s*$")
_FIELD, _RECORD = "\x1f", "\x1e"


class GitError(UserError):
    """git could not answer (not a repository, unknown reference, git not installed)."""


@dataclass(frozen=True)
class TrailEntry:
    """One commit that changed a record file, oldest first in a history."""

    commit: str
    """The full commit id."""
    author: str
    """Who made the change (the commit's author name)."""
    date: str
    """When, as the author dated it: ISO 8601 with offset, e.g. '2026-10-06T10:15:00+01:00'."""
    pr: int | None
    """The pull request it came through, or None for a change made directly on the main line."""
    message: str
    """The commit's title (first line of its message)."""
    status_before: str | None
    """The record's status before this change (None for the commit that added the file)."""
    status_after: str | None
    """The status after it (None when the file could not be read as a record then)."""
    path: str = ""
    """The file's path at that commit, relative to the repository (changes on a rename)."""
    merged_by: str | None = None
    """Who merged the pull request, when it was merged with a merge commit."""
    pr_title: str | None = None
    """The pull request's title, from the merge commit's message or the squash commit's title."""

    @property
    def day(self) -> str:
        return self.date[:10]

    @property
    def status_changed(self) -> bool:
        return self.status_before != self.status_after

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _run(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed; install it to read the register's history") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than {GIT_TIMEOUT_SECONDS}s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {message[-1] if message else 'no message'}")
    return done.stdout


def _text(root: Path, *args: str) -> str:
    return _run(root, *args).decode("utf-8", "replace")


def repository_root(path: Path, *, strict: bool = False) -> Path | None:
    """The top folder of the git repository holding ``path``, or None when there is none.
    With ``strict``, a repository git refuses to read (e.g. 'dubious ownership') or a missing
    git raises GitError saying so, rather than looking like no repository."""
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir() or surely_outside_git(folder):
        return None
    try:
        top = _text(folder, "rev-parse", "--show-toplevel").strip()
    except GitError as exc:
        if strict and "not a git repository" not in str(exc).lower():
            raise
        return None
    return Path(top).resolve() if top else None


def history(repo_root: Path, record_file: Path) -> list[TrailEntry]:
    """The changes git recorded to ``record_file``, oldest first; [] outside a git repository
    or for a file git does not know yet."""
    return histories(repo_root, [record_file])[record_file]


def histories(repo_root: Path, record_files: list[Path]) -> dict[Path, list[TrailEntry]]:
    """``history()`` of many files at once, keyed by the paths given: one ``git log`` of the
    register for them all, then every version's status read in a single ``git cat-file``."""
    return {
        path: [version.entry for version in found]
        for path, found in versions(repo_root, record_files).items()
    }


@dataclass(frozen=True)
class Version:
    """One committed version of a record file: the change that made it, and its bytes."""

    entry: TrailEntry
    raw: bytes | None
    """The file as that commit left it; None when git holds no file there."""


def versions(
    repo_root: Path, record_files: list[Path], *, statuses: bool = True
) -> dict[Path, list[Version]]:
    """Every committed version of each file, oldest first, keyed by the paths given; [] for a
    file outside a git repository or not committed yet. One ``git log`` serves them all, so
    the time grows with the length of the history once, not once per file. Without
    ``statuses`` the entries' statuses are not read (None), which saves reading every
    version."""
    none: dict[Path, list[Version]] = {path: [] for path in record_files}
    top = repository_root(repo_root) if record_files else None
    if top is None:
        return none
    try:
        head = _text(top, "rev-parse", "--verify", "--quiet", "HEAD").strip()
    except GitError:
        return none
    relatives = {path: _relative(top, repo_root, path) for path in record_files}
    wanted = sorted({r for r in relatives.values() if r is not None})
    logs = _register_log(top, wanted) if wanted else {}
    blobs = [(c[0], c[4]) for rel in wanted for c in logs[rel]]
    contents = iter(_blobs(top, blobs)) if blobs else iter(())
    graph = _mainline(top, head) if blobs else None
    found: dict[str, list[Version]] = {}
    for rel in wanted:
        entries: list[Version] = []
        before: str | None = None
        for sha, author, date, subject, path in logs[rel]:
            raw = next(contents)
            status = _status_of(raw) if raw is not None and statuses else None
            assert graph is not None
            pr, title, merged_by = _pull_request(sha, subject, graph)
            entry = TrailEntry(
                sha, author, date, pr, subject, before, status, path, merged_by, title
            )
            entries.append(Version(entry, raw))
            before = status
        found[rel] = entries
    return {path: list(found[rel]) if rel is not None else [] for path, rel in relatives.items()}


def shallow_commits(top: Path) -> frozenset[str]:
    """The commits where a shallow clone's history is cut off (empty for a full clone): git
    cannot see what came before them."""
    if _text(top, "rev-parse", "--is-shallow-repository").strip() != "true":
        return frozenset()
    path = Path(_text(top, "rev-parse", "--git-path", "shallow").strip())
    path = path if path.is_absolute() else top / path
    try:
        return frozenset(path.read_text("ascii").split())
    except OSError:
        return frozenset()


def _relative(top: Path, repo_root: Path, record_file: Path) -> str | None:
    target = record_file if record_file.is_absolute() else repo_root / record_file
    try:
        return named_path(target).relative_to(top).as_posix()
    except ValueError:
        return None


_Change = tuple[str, str, str, str, str]
"""(commit, author, date, title, the file's path then) of one change to a record file."""


def _register_log(top: Path, wanted: list[str]) -> dict[str, list[_Change]]:
    """The changes to each file in ``wanted``, oldest first, from one ``git log`` of the
    repository: the log is read once, newest first, following each file back through renames
    (``-M``, from anywhere in the repository, as ``git log --follow`` would) until the commit
    that added it or copied it from another record (a record made by copying another, which
    goes on existing, starts its own history there). Each change line is looked up by its
    path, so the work grows with the history's length plus the number of files, not their
    product."""
    fmt = _RECORD + _FIELD.join(("%H", "%an", "%aI", "%s"))
    out = _text(top, "log", "-M", f"--format={fmt}", "--name-status", "HEAD")
    found: dict[str, list[_Change]] = {rel: [] for rel in wanted}
    tracking: dict[str, list[str]] = {rel: [rel] for rel in wanted}
    """Each path being followed -> the files (as they are now) whose past it holds."""
    for chunk in out.split(_RECORD)[1:]:
        if not tracking:
            break
        head, _, names = chunk.partition("\n")
        sha, author, date, subject = head.split(_FIELD, 3)
        followed: dict[str, list[str]] = {}
        for line in names.splitlines():
            change = line.split("\t")
            owners = tracking.pop(change[-1], None) if len(change) > 1 else None
            if owners is None:
                continue
            for rel in owners:
                found[rel].append((sha, author, date, subject, change[-1]))
            if change[0].startswith("R"):
                followed.setdefault(change[1], []).extend(owners)
            elif not change[0].startswith(("A", "C", "D")):
                followed.setdefault(change[-1], []).extend(owners)
        for path, owners in followed.items():
            tracking.setdefault(path, []).extend(owners)
    for changes in found.values():
        changes.reverse()
    return found


def _blobs(top: Path, blobs: list[tuple[str, str]]) -> list[bytes | None]:
    """The file in each (commit, path) version, read in one ``git cat-file``."""
    request = "".join(f"{sha}:{path}\n" for sha, path in blobs).encode("utf-8")
    out = _run(top, "cat-file", "--batch", stdin=request)
    contents: list[bytes | None] = []
    position = 0
    for _ in blobs:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            contents.append(None)
            continue
        size = int(header[2])
        contents.append(out[position : position + size])
        position += size + 1
    return contents


def _status_of(raw: bytes) -> str | None:
    try:
        data = parse(decode(raw)).data
    except YamlProblem:
        return None
    status = data.get("status") if isinstance(data, dict) else None
    return status if isinstance(status, str) else None


@dataclass(frozen=True)
class _Mainline:
    introduced_by: dict[str, str]
    """Each commit reachable from HEAD -> the first-parent (main line) commit that brought it."""
    subjects: dict[str, str]
    bodies: dict[str, str]
    authors: dict[str, str]


@lru_cache(maxsize=8)
def _mainline(top: Path, head: str) -> _Mainline:
    """Which main-line commit brought each commit in: one ``git log`` of the whole graph.

    Walking the first-parent chain from the oldest commit, everything reachable from the
    previous main-line commit has been seen, so whatever a merge's other parents reach that
    is not yet seen came in through that merge.
    """
    fmt = _RECORD + _FIELD.join(("%H", "%P", "%an", "%s", "%b"))
    out = _text(top, "log", f"--format={fmt}", head)
    parents: dict[str, list[str]] = {}
    subjects: dict[str, str] = {}
    bodies: dict[str, str] = {}
    authors: dict[str, str] = {}
    for chunk in out.split(_RECORD)[1:]:
        sha, parent_list, author, subject, body = chunk.split(_FIELD, 4)
        parents[sha] = parent_list.split()
        subjects[sha], bodies[sha], authors[sha] = subject, body.strip(), author
    chain = [head]
    while parents.get(chain[-1]):
        chain.append(parents[chain[-1]][0])
    chain.reverse()
    introduced_by: dict[str, str] = {}
    for commit in chain:
        stack = list(parents.get(commit, [])[1:])
        while stack:
            other = stack.pop()
            if other in introduced_by or other not in parents:
                continue
            introduced_by[other] = commit
            stack.extend(parents[other])
        introduced_by[commit] = commit
    return _Mainline(introduced_by, subjects, bodies, authors)


def _pull_request(
    sha: str, subject: str, graph: _Mainline
) -> tuple[int | None, str | None, str | None]:
    """(number, title, merged by) of the pull request that brought ``sha`` in."""
    via = graph.introduced_by.get(sha, sha)
    via_subject = graph.subjects.get(via, subject)
    merged = MERGE_PR.match(via_subject)
    if merged:
        title = graph.bodies.get(via, "").splitlines()
        return int(merged.group(1)), (title[0] if title else None), graph.authors.get(via)
    squashed = SQUASH_PR.search(via_subject)
    if squashed:
        return int(squashed.group(1)), via_subject[: squashed.start()].strip(), None
    return None, None, None


def changed_since(root: Path, ref: str) -> list[Path]:
    """Files changed between ``ref`` and HEAD (``git diff REF...HEAD``) plus those modified or
    untracked in the working tree, as absolute paths. Raises GitError when it cannot tell."""
    top = repository_root(root, strict=True)
    if top is None:
        raise GitError(f"--changed-since needs a git repository, and {root} is not in one")
    try:
        _text(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(
            f"--changed-since {ref}: no such commit, branch or tag in this repository "
            "(for example 'origin/main', 'main' or a commit id)"
        ) from None
    names = set(_text(top, "diff", "--name-only", "-z", f"{ref}...HEAD").split("\0"))
    status = _text(top, "status", "--porcelain", "-z", "--untracked-files=all").split("\0")
    skip_next = False
    for entry in status:
        if skip_next or len(entry) < 4:
            skip_next = False
            continue
        names.add(entry[3:])
        skip_next = entry[0] in "RC"
    return sorted(top / name for name in names if name)
