"""Likely duplicates already worked out: the search's answer (``duplicates.likely_duplicates``)
for one exact set of names, kept so that a check of an unchanged register does not search
again. The answer depends on nothing but the names, the names of linked records, how records
are grouped as one arrangement's history, and the threshold: they are its key, so any change
to any of them (a record renamed, added, removed or relinked) is a new search. The check cache
(``rules.cache``) keeps the answers between runs, in its file for partnerfw's version."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from partnerfw.judge.duplicates import THRESHOLD, Candidate, LikelyDuplicate, likely_duplicates

MOST_KEPT = 4
"""Answers kept: a register's own, and a few while records are being edited."""

_known: dict[str, tuple[LikelyDuplicate, ...]] = {}


def remembered_duplicates(
    new: Sequence[Candidate], existing: Sequence[Candidate] = (), threshold: float = THRESHOLD
) -> list[LikelyDuplicate]:
    """``likely_duplicates(new, existing, threshold)``, searched only when these exact names
    and links have not been searched before."""
    key = _key(new, existing, threshold)
    found = _known.get(key)
    if found is None:
        found = tuple(likely_duplicates(list(new), list(existing), threshold))
    _known.pop(key, None)
    _known[key] = found  # the most recently used last
    while len(_known) > MOST_KEPT:
        del _known[next(iter(_known))]
    return list(found)


def known_answers() -> dict[str, tuple[LikelyDuplicate, ...]]:
    """The answers worked out or used in this run, to keep."""
    return dict(_known)


def learn(answers: object) -> None:
    """Take ``answers`` kept from an earlier run (anything not as ``known_answers`` gives is
    ignored: a cache from elsewhere is no cache)."""
    if isinstance(answers, dict):
        for key, found in answers.items():
            if isinstance(key, str) and isinstance(found, tuple):
                _known.setdefault(key, found)


def _key(new: Sequence[Candidate], existing: Sequence[Candidate], threshold: float) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in (new, existing):
        said = [(c.label, c.name, c.aliases, c.group, c.current) for c in part]
        digest.update(repr(said).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(repr(threshold).encode())
    return digest.hexdigest()
