"""Why the council is in an arrangement: its aims, the conditions of Framework 2.2 or
3.2 it meets and the outcomes expected (``Purpose``), and whether it was entered by the urgent
(ad hoc) route (``Urgency``).
"""

from __future__ import annotations

from pydantic import Field

from partnerfw.record.models.base import Model
from partnerfw.record.models.choices import PartnershipCondition, SharedServiceCondition


class Urgency(Model):
    urgent: bool = Field(
        False, description="Needed within days to keep services running (revised framework)."
    )
    justification: str | None = Field(None, description="Why it could not wait for approval.")


class Purpose(Model):
    aims: str | None = Field(None, description="What the arrangement plans to achieve.")
    conditions: list[PartnershipCondition] = Field(
        default_factory=list, description="Which conditions of 2.2(a-c) it meets (partnerships)."
    )
    shared_service_conditions: list[SharedServiceCondition] = Field(
        default_factory=list, description="Which conditions of 3.2(a-b) it meets (shared services)."
    )
    safeguarding: str | None = Field(
        None,
        description="How it helps the council safeguard children and vulnerable adults (2.3, 3.3).",
    )
    outcomes_for_council: str | None = Field(
        None, description="Anticipated outcomes for the council."
    )
    outcomes_for_community: str | None = Field(None, description="What the community will see.")
