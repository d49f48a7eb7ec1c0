"""How the governance review (Framework 6.9) rates each arrangement red, amber or green
(``GovernanceRating``): the share of required items in place and the errors allowed in each
band (``RatingBand``), and whether green needs the officer's assurance in date.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel


class RatingBand(PolicyModel):
    min_complete_percent: Decimal = Field(
        ge=0, le=100, description="Governance items in place, as a share of those required."
    )
    max_errors: int | None = Field(
        None, ge=0, description="Most error findings allowed in this band; none means any number."
    )


class GovernanceRating(PolicyModel):
    """How the governance review (6.9) rates each arrangement red, amber or green."""

    green: RatingBand = Field(
        default_factory=lambda: RatingBand(min_complete_percent=Decimal(90), max_errors=0),
        description="Green when at least this complete with at most this many errors.",
    )
    amber: RatingBand = Field(
        default_factory=lambda: RatingBand(min_complete_percent=Decimal(60)),
        description="Amber when at least this complete (and not green); otherwise red.",
    )
    green_needs_assurance: bool = Field(
        True, description="Green also needs the responsible officer's assurance (6.9) in date."
    )
    assurance_months: int = Field(
        12, ge=1, description="An assurance older than this many months is out of date."
    )
    reference: str = Field("Framework 6.9", description="Where the framework asks for the review.")
