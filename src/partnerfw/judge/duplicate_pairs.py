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
        stems = {s for s in name.stems if not s.isdigit()}
        distinctive = [s for s in stems if len(self.postings[s]) <= self.limit]
        if not distinctive:  # only common words: take its rarest two
            distinctive = sorted(stems, key=lambda s: len(self.postings[s]))[:2]
        if name.numbers:
            near = [j for n in name.numbers for j in self.by_number[n]]
            near += [j for s in distinctive for j in self.numberless.get(s, [])]
        else:
            near = [j for s in distinctive for j in self.postings[s]]
        for acronym in name.acronyms:
            near += self.initials.get(acronym, [])
        for run in _runs(name.initials):
            near += self.acronyms.get(run, [])
        return near


def _runs(letters: str) -> list[str]:
    """Runs of initials that could be written as an acronym elsewhere."""
    return [
        letters[start : start + size]
        for start in range(len(letters))
        for size in range(2, min(6, len(letters) - start) + 1)
    ]
