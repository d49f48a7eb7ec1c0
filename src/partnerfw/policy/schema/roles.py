"""The roles a route or rule names (``Role``): each with its title in the council's
words, who holds it now and the GitHub users or teams who review for it.
"""

from __future__ import annotations

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel


class Role(PolicyModel):
    title: str = Field(description="The role's title in the council's words.")
    holder: str | None = Field(None, description="Who holds it now.")
    reviewers: list[str] = Field(
        default_factory=list, description="GitHub users or teams who review for this role."
    )
