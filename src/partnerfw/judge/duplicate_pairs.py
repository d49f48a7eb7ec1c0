"""Which pairs of names are worth scoring as likely duplicates (``duplicates``). A small pool is
scored pair by pair; a large register is not: only names that share a distinctive word (one in
few names), a number, or an acronym and the words it stands for are scored, and a name with a
number only against names with the same number or none ('Youth Forum 2019' is not 'Youth
Forum 2020').
"""

from __future__ import annotations

from dataclasses import dataclass

BRUTE_FORCE = 150
"""Up to this many names, every pair is scored."""


@dataclass(frozen=True)
class Keys:
    """What the search needs of one name."""

    stems: tuple[str, ...]
    """Its words as compared (their stems; numbers included)."""
    acronyms: tuple[str, ...]
    """The acronyms it writes, and what a renamed body's is now."""
    numbers: frozenset[str]
    initials: str
    """The first letters of its words that are not acronyms, in order."""


def pairs_to_score(keys: list[list[Keys]], new: int) -> list[tuple[int, int]]:
    """(i, j), i < j and i one of the first ``new`` names, worth scoring. ``keys`` holds for
    each name its own keys, then those of its other names (a record's predecessors' and
    successors')."""
    if len(keys) <= BRUTE_FORCE:
        return [(i, j) for i in range(new) for j in range(i + 1, len(keys))]
    index = _Index(keys)
    pairs: set[tuple[int, int]] = set()
    for i in range(new):
        for name in keys[i]:
            pairs.update((min(i, j), max(i, j)) for j in index.near(name) if j != i)
    return sorted(pairs)


class _Index:
    """Where each word, number, acronym and run of initials is, by name."""

    def __init__(self, keys: list[list[Keys]]) -> None:
        self.postings: dict[str, list[int]] = {}
        self.numberless: dict[str, list[int]] = {}
        self.by_number: dict[str, list[int]] = {}
        self.acronyms: dict[str, list[int]] = {}
        self.initials: dict[str, list[int]] = {}
        for position, names in enumerate(keys):
            for name in names:
                for stem in name.stems:
                    self.postings.setdefault(stem, []).append(position)
                    if not name.numbers:
                        self.numberless.setdefault(stem, []).append(position)
                for acronym in name.acronyms:
                    self.acronyms.setdefault(acronym, []).append(position)
                for number in name.numbers:
                    self.by_number.setdefault(number, []).append(position)
                for run in set(_runs(name.initials)):
                    self.initials.setdefault(run, []).append(position)
        self.limit = max(50, int(4 * len(keys) ** 0.5))

    def near(self, name: Keys) -> list[int]:
        """The names worth scoring against ``name``: those sharing a distinctive word, a
        number, or an acronym and its initials."""
        return [j for key in self.reach(name) for j in self.lists[key[0]].get(key[1], [])]

    def reach(self, name: Keys) -> list[tuple[str, str]]:
        """Where ``near`` looks for ``name``: (which list, which key)."""
        stems = {s for s in name.stems if not s.isdigit()}
        distinctive = [s for s in stems if len(self.postings[s]) <= self.limit]
        if not distinctive:  # only common words: take its rarest two
            distinctive = sorted(stems, key=lambda s: len(self.postings[s]))[:2]
        if name.numbers:
            keys = [("by_number", n) for n in name.numbers]
            keys += [("numberless", s) for s in distinctive]
        else:
            keys = [("postings", s) for s in distinctive]
        keys += [("initials", acronym) for acronym in name.acronyms]
        keys += [("acronyms", run) for run in _runs(name.initials)]
        return keys

    @property
    def lists(self) -> dict[str, dict[str, list[int]]]:
        return {
            "postings": self.postings,
            "numberless": self.numberless,
            "by_number": self.by_number,
            "acronyms": self.acronyms,
            "initials": self.initials,
        }


def _listed(name: Keys) -> set[tuple[str, str]]:
    """Where ``_Index`` lists ``name``: the keys of ``_Index.reach`` that find it."""
    found = {("postings", s) for s in name.stems}
    if not name.numbers:
        found |= {("numberless", s) for s in name.stems}
    found |= {("acronyms", a) for a in name.acronyms}
    found |= {("by_number", n) for n in name.numbers}
    found |= {("initials", run) for run in _runs(name.initials)}
    return found


class Proposed:
    """The pairs ``pairs_to_score`` proposes, asked about one pair or one name at a time
    (without listing them all): (i, j) is proposed when i is one of the first ``new`` names
    and ``_Index.near`` finds j for one of i's names, or the other way round."""

    def __init__(self, keys: list[list[Keys]], new: int) -> None:
        self.keys, self.new = keys, new
        self.every = len(keys) <= BRUTE_FORCE
        self.index = _Index(keys)
        self._reach: dict[int, set[tuple[str, str]]] = {}
        self._listed: dict[int, set[tuple[str, str]]] = {}

    def reach(self, i: int) -> set[tuple[str, str]]:
        if i not in self._reach:
            self._reach[i] = {k for name in self.keys[i] for k in self.index.reach(name)}
        return self._reach[i]

    def listed(self, i: int) -> set[tuple[str, str]]:
        if i not in self._listed:
            self._listed[i] = {k for name in self.keys[i] for k in _listed(name)}
        return self._listed[i]

    def __contains__(self, pair: tuple[int, int]) -> bool:
        i, j = pair
        if i == j or min(i, j) >= self.new:
            return False
        if self.every:
            return True
        return (i < self.new and not self.reach(i).isdisjoint(self.listed(j))) or (
            j < self.new and not self.reach(j).isdisjoint(self.listed(i))
        )

    def partners(self, i: int) -> set[tuple[int, int]]:
        """Every pair with ``i`` in it that may be proposed (ask ``in`` of each), as
        (smaller, larger)."""
        lists = self.index.lists
        others: set[int] = set(range(len(self.keys))) if self.every else set()
        if not self.every and i < self.new:  # the names ``near`` finds for i's
            others.update(j for kind, key in self.reach(i) for j in lists[kind].get(key, []))
        if not self.every:  # the names whose ``near`` finds i: listed where they look
            others.update(
                j for kind, key in self.listed(i) for j in lists[_SEEN_BY[kind]].get(key, [])
            )
        others.discard(i)
        return {(min(i, j), max(i, j)) for j in others}


_SEEN_BY = {
    "postings": "postings",
    "numberless": "postings",
    "by_number": "by_number",
    "acronyms": "initials",
    "initials": "acronyms",
}
"""For a key a name is listed under, the list holding every name whose ``near`` may look
there: a name looks up a word or number it has, and the acronym its initials make."""


def _runs(letters: str) -> list[str]:
    """Runs of initials that could be written as an acronym elsewhere."""
    return [
        letters[start : start + size]
        for start in range(len(letters))
        for size in range(2, min(6, len(letters) - start) + 1)
    ]
