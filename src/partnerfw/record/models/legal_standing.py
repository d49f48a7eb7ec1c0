"""What an arrangement is in law: whether an Act requires it (``StatutoryBasis``), a
company or trust the council is part of (``Company``) and the management agreement under which
one runs council services (``ManagementAgreement``), and an outside body with the councillors
and officers the council appoints to it (``OutsideBody``, ``Appointee``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from partnerfw.record.models.base import Model, Text
from partnerfw.record.models.choices import AppointmentCapacity, CompanyForm


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
