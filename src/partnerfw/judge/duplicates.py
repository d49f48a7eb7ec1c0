"""Likely duplicates: the same arrangement entered under two names ('Thamesbridge CSP' and
'Thamesbridge Community Safety Partnership', 'C.S.P.', 'Legal Service' and 'Shared Legal
Service between Thamesbridge and Medley', 'Leisure Ltd' and 'Leisure Limited'), found by
fuzzy matching (difflib) of the names' words in any order, after spelling out '&', '@', common
abbreviations and acronyms. Names that differ in a number ('Youth Forum 2019', 'Youth Forum
2020') are different arrangements. Each pair comes with its score and what was spelt out.

Used by ``import`` (rows against each other and the register) and by ``check`` (REG006,
across the register). A large register is not compared pair by pair: only names that share a
distinctive word, or an acronym and the words it stands for, are scored."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass

THRESHOLD = 0.8
"""Pairs scoring at or above this are reported; 1.00 means the same words."""

ABBREVIATIONS = {
    "bc": "borough council",
    "dc": "district council",
    "cc": "county council",
    "pship": "partnership",
    "p'ship": "partnership",
    "ptnrship": "partnership",
    "ptshp": "partnership",
    "svc": "service",
    "svcs": "services",
    "serv": "service",
    "mgmt": "management",
    "mgt": "management",
    "dept": "department",
    "assoc": "association",
    "ltd": "limited",
    "govt": "government",
    "cttee": "committee",
    "grp": "group",
    "intl": "international",
    "natl": "national",
    "info": "information",
    "st": "saint",
}
WORD_MATCH = 0.85
"""Two words count as the same word from this difflib ratio ('comunity' ~ 'community')."""
_IGNORED = frozenset({"the", "of", "for"})
QUALIFIERS = frozenset({"shared", "joint"})
"""Words that say how a service is run, not which: 'Shared Legal Service' ~ 'Legal Service'."""
_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\b\.?")
"""An acronym written with full stops: 'C.S.P.' -> 'CSP'."""
_PARTNER_CLAUSE = re.compile(r"\s+(?:between|with|across|on behalf of)\s+\S.*$", re.IGNORECASE)
"""'... between Thamesbridge and Medley': who shares it, not what it is."""
BRUTE_FORCE = 150
"""Up to this many names, every pair is scored."""


@dataclass(frozen=True)
class Candidate:
    label: str
    """Where the name is: 'row 4' or 'register/food-bank-partnership.yaml'."""
    name: str


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Candidate
    second: Candidate
    score: float
    expanded: str = ""
    """The acronym spelt out to match, e.g. 'CSP = community safety partnership'."""


@functools.lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[tuple[str, bool], ...]:
    """Words of a name, each with whether it was written as an acronym (all capitals)."""
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").upper(), name)
    text = text.replace("&", " and ").replace("@", " at ").replace("\u2019", "'")
    found = []
    for raw in re.findall(r"[A-Za-z0-9']+", text):
        word = raw.lower().replace("'", "") if raw.lower() not in ABBREVIATIONS else raw.lower()
        for part in ABBREVIATIONS.get(word, word).split():
            if part not in _IGNORED:
                found.append((part, raw.isupper() and raw.isalpha() and 2 <= len(raw) <= 6))
    return tuple(found)


@dataclass(frozen=True)
class _Name:
    words: tuple[tuple[str, bool], ...]
    plain: tuple[tuple[str, bool], ...]
    """Without the qualifiers 'shared' and 'joint'."""
    core: tuple[tuple[str, bool], ...]
    """Without the qualifiers nor a partner clause ('between A and B')."""
    clause: str
    numbers: frozenset[str]
    left_out: tuple[str, ...]


@functools.lru_cache(maxsize=65536)
def _prepare(name: str) -> _Name:
    words = _tokens(name)
    plain = tuple(w for w in words if w[0] not in QUALIFIERS)
    match = _PARTNER_CLAUSE.search(name)
    clause = match.group(0).strip() if match else ""
    core = (
        tuple(w for w in _tokens(name[: match.start()]) if w[0] not in QUALIFIERS)
        if match
        else plain
    )
    if len(plain) < 2:
        plain = words
    if len(core) < 2:
        core, clause = plain, ""
    qualifiers = tuple(dict.fromkeys(w for w, _ in words if w in QUALIFIERS))
    return _Name(
        words,
        plain,
        core,
        clause,
        frozenset(w for w, _ in words if w.isdigit()),
        qualifiers,
    )


def _expand(words: tuple[tuple[str, bool], ...], other: list[str]) -> tuple[list[str], str]:
    """Spell out acronyms of ``words`` that are the initials of consecutive words of ``other``."""
    result: list[str] = []
    spelt = ""
    for word, acronym in words:
        if acronym and word not in other:
            for start in range(len(other) - len(word) + 1):
                run = other[start : start + len(word)]
                if "".join(w[0] for w in run) == word:
                    result.extend(run)
                    spelt = f"{word.upper()} = {' '.join(run)}"
                    break
            else:
                result.append(word)
        else:
            result.append(word)
    return result, spelt


def score(first: str, second: str) -> tuple[float, str]:
    """How alike two names are, 0 to 1, and what was spelt out or left out to compare them."""
    return _score(_prepare(first), _prepare(second))


def _score(a: _Name, b: _Name) -> tuple[float, str]:
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return 0.0, ""
    value, spelt = _compare(a.words, b.words)
    # 'Legal Service' ~ 'Shared Legal Service between A and B': compare without how it is
    # shared, and without who shares it when only one name says so.
    left_a, left_b = _left(a, b)
    if (left_a, left_b) != (a.words, b.words):
        other, other_spelt = _compare(left_a, left_b)
        if other > value:
            aside = [f"'{q}'" for q in dict.fromkeys((*a.left_out, *b.left_out))]
            aside += [
                f"'{c}'"
                for c in (a.clause, b.clause)
                if c and (left_a is a.core or left_b is b.core)
            ]
            spelt = "; ".join(p for p in (other_spelt, "leaving out " + " and ".join(aside)) if p)
            value = other
    return round(value, 2), spelt


def _left(a: _Name, b: _Name) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]:
    """The words to compare once how it is shared is left out, and who shares it when only
    one name says so."""
    left_a = a.core if a.clause and not b.clause else a.plain
    left_b = b.core if b.clause and not a.clause else b.plain
    return left_a, left_b


def _compare(a: tuple[tuple[str, bool], ...], b: tuple[tuple[str, bool], ...]) -> tuple[float, str]:
    words_a, spelt_a = _expand(a, [w for w, _ in b])
    words_b, spelt_b = _expand(b, words_a)
    return _word_match(words_a, words_b), spelt_a or spelt_b


def _word_match(first: list[str], second: list[str]) -> float:
    """Share of words the two names have in common, a word matching a near-identical one
    ('comunity' ~ 'community'): 2 x matched / (words in both names)."""
    if not first or not second:
        return 0.0
    left = list(second)
    matched = 0.0
    for word in first:
        if word in left:  # the same word: nothing matches better, and the first is taken
            matched += 1.0
            left.remove(word)
            continue
        best, best_ratio = None, 0.0
        for index, other in enumerate(left):
            ratio = _alike(word, other)
            if ratio > best_ratio:
                best, best_ratio = index, ratio
        if best is not None and best_ratio >= WORD_MATCH:
            matched += best_ratio
            left.pop(best)
    return 2 * matched / (len(first) + len(second))


@functools.lru_cache(maxsize=65536)
def _alike(word: str, other: str) -> float:
    """difflib's ratio of two words, 0 when it cannot reach the 0.85 a match needs."""
    if word == other:
        return 1.0
    if 2 * min(len(word), len(other)) / (len(word) + len(other)) < WORD_MATCH:
        return 0.0
    if len(_pairs_of_letters(word) & _pairs_of_letters(other)) < _shared_needed(
        len(word) + len(other)
    ):
        return 0.0
    matcher = difflib.SequenceMatcher(None, word, other)
    return matcher.ratio() if matcher.quick_ratio() >= WORD_MATCH else 0.0


@functools.lru_cache(maxsize=65536)
def _pairs_of_letters(word: str) -> frozenset[tuple[str, int]]:
    """The word's pairs of adjacent letters, each with how many times it came before, so that
    the sets of two words share as many members as the words share pairs."""
    seen: dict[str, int] = {}
    found = []
    for start in range(len(word) - 1):
        pair = word[start : start + 2]
        seen[pair] = seen.get(pair, 0) + 1
        found.append((pair, seen[pair]))
    return frozenset(found)


@functools.lru_cache(maxsize=256)
def _shared_needed(total: int) -> int:
    """The fewest pairs of adjacent letters two words of ``total`` letters between them share
    when difflib's ratio reaches WORD_MATCH, so that words sharing fewer are not compared.

    The ratio is 2M/T for M letters in matching blocks: a block of s letters holds s - 1 pairs
    the two words share, and blocks are parted by at least one of the T - 2M letters left
    unmatched, so the words share at least M - (T - 2M + 1) = 3M - T - 1 pairs, M being at
    least the fewest matched letters that reach the ratio (as difflib computes it)."""
    fewest = -(-17 * total // 40)  # ceil(0.425 * total)
    while fewest > 0 and 2.0 * (fewest - 1) / total >= WORD_MATCH:
        fewest -= 1
    while 2.0 * fewest / total < WORD_MATCH:
        fewest += 1
    return 3 * fewest - total - 1


class _Partners:
    """Which words of the names being compared could match which (a superset of the pairs
    ``_alike`` matches): a word matches only words of a near length sharing enough pairs of
    adjacent letters (``_shared_needed``), found through an index of those pairs rather
    than by comparing every word with every other."""

    def __init__(self, names: list[_Name]) -> None:
        self.index: dict[tuple[str, int], list[str]] = {}
        self.by_length: dict[int, list[str]] = {}
        for word in {w for name in names for w, _ in name.words}:
            self.by_length.setdefault(len(word), []).append(word)
            for pair in _pairs_of_letters(word):
                self.index.setdefault(pair, []).append(word)
        self.found: dict[str, frozenset[str]] = {}
        self.spans: dict[tuple[tuple[str, bool], ...], tuple[list[str], frozenset[str]]] = {}

    def of(self, word: str) -> frozenset[str]:
        known = self.found.get(word)
        if known is not None:
            return known
        shared: dict[str, int] = {}
        for pair in _pairs_of_letters(word):
            for other in self.index.get(pair, ()):
                shared[other] = shared.get(other, 0) + 1
        size = len(word)
        matching = {word}
        for length, others in self.by_length.items():
            if 2 * min(size, length) / (size + length) < WORD_MATCH:
                continue
            needed = _shared_needed(size + length)
            matching.update(o for o in others if shared.get(o, 0) >= max(needed, 1) or needed <= 0)
        self.found[word] = found = frozenset(matching)
        return found

    def reach(self, x: tuple[tuple[str, bool], ...], y: tuple[tuple[str, bool], ...]) -> float:
        """The most ``_word_match`` could give these words: each word matched counts at most
        1, and only a word with a possible match in the other name can be matched (the
        relation is symmetric, so that is a word among the other's words' matches)."""
        words_x, reach_x = self._words(x)
        words_y, reach_y = self._words(y)
        can_x = sum(map(reach_y.__contains__, words_x))
        can_y = sum(map(reach_x.__contains__, words_y))
        return 2 * min(can_x, can_y) / (len(x) + len(y))

    def _words(self, words: tuple[tuple[str, bool], ...]) -> tuple[list[str], frozenset[str]]:
        known = self.spans.get(words)
        if known is None:
            plain = [w for w, _ in words]
            known = self.spans[words] = (plain, frozenset().union(*map(self.of, plain)))
        return known


_ROUNDING = 0.006
"""Scores are rounded to two places before the threshold: a bound must allow for it."""


def _could_reach(a: _Name, b: _Name, threshold: float, partners: _Partners | None = None) -> bool:
    """False when the names' numbers or word counts alone rule the pair out (or, given the
    ``partners`` of their words, how many words could match at all)."""
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    if any(acronym for _, acronym in (*a.words, *b.words)):
        return True

    def bound(x: tuple[tuple[str, bool], ...], y: tuple[tuple[str, bool], ...]) -> bool:
        if not (x and y) or 2 * min(len(x), len(y)) / (len(x) + len(y)) < threshold:
            return False
        return partners is None or partners.reach(x, y) >= threshold - _ROUNDING

    return bound(a.words, b.words) or bound(*_left(a, b))


def likely_duplicates(
    new: list[Candidate], existing: list[Candidate], threshold: float = THRESHOLD
) -> list[LikelyDuplicate]:
    """Pairs among ``new``, and between ``new`` and ``existing``, that look like one
    arrangement: each new name against the names after it, then against ``existing``."""
    pool = [*new, *existing]
    names = [_prepare(c.name) for c in pool]
    partners = _Partners(names)
    found = []
    for i, j in _pairs(names, len(new), partners, threshold):
        if not _could_reach(names[i], names[j], threshold, partners):
            continue
        value, spelt = _score(names[i], names[j])
        if value >= threshold:
            found.append(LikelyDuplicate(pool[i], pool[j], value, spelt))
    return found


def _pairs(
    names: list[_Name], new: int, partners: _Partners, threshold: float
) -> list[tuple[int, int]]:
    """(i, j), i < j and i a new name, worth scoring. Every pair of a small pool; in a large
    one, the pairs that share a distinctive word (one in few names), or where an acronym of
    one is the initials of words in the other, and that have enough words that could match
    to reach ``threshold``. A name with a number is only paired with names with the same
    number or none ('Youth Forum 2019' is not 'Youth Forum 2020')."""
    if len(names) <= BRUTE_FORCE:
        return [(i, j) for i in range(new) for j in range(i + 1, len(names))]
    postings: dict[str, list[int]] = {}
    numberless: dict[str, list[int]] = {}
    by_number: dict[str, list[int]] = {}
    acronyms: dict[str, list[int]] = {}
    initials: dict[str, list[int]] = {}
    runs = [_initials(name) for name in names]
    for index, name in enumerate(names):
        for word, acronym in set(name.words):
            postings.setdefault(word, []).append(index)
            if not name.numbers:
                numberless.setdefault(word, []).append(index)
            if acronym:
                acronyms.setdefault(word, []).append(index)
        for number in name.numbers:
            by_number.setdefault(number, []).append(index)
        for run in set(runs[index]):
            initials.setdefault(run, []).append(index)
    limit = max(50, int(4 * len(names) ** 0.5))
    enough = _Enough(names, postings, partners, threshold)
    pairs: set[tuple[int, int]] = set()
    for i in range(new):
        name = names[i]
        words = {w for w, _ in name.words if not w.isdigit()}
        distinctive = [w for w in words if len(postings[w]) <= limit]
        if not distinctive:  # only common words: take its rarest two
            distinctive = sorted(words, key=lambda w: len(postings[w]))[:2]
        if name.numbers:
            near = [j for n in name.numbers for j in by_number[n]]
            near += [j for w in distinctive for j in numberless.get(w, [])]
        else:
            near = [j for w in distinctive for j in postings[w]]
        for word, acronym in name.words:
            if acronym:
                near += initials.get(word, [])
        for run in runs[i]:
            near += acronyms.get(run, [])
        pairs.update((i, j) if i < j else (j, i) for j in enough.among(i, near) if j != i)
    return sorted(pairs)


class _Enough:
    """Which of the names near one could reach the threshold at all: for each name, how many
    of its words could match a word of each other name (``_Partners``), counted at once for
    every other name through the index of words; a pair whose count cannot make the score
    is not scored. Names written with an acronym are always scored (it may stand for
    several words)."""

    def __init__(
        self,
        names: list[_Name],
        postings: dict[str, list[int]],
        partners: _Partners,
        threshold: float,
    ) -> None:
        self.names, self.postings, self.partners = names, postings, partners
        self.needed = threshold - _ROUNDING
        self.least = [min(len(n.words), len(n.plain), len(n.core)) for n in names]
        self.acronym = [any(a for _, a in n.words) for n in names]
        self.holding: dict[str, list[int]] = {}

    def _holding(self, word: str) -> list[int]:
        """The names holding a word that could match ``word``."""
        found = self.holding.get(word)
        if found is None:
            found = sorted(
                {j for other in self.partners.of(word) for j in self.postings.get(other, ())}
            )
            self.holding[word] = found
        return found

    def among(self, i: int, near: list[int]) -> list[int]:
        if self.acronym[i]:
            return near
        counts: Counter[int] = Counter()
        for word, _ in self.names[i].words:
            counts.update(self._holding(word))
        least, acronym, needed = self.least, self.acronym, self.needed
        return [
            j for j in set(near) if acronym[j] or 2 * counts[j] >= needed * (least[i] + least[j])
        ]


def _initials(name: _Name) -> list[str]:
    """Runs of initials of a name's words that could be written as an acronym elsewhere."""
    letters = [w[0] for w, _ in name.words]
    return [
        "".join(letters[start : start + size])
        for start in range(len(letters))
        for size in range(2, min(6, len(letters) - start) + 1)
    ]
