"""When things fall due: how often budgets, performance, risks, targets and the register
are reviewed, the days of grace and of notice (``Intervals``), and a shared service's reviews
from its third year (``SharedServiceReview``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel


class Intervals(PolicyModel):
    budget_monitoring_months: int = Field(3, ge=1, description="4.5e: at least quarterly.")
    performance_report_months: int = Field(6, ge=1, description="4.5c: regular reports.")
    risk_review_months: int = Field(12, ge=1, description="4.10: risk register reviewed.")
    annual_review_months: int = Field(
        12,
        ge=1,
        description="6.6: annual review; used as a rolling interval when no "
        "annual_review_window is set.",
    )
    annual_review_window: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=lambda: [9, 10, 11],
        description="Months the annual review of the register takes place in: 6.6 says 'during "
        "the Autumn', read as September to November. Empty: any time, every "
        "annual_review_months.",
    )
    governance_review_window: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=lambda: [2, 3],
        description="Months of the governance review that gathers the officers' assurance "
        "for the Annual Governance Statement: February/March (6.9).",
    )
    target_review_months: int = Field(
        12,
        ge=1,
        description="How often each target is reviewed and updated (4.5(d) asks for it but "
        "gives no interval: the council's own choice).",
    )
    grace_days: int = Field(14, ge=0, description="Days allowed after a due date before overdue.")
    renewal_notice_days: int = Field(
        90, ge=0, description="Warn this many days before an end date."
    )
    audit_opinion_months: int = Field(
        36,
        ge=1,
        description="An audit opinion older than this many months is mentioned for the annual "
        "audit needs assessment (6.11.1); a local choice, the framework sets no cycle.",
    )


class SharedServiceReview(PolicyModel):
    from_year: int = Field(3, ge=1, description="Year of the arrangement the review starts in.")
    interval_months: int = Field(12, ge=1, description="How often it is then reviewed.")
    reference: str = Field(description="Where the framework says so.")
