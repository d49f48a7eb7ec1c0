"""Record ids made from names, for ``new`` and ``import``.

An id is permanent (it is the file's name and every link to the record), so letters are
transliterated, never dropped: 'Grønland' gives 'gronland', 'Straße' 'strasse', 'Łódź' 'lodz',
'Æthelred' 'aethelred'. The transliteration is python-slugify's (text-unidecode), not a table
of our own.
"""

from __future__ import annotations

import re

ID_MAX = 60
"""Longest id made from a name (the record format allows 80, for ids written by hand)."""
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\b\.?")
"""An acronym written with full stops: 'C.S.P.' gives 'csp', not 'c-s-p'."""
_REPLACEMENTS = (
    ("&", " and "),
    ("@", " at "),
    ("'", ""),
    ("\u2019", ""),
    ("\u2018", ""),
    ("£", " "),
    ("€", " "),
    ("$", " "),
)
"""'&' and '@' are spelt out; an apostrophe joins its word ('Carers' -> 'carers'); a
currency sign is not a letter (text-unidecode would write '£' as 'PS')."""


def slug(name: str, max_length: int = ID_MAX) -> str:
    """The id a name gives: 'Health & Wellbeing @ Work' -> 'health-and-wellbeing-at-work',
    'Grønland Ståløy Forum' -> 'gronland-staloy-forum'; cut at a word to ``max_length``.
    Empty when the name has no letter or digit at all."""
    # Loaded here, not at the top: python-slugify is only needed when this runs.
    from slugify import slugify

    name = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)
    return str(
        slugify(
            name,
            max_length=max_length,
            word_boundary=True,
            replacements=[list(pair) for pair in _REPLACEMENTS],
        )
    )


def is_id(text: str) -> bool:
    """True when ``text`` is already a valid record id (kept as given, never re-made)."""
    return len(text) <= 80 and ID_PATTERN.fullmatch(text) is not None
