"""Column widths for the Word paper's tables, from what the cells say and the page's text width.

Word and LibreOffice share a table's width out equally unless told otherwise, which splits
long words mid-word and spreads a wide table over many pages. Here each column gets at least
its longest word and, as far as the page allows, its longest line (the way a browser lays out
an automatic table); when even the longest words do not fit, the text gets smaller (down to
7 pt) before any word has to break. Text is measured with Arial's (Helvetica's) character
widths, which LibreOffice's Liberation Sans shares, scaled for a template whose font is wider
or narrower.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_PLAIN = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 "
    "833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 "
    "500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 "
    "500 500 334 260 334 584"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 "
    "833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 "
    "556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 "
    "556 500 389 280 389 584"
)
PLAIN_WIDTHS = dict(zip(map(chr, range(32, 127)), map(int, _PLAIN.split()), strict=True))
BOLD_WIDTHS = dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True))
_OTHER = {"£": 556, "€": 556, "–": 556, "—": 1000, "‘": 222, "’": 222, "“": 333, "”": 333}
_WIDE = 1000  # any other character: as wide as an em, so that it is never underestimated

FONT_SCALE = {"verdana": 1.2, "tahoma": 1.06, "trebuchet ms": 1.03, "calibri": 0.92}
"""How much wider than Arial a template's font sets the same text (others: as Arial)."""

MARGINS = (108, 43)
"""A cell's left and right margins in twips: Word's default, then the narrow one a dense table
gets before its text has to shrink to 7 pt or its words break."""
BORDER = 40
"""Twips a cell takes for its borders, besides its margins."""
SAFETY = 1.06
"""Measured text is widened a little: kerning, rounding and the renderer's own metrics."""
SIZES = (10.0, 9.0, 8.0, 7.0)


@dataclass(frozen=True)
class Layout:
    font_pt: float
    widths: list[int]
    """Each column's width in twips; they add up to at most the text width."""
    margin: int = MARGINS[0]
    """Each cell's left and right margin, in twips."""


def text_width(text: str, font_pt: float, bold: bool = False, scale: float = 1.0) -> float:
    """The width of ``text`` on one line, in twips."""
    table = BOLD_WIDTHS if bold else PLAIN_WIDTHS
    units = sum(table.get(c) or _OTHER.get(c, _WIDE) for c in text)
    return units / 1000 * font_pt * 20 * scale * SAFETY


def _longest_word(
    text: str, font_pt: float, bold: bool, scale: float, at_hyphens: bool = False
) -> float:
    """The widest word; with ``at_hyphens`` the widest part between spaces and hyphens (a
    line may break after a hyphen)."""
    words = text.replace("-", "- ").split() if at_hyphens else text.split()
    return max((text_width(w, font_pt, bold, scale) for w in words), default=0.0)


def _longest_line(text: str, font_pt: float, bold: bool, scale: float) -> float:
    return max((text_width(line, font_pt, bold, scale) for line in text.splitlines()), default=0)


def layout(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    available: int,
    first_size: float = 10.0,
    scale: float = 1.0,
    bold_first: bool = False,
) -> Layout:
    """Widths for a table whose header is ``header`` and body ``rows`` on a text width of
    ``available`` twips, at the first size from ``first_size`` down at which every word fits,
    else at which every part of a hyphenated word fits (``bold_first``: the first column is
    bold, as a front sheet's keys are)."""
    sizes = [s for s in SIZES if s <= first_size] or [SIZES[-1]]
    tries = [(False, m, size) for m in MARGINS for size in sizes]
    tries += [(True, MARGINS[-1], size) for size in sizes]
    for at_hyphens, margin, size in tries:
        least, most = _bounds(header, rows, size, scale, bold_first, at_hyphens, margin)
        if sum(least) <= available:
            return Layout(size, share(least, most, available), margin)
    least, most = _bounds(header, rows, sizes[-1], scale, bold_first, True, MARGINS[-1])
    return Layout(sizes[-1], share(least, most, available), MARGINS[-1])


def _bounds(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    size: float,
    scale: float,
    bold_first: bool,
    at_hyphens: bool,
    margin: int,
) -> tuple[list[float], list[float]]:
    padding = 2 * margin + BORDER
    count = max([len(header), *(len(row) for row in rows)])
    least = [float(padding)] * count
    most = [float(padding)] * count
    for n, heading in enumerate(header):  # bold
        least[n] = max(least[n], _longest_word(heading, size, True, scale, at_hyphens) + padding)
        most[n] = max(most[n], _longest_line(heading, size, True, scale) + padding)
    for row in rows:
        for n, cell in enumerate(row):
            bold = bold_first and n == 0
            least[n] = max(least[n], _longest_word(cell, size, bold, scale, at_hyphens) + padding)
            most[n] = max(most[n], _longest_line(cell, size, bold, scale) + padding)
    return least, most


def share(least: list[float], most: list[float], available: int) -> list[int]:
    """Share ``available`` twips between columns that need at least ``least`` and would like
    ``most``: all of ``most`` when it fits (the rest shared in proportion, so the table fills
    the text width); else ``least`` and the rest in proportion to what each still wants; when
    not even ``least`` fits, the widest columns cut down to a common width (their longest words
    then break, but no others do, and the table stays on the page)."""
    if sum(most) <= available:
        spare = available - sum(most)
        widths = [m + spare * m / sum(most) for m in most]
    elif sum(least) <= available:
        wanted = [m - n for n, m in zip(least, most, strict=True)]
        spare = available - sum(least)
        widths = [n + spare * w / sum(wanted) for n, w in zip(least, wanted, strict=True)]
    else:
        cap = _cap(least, available)
        widths = [min(n, cap) for n in least]
    return [int(w) for w in widths]  # rounded down: never past the text width


def _cap(least: list[float], available: int) -> float:
    """The width to cut the widest columns down to so that all fit: only the columns with
    the longest words lose (their words break), the others keep theirs whole."""
    low, high = 0.0, max(least)
    for _ in range(40):
        middle = (low + high) / 2
        if sum(min(n, middle) for n in least) <= available:
            low = middle
        else:
            high = middle
    return low
