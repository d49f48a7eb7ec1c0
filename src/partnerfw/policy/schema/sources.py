"""Where a policy setting comes from: the framework's paragraph or the council's own
reason, and what the framework review leaves open (``Source``); ``source_of_item`` reads a
significance test's source the same way.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from partnerfw.policy.schema.base import PolicyModel
from partnerfw.policy.test_leaves import _Sourced


class Source(PolicyModel):
    """Where a setting comes from: the framework (with its paragraph) or the council's own
    choice (with why), and what the framework review left open, if anything."""

    framework: str | None = Field(
        None, description="The paragraph that says it, e.g. 'Framework 4.5(e)'."
    )
    local: str | None = Field(None, description="Why the council chose it (not the framework's).")
    open: str | None = Field(
        None, description="What the framework review (its minutes) leaves unsettled about it."
    )

    @model_validator(mode="after")
    def _one_basis(self) -> Source:
        if (self.framework is None) == (self.local is None):
            raise ValueError(
                "a source is either 'framework: <paragraph>' or 'local: <why the council "
                "chose it>', exactly one"
            )
        return self


def source_of_item(item: _Sourced) -> Source:
    """The one way to read a significance test's source: its framework paragraph
    (``reference:``) or the council's own reason (``local:``)."""
    if item.reference is not None:
        return Source(framework=item.reference)
    return Source(local=item.local or "")
