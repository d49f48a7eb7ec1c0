"""What ``partnerfw.yaml`` says about the council's committee papers (``Papers``): the contact
officer, who the report is of, the wards affected, whether it is a key decision and the
standard implications paragraphs (legal, financial, equalities, climate, risk), for every
paper or one report at a time (``PaperDetails``).

All optional: what is not given is marked for the author in the internal paper
(``--include-confidential``) and left out of the public one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel


class ContactOfficer(PolicyModel):
    name: str = Field(min_length=1, description="The officer to contact about the paper.")
    title: str | None = Field(None, description="Their job title, e.g. 'Partnerships Manager'.")
    email: str | None = Field(None, description="Their work email (published with the paper).")
    phone: str | None = Field(None, description="Their work phone (published with the paper).")


class Implications(PolicyModel):
    """The comments of the officers who sign off a committee report's implications, added
    under the facts the register gives for each."""

    legal: str | None = Field(None, description="Legal implications (the Monitoring Officer's).")
    financial: str | None = Field(
        None, description="Financial implications (the Section 151 Officer's)."
    )
    equalities: str | None = Field(None, description="Equalities implications.")
    climate: str | None = Field(None, description="Climate change and environmental implications.")
    risk: str | None = Field(None, description="Risk management implications.")


class PaperDetails(PolicyModel):
    """A committee paper's front sheet and implications; every key optional."""

    report_of: str | None = Field(
        None, description="Who the report is of, e.g. 'Director - Corporate Services'."
    )
    contact_officer: ContactOfficer | None = Field(
        None, description="The officer named on the paper for questions about it."
    )
    wards: str | None = Field(None, description="Wards affected, e.g. 'All wards'.")
    key_decision: bool | None = Field(
        None, description="Whether the paper asks for a key decision (default: no)."
    )
    forward_plan: str | None = Field(
        None, description="The Forward Plan reference of a key decision, e.g. 'FP/2026/14'."
    )
    implications: Implications = Field(
        default_factory=Implications, description="The officers' comments on the implications."
    )


ReportName = Literal["annual", "governance", "due", "scrutiny", "reclassification"]


class Papers(PaperDetails):
    """``papers:`` in partnerfw.yaml: details for every paper, and under ``reports:`` for one
    report (annual, governance, due, scrutiny, reclassification), which win key by key."""

    reports: dict[ReportName, PaperDetails] = Field(
        default_factory=dict,
        description="Details for one report by its name, e.g. reports: {annual: {key_decision: "
        "false}}; each key given replaces the one for every paper.",
    )

    def for_report(self, name: str) -> PaperDetails:
        """The details of report ``name``: its own keys over those for every paper."""
        own = self.reports.get(name)  # type: ignore[call-overload]
        base = PaperDetails(
            report_of=self.report_of,
            contact_officer=self.contact_officer,
            wards=self.wards,
            key_decision=self.key_decision,
            forward_plan=self.forward_plan,
            implications=self.implications,
        )
        if own is None:
            return base
        merged = base.model_dump(exclude_none=True)
        mine = own.model_dump(exclude_none=True)
        implications = {**merged.pop("implications", {}), **mine.pop("implications", {})}
        return PaperDetails.model_validate({**merged, **mine, "implications": implications})
