"""The site's search: an index of the public text of every arrangement, made at build time.

A resident types words in any order and case; an arrangement is found when every word (other
than the few like "the" and "of") begins a word of its public text: its name, partners,
summary, aims and outcomes, Corporate Plan objectives, lead department, lead officer, kind,
classification and status, and the other details its page shows (area, portfolio, committee,
host authority, lead organisation, funders). Plurals are folded ("food banks" finds "Food
Bank"), and so are accents and apostrophes.

The index is built from the pages' view data, which has already been through each record's
``Redaction``: only what an arrangement's public page shows can be found. ``terms`` and
``matches`` are the reference for the browser's matcher (``templates/site/assets/search.js``),
which must give the same answers; the browser tests compare the two.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from partnerfw.views.arrangement import RESOURCES_AT_A_GLANCE
from partnerfw.views.common import WITHHELD
from partnerfw.views.pages import Page

FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "name"),
    ("partners", "partners"),
    ("summary", "summary"),
    ("aims", "aims and outcomes"),
    ("objectives", "Corporate Plan objectives"),
    ("department", "lead department"),
    ("officer", "lead officer"),
    ("kind", "kind, classification or status"),
    ("other", "other details"),
)
"""The fields of each arrangement the search looks in, with the words a result names them by
('Found in: partners; summary')."""
WEIGHTS = {
    "name": 8,
    "partners": 5,
    "summary": 4,
    "aims": 3,
    "objectives": 2,
    "department": 2,
    "officer": 2,
    "kind": 1,
    "other": 1,
}
"""How much a word found in each field counts when results are put best match first: each
word of the query counts as much as the best field it is found in."""

OVERVIEW_FIELDS = {
    "Kind": "kind",
    "Classification": "kind",
    "Status": "kind",
    "Lead officer": "officer",
    "Lead Member": "officer",
    "Lead department": "department",
    "Host authority": "other",
    "Legal basis": "other",
    "Cost split": "other",
    "Legal form": "other",
    "Lead organisation": "other",
    "Area": "other",
    "Cabinet portfolio": "other",
    "Cabinet Committee": "other",
    "Urgent arrangement": "other",
    "Registered number": "other",
    "The council's part": "other",
    "Community interest": "other",
    "Statutory status": "other",
    "What the law requires": "other",
}
"""What of "At a glance" is searched, and in which field."""
NOT_SEARCHED = frozenset(
    {"Start date", "End date", "Renewal", "Email", "Phone", RESOURCES_AT_A_GLANCE}
)
"""What of "At a glance" is not: dates, contact details and money are not words to look for."""
PURPOSE_FIELDS = {
    "Aims": "aims",
    "Outcomes for the council": "aims",
    "Outcomes for the community": "aims",
    "Corporate Plan objectives": "objectives",
}
"""What of the purpose is searched (the framework's standard reasons, the safeguarding
statement and the yes-or-no answers to the council's own questions are alike everywhere)."""

STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is"}
    | {"it", "its", "of", "on", "or", "the", "to", "with"}
)
"""Words too common to narrow a search: left out of a query that has other words."""
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019`")
_ASCII_WORD = re.compile("[a-z0-9]+")


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, without accents or apostrophes ("Children's
    Services" gives childrens, services): runs of letters and digits (Unicode's L and N)."""
    if text.isascii():  # the quick way, with the same result, for most text
        return _ASCII_WORD.findall(text.lower().translate(_APOSTROPHES))
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    plain = plain.lower().translate(_APOSTROPHES)
    return "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in plain).split()


def stem(word: str) -> str:
    """The word without a plural ending (Harman's 'S' stemmer): policies -> policy,
    churches -> churche, banks -> bank; words of three letters or fewer are kept."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def terms(query: str) -> list[str]:
    """What a query looks for: its words' stems without the stop words (unless it has
    nothing else), each once, in the order typed."""
    found = words(query)
    kept = [w for w in found if w not in STOP_WORDS] or found
    return list(dict.fromkeys(stem(w) for w in kept))


def matches(record: dict[str, Any], query: str) -> list[str] | None:
    """The fields of an index ``record`` in which a query's words were found (in the order of
    ``FIELDS``), when every word begins a word of the record; None when it is not found.
    An empty query finds everything (and names no field)."""
    found = _found(record, terms(query))
    return None if found is None else found[0]


def relevance(record: dict[str, Any], query: str) -> int:
    """How well a record a query finds matches it (``WEIGHTS``); 0 when it is not found."""
    found = _found(record, terms(query))
    return 0 if found is None else found[1]


def _found(record: dict[str, Any], wanted: list[str]) -> tuple[list[str], int] | None:
    fields: dict[str, str] = record["fields"]
    found: set[str] = set()
    score = 0
    for term in wanted:
        where = {key for key, text in fields.items() if f" {text}".find(f" {term}") != -1}
        if not where:
            return None
        found |= where
        score += max(WEIGHTS.get(key, 1) for key in where)
    return [key for key, _ in FIELDS if key in found], score


def _tokens(texts: Iterable[str]) -> str:
    """The stems of every word of ``texts``, each once, sorted: a field of the index."""
    return " ".join(sorted(set().union(*(_stems(text) for text in texts))))


@functools.lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """The stems of the words of one text (names, departments and labels recur across a
    register, so each is worked out once)."""
    return frozenset(stem(w) for w in words(text) if w not in STOP_WORDS)


def record_texts(page: Page) -> dict[str, list[str]]:
    """The public text of an arrangement's page, by search field."""
    row = page.row
    texts: dict[str, list[str]] = {key: [] for key, _ in FIELDS}
    if row.name != "Name not published":
        texts["name"].append(row.name)
    texts["partners"] += [p.name for p in page.partners]
    if page.summary:
        texts["summary"].append(page.summary)
    for entry in [*page.overview, *page.facts.overview]:
        field = OVERVIEW_FIELDS.get(entry.label)
        if field is not None and entry.value != WITHHELD:
            texts[field].append(entry.value)
    for entry in page.purpose:
        field = PURPOSE_FIELDS.get(entry.label)
        if field is not None:
            texts[field].append(entry.value)
    texts["other"] += [e.value for e in page.facts.appointments if e.label == "Outside body"]
    texts["other"] += [e.value for e in page.facts.joint_committee if e.label == "Joint committee"]
    if page.facts.external_funding is not None:
        texts["other"] += [row[0] for row in page.facts.external_funding.rows if row[0] != WITHHELD]
    return texts


def search_index(pages: Sequence[Page]) -> dict[str, Any]:
    """The index the site's search reads: each arrangement's id, page and the stems of its
    public text by field; fields with nothing to find are left out."""
    records = []
    for page in pages:
        fields = {key: _tokens(texts) for key, texts in record_texts(page).items()}
        records.append(
            {
                "id": page.row.id,
                "href": page.row.href,
                "fields": {key: text for key, text in fields.items() if text},
            }
        )
    return {
        "version": 1,
        "fields": dict(FIELDS),
        "order": [key for key, _ in FIELDS],
        "weights": WEIGHTS,
        "stop_words": sorted(STOP_WORDS),
        "records": records,
    }


def search_index_script(index: dict[str, Any]) -> str:
    """The index as a script the pages load (``assets/search-index.js``): a script, not a
    JSON file to fetch, so the search works from a folder opened on disk and under the
    site's Content Security Policy (which allows scripts from the site and no fetching)."""
    data = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.PARTNERFW_SEARCH_INDEX = {data};\n"
