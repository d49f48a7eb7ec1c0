"""The record: one arrangement of the council, as written in ``register/<id>.yaml``.

Field names and descriptions follow the Working in Partnership Framework: the Partnership
Evaluation Form (Appendix 1), the Shared Services business case (Appendix 2) and the contents
of an agreement (Appendix 3). Every model forbids unknown keys so a misspelt field is reported
rather than silently ignored.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from partnerfw.record.partial_dates import PartialDate, certainly_before

Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=14, decimal_places=2, description="An amount in pounds, e.g. 12500"),
]
Text = Annotated[str, StringConstraints(min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
WHEN = "YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"
"""How a partial date is written (partial_dates.PartialDate), for the field descriptions."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


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


class Person(Model):
    name: Text = Field(description="Full name as it should appear in the register.")
    title: str | None = Field(None, description="Job title or office, e.g. 'Head of Housing'.")
    email: str | None = Field(
        None, description="Work email. Published only if the policy says contact details are."
    )
    phone: str | None = Field(
        None, description="Work phone. Published only if the policy says contact details are."
    )


class Dates(Model):
    start: PartialDate | None = Field(
        None, description=f"Date the arrangement starts (or started): {WHEN}."
    )
    end: PartialDate | None = Field(
        None, description=f"Date it is due to end (or ended), if it has a fixed term: {WHEN}."
    )
    indefinite: bool = Field(False, description="True when the arrangement has no end date.")
    renewal: str | None = Field(
        None, description="How and when it is renewed (Appendix 3, 1.2), e.g. 'annual, by letter'."
    )

    @model_validator(mode="after")
    def _check_order(self) -> Dates:
        if self.start and self.end and certainly_before(self.end, self.start):
            raise ValueError(f"the end date {self.end} is before the start date {self.start}")
        if self.indefinite and self.end:
            raise ValueError("an indefinite arrangement cannot also have an end date")
        return self


class Phase(Model):
    """One stage of the arrangement's life: joint management from one date, a full shared
    service from another. The phase in force at a date is the last one started by then."""

    start: PartialDate = Field(description=f"When this phase began (or begins): {WHEN}.")
    end: PartialDate | None = Field(
        None, description=f"When it ended, when that was not simply the next phase's start: {WHEN}."
    )
    type: SharedServiceType | None = Field(
        None,
        description=(
            "For a shared service, its type in this phase (1.12): full_shared_service, "
            "joint_management, joint_officer or ad_hoc_resilience. The type in force on a date "
            "is the type of the phase in force then."
        ),
    )
    description: str | None = Field(None, description="What the arrangement was in this phase.")
    decision: str | None = Field(
        None, description="The decision that began it, e.g. 'Cabinet 12 March 2019, minute 45'."
    )

    @model_validator(mode="after")
    def _check_order(self) -> Phase:
        if self.end and certainly_before(self.end, self.start):
            raise ValueError(f"the phase ends ({self.end}) before it starts ({self.start})")
        return self


class Links(Model):
    """How the arrangement relates to others on the register, by their record ids."""

    predecessors: list[Identifier] = Field(
        default_factory=list,
        description="Arrangements it replaced (ids), e.g. the partnerships merged into it.",
    )
    successors: list[Identifier] = Field(
        default_factory=list, description="Arrangements that replaced it (ids)."
    )
    parent: Identifier | None = Field(
        None,
        description="The umbrella programme or arrangement it is part of (its id).",
    )


class Partner(Model):
    name: Text = Field(description="The partner organisation's name.")
    sector: Sector = Field(
        description="public, private, voluntary, community, individual or other (Appendix 1)."
    )
    contribution: Money | None = Field(
        None, description="The partner's budgetary contribution in pounds, if any."
    )
    contribution_note: str | None = Field(
        None, description="What the contribution is, when it is not (only) money."
    )
    local_authority: bool | None = Field(
        None,
        description=(
            "True for a local authority (a council). Shared services are joint working "
            "between local authorities (1.12); leave it out when the name says so plainly."
        ),
    )
    independent: bool = Field(
        True,
        description=(
            "False when the body is not independent of the council, e.g. a company the "
            "council wholly owns: a partnership is with 'one or more independent bodies' (1.7)."
        ),
    )
    joined: PartialDate | None = Field(
        None, description=f"When the partner joined, if after the start: {WHEN}."
    )
    left: PartialDate | None = Field(
        None,
        description=(
            f"When the partner left ({WHEN}): from then on it is not counted as a current partner."
        ),
    )

    @field_validator("left")
    @classmethod
    def _left_after_joining(cls, left: PartialDate | None, info: ValidationInfo) -> Any:
        joined = info.data.get("joined")
        if left is not None and isinstance(joined, PartialDate) and certainly_before(left, joined):
            raise ValueError(
                f"the partner left ({left}) before it joined ({joined}): correct one of the dates"
            )
        return left


class CouncilResources(Model):
    """What the council puts in: these count towards significance as the policy says.

    A figure left out is *not stated*, which is not the same as £0: staff time given as FTE or
    days without its cost, or resources in kind described without their value, cannot be
    counted, and significance stays undetermined until the £ value is written in (or the
    policy sets a day rate or FTE cost that converts the time)."""

    dedicated_budget: Money | None = Field(
        None, description="Dedicated council budget, pounds a year (write 0 if there is none)."
    )
    staff_fte: Decimal | None = Field(
        None, ge=0, description="Council staff time, full-time equivalents."
    )
    staff_days_per_year: Decimal | None = Field(
        None, ge=0, description="Council staff time in working days a year (Appendix 1)."
    )
    staff_cost: Money | None = Field(
        None,
        description="Cost of that staff time, pounds a year. Needed whenever staff time is "
        "given: time without a cost cannot count towards significance.",
    )
    in_kind_value: Money | None = Field(
        None,
        description="Value of resources given in kind, pounds a year. Needed whenever "
        "in_kind_description says something is given.",
    )
    in_kind_description: str | None = Field(
        None, description="What is given in kind, e.g. 'meeting rooms at the Civic Centre'."
    )
    total_over_term: Money | None = Field(
        None,
        description="Total council resources over the whole term, all years together, pounds "
        "(for a policy whose threshold is over the life of the arrangement).",
    )
    note: str | None = Field(None, description="Anything that explains the figures.")

    @property
    def has_staff_time(self) -> bool:
        return bool(self.staff_fte) or bool(self.staff_days_per_year)

    @property
    def has_in_kind(self) -> bool:
        return bool(self.in_kind_description and self.in_kind_description.strip())


class Member(Model):
    name: Text = Field(description="The councillor's name.")
    role: str | None = Field(
        None, description="Their role in the arrangement, e.g. 'board member'."
    )
    on_board: bool = Field(False, description="True when they sit on the partnership board (2.5).")


class LeadMember(Model):
    """The councillor who leads on the arrangement and signs off its evaluation with the Chief
    Executive or Director (Appendix 1)."""

    name: Text = Field(description="The councillor's name, as on the councillors list.")
    title: str | None = Field(
        None, description="Their office, e.g. 'Cabinet Portfolio Holder for Community Safety'."
    )


class StatutoryBasis(Model):
    """Appendix 1 'Statutory Status': whether the law requires the arrangement, and which law."""

    statutory: bool = Field(
        description="True when an Act requires the arrangement (a statutory partnership)."
    )
    act: str | None = Field(
        None,
        description="The Act it is made under or that requires it, e.g. "
        "'Crime and Disorder Act 1998'.",
    )
    section: str | None = Field(
        None, description="The section of that Act, e.g. 's5' or 'section 101(5)'."
    )
    duty: str | None = Field(
        None, description="What the Act requires of the council, in a sentence."
    )

    @model_validator(mode="after")
    def _act_named(self) -> StatutoryBasis:
        if self.statutory and not (self.act and self.act.strip()):
            raise ValueError(
                "a statutory arrangement needs its Act under statutory_basis.act, "
                "e.g. 'Crime and Disorder Act 1998' (and the section under section:)"
            )
        if self.section and not (self.act and self.act.strip()):
            raise ValueError("statutory_basis.section needs the Act it belongs to under act:")
        return self


class JointCommitteeSeats(Model):
    """One authority's places on a joint committee."""

    authority: Text = Field(description="The authority, e.g. 'Kent County Council'.")
    seats: int = Field(ge=1, description="How many members it appoints.")
    voting: bool = Field(True, description="False when its members attend without a vote.")
    this_council: bool = Field(
        False,
        description="True for this council's own places: their names are checked against the "
        "councillors list.",
    )
    members: list[str] = Field(
        default_factory=list, description="The members it has appointed, by name."
    )

    @model_validator(mode="after")
    def _not_over_seats(self) -> JointCommitteeSeats:
        if len(self.members) > self.seats:
            raise ValueError(
                f"{self.authority} has {self.seats} seat(s) but {len(self.members)} members "
                "are named: correct seats or the members"
            )
        return self


class JointCommittee(Model):
    """A joint committee of several authorities (Local Government Act 1972 ss101(5), 102): its
    membership, quorum and chair arrangements (Framework 4.3(b), 4.3(d))."""

    name: Text = Field(description="The committee's name, e.g. 'Mid Kent Joint Waste Committee'.")
    legal_basis: str | None = Field(
        None, description="Usually 'Local Government Act 1972 ss101(5) and 102'."
    )
    administering_authority: str | None = Field(
        None, description="The authority that clerks the committee and publishes its papers."
    )
    membership: list[JointCommitteeSeats] = Field(
        min_length=1, description="Each authority's seats and members."
    )
    quorum: int | None = Field(
        None, ge=1, description="How many voting members must be present to make a decision."
    )
    quorum_note: str | None = Field(
        None,
        description="Any further quorum rule, e.g. 'including members from three authorities'.",
    )
    chair: str | None = Field(
        None,
        description="How the chair is chosen, e.g. 'elected annually; rotates between the "
        "authorities'.",
    )
    vice_chair: str | None = Field(None, description="How the vice-chair is chosen.")
    meetings: str | None = Field(None, description="How often it meets, e.g. 'quarterly'.")

    @model_validator(mode="after")
    def _quorum_possible(self) -> JointCommittee:
        voting = sum(s.seats for s in self.membership if s.voting)
        if self.quorum is not None and self.quorum > voting:
            raise ValueError(
                f"the quorum of {self.quorum} is more than the {voting} voting seats: "
                "the committee could never decide anything; correct quorum or membership"
            )
        return self


class PartnerDecision(Model):
    """A decision a partner authority took through its own body (its Cabinet, a committee, an
    officer under delegation), with its own reference. It is not a decision of this council:
    it needs no role in the policy and is not checked against the master lists."""

    authority: Text = Field(description="The partner that decided, as named under partners.")
    body: Text = Field(
        description="Its body or office that took the decision, e.g. 'Cabinet' or "
        "'Director of Environment (delegated)'."
    )
    date: dt.date = Field(description="Date of the decision.")
    decision: Decision = Field(
        Decision.APPROVED, description="approved, rejected, discussed or informed."
    )
    reference: str | None = Field(
        None, description="The partner's own minute or decision notice, e.g. 'CAB/2024/31'."
    )
    summary: str | None = Field(None, description="What was decided, in a sentence.")


class ExternalFunding(Model):
    """Funding from outside the partners, e.g. a government grant (Appendix 1: 'Has external
    funding been secured? If so, how much and what will it be used for?'). It is not a
    partner's contribution and does not count as council resources."""

    source: Text = Field(description="Who gives it, e.g. 'Home Office' or 'Sport England'.")
    scheme: str | None = Field(
        None, description="The fund or programme, e.g. 'Safer Streets Fund, round 5'."
    )
    amount: Money = Field(description="How much, in pounds, over the whole award.")
    secured: bool = Field(
        True, description="False for potential funding that could be sought (Appendix 1)."
    )
    use: str | None = Field(None, description="What it will be used for.")
    start: dt.date | None = Field(None, description="When the award starts.")
    end: dt.date | None = Field(None, description="When it ends.")
    reference: str | None = Field(
        None, description="The grant agreement or offer letter, e.g. 'HO grant offer 2024-117'."
    )

    @model_validator(mode="after")
    def _in_order(self) -> ExternalFunding:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"the funding's end {self.end} is before its start {self.start}")
        return self


FinancialYear = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}/\d{2}$"),
    Field(description="A financial year, e.g. '2025/26'."),
]


class BudgetYear(Model):
    year: FinancialYear
    amount: Money = Field(description="The overall budget for that year, pounds.")


class BudgetOverTerm(Model):
    """The overall budget over several years, beside the annual figure in overall_budget."""

    total: Money = Field(description="The overall budget over the whole term, pounds.")
    period: str | None = Field(None, description="The years it covers, e.g. '2024/25 to 2027/28'.")
    by_year: list[BudgetYear] = Field(
        default_factory=list, description="The budget year by year; they add up to the total."
    )

    @model_validator(mode="after")
    def _adds_up(self) -> BudgetOverTerm:
        years = [b.year for b in self.by_year]
        for year in years:
            first, second = int(year[:4]), int(year[5:])
            if (first + 1) % 100 != second:
                raise ValueError(
                    f"'{year}' is not a financial year: write it as {first}/{(first + 1) % 100:02d}"
                )
        if len(set(years)) != len(years):
            raise ValueError("a financial year is listed twice under by_year")
        if years:
            added = sum((b.amount for b in self.by_year), Decimal(0))
            if added != self.total:
                raise ValueError(
                    f"the years under by_year add up to {added}, not the total {self.total}: "
                    "correct the total or a year's amount"
                )
        return self


class Appointee(Model):
    name: Text = Field(description="Who the council appointed.")
    councillor: bool = Field(
        True, description="True for a councillor, False for an officer (checked against the lists)."
    )
    capacity: AppointmentCapacity = Field(
        AppointmentCapacity.REPRESENTATIVE,
        description="trustee, director, board_member, committee_member, representative or "
        "observer.",
    )
    appointed: dt.date | None = Field(None, description="When the appointment was made.")
    term_ends: dt.date | None = Field(None, description="When the appointment ends.")

    @model_validator(mode="after")
    def _in_order(self) -> Appointee:
        if self.appointed and self.term_ends and self.term_ends < self.appointed:
            raise ValueError(
                f"{self.name}'s term ends {self.term_ends}, before the appointment on "
                f"{self.appointed}"
            )
        return self


class OutsideBody(Model):
    """The council appoints councillors or officers to another organisation's board or
    committee. That is not a partnership (Framework 1.7: no agreement to work together) and the
    body is often a company or charity (1.10), so the framework does not govern it; the register
    records who represents the council there (5.9)."""

    organisation: Text = Field(description="The outside body, e.g. 'Citizens Advice Thamesbridge'.")
    legal_form: CompanyForm | None = Field(
        None, description="Its legal form, when it is a company, charity or society."
    )
    registered_number: str | None = Field(
        None, description="Its Companies House or Charity Commission number."
    )
    appointed_by: Text = Field(
        description="Who made the appointments, e.g. 'Annual Council' or 'the Leader'."
    )
    reference: str | None = Field(
        None, description="The appointing decision, e.g. 'Annual Council 20 May 2026, minute 14'."
    )
    appointees: list[Appointee] = Field(
        min_length=1, description="The councillors and officers appointed."
    )
    indemnity: str | None = Field(
        None,
        description="Whether the council indemnifies its appointees, e.g. under the Local "
        "Authorities (Indemnities for Members and Officers) Order 2004.",
    )
    reports_back: str | None = Field(
        None, description="How the appointees report back, e.g. 'annually to Full Council'."
    )


class Company(Model):
    """A company or charitable trust the council is part of (Framework 1.10)."""

    form: CompanyForm = Field(
        description="company_limited_by_guarantee, company_limited_by_shares, "
        "community_interest_company, charitable_company, charitable_incorporated_organisation, "
        "charitable_trust, community_benefit_society or other."
    )
    registered_number: str | None = Field(
        None, description="Companies House, Charity Commission or FCA number."
    )
    council_role: str | None = Field(
        None,
        description="The council's part in it, e.g. 'member and guarantor; appoints 2 of 7 "
        "directors'.",
    )
    community_interest: str | None = Field(
        None,
        description="A community interest company's community interest statement: who it "
        "serves (its asset lock keeps its assets for them).",
    )

    @model_validator(mode="after")
    def _cic_only(self) -> Company:
        if self.community_interest and self.form is not CompanyForm.COMMUNITY_INTEREST_COMPANY:
            raise ValueError(
                "community_interest is a community interest company's statement: set form to "
                "community_interest_company or remove it"
            )
        return self


class Urgency(Model):
    urgent: bool = Field(
        False, description="Needed within days to keep services running (revised framework)."
    )
    justification: str | None = Field(None, description="Why it could not wait for approval.")


class Purpose(Model):
    aims: str | None = Field(None, description="What the arrangement plans to achieve.")
    conditions: list[PartnershipCondition] = Field(
        default_factory=list, description="Which conditions of 2.2(a-c) it meets (partnerships)."
    )
    shared_service_conditions: list[SharedServiceCondition] = Field(
        default_factory=list, description="Which conditions of 3.2(a-b) it meets (shared services)."
    )
    safeguarding: str | None = Field(
        None,
        description="How it helps the council safeguard children and vulnerable adults (2.3, 3.3).",
    )
    outcomes_for_council: str | None = Field(
        None, description="Anticipated outcomes for the council."
    )
    outcomes_for_community: str | None = Field(None, description="What the community will see.")


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


def _item(text: str) -> Any:
    return Field(None, description=text)


class Governance(Model):
    """Governance arrangements: framework 4.3(a-m) and the Appendix 1 list."""

    terms_of_reference: Item | None = _item("Terms of reference and/or constitution (Appendix 1).")
    membership_rules: Item | None = _item(
        "Eligibility for membership, admission of new partners, exit and termination (4.3a)."
    )
    representation: Item | None = _item("Representation of each partner, authority to act (4.3b).")
    decision_rules: Item | None = _item("Rules for making decisions for the partnership (4.3c).")
    meeting_rules: Item | None = _item(
        "Rules for meetings: frequency, notice, quorum, chair (4.3d)."
    )
    recording_decisions: Item | None = _item("Recording and reporting decisions (4.3e).")
    carrying_out_decisions: Item | None = _item("Ensuring decisions are carried out (4.3f).")
    partner_responsibilities: Item | None = _item(
        "Responsibilities of partners to each other (4.3g)."
    )
    performance_and_finance_review: Item | None = _item(
        "Reviewing performance and financial information (4.3h)."
    )
    declarations_of_interest: Item | None = _item("Declaring and recording interests (4.3i).")
    conflicts_of_interest: Item | None = _item("Managing conflicts of interest (4.3j).")
    ethical_standards: Item | None = _item("High ethical standards and equality (4.3k).")
    amending_agreement: Item | None = _item("Amending the partnership agreement (4.3l).")
    breaches: Item | None = _item("Dealing with breaches of the agreement (4.3m).")
    draft_agreement: Item | None = _item("A (draft) partnership agreement (Appendix 1).")
    performance_monitoring: Item | None = _item("Performance monitoring arrangements (Appendix 1).")
    financial_monitoring: Item | None = _item("Financial monitoring arrangements (Appendix 1).")
    risk_monitoring: Item | None = _item("Risk monitoring arrangements (Appendix 1).")
    complaints: Item | None = _item("Dealing with public complaints and compliments (Appendix 1).")
    audit: Item | None = _item("Audit requirements (Appendix 1).")
    public_information: Item | None = _item("Clear public information about the services (4.11).")
    terms_of_reference_or_sla: Item | None = _item(
        "Terms of reference or service level agreement, for commissioning (1.14)."
    )
    separate_legal_arrangements: Item | None = _item(
        "Legal and financial arrangements for a company or trust, outside the framework (1.10)."
    )


class AgreementItems(Model):
    """What the agreement contains: Appendix 3 (partnership and shared service agreements)."""

    aims_and_objectives: Item | None = _item("Aims and objectives (App3 1.1a).")
    rationale: Item | None = _item("Rationale for forming the partnership (App3 1.1b).")
    duration_and_renewal: Item | None = _item("Fixed term or indefinite, and renewal (App3 1.2).")
    governance_arrangements: Item | None = _item("Governance arrangements (App3 1.3).")
    public_information: Item | None = _item("Informing and consulting the public (App3 1.4a).")
    complaints_handling: Item | None = _item("Handling complaints (App3 1.4b).")
    performance_reporting: Item | None = _item("Performance monitoring and reporting (App3 1.4c).")
    funding_responsibilities: Item | None = _item("Who provides funding (App3 1.5a).")
    spending_decisions: Item | None = _item("Who decides how money is spent (App3 1.5b).")
    reallocation: Item | None = _item("Whether and how resources are re-allocated (App3 1.5c).")
    financial_reporting: Item | None = _item("Financial reporting arrangements (App3 1.5d).")
    information_sharing: Item | None = _item(
        "Information sharing, data protection and confidentiality protocol (App3 1.6)."
    )
    confidentiality_and_data_protection: Item | None = _item(
        "Obligations on the council and its partners for handling confidential information "
        "and complying with GDPR (6.5)."
    )
    freedom_of_information: Item | None = _item("Protocol for FOI requests (App3 1.7; SS 1.8).")
    dispute_resolution: Item | None = _item("Resolution of disputes (App3 1.8a).")
    exit_strategy: Item | None = _item("Exit strategy for the partners (App3 1.8b).")
    dissolution: Item | None = _item("Dissolution by agreement or on completion (App3 1.8c).")
    partner_withdrawal: Item | None = _item("Withdrawal of an individual partner (App3 1.8c).")
    delegation_of_functions: Item | None = _item("How functions are delegated (App3 SS 1.1).")
    service_provision: Item | None = _item("How the services are provided (App3 SS 1.2).")
    accommodation: Item | None = _item("Where the shared service is situated (App3 SS 1.3).")
    staff_transfers: Item | None = _item("How staff transfer, and when (App3 SS 1.4).")
    funding_and_payments: Item | None = _item("Funding and how payments are made (App3 SS 1.5).")
    assets_and_liabilities: Item | None = _item("Assets and liabilities (App3 SS 1.6).")
    termination: Item | None = _item("Termination and its notice period (App3 SS 1.7).")
    scope_of_service: Item | None = _item("Scope of service annex (App3 SS 1.9).")
    safeguarding: Item | None = _item("Safeguarding (App3 SS 1.10).")


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


class Opinion(Model):
    name: Text = Field(description="Who gave the opinion.")
    date: dt.date = Field(description="When it was given.")
    opinion: str | None = Field(None, description="What they said, or a summary.")
    endorsed: bool = Field(True, description="False if they did not endorse the arrangement.")
    reference: str | None = Field(None, description="Where it is recorded.")


class Opinions(Model):
    """Statutory officers' opinions, sought and recorded before entering (2.11, 3.9)."""

    monitoring_officer: Opinion | None = Field(None, description="Monitoring Officer (or Deputy).")
    section_151_officer: Opinion | None = Field(None, description="Section 151 Officer.")


class Approval(Model):
    role: Text = Field(
        description="The role as the policy names it, e.g. leader, portfolio_holder."
    )
    name: Text = Field(description="Who holds that role and gave the decision.")
    date: dt.date = Field(description="Date of the decision.")
    decision: Decision = Field(
        Decision.APPROVED,
        description="approved, rejected, discussed (Management Team) or informed.",
    )
    reference: str | None = Field(
        None, description="Pull request, committee minute or decision notice, e.g. 'PR #12'."
    )


class DecisionMaker(Model):
    """One of those who took the decision that approved facts belong to."""

    role: Text = Field(description="Their role as the policy names it, e.g. leader.")
    name: Text = Field(description="Who took the decision in that role.")


class ApprovedFacts(Model):
    """The material facts of the arrangement as they stood when it was approved, written by
    ``partnerfw approved-facts`` in the approval's pull request. They belong to one decision
    (its date, who took it and its reference) and cannot be rewritten for that decision:
    ``check`` says when the record has since moved past them (APR009), when they were edited
    after they were recorded (APR010) and when they do not match the record as it stood at
    the decision's commit in git (APR011)."""

    approved: dt.date = Field(description="Date of the decision these facts were approved at.")
    reference: str | None = Field(
        None, description="That decision's reference: a committee minute, decision notice or PR."
    )
    decided_by: list[DecisionMaker] = Field(
        default_factory=list,
        description="Who took the decision: each approval of that date, by role and name.",
    )
    kind: Kind = Field(description="The kind then.")
    classification: str = Field(description="The class then, e.g. 'significant' or 'other'.")
    council_resources: Money = Field(
        description="The council resources counted for significance then, in pounds."
    )
    partners: list[str] = Field(default_factory=list, description="The partners' names then.")
    end: PartialDate | None = Field(None, description="The end date then, if it had one.")
    indefinite: bool = Field(False, description="True when it had no end date then.")
    fingerprint: str | None = Field(
        None,
        description=(
            "Written by partnerfw approved-facts: a SHA-256 of the decision and the facts above, "
            "so that check notices when they are edited afterwards. Never edit it by hand."
        ),
    )


class DecidedClassification(Model):
    """The class the council itself decided for a partnership, where it may differ from what
    the policy's significance test gives (Framework 1.9: the council categorises its
    partnerships). ``check`` (CLS011) reports a disagreement with both reasons; the register,
    reports and site show the decided class."""

    classification: Literal["significant", "other"] = Field(
        description="significant or other, as the council decided."
    )
    decided_by: Text = Field(description="Who decided, e.g. 'Cabinet' or 'Management Team'.")
    date: dt.date = Field(description="Date of the decision.")
    reference: Text = Field(description="The decision's reference: minute or decision notice.")
    reason: str | None = Field(None, description="Why, in the decision's words.")


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


class CommissioningTerms(Model):
    """A commissioning arrangement (1.14): the council is paid to deliver a service on behalf
    of another organisation."""

    payment: Payment | None = Field(
        None,
        description="the_council_is_paid (a commissioning arrangement, 1.14) or "
        "the_council_pays (then it is not commissioning: a contract or a partnership).",
    )
    paid_by: str | None = Field(
        None, description="The organisation that pays the council for the service."
    )
    fee: Money | None = Field(None, description="What the council is paid, pounds a year.")
    service: str | None = Field(None, description="The service the council delivers for them.")


class ManagementAgreement(Model):
    """A company or trust running council services under a management agreement: a contract
    the council lets and manages, not a partnership vehicle outside the framework (1.10)."""

    services: Text = Field(description="The council services it runs, e.g. 'two leisure centres'.")
    document: str | None = Field(None, description="Where the signed contract is held.")
    contract_manager: str | None = Field(
        None, description="The council officer who manages the contract."
    )
    performance_monitoring: str | None = Field(
        None, description="How the council monitors its performance against the contract."
    )


class Target(Model):
    target: Text = Field(description="The target that shows the outcome is being achieved.")
    action: str | None = Field(None, description="The action to be taken to achieve it (4.5(b)).")
    owner: str | None = Field(None, description="Who is responsible for that action (4.5(b)).")
    last_reviewed: dt.date | None = Field(
        None, description="When the target was last reviewed and updated (4.5(d))."
    )


class Risk(Model):
    risk: Text = Field(description="What could go wrong.")
    likelihood: int = Field(ge=1, le=5, description="1 (rare) to 5 (almost certain).")
    impact: int = Field(ge=1, le=5, description="1 (minor) to 5 (severe).")
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
        description="A partnership's class as the council decided it (significant or other), "
        "with the decision; used in place of the policy's result.",
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
                "a decided classification (significant or other) only belongs to a partnership, "
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
