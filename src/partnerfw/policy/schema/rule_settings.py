"""A council's change to one rule, by its code (``Code``, e.g. ``GOV001``): switched off,
or given another severity, always with the reason why (``RuleSetting``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from partnerfw.policy.schema.base import PolicyModel

Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]{3}$")]


class RuleSetting(PolicyModel):
    enabled: bool = Field(True, description="False switches the rule off.")
    severity: Literal["error", "warning", "info"] | None = Field(None, description="New severity.")
    reason: str = Field(min_length=1, description="Why the council changed the rule.")
