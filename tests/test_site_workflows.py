"""The GitHub workflows: valid YAML, the official Pages actions, and only commands that exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import REPO, TODAY

WORKFLOWS = REPO / ".github" / "workflows"


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> Any:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict[Any, Any]) -> list[str]:
    return [
        line.strip()
        for step in steps(workflow)
        if "run" in step
        for line in step["run"].splitlines()
        if line.strip()
    ]


def make_targets() -> set[str]:
    text = (REPO / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.MULTILINE))


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_workflow_is_valid_and_calls_only_what_exists(name: str) -> None:
    workflow = load(name)
    assert workflow["name"] and triggers(workflow) and workflow["jobs"]
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for step in steps(workflow):
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
    for line in run_lines(workflow):
        words = shlex.split(line)
        if words[0] == "make":
            assert set(words[1:]) <= make_targets(), line
        else:
            assert words[0].endswith("partnerfw"), f"unexpected command: {line}"
            command = commands[words[1]]
            command.make_context(words[1], words[2:])  # rejects unknown options
        readme = (REPO / "README.md").read_text("utf-8")
        assert line.replace(".venv/bin/", "") in readme, f"README does not show `{line}`"


def test_check_runs_on_pull_requests_with_github_annotations(
    runner: CliRunner, example_repo: Path
) -> None:
    workflow = load("check.yml")
    assert "pull_request" in triggers(workflow)
    (line,) = [x for x in run_lines(workflow) if "partnerfw check" in x]
    args = shlex.split(line)[1:]
    result = runner.invoke(app, [*args, "--today", TODAY], catch_exceptions=False)
    assert result.exit_code == 1  # the example register has gaps: the job fails, annotated
    assert re.search(
        r"^::error file=register/[a-z-]+\.yaml,line=\d+,title=", result.stdout, re.MULTILINE
    )


def test_check_runs_codeowners_check_which_fails_on_a_stale_file(
    runner: CliRunner, example_repo: Path
) -> None:
    (line,) = [x for x in run_lines(load("check.yml")) if "partnerfw codeowners" in x]
    args = shlex.split(line)[1:]
    assert args == ["codeowners", "--check"]
    assert runner.invoke(app, ["codeowners"], catch_exceptions=False).exit_code == 0
    assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
    record = example_repo / "register" / "youth-sports-partnership.yaml"
    record.write_text(
        record.read_text("utf-8").replace(  # past the threshold: significant
            "dedicated_budget: 40000", "dedicated_budget: 400000", 1
        ),
        "utf-8",
    )
    stale = runner.invoke(app, args, catch_exceptions=False)
    assert stale.exit_code == 1 and "stale" in stale.output


def test_publish_checks_out_the_whole_history_for_the_pages_history() -> None:
    checkout = next(
        s for s in steps(load("publish.yml")) if s.get("uses", "").startswith("actions/checkout@")
    )
    assert checkout["with"]["fetch-depth"] == 0


def test_publish_builds_the_site_and_deploys_it_to_pages() -> None:
    workflow = load("publish.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    upload = next(s for s in steps(workflow) if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    site_target = re.search(
        r"^site:.*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text("utf-8"), re.MULTILINE
    )
    assert site_target and "partnerfw build --out site" in site_target.group(1)
    assert workflow["jobs"]["deploy"]["needs"] == "build"
