"""GitHub shows every finding (issue 12.3): the step summary of `check --format github`,
`--format sarif` validated against the SARIF 2.1.0 schema, and file paths from the git
repository's root when the register lives in a subfolder."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.git.repo_paths import RepoPaths
from partnerfw.policy.project import open_project
from partnerfw.render.step_summary import md, render_summary
from partnerfw.rules import RULES
from partnerfw.rules.engine import run_check
from tests.bundled_register import ERRORS
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY, build_file_tree
from tests.records import DELETE, KINDS, yaml_text
from tests.records import TODAY as TODAY_DATE
from tests.trail_repo import GitRepo

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
SETTINGS = "council:\n  name: Medley District Council\n"
TRICKY = "[bold]100%[/bold] | *all* <b>cases</b> & `x`, see [here](http://x) #3\n@team a\\b"
ENV = ("GITHUB_STEP_SUMMARY", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")


@pytest.fixture(autouse=True)
def _outside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def _register(root: Path, partnerships: int = 1) -> None:
    """A register whose partnerships have an error, a warning and a note each; the first
    one's target is written with every character Markdown gives a meaning to."""
    files = {"partnerfw.yaml": SETTINGS}
    for kind in KINDS:
        files[f"register/{yaml_text(kind).split()[1]}.yaml"] = yaml_text(kind)
    for n in range(partnerships):
        record_id = f"medley-partnership-{n + 1:02d}"
        changes: dict[str, Any] = {
            "exit_strategy": DELETE,
            "evaluation.insurance_checked": False,
            "dates.indefinite": False,
            "dates.end": "2027-01-31",
        }
        if n == 0:
            changes |= {"monitoring.targets.0.owner": DELETE, "monitoring.targets.0.target": TRICKY}
        files[f"register/{record_id}.yaml"] = yaml_text(
            "partnership", changes, id=record_id, name=f"Medley Partnership {n + 1:02d}"
        )
    build_file_tree(root, files)


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _tables(markdown: str) -> list[list[list[str]]]:
    """Every table of the rendered Markdown, as rows of cell text (header row first)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and tables and token.map is not None:
            row.append("".join(_text(child) for child in token.children or []))
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


def _text(token: Any) -> str:
    if token.type in ("text", "code_inline", "html_inline"):
        return str(token.content)
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""


def _cited(finding: dict[str, Any]) -> str:
    """What a finding rests on, as every format shows it, from its JSON fields."""
    if finding["basis"] == "framework":
        return str(finding["reference"])
    return f"local: {finding['local']}" + (
        f"; {finding['reference']}" if finding["reference"] else ""
    )


# --- The step summary -----------------------------------------------------------------------


def test_github_format_appends_every_finding_to_the_step_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _register(tmp_path, partnerships=12)  # 12 errors: more than GitHub's 10 annotations
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "step_summary.md"
    summary.write_text("## Tests\n\nAll passed.\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    result = _run(runner, "check", "--format", "github", "--today", TODAY)

    assert result.exit_code == 1
    text = summary.read_text("utf-8")
    assert text.startswith("## Tests\n\nAll passed.\n## partnerfw check: Medley District Council\n")
    payload = json.loads(_run(runner, "check", "--format", "json", "--today", TODAY).stdout)
    findings = payload["findings"]
    arrangements = len(KINDS) + 12  # one clean baseline of each kind, and the 12 partnerships
    assert (
        f"{arrangements} arrangements in {arrangements} files: 12 errors, 13 warnings, 12 notes, "
        "as of 2026-11-23." in text
    )
    counts, by_rule, *details = _tables(text)
    assert counts == [
        ["Severity", "Findings"],
        ["Errors", "12"],
        ["Warnings", "13"],
        ["Notes", "12"],
    ]
    assert by_rule[0][-1] == "Basis"
    assert by_rule[1] == ["EXIT001", "error", "12", RULES["EXIT001"].title, "framework"]
    # MON009's reminder is the council's own rule.
    assert ["MON009", "note", "12", RULES["MON009"].title, "local"] in by_rule
    assert sum(int(row[2]) for row in by_rule[1:]) == len(findings)
    rows = [row for table in details for row in table[1:]]
    assert len(rows) == len(findings)  # every finding, not just the first 10 of each kind
    expected = [
        [f["file"], str(f["line"]), f["rule"], f["record"], _one_line(f["message"]), _cited(f)]
        for f in findings
    ]
    assert sorted(rows) == sorted(expected)  # escaped text renders back exactly as written
    said = f"target '{_one_line(TRICKY)}' does not say who is responsible for that action (owner)"
    assert any(said == row[4] for row in rows)
    assert re.search(r"<details open>\n<summary>Errors \(12\)</summary>", text)
    assert "<summary>Warnings (13)</summary>" in text


def test_the_summary_links_each_file_to_its_line_when_the_run_is_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _register(tmp_path)
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "medley-dc/partnerships")
    monkeypatch.setenv("GITHUB_SHA", "0123abc")

    _run(runner, "check", "--format", "github", "--today", TODAY)

    tokens = MarkdownIt("commonmark").enable("table").parse(summary.read_text("utf-8"))
    links = [
        child.attrs["href"]
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]
    blob = "https://github.com/medley-dc/partnerships/blob/0123abc/"
    assert f"{blob}register/medley-partnership-01.yaml#L1" in links  # EXIT001, at the top
    assert len(links) == 4 and all(link.startswith(blob) for link in links)


def test_no_summary_outside_actions_or_in_other_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _register(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _run(runner, "check", "--format", "github", "--today", TODAY).exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partnerfw.yaml", "register"]
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for output in ("text", "json", "sarif"):
        _run(runner, "check", "--format", output, "--today", TODAY)
    assert not summary.exists()


def test_a_summary_that_cannot_be_written_is_said_and_the_check_still_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _register(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "register"))  # a folder

    result = _run(runner, "check", "--format", "github", "--today", TODAY)

    assert result.exit_code == 1
    assert result.stdout.count("::error ") == 1
    assert "could not add the findings to the step summary" in result.stderr


def test_a_summary_too_big_for_github_leaves_out_the_least_severe_rows() -> None:
    project = open_project(EXAMPLE_REGISTER.parent)
    result = run_check(project, [project.register_dir], TODAY_DATE)
    whole = render_summary(result, str, council="Thamesbridge", as_of=TODAY_DATE)
    cut = render_summary(result, str, council="Thamesbridge", as_of=TODAY_DATE, budget=6000)

    assert len(cut.encode("utf-8")) <= 6000 < len(whole.encode("utf-8"))
    assert f"<summary>Errors ({ERRORS})</summary>" in cut
    assert re.search(r"\n\d+ findings not listed here: GitHub accepts at most 1 MiB", cut)
    listed = sum(len(table) - 1 for table in _tables(cut)[2:])
    missing = int(re.search(r"\n(\d+) findings not listed", cut).group(1))  # type: ignore[union-attr]
    assert listed + missing == len(result.findings)


def test_markdown_escaping_keeps_text_literal() -> None:
    for text in (TRICKY, "a\\b", "1. not a list", "<!-- x -->", "&amp; &copy;", "~~no~~", "$x$"):
        [[_header, [cell]]] = _tables(f"| h |\n| --- |\n| {md(text)} |\n")
        assert cell == " ".join(text.splitlines()).strip()


# --- SARIF --------------------------------------------------------------------------------


def _sarif(runner: CliRunner) -> dict[str, Any]:
    result = _run(runner, "check", "--format", "sarif", "--today", TODAY)
    assert result.exit_code == 1  # the same exit codes as every format
    log: dict[str, Any] = json.loads(result.stdout)
    Draft4Validator.check_schema(SCHEMA)
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], errors[:3]
    return log


def test_sarif_is_valid_and_carries_rules_and_results(
    example_repo: Path, runner: CliRunner
) -> None:
    log = _sarif(runner)

    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "partnerfw"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [c for c, r in RULES.items() if r.guidance is None]
    exit001 = next(r for r in rules if r["id"] == "EXIT001")
    assert exit001["properties"]["framework_reference"] == "Framework 2.10"
    assert exit001["help"]["text"].endswith("(Framework 2.10)")
    assert exit001["shortDescription"]["text"] == RULES["EXIT001"].title
    assert exit001["defaultConfiguration"] == {"level": "error"}
    findings = json.loads(_run(runner, "check", "--format", "json", "--today", TODAY).stdout)[
        "findings"
    ]
    results = run["results"]
    assert len(results) == len(findings)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(results, findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["rule"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"] == f"{finding['message']} ({_cited(finding)})"
        assert result["properties"]["basis"] == finding["basis"]
        assert result["properties"]["local_choice"] == finding["local"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": finding["file"], "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": finding["line"]}
    assert len({r["partialFingerprints"]["partnerfwFinding/v1"] for r in results}) == len(results)


def test_sarif_lists_a_rule_the_policy_switches_off_as_disabled(
    example_repo: Path, runner: CliRunner
) -> None:
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(
        settings.read_text("utf-8")
        + "rules:\n  EVA010: {severity: info, reason: Insurance is checked centrally}\n"
        "  AGR002: {enabled: false, reason: FOI officer named in the corporate policy}\n",
        encoding="utf-8",
    )
    rules = {r["id"]: r for r in _sarif(runner)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["EVA010"]["defaultConfiguration"] == {"level": "note"}
    assert rules["AGR002"]["defaultConfiguration"] == {"level": "warning", "enabled": False}


# --- Paths from the git repository's root -------------------------------------------------


@pytest.fixture
def subfolder_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A council's git repository holding its register in a subfolder with a space."""
    repo = GitRepo(tmp_path / "medley-governance")
    folder = repo.root / "partnerships register"
    _register(folder)
    repo.write({"README.md": "Medley's governance documents.\n"})
    repo.commit("Add the partnerships register")
    monkeypatch.chdir(folder / "register")  # run from inside the register, as officers do
    return repo.root


def test_annotations_and_sarif_name_files_from_the_repository_root(
    subfolder_repo: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = subfolder_repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = _run(runner, "check", "--format", "github", "--today", TODAY).stdout.splitlines()
    wanted = "partnerships register/register/medley-partnership-01.yaml"
    assert all(line.startswith("::") and f"file={wanted},line=" in line for line in github[:-1])
    assert {row[0] for table in _tables(summary.read_text("utf-8"))[2:] for row in table[1:]} == {
        wanted
    }

    log = _sarif(runner)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"partnerships%20register/register/medley-partnership-01.yaml"}
    # The json format keeps its documented contract: paths from the register repository.
    payload = json.loads(_run(runner, "check", "--format", "json", "--today", TODAY).stdout)
    assert {f["file"] for f in payload["findings"]} == {"register/medley-partnership-01.yaml"}


def test_outside_git_paths_are_those_of_the_register_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _register(tmp_path / "partnerships register")
    monkeypatch.chdir(tmp_path / "partnerships register")
    assert RepoPaths.find(Path.cwd()).repository_root is None
    github = _run(runner, "check", "--format", "github", "--today", TODAY).stdout
    assert "file=register/medley-partnership-01.yaml,line=" in github
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in _sarif(runner)["runs"][0]["results"]
    }
    assert uris == {"register/medley-partnership-01.yaml"}


def test_the_vendored_schema_is_the_official_oasis_one() -> None:
    assert SCHEMA["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    assert (REPO / "tests" / "fixtures" / "sarif" / "README.md").is_file()
