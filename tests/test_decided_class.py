"""A council's own classification (decided_classification), end to end: check reports a
disagreement with both reasons, and classify, the reports and the site show the decided class
with what the policy's test would say."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import build_file_tree
from tests.records import yaml_text

SETTINGS = "council:\n  name: Medley District Council\nedition: revised\nregister: register\n"
DECIDED = {
    "classification": "significant",
    "decided_by": "Cabinet",
    "date": dt.date(2024, 3, 5),
    "reference": "Cabinet minute 2024/17",
    "reason": "it carries the borough's homelessness duty",
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    records = {
        # £20,000: 'other' under the revised edition, but Cabinet decided it is significant.
        # Approved through the 'other' route only.
        "test-partnership": yaml_text(
            "partnership",
            {
                "decided_classification": DECIDED,
                "approvals": [
                    {
                        "role": role,
                        "name": f"Holder of {role}",
                        "date": dt.date(2021, 1, 12),
                        "reference": f"Decision notice {role}",
                    }
                    for role in ("director", "leader", "portfolio_holder")
                ],
            },
        ),
        # £60,000: significant, but Management Team decided it is 'other'.
        "big-partnership": yaml_text(
            "partnership",
            {
                "id": "big-partnership",
                "name": "Big Partnership",
                "council_resources.dedicated_budget": 50000,
                "decided_classification": {
                    **DECIDED,
                    "classification": "other",
                    "decided_by": "Management Team",
                    "reason": None,
                },
            },
        ),
    }
    files = {"partnerfw.yaml": SETTINGS}
    files |= {f"register/{k}.yaml": v for k, v in records.items()}
    build_file_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.stdout


def test_check_reports_the_disagreement_with_both_reasons(repo: Path, runner: CliRunner) -> None:
    payload = json.loads(_run(runner, "check", "--format", "json", "--today", "2026-11-23"))
    found = {f["record"]: f for f in payload["findings"] if f["rule"] == "CLS011"}
    heavier, lighter = found["test-partnership"], found["big-partnership"]
    assert heavier["severity"] == "info"
    assert heavier["reference"] == "Framework 1.9"
    assert heavier["message"].startswith(
        "Cabinet decided on 2024-03-05 (Cabinet minute 2024/17) that this is a significant "
        "partnership: it carries the borough's homelessness duty; the policy's test gives an "
        "other partnership: £20,000 council resources < £50,000 threshold;"
    )
    assert lighter["severity"] == "warning"
    assert "(no reason recorded: add one)" in lighter["message"]
    assert "£60,000 council resources >= £50,000 threshold" in lighter["message"]
    assert "the Monitoring Officer should confirm it" in lighter["message"]
    # The decided class sets the route: the significant route for the first record.
    route = [
        f
        for f in payload["findings"]
        if f["rule"] == "APR003" and f["record"] == "test-partnership"
    ]
    assert [f["reference"] for f in route] == ["Framework 2.11.1"]
    assert "lacks discussion at the Management Team" in route[0]["message"]
    classes = {r["id"]: r["classification"] for r in payload["records"]}
    assert classes == {"test-partnership": "significant", "big-partnership": "other"}


def test_classify_reports_and_site_show_the_decided_class(repo: Path, runner: CliRunner) -> None:
    rows = json.loads(_run(runner, "classify", "--format", "json"))["records"]
    reason = {r["id"]: r["reason"] for r in rows}["test-partnership"]
    assert reason.startswith(
        "decided by Cabinet on 2024-03-05 (Cabinet minute 2024/17): it carries the borough's "
        "homelessness duty; the policy would class it as an other partnership (£20,000"
    )
    annual = _run(runner, "report", "annual", "--as-of", "2026-11-23", "--format", "md")
    assert (
        "Significant partnership (decided by Cabinet; the policy's test gives an other partnership)"
    ) in annual
    result = runner.invoke(
        app, ["build", "--out", "site", "--today", "2026-11-23"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    index = (repo / "site" / "index.html").read_text("utf-8")
    assert (
        'Other partnership<br><span class="class-note">decided by Management Team; the '
        "policy&#39;s test gives a significant partnership</span>"
    ) in index
    page = (repo / "site" / "arrangements" / "test-partnership.html").read_text("utf-8")
    assert "the policy would class it as an other partnership" in page


@pytest.mark.parametrize(
    ("decided", "kind", "words", "code"),
    [
        (
            {**DECIDED, "classification": "signficant"},
            "partnership",
            "not one of the policy's classes (significant, other) (did you mean 'significant'?)",
            "CLS011",
        ),
        (
            {**DECIDED, "reference": None},
            "partnership",
            "decided_classification.reference",
            "DATA004",
        ),
        (DECIDED, "commissioning", "only belongs to a partnership", "DATA004"),
    ],
    ids=["misspelt", "no-reference", "not-a-partnership"],
)
def test_a_bad_decided_class_is_a_located_finding(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
    decided: dict[str, object],
    kind: str,
    words: str,
    code: str,
) -> None:
    """A decided class the policy does not have is checked against the policy (CLS011, the
    classes are the council's), the rest against the record format (DATA004)."""
    source = yaml_text(kind, {"decided_classification": decided})
    record_id = source.split("\n", 1)[0].removeprefix("id: ")
    build_file_tree(tmp_path, {"partnerfw.yaml": SETTINGS, f"register/{record_id}.yaml": source})
    monkeypatch.chdir(tmp_path)
    payload = json.loads(_run(runner, "check", "--format", "json", "--today", "2026-11-23"))
    [problem] = [f for f in payload["findings"] if f["rule"] == code]
    assert words in problem["message"]
    assert problem["severity"] == "error"
    lines = source.splitlines()
    at = next(i for i, text in enumerate(lines, 1) if text.startswith("decided_classification"))
    assert at <= problem["line"] <= at + 5
