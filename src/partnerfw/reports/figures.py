"""Pictures for the papers: a risk heat map on the council's scales and bands (the policy's
``risk_scale`` and ``risk_bands``, by default 5×5) and council resources by kind, as inline SVG.

Each picture carries a ``<title>`` and ``<desc>`` (read by screen readers) and the same numbers
as a table, so it can be understood without seeing it. Colours are light tints with black text
and outlines, so a picture still reads when printed in black and white. Every piece of text is
escaped here; the templates insert the markup as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from html import escape

from partnerfw.policy.schema import RiskBand, RiskScale, band_of
from partnerfw.record.models import Arrangement
from partnerfw.record.money import money
from partnerfw.reports.paper import Figure, Table

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


def band(rating: int, bands: list[RiskBand]) -> tuple[str, str]:
    """The name and fill of the council's band for a likelihood × impact rating."""
    found = band_of(bands, rating)
    return (found.name, found.colour) if found is not None else ("none", "#ffffff")


def risk_counts(arrangements: Iterable[Arrangement]) -> dict[tuple[int, int], int]:
    """How many risks sit in each (likelihood, impact) cell."""
    counts: dict[tuple[int, int], int] = {}
    for arrangement in arrangements:
        for risk in arrangement.monitoring.risk_register:
            key = (risk.likelihood, risk.impact)
            counts[key] = counts.get(key, 0) + 1
    return counts


def scale_note(scale: RiskScale, bands: list[RiskBand]) -> str:
    """The sentence a paper prints under its heat map: the scale and bands are the council's."""
    lik, imp = scale.likelihood, scale.impact
    named = ", ".join(f"{b.name} from {b.from_rating}" for b in bands)
    return (
        f"Risks are rated on the council's own scales, likelihood 1 ({lik[0]}) to {len(lik)} "
        f"({lik[-1]}) and impact 1 ({imp[0]}) to {len(imp)} ({imp[-1]}), and placed in the "
        f"council's own bands of likelihood × impact ({named}): the framework leaves the risk "
        "register's format to the council (4.10), so the scales and bands are its choice, set "
        "in its policy (risk_scale, risk_bands)."
    )


def heat_map(
    counts: dict[tuple[int, int], int],
    scale: RiskScale,
    bands: list[RiskBand],
    ident: str = "heat-map",
) -> Figure:
    rows, cols = len(scale.likelihood), len(scale.impact)
    total = sum(counts.values())
    off = sum(n for (lik, imp), n in counts.items() if lik > rows or imp > cols)
    top = bands[0]
    high = sum(
        n
        for (lik, imp), n in counts.items()
        if lik <= rows and imp <= cols and lik * imp >= top.from_rating
    )
    title = "Risk heat map: likelihood × impact"
    description = (
        f"{total} risks from the arrangements' risk registers placed by likelihood (1 "
        f"{scale.likelihood[0]} to {rows} {scale.likelihood[-1]}, rows) and impact (1 "
        f"{scale.impact[0]} to {cols} {scale.impact[-1]}, columns); {high} are rated "
        f"{top.from_rating} or more ({top.name}). Each cell gives the number of risks."
        + (f" {off} rated off the council's scales are not placed." if off else "")
    )
    cell, left, top_margin = min(54, 270 // max(rows, cols)), 56, 16
    width, height = left + cols * cell + 10, top_margin + rows * cell + 56
    parts = [_svg_open(width, height, ident, title, description)]
    cells, fills = _cells(counts, rows, cols, bands, (cell, left, top_margin))
    parts += cells
    for col, impact in enumerate(range(1, cols + 1)):
        parts.append(
            f'<text x="{left + col * cell + cell / 2}" y="{top_margin + rows * cell + 22}" '
            f'text-anchor="middle" font-size="{FONT_SIZE}">{impact}</text>'
        )
    parts.append(
        f'<text x="{left + cols * cell / 2}" y="{top_margin + rows * cell + 48}" '
        f'text-anchor="middle" font-size="{FONT_SIZE}">Impact →</text>'
    )
    parts.append(
        f'<text x="18" y="{top_margin + rows * cell / 2}" text-anchor="middle" '
        f'font-size="{FONT_SIZE}" '
        f'transform="rotate(-90 18 {top_margin + rows * cell / 2})">Likelihood →</text>'
    )
    parts.append("</svg>")
    body = [
        [
            str(likelihood),
            *(str(counts.get((likelihood, impact), 0)) for impact in range(1, cols + 1)),
        ]
        for likelihood in range(rows, 0, -1)
    ]
    table = Table(
        "Risks by likelihood (rows) and impact (columns)",
        ["Likelihood", *(f"Impact {i}" for i in range(1, cols + 1))],
        body,
        numeric=frozenset(range(cols + 1)),
        heat_map=True,
        fills=fills,
    )
    return Figure(title, description, "".join(parts), table)


def _cells(
    counts: dict[tuple[int, int], int],
    rows: int,
    cols: int,
    bands: list[RiskBand],
    grid: tuple[int, int, int],
) -> tuple[list[str], tuple[tuple[str | None, ...], ...]]:
    """The heat map's row labels and cells (likelihood highest first), and each body cell's
    fill for the table that repeats it (the row label's cell unfilled)."""
    cell, left, top_margin = grid
    parts: list[str] = []
    fills: list[tuple[str | None, ...]] = []
    for row, likelihood in enumerate(range(rows, 0, -1)):
        y = top_margin + row * cell
        parts.append(
            f'<text x="{left - 8}" y="{y + cell / 2 + 6}" text-anchor="end" '
            f'font-size="{FONT_SIZE}">{likelihood}</text>'
        )
        row_fills: list[str | None] = [None]
        for col, impact in enumerate(range(1, cols + 1)):
            x = left + col * cell
            n = counts.get((likelihood, impact), 0)
            name, fill = band(likelihood * impact, bands)
            row_fills.append(fill)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" '
                f'stroke="#0b0c0c" stroke-width="1"><title>likelihood {likelihood}, '
                f"impact {impact} ({escape(name)}): {n} risk{'' if n == 1 else 's'}</title>"
                "</rect>"
            )
            if n:
                parts.append(
                    f'<text x="{x + cell / 2}" y="{y + cell / 2 + 7}" '
                    f'text-anchor="middle" font-size="20" font-weight="bold">{n}</text>'
                )
        fills.append(tuple(row_fills))
    return parts, tuple(fills)


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
