"""How the council rates and ranks risk, which the framework leaves to it (4.10: the risk
register's 'format ... is not prescribed'): the scales of likelihood and impact a risk is rated
on (``RiskScale``), the bands of the heat map (``RiskBand``) and the score that ranks the
candidates for scrutiny and audit (``ScrutinyScore``). Every edition ships the council's
current choices as its defaults, marked local in its ``sources``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from partnerfw.policy.schema.base import PolicyModel

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class RiskScale(PolicyModel):
    """The words for each point of the likelihood and impact scales, lowest first: a risk is
    rated 1 to the number of words on each (the default: 1 rare to 5 almost certain, 1 minor to
    5 severe), and its rating is likelihood × impact."""

    likelihood: list[Annotated[str, StringConstraints(min_length=1)]] = Field(
        default_factory=lambda: ["rare", "unlikely", "possible", "likely", "almost certain"],
        min_length=2,
        max_length=10,
        description="The likelihood scale, lowest first (1 = the first word).",
    )
    impact: list[Annotated[str, StringConstraints(min_length=1)]] = Field(
        default_factory=lambda: ["minor", "moderate", "significant", "major", "severe"],
        min_length=2,
        max_length=10,
        description="The impact scale, lowest first (1 = the first word).",
    )

    @property
    def top(self) -> int:
        """The highest rating on the scale (likelihood × impact)."""
        return len(self.likelihood) * len(self.impact)


class RiskBand(PolicyModel):
    """One band of the heat map: the risks rated at least ``from_rating``."""

    name: str = Field(min_length=1, description="What the band is called, e.g. 'very high'.")
    from_rating: int = Field(ge=1, description="The lowest likelihood × impact in the band.")
    colour: Colour = Field(
        description="The cell's fill, a light tint under black text, e.g. '#f4b6b6'."
    )

    def __str__(self) -> str:
        return f"{self.name} from {self.from_rating} ({self.colour})"


def _ordered(bands: list[RiskBand]) -> list[RiskBand]:
    starts = [b.from_rating for b in bands]
    if starts != sorted(set(starts), reverse=True) or starts[-1] != 1:
        raise ValueError(
            "list the bands highest first, each from a lower rating than the one before, the "
            "last with from_rating: 1 (so every risk falls in a band)"
        )
    return bands


RiskBands = Annotated[list[RiskBand], Field(min_length=1), AfterValidator(_ordered)]
"""The heat map's bands, highest first; every rating falls in one (the last starts at 1)."""


def default_bands() -> list[RiskBand]:
    return [
        RiskBand(name="very high", from_rating=15, colour="#f4b6b6"),
        RiskBand(name="high", from_rating=10, colour="#f9d3a6"),
        RiskBand(name="medium", from_rating=5, colour="#fff0a8"),
        RiskBand(name="low", from_rating=1, colour="#cfe8c4"),
    ]


def band_of(bands: list[RiskBand], rating: int) -> RiskBand | None:
    """The band of a likelihood × impact rating (None below 1: no risk)."""
    return next((b for b in bands if rating >= b.from_rating), None)


class ScrutinyScore(PolicyModel):
    """The score that ranks the candidates for Overview and Scrutiny's annual choice (6.8) and
    internal audit's risk-based selection (6.11): three parts of up to ``part_points`` each."""

    resources_per_point: Decimal = Field(
        Decimal(10000),
        gt=0,
        description="Council resources a year worth one point (default £10,000).",
    )
    part_points: Decimal = Field(
        Decimal(10), gt=0, description="The most each part (resources, risk, gaps) scores."
    )
    error_points: Decimal = Field(Decimal(2), ge=0, description="Points for each error found.")
    warning_points: Decimal = Field(Decimal(1), ge=0, description="Points for each warning found.")
