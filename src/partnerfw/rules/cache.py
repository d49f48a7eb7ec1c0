"""The check cache: each record file's parsed, validated and checked result, kept between runs.

An entry is found by the file's bytes and its path as shown (a content address: any change to
the file, even one byte, is a different entry), inside a cache file named for everything else
a record's findings depend on: ``partnerfw.yaml`` as read (settings, master lists), every
edition of the policy and the draft as built, the date checked for, partnerfw's version and
its installed code. Change any of those and nothing cached before is used. The checks across
records (links, likely duplicates, approvals compared with git) are never cached: they run
every time on the records, cached or not. Only the likely-duplicates search's answer for an
exact set of names and links is kept beside the entries (``judge.duplicates_known``), since
nothing else changes it.

The cache lives in the user's cache folder (``platformdirs``: ``~/.cache/partnerfw`` on Linux,
which CI can keep between runs with actions/cache), or where ``PARTNERFW_CACHE_DIR`` says; one
folder per register repository. Anything that goes wrong reading or writing it (a missing,
corrupt, foreign or read-only file) means checking without it, never a failure.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import partnerfw
from partnerfw.files import write_atomic_bytes
from partnerfw.findings import Finding
from partnerfw.judge.classify import Classification
from partnerfw.judge.duplicates_known import known_answers, learn
from partnerfw.policy.project import Project
from partnerfw.record.loading import LoadedRecord

CACHE_ENV = "PARTNERFW_CACHE_DIR"
"""Where to keep the cache instead of the user's cache folder."""
MOST_ENTRIES = 50_000
"""Entries kept in one cache file; the least recently used go first beyond it."""
MOST_FILES = 8
"""Cache files kept for one register (one per date and policy); the oldest go first."""


@dataclass(frozen=True)
class Checked:
    """What one record file gave: the record (None when it could not be read as one), the
    findings of reading it, and, once checked, its classification and its rules' findings."""

    record: LoadedRecord | None
    problems: tuple[Finding, ...]
    classification: Classification | None = None
    findings: tuple[Finding, ...] | None = None


class CheckCache:
    """The entries for one register, policy, date and version of partnerfw."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.entries: dict[str, Checked] = {}
        self.answers: object = None
        if file is not None:
            self.entries, self.answers = _read(file)
        self.used: dict[str, Checked] = {}
        self.changed = False

    def recall(self) -> None:
        """Give the checks across records the likely-duplicates answers kept with the
        entries."""
        learn(self.answers)

    @classmethod
    def for_check(cls, project: Project, today: dt.date) -> CheckCache:
        """The cache of ``project``'s register for a check on ``today``."""
        folder = _folder(project.root)
        name = f"check-{_context(project, today)}.pickle"
        return cls(folder / name if folder is not None else None)

    def get(self, raw: bytes, shown: str) -> Checked | None:
        if self.file is None:
            return None  # no cache (--no-cache, or no cache folder): nothing to look up
        key = _key(raw, shown)
        found = self.entries.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, raw: bytes, shown: str, checked: Checked) -> None:
        if self.file is None:
            return
        key = _key(raw, shown)
        self.used[key] = self.entries[key] = checked
        self.changed = True

    def save(self) -> None:
        """Write the entries back when anything changed: those used in this run last (the
        most recently used), at most MOST_ENTRIES."""
        if self.file is None:
            return
        answers = known_answers()
        if not self.changed and answers == self.answers:
            return
        kept = {k: v for k, v in self.entries.items() if k not in self.used}
        kept.update(self.used)
        if len(kept) > MOST_ENTRIES:
            kept = dict(list(kept.items())[-MOST_ENTRIES:])
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(
                (partnerfw.__version__, kept, answers), protocol=pickle.HIGHEST_PROTOCOL
            )
            write_atomic_bytes(self.file, data, overwrite=True)
            _forget_old(self.file.parent)
        except (OSError, pickle.PicklingError, RecursionError):
            return  # a cache that cannot be written only means the next check reads again


def _read(file: Path) -> tuple[dict[str, Checked], object]:
    """The entries, and the likely-duplicates answers, of a cache file."""
    enabled = gc.isenabled()
    gc.disable()  # thousands of objects made at once: no collection finds any to free
    try:
        version, entries, answers = pickle.loads(file.read_bytes())
    except Exception:  # a missing, corrupt or foreign cache is no cache
        return {}, None
    finally:
        if enabled:
            gc.enable()
    if version != partnerfw.__version__ or not isinstance(entries, dict):
        return {}, None
    return entries, answers


def _key(raw: bytes, shown: str) -> str:
    digest = hashlib.blake2b(raw, digest_size=20)
    digest.update(b"\0" + shown.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _folder(root: Path) -> Path | None:
    given = os.environ.get(CACHE_ENV)
    if given:
        base = Path(given)
    else:
        # Only when a check uses the cache: spares other commands the import.
        import platformdirs

        base = Path(platformdirs.user_cache_dir("partnerfw", appauthor=False))
    where = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogateescape"))
    return base / "check" / where.hexdigest()[:20]


def _context(project: Project, today: dt.date) -> str:
    """A digest of everything besides the file that a record's findings depend on."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{partnerfw.__version__}\0{today.isoformat()}\0".encode())
    digest.update(_code_fingerprint().encode())
    digest.update(project.settings.model_dump_json().encode())
    schedule = project.schedule
    for edition in schedule.editions:
        digest.update(repr((edition.name, edition.from_date, edition.decision)).encode())
        digest.update(edition.policy.model_dump_json().encode())
    if schedule.draft is not None:
        digest.update(repr((schedule.draft_name, schedule.draft_status)).encode())
        digest.update(schedule.draft.model_dump_json().encode())
    return digest.hexdigest()


def _code_fingerprint() -> str:
    """partnerfw's installed code, by each file's name, size and time of change: a changed
    rule (an upgrade, or a developer's edit) is a different cache."""
    package = Path(partnerfw.__file__).parent
    found = []
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".j2")):
                info = os.stat(os.path.join(folder, name))
                found.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(found)


def _forget_old(folder: Path) -> None:
    """Keep the MOST_FILES most recently written cache files of a register."""
    files = sorted(folder.glob("check-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[MOST_FILES:]:
        old.unlink(missing_ok=True)
