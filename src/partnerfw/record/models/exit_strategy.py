"""The exit strategy (Framework 2.10): its status, what it covers as Appendix 1 and
Appendix 3 1.8 ask (``ExitCoverage``) and the steps to leave or close the arrangement
(``ExitStep``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from partnerfw.record.models.base import Model, Text
from partnerfw.record.models.choices import ItemStatus


class ExitCoverage(Model):
    """What the exit strategy covers (2.10, Appendix 1, Appendix 3 1.8)."""

    termination: str | None = Field(None, description="How it is suspended, dissolved or ended.")
    partner_withdrawal: str | None = Field(None, description="How an individual partner leaves.")
    equalities_impact: str | None = Field(
        None, description="Impact of dissolution on protected characteristics (Equality Act 2010)."
    )
    safeguarding_impact: str | None = Field(
        None,
        description="Impact on safeguarding duties (Children Act 2004 s11, Care Act 2014 s42).",
    )
    resources: str | None = Field(
        None, description="What happens to resources the council contributed."
    )
    liabilities: str | None = Field(
        None, description="Outstanding liabilities that could fall on the council."
    )
    notice_period: str | None = Field(
        None, description="Notice period to terminate (shared services, App3 SS 1.7)."
    )


class ExitStep(Model):
    step: Text = Field(description="What has to be done to leave or close the arrangement.")
    owner: str | None = Field(None, description="Who does it.")
    due: dt.date | None = Field(None, description="When it is due.")
    done: dt.date | None = Field(None, description="When it was done.")


class ExitStrategy(Model):
    status: ItemStatus = Field(description="in_place, drafted or missing.")
    summary: str | None = Field(None, description="The exit strategy in a few sentences.")
    in_agreement: bool = Field(False, description="It is written into the agreement (2.10).")
    covers: ExitCoverage = Field(default_factory=ExitCoverage, description="What it covers.")
    steps: list[ExitStep] = Field(
        default_factory=list, description="The exit steps, once the arrangement is ending."
    )
