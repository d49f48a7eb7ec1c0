"""Running an arrangement (Framework 4.5-4.10, 6.x): its targets (``Target``), the risk
register (``Risk``), the dates of budget and performance reports and reviews, the responsible
officer's assurance (``Assurance``) and audit opinions (``AuditOpinion``), gathered in
``Monitoring``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from partnerfw.record.models.base import Model, Money, Text
from partnerfw.record.models.choices import AssuranceLevel


class Target(Model):
    target: Text = Field(description="The target that shows the outcome is being achieved.")
    action: str | None = Field(None, description="The action to be taken to achieve it (4.5(b)).")
    owner: str | None = Field(None, description="Who is responsible for that action (4.5(b)).")
    last_reviewed: dt.date | None = Field(
        None, description="When the target was last reviewed and updated (4.5(d))."
    )


class Risk(Model):
    risk: Text = Field(description="What could go wrong.")
    likelihood: int = Field(
        ge=1,
        le=10,
        description="On the council's likelihood scale (the policy's risk_scale): by default "
        "1 (rare) to 5 (almost certain).",
    )
    impact: int = Field(
        ge=1,
        le=10,
        description="On the council's impact scale (the policy's risk_scale): by default 1 "
        "(minor) to 5 (severe).",
    )
    financial_impact: Money | None = Field(
        None, description="The cost to the council if it happens, pounds (e.g. 250000)."
    )
    mitigation: str | None = Field(None, description="What reduces the risk.")
    owner: str | None = Field(None, description="Who manages the risk.")
    last_reviewed: dt.date | None = Field(None, description="When it was last reviewed.")


class AuditOpinion(Model):
    """An audit of the arrangement and the assurance it gave (Framework 6.11)."""

    opinion: AssuranceLevel = Field(
        description="substantial, reasonable, limited or no_assurance (UK internal audit terms)."
    )
    date: dt.date = Field(description="Date of the final audit report.")
    auditor: str | None = Field(
        None, description="Who audited it, e.g. 'Internal Audit' or 'Mid Kent Audit Partnership'."
    )
    scope: str | None = Field(None, description="What the audit looked at.")
    reference: str | None = Field(None, description="The audit report's reference.")
    actions: str | None = Field(
        None, description="The actions agreed with management and when they are due."
    )


class Assurance(Model):
    """The assurance the February/March governance review gathers for the Annual Governance
    Statement (6.9)."""

    officer: Text = Field(description="Responsible officer giving assurance (6.9).")
    date: dt.date = Field(description="When it was given (the review is in February/March).")
    statement: str | None = Field(None, description="What they assured.")
    governance_in_place: bool | None = Field(
        None,
        description="They assure the arrangement has the appropriate governance arrangements "
        "in place (6.9).",
    )
    meeting_objectives: bool | None = Field(
        None,
        description="They assure the arrangement is still meeting the objectives set out in "
        "the register (6.9).",
    )


class Monitoring(Model):
    """Running the arrangement: performance and finance (4.5), risk (4.10), reviews (6.x)."""

    outcomes: list[str] = Field(default_factory=list, description="Expected outcomes (4.5a).")
    targets: list[Target] = Field(default_factory=list, description="Targets and actions (4.5b).")
    budget_reports: list[dt.date] = Field(
        default_factory=list, description="Dates of budget monitoring reports (4.5e, quarterly)."
    )
    performance_reports: list[dt.date] = Field(
        default_factory=list, description="Dates of performance reports (4.5c)."
    )
    risk_register: list[Risk] = Field(default_factory=list, description="The risk register (4.10).")
    annual_reviews: list[dt.date] = Field(default_factory=list, description="Annual reviews (6.6).")
    shared_service_reviews: list[dt.date] = Field(
        default_factory=list,
        description="Shared service reviews from year three (revised framework).",
    )
    representatives_briefed: bool = Field(
        False, description="Representatives told their responsibilities on appointment (5.9)."
    )
    assurance: Assurance | None = Field(None, description="Latest governance assurance (6.9).")
    audit_opinions: list[AuditOpinion] = Field(
        default_factory=list,
        description="Audit opinions on the arrangement, with dates (6.11); the latest counts.",
    )
