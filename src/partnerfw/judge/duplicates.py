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
    matcher = difflib.SequenceMatcher(None, word, other)
    return matcher.ratio() if matcher.quick_ratio() >= WORD_MATCH else 0.0


def _could_reach(a: _Name, b: _Name, threshold: float) -> bool:
    """False when the names' numbers or word counts alone rule the pair out."""
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    if any(acronym for _, acronym in (*a.words, *b.words)):
        return True

    def bound(x: tuple[object, ...], y: tuple[object, ...]) -> bool:
        return bool(x and y) and 2 * min(len(x), len(y)) / (len(x) + len(y)) >= threshold

    return bound(a.words, b.words) or bound(*_left(a, b))


def likely_duplicates(
    new: list[Candidate], existing: list[Candidate], threshold: float = THRESHOLD
) -> list[LikelyDuplicate]:
    """Pairs among ``new``, and between ``new`` and ``existing``, that look like one
    arrangement: each new name against the names after it, then against ``existing``."""
    pool = [*new, *existing]
    names = [_prepare(c.name) for c in pool]
    found = []
    for i, j in _pairs(names, len(new)):
        if not _could_reach(names[i], names[j], threshold):
            continue
        value, spelt = _score(names[i], names[j])
        if value >= threshold:
            found.append(LikelyDuplicate(pool[i], pool[j], value, spelt))
    return found


def _pairs(names: list[_Name], new: int) -> list[tuple[int, int]]:
    """(i, j), i < j and i a new name, worth scoring. Every pair of a small pool; in a large
    one, the pairs that share a distinctive word (one in few names), or where an acronym of
    one is the initials of words in the other. A name with a number is only paired with
    names with the same number or none ('Youth Forum 2019' is not 'Youth Forum 2020')."""
    if len(names) <= BRUTE_FORCE:
        return [(i, j) for i in range(new) for j in range(i + 1, len(names))]
    postings: dict[str, list[int]] = {}
    numberless: dict[str, list[int]] = {}
    by_number: dict[str, list[int]] = {}
    acronyms: dict[str, list[int]] = {}
    initials: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        for word, acronym in set(name.words):
            postings.setdefault(word, []).append(index)
            if not name.numbers:
                numberless.setdefault(word, []).append(index)
            if acronym:
                acronyms.setdefault(word, []).append(index)
        for number in name.numbers:
            by_number.setdefault(number, []).append(index)
        for run in set(_initials(name)):
            initials.setdefault(run, []).append(index)
    limit = max(50, int(4 * len(names) ** 0.5))
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
        for run in _initials(name):
            near += acronyms.get(run, [])
        pairs.update((min(i, j), max(i, j)) for j in near if j != i)
    return sorted(pairs)


def _initials(name: _Name) -> list[str]:
    """Runs of initials of a name's words that could be written as an acronym elsewhere."""
    letters = [w[0] for w, _ in name.words]
    return [
        "".join(letters[start : start + size])
        for start in range(len(letters))
        for size in range(2, min(6, len(letters) - start) + 1)
    ]
