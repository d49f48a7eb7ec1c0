"""Who decides on an arrangement, in order (``ApprovalRoute``), the routes two paragraphs
of the framework disagree on with the option the council follows (``RouteConflict``), and the
urgent (ad hoc) route's deadline for approval (``UrgentRoute``).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from partnerfw.policy.schema.base import PolicyModel


class ApprovalRoute(PolicyModel):
    """Who decides, in order: discussion, sign-off, approval; and who is only informed. A step
    may accept one of several roles, written 'chief_executive|director'."""

    discussed_at: list[str] = Field(
        default_factory=list, description="Roles or meetings that must discuss it first."
    )
    signed_off_by: list[str] = Field(
        default_factory=list,
        description="Roles that sign it off before the approvers decide (e.g. Appendix 1: "
        "the Chief Executive/Director and the Lead Member, for submission to Cabinet).",
    )
    approvers: list[str] = Field(default_factory=list, description="Roles that must approve.")
    informed: list[str] = Field(
        default_factory=list, description="Roles that must be informed (no approval needed)."
    )
    opinions_required: bool = Field(
        True, description="Monitoring Officer and Section 151 opinions needed first."
    )
    reference: str = Field(description="Framework paragraph, e.g. 'Framework 2.11.1'.")


class RouteConflict(PolicyModel):
    """Two paragraphs of the framework prescribe different routes for the same class: the
    policy names both, follows one, and says whether the council has confirmed that choice."""

    conflict: str = Field(description="What the paragraphs say, in a sentence each.")
    follow: str = Field(description="The option followed, one of 'options'.")
    confirmed: str | None = Field(
        None,
        description="The council's decision confirming the choice (e.g. 'Cabinet, 12 March "
        "2027, minute 45'); none means it is partnerfw's default, still to be confirmed.",
    )
    options: dict[str, ApprovalRoute] = Field(
        min_length=2, description="Each paragraph's route, by a short name."
    )

    @model_validator(mode="after")
    def _follows_an_option(self) -> RouteConflict:
        if self.follow not in self.options:
            raise ValueError(
                f"follow: '{self.follow}' is not one of the options ({', '.join(self.options)})"
            )
        return self

    @property
    def route(self) -> ApprovalRoute:
        return self.options[self.follow]


class UrgentRoute(PolicyModel):
    approval_within_days: int = Field(ge=1, description="Days from start by which approval is due.")
    reference: str = Field(description="Where the framework says so.")
