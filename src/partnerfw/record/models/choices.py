"""The fixed choices a record's fields take: the kind of arrangement, its status, a
partner's sector, a decision, an item's status, a shared service's type, a company's legal
form, an audit's assurance level, an appointee's capacity, and the conditions of Framework 2.2
and 3.2 an arrangement meets. Each is written in a record by its value, e.g. ``shared_service``.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    PARTNERSHIP = "partnership"
    SHARED_SERVICE = "shared_service"
    INFORMAL_NETWORK = "informal_network"
    COMMISSIONING = "commissioning"
    COMPANY_OR_TRUST = "company_or_trust"
    OUTSIDE_BODY = "outside_body"


class CompanyForm(StrEnum):
    """The legal form of a company or trust (Framework 1.10). A community interest company is
    a company: outside the framework like any other, with its own regulator and asset lock."""

    COMPANY_LIMITED_BY_GUARANTEE = "company_limited_by_guarantee"
    COMPANY_LIMITED_BY_SHARES = "company_limited_by_shares"
    COMMUNITY_INTEREST_COMPANY = "community_interest_company"
    CHARITABLE_COMPANY = "charitable_company"
    CHARITABLE_INCORPORATED_ORGANISATION = "charitable_incorporated_organisation"
    CHARITABLE_TRUST = "charitable_trust"
    COMMUNITY_BENEFIT_SOCIETY = "community_benefit_society"
    OTHER = "other"


class AssuranceLevel(StrEnum):
    """The four assurance opinions UK public sector internal audit gives (CIPFA's
    harmonised definitions): substantial, reasonable, limited, no assurance."""

    SUBSTANTIAL = "substantial"
    REASONABLE = "reasonable"
    LIMITED = "limited"
    NO_ASSURANCE = "no_assurance"


class AppointmentCapacity(StrEnum):
    """In what capacity the council's appointee sits on an outside body."""

    TRUSTEE = "trustee"
    DIRECTOR = "director"
    BOARD_MEMBER = "board_member"
    COMMITTEE_MEMBER = "committee_member"
    REPRESENTATIVE = "representative"
    OBSERVER = "observer"


class SharedServiceType(StrEnum):
    FULL_SHARED_SERVICE = "full_shared_service"
    JOINT_MANAGEMENT = "joint_management"
    JOINT_OFFICER = "joint_officer"
    AD_HOC_RESILIENCE = "ad_hoc_resilience"


class Status(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    ACTIVE = "active"
    UNDER_REVIEW = "under_review"
    ENDING = "ending"
    ENDED = "ended"


class ItemStatus(StrEnum):
    IN_PLACE = "in_place"
    DRAFTED = "drafted"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class Sector(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"
    VOLUNTARY = "voluntary"
    COMMUNITY = "community"
    INDIVIDUAL = "individual"
    OTHER = "other"


class Decision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    DISCUSSED = "discussed"
    INFORMED = "informed"
    SIGNED_OFF = "signed_off"


class Payment(StrEnum):
    """Framework 1.14: in a commissioning arrangement the council is paid."""

    THE_COUNCIL_IS_PAID = "the_council_is_paid"
    THE_COUNCIL_PAYS = "the_council_pays"


class CaseApprover(StrEnum):
    """Appendix 2, Business Case History 1.2: who approves a shared service business case."""

    MONITORING_OFFICER = "monitoring_officer"
    SECTION_151_OFFICER = "section_151_officer"
    OTHER = "other"


class PartnershipCondition(StrEnum):
    """Framework 2.2(a-c): why the council may enter a partnership."""

    STATUTORY_DUTY_OR_POLICY_OBJECTIVE = "statutory_duty_or_policy_objective"
    CANNOT_ACHIEVE_ALONE = "cannot_achieve_alone"
    RESILIENCE_EFFICIENCY_SAVINGS = "resilience_efficiency_savings"


class SharedServiceCondition(StrEnum):
    """Framework 3.2(a-b): why the council may share a service."""

    SAVING_OR_INCOME = "saving_or_income"
    RESILIENCE_AND_EFFICIENCY = "resilience_and_efficiency"
