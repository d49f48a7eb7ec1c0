"""Matters the framework's review leaves open (``OpenMatter``): what the committee minutes left
undecided, the yes/no setting that would enforce it (off in the shipped editions, so nothing
the minutes leave open is enforced unless a council turns it on), the rules concerned, and what
partnerfw does meanwhile. ``partnerfw rules --local`` lists them.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel
from partnerfw.policy.schema.rule_settings import Code


class OpenMatter(PolicyModel):
    """A matter the framework review leaves open."""

    matter: str = Field(min_length=1, description="What is left open, in the minutes' words.")
    setting: str | None = Field(
        None,
        description="The yes/no setting (dotted path) that enforces it when a council turns it "
        "on; none when no rule depends on it either way.",
    )
    rules: list[Code] = Field(default_factory=list, description="The rules it concerns.")
    meanwhile: str = Field(
        min_length=1, description="What partnerfw checks while the matter stays open."
    )


def open_matter_problems(policy: Any) -> list[str]:
    """An open matter whose setting is not a yes/no setting of the policy."""
    problems = []
    for name, matter in policy.open_matters.items():
        if matter.setting is None:
            continue
        value: Any = policy
        for part in matter.setting.split("."):
            value = getattr(value, part, None)
        if not isinstance(value, bool):
            problems.append(
                f"open_matters.{name}: setting '{matter.setting}' is not a yes/no setting of "
                "the policy"
            )
    return problems
