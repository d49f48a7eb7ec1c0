"""Build record files for tests: a small complete baseline per kind, changed by dotted paths.

Each baseline is an active arrangement that meets every checked requirement under both editions
on ``TODAY`` (2026-11-23), so a test changes one thing and sees exactly that rule respond.
Records are written out as YAML text and read back through the real parser, so every finding
has a real file and line.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import yaml

from partnerfw.findings import Finding
from partnerfw.judge.classify import classify, decided
from partnerfw.policy.schema import MasterLists, Policy, edition_text, merge_overrides
from partnerfw.record.loading import LoadedRecord, parse_record
from partnerfw.record.yamlread import parse
from partnerfw.rules.engine import check_record

TODAY = dt.date(2026, 11, 23)
DELETE = object()
"""A change that removes the key (or list item) at a path."""

_D = dt.date


def _in_place(names: list[str], where: str) -> dict[str, Any]:
    return {n: {"status": "in_place", "evidence": f"{where}, {n.replace('_', ' ')}"} for n in names}


PARTNERSHIP_GOVERNANCE = [
    "terms_of_reference",
    "membership_rules",
    "representation",
    "decision_rules",
    "meeting_rules",
    "recording_decisions",
    "carrying_out_decisions",
    "partner_responsibilities",
    "performance_and_finance_review",
    "declarations_of_interest",
    "conflicts_of_interest",
    "ethical_standards",
    "amending_agreement",
    "breaches",
    "draft_agreement",
    "performance_monitoring",
    "financial_monitoring",
    "risk_monitoring",
    "complaints",
    "audit",
]
PARTNERSHIP_AGREEMENT = [
    "aims_and_objectives",
    "rationale",
    "duration_and_renewal",
    "governance_arrangements",
    "funding_responsibilities",
    "spending_decisions",
    "reallocation",
    "financial_reporting",
    "information_sharing",
    "freedom_of_information",
    "dispute_resolution",
    "exit_strategy",
    "dissolution",
    "partner_withdrawal",
]
SHARED_GOVERNANCE = ["performance_monitoring", "financial_monitoring", "risk_monitoring"]
SHARED_AGREEMENT = [
    "delegation_of_functions",
    "service_provision",
    "accommodation",
    "staff_transfers",
    "funding_and_payments",
    "assets_and_liabilities",
    "termination",
    "freedom_of_information",
    "scope_of_service",
    "safeguarding",
    "confidentiality_and_data_protection",
]

_OFFICER = {"name": "Ann Officer", "title": "Head of Policy"}
_MONITORING = {
    "outcomes": ["Fewer households in temporary accommodation"],
    "targets": [
        {
            "target": "100 households helped a year",
            "action": "Quarterly case review",
            "owner": "Ann Officer",
            "last_reviewed": _D(2026, 4, 15),
        }
    ],
    "budget_reports": [_D(2026, 6, 30), _D(2026, 9, 30)],
    "performance_reports": [_D(2026, 4, 15), _D(2026, 10, 14)],
    "risk_register": [
        {
            "risk": "A partner withdraws funding",
            "likelihood": 2,
            "impact": 3,
            "mitigation": "Twelve months' notice in the agreement",
            "owner": "Ann Officer",
            "last_reviewed": _D(2026, 7, 1),
        }
    ],
    # The autumn review of the register (6.6) and an update during the year.
    "annual_reviews": [_D(2025, 10, 15), _D(2026, 3, 16)],
    "representatives_briefed": True,
    # The February/March governance review for the Annual Governance Statement (6.9).
    "assurance": {
        "officer": "Ann Officer",
        "date": _D(2026, 3, 10),
        "statement": "Governance in place; objectives still met.",
        "governance_in_place": True,
        "meeting_objectives": True,
    },
}
_REVIEWS = [_D(2025, 10, 15), _D(2026, 3, 16)]
_EVALUATION = {
    "completed_by": _OFFICER,
    "date": _D(2020, 11, 2),
    "senior_officers": ["Graham Oduya, Director (Corporate Services)"],
    "deputy_monitoring_officer_consulted": True,
    "section_151_officer_consulted": True,
    "benefits": ["shared expertise"],
    "costs": ["officer time"],
    "risks": ["a partner withdraws"],
    "equalities_issues": ["none identified after screening"],
    "risk_assessment": {"done": True, "date": _D(2020, 11, 10), "evidence": "Risk assessments"},
    "equalities_analysis": {
        "done": True,
        "date": _D(2020, 11, 12),
        "summary": "No negative impact on any protected characteristic.",
    },
    "gdpr": {
        "considered": True,
        "issues": "Only anonymised data is shared.",
        "dpia_required": False,
    },
    "equalities_aims_contribution": "Supports Equalities Objective 2: fair access.",
    "climate_change_contribution": "Meetings are online by default.",
    "do_nothing": {
        "consequences": "The council would work alone at greater cost.",
        "customers_and_residents": "Residents would lose a joined-up service.",
    },
    "insurance_checked": True,
    # The form's other questions (Appendix 1).
    "evidence_of_need": "Rising homelessness presentations since 2019 (housing needs survey).",
    "consultation": "Residents' panel and the voluntary sector forum, both supportive.",
    "impact_on_other_services": "None: the officer time comes from the prevention budget.",
    "value_for_money": "Cost per household helped, reported quarterly.",
    "uninsured_risks": "None identified; each partner insures its own staff.",
    "equalities_negative_impact": False,
}
_EXIT = {
    "status": "in_place",
    "summary": "Either party may leave on twelve months' notice.",
    "in_agreement": True,
    "covers": {
        "termination": "Dissolution by unanimous board vote.",
        "partner_withdrawal": "Six months' written notice to the chair.",
        "equalities_impact": "An equality impact assessment precedes dissolution.",
        "safeguarding_impact": "Open cases transfer to the statutory agency.",
        "resources": "Unspent contributions are returned pro rata.",
        "liabilities": "Shared in proportion to contributions.",
        "notice_period": "Twelve months' written notice.",
    },
}
_OPINIONS = {
    "monitoring_officer": {
        "name": "Priya Chandran",
        "date": _D(2020, 12, 1),
        "opinion": "No legal objection.",
        "reference": "Evaluation form p6",
    },
    "section_151_officer": {
        "name": "Graham Oduya",
        "date": _D(2020, 12, 2),
        "opinion": "Within budget.",
        "reference": "Evaluation form p6",
    },
}


_APPROVED_ON = _D(2021, 1, 12)


def _approval(role: str, decision: str = "approved", day: dt.date = _APPROVED_ON) -> dict[str, Any]:
    return {
        "role": role,
        "name": f"Holder of {role}",
        "date": day,
        "decision": decision,
        "reference": f"Decision notice {role}",
    }


def _case_approval(authority: str, role: str) -> dict[str, Any]:
    return {
        "authority": authority,
        "role": role,
        "name": f"{role} of {authority}",
        "date": _D(2020, 12, 3),
    }


_START = {
    "start": _D(2021, 4, 1),
    "indefinite": True,
    "renewal": "Continues until a partner gives notice.",
}

BASELINES: dict[str, dict[str, Any]] = {
    # An 'other' partnership under the revised edition (£20,000), significant under the earlier
    # one (£10,000); its approvals satisfy both routes.
    "partnership": {
        "id": "test-partnership",
        "name": "Test Homelessness Partnership",
        "kind": "partnership",
        "status": "active",
        "lead_officer": _OFFICER,
        "department": "Housing",
        "portfolio": "Housing and Homelessness",
        "dates": _START,
        "partners": [
            {"name": "Thamesbridge Housing Trust", "sector": "voluntary", "contribution": 5000}
        ],
        "council_resources": {"dedicated_budget": 10000, "staff_cost": 8000, "in_kind_value": 2000},
        "purpose": {
            "aims": "Prevent homelessness.",
            "conditions": ["cannot_achieve_alone"],
            "safeguarding": "Referrals follow the council's safeguarding policy.",
        },
        "evaluation": _EVALUATION,
        "governance": _in_place(PARTNERSHIP_GOVERNANCE, "Partnership agreement"),
        "agreement": {
            "document": "Legal: partnership agreements",
            "signed": _D(2021, 3, 25),
            "monitoring_officer_involved": True,
            "foi_officer": "Information Officer, Thamesbridge Borough Council",
            "items": _in_place(PARTNERSHIP_AGREEMENT, "Agreement"),
        },
        "exit_strategy": _EXIT,
        "opinions": _OPINIONS,
        "approvals": [
            _approval("management_team", "discussed", _D(2021, 1, 5)),
            _approval("director"),
            _approval("leader"),
            _approval("portfolio_holder"),
        ],
        "monitoring": _MONITORING,
    },
    "shared_service": {
        "id": "test-shared-service",
        "name": "Test Shared Internal Audit",
        "kind": "shared_service",
        "status": "active",
        "lead_officer": _OFFICER,
        "department": "Corporate Services",
        "portfolio": "Finance and Corporate Services",
        "dates": _START,
        "partners": [
            {"name": "Medley District Council", "sector": "public", "contribution": 160000}
        ],
        "council_resources": {"staff_fte": 4.5, "staff_cost": 190000},
        "purpose": {
            "aims": "A resilient audit service.",
            "shared_service_conditions": ["saving_or_income"],
            "safeguarding": "Host authority's safeguarding policy applies.",
        },
        "shared_service": {
            "type": "full_shared_service",
            "host_authority": "Thamesbridge Borough Council",
            "initial_discussion": {
                "officer": "Graham Oduya, Director (Corporate Services)",
                "date": _D(2020, 9, 14),
            },
            "business_case": {"status": "in_place", "evidence": "Business case, final"},
            "business_case_approvals": [
                _case_approval("Thamesbridge Borough Council", "monitoring_officer"),
                _case_approval("Thamesbridge Borough Council", "section_151_officer"),
                _case_approval("Medley District Council", "monitoring_officer"),
                _case_approval("Medley District Council", "section_151_officer"),
            ],
            "savings_or_income": "£45,000 a year",
            "resilience": "Cover across a larger team",
            "cost_split": "50/50",
            "budgets_agreed": True,
            "hr_informed": True,
            "facilities": "Civic Centre with hot desks at Medley",
            "staff_communication": "Monthly joint briefings",
            # What the business case sets out (Appendix 2).
            "options_considered": [
                "Option 1: stay as two services",
                "Option 2: a full shared service hosted by Thamesbridge",
            ],
            "recommended_option": "Option 2: the saving with a resilient team",
            "constraints": "Two audit systems to merge; staff on different terms.",
            "dependencies": "None identified.",
            "existing_arrangements": "Business case section 8: two in-house teams of 3 FTE.",
            "business_case_revisions": [
                {"date": _D(2020, 10, 1), "summary": "First draft", "revision": "0.1"},
                {"date": _D(2020, 11, 20), "summary": "Final", "revision": "1.0"},
            ],
        },
        "evaluation": _EVALUATION,
        "governance": _in_place(SHARED_GOVERNANCE, "Shared service agreement"),
        "agreement": {
            "document": "Legal: shared service agreements",
            "signed": _D(2021, 3, 25),
            "monitoring_officer_involved": True,
            "items": _in_place(SHARED_AGREEMENT, "Agreement"),
        },
        "exit_strategy": _EXIT,
        "opinions": _OPINIONS,
        "approvals": [_approval("leader"), _approval("portfolio_holder")],
        "monitoring": {**_MONITORING, "shared_service_reviews": [_D(2026, 3, 16)]},
    },
    "informal_network": {
        "id": "test-network",
        "name": "Test Finance Officers Group",
        "kind": "informal_network",
        "status": "active",
        "lead_officer": _OFFICER,
        "department": "Finance",
        "dates": _START,
        "approvals": [_approval("director", "informed", _D(2021, 3, 1))],
        "monitoring": {"annual_reviews": _REVIEWS},
    },
    "commissioning": {
        "id": "test-commissioning",
        "name": "Test Licensing Service for Medley",
        "kind": "commissioning",
        "status": "active",
        "lead_officer": _OFFICER,
        "department": "Licensing",
        "dates": _START,
        "commissioning": {
            "payment": "the_council_is_paid",
            "paid_by": "Medley District Council",
            "fee": 85000,
            "service": "Taxi and premises licensing",
        },
        "governance": {
            "terms_of_reference_or_sla": {
                "status": "in_place",
                "evidence": "Service level agreement",
            }
        },
        "approvals": [_approval("director")],
        "monitoring": {
            "budget_reports": [_D(2026, 9, 30)],
            "performance_reports": [_D(2026, 10, 14)],
            "annual_reviews": _REVIEWS,
        },
    },
    "company_or_trust": {
        "id": "test-trust",
        "name": "Test Leisure Trust",
        "kind": "company_or_trust",
        "status": "active",
        "legal_form": "charitable trust",
        "lead_officer": _OFFICER,
        "department": "Leisure",
        "dates": _START,
        "governance": {
            "separate_legal_arrangements": {
                "status": "in_place",
                "evidence": "Trust deed and funding agreement",
            }
        },
        "monitoring": {"annual_reviews": _REVIEWS},
    },
    # A councillor and an officer appointed by Annual Council to a local charity's board.
    "outside_body": {
        "id": "test-outside-body",
        "name": "Test Citizens Advice: council appointments",
        "kind": "outside_body",
        "status": "active",
        "lead_officer": _OFFICER,
        "department": "Democratic Services",
        "dates": _START,
        "outside_body": {
            "organisation": "Test Citizens Advice",
            "legal_form": "charitable_company",
            "registered_number": "1101234",
            "appointed_by": "Annual Council",
            "reference": "Annual Council 20 May 2026, minute 14",
            "appointees": [
                {
                    "name": "Cllr Ada Lane",
                    "capacity": "trustee",
                    "appointed": _D(2025, 5, 21),
                    "term_ends": _D(2027, 5, 19),
                },
                {"name": "Ann Officer", "councillor": False, "capacity": "observer"},
            ],
        },
        "monitoring": {"annual_reviews": _REVIEWS},
    },
}
KINDS = tuple(BASELINES)


def data(kind: str, changes: dict[str, Any] | None = None, **top: Any) -> dict[str, Any]:
    """The baseline of ``kind`` with ``changes`` (dotted path -> value or DELETE) applied."""
    result = copy.deepcopy(BASELINES[kind])
    for path, value in {**top, **(changes or {})}.items():
        set_path(result, path, value)
    return result


def set_path(target: Any, dotted: str, value: Any) -> None:
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    for part in parts[:-1]:
        if isinstance(target, dict):
            target = target.setdefault(part, {})
        else:
            assert isinstance(part, int)
            target = target[part]
    last = parts[-1]
    if value is DELETE:
        if isinstance(target, dict):
            target.pop(last, None)
        else:
            assert isinstance(last, int)
            del target[last]
    elif isinstance(target, list) and last == len(target):
        target.append(value)
    else:
        target[last] = value  # type: ignore[index]


def text(record: dict[str, Any]) -> str:
    """The record as YAML text, as an officer would write it (block style, keys in order)."""
    return yaml.safe_dump(
        record, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000
    )


def yaml_text(kind: str, changes: dict[str, Any] | None = None, **top: Any) -> str:
    return text(data(kind, changes, **top))


def load(source: str, file: str | None = None) -> LoadedRecord:
    """Parse record text with the real reader; fails the test if it does not validate."""
    record_id = re.search(r"^id: (\S+)", source, re.MULTILINE)
    shown = file or f"register/{record_id.group(1) if record_id else 'x'}.yaml"
    record, problems = parse_record(source.encode("utf-8"), shown)
    assert record is not None, [p.message for p in problems]
    assert problems == []
    return record


def policy(edition: str = "revised", overrides: dict[str, Any] | None = None) -> Policy:
    """A built-in edition, optionally with parts overridden as partnerfw.yaml's 'policy:' does."""
    base = parse(edition_text(edition)).data
    return Policy.model_validate(merge_overrides(base, overrides or {}))


def findings(
    source: str,
    today: dt.date = TODAY,
    policy_: Policy | None = None,
    lists: MasterLists | None = None,
) -> list[Finding]:
    """Every finding ``check`` gives for one record file (master lists: none kept, unless
    given)."""
    record = load(source)
    active = policy_ or policy()
    classification = decided(record.arrangement, classify(record.arrangement, active, today))
    return check_record(record, classification, active, today, lists)


def line_of(source: str, path: tuple[str | int, ...]) -> int:
    """The 1-based line of ``path`` in block-style YAML ``source``, found by reading the text
    (not the parser): the key's line, a list item's '- ' line, or the nearest ancestor's."""
    lines = source.splitlines()

    def indent_of(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    found, start, child, item_line = 1, 0, 0, False
    for part in path:
        hit, seen = None, -1
        for index in range(start, len(lines)):
            line = lines[index]
            if not line.strip():
                continue
            indent = indent_of(line)
            body = line.strip()
            if item_line and index == start:
                indent, body = indent + 2, body[2:]
            if indent < child or (
                isinstance(part, int) and indent == child and not body.startswith("- ")
            ):
                break
            if indent != child:
                continue
            if isinstance(part, int) and body.startswith("- "):
                seen += 1
                if seen == part:
                    hit = index
                    break
            elif isinstance(part, str) and re.match(rf"{re.escape(part)}:(\s|$)", body):
                hit = index
                break
        if hit is None:
            return found
        found = hit + 1
        if isinstance(part, int):
            start, child, item_line = hit, indent_of(lines[hit]) + 2, True
        else:
            start, item_line = hit + 1, False
            following = next((ln for ln in lines[hit + 1 :] if ln.strip()), "")
            child = indent_of(following)
            if child <= indent_of(lines[hit]) and not following.strip().startswith("- "):
                child = indent_of(lines[hit]) + 2
    return found
