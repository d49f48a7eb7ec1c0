"""The Partnership Evaluation Form (Appendix 1), or a business case's equivalent parts:
who evaluated the arrangement, its benefits, costs and risks, the risk assessment and
equalities analysis (``Assessment``), GDPR (``Gdpr``) and the consequences of doing nothing
(``DoNothing``), with the form's other questions: the evidence of need and consultation, the
impact on other services, value for money, risks not covered by insurance and the action on a
negative equalities impact.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from partnerfw.record.models.base import Model
from partnerfw.record.models.people import Person


class Assessment(Model):
    done: bool = Field(False, description="True once it has been carried out.")
    date: dt.date | None = Field(None, description="When it was done.")
    summary: str | None = Field(None, description="What it found.")
    evidence: str | None = Field(None, description="Where the document is held (path or link).")


class Gdpr(Model):
    considered: bool = Field(False, description="GDPR considered (Appendix 1).")
    issues: str | None = Field(None, description="Issues found and how they are overcome.")
    dpia_required: bool = Field(False, description="A Data Protection Impact Assessment is needed.")
    dpia_completed: dt.date | None = Field(None, description="Date the DPIA was completed.")


class DoNothing(Model):
    consequences: str | None = Field(
        None, description="What happens if the council does not enter (Appendix 1, Appendix 2 7.1)."
    )
    customers_and_residents: str | None = Field(
        None, description="The 'do nothing' risks to customers and residents (revised framework)."
    )


class Evaluation(Model):
    """The Partnership Evaluation Form (Appendix 1) or the business case's equivalent parts."""

    completed_by: Person | None = Field(None, description="Officer completing the form.")
    date: dt.date | None = Field(None, description="Date the evaluation was completed.")
    senior_officers: list[str] = Field(
        default_factory=list, description="Senior officers who carried out the evaluation (2.4)."
    )
    deputy_monitoring_officer_consulted: bool = Field(False, description="Consulted, as 2.4 asks.")
    section_151_officer_consulted: bool = Field(False, description="Consulted, as 2.4 asks.")
    director_involved: bool = Field(
        False,
        description="The relevant Director was involved (2.5, when Members sit on the board).",
    )
    benefits: list[str] = Field(default_factory=list, description="Likely benefits (2.8).")
    costs: list[str] = Field(default_factory=list, description="Likely costs (2.8).")
    risks: list[str] = Field(default_factory=list, description="Likely risks (2.8).")
    equalities_issues: list[str] = Field(
        default_factory=list, description="Potential equalities issues, or 'none identified' (2.8)."
    )
    risk_assessment: Assessment | None = Field(None, description="Risk assessment (2.9).")
    equalities_analysis: Assessment | None = Field(
        None, description="Analysis of impact on the protected characteristics (Appendix 1)."
    )
    gdpr: Gdpr | None = Field(None, description="General Data Protection Regulation (Appendix 1).")
    equalities_aims_contribution: str | None = Field(
        None, description="How it contributes to the council's Equalities Aims and Objectives."
    )
    climate_change_contribution: str | None = Field(
        None, description="How it supports the borough in mitigating climate change."
    )
    do_nothing: DoNothing | None = Field(None, description="Consequences of not going ahead.")
    alternatives: str | None = Field(None, description="Other ways of achieving the objectives.")
    insurance_checked: bool = Field(False, description="Insurance checked with the Finance Team.")
    evidence_of_need: str | None = Field(
        None,
        description="What evidence there is that the partnership is needed, e.g. from research "
        "and analysis or from experience elsewhere: how do we know that we need to have this "
        "partnership? (Appendix 1, Benefits analysis).",
    )
    consultation: str | None = Field(
        None,
        description="Whether consultations have been undertaken with the public and/or "
        "stakeholders, and if so what their response has been ('none, because ...' is an "
        "answer) (Appendix 1, Benefits analysis).",
    )
    impact_on_other_services: str | None = Field(
        None,
        description="Whether the creation of this partnership will have an impact on the "
        "council's ability to deliver any other services or objectives: will resources have "
        "to be taken from one task and re-allocated elsewhere? (Appendix 1, Costs analysis).",
    )
    value_for_money: str | None = Field(
        None,
        description="How the partnership will be able to demonstrate value for money: the "
        "measures to be introduced, e.g. VfM indicators monitoring cost, partnership/service "
        "performance and customer satisfaction (Appendix 1, Costs analysis).",
    )
    uninsured_risks: str | None = Field(
        None,
        description="Where there are risks not covered by insurance, whether it is possible "
        "to insure against any of them ('none identified' is an answer) (Appendix 1, Risk "
        "analysis).",
    )
    equalities_negative_impact: bool | None = Field(
        None,
        description="Whether the equalities analysis found any 'negative impact' on any of "
        "the protected characteristics (Appendix 1, Equalities Analysis; Appendix 2 5.1: on "
        "the customer or on officers/staff).",
    )
    equalities_mitigation: str | None = Field(
        None,
        description="If there is any 'negative impact', what action will be taken to mitigate "
        "it: how it is managed so that the arrangement can work fairly across all protected "
        "characteristics (Appendix 1, Equalities Analysis; Appendix 2 5.1).",
    )
