"""One arrangement of the council, as written in ``register/<id>.yaml``: the record itself,
made of the parts the other modules of ``models`` define, with the checks that need the whole
record (the sections each kind needs, and only it, and a phase's type only for a shared
service).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from partnerfw.record.models.agreement import Agreement
from partnerfw.record.models.approvals import (
    Approval,
    ApprovedFacts,
    DecidedClassification,
    Opinions,
    PartnerDecision,
)
from partnerfw.record.models.base import Identifier, Model, Money, Text
from partnerfw.record.models.choices import Kind, Status
from partnerfw.record.models.commissioning import CommissioningTerms
from partnerfw.record.models.evaluation import Evaluation
from partnerfw.record.models.exit_strategy import ExitStrategy
from partnerfw.record.models.governance import Governance
from partnerfw.record.models.joint_committee import JointCommittee
from partnerfw.record.models.legal_standing import (
    Company,
    ManagementAgreement,
    OutsideBody,
    StatutoryBasis,
)
from partnerfw.record.models.lifetime import Dates, Links, Phase
from partnerfw.record.models.monitoring import Monitoring
from partnerfw.record.models.people import LeadMember, Member, Partner, Person
from partnerfw.record.models.purpose import Purpose, Urgency
from partnerfw.record.models.resources import BudgetOverTerm, CouncilResources, ExternalFunding
from partnerfw.record.models.shared_service import SharedService


class Arrangement(Model):
    """One partnership, shared service, network or other arrangement on the register."""

    id: Identifier = Field(description="Short id, lower case with hyphens; the file's name.")
    name: Text = Field(description="Name of the arrangement as the public would know it.")
    kind: Kind = Field(
        description=(
            "partnership, shared_service, informal_network, commissioning, company_or_trust, "
            "outside_body."
        )
    )
    status: Status = Field(description="proposed, approved, active, under_review, ending or ended.")
    summary: str | None = Field(None, description="One or two plain sentences on what it does.")
    legal_form: str | None = Field(
        None, description="For a company or charitable trust: its legal form (1.10)."
    )
    company: Company | None = Field(
        None,
        description="A company or trust's form (e.g. community_interest_company), number and "
        "the council's part; only for kind company_or_trust.",
    )
    outside_body: OutsideBody | None = Field(
        None,
        description="The outside body and the council's appointees; required when kind is "
        "outside_body.",
    )
    statutory_basis: StatutoryBasis | None = Field(
        None, description="Whether the law requires it, and the Act and section (Appendix 1)."
    )
    management_agreement: ManagementAgreement | None = Field(
        None,
        description="For a company or trust that runs council services under a management "
        "agreement: that contract (it is managed as a contract, not left out of scope).",
    )
    commissioning: CommissioningTerms | None = Field(
        None, description="For a commissioning arrangement: who pays whom (1.14)."
    )
    area: str | None = Field(None, description="Where it operates, e.g. 'borough', 'Kent-wide'.")
    lead_organisation: str | None = Field(
        None, description="Lead organisation, if not the council."
    )
    lead_officer: Person = Field(description="The council's lead officer.")
    department: Text = Field(description="The lead officer's department.")
    lead_member: LeadMember | None = Field(
        None, description="The councillor who leads on it (Appendix 1 sign-off)."
    )
    portfolio: str | None = Field(None, description="The Cabinet portfolio it falls under.")
    committee: str | None = Field(None, description="The Cabinet Committee that receives reports.")
    dates: Dates = Field(default_factory=Dates, description="Start, end or indefinite, renewal.")
    phases: list[Phase] = Field(
        default_factory=list,
        description=(
            "How the arrangement changed over time, oldest first (e.g. joint management, then "
            "a full shared service); the phase in force at a date decides its type then."
        ),
    )
    links: Links = Field(
        default_factory=Links,
        description="Predecessors, successors and the umbrella programme it is part of (ids).",
    )
    partners: list[Partner] = Field(default_factory=list, description="The other organisations.")
    overall_budget: Money | None = Field(
        None, description="Overall partnership budget, pounds a year."
    )
    overall_budget_over_term: BudgetOverTerm | None = Field(
        None, description="The overall budget over several years: total, period and each year."
    )
    external_funding: list[ExternalFunding] = Field(
        default_factory=list,
        description="Funding from outside the partners (Appendix 1), not partners' contributions.",
    )
    council_resources: CouncilResources = Field(
        default_factory=CouncilResources, description="What the council puts in (Appendix 1)."
    )
    corporate_objectives: list[str] = Field(
        default_factory=list, description="Corporate Plan objectives it contributes to."
    )
    fundamental_to_corporate_objective: bool = Field(
        False, description="Without it a Corporate Plan objective would not be delivered (1.9)."
    )
    members: list[Member] = Field(default_factory=list, description="Councillors involved.")
    joint_committee: JointCommittee | None = Field(
        None, description="The joint committee that governs it, if it has one (4.3b, 4.3d)."
    )
    public_facing: bool = Field(False, description="It provides services directly to the public.")
    council_fields: dict[str, bool] = Field(
        default_factory=dict,
        description=(
            "Yes/no answers to the questions the council's own policy declares under "
            "record_fields (e.g. statutory_duty: true); `check` reports a name the policy "
            "does not declare."
        ),
    )
    urgency: Urgency = Field(default_factory=Urgency, description="Urgent (ad hoc) route.")
    purpose: Purpose = Field(default_factory=Purpose, description="Why the council is in it.")
    shared_service: SharedService | None = Field(
        None, description="Shared service details; required when kind is shared_service."
    )
    evaluation: Evaluation = Field(
        default_factory=Evaluation, description="Evaluation (App1/App2)."
    )
    governance: Governance = Field(
        default_factory=Governance, description="Governance items (4.3)."
    )
    agreement: Agreement = Field(default_factory=Agreement, description="The agreement (App3).")
    exit_strategy: ExitStrategy | None = Field(None, description="The exit strategy (2.10).")
    opinions: Opinions = Field(default_factory=Opinions, description="Statutory officers (2.11).")
    approvals: list[Approval] = Field(default_factory=list, description="Decisions, in order.")
    partner_decisions: list[PartnerDecision] = Field(
        default_factory=list,
        description="Decisions partner authorities took through their own bodies.",
    )
    approved_facts: ApprovedFacts | None = Field(
        None, description="What was approved: kind, class, resources, partners, end date (APR009)."
    )
    decided_classification: DecidedClassification | None = Field(
        None,
        description="A partnership's class as the council decided it (one of the policy's "
        "classes, e.g. significant or other), with the decision; used in place of the "
        "policy's result.",
    )
    monitoring: Monitoring = Field(default_factory=Monitoring, description="Monitoring (4.5-4.10).")
    confidential: list[str] = Field(
        default_factory=list,
        description=(
            "Parts never to publish, as dotted paths, e.g. 'council_resources' or "
            "'monitoring.risk_register' or 'partners.1.contribution' (6.5)."
        ),
    )
    distinct_from: list[Identifier] = Field(
        default_factory=list,
        description=(
            "Ids of records whose names look like this one's but that are different "
            "arrangements: `check` (REG006) stops asking whether they are the same."
        ),
    )
    notes: str | None = Field(None, description="Anything else the register should say.")
    imported_as_written: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Values `partnerfw import` could not read exactly, kept as the spreadsheet had them: "
            "dotted field path -> original text (e.g. 'council_resources.dedicated_budget': "
            "'just under £14,000'). `check` flags each one (DATA010) until an officer puts the "
            "exact value in the field and deletes the line."
        ),
    )

    @field_validator("decided_classification")
    @classmethod
    def _decided_for_partnerships(
        cls, value: DecidedClassification | None, info: ValidationInfo
    ) -> DecidedClassification | None:
        kind = info.data.get("kind")
        if value is not None and kind is not None and kind is not Kind.PARTNERSHIP:
            raise ValueError(
                "a decided classification (a class of partnership) only belongs to a partnership, "
                f"not a {kind}: remove it, or correct the kind"
            )
        return value

    @model_validator(mode="after")
    def _kind_parts(self) -> Arrangement:
        if self.kind is Kind.SHARED_SERVICE and self.shared_service is None:
            raise ValueError(
                "a shared_service needs a 'shared_service:' section with its 'type' "
                "(full_shared_service, joint_management, joint_officer or ad_hoc_resilience)"
            )
        if self.kind is not Kind.SHARED_SERVICE and self.shared_service is not None:
            raise ValueError(
                "the 'shared_service:' section only belongs to kind shared_service, "
                f"not {self.kind}"
            )
        if self.kind is not Kind.COMMISSIONING and self.commissioning is not None:
            raise ValueError(
                f"the 'commissioning:' section only belongs to kind commissioning, not {self.kind}"
            )
        if self.kind is not Kind.COMPANY_OR_TRUST and self.management_agreement is not None:
            raise ValueError(
                "the 'management_agreement:' section only belongs to kind company_or_trust, "
                f"not {self.kind}"
            )
        typed = self.shared_service is None or self.shared_service.type is not None
        if not typed and not any(phase.type for phase in self.phases):
            raise ValueError(
                "a shared_service needs its type: give shared_service.type "
                "(full_shared_service, joint_management, joint_officer or "
                "ad_hoc_resilience), or a type for each of its phases"
            )
        if self.kind is Kind.OUTSIDE_BODY and self.outside_body is None:
            raise ValueError(
                "an outside_body record needs an 'outside_body:' section naming the organisation, "
                "who appointed the council's representatives and the appointees"
            )
        if self.kind is not Kind.OUTSIDE_BODY and self.outside_body is not None:
            raise ValueError(
                f"the 'outside_body:' section only belongs to kind outside_body, not {self.kind}"
            )
        if self.kind is not Kind.COMPANY_OR_TRUST and self.company is not None:
            raise ValueError(
                f"the 'company:' section only belongs to kind company_or_trust, not {self.kind}"
            )
        return self

    @field_validator("phases")
    @classmethod
    def _types_only_for_shared_services(cls, phases: list[Phase], info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        for number, phase in enumerate(phases, 1):
            if phase.type is not None and kind is not None and kind is not Kind.SHARED_SERVICE:
                raise ValueError(
                    f"phase {number} (from {phase.start}) has a type ({phase.type.value}), but "
                    "only a shared service has one: describe the phase under 'description'"
                )
        return phases

    @property
    def is_urgent(self) -> bool:
        return self.urgency.urgent
