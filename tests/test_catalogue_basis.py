"""What every finding rests on, end to end: the framework's paragraph or the council's own
choice (a local rule, a local setting, a matter the framework review leaves open that the
council turned on), as `check` prints it in every format and `rules` lists it; the open
matters not enforced until a council turns them on; and an edition called in force only when
an adoption says so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.rules import RULES
from partnerfw.rules.sources import LOCAL_RULES
from tests.conftest import build_file_tree
from tests.records import DELETE, TODAY, yaml_text

DAY = TODAY.isoformat()
SETTINGS = "council: {name: Medley District Council}\nedition: revised\n"


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _register(root: Path, settings: str = SETTINGS) -> None:
    """One partnership with a framework gap (no exit strategy), an overdue performance report
    (the council's six-monthly period), a 'do nothing' answer without customers and residents,
    and an end date in the council's reminder window (its own rule, MON009)."""
    record = yaml_text(
        "partnership",
        {
            "exit_strategy": DELETE,
            "monitoring.performance_reports": ["2026-04-15"],
            "evaluation.do_nothing.customers_and_residents": DELETE,
            "dates.indefinite": False,
            "dates.end": "2027-01-31",
        },
    )
    build_file_tree(root, {"partnerfw.yaml": settings, "register/test-partnership.yaml": record})


def _findings(runner: CliRunner) -> dict[str, dict[str, Any]]:
    payload = json.loads(_run(runner, "check", "--format", "json", "--today", DAY).stdout)
    return {f["rule"]: f for f in payload["findings"]}


def test_text_output_marks_what_each_finding_rests_on(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(tmp_path)
    monkeypatch.chdir(tmp_path)
    lines = _run(runner, "check", "--today", DAY).stdout.splitlines()
    said = {line.split()[2]: line for line in lines if line.startswith("  ") and len(line) > 20}
    assert said["EXIT001"].endswith("(Framework 2.10)")
    assert said["MON009"].endswith("(local: the council's own rule)")
    assert "Appendix 3" not in said["MON009"]  # no framework paragraph for its own reminder
    assert said["MON002"].endswith(
        "(local: the council's setting intervals.performance_report_months = 6; Framework 4.5(c))"
    )


def test_json_github_and_sarif_say_the_same(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(tmp_path)
    monkeypatch.chdir(tmp_path)
    found = _findings(runner)
    assert (found["EXIT001"]["basis"], found["EXIT001"]["local"]) == ("framework", None)
    assert found["MON009"] | {"message": ""} == found["MON009"] | {
        "message": "",
        "basis": "local",
        "local": "the council's own rule",
        "reference": "",
    }
    assert found["MON002"]["basis"] == "local"
    assert found["MON002"]["reference"] == "Framework 4.5(c)"
    github = _run(runner, "check", "--format", "github", "--today", DAY).stdout
    assert "title=MON009 (local%3A the council's own rule)::" in github
    assert "title=EXIT001 (Framework 2.10)::" in github
    log = json.loads(_run(runner, "check", "--format", "sarif", "--today", DAY).stdout)
    [run] = log["runs"]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["MON009"]["properties"]["basis"] == "local"
    assert by_rule["MON009"]["message"]["text"].endswith("(local: the council's own rule)")
    assert by_rule["EXIT001"]["properties"] | {"record": ""} == {
        "record": "",
        "framework_reference": "Framework 2.10",
        "basis": "framework",
        "local_choice": None,
    }
    descriptors = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert descriptors["MON009"]["properties"]["basis"] == "local"
    assert descriptors["MON009"]["properties"]["framework_reference"] == ""
    assert descriptors["MON009"]["help"]["text"].endswith(f"(local: {LOCAL_RULES['MON009']})")
    assert descriptors["EXIT001"]["properties"]["basis"] == "framework"


def test_a_council_setting_becomes_a_local_basis_unless_it_cites_the_framework(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Budget monitoring every month is the council's own period unless it says which
    paragraph asks it; either way the finding says so."""
    record = yaml_text("partnership", {"monitoring.budget_reports": ["2026-09-30"]})
    monthly = SETTINGS + "policy:\n  intervals: {budget_monitoring_months: 1}\n"
    build_file_tree(tmp_path, {"partnerfw.yaml": monthly, "register/test-partnership.yaml": record})
    monkeypatch.chdir(tmp_path)
    mon001 = _findings(runner)["MON001"]
    assert mon001["local"] == "the council's setting intervals.budget_monitoring_months = 1"
    (tmp_path / "partnerfw.yaml").write_text(
        monthly + "  sources:\n    intervals.budget_monitoring_months: {framework: "
        "'Framework 4.5(e) (monthly is more than the minimum)'}\n",
        encoding="utf-8",
    )
    assert _findings(runner)["MON001"]["basis"] == "framework"


# --- matters the framework review leaves open ------------------------------------------------


def test_an_open_matter_is_not_enforced_until_the_council_turns_it_on(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert "EVA009" not in _findings(runner)
    local = _run(runner, "rules", "--local", "--today", DAY).stdout
    assert "Matters the framework review leaves open" in local
    assert (
        "  do_nothing_customers_and_residents (EVA009): not enforced "
        "(do_nothing_customers_and_residents = no; the council may turn it on)"
    ) in local
    assert "undertook to look into the inclusion of customers and residents" in local
    assert "  urgent_need_criteria (APR005): no setting to turn on" in local

    _register(
        tmp_path,
        SETTINGS + "policy:\n  do_nothing_customers_and_residents: true\n  sources:\n"
        "    do_nothing_customers_and_residents: {local: 'Cabinet 12 January 2027, minute 40'}\n",
    )
    eva009 = _findings(runner)["EVA009"]
    assert "customers and residents" in eva009["message"]
    assert eva009["basis"] == "local"
    assert eva009["local"].startswith("the open matter do_nothing_customers_and_residents")
    local = _run(runner, "rules", "--local", "--today", DAY).stdout
    assert "turned on by the council (do_nothing_customers_and_residents = yes)" in local
    assert "the council's reason: Cabinet 12 January 2027, minute 40" in local
    payload = json.loads(_run(runner, "rules", "--local", "--format", "json").stdout)
    [matter] = [m for m in payload["open_matters"] if m["setting"]]
    assert (matter["matter"], matter["enforced"], matter["rules"]) == (
        "do_nothing_customers_and_residents",
        True,
        ["EVA009"],
    )


# --- partnerfw rules -------------------------------------------------------------------------


def test_rules_lists_each_rules_basis(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = _run(runner, "rules", "--today", DAY).stdout
    lines = {line.split()[0]: line for line in text.splitlines() if line[:1].isupper()}
    assert lines["EXIT001"].split()[1:3] == ["error", "framework"]
    assert lines["EXIT001"].endswith("(Framework 2.10)")
    assert lines["APR010"].split()[1:3] == ["error", "local"]
    assert lines["APR010"].endswith("(the council's own rule)")
    assert lines["GUIDE015"].split()[1:3] == ["guidance", "framework"]
    assert "some findings local: how decisions are kept" in text
    # APR006 says which rule a start before approval is.
    assert "(Entering into the arrangement before approval is APR013, an error.)" in text
    payload = json.loads(_run(runner, "rules", "--format", "json", "--today", DAY).stdout)
    entries = {e["code"]: e for e in payload["rules"]}
    assert set(entries) == set(RULES)
    for code, entry in entries.items():
        assert entry["basis"] == ("local" if code in LOCAL_RULES else "framework")
        assert bool(entry["reference"]) == (code not in LOCAL_RULES)
    assert entries["APR006"]["partly_local"].startswith("how decisions are kept")


@pytest.mark.parametrize(
    ("settings", "first_line", "in_force"),
    [
        (
            None,
            "Edition 'revised', partnerfw's default (no partnerfw.yaml): not in force, since "
            "no decision adopting it is recorded; checks follow it.",
            False,
        ),
        (
            "council: {name: X}\nedition: revised\n",
            "Edition 'revised', as partnerfw.yaml names it: not in force, since no decision "
            "adopting it is recorded; checks follow it.",
            False,
        ),
        (
            "council: {name: X}\neditions:\n  - edition: earlier\n  - edition: revised\n"
            "    from: 2025-04-01\n    decision: Full Council 26 March 2025, minute 31\n",
            "Edition 'revised' (in force from 2025-04-01, Full Council 26 March 2025, minute "
            "31), in force now",
            True,
        ),
        (
            "council: {name: X}\nedition: earlier\n",
            "Edition 'earlier' (in force; adoption date not recorded), in force now",
            True,
        ),
    ],
    ids=["no-settings", "named-not-adopted", "adopted", "earlier-adopted-by-its-record"],
)
def test_an_edition_is_called_in_force_only_when_an_adoption_says_so(
    settings: str | None,
    first_line: str,
    in_force: bool,
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if settings is not None:
        build_file_tree(tmp_path, {"partnerfw.yaml": settings})
    monkeypatch.chdir(tmp_path)
    text = _run(runner, "rules", "--today", DAY).stdout
    assert text.splitlines()[0].startswith(first_line)
    if not in_force:
        assert "in force now" not in text
        assert "The edition's own record: noted" in text
    payload = json.loads(_run(runner, "rules", "--format", "json", "--today", DAY).stdout)
    assert payload["edition"]["in_force"] is in_force
    local = _run(runner, "rules", "--local", "--today", DAY).stdout
    assert local.splitlines()[1].strip().startswith(first_line)
