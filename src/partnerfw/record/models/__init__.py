"""The record's models: one arrangement of the council, split by the parts of a record.

Field names and descriptions follow the Working in Partnership Framework: the Partnership
Evaluation Form (Appendix 1), the Shared Services business case (Appendix 2) and the contents
of an agreement (Appendix 3). Every model forbids unknown keys so a misspelt field is reported
rather than silently ignored. ``arrangement`` holds the record itself (``Arrangement``); its
parts are in ``choices`` (kinds, statuses, sectors, decisions and other fixed choices),
``people`` (officers, partners, councillors), ``lifetime`` (dates, phases, links),
``resources`` (council resources, budgets, external funding), ``legal_standing`` (statutory
basis, company or trust, outside body and appointees), ``joint_committee``, ``purpose``,
``evaluation``, ``governance`` (governance items), ``agreement``, ``exit_strategy``,
``approvals`` (opinions, approvals, partner decisions, approved facts, decided class),
``shared_service``, ``commissioning`` and ``monitoring`` (targets, risks, assurance, audit),
all built on ``base``. Import the models from here: ``from partnerfw.record.models import
Arrangement``.
"""

from partnerfw.record.models.agreement import Agreement, AgreementItems, AgreementTerm
from partnerfw.record.models.approvals import (
    Approval,
    ApprovedFacts,
    DecidedClassification,
    DecisionMaker,
    Opinion,
    Opinions,
    PartnerDecision,
)
from partnerfw.record.models.arrangement import Arrangement
from partnerfw.record.models.base import WHEN, Identifier, Model, Money, Text
from partnerfw.record.models.choices import (
    AppointmentCapacity,
    AssuranceLevel,
    CaseApprover,
    CompanyForm,
    Decision,
    ItemStatus,
    Kind,
    PartnershipCondition,
    Payment,
    Sector,
    SharedServiceCondition,
    SharedServiceType,
    Status,
)
from partnerfw.record.models.commissioning import CommissioningTerms
from partnerfw.record.models.evaluation import Assessment, DoNothing, Evaluation, Gdpr
from partnerfw.record.models.exit_strategy import ExitCoverage, ExitStep, ExitStrategy
from partnerfw.record.models.governance import Governance, Item
from partnerfw.record.models.joint_committee import JointCommittee, JointCommitteeSeats
from partnerfw.record.models.legal_standing import (
    Appointee,
    Company,
    ManagementAgreement,
    OutsideBody,
    StatutoryBasis,
)
from partnerfw.record.models.lifetime import Dates, Links, Phase
from partnerfw.record.models.monitoring import Assurance, AuditOpinion, Monitoring, Risk, Target
from partnerfw.record.models.people import LeadMember, Member, Partner, Person
from partnerfw.record.models.purpose import Purpose, Urgency
from partnerfw.record.models.resources import (
    BudgetOverTerm,
    BudgetYear,
    CouncilResources,
    ExternalFunding,
    FinancialYear,
)
from partnerfw.record.models.shared_service import (
    CaseApproval,
    Discussion,
    Revision,
    SharedService,
)

__all__ = [
    "WHEN",
    "Agreement",
    "AgreementItems",
    "AgreementTerm",
    "Appointee",
    "AppointmentCapacity",
    "Approval",
    "ApprovedFacts",
    "Arrangement",
    "Assessment",
    "Assurance",
    "AssuranceLevel",
    "AuditOpinion",
    "BudgetOverTerm",
    "BudgetYear",
    "CaseApproval",
    "CaseApprover",
    "CommissioningTerms",
    "Company",
    "CompanyForm",
    "CouncilResources",
    "Dates",
    "DecidedClassification",
    "Decision",
    "DecisionMaker",
    "Discussion",
    "DoNothing",
    "Evaluation",
    "ExitCoverage",
    "ExitStep",
    "ExitStrategy",
    "ExternalFunding",
    "FinancialYear",
    "Gdpr",
    "Governance",
    "Identifier",
    "Item",
    "ItemStatus",
    "JointCommittee",
    "JointCommitteeSeats",
    "Kind",
    "LeadMember",
    "Links",
    "ManagementAgreement",
    "Member",
    "Model",
    "Money",
    "Monitoring",
    "Opinion",
    "Opinions",
    "OutsideBody",
    "Partner",
    "PartnerDecision",
    "PartnershipCondition",
    "Payment",
    "Person",
    "Phase",
    "Purpose",
    "Revision",
    "Risk",
    "Sector",
    "SharedService",
    "SharedServiceCondition",
    "SharedServiceType",
    "Status",
    "StatutoryBasis",
    "Target",
    "Text",
    "Urgency",
]
