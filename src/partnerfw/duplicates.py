"""Likely duplicates: the same arrangement entered under two names ('Thamesbridge CSP' and
'Thamesbridge Community Safety Partnership'), found by fuzzy matching (difflib) after
spelling out '&', '@', common abbreviations and acronyms. Each pair comes with its score."""

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


@functools.lru_cache(maxsize=4096)
def _tokens(name: str) -> tuple[tuple[str, bool], ...]:
    """Words of a name, each with whether it was written as an acronym (all capitals)."""
    text = name.replace("&", " and ").replace("@", " at ").replace("\u2019", "'")
    found = []
    for raw in re.findall(r"[A-Za-z0-9']+", text):
        word = raw.lower().replace("'", "") if raw.lower() not in ABBREVIATIONS else raw.lower()
        for part in ABBREVIATIONS.get(word, word).split():
            if part not in _IGNORED:
                found.append((part, raw.isupper() and raw.isalpha() and 2 <= len(raw) <= 6))
    return tuple(found)


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
    """How alike two names are, 0 to 1, and any acronym spelt out to compare them."""
    a, b = _tokens(first), _tokens(second)
    words_a, spelt_a = _expand(a, [w for w, _ in b])
    words_b, spelt_b = _expand(b, words_a)
    ratio = _word_match(words_a, words_b)
    return round(ratio, 2), spelt_a or spelt_b


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


def _could_reach(first: str, second: str, threshold: float) -> bool:
    """False when the names' word counts alone rule the pair out (no acronym to spell out)."""
    a, b = _tokens(first), _tokens(second)
    if any(acronym for _, acronym in (*a, *b)):
        return True
    return bool(a and b) and 2 * min(len(a), len(b)) / (len(a) + len(b)) >= threshold


def likely_duplicates(
    new: list[Candidate], existing: list[Candidate], threshold: float = THRESHOLD
) -> list[LikelyDuplicate]:
    """Pairs among ``new``, and between ``new`` and ``existing``, that look like one arrangement."""
    found = []
    for index, candidate in enumerate(new):
        for other in [*new[index + 1 :], *existing]:
            if not _could_reach(candidate.name, other.name, threshold):
                continue
            value, spelt = score(candidate.name, other.name)
            if value >= threshold:
                found.append(LikelyDuplicate(candidate, other, value, spelt))
    return found
