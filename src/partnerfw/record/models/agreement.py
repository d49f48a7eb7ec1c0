"""The agreement between the partners: where it is held and when it was signed, what it
contains as Appendix 3 lists it (``AgreementItems``) and its successive terms with the decision
that renewed each (``AgreementTerm``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from partnerfw.record.models.base import WHEN, Model
from partnerfw.record.models.governance import Item, item_field
from partnerfw.record.partial_dates import PartialDate, certainly_before


class AgreementItems(Model):
    """What the agreement contains: Appendix 3 (partnership and shared service agreements)."""

    aims_and_objectives: Item | None = item_field("Aims and objectives (App3 1.1a).")
    rationale: Item | None = item_field("Rationale for forming the partnership (App3 1.1b).")
    duration_and_renewal: Item | None = item_field(
        "Fixed term or indefinite, and renewal (App3 1.2)."
    )
    governance_arrangements: Item | None = item_field("Governance arrangements (App3 1.3).")
    public_information: Item | None = item_field("Informing and consulting the public (App3 1.4a).")
    complaints_handling: Item | None = item_field("Handling complaints (App3 1.4b).")
    performance_reporting: Item | None = item_field(
        "Performance monitoring and reporting (App3 1.4c)."
    )
    funding_responsibilities: Item | None = item_field("Who provides funding (App3 1.5a).")
    spending_decisions: Item | None = item_field("Who decides how money is spent (App3 1.5b).")
    reallocation: Item | None = item_field(
        "Whether and how resources are re-allocated (App3 1.5c)."
    )
    financial_reporting: Item | None = item_field("Financial reporting arrangements (App3 1.5d).")
    information_sharing: Item | None = item_field(
        "Information sharing, data protection and confidentiality protocol (App3 1.6)."
    )
    confidentiality_and_data_protection: Item | None = item_field(
        "Obligations on the council and its partners for handling confidential information "
        "and complying with GDPR (6.5)."
    )
    freedom_of_information: Item | None = item_field(
        "Protocol for FOI requests (App3 1.7; SS 1.8)."
    )
    dispute_resolution: Item | None = item_field("Resolution of disputes (App3 1.8a).")
    exit_strategy: Item | None = item_field("Exit strategy for the partners (App3 1.8b).")
    dissolution: Item | None = item_field("Dissolution by agreement or on completion (App3 1.8c).")
    partner_withdrawal: Item | None = item_field("Withdrawal of an individual partner (App3 1.8c).")
    delegation_of_functions: Item | None = item_field("How functions are delegated (App3 SS 1.1).")
    service_provision: Item | None = item_field("How the services are provided (App3 SS 1.2).")
    accommodation: Item | None = item_field("Where the shared service is situated (App3 SS 1.3).")
    staff_transfers: Item | None = item_field("How staff transfer, and when (App3 SS 1.4).")
    funding_and_payments: Item | None = item_field(
        "Funding and how payments are made (App3 SS 1.5)."
    )
    assets_and_liabilities: Item | None = item_field("Assets and liabilities (App3 SS 1.6).")
    termination: Item | None = item_field("Termination and its notice period (App3 SS 1.7).")
    scope_of_service: Item | None = item_field("Scope of service annex (App3 SS 1.9).")
    safeguarding: Item | None = item_field("Safeguarding (App3 SS 1.10).")


class AgreementTerm(Model):
    """One term of the agreement: the first, and each renewal after it (Appendix 3 1.2)."""

    start: PartialDate = Field(description=f"When the term began: {WHEN}.")
    end: PartialDate | None = Field(None, description=f"When it ends or ended: {WHEN}.")
    decision: str | None = Field(
        None,
        description=(
            "The decision that agreed (or renewed into) this term: minute, decision notice or "
            "letter, e.g. 'Cabinet 9 March 2022, minute 31'."
        ),
    )
    decided: dt.date | None = Field(None, description="Date of that decision.")
    note: str | None = Field(None, description="What changed at this term, if anything.")

    @model_validator(mode="after")
    def _check_order(self) -> AgreementTerm:
        if self.end and certainly_before(self.end, self.start):
            raise ValueError(f"the term ends ({self.end}) before it starts ({self.start})")
        return self


class Agreement(Model):
    document: str | None = Field(None, description="Where the agreement is held (path or link).")
    signed: dt.date | None = Field(None, description="Date the agreement was signed.")
    monitoring_officer_involved: bool = Field(
        False, description="The Monitoring Officer was involved in drawing it up (4.2)."
    )
    foi_officer: str | None = Field(
        None, description="The designated FOI officer, from a public sector partner (App3 1.7)."
    )
    items: AgreementItems = Field(default_factory=AgreementItems, description="What it contains.")
    terms: list[AgreementTerm] = Field(
        default_factory=list,
        description="Its successive terms, oldest first: start, end and the renewal decision.",
    )
