"""What each kind of arrangement requires: the governance and agreement items and what
the exit strategy must cover (``Requirements``, with the exit strategy's parts in
``EXIT_FIELDS``), and the council's limits for the kind cross-checks (``KindChecks``).
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel

EXIT_FIELDS = (
    "termination",
    "partner_withdrawal",
    "equalities_impact",
    "safeguarding_impact",
    "resources",
    "liabilities",
    "notice_period",
)
"""The parts of an exit strategy a policy may require (``ExitCoverage``'s fields)."""


class KindChecks(PolicyModel):
    """Limits the cross-checks of an arrangement's kind use where the framework gives no
    number: each is the council's own choice (CLS003, CLS006)."""

    informal_network_staff_fte: Decimal = Field(
        Decimal("0.05"),
        ge=0,
        description="Most council staff time an informal network may take, in full-time "
        "equivalents (0.05 is about 11 working days a year: attending meetings and reading "
        "papers). More is council staff given to it. The council's own choice.",
    )
    informal_network_staff_days: Decimal = Field(
        Decimal(11),
        ge=0,
        description="The same limit in working days a year, for records that give days. "
        "The council's own choice.",
    )
    ad_hoc_resilience_months: int = Field(
        12,
        ge=1,
        description="Longest an ad-hoc resilience arrangement may run and still be the "
        "'short term' cover 1.12 describes (e.g. maternity cover). Longer, or open-ended, it "
        "is joint officer working that needs Member approval (3.10.1). The framework gives "
        "no number: the council's own choice.",
    )


class Requirements(PolicyModel):
    governance: list[str] = Field(default_factory=list, description="Governance items required.")
    agreement: list[str] = Field(default_factory=list, description="Agreement items required.")
    agreement_if_public_facing: list[str] = Field(
        default_factory=list, description="Further agreement items when serving the public."
    )
    exit_strategy_covers: list[str] = Field(
        default_factory=list, description="What the exit strategy must cover."
    )
    evaluation: bool = Field(True, description="The evaluation items (2.8-2.9, App1) apply.")
