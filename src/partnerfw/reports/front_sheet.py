"""A committee report's front sheet (report of, contact officer, wards, key decision) and its
standard implications (legal, financial, equalities, climate, risk), from ``partnerfw.yaml``'s
``papers:`` and the records the paper covers.

What the register knows is stated as fact; the responsible officer's comment comes from
``papers: implications:``. What neither gives is asked of the author in the internal paper
only: a public paper never carries a prompt.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from partnerfw.policy.schema import PaperDetails, Papers, band_of
from partnerfw.record.money import money
from partnerfw.reports.common import LIVE, ReportData
from partnerfw.reports.paper import FrontSheet, Implication, Paper
from partnerfw.rules.engine import CheckedRecord
from partnerfw.words import plural

IMPLICATIONS = ("legal", "financial", "equalities", "climate", "risk")
_HEADINGS = {
    "legal": "Legal implications",
    "financial": "Financial implications",
    "equalities": "Equalities implications",
    "climate": "Climate change and environmental implications",
    "risk": "Risk management implications",
}
_SIGNED_BY = {"legal": "monitoring_officer", "financial": "section_151_officer"}


def with_front_sheet(paper: Paper, papers: Papers, data: ReportData) -> Paper:
    """The paper with its front sheet and implications filled in."""
    details = papers.for_report(paper.name)
    return replace(
        paper, front=front_sheet(details), implications=implications(details, data, paper.public)
    )


def front_sheet(details: PaperDetails) -> FrontSheet:
    contact = None
    if details.contact_officer is not None:
        person = details.contact_officer
        contact = ", ".join(
            part for part in (person.name, person.title, person.email, person.phone) if part
        )
    key = "No"
    if details.key_decision:
        key = f"Yes (Forward Plan {details.forward_plan})" if details.forward_plan else "Yes"
    return FrontSheet(details.report_of, contact, details.wards, key)


def implications(details: PaperDetails, data: ReportData, public: bool) -> list[Implication]:
    live = [r for r in data.records if r.record.arrangement.status in LIVE]
    facts = {
        "legal": _legal(live),
        "financial": _financial(live),
        "equalities": _equalities(live),
        "climate": _climate(live),
        "risk": _risk(live, data),
    }
    shown = []
    for part in IMPLICATIONS:
        comment = getattr(details.implications, part)
        prompt = None
        if comment is None and not public:
            prompt = f"[For the author: add the comments of {_who(part, data)} on the {part} "
            prompt += "implications, or set them under papers: implications: in partnerfw.yaml.]"
        shown.append(Implication(_HEADINGS[part], facts[part], comment, prompt))
    return shown


def _who(part: str, data: ReportData) -> str:
    """Whose comments the part needs: 'the Monitoring Officer (Priya Chandran)'."""
    role = data.policy.roles.get(_SIGNED_BY.get(part, ""))
    if role is None:
        return "the responsible officer"
    return f"the {role.title} ({role.holder})" if role.holder else f"the {role.title}"


def _count(records: list[CheckedRecord]) -> str:
    return plural(len(records), "approved or running arrangement")


def _legal(live: list[CheckedRecord]) -> list[str]:
    basis = [r for r in live if r.record.arrangement.statutory_basis is not None]
    statutory = [r for r in basis if r.record.arrangement.statutory_basis.statutory]  # type: ignore[union-attr]
    return [
        f"Whether the law requires it is recorded for {len(basis)} of the {_count(live)} "
        f"this paper covers; {plural(len(statutory), 'is', 'are')} required by statute."
    ]


def _financial(live: list[CheckedRecord]) -> list[str]:
    total = sum((r.classification.council_resources for r in live), Decimal(0))
    uncosted = [r for r in live if r.classification.uncosted]
    funding = sum(
        (
            f.amount
            for r in live
            for f in r.record.arrangement.external_funding
            if f.secured and f.amount is not None
        ),
        Decimal(0),
    )
    secured = (
        f"have {money(funding)} of external funding secured"
        if funding
        else "record no external funding secured"
    )
    text = [
        f"The {_count(live)} this paper covers take {money(total)} a year of the council's "
        f"resources that can be costed, and {secured}."
    ]
    if uncosted:
        text.append(
            f"{plural(len(uncosted), 'arrangement also uses', 'arrangements also use')} "
            "resources not yet costed."
        )
    return text


def _equalities(live: list[CheckedRecord]) -> list[str]:
    analysed = [r for r in live if r.record.arrangement.evaluation.equalities_analysis]
    negative = [r for r in live if r.record.arrangement.evaluation.equalities_negative_impact]
    text = [f"An equalities analysis is recorded for {len(analysed)} of the {_count(live)}."]
    if negative:
        names = "; ".join(r.record.arrangement.name for r in negative)
        text.append(f"A negative impact on a protected characteristic was found for: {names}.")
    else:
        text.append("None records a negative impact on a protected characteristic.")
    return text


def _climate(live: list[CheckedRecord]) -> list[str]:
    said = [r for r in live if r.record.arrangement.evaluation.climate_change_contribution]
    return [
        f"How it supports the borough in mitigating climate change is recorded for {len(said)} "
        f"of the {_count(live)}."
    ]


def _risk(live: list[CheckedRecord], data: ReportData) -> list[str]:
    bands = data.policy.risk_bands
    with_register = [r for r in live if r.record.arrangement.monitoring.risk_register]
    top = bands[0]
    in_top = [
        r
        for r in with_register
        if any(
            band_of(bands, risk.likelihood * risk.impact) == top
            for risk in r.record.arrangement.monitoring.risk_register
        )
    ]
    return [
        f"A risk register is kept for {len(with_register)} of the {_count(live)}; "
        f"{plural(len(in_top), 'has', 'have')} a risk in the council's '{top.name}' band."
    ]
