"""Likely duplicates: one arrangement entered twice under two names, as real registers have
them: an acronym and its long name ('Thamesbridge CSP', 'C.S.P.', 'HWB' for Health and
Wellbeing Board), an acronym with two letters swapped or one dropped ('LCSB', 'MAPA'), a word
in another form ('Finance' and 'Financial Services'), a body renamed over the years ('CDRP' and
'Community Safety Partnership', ``duplicate_words.RENAMED``, or a record's predecessor or
successor under its old name), 'Ltd' and 'Limited', and 'Legal Service' against 'Shared Legal
Service between Thamesbridge and Medley'.

Names are compared word by word in any order (rapidfuzz's ratio for words with a typo), each
word weighted by how much it says about which arrangement it is: 'partnership', 'board' and a
word many names of the register share (the council's own place name) count half, 'shared' and
'service' a quarter. So different services that share a partner ('Shared Legal Service with
Medley' and 'Shared HR Service with Medley') are told apart by the words that differ; names that
differ in a number ('Youth Forum 2019', 'Youth Forum 2020') are different arrangements; and
records linked as predecessor and successor are one arrangement's history, never duplicates of
each other. Each pair comes with its score and what was spelt out.

Used by ``import`` (rows against each other and the register) and by ``check`` (REG006, across
the register). A large register is not compared pair by pair: only names that share a
distinctive word, or an acronym and the words it stands for, are candidates
(``duplicate_pairs``), and of those only the pairs whose score could reach the threshold are
scored (``duplicate_bounds``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from partnerfw.judge.duplicate_bounds import stem_ratio, worth_scoring
from partnerfw.judge.duplicate_words import (
    ABBREVIATIONS,
    CONNECTORS,
    KINDS,
    OLD_ACRONYMS,
    QUALIFIERS,
    RENAMED,
    base_weight,
    renamed,
    slip,
    stem,
)
from partnerfw.record.loading import LoadedRecord

THRESHOLD = 0.8
"""Pairs scoring at or above this are reported; 1.00 means the same words."""
WORD_MATCH = 0.85
"""Two words of four letters or more count as the same word from this ratio of their stems
('comunity' ~ 'community', 'chidlren' ~ 'children')."""
FREQUENT = 0.05
"""A word in at least this share of a register's names (and in three or more) says little
about which arrangement a name is: it counts half, like 'partnership'."""
_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\b\.?")
"""An acronym written with full stops: 'C.S.P.' -> 'CSP'."""
_PARTNER_CLAUSE = re.compile(r"\s+(?:between|with|across|on behalf of)\s+\S.*$", re.IGNORECASE)
"""'... between Thamesbridge and Medley': who shares it, not what it is."""
_WORD = re.compile(r"[A-Za-z0-9']+(?:-[a-z][A-Za-z0-9']*)*")
"""A word; 'Well-being' is one word, 'Mid-Kent' and 'Multi-Agency' two."""


@dataclass(frozen=True)
class Candidate:
    label: str
    """Where the name is: 'row 4' or 'register/food-bank-partnership.yaml'."""
    name: str
    aliases: tuple[str, ...] = ()
    """The names of the records it is linked to as predecessor or successor: its own names
    over the years."""
    group: str = ""
    """The arrangement whose history it is part of (records linked as predecessors and
    successors share one); never a duplicate of another of the same group."""
    current: bool = True
    """False for a record that has a successor: in its group, the current one is named."""


@dataclass(frozen=True)
class LikelyDuplicate:
    first: Candidate
    second: Candidate
    score: float
    expanded: str = ""
    """What was spelt out to match, e.g. 'CSP = community safety partnership'."""


@dataclass(frozen=True)
class _Word:
    word: str
    stem: str
    weight: float
    acronym: bool = False
    aliases: tuple[str, ...] = ()
    """For an acronym: itself and, for a renamed body's, the acronym it has now."""


@dataclass(frozen=True)
class _Name:
    words: tuple[_Word, ...]
    plain: tuple[_Word, ...]
    """Without the qualifiers 'shared' and 'joint'."""
    core: tuple[_Word, ...]
    """Without the qualifiers nor a partner clause ('between A and B')."""
    clause: str
    numbers: frozenset[str]
    left_out: tuple[str, ...]
    renamed: tuple[str, ...] = field(default=())


@functools.lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[tuple[_Word, ...], tuple[str, ...]]:
    """The words of a name as they are compared, and the renames read."""
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").upper(), name)
    text = text.replace("&", " and ").replace("@", " at ").replace("\u2019", "'")
    raw = [w.replace("-", "") for w in _WORD.findall(text)]
    raw, said = renamed(raw)
    found: list[_Word] = []
    for word in raw:
        lower = word.lower()
        parts = ABBREVIATIONS[lower].split() if lower in ABBREVIATIONS else [lower.replace("'", "")]
        acronym = word.isupper() and word.isalpha() and 2 <= len(word) <= 6
        for part in parts:
            if not part or (part in CONNECTORS and not acronym):  # '-' or "'" alone is no word
                continue
            if acronym and len(parts) == 1:
                aliases = (part, OLD_ACRONYMS[part][0]) if part in OLD_ACRONYMS else (part,)
                if _restates(part, found):
                    continue
                found.append(_Word(part, part, 1.0, True, aliases))
            else:
                found.append(_plain_word(part))
    return tuple(found), tuple(said)


@functools.lru_cache(maxsize=65536)
def _plain_word(word: str) -> _Word:
    return _Word(word, stem(word), base_weight(word))


def _restates(acronym: str, before: list[_Word]) -> bool:
    """True for an acronym in brackets after its own words: 'Local Strategic Partnership
    (LSP)' says LSP twice."""
    run = before[-len(acronym) :] if len(before) >= len(acronym) else []
    return bool(run) and "".join(w.word[0] for w in run) == acronym


@functools.lru_cache(maxsize=65536)
def _prepare(name: str) -> _Name:
    words, renamed = _tokens(name)
    plain = tuple(w for w in words if w.word not in QUALIFIERS)
    match = _PARTNER_CLAUSE.search(name)
    clause = match.group(0).strip() if match else ""
    core = (
        tuple(w for w in _tokens(name[: match.start()])[0] if w.word not in QUALIFIERS)
        if match
        else plain
    )
    if len(plain) < 2:
        plain = words
    if len(core) < 2:
        core, clause = plain, ""
    qualifiers = tuple(dict.fromkeys(w.word for w in words if w.word in QUALIFIERS))
    numbers = frozenset(w.word for w in words if w.word.isdigit())
    return _Name(words, plain, core, clause, numbers, qualifiers, renamed)


def _alike(first: _Word, second: _Word) -> float:
    """How alike two words are, 0 or from ``WORD_MATCH`` to 1."""
    if first.stem == second.stem:
        return 1.0
    if first.acronym or second.acronym:
        if first.acronym and second.acronym:
            if set(first.aliases) & set(second.aliases):
                return 1.0
            return 0.95 if slip(first.word, second.word) else 0.0
        return 0.0
    if first.word.isdigit() or second.word.isdigit() or min(len(first.stem), len(second.stem)) < 4:
        return 0.0
    value = stem_ratio(first.stem, second.stem)
    return value if value >= WORD_MATCH else 0.0


def _expand(words: Sequence[_Word], other: Sequence[_Word]) -> tuple[list[_Word], list[str]]:
    """Spell out acronyms of ``words`` that are the initials of consecutive words of
    ``other`` (or one slip from them), or the acronym ``other`` writes for a renamed body or
    with a slip; saying what was read."""
    result: list[_Word] = []
    spelt: list[str] = []
    written = [w for w in other if w.acronym]
    plain = [w for w in other if not w.acronym]
    for word in words:
        if not word.acronym or any(w.word == word.word for w in written):
            result.append(word)
            continue
        now_named = next((w for w in written if set(w.aliases) & set(word.aliases)), None)
        slipped = next((w for w in written if slip(w.word, word.word)), None)
        read = now_named or slipped
        if read is not None:
            result.append(read)
            # The old acronym says what happened, on either side ('CSP' against 'CDRP').
            old = word if word.word in OLD_ACRONYMS else now_named
            how = _renaming(old) if now_named is not None and old is not None else _SLIP
            spelt.append(f"{word.word.upper()} = {read.word.upper()}{how}")
            continue
        run = _initials_run(word, plain)
        if run is None:
            result.append(word)
            continue
        result.extend(run)
        initials = "".join(w.word[0] for w in run)
        if initials not in word.aliases:
            how = _SLIP
        else:
            how = _renaming(word) if initials != word.word else ""
        spelt.append(f"{word.word.upper()} = {' '.join(w.word for w in run)}{how}")
    return result, spelt


_SLIP = " (a slip of a letter)"


def _renaming(acronym: _Word) -> str:
    """' (what happened)' for an old acronym read as the body's name now."""
    return f" ({RENAMED[OLD_ACRONYMS[acronym.word][1]][2]})"


def _initials_run(acronym: _Word, words: list[_Word]) -> list[_Word] | None:
    """The consecutive words whose initials the acronym is, or one slip from."""
    for alias in acronym.aliases:
        near = None
        for size in (len(alias), len(alias) - 1, len(alias) + 1):
            for start in range(len(words) - size + 1):
                run = words[start : start + size]
                initials = "".join(w.word[0] for w in run)
                if initials == alias:
                    return run
                if near is None and slip(alias, initials):
                    near = run
        if near is not None:
            return near
    return None


def _weighted(first: Sequence[_Word], second: Sequence[_Word], low: frozenset[str]) -> float:
    """Share of the two names' weight in words they have in common: each word matched to
    its most alike word in the other name, the best matches first. When both names say what
    sort of body they are, and say different sorts ('Board', 'Partnership'), that word tells
    them apart and counts in full."""
    full = _telling(first, second, lambda w: w.word in KINDS)
    full |= _telling(first, second, lambda w: w.stem in low and not w.acronym, mutual=False)
    weights_a = [_weight(w, low, full) for w in first]
    weights_b = [_weight(w, low, full) for w in second]
    total = sum(weights_a) + sum(weights_b)
    if not total:
        return 0.0
    pairs = sorted(
        (
            (value, i, j)
            for i, a in enumerate(first)
            for j, b in enumerate(second)
            if (value := _alike(a, b))
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = 0.0
    for value, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched += value * (weights_a[i] + weights_b[j])
    return matched / total


def _telling(
    first: Sequence[_Word],
    second: Sequence[_Word],
    which: Callable[[_Word], bool],
    mutual: bool = True,
) -> set[str]:
    """The stems of words of a sort (``which``) that tell two names apart: both names have
    words of that sort and (``mutual``) share none of them ('Board' and 'Partnership'), or
    each has one the other lacks ('Hartmoor ...' and 'Northvale ...': two places). They
    count in full."""
    a = {w.stem for w in first if which(w)}
    b = {w.stem for w in second if which(w)}
    if not (a and b) or (a & b if mutual else not (a - b and b - a)):
        return set()
    return a ^ b if not mutual else a | b


def _weight(word: _Word, low: frozenset[str], full: set[str]) -> float:
    if word.stem in full:
        return 1.0
    return min(word.weight, 0.5) if word.stem in low else word.weight


def _compare(
    first: Sequence[_Word], second: Sequence[_Word], low: frozenset[str]
) -> tuple[float, str]:
    words_a, spelt_a = _expand(first, second)
    words_b, spelt_b = _expand(second, words_a)
    return _weighted(words_a, words_b, low), "; ".join([*spelt_a, *spelt_b])


def score(first: str, second: str, low: Iterable[str] = ()) -> tuple[float, str]:
    """How alike two names are, 0 to 1, and what was spelt out or left out to compare them;
    ``low`` holds the stems of words many names of the register share."""
    return _score(_prepare(first), _prepare(second), frozenset(low))


def _score(a: _Name, b: _Name, low: frozenset[str]) -> tuple[float, str]:
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return 0.0, ""
    value, spelt = _compare(a.words, b.words, low)
    # 'Legal Service' ~ 'Shared Legal Service between A and B': compare without how it is
    # shared, and without who shares it when only one name says so.
    left_a, left_b = _left(a, b)
    if (left_a, left_b) != (a.words, b.words):
        other, other_spelt = _compare(left_a, left_b, low)
        if other > value:
            aside = [f"'{q}'" for q in dict.fromkeys((*a.left_out, *b.left_out))]
            aside += [
                f"'{c}'"
                for c in (a.clause, b.clause)
                if c and (left_a is a.core or left_b is b.core)
            ]
            spelt = "; ".join(p for p in (other_spelt, "leaving out " + " and ".join(aside)) if p)
            value = other
    renamed = [r for r in dict.fromkeys((*a.renamed, *b.renamed)) if r not in spelt]
    if renamed and value:
        spelt = "; ".join(p for p in (spelt, *renamed) if p)
    return round(value, 2), spelt


def _left(a: _Name, b: _Name) -> tuple[tuple[_Word, ...], tuple[_Word, ...]]:
    """The words to compare once how it is shared is left out, and who shares it when only
    one name says so."""
    left_a = a.core if a.clause and not b.clause else a.plain
    left_b = b.core if b.clause and not a.clause else b.plain
    return left_a, left_b


def frequent_words(names: Iterable[str]) -> frozenset[str]:
    """The stems of the words in many of a register's ``names`` (its place name, its usual
    'community'), which say less about which arrangement a name is; ``score`` takes them."""
    return _low([_prepare(name) for name in names])


def _low(names: Sequence[_Name]) -> frozenset[str]:
    """The stems of words in many of ``names``: ``FREQUENT`` of them, and three or more."""
    counts: dict[str, int] = {}
    for name in names:
        for stem_ in {w.stem for w in name.words if not w.acronym}:
            counts[stem_] = counts.get(stem_, 0) + 1
    least = max(3, FREQUENT * len(names))
    return frozenset(s for s, n in counts.items() if n >= least)


def likely_duplicates(
    new: list[Candidate], existing: list[Candidate], threshold: float = THRESHOLD
) -> list[LikelyDuplicate]:
    """Pairs among ``new``, and between ``new`` and ``existing``, that look like one
    arrangement: each new name against the names after it, then against ``existing``.
    Records of one arrangement's history (one ``group``) are never paired; a name that is
    like any of a history's names is paired with that history once, by its best score."""
    pool = [*new, *existing]
    names = [[_prepare(n) for n in (c.name, *c.aliases)] for c in pool]
    low = _low([n[0] for n in names])
    best: dict[tuple[str, str], LikelyDuplicate] = {}
    found = []
    spell_out = lambda a, b: _expand(a, b)[0]  # noqa: E731
    for i, j in worth_scoring(names, len(new), low, threshold, spell_out, [c.group for c in pool]):
        a, b = pool[i], pool[j]
        if a.group and a.group == b.group:
            continue
        value, spelt = _best(names[i], names[j], pool[i], pool[j], low, threshold)
        if value < threshold:
            continue
        pair = LikelyDuplicate(a, b, value, spelt)
        if not (a.aliases or b.aliases):
            found.append(pair)
            continue
        key = (a.group or a.label, b.group or b.label)
        if key not in best or _better(pair, best[key]):
            best[key] = pair
    return found + sorted(best.values(), key=lambda d: (d.first.label, d.second.label))


def _better(pair: LikelyDuplicate, other: LikelyDuplicate) -> bool:
    """The higher score; at the same score, the pair naming current records."""
    current = (pair.first.current, pair.second.current)
    return (pair.score, sum(current)) > (
        other.score,
        sum((other.first.current, other.second.current)),
    )


def _best(
    a: list[_Name],
    b: list[_Name],
    first: Candidate,
    second: Candidate,
    low: frozenset[str],
    threshold: float,
) -> tuple[float, str]:
    """The best score of the two names, or of either against the other's earlier or later
    names (its linked records'), saying which name matched."""
    if not _could_reach(a[0], b[0], threshold) and len(a) == len(b) == 1:
        return 0.0, ""
    value, spelt = _score(a[0], b[0], low)
    for x, name_a in enumerate(a):
        for y, name_b in enumerate(b):
            if (x, y) == (0, 0) or value >= 1.0:
                continue
            other, other_spelt = _score(name_a, name_b, low)
            if other > value:
                said = [
                    f"as '{names[k]}', the name of a record it is linked to"
                    for k, names in (
                        (x, (first.name, *first.aliases)),
                        (y, (second.name, *second.aliases)),
                    )
                    if k
                ]
                value, spelt = other, "; ".join(p for p in (other_spelt, *said) if p)
    return value, spelt


def _could_reach(a: _Name, b: _Name, threshold: float) -> bool:
    """False when the names' numbers or word counts alone rule the pair out."""
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    if any(w.acronym for w in (*a.words, *b.words)):
        return True

    def bound(x: tuple[_Word, ...], y: tuple[_Word, ...]) -> bool:
        weight_x, weight_y = sum(w.weight for w in x), sum(w.weight for w in y)
        return bool(x and y) and 2 * min(weight_x, weight_y) / (weight_x + weight_y) >= threshold

    return bound(a.words, b.words) or bound(*_left(a, b))


def candidates(
    records: Iterable[LoadedRecord], label: Callable[[LoadedRecord], str] | None = None
) -> list[Candidate]:
    """The records as candidates (labelled by their file, or by ``label``), each with the
    names of the records it is linked to as predecessor or successor, over any number of
    steps: its history, one group, never duplicates of each other."""
    records = list(records)
    name = label or (lambda r: r.file)
    linked = [r.outline.links for r in records]
    if not any(link.predecessors or link.successors for link in linked):
        return [Candidate(name(r), r.outline.name) for r in records]
    by_id = {r.outline.id: r for r in records}
    parent: dict[str, str] = {i: i for i in by_id}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for record in records:
        links = record.outline.links
        for other in (*links.predecessors, *links.successors):
            if other in by_id and other != record.outline.id:
                parent[root(other)] = root(record.outline.id)
    members: dict[str, list[str]] = {}
    for i in by_id:
        members.setdefault(root(i), []).append(i)
    found = []
    for record in records:
        a = record.outline
        group = members[root(a.id)]
        aliases = tuple(by_id[i].outline.name for i in sorted(group) if i != a.id)
        found.append(
            Candidate(
                name(record),
                a.name,
                aliases,
                root(a.id) if len(group) > 1 else "",
                not any(s in by_id for s in a.links.successors),
            )
        )
    return found
