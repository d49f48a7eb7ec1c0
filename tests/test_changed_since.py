"""partnerfw check --changed-since REF: only the records a pull request changed, plus the checks
across records, on a real git repository."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import REPO, TODAY
from tests.trail_repo import GitRepo


@pytest.fixture
def register_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    shutil.copytree(REPO / "register", repo.root / "register")
    shutil.copy(REPO / "partnerfw.yaml", repo.root / "partnerfw.yaml")
    repo.commit("The register")
    repo.branch("change")
    monkeypatch.chdir(repo.root)
    return repo


def _check(runner: CliRunner, *extra: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY, *extra], catch_exceptions=False
    )
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_only_changed_records_plus_cross_record_checks(
    register_repo: GitRepo, runner: CliRunner
) -> None:
    riverside = register_repo.root / "register/riverside-regeneration-partnership.yaml"
    riverside.write_text(riverside.read_text().replace("reference: 'PR #41'", "reference: ''"))
    register_repo.commit("Edit riverside")
    food = (register_repo.root / "register/food-bank-partnership.yaml").read_text()
    (register_repo.root / "register/food-bank-copy.yaml").write_text(food)  # untracked

    code, payload, stderr = _check(runner, "--changed-since", "main")
    assert "checking the records changed since main" in stderr
    assert code == 1
    assert [r["id"] for r in payload["records"]] == [  # type: ignore[index]
        "food-bank-partnership",
        "riverside-regeneration-partnership",
    ]
    by_file = {(f["file"], f["rule"]) for f in payload["findings"]}  # type: ignore[index]
    files = {file for file, _ in by_file}
    assert files == {
        "register/food-bank-copy.yaml",
        "register/food-bank-partnership.yaml",
        "register/riverside-regeneration-partnership.yaml",
    }
    # the unchanged food-bank-partnership.yaml is only reported by the cross-record check
    assert {rule for file, rule in by_file if file == "register/food-bank-partnership.yaml"} == {
        "REG001"
    }
    assert ("register/riverside-regeneration-partnership.yaml", "APR006") in by_file
    assert payload["summary"]["records"] == 2  # type: ignore[index]

    _, everything, _ = _check(runner)
    assert len(everything["records"]) == 18  # type: ignore[arg-type]


def test_nothing_changed_checks_nothing(register_repo: GitRepo, runner: CliRunner) -> None:
    code, payload, _ = _check(runner, "--changed-since", "main")
    assert code == 0
    assert payload["records"] == [] and payload["findings"] == []


def test_settings_change_checks_every_record(register_repo: GitRepo, runner: CliRunner) -> None:
    settings = register_repo.root / "partnerfw.yaml"
    settings.write_text(settings.read_text().replace("edition: revised", "edition: earlier"))
    code, payload, stderr = _check(runner, "--changed-since", "main")
    assert "partnerfw.yaml changed since main: checking every record" in stderr
    assert code == 1
    assert len(payload["records"]) == ARRANGEMENTS  # type: ignore[arg-type]


def test_unknown_ref_and_no_git_exit_2(
    register_repo: GitRepo, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = runner.invoke(app, ["check", "--changed-since", "nope"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "--changed-since nope: no such commit, branch or tag" in result.stderr
    plain = tmp_path / "plain"
    shutil.copytree(REPO / "register", plain / "register")
    shutil.copy(REPO / "partnerfw.yaml", plain / "partnerfw.yaml")
    monkeypatch.chdir(plain)
    result = runner.invoke(app, ["check", "--changed-since", "main"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "needs a git repository" in result.stderr
