"""The words of the names councils give their arrangements, for finding one arrangement entered
twice (``duplicates``): abbreviations spelt out, words that say little about which arrangement
it is ('partnership', 'shared', 'service'), and the statutory bodies renamed by law or policy
over the years, so that 'Thamesbridge CDRP' and 'Thamesbridge Community Safety Partnership'
are seen as one arrangement under its old and new names.
"""

from __future__ import annotations

import functools

from rapidfuzz.distance import OSA, Indel

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
"""Abbreviations spelt out before names are compared (in lower case)."""

CONNECTORS = frozenset({"the", "of", "for", "and", "with", "to", "in", "on", "at", "a"})
"""Words left out of a name: they do not tell arrangements apart, and acronyms skip them
('HWB' is Health and Wellbeing Board)."""

QUALIFIERS = frozenset({"shared", "joint"})
"""Words that say how a service is run, not which: 'Shared Legal Service' ~ 'Legal Service'."""

GENERIC = frozenset(
    {
        "shared",
        "joint",
        "service",
        "services",
        "arrangement",
        "arrangements",
        "agreement",
        "council",
        "councils",
        "borough",
        "district",
        "county",
        "city",
        "limited",
        "ltd",
        "cic",
        "plc",
        "llp",
        "programme",
        "project",
        "scheme",
    }
)
"""Words many names share that say little about which arrangement it is: they count a
quarter of a distinctive word."""

KINDS = frozenset(
    {
        "partnership",
        "partnerships",
        "board",
        "forum",
        "committee",
        "group",
        "network",
        "panel",
        "team",
        "trust",
        "company",
        "alliance",
        "consortium",
        "collaborative",
        "compact",
    }
)
"""Words naming what sort of body it is: they count half a distinctive word."""

RENAMED: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("crime and disorder reduction partnership",),
        "community safety partnership",
        "Crime and Disorder Reduction Partnerships became Community Safety Partnerships",
    ),
    (
        ("local safeguarding children board",),
        "safeguarding children partnership",
        "Local Safeguarding Children Boards became safeguarding children partnerships (2019)",
    ),
    (
        ("youth offending team", "youth offending service"),
        "youth justice service",
        "youth offending teams became youth justice services",
    ),
    (
        ("drug and alcohol action team", "drug action team"),
        "combating drugs partnership",
        "drug (and alcohol) action teams became combating drugs partnerships (2022)",
    ),
    (
        ("primary care trust", "clinical commissioning group"),
        "integrated care board",
        "primary care trusts and clinical commissioning groups became integrated care "
        "boards (2022)",
    ),
    (
        ("citizens advice bureau",),
        "citizens advice",
        "Citizens Advice Bureaux became Citizens Advice",
    ),
    (
        ("troubled families",),
        "supporting families",
        "the Troubled Families programme became Supporting Families (2021)",
    ),
)
"""Statutory bodies and national programmes renamed over the years: (old names, the current
name, what happened). A name is compared as the body is called now."""

OLD_ACRONYMS = {
    "cdrp": ("csp", 0),
    "lscb": ("scp", 1),
    "yot": ("yjs", 2),
    "yos": ("yjs", 2),
    "daat": ("cdp", 3),
    "dat": ("cdp", 3),
    "pct": ("icb", 4),
    "ccg": ("icb", 4),
    "cab": ("ca", 5),
}
"""The acronym of an old name: the acronym of what it is called now, and which of
``RENAMED`` says so."""


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word without the endings that make 'finance' and 'financial', 'service' and
    'services', 'communities' and 'community' look different."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for ending in ("ial", "ing", "al", "ed", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def base_weight(word: str) -> float:
    if word in GENERIC or word in QUALIFIERS:
        return 0.25
    if word in KINDS:
        return 0.5
    return 1.0


_RENAMED_FIRST = frozenset(old.split()[0] for olds, _, _ in RENAMED for old in olds)


def renamed(words: list[str]) -> tuple[list[str], list[str]]:
    """The words with each renamed body's old name replaced by its name now, and what was."""
    said: list[str] = []
    if not _RENAMED_FIRST.intersection(w.lower() for w in words):
        return words, said
    for olds, now, why in RENAMED:
        for old in olds:
            phrase = old.split()
            size = len(phrase)
            lower = [w.lower() for w in words]
            for start in range(len(words) - size + 1):
                if lower[start : start + size] == phrase:
                    words = [*words[:start], *now.split(), *words[start + size :]]
                    said.append(why)
                    break
    return words, said


def slip(first: str, second: str) -> bool:
    """Two acronyms one slip apart: two letters swapped ('LSCB', 'LCSB') or one letter left
    out or doubled ('MAPPA', 'MAPA'), in an acronym of four letters or more. A different
    letter ('LSCB', 'LSAB') names a different body, so it does not count."""
    if max(len(first), len(second)) < 4:
        return False
    if len(first) == len(second):
        return sorted(first) == sorted(second) and OSA.distance(first, second) == 1
    return abs(len(first) - len(second)) == 1 and Indel.distance(first, second) == 1
