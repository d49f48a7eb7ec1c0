"""Approvals go stale: approved-facts records what was approved; APR009 says what moved past it.
Also the order of decisions (APR006)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.models import Kind
from tests.conftest import TODAY

RIVERSIDE = "register/riverside-regeneration-partnership.yaml"


def _findings(runner: CliRunner, rule: str, record: str) -> list[dict[str, object]]:
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    payload = json.loads(result.stdout)
    return [f for f in payload["findings"] if f["rule"] == rule and f["record"] == record]


def _edit(repo: Path, name: str, old: str, new: str) -> None:
    path = repo / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _approve(runner: CliRunner, record: str = "riverside-regeneration-partnership") -> str:
    result = runner.invoke(
        app, ["approved-facts", record, "--today", TODAY], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_approved_facts_written_after_the_approvals(example_repo: Path, runner: CliRunner) -> None:
    before = (example_repo / RIVERSIDE).read_text("utf-8")
    out = _approve(runner)
    assert out == f"{RIVERSIDE}: recorded what the decision of 2026-10-06 (PR #41) covers\n"
    after = (example_repo / RIVERSIDE).read_text("utf-8")
    assert after.startswith(before.split("monitoring:\n  outcomes")[0])
    assert (
        "approved_facts:\n  approved: 2026-10-06\n  reference: 'PR #41'\n  decided_by:\n"
        "    - role: portfolio_holder\n      name: Cllr Joanne Pike\n"
        "    - role: leader\n      name: Cllr David Marsh\n  kind: partnership\n"
        "  classification: significant\n  council_resources: 37000\n" in after
    )
    assert _findings(runner, "APR009", "riverside-regeneration-partnership") == []
    assert _approve(runner).endswith("already up to date\n")


def test_resources_beyond_the_margin_make_the_approval_stale(
    example_repo: Path, runner: CliRunner
) -> None:
    _approve(runner)
    _edit(example_repo, RIVERSIDE, "dedicated_budget: 15000", "dedicated_budget: 18000")
    assert _findings(runner, "APR009", "riverside-regeneration-partnership") == []  # £40,000
    _edit(example_repo, RIVERSIDE, "dedicated_budget: 18000", "dedicated_budget: 20000")
    [finding] = _findings(runner, "APR009", "riverside-regeneration-partnership")
    assert finding["severity"] == "error"
    assert finding["message"] == (
        "the approval of 2026-10-06 (PR #41) no longer covers this record: council resources "
        "grew from £37,000 to £42,000, beyond the 10% margin the policy allows (£40,700; the "
        "council's own choice); seek a new decision through the route for its class, enter it "
        "under approvals, then run 'partnerfw approved-facts riverside-regeneration-partnership'"
    )
    assert finding["line"] == 29  # council_resources:


def test_policy_sets_the_margin(example_repo: Path, runner: CliRunner) -> None:
    _approve(runner)
    _edit(example_repo, RIVERSIDE, "dedicated_budget: 15000", "dedicated_budget: 20000")
    _edit(example_repo, "partnerfw.yaml", "policy:\n", "policy:\n  approval_margin: 0.5\n")
    assert _findings(runner, "APR009", "riverside-regeneration-partnership") == []


def test_class_partners_and_end_date_changes_each_named(
    example_repo: Path, runner: CliRunner
) -> None:
    _approve(runner)
    _edit(
        example_repo,
        RIVERSIDE,
        "fundamental_to_corporate_objective: true",
        "fundamental_to_corporate_objective: false",
    )
    _edit(
        example_repo,
        RIVERSIDE,
        "  - name: Quayside Developments Ltd",
        "  - name: Harbour Homes Ltd",
    )
    _edit(example_repo, RIVERSIDE, "end: 2032-03-31", "end: 2037-03-31")
    messages = [
        f["message"] for f in _findings(runner, "APR009", "riverside-regeneration-partnership")
    ]
    assert len(messages) == 3
    assert any("its class changed from significant to other" in m for m in messages)
    assert any(
        "its partners changed (added Harbour Homes Ltd; removed Quayside Developments Ltd)" in m
        for m in messages
    )
    assert any("its end date changed from 2032-03-31 to 2037-03-31" in m for m in messages)


def test_a_later_approval_asks_for_the_facts_again(example_repo: Path, runner: CliRunner) -> None:
    _approve(runner)
    _edit(example_repo, RIVERSIDE, "end: 2032-03-31", "end: 2037-03-31")
    _edit(
        example_repo,
        RIVERSIDE,
        "approved_facts:",
        "  - role: leader\n    name: Cllr David "
        "Marsh\n    date: 2026-11-02\n    decision: approved\n    reference: 'PR #57'\n"
        "approved_facts:",
    )
    [finding] = _findings(runner, "APR009", "riverside-regeneration-partnership")
    assert (
        "a later approval (2026-11-02) is recorded, so run 'partnerfw approved-facts"
        in (finding["message"])
    )
    _approve(runner)
    assert _findings(runner, "APR009", "riverside-regeneration-partnership") == []


def test_facts_repeating_confidential_parts_are_kept_confidential(
    example_repo: Path, runner: CliRunner
) -> None:
    _approve(runner, "community-safety-partnership")
    text = (example_repo / "register/community-safety-partnership.yaml").read_text("utf-8")
    assert (
        "confidential:\n  - monitoring.risk_register.1\n  - partners.2\n  - approved_facts\n"
    ) in text


def test_approved_facts_refuses_a_record_without_approval(
    example_repo: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["approved-facts", "food-bank-partnership"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "has no approval recorded yet" in result.stderr
    result = runner.invoke(app, ["approved-facts", "riverside"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "did you mean 'riverside-regeneration-partnership'?" in result.stderr
    result = runner.invoke(app, ["approved-facts"], catch_exceptions=False)
    assert result.exit_code == 2


def test_decisions_out_of_order_and_in_the_future(example_repo: Path, runner: CliRunner) -> None:
    _edit(
        example_repo,
        RIVERSIDE,
        "    date: 2026-09-22\n    decision: discussed",
        "    date: 2026-10-09\n    decision: discussed",
    )
    messages = [
        f["message"] for f in _findings(runner, "APR006", "riverside-regeneration-partnership")
    ]
    assert (
        "the discussion at the Management Team (2026-10-09) is dated after the first "
        "approval (2026-10-06); it must come before approval"
    ) in messages
    assert (
        "the portfolio_holder decision of 2026-10-06 is listed after one of 2026-10-09: "
        "list decisions in date order"
    ) in messages
    _edit(
        example_repo,
        RIVERSIDE,
        "    date: 2026-10-09\n    decision: discussed",
        "    date: 2026-12-09\n    decision: discussed",
    )
    messages = [
        f["message"] for f in _findings(runner, "APR006", "riverside-regeneration-partnership")
    ]
    assert (
        "the management_team decision is dated 2026-12-09, after today (2026-11-23): "
        "correct the date"
    ) in messages


def test_the_fingerprint_seals_the_decision_and_the_facts() -> None:
    from decimal import Decimal

    from partnerfw.judge.approved_facts import fingerprint
    from partnerfw.record.models import ApprovedFacts, DecisionMaker

    facts = ApprovedFacts(
        approved=dt.date(2024, 7, 16),
        reference="Cabinet minute 112",
        decided_by=[DecisionMaker(role="leader", name="Cllr Sunita Rao")],
        kind=Kind.PARTNERSHIP,
        classification="significant",
        council_resources=Decimal("52500"),
        partners=["Age UK Medley", "Medley Foodbank"],
        end=dt.date(2027, 3, 31),
    )
    sealed = fingerprint(facts)
    # Pinned: every council's recorded fingerprints depend on it. Anyone can recompute it: the
    # SHA-256 of this canonical JSON (sorted keys, no spaces, money to the penny).
    canonical = (
        '{"classification":"significant","council_resources":"52500.00","decision":'
        '{"date":"2024-07-16","decided_by":[["leader","Cllr Sunita Rao"]],"reference":'
        '"Cabinet minute 112"},"end":"2027-03-31","indefinite":false,"kind":"partnership",'
        '"partners":["Age UK Medley","Medley Foodbank"]}'
    )
    assert sealed == "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert sealed == "sha256:810367e40eac7c648b061fe4f6ee2319f40d6bc2806f522fb33417ec7145b7ec"
    same_money = facts.model_copy(update={"council_resources": Decimal("52500.00")})
    assert fingerprint(same_money) == sealed
    for change in (
        {"council_resources": Decimal("52501")},
        {"partners": ["Medley Foodbank", "Age UK Medley"]},
        {"end": dt.date(2028, 3, 31)},
        {"classification": "other"},
        {"reference": "Cabinet minute 113"},
        {"approved": dt.date(2024, 7, 17)},
        {"decided_by": [DecisionMaker(role="portfolio_holder", name="Cllr Sunita Rao")]},
    ):
        assert fingerprint(facts.model_copy(update=change)) != sealed, change


def test_facts_recorded_by_an_earlier_version_are_sealed_when_unchanged(
    example_repo: Path, runner: CliRunner
) -> None:
    _approve(runner)
    path = example_repo / RIVERSIDE
    text = path.read_text("utf-8")
    start = text.index("  decided_by:\n")
    legacy = text[:start] + text[text.index("  kind: partnership\n") :]
    end = legacy.index("\nmonitoring:\n") + 1
    legacy = legacy[: legacy.index("  fingerprint: ")] + legacy[end:]
    path.write_text(legacy, encoding="utf-8")
    [finding] = _findings(runner, "APR010", "riverside-regeneration-partnership")
    assert "do not record who took the decision" in finding["message"]

    _approve(runner)

    assert path.read_text("utf-8") == text
    assert _findings(runner, "APR010", "riverside-regeneration-partnership") == []
