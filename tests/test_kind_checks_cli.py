"""End to end: `partnerfw check` on the registers of differently shaped councils, for the kind
cross-checks (CLS003-CLS008) and the framework's remaining requirements (APR010-APR012,
SSV004-SSV005, MON005, MON010-MON011).

Each council is a real repository in a temporary folder: its own partnerfw.yaml (its edition,
its own choices) and record files written the way its officers would, checked through the
command line as CI runs it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.bundled_register import SUMMARY
from tests.conftest import build_file_tree
from tests.records import DELETE, yaml_text

TODAY = "2026-11-23"

# --- Ashcombe: a small district on the earlier edition (£10,000) that follows Appendix 1 -----

ASHCOMBE_SETTINGS = """\
council:
  name: Ashcombe District Council
edition: earlier
portfolios:
  Community Safety: Cllr Rhona Vail
  Housing and Homelessness: Cllr Rhona Vail
policy:
  roles:
    lead_member: {title: Lead Member (the Cabinet Member for the portfolio)}
  route_conflicts:
    partnership.significant:
      follow: appendix_1
      confirmed: Cabinet, 14 January 2026, minute 88
"""

LEISURE_COMPANY = """\
id: ashcombe-leisure-ltd
name: Ashcombe Leisure Ltd
kind: company_or_trust
status: active
summary: A not-for-profit company that runs the council's swimming pool and sports hall.
legal_form: company limited by guarantee
management_agreement:
  services: Ashcombe Pool and the Vale Sports Hall
  document: 'Legal: Leisure management contract 2022-2032'
  contract_manager: Ewan Price, Leisure Contracts Officer
  performance_monitoring: Quarterly contract meetings against twelve KPIs; annual audit
lead_officer:
  name: Ewan Price
  title: Leisure Contracts Officer
department: Communities
dates:
  start: 2022-04-01
  end: 2032-03-31
  renewal: one five-year extension by agreement
council_resources:
  dedicated_budget: 410000
public_facing: true
monitoring:
  annual_reviews:
    - 2025-10-02
"""

PARISH_CLERKS = """\
id: parish-clerks-forum
name: Ashcombe Parish Clerks Forum
kind: informal_network
status: active
summary: The district's parish clerks meeting twice a year to share news and training.
lead_officer:
  name: Nia Hughes
  title: Democratic Services Manager
department: Corporate Services
dates:
  start: 2019-05-01
  indefinite: true
partners:
  - name: The district's parish and town councils
    sector: public
council_resources:
  dedicated_budget: 3500
  note: room hire and a training budget paid by the district
approvals:
  - role: director
    name: Ruth Okoro
    date: 2019-04-10
    decision: informed
    reference: Email of 10 April 2019
monitoring:
  annual_reviews:
    - 2025-10-02
"""

ADVICE_SERVICE = """\
id: debt-advice-service
name: Debt Advice Service
kind: commissioning
status: active
summary: Ashcombe Citizens Advice gives debt advice to district residents.
commissioning:
  payment: the_council_pays
  service: Debt advice for residents
lead_officer:
  name: Nia Hughes
department: Corporate Services
dates:
  start: 2024-04-01
  end: 2027-03-31
partners:
  - name: Ashcombe Citizens Advice
    sector: voluntary
governance:
  terms_of_reference_or_sla:
    status: in_place
    evidence: Grant agreement 2024-2027
approvals:
  - role: director
    name: Ruth Okoro
    date: 2024-03-01
    decision: approved
    reference: Decision notice DN/24/011
monitoring:
  budget_reports: [2026-06-30, 2026-09-30]
  performance_reports: [2026-10-01]
  annual_reviews: [2025-10-02]
"""

# A significant partnership under the earlier edition (£20,000 >= £10,000), signed off by the
# Director and the Lead Member and approved by Cabinet, as Appendix 1 has it.
APPENDIX_1_DECISIONS = [
    {
        "role": "director",
        "name": "Ruth Okoro",
        "date": "2021-01-05",
        "decision": "signed_off",
        "reference": "Evaluation form, endorsement",
    },
    {
        "role": "lead_member",
        "name": "Cllr Rhona Vail",
        "date": "2021-01-06",
        "decision": "signed_off",
        "reference": "Evaluation form, endorsement",
    },
    {
        "role": "cabinet",
        "name": "Cabinet",
        "date": "2021-01-12",
        "decision": "approved",
        "reference": "Cabinet, 12 January 2021, minute 51",
    },
]


def _ashcombe_partnership(decisions: list[dict[str, Any]]) -> str:
    return yaml_text(
        "partnership",
        {
            "id": "ashcombe-homelessness-partnership",
            "name": "Ashcombe Homelessness Partnership",
            "approvals": decisions,
        },
    )


# --- Harrowfield: a borough on the revised edition with a tight ad-hoc limit -------------

HARROWFIELD_SETTINGS = """\
council:
  name: Harrowfield Borough Council
portfolios:
  Housing and Homelessness: [Cllr Sam Rees, Holder of portfolio_holder]
  Finance and Corporate Services: Holder of portfolio_holder
policy:
  kind_checks:
    ad_hoc_resilience_months: 6
"""


def _repo(root: Path, settings: str, records: dict[str, str]) -> Path:
    build_file_tree(
        root,
        {"partnerfw.yaml": settings, **{f"register/{k}.yaml": v for k, v in records.items()}},
    )
    return root


def _check(runner: CliRunner, root: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(root)
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    assert "Traceback" not in result.output
    payload = json.loads(result.stdout)
    payload["exit_code"] = result.exit_code
    return payload


def _by_record(payload: Any) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for f in payload["findings"]:
        found.setdefault(f["record"], {})[f["rule"]] = f["severity"]
    return found


def _messages(payload: Any, record: str, rule: str) -> str:
    return " | ".join(
        f["message"] for f in payload["findings"] if f["record"] == record and f["rule"] == rule
    )


def test_a_district_on_the_earlier_edition_that_follows_appendix_1(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(
        tmp_path,
        ASHCOMBE_SETTINGS,
        {
            "ashcombe-leisure-ltd": LEISURE_COMPANY,
            "parish-clerks-forum": PARISH_CLERKS,
            "debt-advice-service": ADVICE_SERVICE,
            "ashcombe-homelessness-partnership": _ashcombe_partnership(APPENDIX_1_DECISIONS),
        },
    )
    payload = _check(runner, root, monkeypatch)
    found = _by_record(payload)
    # The council pays Citizens Advice: not commissioning (1.14), an error that fails CI.
    assert found["debt-advice-service"]["CLS004"] == "error"
    assert "not a commissioning arrangement (Framework 1.14)" in _messages(
        payload, "debt-advice-service", "CLS004"
    )
    assert payload["exit_code"] == 1
    # A budget for the parish clerks' forum makes it more than an informal network.
    assert found["parish-clerks-forum"] == {"CLS003": "warning"}
    assert "budget of £3,500" in _messages(payload, "parish-clerks-forum", "CLS003")
    # The leisure company runs council services under a contract that is fully recorded.
    assert "ashcombe-leisure-ltd" not in found
    classes = {r["id"]: r["classification"] for r in payload["records"]}
    assert classes["ashcombe-leisure-ltd"] == "management_contract"
    # Significant under £10,000, approved the Appendix 1 way the council confirmed.
    assert classes["ashcombe-homelessness-partnership"] == "significant"
    assert "ashcombe-homelessness-partnership" not in found


def test_the_same_district_approving_the_2_11_1_way_is_told_what_its_choice_needs(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    decisions = [
        {
            "role": "management_team",
            "name": "Management Team",
            "date": "2021-01-05",
            "decision": "discussed",
            "reference": "MT minute 3",
        },
        {
            "role": "portfolio_holder",
            "name": "Cllr Rhona Vail",
            "date": "2021-01-12",
            "decision": "approved",
            "reference": "Decision notice PH/21/02",
        },
        {
            "role": "leader",
            "name": "Cllr Tom Aske",
            "date": "2021-01-12",
            "decision": "approved",
            "reference": "Decision notice PH/21/02",
        },
    ]
    root = _repo(
        tmp_path,
        ASHCOMBE_SETTINGS,
        {"ashcombe-homelessness-partnership": _ashcombe_partnership(decisions)},
    )
    payload = _check(runner, root, monkeypatch)
    said = _messages(payload, "ashcombe-homelessness-partnership", "APR003")
    assert "sign-off by the Chief Executive or Director" in said
    assert "approval by the Cabinet" in said
    assert (
        "Appendix 1" in {f["reference"] for f in payload["findings"] if f["rule"] == "APR003"}.pop()
    )


def test_a_borough_with_a_shorter_ad_hoc_limit_and_its_portfolio_holders(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    ad_hoc = yaml_text(
        "shared_service",
        {
            "id": "environmental-health-cover",
            "name": "Environmental Health Cover from Medley",
            "shared_service.type": "ad_hoc_resilience",
            "shared_service.business_case": DELETE,
            "shared_service.business_case_approvals": DELETE,
            "dates.indefinite": False,
            "dates.start": "2026-03-01",
            "dates.end": "2026-11-30",
            "dates.renewal": "not renewable",
            "approvals": [
                {
                    "role": role,
                    "name": "Holder of portfolio_holder"
                    if role == "portfolio_holder"
                    else "Leader",
                    "date": "2026-02-20",
                    "decision": "informed",
                    "reference": "Email of 20 February 2026",
                }
                for role in ("leader", "portfolio_holder")
            ],
            "opinions.monitoring_officer.date": "2026-02-10",
            "opinions.section_151_officer.date": "2026-02-10",
        },
    )
    hub = yaml_text(
        "shared_service",
        {
            "id": "community-safety-hub",
            "name": "Harrowfield Community Safety Hub",
            "partners": [
                {"name": "Medley District Council", "sector": "public"},
                {"name": "Harrowfield Police", "sector": "public"},
                {"name": "Harrowfield Homes", "sector": "voluntary"},
            ],
        },
    )
    wrong_holder = yaml_text(
        "partnership",
        {
            "id": "rough-sleeping-partnership",
            "name": "Rough Sleeping Partnership",
            "approvals.3.name": "Cllr Dana Frost",
            "dates.start": "2021-01-08",
        },
    )
    root = _repo(
        tmp_path,
        HARROWFIELD_SETTINGS,
        {
            "environmental-health-cover": ad_hoc,
            "community-safety-hub": hub,
            "rough-sleeping-partnership": wrong_holder,
        },
    )
    payload = _check(runner, root, monkeypatch)
    found = _by_record(payload)
    # Nine months is longer than this council's six: Member approval was escaped.
    assert found["environmental-health-cover"]["CLS006"] == "error"
    assert "longer than 6 months" in _messages(payload, "environmental-health-cover", "CLS006")
    # The police are asked about; a housing association is not a local authority.
    hub_said = _messages(payload, "community-safety-hub", "CLS005")
    assert "is Harrowfield Police a local authority?" in hub_said
    assert "Harrowfield Homes is not a local authority (voluntary sector)" in hub_said
    assert "Medley" not in hub_said
    # Approved by a councillor who does not hold the portfolio, and started before approval.
    assert found["rough-sleeping-partnership"]["APR014"] == "error"
    assert "is Cllr Sam Rees" in _messages(payload, "rough-sleeping-partnership", "APR014")
    assert found["rough-sleeping-partnership"]["APR013"] == "error"
    assert payload["exit_code"] == 1

    # Under the shipped limit (twelve months) the same cover is short-term.
    (root / "partnerfw.yaml").write_text(
        HARROWFIELD_SETTINGS.replace("ad_hoc_resilience_months: 6", "ad_hoc_resilience_months: 12")
    )
    again = _by_record(_check(runner, root, monkeypatch))
    assert "CLS006" not in again.get("environmental-health-cover", {})


def test_a_council_whose_annual_review_is_in_the_spring(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    spring_reviewed = yaml_text(
        "commissioning", {"monitoring.annual_reviews": ["2025-04-10", "2026-04-14"]}
    )
    root = _repo(
        tmp_path,
        "council:\n  name: Vale of Tarrant Council\n",
        {"test-commissioning": spring_reviewed},
    )
    autumn = _check(runner, root, monkeypatch)
    assert "in the autumn (6.6)" in _messages(autumn, "test-commissioning", "MON005")
    (root / "partnerfw.yaml").write_text(
        "council:\n  name: Vale of Tarrant Council\n"
        "policy:\n  intervals:\n    annual_review_window: [4, 5]\n"
    )
    spring = _check(runner, root, monkeypatch)
    assert spring["findings"] == []
    assert spring["exit_code"] == 0


def test_the_bundled_register_shows_the_new_checks(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = Path(__file__).resolve().parents[1]
    payload = _check(runner, root, monkeypatch)
    found = _by_record(payload)
    assert found["thamesbridge-leisure-trust"] == {"CLS008": "warning"}
    assert found["joint-it-management"]["SSV004"] == "warning"
    assert found["riverside-regeneration-partnership"]["APR012"] == "info"
    assert "CLS004" not in found.get("medley-licensing-service", {})
    assert payload["summary"] == SUMMARY
