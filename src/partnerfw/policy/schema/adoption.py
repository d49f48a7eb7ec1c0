"""Where an edition of the framework stands as the texts record it (``Adoption``):
drafted, noted, approved, adopted or superseded (``EditionState``), each step with its date,
body and decision (``Milestone``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from partnerfw.policy.schema.base import PolicyModel


class Milestone(PolicyModel):
    """One step in an edition's life: when, by whom, and the decision's reference."""

    date: dt.date | None = Field(None, description="When (none when the texts do not say).")
    by: str | None = Field(None, description="Who, e.g. 'Performance & Administration Committee'.")
    reference: str | None = Field(None, description="The minute or decision notice.")


EditionState = Literal["draft", "noted", "approved", "adopted", "superseded"]


class Adoption(PolicyModel):
    """Where an edition stands, as the texts record it: drafted, noted by a committee,
    approved by Cabinet, adopted by Full Council, superseded. Which edition is in force from
    which date is ``partnerfw.yaml``'s ``editions:`` schedule."""

    status: EditionState = Field(description="draft, noted, approved, adopted or superseded.")
    drafted: Milestone | None = Field(None, description="When and by whom it was drafted.")
    noted: Milestone | None = Field(None, description="When a committee noted it.")
    approved: Milestone | None = Field(None, description="When Cabinet approved it.")
    adopted: Milestone | None = Field(None, description="When Full Council adopted it.")
    superseded: Milestone | None = Field(None, description="When a later edition replaced it.")
    note: str | None = Field(None, description="Anything else about its standing.")

    @model_validator(mode="after")
    def _stated(self) -> Adoption:
        if self.status != "draft" and getattr(self, self.status) is None:
            raise ValueError(
                f"status is {self.status}: say when and by whom under '{self.status}:'"
            )
        return self
