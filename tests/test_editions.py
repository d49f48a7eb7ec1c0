"""Editions in force by date (partnerfw.yaml 'editions:' and 'draft:'), end to end: an approval
is judged against the edition in force on its decision date, a live record against --today's,
and a change of edition never re-judges a past approval."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import build_file_tree
from tests.records import yaml_text

D = dt.date
COUNCIL = "council:\n  name: Medley District Council\nregister: register\n"
SCHEDULE = (
    COUNCIL
    + """editions:
  - edition: earlier
    decision: Medley Policy Framework, 2016
  - edition: revised
    from: 2025-04-01
    decision: Full Council 26 March 2025, minute 31
"""
)


def _approval(role: str, day: dt.date, decision: str = "approved") -> dict[str, Any]:
    return {
        "role": role,
        "name": f"Holder of {role}",
        "date": day,
        "decision": decision,
        "reference": f"Minute {role} {day}",
    }


def _significant_route(day: dt.date) -> list[dict[str, Any]]:
    """What the earlier edition asked of a £20,000 partnership (significant under £10,000)."""
    return [
        _approval("management_team", day - dt.timedelta(days=7), "discussed"),
        _approval("portfolio_holder", day),
        _approval("leader", day),
    ]


def _other_route(day: dt.date) -> list[dict[str, Any]]:
    """What the revised edition asks of a £20,000 partnership ('other' under £50,000)."""
    return [
        _approval("director", day),
        _approval("leader", day),
        _approval("portfolio_holder", day),
    ]


def _partnership(record_id: str, approvals: list[dict[str, Any]]) -> str:
    return yaml_text(
        "partnership",
        {"approvals": approvals, "id": record_id, "name": record_id.replace("-", " ").title()},
    )


RECORDS = {
    # Approved in 2024 through the earlier edition's significant route: stays valid.
    "riverside-forum": _partnership("riverside-forum", _significant_route(D(2024, 6, 3))),
    # Approved in 2025 through the revised edition's route for an 'other' partnership.
    "warm-spaces": _partnership("warm-spaces", _other_route(D(2025, 6, 2))),
    # Approved in 2024 through the 'other' route, though the earlier edition (then in force)
    # made it significant: a real gap, judged as it was then.
    "tenancy-support": _partnership("tenancy-support", _other_route(D(2024, 6, 3))),
}


def _repo(root: Path, settings: str, records: dict[str, str] | None = None) -> None:
    files = {"partnerfw.yaml": settings}
    files |= {f"register/{k}.yaml": v for k, v in (records or RECORDS).items()}
    build_file_tree(root, files)


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output, result.output
    return result


def _findings(runner: CliRunner, rule: str, today: str = "2026-11-23") -> dict[str, list[Any]]:
    result = _run(runner, "check", "--format", "json", "--today", today)
    payload = json.loads(result.stdout)
    found: dict[str, list[Any]] = {}
    for f in payload["findings"]:
        if f["rule"] == rule:
            found.setdefault(f["record"], []).append(f)
    return found


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_approval_is_judged_under_the_edition_in_force_on_its_date(
    repo: Path, runner: CliRunner
) -> None:
    # Before the revised edition is adopted, the earlier one judges every approval.
    _repo(repo, COUNCIL + "edition: earlier\n")
    before = _findings(runner, "APR003")
    assert set(before) == {"warm-spaces", "tenancy-support"}
    assert "lacks discussion at the Management Team" in before["tenancy-support"][0]["message"]

    # The revised edition is adopted from 2025-04-01: the 2024 approval through the earlier
    # significant route stays valid, and the note says so; the 2025 approval is judged under
    # the revised edition; the 2024 gap is still judged as it was then, and says so.
    _repo(repo, SCHEDULE)
    after = _findings(runner, "APR003")
    assert set(after) == {"riverside-forum", "tenancy-support"}
    [note] = after["riverside-forum"]
    assert note["severity"] == "info"
    assert note["message"] == (
        "approved on 2024-06-03 as a significant partnership through the route of the "
        "'earlier' edition then in force (discussion at the Management Team, then approval by "
        "the Cabinet Portfolio Holder and the Leader of the Executive, Framework 2.11.1): the "
        "approval stays valid. The 'revised' edition in force now would class it as an other "
        "partnership (approval by the Director, the Leader of the Executive and the Cabinet "
        "Portfolio Holder, Framework 2.11.2); a new approval would follow that route"
    )
    [gap] = after["tenancy-support"]
    assert gap["severity"] == "error"
    assert gap["message"].endswith(
        "(judged under the 'earlier' edition, in force when it was approved on 2024-06-03)"
    )
    assert gap["reference"] == "Framework 2.11.1"


def test_without_a_schedule_the_new_edition_would_re_judge_the_old_approval(
    repo: Path, runner: CliRunner
) -> None:
    """An old partnerfw.yaml ('edition: revised') still works: one edition throughout."""
    _repo(repo, COUNCIL + "edition: revised\n")
    found = _findings(runner, "APR003")
    assert set(found) == {"riverside-forum"}
    assert "lacks approval by the Director" in found["riverside-forum"][0]["message"]


def test_a_live_record_is_judged_by_the_edition_in_force_on_today(
    repo: Path, runner: CliRunner
) -> None:
    _repo(repo, SCHEDULE)
    classes = {}
    for today in ("2025-03-31", "2025-04-01"):
        result = _run(runner, "classify", "--format", "json", "--today", today)
        payload = json.loads(result.stdout)
        classes[today] = {r["id"]: r["classification"] for r in payload["records"]}
        assert payload["policy"] == ("earlier" if today == "2025-03-31" else "revised")
    assert set(classes["2025-03-31"].values()) == {"significant"}
    assert set(classes["2025-04-01"].values()) == {"other"}
    # The shared service review from year three is the revised edition's and a live
    # requirement: judged by the edition in force on --today, whichever approved the service.
    shutil.rmtree(repo / "register")
    lapsed = {"monitoring.shared_service_reviews": [], "dates.start": D(2021, 4, 1)}
    _repo(repo, SCHEDULE, {"test-shared-service": yaml_text("shared_service", lapsed)})
    assert _findings(runner, "MON006", "2025-03-31") == {}
    [due] = _findings(runner, "MON006", "2025-04-16")["test-shared-service"]
    assert "the shared service review was due by 2023-04-01" in due["message"]
    assert "judged under" not in due["message"]


def test_an_approved_fact_class_is_not_stale_because_the_edition_changed(
    repo: Path, runner: CliRunner
) -> None:
    facts = {
        "approved": D(2024, 6, 3),
        "reference": "Minute leader 2024-06-03",
        "kind": "partnership",
        "classification": "significant",
        "council_resources": 20000,
        "partners": ["Thamesbridge Housing Trust"],
        "indefinite": True,
    }
    record = yaml_text(
        "partnership",
        {
            "approvals": _significant_route(D(2024, 6, 3)),
            "approved_facts": facts,
            "id": "riverside-forum",
        },
    )
    _repo(repo, SCHEDULE, {"riverside-forum": record})
    assert _findings(runner, "APR009") == {}
    # Under one edition throughout (the revised), the same record would look reclassified.
    _repo(repo, COUNCIL + "edition: revised\n", {"riverside-forum": record})
    [stale] = _findings(runner, "APR009")["riverside-forum"]
    assert "its class changed from significant to other" in stale["message"]


@pytest.mark.parametrize(
    ("settings", "line", "words"),
    [
        (COUNCIL + "edition: revised\neditions:\n  - edition: earlier\n", 5, "not both"),
        (
            COUNCIL + "editions:\n  - edition: earlier\n  - edition: revised\n",
            4,
            "'revised' needs 'from:'",
        ),
        (
            COUNCIL + "editions:\n  - edition: revised\n    from: 2025-04-01\n",
            5,
            "name the decision that adopted it",
        ),
        (
            COUNCIL + "editions:\n  - edition: earlier\n    from: 2025-04-01\n    decision: x\n"
            "  - edition: revised\n    from: 2020-01-01\n    decision: y\n",
            4,
            "oldest first",
        ),
        (COUNCIL + "editions:\n  - edition: revisd\n", 5, "neither a built-in edition"),
    ],
    ids=["both", "undated", "no-decision", "out-of-order", "unknown-edition"],
)
def test_a_bad_schedule_is_a_located_policy_finding(
    repo: Path, runner: CliRunner, settings: str, line: int, words: str
) -> None:
    _repo(repo, settings, {"warm-spaces": RECORDS["warm-spaces"]})
    result = _run(runner, "check", "--format", "json", "--today", "2026-11-23")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    [problem] = [f for f in payload["findings"] if f["rule"] == "POL001"]
    assert problem["file"] == "partnerfw.yaml"
    assert words in problem["message"]
    assert problem["line"] == line, problem
    assert payload["records"], "the records are still checked"


def test_the_draft_is_what_classify_and_the_reclassification_report_compare_with(
    repo: Path, runner: CliRunner
) -> None:
    settings = (
        COUNCIL
        + "edition: earlier\ndraft:\n  edition: revised\n  status: noted by the Performance "
        "& Administration Committee; to Cabinet, then Full Council\n"
        "  policy:\n    intervals: {grace_days: 7}\n"
    )
    _repo(repo, settings)
    result = _run(runner, "classify", "--compare", "--today", "2026-11-23")
    assert "3 arrangements change class between 'earlier' (now) and 'draft (revised)'" in (
        result.stdout
    )
    named = _run(runner, "classify", "--compare-policy", "draft", "--today", "2026-11-23")
    assert named.stdout == result.stdout
    paper = _run(runner, "report", "reclassification", "--as-of", "2026-11-23", "--format", "md")
    assert paper.exit_code == 0, paper.output
    assert "('draft (revised)')" in paper.stdout
    # The draft carries the council's own override, marked as its own choice.
    local = _run(runner, "rules", "--local", "--edition", "draft")
    assert "intervals.grace_days = 7\n      local: set in partnerfw.yaml" in local.stdout


def test_compare_draft_without_a_draft_says_what_to_do(repo: Path, runner: CliRunner) -> None:
    _repo(repo, SCHEDULE)
    result = _run(runner, "classify", "--compare-policy", "draft")
    assert result.exit_code == 2
    assert "partnerfw.yaml holds no draft" in result.output


def test_rules_shows_the_edition_in_force_and_its_standing(repo: Path, runner: CliRunner) -> None:
    _repo(repo, SCHEDULE)
    shown = _run(runner, "rules", "--today", "2024-01-01").stdout
    assert shown.startswith(
        "Edition 'earlier' (in force; adoption date not recorded), until 2025-03-31\n"
    )
    shown = _run(runner, "rules", "--today", "2026-01-01").stdout
    assert shown.startswith(
        "Edition 'revised' (in force from 2025-04-01, Full Council 26 March 2025, minute 31), "
        "in force now\nThe edition's own record: noted;"
    )
