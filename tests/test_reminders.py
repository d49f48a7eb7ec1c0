"""`partnerfw reminders`: one GitHub issue per arrangement with monitoring due or overdue,
run against a real HTTP server on localhost that stands in for GitHub's REST API and records
every call (tests/github_stub.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.reminders import github as github_module
from partnerfw.reminders.text import md
from tests import records
from tests.github_stub import GitHubStub

SETTINGS = """\
council:
  name: Medley District Council
edition: revised
officers:
  - {name: Ann Officer, github: ann-officer}
  - Bob Lead
  - name: Cara Dean
    github: "@cara-dean"
councillors:
  - Cllr Ian Fletcher
"""


def _write(root: Path, record: dict[str, Any]) -> None:
    path = root / "council" / "register" / f"{record['id']}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(records.text(record), encoding="utf-8")


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A council's repository with its register in a subfolder (council/), three
    arrangements of different kinds: a partnership with a budget report overdue, a shared
    service whose lead officer has no GitHub account, and a network with nothing due."""
    root = tmp_path / "repo"
    (root / "council").mkdir(parents=True)
    (root / "council" / "partnerfw.yaml").write_text(SETTINGS, encoding="utf-8")
    _write(
        root,
        records.data(
            "partnership",
            {"monitoring.budget_reports": [records.TODAY.replace(month=6, day=30)]},
            id="food-network",
            name="Medley Food Network | <script>alert(1)</script> @everyone",
        ),
    )
    _write(
        root,
        records.data(
            "shared_service",
            {"lead_officer.name": "Bob Lead"},
            id="shared-audit",
            name="Shared Internal Audit",
        ),
    )
    network = records.data("informal_network", id="finance-officers", name="Finance Officers")
    network["monitoring"]["annual_reviews"].append(records.TODAY.replace(month=10, day=1))
    _write(root, network)
    _git(root, "init", "-q", "-b", "main")
    monkeypatch.chdir(root / "council")
    monkeypatch.setattr(github_module, "WRITE_PAUSE_SECONDS", 0.0)
    return root


def _run(runner: CliRunner, stub: GitHubStub, *args: str, token: str | None = None) -> Any:
    env = {
        "GITHUB_REPOSITORY": stub.repository,
        "GITHUB_TOKEN": stub.token if token is None else token,
        "GITHUB_API_URL": stub.url,
        "GITHUB_SERVER_URL": "https://github.example",
    }
    return runner.invoke(app, ["reminders", *args], env=env, catch_exceptions=False)


def _record(root: Path, record_id: str, **changes: Any) -> None:
    path = root / "council" / "register" / f"{record_id}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    for dotted, value in changes.items():
        records.set_path(data, dotted, value)
    path.write_text(records.text(data), encoding="utf-8")


def test_run_twice_opens_one_issue_each_then_updates_then_closes_when_the_record_shows_it_done(
    council: Path, runner: CliRunner
) -> None:
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        first = _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert first.exit_code == 0, first.output
        assert sorted(i["title"] for i in stub.issues.values()) == [
            "Medley Food Network | <script>alert(1)</script> @everyone: 2 items due, 1 overdue",
            "Shared Internal Audit: 1 item due",
        ]
        food = next(i for i in stub.issues.values() if i["title"].startswith("Medley"))
        audit = next(i for i in stub.issues.values() if i["title"].startswith("Shared"))
        assert [a["login"] for a in food["assignees"]] == ["ann-officer"]
        assert audit["assignees"] == []
        assert "no GitHub account is recorded for Bob Lead" in audit["body"]
        assert [lab["name"] for lab in food["labels"]] == [
            "partnerfw reminder",
            "kind: partnership",
            "overdue",
        ]
        assert [lab["name"] for lab in audit["labels"]][1:] == ["kind: shared service", "due soon"]
        link = "https://github.example/thamesbridge/partnerships/blob/HEAD/"
        assert f"({link}council/register/food-network.yaml)" in food["body"]
        assert food["body"].startswith("<!-- partnerfw-reminder: food-network -->\n")
        assert "| Budget monitoring report | 30 September 2026 | **Overdue** |" in food["body"]
        assert "| Framework 4.5\\(e\\) |" in food["body"]
        assert "<script>" not in food["body"] and "@everyone" not in food["body"]
        assert "Opened #1 for food-network" in first.stdout
        created = [c for c in stub.writes() if c.path.endswith("/issues")]
        assert len(created) == 2

        # The same day again: nothing to change, three reads.
        calls = len(stub.calls)
        again = _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert "2 reminders already up to date: #1, #2" in again.stdout
        assert [c.method for c in stub.calls[calls:]] == ["GET", "GET", "GET"]

        # A week later the annual reviews (30 November) are overdue and the next budget
        # report (30 December) is within 30 days: both issues updated.
        calls = len(stub.calls)
        later = _run(runner, stub, "--apply", "--today", "2026-12-01")
        assert later.exit_code == 0, later.output
        assert len(stub.issues) == 2
        assert audit["title"] == "Shared Internal Audit: 2 items due, 1 overdue"
        assert [lab["name"] for lab in audit["labels"]][-1] == "overdue"
        assert stub.comments[2][-1].startswith("The register changed (as at 1 December 2026):")
        assert "- Now overdue: Annual review, due 30 November 2026" in stub.comments[2][-1]
        assert "- Newly due: Budget monitoring report, due 30 December 2026" in stub.comments[2][-1]
        assert "Updated #2 for shared-audit: Now overdue: Annual review" in later.stdout
        assert {c.method for c in stub.calls[calls:]} == {"GET", "PATCH", "POST"}
        assert not [c for c in stub.writes() if c.path.endswith("/issues")][2:]

        # The officers record the work: both issues close, with a comment saying why.
        _record(
            council,
            "food-network",
            **{
                "monitoring.budget_reports.1": "2026-11-28",
                "monitoring.annual_reviews.2": "2026-11-25",
            },
        )
        _record(
            council,
            "shared-audit",
            **{
                "monitoring.budget_reports.2": "2026-11-30",
                "monitoring.annual_reviews.2": "2026-11-29",
            },
        )
        done = _run(runner, stub, "--apply", "--today", "2026-12-01")
        assert done.exit_code == 0, done.output
        assert [i["state"] for i in stub.issues.values()] == ["closed", "closed"]
        assert food["state_reason"] == "completed"
        close = stub.comments[1][-1]
        assert (
            f"[council/register/food-network.yaml]({link}council/register/food-network.yaml)"
            in close
        )
        assert "No longer due:" in close and "Budget monitoring report" in close
        assert "Closed #1 for food-network" in done.stdout
        assert len(stub.issues) == 2  # never a duplicate


def test_something_due_again_reopens_the_same_issue(council: Path, runner: CliRunner) -> None:
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        _run(runner, stub, "--apply", "--today", "2026-11-23")
        stub.issues[1]["state"] = "closed"  # closed by hand, work not recorded
        result = _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert "Reopened #1 for food-network" in result.stdout
        assert stub.issues[1]["state"] == "open" and len(stub.issues) == 2
        assert stub.comments[1][-1].startswith("Reopened: as at 23 November 2026")


def test_a_persons_labels_and_other_issues_are_left_alone(council: Path, runner: CliRunner) -> None:
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        other = stub.add_issue("Fix the footer", "Not a reminder", ["partnerfw reminder"])
        _run(runner, stub, "--apply", "--today", "2026-11-23")
        number = next(n for n, i in stub.issues.items() if "food-network" in i["body"])
        stub.issues[number]["labels"].append(stub._label("priority", "ff0000", ""))
        _run(runner, stub, "--apply", "--today", "2026-12-01")
        names = [lab["name"] for lab in stub.issues[number]["labels"]]
        assert "priority" in names and "overdue" in names
        assert (
            stub.issues[other]["state"] == "open"
            and stub.issues[other]["title"] == "Fix the footer"
        )
        assert not [c for c in stub.calls if c.path.endswith(f"/issues/{other}")]


def test_dry_run_is_the_default_and_only_reads(council: Path, runner: CliRunner) -> None:
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        result = _run(runner, stub, "--today", "2026-11-23")
        assert result.exit_code == 0
        assert {c.method for c in stub.calls} == {"GET"}
        assert "Would create the label 'partnerfw reminder'" in result.stdout
        assert "Would open an issue for food-network: " in result.stdout
        assert "assigned to @ann-officer" in result.stdout
        assert "Dry run: nothing was changed on GitHub; add --apply to do it." in result.stdout
        assert stub.issues == {}


def test_without_a_token_a_dry_run_still_lists_what_is_due(
    council: Path, runner: CliRunner
) -> None:
    result = runner.invoke(
        app,
        ["reminders", "--today", "2026-11-23"],
        env={"GITHUB_TOKEN": None, "GITHUB_REPOSITORY": None},
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert "Would open an issue for food-network" in result.stdout
    assert "Would open an issue for shared-audit" in result.stdout
    assert "finance-officers" not in result.stdout
    assert "the existing issues were not read" in result.stdout


@pytest.mark.parametrize(
    ("setup", "token", "expected"),
    [
        ("none", "", "no GitHub token: set GITHUB_TOKEN"),
        ("none", "wrong", "GitHub refused the token (401 ('Bad credentials'))"),
        ("rate", None, "GitHub's rate limit is reached until 00:00 UTC; run again later"),
        ("forbidden", None, "'permissions: issues: write'"),
        ("repository", None, "GitHub found no repository 'someone/else' (404"),
    ],
)
def test_github_refusals_are_plain_messages(
    council: Path, runner: CliRunner, setup: str, token: str | None, expected: str
) -> None:
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        stub.rate_limited = setup == "rate"
        stub.forbidden = setup == "forbidden"
        args = ["--apply", "--today", "2026-11-23"]
        if setup == "repository":
            args += ["--repository", "someone/else"]
        result = _run(runner, stub, *args, token=token)
        assert result.exit_code == 2
        assert expected in result.stderr
        assert "Traceback" not in result.output


def test_github_unreachable_is_a_plain_message(council: Path, runner: CliRunner) -> None:
    with GitHubStub() as stub:
        url = stub.url
    result = runner.invoke(
        app,
        ["reminders", "--today", "2026-11-23", "--repository", "a/b", "--api-url", url],
        env={"GITHUB_TOKEN": "x"},
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert f"GitHub's API at {url} cannot be reached" in result.stderr


def test_an_account_without_access_is_not_assigned_and_the_issue_says_why(
    council: Path, runner: CliRunner
) -> None:
    with GitHubStub(collaborators=set()) as stub:
        result = _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert result.exit_code == 0, result.output
        food = stub.issues[1]
        assert food["assignees"] == []
        assert "`ann-officer` recorded for Ann Officer cannot be assigned" in food["body"]


def test_many_reminders_are_listed_across_pages(council: Path, runner: CliRunner) -> None:
    """More reminder issues than one page of the API holds: each still found, none doubled."""
    for number in range(120):
        record = records.data(
            "informal_network", id=f"network-{number:03}", name=f"Network {number}"
        )
        _write(council, record)
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert len(stub.issues) == 122
        _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert len(stub.issues) == 122
        pages = [
            c.query.get("page", "1")
            for c in stub.calls
            if c.path.endswith("/issues") and c.method == "GET"
        ]
        assert pages[-2:] == ["1", "2"]


def test_markdown_escapes_record_text() -> None:
    assert md("A | B <b>") == "A \\| B \\<b\\>"
    assert md("@team") == "@\u200bteam"
    assert md("line\nbreak  here") == "line break here"


def test_help_names_the_environment(runner: CliRunner) -> None:
    result = runner.invoke(app, ["reminders", "--help"], catch_exceptions=False)
    for name in ("GITHUB_REPOSITORY", "GITHUB_TOKEN", "GITHUB_API_URL", "--apply", "--dry-run"):
        assert name in result.stdout


def test_a_record_that_cannot_be_read_keeps_its_reminder_open(
    council: Path, runner: CliRunner
) -> None:
    with GitHubStub(collaborators={"ann-officer"}) as stub:
        _run(runner, stub, "--apply", "--today", "2026-11-23")
        path = council / "council" / "register" / "food-network.yaml"
        path.write_text(path.read_text("utf-8") + "\n  broken: [\n", "utf-8")
        result = _run(runner, stub, "--apply", "--today", "2026-11-23")
        assert result.exit_code == 0, result.output
        assert "warning: 1 record file could not be read" in result.stdout
        assert "register/food-network.yaml" in result.stdout
        assert [i["state"] for i in stub.issues.values()] == ["open", "open"]
