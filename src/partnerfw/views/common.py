"""What every view of the site shares: a date in words, a link that is safe to publish, the
text colour for the council's colour, and a labelled value (``Entry``) as a summary list shows
it. The lowest module of ``views``: it imports none of its siblings but the redaction."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from partnerfw.record.models import Status
from partnerfw.record.partial_dates import PartialDate, in_words
from partnerfw.views.redaction import Redaction

WITHHELD = "Not published (confidential)"
REVIEWED = frozenset({Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})
"""Arrangements that are reviewed and monitored: approved and not yet ended."""
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def long_date(day: dt.date | PartialDate | None) -> str:
    """23 November 2026 (GOV.UK style), November 2026 or 2026 for a date known only to the
    month or year, or an empty string."""
    return in_words(day)


def safe_url(url: str | None) -> str | None:
    """The address if it is an http(s) or mailto link, else None (shown as plain text)."""
    if not url:
        return None
    cleaned = url.strip()
    if cleaned.lower().startswith(_SAFE_SCHEMES) and not re.search(r"[\s<>\"'`]", cleaned):
        return cleaned
    return None


def text_colour_for(background: str) -> str:
    """White or near-black, whichever contrasts more with ``background`` (WCAG formula)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lum = luminance(background)
    white = 1.05 / (lum + 0.05)
    black = (lum + 0.05) / (luminance("#0b0c0c") + 0.05)
    return "#ffffff" if white >= black else "#0b0c0c"


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Entry:
    """One row of a summary list: a label and its value (a link when ``href`` is set)."""

    label: str
    value: str
    href: str | None = None
    datetime: str | None = None
    """ISO date for a <time> element when the value is a date."""


def shown_entries(
    r: Redaction, *candidates: tuple[str, object, tuple[str | int, ...]]
) -> list[Entry]:
    """An entry for each (label, value, path) whose value is given and may be published."""
    out = []
    for label, value, path in candidates:
        shown = r.text(value, *path)
        if shown is not None:
            out.append(Entry(label, shown))
    return out
