"""Which record field a spreadsheet column is: the column headings councils use for each
field, and the words they use for kinds, stages and sectors; and which row of a sheet holds
the column headings (``heading_row``), when a title row or two sits above them."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.fuzz import ratio as indel_ratio

from partnerfw.record.columns import target
from partnerfw.record.models import AssuranceLevel, Kind, Sector, SharedServiceType, Status
from partnerfw.spreadsheet.cells import repair_encoding

GUESS_CUTOFF = 0.8

_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("id", "record id"),
    "name": (
        "name",
        "partnership name",
        "name of partnership",
        "partnership",
        "arrangement",
        "arrangement name",
        "name of arrangement",
        "title",
        "partnership or shared service",
        "partnership shared service name",
        "partnership title",
        "outside body",
        "name of outside body",
        "outside body name",
        "shared service",
        "name of shared service",
        "shared service name",
    ),
    "kind": (
        "kind",
        "type",
        "arrangement type",
        "type of arrangement",
        "category",
        "partnership type",
        "type of partnership",
    ),
    "status": ("status", "stage", "current status"),
    "summary": ("summary", "description", "brief description", "what it does", "purpose"),
    "legal_form": ("legal form", "legal status"),
    "area": ("area", "geography", "coverage", "geographical area"),
    "lead_organisation": (
        "lead organisation",
        "lead organization",
        "lead partner",
        "lead body",
        "accountable body",
        "lead agency",
    ),
    "lead_member.name": ("lead member", "lead councillor", "member lead", "lead cabinet member"),
    "lead_officer.name": (
        "lead officer",
        "officer",
        "council lead",
        "lead",
        "contact",
        "responsible officer",
        "lead officer name",
        "key contact",
        "council officer",
        "lead contact",
    ),
    "lead_officer.title": ("job title", "lead officer title", "post", "lead officer job title"),
    "lead_officer.email": (
        "email",
        "e mail",
        "lead officer email",
        "contact email",
        "email address",
    ),
    "lead_officer.phone": ("phone", "telephone", "tel", "contact number", "lead officer phone"),
    "department": (
        "department",
        "dept",
        "directorate",
        "service area",
        "division",
        "council department",
    ),
    "portfolio": ("portfolio", "cabinet portfolio"),
    "committee": ("committee", "cabinet committee", "reporting committee"),
    "dates.start": (
        "start",
        "start date",
        "date started",
        "commenced",
        "from",
        "established",
        "date established",
        "began",
        "date of agreement",
    ),
    "dates.end": (
        "end",
        "end date",
        "expiry",
        "expiry date",
        "until",
        "finish date",
        "to",
        "end of agreement",
        "expires",
    ),
    "dates.renewal": ("renewal", "renewal arrangements"),
    "partners": (
        "partners",
        "partner organisations",
        "partner organizations",
        "other partners",
        "partner bodies",
        "partner agencies",
        "organisations involved",
        "partner councils",
        "partner council",
        "partner authorities",
        "partner authority",
    ),
    "overall_budget": (
        "overall budget",
        "total budget",
        "partnership budget",
        "budget",
        "total value",
        "value",
        "overall value",
    ),
    "council_resources.dedicated_budget": (
        "council contribution",
        "council budget",
        "council funding",
        "annual cost",
        "cost to council",
        "cost to the council",
        "council cost",
        "our contribution",
        "funding",
        "annual contribution",
        "financial contribution",
        "contribution",
        "annual cost to council",
        "council financial contribution",
    ),
    "council_resources.staff_fte": ("staff fte", "fte", "officer fte", "staff time fte"),
    "council_resources.staff_cost": (
        "staff cost",
        "staffing cost",
        "staff time cost",
        "officer time cost",
        "staffing",
    ),
    "council_resources.in_kind_value": ("in kind value", "value in kind", "value of in kind"),
    "council_resources.in_kind_description": (
        "in kind",
        "in kind contribution",
        "resources in kind",
        "in kind resources",
    ),
    "council_resources.total_over_term": (
        "total over term",
        "total over the term",
        "total council resources over term",
        "whole life cost",
        "total over the life",
    ),
    "council_resources.note": ("resources note", "funding note", "finance note"),
    "corporate_objectives": (
        "corporate objectives",
        "corporate objective",
        "corporate plan objective",
        "corporate plan objectives",
        "corporate priority",
        "corporate priorities",
        "council priorities",
    ),
    "public_facing": ("public facing", "serves the public"),
    "shared_service.type": ("shared service type", "type of shared service"),
    "shared_service.host_authority": ("host authority", "host council", "host"),
    "shared_service.cost_split": (
        "cost split",
        "split",
        "funding split",
        "cost sharing",
        "cost share",
        "split of costs",
    ),
    "purpose.aims": ("aims", "objectives", "aims and objectives"),
    "notes": ("notes", "comments", "remarks", "other information", "note", "comment"),
    "statutory_basis": (
        "statutory",
        "statutory y n",
        "statutory yes no",
        "is it statutory",
        "statutory partnership",
        "statutory basis",
        "statutory or non statutory",
        "statutory non statutory",
        "statutory or discretionary",
        "statutory status",
        "statutory requirement",
        "statutory duty",
        "required by law",
    ),
    "statutory_basis.act": (
        "legislation",
        "relevant legislation",
        "governing legislation",
        "statutory act",
        "act",
    ),
    "external_funding": (
        "external funding",
        "external funding secured",
        "external funding source",
        "external funding sources",
        "external grants",
        "external income",
        "grant funding",
        "grants",
        "grant income",
        "other funding",
        "other funding sources",
        "funding from other sources",
    ),
    "external_funding.0.source": ("funder", "external funder", "funding body", "grant funder"),
    "external_funding.0.amount": ("external funding amount", "grant amount"),
    "joint_committee": (
        "joint committee",
        "joint committee y n",
        "governed by a joint committee",
        "is there a joint committee",
    ),
    "joint_committee.name": ("joint committee name", "name of joint committee"),
    "joint_committee.administering_authority": ("administering authority", "clerking authority"),
    "joint_committee.quorum": ("quorum",),
    "monitoring.audit_opinions": (
        "audit opinion",
        "audit opinions",
        "internal audit opinion",
        "latest audit opinion",
        "last audit opinion",
        "audit assurance",
        "audit assurance level",
        "internal audit assurance",
        "assurance level",
        "assurance rating",
        "audit rating",
    ),
    "monitoring.audit_opinions.0.date": (
        "audit date",
        "date of audit",
        "date of last audit",
        "last audited",
        "audit report date",
    ),
    "monitoring.audit_opinions.0.auditor": ("auditor", "audited by"),
    "monitoring.audit_opinions.0.reference": ("audit reference", "audit report reference"),
    "outside_body.appointees": (
        "representative",
        "representatives",
        "council representative",
        "council representatives",
        "appointee",
        "appointees",
        "council appointees",
        "councillor appointed",
        "councillors appointed",
        "members appointed",
        "member representative",
        "member representatives",
        "nominated councillor",
        "nominated councillors",
        "appointed representatives",
    ),
    "outside_body.appointed_by": ("appointed by", "appointing body", "appointment made by"),
    "outside_body.registered_number": (
        "charity number",
        "charity no",
        "registered charity number",
        "company number",
        "registered number",
    ),
    "decided_classification.classification": (
        "significant",
        "significant partnership",
        "is it significant",
        "is it a significant partnership",
        "significance",
        "significant or other",
        "significant y n",
    ),
    "decided_classification.decided_by": ("classification decided by", "significance decided by"),
    "decided_classification.date": (
        "classification date",
        "date classified",
        "significance decided",
        "date significance decided",
    ),
    "decided_classification.reference": (
        "classification reference",
        "significance decision",
        "significance reference",
        "classification decision",
    ),
}
HEADINGS: dict[str, str] = {
    heading: path
    for path, names in _FIELDS.items()
    if target(path) is not None  # a field of this version of the record
    for heading in names
}

ENUM_WORDS: dict[type, dict[str, str]] = {
    Kind: {
        "shared_services": "shared_service",
        "network": "informal_network",
        "informal_networks": "informal_network",
        "officer_network": "informal_network",
        "officers_group": "informal_network",
        "commissioned": "commissioning",
        "commissioned_service": "commissioning",
        "commissioning_arrangement": "commissioning",
        "company": "company_or_trust",
        "trust": "company_or_trust",
        "charitable_trust": "company_or_trust",
        "company_trust": "company_or_trust",
        "cic": "company_or_trust",
        "community_interest_company": "company_or_trust",
        "outside_bodies": "outside_body",
        "appointment_to_outside_body": "outside_body",
        "outside_body_appointment": "outside_body",
        "partnerships": "partnership",
        "strategic_partnership": "partnership",
    },
    Status: {
        "live": "active",
        "current": "active",
        "ongoing": "active",
        "running": "active",
        "in_operation": "active",
        "planned": "proposed",
        "proposal": "proposed",
        "in_development": "proposed",
        "agreed": "approved",
        "review": "under_review",
        "being_reviewed": "under_review",
        "closing": "ending",
        "winding_down": "ending",
        "being_wound_up": "ending",
        "closed": "ended",
        "finished": "ended",
        "terminated": "ended",
        "ceased": "ended",
        "expired": "ended",
        "dissolved": "ended",
    },
    Sector: {
        "public_sector": "public",
        "local_authority": "public",
        "council": "public",
        "nhs": "public",
        "statutory": "public",
        "private_sector": "private",
        "business": "private",
        "commercial": "private",
        "voluntary_sector": "voluntary",
        "charity": "voluntary",
        "vcs": "voluntary",
        "third_sector": "voluntary",
        "community_sector": "community",
        "community_group": "community",
    },
    AssuranceLevel: {
        "substantial_assurance": "substantial",
        "reasonable_assurance": "reasonable",
        "limited_assurance": "limited",
        "nil_assurance": "no_assurance",
        "nil": "no_assurance",
    },
    SharedServiceType: {
        "full": "full_shared_service",
        "joint_manager": "joint_management",
        "shared_officer": "joint_officer",
        "ad_hoc": "ad_hoc_resilience",
        "resilience": "ad_hoc_resilience",
    },
}


@dataclass(frozen=True)
class Guess:
    path: str | None
    how: str
    """'field name', 'known heading', 'guessed, score 0.87: confirm', or 'not mapped'."""


def normalise(heading: str) -> str:
    text = repair_encoding(heading)[0].lower().replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


@functools.lru_cache(maxsize=16384)
def guess(heading: str) -> Guess:
    """The field a column heading most likely names."""
    raw = heading.strip()
    if raw and target(raw) is not None:
        return Guess(raw, "field name")
    key = normalise(raw)
    if key in HEADINGS:
        return Guess(HEADINGS[key], "known heading")
    best, best_score = None, 0.0
    for known in HEADINGS:
        # rapidfuzz's ratio (on the longest common subsequence) is never below difflib's, so
        # the slow difflib ratio is worked out only for headings that could reach the cutoff.
        if indel_ratio(key, known) < 100 * max(GUESS_CUTOFF, best_score):
            continue
        ratio = difflib.SequenceMatcher(None, key, known).ratio()
        if ratio > best_score:
            best, best_score = known, ratio
    if best is not None and best_score >= GUESS_CUTOFF:
        return Guess(HEADINGS[best], f"guessed from '{best}', score {best_score:.2f}: confirm")
    return Guess(None, "not mapped")


HEADING_SEARCH = 10
"""How many filled rows at the top are looked at for the row of column headings."""


def heading_row(numbered: list[tuple[int, list[Any]]], known: frozenset[str] = frozenset()) -> int:
    """Index (into ``numbered``) of the row of column headings: the first row, unless a
    later one matches known headings clearly better (at least two of them, and more than the
    first row does), as below a title row. The first of equally good rows wins."""
    first = best_score = heading_score(numbered[0][1], known) if numbered else 0.0
    best = 0
    for index, (_, line) in enumerate(numbered[1:], start=1):
        score = heading_score(line, known)
        if score >= 2 and score > max(best_score, first):
            best, best_score = index, score
    return best


def heading_score(line: list[Any], known: frozenset[str] = frozenset()) -> float:
    """How much a row looks like column headings: 1 for each heading the importer knows
    (a field name, or a heading in ``known``), a half for each it can only guess."""
    score = 0.0
    for value in line:
        if isinstance(value, str) and value.strip():
            if value.strip() in known:
                score += 1
                continue
            how = guess(value).how
            if how in ("field name", "known heading"):
                score += 1
            elif how.startswith("guessed"):
                score += 0.5
    return score


def _rank(heading: str) -> int:
    how = guess(heading).how
    return 2 if how in ("field name", "known heading") else 1 if how.startswith("guessed") else 0


def under_groups(headings: list[str], groups: list[str], notes: list[str]) -> list[str]:
    """The headings read with the group heading over each ('Lead' over 'Officer' and
    'Member', merged over both): a heading that names a field alone stays as it is; one that
    names a field only with its group ('Lead Officer') is read so, and said in ``notes``;
    an empty heading under a heading merged down over it is that heading."""
    read = []
    for heading, group in zip(headings, groups, strict=False):
        chosen = heading
        if group and group != heading:
            if not heading:
                chosen = group
            elif _rank(heading) < 2:
                combined = [f"{group} {heading}", f"{heading} {group}"]
                best = max(combined, key=_rank)
                if _rank(best) > _rank(heading):
                    chosen = best
        if chosen != heading and heading:
            notes.append(f"column '{heading}' under '{group}' read as '{chosen}'")
        read.append(chosen)
    return read + headings[len(read) :]
