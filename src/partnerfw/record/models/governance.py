"""The governance arrangements of Framework 4.3(a-m) and the Appendix 1 list
(``Governance``), each an ``Item``: in place, drafted, missing or not applicable, with where its
evidence is. ``item_field`` declares one such item with its description.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from partnerfw.record.models.base import Model
from partnerfw.record.models.choices import ItemStatus


class Item(Model):
    """One governance or agreement item and where its evidence is."""

    status: ItemStatus = Field(description="in_place, drafted, missing or not_applicable.")
    evidence: str | None = Field(None, description="Where it is: document, clause, path or link.")
    reason: str | None = Field(
        None, description="Why it does not apply (needed for not_applicable)."
    )

    @model_validator(mode="after")
    def _reason_for_not_applicable(self) -> Item:
        if self.status is ItemStatus.NOT_APPLICABLE and not self.reason:
            raise ValueError("not_applicable needs a reason saying why the item does not apply")
        return self


def item_field(text: str) -> Any:
    return Field(None, description=text)


class Governance(Model):
    """Governance arrangements: framework 4.3(a-m) and the Appendix 1 list."""

    terms_of_reference: Item | None = item_field(
        "Terms of reference and/or constitution (Appendix 1)."
    )
    membership_rules: Item | None = item_field(
        "Eligibility for membership, admission of new partners, exit and termination (4.3a)."
    )
    representation: Item | None = item_field(
        "Representation of each partner, authority to act (4.3b)."
    )
    decision_rules: Item | None = item_field(
        "Rules for making decisions for the partnership (4.3c)."
    )
    meeting_rules: Item | None = item_field(
        "Rules for meetings: frequency, notice, quorum, chair (4.3d)."
    )
    recording_decisions: Item | None = item_field("Recording and reporting decisions (4.3e).")
    carrying_out_decisions: Item | None = item_field("Ensuring decisions are carried out (4.3f).")
    partner_responsibilities: Item | None = item_field(
        "Responsibilities of partners to each other (4.3g)."
    )
    performance_and_finance_review: Item | None = item_field(
        "Reviewing performance and financial information (4.3h)."
    )
    declarations_of_interest: Item | None = item_field("Declaring and recording interests (4.3i).")
    conflicts_of_interest: Item | None = item_field("Managing conflicts of interest (4.3j).")
    ethical_standards: Item | None = item_field("High ethical standards and equality (4.3k).")
    amending_agreement: Item | None = item_field("Amending the partnership agreement (4.3l).")
    breaches: Item | None = item_field("Dealing with breaches of the agreement (4.3m).")
    draft_agreement: Item | None = item_field("A (draft) partnership agreement (Appendix 1).")
    performance_monitoring: Item | None = item_field(
        "Performance monitoring arrangements (Appendix 1)."
    )
    financial_monitoring: Item | None = item_field(
        "Financial monitoring arrangements (Appendix 1)."
    )
    risk_monitoring: Item | None = item_field("Risk monitoring arrangements (Appendix 1).")
    complaints: Item | None = item_field(
        "Dealing with public complaints and compliments (Appendix 1)."
    )
    audit: Item | None = item_field("Audit requirements (Appendix 1).")
    public_information: Item | None = item_field(
        "Clear public information about the services (4.11)."
    )
    terms_of_reference_or_sla: Item | None = item_field(
        "Terms of reference or service level agreement, for commissioning (1.14)."
    )
    separate_legal_arrangements: Item | None = item_field(
        "Legal and financial arrangements for a company or trust, outside the framework (1.10)."
    )
