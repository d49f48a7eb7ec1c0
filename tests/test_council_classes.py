"""A council whose classes are not significant and other: Wealdmoor grades its partnerships
major, moderate or limited by points on a scorecard, each level with its own approval route and
review cycle (tests/policies/three-levels.yaml). Its register (tests/policies/registers/
three-levels/, eleven records) is classified, checked, reported and published through the real
CLI in a real git repository, with no code change: every record's class and reason, the route
its approvals are checked against and the due dates of its reviews."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import TODAY
from tests.test_significance_policies import council_repo

SHAPE = "three-levels"
CLASSES = {
    "community-safety-partnership": "major",
    "leisure-centres-partnership": "major",
    "homelessness-prevention-partnership": "major",  # decided by Cabinet; the points say moderate
    "economic-growth-board": "moderate",
    "health-and-wellbeing-partnership": "moderate",
    "rural-transport-partnership": "moderate",
    "town-centre-partnership": "limited",
    "arts-festival-partnership": "limited",
    "youth-employment-partnership": "limited",
    "flood-resilience-partnership": "undetermined",
    "shared-audit-service": "full_shared_service",
}
LABELS = {"major": "Major partnership", "moderate": "Moderate partnership"}
LABELS |= {"limited": "Limited partnership", "undetermined": "Cannot be classified yet"}
NO_RISK = "no single risk scores 15 or more and could cost more than £100,000"


@pytest.fixture
def wealdmoor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    council_repo(tmp_path, SHAPE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _classified(runner: CliRunner) -> dict[str, dict[str, str]]:
    result = run(runner, "classify", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["problems"] == []
    return {r["id"]: r for r in payload["records"]}


def test_every_record_gets_the_councils_class_with_its_label(
    runner: CliRunner, wealdmoor: Path
) -> None:
    records = _classified(runner)
    assert {i: r["classification"] for i, r in records.items()} == CLASSES
    for record_id, klass in CLASSES.items():
        if klass in LABELS:
            assert records[record_id]["label"] == LABELS[klass]
        first = (wealdmoor / "register" / f"{record_id}.yaml").read_text().splitlines()[0]
        assert first.startswith(f"# Expected: {klass.replace('undetermined', 'cannot be')}")
    text = run(runner, "classify").stdout
    assert (
        "  Major partnership: 3, Moderate partnership: 3, Limited partnership: 3, Cannot be "
        "classified yet: 1, Full shared service: 1\n"
    ) in text  # the council's order, then the other kinds


def test_the_reason_explains_the_score_and_the_class_it_reaches(
    runner: CliRunner, wealdmoor: Path
) -> None:
    reasons = {i: r["reason"] for i, r in _classified(runner).items()}
    assert reasons["leisure-centres-partnership"] == (
        "13 points: resources £120,000 (5), runs 6 years (3), the risk 'The operator goes into "
        "administration' scores 15 (likelihood 3 × impact 5) >= 15 and could cost the council "
        "£400,000 > £100,000 (3), not required by law (0), provides services directly to the "
        "public (2), 2 partners (0) >= 12 = major"
    )
    assert reasons["community-safety-partnership"] == (
        f"12 points: resources £65,000 (3), runs indefinitely (3), {NO_RISK} (2 risks) (0), "
        "required by law (Crime and Disorder Act 1998 s6) (2), provides services directly to "
        "the public (2), 6 partners (2) >= 12 = major"
    )
    # Exactly on the figure: at least 7 includes 7.
    assert reasons["health-and-wellbeing-partnership"].startswith("7 points: resources £55,000")
    assert reasons["health-and-wellbeing-partnership"].endswith("4 partners (1) >= 7 = moderate")
    # A limited partnership says how far below the lowest figure above it is.
    assert reasons["town-centre-partnership"] == (
        f"6 points: resources £45,000 (1), runs 3 years (1), {NO_RISK} (1 risk) (0), not "
        "required by law (0), provides services directly to the public (2), 5 partners (2) "
        "< 7 = limited"
    )
    # 'more than 2 years': a two-year term scores nothing, a three-year term does.
    assert "runs 2 years (0)" in reasons["youth-employment-partnership"]
    # A high risk (20) and a costly one (£500,000) are not one risk that is both.
    assert f"{NO_RISK} (2 risks) (0)" in reasons["economic-growth-board"]
    assert reasons["economic-growth-board"].startswith("10 points: resources £150,000 (5)")
    # Staff time without a cost: 10 to 14 points, so it may or may not be major.
    assert reasons["flood-resilience-partnership"].startswith(
        "10-14 points: resources £20,000 counted so far (staff time (0.3 FTE) not valued yet) "
        "(1-5), runs indefinitely (3)"
    )
    assert reasons["flood-resilience-partnership"].endswith(": cannot tell yet whether >= 12")
    decided = reasons["homelessness-prevention-partnership"]
    assert decided.startswith("decided by Cabinet on 2025-06-11 (Cabinet minute 2025/63)")
    assert "the policy would class it as a moderate partnership (10 points:" in decided


def _findings(runner: CliRunner) -> list[dict[str, Any]]:
    result = run(runner, "check", "--format", "json", "--today", TODAY)
    payload = json.loads(result.stdout)
    assert not [f for f in payload["findings"] if f["rule"] == "POL001"], payload["findings"]
    return payload["findings"]  # type: ignore[no-any-return]


def _of(found: list[dict[str, Any]], record: str, *rules: str) -> list[dict[str, Any]]:
    return [f for f in found if f["record"] == record and f["rule"] in rules]


def test_approvals_are_checked_against_the_route_of_each_class(
    runner: CliRunner, wealdmoor: Path
) -> None:
    found = _findings(runner)
    # Approved as its own class's route says: nothing missing.
    for record in (
        "community-safety-partnership",  # major: discussed at CLT, approved by Cabinet
        "leisure-centres-partnership",
        "homelessness-prevention-partnership",  # decided major: the major route
        "economic-growth-board",  # moderate: the Director and the Portfolio Holder
        "health-and-wellbeing-partnership",
        "town-centre-partnership",  # limited: the Head of Service, Portfolio Holder informed
        "arts-festival-partnership",
    ):
        assert not _of(found, record, "APR003"), record
    # A moderate partnership approved as if it were limited lacks the moderate route's steps.
    [lacking] = _of(found, "rural-transport-partnership", "APR003")
    assert lacking["message"] == (
        "the record is active but lacks approval by the Director; approval by the Cabinet "
        "Portfolio Holder (route: approval by the Director and the Cabinet Portfolio Holder); "
        "add each decision under approvals"
    )
    assert lacking["reference"] == "Wealdmoor Partnership Protocol 2026, 5.2"
    [route] = _of(found, "youth-employment-partnership", "APR004")
    assert route["message"] == (
        "approval route (Limited partnership): approval by the Head of Service, then "
        "informing the Cabinet Portfolio Holder"
    )
    [unknown] = _of(found, "flood-resilience-partnership", "APR004")
    assert (
        "if major, discussion at the Corporate Leadership Team, then approval by the "
        in (unknown["message"])
    )
    assert (
        "if moderate, approval by the Director and the Cabinet Portfolio Holder"
        in (unknown["message"])
    )
    assert "if limited, approval by the Head of Service" in unknown["message"]
    # The statutory officers' opinions: every class but limited asks for them.
    assert not _of(found, "town-centre-partnership", "APR001", "APR002")
    # The council decided on a higher class than the scorecard's: a note, not a warning.
    [decided] = _of(found, "homelessness-prevention-partnership", "CLS011")
    assert decided["severity"] == "info"
    assert "that this is a major partnership" in decided["message"]


def _due(runner: CliRunner) -> dict[tuple[str, str], list[str]]:
    result = run(runner, "report", "due", "--as-of", TODAY, "--format", "csv", "--within", "400")
    assert result.exit_code == 0, result.output
    rows: dict[tuple[str, str], list[str]] = {}
    for row in csv.DictReader(io.StringIO(result.stdout)):
        rows.setdefault((row["Id"], row["What"]), []).append(row["Due"])
    return rows


def test_each_class_reviews_on_its_own_cycle(runner: CliRunner, wealdmoor: Path) -> None:
    due = _due(runner)
    # Major: performance reports every 3 months, risks every 6.
    assert due["community-safety-partnership", "Performance report"] == ["2026-12-30"]
    assert due["community-safety-partnership", "Risk review"] == ["2026-12-15"] * 2
    assert due["leisure-centres-partnership", "Performance report"] == ["2027-01-31"]
    # Decided major: the major cycle, so its July report makes it overdue.
    assert due["homelessness-prevention-partnership", "Performance report"] == ["2026-10-31"]
    # Moderate: the policy's own intervals (6-monthly reports, yearly risk reviews, autumn).
    assert due["economic-growth-board", "Performance report"] == ["2027-01-31"]
    assert due["economic-growth-board", "Risk review"] == ["2027-03-10"] * 2
    assert due["economic-growth-board", "Annual review"] == ["2026-11-30"]
    # Limited: yearly reports, risks every two years, a review every 24 months, not in autumn.
    assert due["town-centre-partnership", "Performance report"] == ["2027-02-27"]
    assert due["town-centre-partnership", "Risk review"] == ["2027-06-01"]
    assert due["town-centre-partnership", "Annual review"] == ["2027-05-15"]
    assert due["arts-festival-partnership", "Performance report"] == ["2027-05-01"]
    # Budget monitoring stays quarterly for every class (Framework 4.5(e)).
    assert due["town-centre-partnership", "Budget monitoring report"] == ["2026-12-30"]
    found = _findings(runner)
    monitoring = ("MON002", "MON004", "MON005")
    assert not _of(found, "town-centre-partnership", *monitoring)
    assert not _of(found, "arts-festival-partnership", *monitoring)
    [late] = _of(found, "homelessness-prevention-partnership", "MON002")
    assert "due by 2026-10-31 (3-monthly, the council's own choice)" in late["message"]
    paper = run(runner, "report", "due", "--as-of", TODAY, "--format", "md").stdout
    assert "Major partnership (the council's own choice: Wealdmoor Partnership Protocol" in paper
    assert "annual review every 24 months" in paper


def test_the_site_the_reports_and_the_open_data_use_the_councils_classes(
    runner: CliRunner, wealdmoor: Path
) -> None:
    built = run(runner, "build", "--today", TODAY)
    assert built.exit_code == 0, built.output
    site = wealdmoor / "site"
    index = (site / "index.html").read_text()
    summary = index[index.index("by class") if "by class" in index else 0 :]
    shown = re.findall(r">(Major|Moderate|Limited) partnership</a>", summary)
    assert shown[:3] == ["Major", "Moderate", "Limited"]  # the policy's order, not A to Z
    for page in site.rglob("*.html"):
        if page.name == "reclassification.html":
            continue  # compares with the built-in edition's significant and other
        text = page.read_text()
        assert "Significant partnership" not in text and "Other partnership" not in text, page
    leisure = (site / "arrangements" / "leisure-centres-partnership.html").read_text()
    assert "Major partnership" in leisure and "&gt;= 12 = major" in leisure
    package = json.loads((site / "datapackage.json").read_text())
    [field] = [
        f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "classification"
    ]
    assert field["description"].startswith("major, moderate or limited (partnerships)")
    described = (site / "open-data.html").read_text()
    assert "<td>major, moderate or limited (partnerships);" in described
    assert "significant or other" not in described
    annual = run(runner, "report", "annual", "--as-of", TODAY, "--format", "md").stdout
    table = annual.split("**Arrangements by kind and class**", 1)[1].split("\n\n")[1]
    rows = re.findall(r"\| Partnership \| ([A-Za-z ]+) \|", table)
    assert rows == [
        "Major partnership",
        "Moderate partnership",
        "Limited partnership",
        "Cannot be classified yet",
    ]


def test_compare_policy_and_the_reclassification_report_work_across_class_schemes(
    runner: CliRunner, wealdmoor: Path
) -> None:
    result = run(runner, "classify", "--compare-policy", "revised", "--format", "json")
    rows = {r["id"]: r for r in json.loads(result.stdout)["records"]}
    assert rows["leisure-centres-partnership"]["compared_classification"] == "significant"
    assert rows["leisure-centres-partnership"]["compared_label"] == "Significant partnership"
    assert rows["town-centre-partnership"]["compared_classification"] == "other"
    assert rows["rural-transport-partnership"]["classification"] == "moderate"
    assert "shared-audit-service" not in rows  # its class does not depend on the scheme
    text = run(runner, "classify", "--compare-policy", "revised").stdout
    assert "Moderate partnership -> Other partnership" in text
    paper = run(
        runner,
        "report",
        "reclassification",
        "--compare-policy",
        "revised",
        "--as-of",
        TODAY,
        "--format",
        "md",
    ).stdout
    assert "The two policies class partnerships differently: Major partnership, Moderate " in (
        paper
    )
    assert "3 from major partnership to significant partnership" in paper
    assert "| Test for a major partnership | 12 or more points on the scorecard | none |" in paper
    assert "| Approval route: partnership.major |" in paper


def test_rules_local_lists_the_classes_as_the_councils_own_choices(
    runner: CliRunner, wealdmoor: Path
) -> None:
    text = run(runner, "rules", "--local").stdout
    assert (
        "  major: Major partnership (local: Wealdmoor Partnership Protocol 2026, 3.2 (major))\n"
        "      reached by: 12 or more points on the scorecard\n"
        "      route: discussed at Corporate Leadership Team; approved by Cabinet\n"
        "      review cycle: performance_report_months = 3, risk_review_months = 6"
    ) in text
    assert "  limited: Limited partnership (local:" in text
    assert "reached by: every partnership the classes above do not reach" in text
    assert "high_risk: one risk that scores 15 or more and could cost more than £100,000" in text
    payload = json.loads(run(runner, "rules", "--local", "--format", "json").stdout)
    classes = {c["class"]: c for c in payload["classes"]}
    assert classes["moderate"]["local"] == "Wealdmoor Partnership Protocol 2026, 3.2 (moderate)"
    assert classes["scorecard"]["local"].startswith("Wealdmoor Partnership Protocol 2026")
    # The edition's own two classes are gone from this council's policy.
    assert "significant" not in classes
