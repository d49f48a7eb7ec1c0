"""What a spreadsheet's words say about an arrangement's kind or status, when the cell is not
one of the words partnerfw reads exactly: 'a company, not a partnership' is a company,
'dissolved October 2020' and 'ceased 2019' are ended.

A phrase counts unless it is negated ('not a partnership', 'formerly a partnership', 'no
longer active'); a phrase after 'now' or 'since' outweighs the others ('formerly a
partnership, now a company'). When the words point at exactly one value that is the
evidence; at none, or at several ('Active - under review'), there is none, and the importer
leaves the field unknown rather than guess.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum

from partnerfw.record.models import Kind, Status
from partnerfw.spreadsheet.headings import ENUM_WORDS

_PHRASES: dict[type[Enum], dict[str, tuple[str, ...]]] = {
    Kind: {
        "partnership": (
            "partnership",
            "partnerships",
            "pship",
            "p ship",
            "ptnrship",
            "statutory partnership",
            "strategic partnership",
        ),
        "shared_service": (
            "shared service",
            "shared services",
            "joint service",
            "joint management",
            "joint officer",
            "shared officer",
            "shared post",
        ),
        "informal_network": ("network", "networks", "informal network", "officers group"),
        "commissioning": (
            "commissioning",
            "commissioned",
            "commissioned service",
            "contract",
            "contracted",
            "contracted out",
            "service level agreement",
            "sla",
            "outsourced",
            "procured",
        ),
        "company_or_trust": (
            "company",
            "trust",
            "charitable trust",
            "charity",
            "ltd",
            "limited",
            "limited company",
            "cic",
            "community interest company",
            "company limited by guarantee",
            "llp",
            "plc",
            "companies",
            "trusts",
            "charities",
        ),
    },
    Status: {
        "active": (
            "active",
            "live",
            "current",
            "ongoing",
            "running",
            "in operation",
            "operational",
            "operating",
        ),
        "proposed": (
            "proposed",
            "planned",
            "proposal",
            "in development",
            "being developed",
            "pending approval",
            "not yet started",
        ),
        "approved": ("approved", "agreed", "signed off"),
        "under_review": ("under review", "being reviewed", "review"),
        "ending": (
            "ending",
            "closing",
            "winding down",
            "being wound up",
            "notice given",
            "notice served",
            "due to end",
            "due to close",
        ),
        "ended": (
            "ended",
            "closed",
            "finished",
            "terminated",
            "ceased",
            "expired",
            "dissolved",
            "wound up",
            "disbanded",
            "defunct",
            "lapsed",
            "discontinued",
        ),
    },
}
_NEGATORS = (
    ("not",),
    ("no", "longer"),
    ("formerly",),
    ("former",),
    ("previously",),
    ("ex",),
    ("non",),
    ("never",),
    ("rather", "than"),
    ("instead", "of"),
    ("used", "to", "be"),
)
_NOW = (("now",), ("since",), ("became",), ("become",), ("converted", "to"), ("currently",))
_CLAUSES = re.compile(r"[,;:()\[\]/|]| [-–—] ")


@dataclass(frozen=True)
class Evidence:
    value: Enum
    phrase: str
    """The words that decided it, e.g. 'company' or 'ceased'."""


@functools.cache
def _table(enum: type[Enum]) -> tuple[tuple[tuple[str, ...], str], ...]:
    """(phrase as words, enum value) for every phrase, longest first. A kind added to the
    model is found by its own words ('outside_body' -> 'outside body') and its synonyms."""
    values = {str(member.value) for member in enum}
    phrases: dict[tuple[str, ...], str] = {}
    for value in values:
        phrases[tuple(value.split("_"))] = value
    for synonym, value in ENUM_WORDS.get(enum, {}).items():
        phrases[tuple(synonym.split("_"))] = value
    for value, words in _PHRASES.get(enum, {}).items():
        if value in values:
            for phrase in words:
                phrases[tuple(phrase.split())] = value
    return tuple(sorted(phrases.items(), key=lambda item: -len(item[0])))


def _has(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(
        tuple(words[i : i + len(phrase)]) == phrase
        for phrase in phrases
        for i in range(len(words) - len(phrase) + 1)
    )


def read(text: str, enum: type[Enum]) -> Evidence | None:
    """The one value ``text`` gives evidence of, or None when it gives none or several."""
    table = _table(enum)
    plain: list[Evidence] = []
    now: list[Evidence] = []
    for clause in _CLAUSES.split(text.lower().replace("&", " and ")):
        words = re.findall(r"[a-z0-9]+", clause.replace("'", ""))
        before = 0
        index = 0
        while index < len(words):
            for phrase, value in table:
                if tuple(words[index : index + len(phrase)]) == phrase:
                    lead = words[before:index]
                    if not _has(lead, _NEGATORS):
                        found = Evidence(enum(value), " ".join(phrase))
                        (now if _has(lead, _NOW) else plain).append(found)
                    index += len(phrase)
                    before = index
                    break
            else:
                index += 1
    chosen = now or plain
    if len({e.value for e in chosen}) != 1:
        return None
    return chosen[0]


_LEADING: dict[str, tuple[str, ...]] = {
    "ended": (
        "dissolved",
        "ceased",
        "wound up",
        "disbanded",
        "defunct",
        "terminated",
        "closed down",
        "no longer exists",
        "no longer operating",
        "no longer operates",
        "no longer in operation",
        "no longer running",
    ),
    "ending": (
        "being wound up",
        "winding down",
        "winding up",
        "notice given",
        "notice served",
        "due to close",
        "due to end",
    ),
    "proposed": (
        "proposed",
        "not yet started",
        "not yet established",
        "being set up",
        "being established",
        "in development",
    ),
}
"""What a note or a name says of a status when it begins with it ('Dissolved in 2019 and
replaced by ...', 'Proposed - to Cabinet in June'): only words that cannot be about
something else at the start of a sentence."""


@functools.cache
def _leading() -> tuple[tuple[tuple[str, ...], Status], ...]:
    phrases = [
        (tuple(phrase.split()), Status(value))
        for value, words in _LEADING.items()
        for phrase in words
    ]
    return tuple(sorted(phrases, key=lambda item: -len(item[0])))


def leading_status(text: str) -> Evidence | None:
    """The status ``text`` states when it begins with one of a few plain phrases."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))
    for phrase, value in _leading():
        if tuple(words[: len(phrase)]) == phrase:
            return Evidence(value, " ".join(phrase))
    return None
