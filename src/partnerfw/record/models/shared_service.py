"""The parts of a shared service (Framework section 3 and Appendix 2): its type, host and
business case (``SharedService``: with the options considered, constraints and dependencies and
the existing arrangements it sets out), the initial discussion with the Director
(``Discussion``), the officers who approved the business case (``CaseApproval``) and its
revision history (``Revision``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from partnerfw.record.models.base import Model, Text
from partnerfw.record.models.choices import CaseApprover, SharedServiceType
from partnerfw.record.models.governance import Item


class Discussion(Model):
    officer: Text = Field(
        description="Who it was with, e.g. 'Graham Oduya, Director (Corporate Services)'."
    )
    date: dt.date = Field(description="When it took place.")
    note: str | None = Field(None, description="What was agreed, or where it is recorded.")


class CaseApproval(Model):
    """One approval of a shared service business case (Appendix 2, Business Case History 1.2)."""

    authority: Text = Field(
        description="The authority whose officer approved it: this council's name, or a "
        "partner's name as written under partners."
    )
    role: CaseApprover = Field(description="monitoring_officer, section_151_officer or other.")
    name: Text = Field(description="Who approved it.")
    title: str | None = Field(None, description="Their job title (for role 'other').")
    date: dt.date = Field(description="When they approved it.")


class Revision(Model):
    """One revision of the business case (Appendix 2, Business Case History 1.1)."""

    date: dt.date = Field(description="The revision's date.")
    summary: Text = Field(description="Summary of changes.")
    revision: str | None = Field(None, description="Its number or name, e.g. '0.3' or 'final'.")


class SharedService(Model):
    """Shared service specifics (framework section 3 and Appendix 2)."""

    type: SharedServiceType | None = Field(
        None,
        description=(
            "The four kinds of 1.12. When the record has phases with a type, the type in force "
            "on a date is the phase's, and this may be left out."
        ),
    )
    host_authority: str | None = Field(None, description="The authority that hosts the service.")
    legal_basis: str | None = Field(
        None, description="Usually section 113 of the Local Government Act 1972 (App2 4.1)."
    )
    initial_discussion: Discussion | None = Field(
        None,
        description="The initial discussion with the Director (Corporate Services) when the "
        "opportunity was identified, before discussions with the other authorities (3.6).",
    )
    business_case: Item | None = Field(
        None,
        description="Business case (3.7): required for full shared service and joint management.",
    )
    business_case_approvals: list[CaseApproval] = Field(
        default_factory=list,
        description="Who approved the business case: the Monitoring Officers and Section 151 "
        "Officers at both (every) authority are always included (Appendix 2, Business Case "
        "History 1.2).",
    )
    savings_or_income: str | None = Field(None, description="Savings or income expected (3.12.1).")
    resilience: str | None = Field(None, description="Resilience it brings (3.12.1).")
    cost_split: str | None = Field(
        None, description="The agreed split of costs (3.4), e.g. '60/40'."
    )
    budgets_agreed: bool = Field(False, description="Budgets and review mechanism agreed (3.4).")
    hr_informed: bool = Field(False, description="Personnel/HR informed of the proposal (3.12.2).")
    officer_consultation: Item | None = Field(
        None, description="Consultation with officers (3.12.2)."
    )
    facilities: str | None = Field(None, description="Location, travel and equipment (3.12.3).")
    staff_communication: str | None = Field(None, description="How staff are kept informed (3.13).")
    options_considered: list[str] = Field(
        default_factory=list,
        description="The high-level options the business case considered, each in a few "
        "words, e.g. 'Option 1: a full shared service hosted by Medley' (Appendix 2 10.1).",
    )
    recommended_option: str | None = Field(
        None,
        description="The option recommended after the cost/benefit evaluation of the options, "
        "and why (Appendix 2 9.1-9.2).",
    )
    constraints: str | None = Field(
        None,
        description="Constraints to the project progressing: organisational (e.g. locations, "
        "legal issues, cultural differences, political issues), resource (e.g. systems, staff "
        "terms and conditions, skills) and time (key deadlines) (Appendix 2 3.1).",
    )
    dependencies: str | None = Field(
        None,
        description="Dependencies for the project progressing: other factors affecting its "
        "long-term viability or return on investment, e.g. known or predicted future events "
        "('none identified' is an answer) (Appendix 2 3.2).",
    )
    existing_arrangements: str | None = Field(
        None,
        description="The existing working arrangements of each authority, or where the business "
        "case sets them out: whether services are in-house, shared or outsourced, departmental "
        "structures, salary costs, staff numbers, scope of service, performance levels and IT "
        "systems (Appendix 2 1.3, 8.1-8.3).",
    )
    business_case_revisions: list[Revision] = Field(
        default_factory=list,
        description="The business case's revision history: each revision's date and summary "
        "of changes (Appendix 2, Business Case History 1.1).",
    )
