"""Which pairs of records could score as likely duplicates at all (``duplicates``), found
without scoring them: a large register has hundreds of thousands of pairs sharing a word, and
only a few dozen are duplicates.

A pair's score is the share of the two names' weight in words matched one to one (each word
weighs from a quarter to 1; a match counts its likeness, at most 1, times the two words'
weights). So a name's words that have no alike word at all in the other name can only lower
the score. For a name, take its words rarest first: its *prefix* is the shortest run of them
such that, were none of them alike to any word of the other name, the score could not reach the
threshold whatever the other name is, because then:

- the prefix's words are unmatched: they add at least their least weight to the total;
- each of the other ``k`` words is matched at most once, at most at its greatest weight, to a
  word of the other name weighing at most 1;

so the score is at most ``(H + k) / (H + k + L)``, ``H`` the greatest weight of the ``k`` other
words and ``L`` the least weight of the prefix. A pair that reaches the threshold therefore has,
for every pair of its names (and the names without 'shared' or a partner clause, and the linked
records' names), a word of the first's prefix alike to a word of the second: the search looks
up only the records having a word alike to a prefix word, from the prefix words' side.

A word's least weight is what it weighs when it does not tell the two names apart (half, for a
word in many names of the register); its greatest weight is 1 for a word that can tell them
apart (a word naming the sort of body, or one of the register's frequent words), otherwise the
same. Two words can only be alike when their stems are the same or (neither an acronym, both of
four letters or more) their ratio is ``WORD_MATCH`` or more: the stems alike to each stem are
listed once (``Alike``), with a slightly lower cut-off, so that the list is never short.

An acronym can be spelt out into several words of the other name, which the bound above does
not allow for. A record with an acronym is searched by its prefix like any other, for the pairs
where nothing is spelt out (an acronym is then alike only to the same acronym). The pairs where
an acronym could be spelt out (the other's initials, in a run, are its letters or one slip
from them: ``_spelt``) are bounded first whatever it is spelt out as (the acronym leaves, at
most one word more than its letters comes in, and every word of the other may be matched),
then with it spelt out as scoring spells it. Two records both with acronyms (read as each other
as a renamed body's or with a slip) are scored in full whenever ``duplicate_pairs`` proposes
them. Only pairs ``duplicate_pairs`` proposes are ever scored, as before.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from typing import Any, Protocol

from rapidfuzz import process
from rapidfuzz.fuzz import ratio

from partnerfw.judge.duplicate_pairs import Keys, Proposed
from partnerfw.judge.duplicate_words import KINDS, stem

KIND_STEMS = frozenset(stem(kind) for kind in KINDS)
"""The stems of the words that name the sort of body, which can count in full."""
ROUNDING = 0.005 + 1e-9
"""Scores are rounded to two places before the threshold: a pair can reach it from this
much below (and a little more, for the order of additions)."""
MOST_REQUIRED = 3
"""A name's prefix is chosen so that up to this many of its words must be alike to words of
the other name: the more, the fewer pairs are left, the longer the prefix."""
_CUT_OFF = 84.9
"""Below ``WORD_MATCH`` (85), so that no alike pair of stems is missed by rounding."""


class Word(Protocol):
    @property
    def word(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def stem(self) -> str: ...
    @property
    def weight(self) -> float: ...
    @property
    def acronym(self) -> bool: ...


class Name(Protocol):
    @property
    def words(self) -> Sequence[Word]: ...
    @property
    def plain(self) -> Sequence[Word]: ...
    @property
    def core(self) -> Sequence[Word]: ...
    @property
    def numbers(self) -> frozenset[str]: ...


def worth_scoring(
    names: Sequence[Sequence[Name]],
    new: int,
    low: frozenset[str],
    threshold: float,
    spell_out: Callable[[Any, Any], Sequence[Word]],
    groups: Sequence[str],
) -> list[tuple[int, int]]:
    """The pairs ``duplicate_pairs.pairs_to_score`` proposes that could reach ``threshold``, in
    its order, for records with ``names`` (each its own, then its linked records'), leaving
    out pairs of one arrangement's history (one of ``groups``, never paired)."""
    proposed = Proposed([[keys_of(name) for name in its] for its in names], new)
    reach = Reach(names, low, threshold, spell_out)
    pairs = {pair for pair in reach.pairs(new, groups) if pair in proposed}
    for i in reach.with_acronym:  # the pairs with an acronym spelt out, or on both sides
        spellers = reach.spellers(i)
        pairs |= {
            (a, b)
            for a, b in proposed.partners(i)
            if (b if a == i else a) in spellers
            and not (groups[a] and groups[a] == groups[b])
            and reach.could_reach(a, b)
            and (a, b) in proposed
        }
    return sorted(pairs)


def keys_of(name: Name) -> Keys:
    """What the search for pairs worth scoring needs of a name."""
    return Keys(
        tuple(w.stem for w in name.words),
        tuple(alias for w in name.words for alias in w.aliases),
        name.numbers,
        "".join(w.word[0] for w in name.words if not w.acronym),
    )


class Alike:
    """For each stem of four letters or more, the stems it may be alike to (itself included)."""

    def __init__(self, stems: Iterable[str]) -> None:
        long = sorted({s for s in stems if len(s) >= 4})
        self.near: dict[str, tuple[str, ...]] = {
            s: tuple(
                c
                for c, _, _ in process.extract(
                    s, long, scorer=ratio, score_cutoff=_CUT_OFF, limit=None
                )
            )
            for s in long
        }

    def of(self, stem_: str) -> tuple[str, ...]:
        return self.near.get(stem_, (stem_,))


def has_acronym(names: Sequence[Name]) -> bool:
    return any(w.acronym for name in names for v in (name.words, name.core) for w in v)


def variants(name: Name) -> list[Sequence[Word]]:
    """The word lists a name is compared by: all its words, without qualifiers, without the
    partner clause."""
    found: list[Sequence[Word]] = []
    for words in (name.words, name.plain, name.core):
        if words not in found:
            found.append(words)
    return found


def least(word: Word, low: frozenset[str]) -> float:
    return min(word.weight, 0.5) if word.stem in low else word.weight


def greatest(word: Word, low: frozenset[str]) -> float:
    return 1.0 if word.stem in KIND_STEMS or word.stem in low else least(word, low)


def prefix(
    words: Sequence[Word], rarity: dict[str, int], low: frozenset[str], least_score: float
) -> tuple[list[str], int]:
    """The stems of the rarest words of ``words`` of which two at least (or, for a name too
    short for that, one) must be alike to words of a name for the two to score
    ``least_score`` or more (module docstring), and how many."""
    order = sorted(words, key=lambda w: (rarity.get(w.stem, 0), w.stem))
    for required in range(min(len(order), MOST_REQUIRED), 0, -1):
        for size in range(required, len(order) + 1):
            inside, rest = order[:size], order[size:]
            matched = sum(greatest(w, low) for w in rest) + len(rest)
            matched += sum(sorted((greatest(w, low) for w in inside), reverse=True)[: required - 1])
            matched += required - 1
            unmatched = sum(sorted(least(w, low) for w in inside)[: size - required + 1])
            if matched == 0 or matched / (matched + unmatched) < least_score:
                return [w.stem for w in inside], required
    return [w.stem for w in order], 1


class Reach:
    """Which pairs of records could reach a threshold (module docstring). ``spell_out(a, b)``
    is word list ``a`` with its acronyms spelt out as ``b`` reads them, as scoring does."""

    def __init__(
        self,
        names: Sequence[Sequence[Name]],
        low: frozenset[str],
        threshold: float,
        spell_out: Callable[[Any, Any], Sequence[Word]],
    ) -> None:
        self.least_score, self.low = threshold - ROUNDING, low
        self.spell_out = spell_out
        self.variants = [[words for name in its for words in variants(name)] for its in names]
        self.acronyms = [has_acronym(its) for its in names]
        self.with_acronym = [i for i, has in enumerate(self.acronyms) if has]
        postings: dict[str, set[int]] = {}
        for position, its in enumerate(names):
            for name in its:
                for words in (name.words, name.core):
                    for word in words:
                        postings.setdefault(word.stem, set()).add(position)
        self.alike = Alike(postings)
        rarity = {s: sum(len(postings.get(o, ())) for o in self.alike.of(s)) for s in postings}
        hits: dict[str, set[int]] = {}

        def hit(stem_: str) -> set[int]:
            if stem_ not in hits:
                hits[stem_] = set().union(*(postings.get(o, ()) for o in self.alike.of(stem_)))
            return hits[stem_]

        near: dict[int, set[int]] = {}  # by word list (a name is in each record of its group)
        for words in {id(w): w for its in self.variants for w in its}.values():
            near[id(words)] = _near(words, hit, rarity, low, self.least_score)
        self.near_words = near
        self.near = [set().union(*(near[id(words)] for words in its)) for its in self.variants]
        self.initials = [
            {"".join(w.word[0] for w in words if not w.acronym) for words in its}
            for its in self.variants
        ]
        self._shapes: dict[int, _Shape] = {}  # by word list, as ``near_words``
        self._of: dict[int, list[_Shape]] = {}  # by record
        self._by_letter: dict[str, set[int]] | None = None

    def shapes(self, position: int) -> list[_Shape]:
        found = self._of.get(position)
        if found is None:
            found = self._of[position] = []
            for words in self.variants[position]:
                if id(words) not in self._shapes:
                    self._shapes[id(words)] = self.shape(words)
                found.append(self._shapes[id(words)])
        return found

    def shape(self, words: Sequence[Word]) -> _Shape:
        return _Shape(words, self.alike, self.low)

    def pairs(self, new: int, groups: Sequence[str]) -> set[tuple[int, int]]:
        """(i, j), i < j and i one of the first ``new``, not of one group, that could reach
        the threshold without an acronym spelt out (those are ``could_reach``'s)."""
        near = self.near
        pairs = {
            (min(i, j), max(i, j))
            for i in range(min(new, len(near)))
            for j in near[i]
            if j != i and i in near[j] and not (groups[i] and groups[i] == groups[j])
        }
        return {pair for pair in pairs if self.could_reach(*pair)}

    def could_reach(self, i: int, j: int) -> bool:
        """Whether two records could reach the threshold. Of each pair of their word lists,
        those whose prefixes meet the other both ways are bounded; when one has an acronym
        that the other's words could spell out, the bound is taken of the words as spelt out
        (as they are scored); when both have acronyms, the pair is scored in full."""
        if self.acronyms[i] and self.acronyms[j]:
            return True
        if not (self.acronyms[i] or self.acronyms[j]):
            near = self.near_words
            first = [
                s for w, s in zip(self.variants[i], self.shapes(i), strict=True) if j in near[id(w)]
            ]
            second = [
                s for w, s in zip(self.variants[j], self.shapes(j), strict=True) if i in near[id(w)]
            ]
            return any(_within(a, b, self.least_score) for a in first for b in second)
        short, other = (i, j) if self.acronyms[i] else (j, i)
        plain = other in self.near[short] and short in self.near[other]
        if not plain and not self.may_spell_out(short, other):
            return False
        near = self.near_words
        for a, shape_a in zip(self.variants[short], self.shapes(short), strict=True):
            meets = plain and other in near[id(a)]
            for b, shape_b in zip(self.variants[other], self.shapes(other), strict=True):
                if shape_a.acronyms and shape_a.may_spell_out(shape_b):
                    if not shape_a.spelt_out_within(shape_b, self.least_score):
                        continue
                    if _within(self.shape(self.spell_out(a, b)), shape_b, self.least_score):
                        return True
                elif meets and short in near[id(b)] and _within(shape_a, shape_b, self.least_score):
                    return True
        return False

    def spellers(self, position: int) -> set[int]:
        """The records with an acronym, and those whose initials have every letter (or all
        but one, in four letters or more) of what an acronym of ``position`` stands for: all
        the records that could be paired with it by spelling an acronym out."""
        if self._by_letter is None:
            self._by_letter = {}
            for record, its in enumerate(self.initials):
                for letter in set().union(*its):
                    self._by_letter.setdefault(letter, set()).add(record)
        by_letter = self._by_letter
        found = set(self.with_acronym)
        for words in self.variants[position]:
            for alias in (a for w in words if w.acronym for a in w.aliases):
                letters = set(alias)
                leave_out = [set(), *({x} for x in letters)] if len(alias) >= 4 else [set()]
                for out in leave_out:
                    found |= set.intersection(*(by_letter.get(x, set()) for x in letters - out))
        return found

    def may_spell_out(self, short: int, other: int) -> bool:
        """Whether an acronym of any of one record's names could be spelt out by any of the
        other's (``_Shape.may_spell_out``, for all the names at once)."""
        return any(
            _spelt(w.aliases, initials)
            for words in self.variants[short]
            for w in words
            if w.acronym
            for initials in self.initials[other]
        )


def _near(
    words: Sequence[Word],
    hits: Callable[[str], set[int]],
    rarity: dict[str, int],
    low: frozenset[str],
    least_score: float,
) -> set[int]:
    """The records with words alike to enough words of the prefix of ``words`` (``hits``:
    the records with a word alike to a stem)."""
    stems, required = prefix(words, rarity, low, least_score)
    found = [hits(s) for s in stems]
    if required == 1:
        return set().union(*found)
    return set().union(*(set.intersection(*some) for some in combinations(found, required)))


class _Shape:
    """One word list of a name, as the bound of a pair needs it."""

    def __init__(self, words: Sequence[Word], alike: Alike, low: frozenset[str]) -> None:
        self.weights: dict[str, tuple[float, float]] = {}
        """Each stem's words' greatest and least weights, added."""
        for w in words:
            high, least_ = self.weights.get(w.stem, (0.0, 0.0))
            self.weights[w.stem] = (high + greatest(w, low), least_ + least(w, low))
        self.stems = frozenset(self.weights)
        self.least = sum(least_ for _, least_ in self.weights.values())
        self.alike = frozenset(other for s in self.stems for other in alike.of(s))
        self.initials = "".join(w.word[0] for w in words if not w.acronym)
        self.acronyms = [
            (w.stem, w.aliases, greatest(w, low), least(w, low)) for w in words if w.acronym
        ]
        self.high = sum(high for high, _ in self.weights.values())

    def may_spell_out(self, other: _Shape) -> bool:
        """Whether an acronym of these words could be spelt out by other's words: the
        initials of a run of other's words could be what it stands for (``_spelt``)."""
        return any(_spelt(aliases, other.initials) for _, aliases, _, _ in self.acronyms)

    def spelt_out_within(self, other: _Shape, least_score: float) -> bool:
        """Whether these words, with their acronyms spelt out by other's, could score
        ``least_score`` against other, whatever they are spelt out as: an acronym spelt out
        leaves the words and is replaced by at most one word more than its letters, copied
        from other's (each weighing at most 1, all matched), and at best every word of other
        is then matched."""
        shared = self.stems & other.alike
        matched = sum(self.weights[s][0] for s in shared) + other.high
        unmatched = self.least - sum(self.weights[s][1] for s in shared)
        for stem_, aliases, high, least_ in self.acronyms:
            if _spelt(aliases, other.initials):
                matched += max(len(alias) for alias in aliases) + 1
                if stem_ in shared:
                    matched -= high
                else:
                    unmatched -= least_
        return matched / (matched + max(unmatched, 0.0)) >= least_score


def _spelt(aliases: tuple[str, ...], initials: str) -> bool:
    """Whether a run of words with these ``initials`` (in order) could spell out an acronym
    standing for one of ``aliases``, as ``duplicates._initials_run`` looks for it: a run of as
    many words as its letters with its initials, or one slip from them (in four letters or
    more: the same letters in another order, or one letter more or fewer)."""
    letters = set(initials)
    for alias in aliases:
        if len(set(alias) - letters) > (len(alias) >= 4):  # too few of its letters
            continue
        for size in (len(alias), len(alias) - 1, len(alias) + 1):
            slips = max(size, len(alias)) >= 4
            for start in range(len(initials) - size + 1):
                run = initials[start : start + size]
                if run == alias or (slips and _one_apart(run, alias)):
                    return True
    return False


def _one_apart(run: str, alias: str) -> bool:
    """The same letters (two swapped), or one letter more or fewer: what a slip needs."""
    if len(run) == len(alias):
        return sorted(run) == sorted(alias)
    longer, shorter = (run, alias) if len(run) > len(alias) else (alias, run)
    return not Counter(shorter) - Counter(longer) and len(longer) - len(shorter) == 1


def _within(a: _Shape, b: _Shape, least_score: float) -> bool:
    """Whether two word lists could score ``least_score``: at best every word alike to a word
    of the other counts in full, at its greatest weight, and the others add their least weight
    to the total."""
    shared_a = a.stems & b.alike
    if not shared_a:
        return False
    matched = unmatched = 0.0
    for weights, shared in ((a.weights, shared_a), (b.weights, b.stems & a.alike)):
        for stem_ in shared:
            high, least_ = weights[stem_]
            matched += high
            unmatched -= least_
    unmatched += a.least + b.least
    return matched / (matched + unmatched) >= least_score


@functools.lru_cache(maxsize=262144)
def stem_ratio(first: str, second: str) -> float:
    """rapidfuzz's ratio of two stems, 0 to 1 (kept: a register compares the same few hundred
    stems again and again)."""
    return ratio(first, second) / 100
