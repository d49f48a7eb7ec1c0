"""An arrangement's life: its start and end or renewal (``Dates``), the phases it went
through, e.g. joint management and then a full shared service (``Phase``), and the
arrangements it replaced, was replaced by or is part of (``Links``).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from partnerfw.record.models.base import WHEN, Identifier, Model
from partnerfw.record.models.choices import SharedServiceType
from partnerfw.record.partial_dates import PartialDate, certainly_before


class Dates(Model):
    start: PartialDate | None = Field(
        None, description=f"Date the arrangement starts (or started): {WHEN}."
    )
    end: PartialDate | None = Field(
        None, description=f"Date it is due to end (or ended), if it has a fixed term: {WHEN}."
    )
    indefinite: bool = Field(False, description="True when the arrangement has no end date.")
    renewal: str | None = Field(
        None, description="How and when it is renewed (Appendix 3, 1.2), e.g. 'annual, by letter'."
    )

    @model_validator(mode="after")
    def _check_order(self) -> Dates:
        if self.start and self.end and certainly_before(self.end, self.start):
            raise ValueError(f"the end date {self.end} is before the start date {self.start}")
        if self.indefinite and self.end:
            raise ValueError("an indefinite arrangement cannot also have an end date")
        return self


class Phase(Model):
    """One stage of the arrangement's life: joint management from one date, a full shared
    service from another. The phase in force at a date is the last one started by then."""

    start: PartialDate = Field(description=f"When this phase began (or begins): {WHEN}.")
    end: PartialDate | None = Field(
        None, description=f"When it ended, when that was not simply the next phase's start: {WHEN}."
    )
    type: SharedServiceType | None = Field(
        None,
        description=(
            "For a shared service, its type in this phase (1.12): full_shared_service, "
            "joint_management, joint_officer or ad_hoc_resilience. The type in force on a date "
            "is the type of the phase in force then."
        ),
    )
    description: str | None = Field(None, description="What the arrangement was in this phase.")
    decision: str | None = Field(
        None, description="The decision that began it, e.g. 'Cabinet 12 March 2019, minute 45'."
    )

    @model_validator(mode="after")
    def _check_order(self) -> Phase:
        if self.end and certainly_before(self.end, self.start):
            raise ValueError(f"the phase ends ({self.end}) before it starts ({self.start})")
        return self


class Links(Model):
    """How the arrangement relates to others on the register, by their record ids."""

    predecessors: list[Identifier] = Field(
        default_factory=list,
        description="Arrangements it replaced (ids), e.g. the partnerships merged into it.",
    )
    successors: list[Identifier] = Field(
        default_factory=list, description="Arrangements that replaced it (ids)."
    )
    parent: Identifier | None = Field(
        None,
        description="The umbrella programme or arrangement it is part of (its id).",
    )
