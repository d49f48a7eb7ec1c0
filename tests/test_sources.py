"""Every number and requirement has a source: the framework's paragraph or the council's own
choice, and `partnerfw rules --local` lists every choice that is not the framework's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import load_edition, open_project
from partnerfw.policy.schema import setting_paths
from partnerfw.rules import RULES
from partnerfw.rules.sources import LOCAL_RULES, RULE_SETTINGS, rule_source
from tests.conftest import build_file_tree
from tests.records import yaml_text

EDITIONS = ("revised", "earlier")
# Every setting of the shipped editions that is the council's own choice, not the framework's.
LOCAL_NUMBERS = {
    "revised": {
        "significance.near_threshold_margin = 0.1",
        "intervals.performance_report_months = 6",
        "intervals.risk_review_months = 12",
        "intervals.grace_days = 14",
        "intervals.renewal_notice_days = 90",
        "shared_service_review.interval_months = 12",
        "urgent_route.approval_within_days = 28",
        "governance_rating.green.min_complete_percent = 90",
        "governance_rating.green.max_errors = 0",
        "governance_rating.amber.min_complete_percent = 60",
        "governance_rating.assurance_months = 12",
        "approval_margin = 0.1",
    },
}
LOCAL_NUMBERS["earlier"] = LOCAL_NUMBERS["revised"] - {
    "shared_service_review.interval_months = 12",
    "urgent_route.approval_within_days = 28",
}


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_setting_of_the_shipped_editions_has_a_source(edition: str) -> None:
    """A new setting (a field added to the policy) without a 'sources:' entry fails here."""
    policy = load_edition(edition)
    missing = [path for path, _ in setting_paths(policy) if policy.source_of(path) is None]
    assert missing == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_source_key_names_a_setting_that_does_not_exist(edition: str) -> None:
    policy = load_edition(edition)
    paths = [path for path, _ in setting_paths(policy)]
    for key in policy.sources:
        assert any(p == key or p.startswith(key + ".") for p in paths), key


def test_a_setting_without_a_source_is_caught() -> None:
    policy = load_edition("revised")
    stripped = policy.model_copy(
        update={"sources": {k: v for k, v in policy.sources.items() if k != "intervals.grace_days"}}
    )
    missing = [p for p, _ in setting_paths(stripped) if stripped.source_of(p) is None]
    assert missing == ["intervals.grace_days"]


def test_the_minutes_left_open_matters_are_marked_open() -> None:
    policy = load_edition("revised")
    for path, words in (
        ("urgent_route.approval_within_days", "criteria for an 'urgent need'"),
        ("do_nothing_customers_and_residents", "undertook to look into"),
        ("requirements.partnership.exit_strategy_covers", "'indefinite' arrangements"),
    ):
        source = policy.source_of(path)
        assert source is not None and source.open is not None, path
        assert words in " ".join(source.open.split())


def test_every_rule_is_the_frameworks_with_a_paragraph_or_a_local_choice_with_why() -> None:
    assert set(LOCAL_RULES) <= set(RULES)
    for code in RULE_SETTINGS:
        assert code in RULES, code
    for rule in RULES.values():
        source = rule_source(rule)
        if source.local is None:
            cited = source.framework or ""
            assert cited.startswith(("Framework", "Appendix")), (rule.code, cited)
        else:
            assert len(source.local) > 20, rule.code


def _local_text(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["rules", "--local", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("edition", EDITIONS)
def test_rules_local_lists_every_non_framework_number_of_the_shipped_editions(
    edition: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_file_tree(tmp_path, {"partnerfw.yaml": f"council: {{name: X}}\nedition: {edition}\n"})
    monkeypatch.chdir(tmp_path)
    text = _local_text(runner)
    for line in LOCAL_NUMBERS[edition]:
        assert f"\n  {line}\n" in text, line
    # ... and nothing the framework sets.
    assert "intervals.budget_monitoring_months" not in text
    assert "intervals.annual_review_months" not in text
    # Every local setting of the edition is there, in the JSON too.
    payload = json.loads(_local_text(runner, "--format", "json"))
    policy = load_edition(edition)
    expected = {p for p, _ in setting_paths(policy) if policy.source_of(p).local}  # type: ignore[union-attr]
    assert {s["setting"] for s in payload["settings"]} == expected
    assert {r["code"] for r in payload["rules"]} == set(LOCAL_RULES)


COUNCIL = """council: {name: Medley District Council}
edition: revised
policy:
  significance:
    triggers:
      - {type: resources_at_least, amount: 25000, counts: [dedicated_budget], local: Medley's
          Cabinet set its own threshold in 2024}
      - {type: flag, field: fundamental_to_corporate_objective, reason: fundamental to a
          Corporate Plan objective, reference: Framework 1.9}
  intervals: {grace_days: 7, annual_review_months: 6, budget_monitoring_months: 1,
    annual_review_window: []}
  sources:
    intervals.budget_monitoring_months:
      framework: Framework 4.5(e) (monthly is more than the minimum)
    intervals.annual_review_months: {local: "Cabinet asked for six-monthly reviews (min. 2024/9)"}
rules:
  EVA010: {severity: info, reason: Insurance is checked centrally by Finance each April}
  AGR002: {enabled: false, reason: FOI officer is named in the corporate FOI policy}
"""


def test_a_councils_override_becomes_a_local_choice_unless_it_cites_a_paragraph(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_file_tree(
        tmp_path,
        {"partnerfw.yaml": COUNCIL, "register/test-partnership.yaml": yaml_text("partnership")},
    )
    monkeypatch.chdir(tmp_path)
    project = open_project(tmp_path)
    assert project.problems == []
    policy = project.policy
    assert policy.source_of("intervals.grace_days").local == (  # type: ignore[union-attr]
        "set in partnerfw.yaml (no reason recorded)"
    )
    assert policy.source_of("intervals.budget_monitoring_months").local is None  # type: ignore[union-attr]
    text = _local_text(runner)
    assert (
        "  intervals.grace_days = 7\n      local: set in partnerfw.yaml (no reason recorded)"
        in (text)
    )
    assert (
        "  intervals.annual_review_months = 6\n      local: Cabinet asked for six-monthly "
        "reviews (min. 2024/9)"
    ) in text
    assert "intervals.budget_monitoring_months" not in text
    assert (
        "  significance.triggers.0 (resources_at_least): local: Medley's Cabinet set its own "
        "threshold in 2024"
    ) in text
    assert "significance.triggers.1" not in text
    assert (
        "  AGR002 switched off (partnerfw.yaml): FOI officer is named in the corporate FOI policy"
        in text
    )
    assert "  EVA010 severity info (partnerfw.yaml): Insurance is checked centrally" in text
    # The rule messages say which numbers are the council's own.
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", "2026-11-23"], catch_exceptions=False
    )
    messages = {f["rule"]: f["message"] for f in json.loads(result.stdout)["findings"]}
    assert "(1-monthly)" in messages["MON001"]
    assert "(6-monthly, the council's own choice)" in messages["MON005"]
    classify = runner.invoke(app, ["classify", "--format", "json"], catch_exceptions=False)
    [row] = json.loads(classify.stdout)["records"]
    reason = "£10,000 council resources < £25,000 threshold; not fundamental to a Corporate Plan"
    assert row["reason"] == reason + " objective"


@pytest.mark.parametrize(
    "trigger",
    [
        "{type: flag, field: public_facing, reason: serves the public}",
        "{type: flag, field: public_facing, reason: serves the public, reference: Framework "
        "1.9, local: our own}",
    ],
    ids=["neither", "both"],
)
def test_a_trigger_cites_the_framework_or_says_it_is_local_exactly_one(
    trigger: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = (
        "council: {name: X}\npolicy:\n  significance:\n    triggers:\n      - " + trigger + "\n"
    )
    build_file_tree(tmp_path, {"partnerfw.yaml": settings})
    monkeypatch.chdir(tmp_path)
    project = open_project(tmp_path)
    [problem] = project.problems
    assert problem.file == "partnerfw.yaml"
    assert problem.line == 5
    assert "give exactly one of 'reference:' (the framework paragraph" in problem.message
