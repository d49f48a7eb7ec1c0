"""The people and organisations in an arrangement: the council's officers (``Person``),
the partner organisations with their sector and contribution (``Partner``), the councillors
involved (``Member``) and the Lead Member who signs off the evaluation (``LeadMember``).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from partnerfw.record.models.base import WHEN, Model, Money, Text
from partnerfw.record.models.choices import Sector
from partnerfw.record.partial_dates import PartialDate, certainly_before


class Person(Model):
    name: Text = Field(description="Full name as it should appear in the register.")
    title: str | None = Field(None, description="Job title or office, e.g. 'Head of Housing'.")
    email: str | None = Field(
        None, description="Work email. Published only if the policy says contact details are."
    )
    phone: str | None = Field(
        None, description="Work phone. Published only if the policy says contact details are."
    )


class Partner(Model):
    name: Text = Field(description="The partner organisation's name.")
    sector: Sector = Field(
        description="public, private, voluntary, community, individual or other (Appendix 1)."
    )
    contribution: Money | None = Field(
        None, description="The partner's budgetary contribution in pounds, if any."
    )
    contribution_note: str | None = Field(
        None, description="What the contribution is, when it is not (only) money."
    )
    local_authority: bool | None = Field(
        None,
        description=(
            "True for a local authority (a council). Shared services are joint working "
            "between local authorities (1.12); leave it out when the name says so plainly."
        ),
    )
    independent: bool = Field(
        True,
        description=(
            "False when the body is not independent of the council, e.g. a company the "
            "council wholly owns: a partnership is with 'one or more independent bodies' (1.7)."
        ),
    )
    joined: PartialDate | None = Field(
        None, description=f"When the partner joined, if after the start: {WHEN}."
    )
    left: PartialDate | None = Field(
        None,
        description=(
            f"When the partner left ({WHEN}): from then on it is not counted as a current partner."
        ),
    )

    @field_validator("left")
    @classmethod
    def _left_after_joining(cls, left: PartialDate | None, info: ValidationInfo) -> Any:
        joined = info.data.get("joined")
        if left is not None and isinstance(joined, PartialDate) and certainly_before(left, joined):
            raise ValueError(
                f"the partner left ({left}) before it joined ({joined}): correct one of the dates"
            )
        return left


class Member(Model):
    name: Text = Field(description="The councillor's name.")
    role: str | None = Field(
        None, description="Their role in the arrangement, e.g. 'board member'."
    )
    on_board: bool = Field(False, description="True when they sit on the partnership board (2.5).")


class LeadMember(Model):
    """The councillor who leads on the arrangement and signs off its evaluation with the Chief
    Executive or Director (Appendix 1)."""

    name: Text = Field(description="The councillor's name, as on the councillors list.")
    title: str | None = Field(
        None, description="Their office, e.g. 'Cabinet Portfolio Holder for Community Safety'."
    )
