"""Pictures for the papers: a 5×5 risk heat map and council resources by kind, as inline SVG.

Each picture carries a ``<title>`` and ``<desc>`` (read by screen readers) and the same numbers
as a table, so it can be understood without seeing it. Colours are light tints with black text
and outlines, so a picture still reads when printed in black and white. Every piece of text is
escaped here; the templates insert the markup as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape

from partnerfw.record.models import Arrangement
from partnerfw.record.money import money
from partnerfw.reports.paper import Figure, Table

BANDS = (  # (lowest likelihood × impact, name, fill)
    (15, "very high", "#f4b6b6"),
    (10, "high", "#f9d3a6"),
    (5, "medium", "#fff0a8"),
    (1, "low", "#cfe8c4"),
)


FONT_SIZE = 16
"""Text in the pictures, in the picture's own units. A picture is drawn at its natural size
(one unit a CSS pixel) and only shrinks to fit a narrower screen: at 320 px wide the text is
still over 12 px (the pictures are at most 360 units wide)."""


def _svg_open(width: int, height: int, ident: str, title: str, description: str) -> str:
    """The picture's opening tag, with its natural size, its title and its description."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="figure-svg" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
    )


def band(score: int) -> tuple[str, str]:
    for lowest, name, fill in BANDS:
        if score >= lowest:
            return name, fill
    return "none", "#ffffff"


def risk_counts(arrangements: Iterable[Arrangement]) -> dict[tuple[int, int], int]:
    """How many risks sit in each (likelihood, impact) cell."""
    counts: dict[tuple[int, int], int] = {}
    for arrangement in arrangements:
        for risk in arrangement.monitoring.risk_register:
            key = (risk.likelihood, risk.impact)
            counts[key] = counts.get(key, 0) + 1
    return counts


def heat_map(counts: dict[tuple[int, int], int], ident: str = "heat-map") -> Figure:
    total = sum(counts.values())
    high = sum(n for (lik, imp), n in counts.items() if lik * imp >= 15)
    title = "Risk heat map: likelihood × impact"
    description = (
        f"{total} risks from the arrangements' risk registers placed by likelihood (1 rare to "
        f"5 almost certain, rows) and impact (1 minor to 5 severe, columns); {high} score 15 or "
        "more (very high). Each cell gives the number of risks."
    )
    cell, left, top = 54, 56, 16
    width, height = left + 5 * cell + 10, top + 5 * cell + 56
    parts = [_svg_open(width, height, ident, title, description)]
    for row, likelihood in enumerate(range(5, 0, -1)):
        y = top + row * cell
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 6}" text-anchor="end" '
            f'font-size="{FONT_SIZE}">{likelihood}</text>'
        )
        for col, impact in enumerate(range(1, 6)):
            x = left + col * cell
            n = counts.get((likelihood, impact), 0)
            name, fill = band(likelihood * impact)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" '
                f'stroke="#0b0c0c" stroke-width="1"><title>likelihood {likelihood}, '
                f"impact {impact} ({name}): {n} risk{'' if n == 1 else 's'}</title>"
                "</rect>"
            )
            if n:
                parts.append(
                    f'<text x="{x + cell / 2}" y="{y + cell / 2 + 7}" '
                    f'text-anchor="middle" font-size="20" font-weight="bold">{n}</text>'
                )
    for col, impact in enumerate(range(1, 6)):
        parts.append(
            f'<text x="{left + col * cell + cell / 2}" y="{top + 5 * cell + 22}" '
            f'text-anchor="middle" font-size="{FONT_SIZE}">{impact}</text>'
        )
    parts.append(
        f'<text x="{left + 5 * cell / 2}" y="{top + 5 * cell + 48}" '
        f'text-anchor="middle" font-size="{FONT_SIZE}">Impact →</text>'
    )
    parts.append(
        f'<text x="18" y="{top + 5 * cell / 2}" text-anchor="middle" font-size="{FONT_SIZE}" '
        f'transform="rotate(-90 18 {top + 5 * cell / 2})">Likelihood →</text>'
    )
    parts.append("</svg>")
    rows = [
        [str(likelihood), *(str(counts.get((likelihood, impact), 0)) for impact in range(1, 6))]
        for likelihood in range(5, 0, -1)
    ]
    table = Table(
        "Risks by likelihood (rows) and impact (columns)",
        ["Likelihood", *(f"Impact {i}" for i in range(1, 6))],
        rows,
        numeric=frozenset(range(6)),
        heat_map=True,
    )
    return Figure(title, description, "".join(parts), table)


def resources_by_kind(rows: list[tuple[str, Decimal]], ident: str = "resources") -> Figure:
    total = sum((amount for _, amount in rows), Decimal(0))
    title = "Council resources by kind of arrangement"
    listed = "; ".join(f"{label} {money(amount)}" for label, amount in rows)
    description = (
        f"Council resources a year (budget, staff cost and in kind) of the approved "
        f"and running arrangements: {money(total)} in total. {listed}."
    )
    width, bar_width, row_height, top = 360, 236, 54, 4
    largest = max((amount for _, amount in rows), default=Decimal(0)) or Decimal(1)
    height = top * 2 + row_height * max(len(rows), 1)
    parts = [_svg_open(width, height, ident, title, description)]
    for index, (label, amount) in enumerate(rows):
        y = top + index * row_height
        bar = max(int(bar_width * amount / largest), 1)
        parts.append(f'<text x="0" y="{y + 18}" font-size="{FONT_SIZE}">{escape(label)}</text>')
        parts.append(
            f'<rect x="1" y="{y + 26}" width="{bar}" height="22" '
            'fill="#9fb8d9" stroke="#0b0c0c" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{bar + 8}" y="{y + 43}" '
            f'font-size="{FONT_SIZE}">{escape(money(amount))}</text>'
        )
    parts.append("</svg>")
    table = Table(
        "Council resources by kind",
        ["Kind", "Council resources a year"],
        [[label, money(amount)] for label, amount in rows],
        numeric=frozenset({1}),
        total=["Total", money(total)],
    )
    return Figure(title, description, "".join(parts), table)
