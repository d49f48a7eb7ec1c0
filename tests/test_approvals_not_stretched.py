"""An approval cannot be stretched (issue 11.1): approved facts belong to a decision.

Every test drives a real git repository in a temp folder, as a council's register repository
is driven on GitHub: the decision is entered and the facts recorded in one pull request, the
arrangement grows in a later one, and `check` and `approved-facts` are run as an officer would.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.findings import Severity
from partnerfw.git.decision_commit import with_decision_commits
from partnerfw.judge.approved_facts import fingerprint
from partnerfw.policy.project import open_project
from partnerfw.record.loading import parse_record
from partnerfw.rules.engine import run_check
from tests.trail_repo import SETTINGS, GitRepo

TODAY = "2026-11-23"
LEGAL = "register/northvale-shared-legal-service.yaml"
LEGAL_ID = "northvale-shared-legal-service"

# A joint management shared service, approved by the Leader with the Portfolio Holder at
# Cabinet (3.10.1): £64,000 of council staff time, one partner council.
SHARED_LEGAL = """id: northvale-shared-legal-service
name: Northvale and Thamesbridge Shared Legal Service
kind: shared_service
status: active
summary: One legal team for two councils, hosted by Northvale.
lead_officer:
  name: Priya Chandran
  title: Head of Legal and Democratic Services
department: Corporate Services
dates:
  start: 2026-04-01
  end: 2031-03-31
partners:
  - name: Northvale District Council
    sector: public
    contribution: 96000
council_resources:
  staff_fte: 1.6
  staff_cost: 64000
shared_service:
  type: joint_management
  host_authority: Northvale District Council
  legal_basis: Section 113 Local Government Act 1972
approvals:
  - role: leader
    name: Cllr David Marsh
    date: 2026-03-10
    decision: approved
    reference: Cabinet minute 45
  - role: portfolio_holder
    name: Cllr Joanne Pike
    date: 2026-03-10
    decision: approved
    reference: Cabinet minute 45
"""


def _grown(text: str) -> str:
    """The service a year on: a third council joins and the council's staff time grows."""
    text = text.replace("staff_cost: 64000", "staff_cost: 81000")
    return text.replace(
        "    contribution: 96000\n",
        "    contribution: 96000\n  - name: Eastmere Borough Council\n    sector: public\n",
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    repo = GitRepo(tmp_path / "register-repo")
    repo.commit("Start the register", {"partnerfw.yaml": SETTINGS, LEGAL: SHARED_LEGAL})
    monkeypatch.chdir(repo.root)
    return repo


def repo_text(repo: GitRepo, name: str = LEGAL) -> str:
    return (repo.root / name).read_text("utf-8")


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _findings(runner: CliRunner, rule: str) -> list[dict[str, Any]]:
    result = _run(runner, "check", "--format", "json", "--today", TODAY)
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == rule]


def _messages(runner: CliRunner, rule: str) -> list[str]:
    return [f["message"] for f in _findings(runner, rule)]


NEW_DECISION = """  - role: leader
    name: Cllr David Marsh
    date: 2026-11-20
    decision: approved
    reference: Cabinet minute 71
  - role: portfolio_holder
    name: Cllr Joanne Pike
    date: 2026-11-20
    decision: approved
    reference: Cabinet minute 71
"""


def _with_decision(text: str, decision: str = NEW_DECISION) -> str:
    """The record with ``decision`` entered at the end of its approvals."""
    head, marker, tail = text.partition("approved_facts:")
    return head + decision + marker + tail if marker else text + decision


def _widen_by_hand(text: str) -> str:
    """What a determined editor might do instead of seeking a new decision: rewrite the
    approved facts to the grown figures and work out a matching fingerprint."""
    text = text.replace("  council_resources: 64000\n", "  council_resources: 81000\n")
    text = text.replace(
        "    - Northvale District Council\n  end:",
        "    - Northvale District Council\n    - Eastmere Borough Council\n  end:",
    )
    record, problems = parse_record(text.encode("utf-8"), LEGAL)
    assert record is not None, problems
    facts = record.arrangement.approved_facts
    assert facts is not None and facts.fingerprint is not None
    return text.replace(facts.fingerprint, fingerprint(facts))


def _approved_and_grown(repo: GitRepo, runner: CliRunner) -> None:
    """Cabinet's decision recorded with its facts (squashed PR #7), then the service grown in
    a later pull request (PR #9) without a new decision."""
    repo.branch("record-cabinet-decision")
    assert _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY).exit_code == 0
    repo.commit("Record what Cabinet approved", who="Priya Chandran")
    repo.squash_pr(7, "record-cabinet-decision", "Record Cabinet minute 45", who="Graham Oduya")
    repo.branch("eastmere-joins")
    repo.commit("Eastmere joins", {LEGAL: _grown(repo_text(repo))}, who="Priya Chandran")
    repo.squash_pr(9, "eastmere-joins", "Eastmere joins the legal service", who="Graham Oduya")


def test_rerunning_approved_facts_without_a_new_decision_does_not_widen_the_approval(
    repo: GitRepo, runner: CliRunner
) -> None:
    """The loophole: approve, record the facts, grow the arrangement, run approved-facts again
    with no new decision. The old approval must not come to cover the bigger arrangement."""
    assert _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY).exit_code == 0
    repo.commit("Record what Cabinet approved (minute 45)")
    repo.commit("Eastmere joins the shared legal service", {LEGAL: _grown(repo_text(repo))})
    stale = _findings(runner, "APR009")
    assert len(stale) == 2  # the partners changed; the council resources grew past the margin

    before = repo_text(repo)
    again = _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY)

    assert again.exit_code == 2
    assert repo_text(repo) == before  # nothing written
    assert _findings(runner, "APR009") == stale  # the approval still does not cover it

    message = " ".join(again.stderr.split())
    assert (
        "the approved facts belong to the decision of 2026-03-10 (Cabinet minute 45) and the "
        "record has changed since (council resources from £64,000 to £81,000; partners added "
        "Eastmere Borough Council)" in message
    )
    assert "a change needs a new decision, dated after 2026-03-10" in message
    assert "add the decision under approvals (role, name, date, reference)" in message
    assert message.endswith("Nothing was written.")


def test_a_new_decision_after_the_change_is_recorded_and_check_is_clean(
    repo: GitRepo, runner: CliRunner
) -> None:
    _approved_and_grown(repo, runner)
    repo.branch("cabinet-approves-eastmere")
    repo.write({LEGAL: _with_decision(repo_text(repo))})

    recorded = _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY)

    assert recorded.exit_code == 0, recorded.stderr
    assert recorded.stdout == (
        f"{LEGAL}: recorded what the decision of 2026-11-20 (Cabinet minute 71) covers\n"
    )
    assert "not committed yet" in recorded.stderr  # said, not hidden
    text = repo_text(repo)
    assert (
        "approved_facts:\n  approved: 2026-11-20\n  reference: Cabinet minute 71\n"
        "  decided_by:\n    - role: leader\n      name: Cllr David Marsh\n"
        "    - role: portfolio_holder\n      name: Cllr Joanne Pike\n"
        "  kind: shared_service\n  classification: joint_management\n"
        "  council_resources: 81000\n  partners:\n    - Northvale District Council\n"
        "    - Eastmere Borough Council\n  end: 2031-03-31\n  indefinite: false\n"
        "  fingerprint: sha256:"
    ) in text
    repo.commit("Cabinet minute 71: Eastmere joins", who="Priya Chandran")
    repo.squash_pr(12, "cabinet-approves-eastmere", "Record Cabinet minute 71", who="Graham Oduya")
    for rule in ("APR009", "APR010", "APR011"):
        assert _messages(runner, rule) == [], rule


def test_facts_widened_by_hand_are_reported_against_the_decisions_commit(
    repo: GitRepo, runner: CliRunner
) -> None:
    _approved_and_grown(repo, runner)
    repo.branch("tidy-facts")
    repo.commit("Tidy the approved facts", {LEGAL: _widen_by_hand(repo_text(repo))})
    repo.squash_pr(10, "tidy-facts", "Tidy the approved facts", who="Graham Oduya")
    start = repo.git("rev-list", "--max-parents=0", "HEAD").strip()

    assert _messages(runner, "APR009") == []  # the facts now match the grown record
    assert _messages(runner, "APR010") == []  # and their fingerprint matches them
    [finding] = _findings(runner, "APR011")

    assert finding["severity"] == "error"
    assert finding["line"] == repo_text(repo).splitlines().index("approved_facts:") + 1
    assert finding["message"] == (
        "the approved facts do not match the record as it stood when the decision of "
        f"2026-03-10 (Cabinet minute 45) was entered (commit {start[:7]} of 2026-09-01): "
        "since then they were changed (council resources from £64,000 to £81,000; partners "
        "added Eastmere Borough Council) without a new decision. A decision covers what it "
        "saw: restore approved_facts as that commit had them, or seek a new decision through "
        "the route for its class and record it with 'partnerfw approved-facts "
        f"{LEGAL_ID}'"
    )
    result = _run(runner, "check", "--today", TODAY)
    assert result.exit_code == 1


def test_the_check_core_reads_no_git_the_command_adds_the_decisions_commit(
    repo: GitRepo, runner: CliRunner
) -> None:
    """``run_check`` judges the files alone; comparing with the decision's commit is a step the
    command adds, its findings under the council's rule settings like every other."""
    _approved_and_grown(repo, runner)
    repo.branch("tidy-facts")
    repo.commit("Tidy the approved facts", {LEGAL: _widen_by_hand(repo_text(repo))})
    repo.squash_pr(10, "tidy-facts", "Tidy the approved facts", who="Graham Oduya")
    repo.write(
        {
            "partnerfw.yaml": SETTINGS
            + "rules:\n  APR011: {severity: warning, reason: Reviewed at each committee.}\n"
        }
    )
    project = open_project(repo.root)
    today = dt.date.fromisoformat(TODAY)

    alone = run_check(project, [project.register_dir], today)
    with_git = with_decision_commits(alone, project, today)

    assert [f for f in alone.findings if f.rule == "APR011"] == []
    [added] = [f for f in with_git.findings if f.rule == "APR011"]
    assert added.severity is Severity.WARNING  # the council's setting, not the rule's error
    assert [f for f in with_git.findings if f.rule != "APR011"] == alone.findings
    assert with_git.findings == sorted(with_git.findings)
    assert _findings(runner, "APR011") == [added.as_dict()]  # what check reports


def test_facts_edited_without_their_fingerprint_are_reported_without_git(
    repo: GitRepo, runner: CliRunner
) -> None:
    _approved_and_grown(repo, runner)
    text = repo_text(repo).replace("  council_resources: 64000\n", "  council_resources: 81000\n")
    repo.write({LEGAL: text})

    [finding] = _findings(runner, "APR010")

    assert finding["severity"] == "error"
    assert finding["message"].startswith(
        "the approved facts of the decision of 2026-03-10 (Cabinet minute 45) were edited "
        "after they were recorded"
    )
    lines = text.splitlines()
    assert finding["line"] == 1 + next(
        n for n, line in enumerate(lines) if line.startswith("  fingerprint:")
    )


def test_a_decision_already_on_the_record_before_the_change_cannot_cover_it(
    repo: GitRepo, runner: CliRunner
) -> None:
    renewal = NEW_DECISION.replace("2026-11-20", "2026-06-15").replace(
        "Cabinet minute 71", "Cabinet minute 12"
    )
    assert _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY).exit_code == 0
    repo.commit("Record what Cabinet approved")
    repo.commit("Cabinet reaffirms the service", {LEGAL: _with_decision(repo_text(repo), renewal)})
    reaffirmed = repo.head()
    repo.commit("Eastmere joins", {LEGAL: _grown(repo_text(repo))})
    grown = repo.head()
    before = repo_text(repo)

    refused = _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY)

    assert refused.exit_code == 2
    assert repo_text(repo) == before
    message = " ".join(refused.stderr.split())
    assert (
        f"the decision of 2026-06-15 (Cabinet minute 12) was entered in commit {reaffirmed[:7]} "
        f"of 2026-09-01, and the record changed after it, in commit {grown[:7]} of 2026-09-01 "
        "(council resources from £64,000 to £81,000; partners added Eastmere Borough Council)"
    ) in message
    assert "A decision covers what it saw, not a later change" in message


def test_one_refusal_writes_nothing_for_any_record(repo: GitRepo, runner: CliRunner) -> None:
    other = "register/eastmere-building-control.yaml"
    control = (
        SHARED_LEGAL.replace(LEGAL_ID, "eastmere-building-control")
        .replace("Northvale and Thamesbridge Shared Legal Service", "Shared Building Control")
        .replace("reference: Cabinet minute 45", "reference: Cabinet minute 46")
    )
    repo.commit("Add building control", {other: control})
    assert _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY).exit_code == 0
    repo.commit("Record what Cabinet approved", {LEGAL: _grown(repo_text(repo))})

    both = _run(runner, "approved-facts", "eastmere-building-control", LEGAL_ID, "--today", TODAY)

    assert both.exit_code == 2
    assert repo_text(repo, other) == control
    assert f"{LEGAL}: the approved facts belong to" in both.stderr
    assert "eastmere-building-control.yaml:" not in both.stderr
    alone = _run(runner, "approved-facts", "eastmere-building-control", "--today", TODAY)
    assert alone.exit_code == 0, alone.stderr


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            ("    reference: Cabinet minute 45\n", ""),
            "the portfolio_holder decision of 2026-03-10 has no reference: add the committee "
            "minute, decision notice or pull request under approvals.1.reference",
        ),
        (
            ("date: 2026-03-10", "date: 2026-12-01"),
            "the decision is dated 2026-12-01, after today (2026-11-23)",
        ),
    ],
    ids=["no-reference", "dated-after-today"],
)
def test_a_decision_without_its_particulars_is_refused(
    repo: GitRepo, runner: CliRunner, change: tuple[str, str], words: str
) -> None:
    text = SHARED_LEGAL[::-1].replace(change[0][::-1], change[1][::-1], 1)[::-1]
    repo.write({LEGAL: text})

    refused = _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY)

    assert refused.exit_code == 2
    assert words in " ".join(refused.stderr.split())
    assert repo_text(repo) == text


def test_outside_git_check_says_it_could_not_compare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "partnerfw.yaml").write_text(SETTINGS, encoding="utf-8")
    (tmp_path / LEGAL).write_text(SHARED_LEGAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    recorded = _run(runner, "approved-facts", LEGAL_ID, "--today", TODAY)

    assert recorded.exit_code == 0
    assert "not checked against git: this register is not in a git repository" in recorded.stderr
    [note] = _findings(runner, "APR011")
    assert note["severity"] == "info"
    assert note["message"].startswith(
        "the approved facts of the decision of 2026-03-10 (Cabinet minute 45) were not checked "
        "against git: this register is not in a git repository"
    )


def test_a_shallow_clone_that_misses_the_decisions_commit_warns(
    repo: GitRepo, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _approved_and_grown(repo, runner)
    shallow = tmp_path / "ci-checkout"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow))
    monkeypatch.chdir(shallow)

    [warning] = _findings(runner, "APR011")

    assert warning["severity"] == "warning"
    assert "shallow clone" in warning["message"]
    assert "fetch-depth: 0" in warning["message"]
    full = tmp_path / "full-checkout"
    repo.git("clone", "-q", f"file://{repo.root}", str(full))
    monkeypatch.chdir(full)
    assert _findings(runner, "APR011") == []


def test_the_decisions_commit_is_found_across_a_rename(repo: GitRepo, runner: CliRunner) -> None:
    _approved_and_grown(repo, runner)
    renamed = "register/northvale-legal-service.yaml"
    repo.git("mv", LEGAL, renamed)
    text = _widen_by_hand(repo_text(repo, renamed)).replace(
        f"id: {LEGAL_ID}", "id: northvale-legal-service"
    )
    repo.commit("Shorter id; tidy the approved facts", {renamed: text})
    start = repo.git("rev-list", "--max-parents=0", "HEAD").strip()

    [finding] = _findings(runner, "APR011")

    assert finding["file"] == renamed
    assert f"was entered (commit {start[:7]} of 2026-09-01)" in finding["message"]
