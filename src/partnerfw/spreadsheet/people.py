"""A person cell that holds a name and a job title: 'A Person, Director (Communities)',
'Head of Housing - J Smith', 'Jo Bloggs (Partnerships Officer)'.

``split`` finds the two parts only when one is plainly a person's name (two to four words,
each capitalised or an initial, none a job-title word) and the other plainly a title (it holds
a word such as director, head, manager, officer). A cell with a title word that cannot be cut
that clearly ('Director of Place', 'Jo Bloggs Director') is ``unsure``: the importer keeps it
whole, as written, for an officer to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLE_WORDS = frozenset(
    {
        "director",
        "head",
        "manager",
        "officer",
        "chief",
        "executive",
        "coordinator",
        "co-ordinator",
        "assistant",
        "deputy",
        "adviser",
        "advisor",
        "consultant",
        "analyst",
        "specialist",
        "commissioner",
        "administrator",
        "supervisor",
        "planner",
        "solicitor",
        "accountant",
        "surveyor",
        "inspector",
        "strategist",
        "secretary",
        "clerk",
        "treasurer",
        "chair",
        "chairman",
        "chairperson",
        "lead",
        "leader",
        "team",
        "ceo",
        "s151",
        "portfolio",
        "cabinet",
        "member",
    }
)
HONORIFICS = frozenset(
    {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "cllr", "sir", "dame", "rev"}
)
_PARTICLES = frozenset({"de", "van", "von", "der", "da", "le", "la", "bin", "al", "du", "di"})
_SEPARATORS = re.compile(r",\s+| [-–—|] |:\s+| / ")
_TRAILING_BRACKET = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True)
class Split:
    name: str
    title: str


@dataclass(frozen=True)
class Unsure:
    why: str


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’.-]*|\d+", text)


def has_title_word(text: str) -> bool:
    return any(w.lower().strip(".") in TITLE_WORDS for w in _words(text))


def looks_like_name(text: str) -> bool:
    """Two to four words, each capitalised or an initial ('J', 'J.'), honorifics such as Dr
    and particles such as 'van' allowed; no digits, no job-title word, no 'and'."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    real = 0
    for word in words:
        bare = word.strip(".,").lower()
        if bare in HONORIFICS or bare in _PARTICLES:
            continue
        if bare in TITLE_WORDS or bare in ("and", "of", "&", "the", "for"):
            return False
        if not re.fullmatch(r"[A-Z][A-Za-z'’-]*\.?|[A-Z]\.?", word.strip(",")):
            return False
        real += 1
    return real >= 2 or (real == 1 and len(words) >= 2)


def split(text: str) -> Split | Unsure | None:
    """The name and the title in ``text``; None when it holds no title (a plain name)."""
    text = " ".join(text.split())
    if not has_title_word(text):
        return None
    bracket = _TRAILING_BRACKET.match(text)
    if bracket and not _SEPARATORS.search(bracket["outer"]):
        found = _pair(bracket["outer"], bracket["inner"])
        if found is not None:
            return found
    parts = _SEPARATORS.split(text, maxsplit=1)
    if len(parts) == 2:
        found = _pair(parts[0], parts[1])
        if found is not None:
            return found
    if not _SEPARATORS.search(text) and not bracket:
        return Unsure("holds a job title, and no comma, dash or brackets set a name apart from it")
    return Unsure("holds a job title, but no part of it is plainly a person's name")


def _pair(first: str, second: str) -> Split | None:
    first, second = first.strip(" ,"), second.strip(" ,")
    if looks_like_name(first) and has_title_word(second) and not has_title_word(first):
        return Split(first, second)
    if looks_like_name(second) and has_title_word(first) and not has_title_word(second):
        return Split(second, first)
    return None
