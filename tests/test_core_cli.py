"""The command-line contract of `partnerfw check`: exit codes, the json and github formats,
cross-record checks, and `python -m partnerfw`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import open_project
from partnerfw.rules.engine import run_check
from tests.conftest import TODAY, build_file_tree
from tests.records import DELETE, KINDS, yaml_text
from tests.records import TODAY as TODAY_DATE

SETTINGS = "council:\n  name: Test Borough Council\n"
CLEAN = {f"register/{yaml_text(k).split()[1]}.yaml": yaml_text(k) for k in KINDS}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_file_tree(tmp_path, {"partnerfw.yaml": SETTINGS, **CLEAN})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(repo: Path, record_id: str, source: str) -> None:
    (repo / "register" / f"{record_id}.yaml").write_text(source, encoding="utf-8")


def _run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


# --- Exit codes ---------------------------------------------------------------------------


def test_a_clean_register_exits_0(repo: Path, runner: CliRunner) -> None:
    result = _run(runner, "check", "--today", TODAY)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == (
        f"{len(KINDS)} arrangements in {len(KINDS)} files: 0 errors, 0 warnings, 0 notes"
    )
    assert _run(runner, "check", "--today", TODAY, "--strict").exit_code == 0


def test_errors_exit_1(repo: Path, runner: CliRunner) -> None:
    _write(repo, "test-partnership", yaml_text("partnership", {"exit_strategy": DELETE}))
    result = _run(runner, "check", "--today", TODAY)
    assert result.exit_code == 1
    assert "EXIT001" in result.stdout
    assert "1 error, 0 warnings" in result.stdout


def test_warnings_alone_exit_0_unless_strict(repo: Path, runner: CliRunner) -> None:
    _write(
        repo, "test-partnership", yaml_text("partnership", {"evaluation.insurance_checked": False})
    )
    assert _run(runner, "check", "--today", TODAY).exit_code == 0
    strict = _run(runner, "check", "--today", TODAY, "--strict")
    assert strict.exit_code == 1
    assert "0 errors, 1 warning" in strict.stdout


def test_notes_alone_never_fail(repo: Path, runner: CliRunner) -> None:
    _write(
        repo,
        "test-partnership",
        yaml_text("partnership", {"dates.indefinite": False, "dates.end": "2027-01-31"}),
    )
    result = _run(runner, "check", "--today", TODAY, "--strict")
    assert "MON009" in result.stdout
    assert result.exit_code == 0


def test_a_proposed_record_with_to_dos_does_not_fail_the_build(
    repo: Path, runner: CliRunner
) -> None:
    _write(
        repo,
        "test-partnership",
        yaml_text("partnership", {"approvals": DELETE, "exit_strategy": DELETE}, status="proposed"),
    )
    result = _run(runner, "check", "--today", TODAY)
    assert result.exit_code == 0
    assert "before approval: no exit strategy" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "xml"], "--format 'xml' is not one of: text, json, github, sarif"),
        (["check", "--today", "31/11/2026"], "--today '31/11/2026' is not a date"),
        (["check", "--today", "2026-02-30"], "is not a date"),
        (["check", "--config", "nosuch.yaml"], "--config nosuch.yaml: no such file"),
        (["check", "nosuch-folder"], "nosuch-folder: no such file or folder"),
        (["classify", "--format", "github"], "--format 'github' is not one of: text, json"),
        (["rules", "--format", "csv"], "--format 'csv' is not one of: text, json"),
    ],
)
def test_a_command_that_cannot_run_exits_2_with_a_plain_message(
    repo: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    result = _run(runner, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["check", "classify"])
def test_a_missing_register_folder_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner, command: str
) -> None:
    (tmp_path / "partnerfw.yaml").write_text(SETTINGS)
    monkeypatch.chdir(tmp_path)
    result = _run(runner, command)
    assert result.exit_code == 2
    assert "register: no such file or folder" in result.stderr


@pytest.mark.parametrize("output", ["text", "github"])
def test_an_empty_register_folder_checks_clean(repo: Path, runner: CliRunner, output: str) -> None:
    """A new register repository (partnerfw init) has no records yet: its CI is green."""
    for path in (repo / "register").iterdir():
        path.unlink()
    (repo / "register" / "README.md").write_text("One file per arrangement.\n")
    result = _run(runner, "check", "--format", output)
    assert result.exit_code == 0, result.output
    assert "no arrangements yet" in result.stdout
    classified = _run(runner, "classify")
    assert classified.exit_code == 0 and "no arrangements yet" in classified.stdout


def test_paths_limit_the_check_to_those_files(repo: Path, runner: CliRunner) -> None:
    _write(repo, "test-partnership", yaml_text("partnership", {"exit_strategy": DELETE}))
    only = _run(runner, "check", "--today", TODAY, "--format", "json", "register/test-network.yaml")
    assert only.exit_code == 0
    assert [r["id"] for r in json.loads(only.stdout)["records"]] == ["test-network"]


def test_today_decides_what_is_overdue(repo: Path, runner: CliRunner) -> None:
    # The baselines' last budget report is 2026-09-30: due 2026-12-30, overdue after 14 days.
    assert _run(runner, "check", "--today", "2027-01-13").exit_code == 0
    late = _run(runner, "check", "--today", "2027-01-14")
    assert late.exit_code == 1
    assert "budget monitoring overdue" in late.stdout


# --- Output formats -----------------------------------------------------------------------


def _with_findings(repo: Path) -> None:
    _write(
        repo,
        "test-partnership",
        yaml_text(
            "partnership",
            {
                "exit_strategy": DELETE,
                "evaluation.insurance_checked": False,
                "dates.indefinite": False,
                "dates.end": "2027-01-31",
            },
        ),
    )


def test_json_format_is_the_documented_contract(repo: Path, runner: CliRunner) -> None:
    _with_findings(repo)
    result = _run(runner, "check", "--today", TODAY, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert {"records", "findings", "summary"} <= set(payload)
    assert len(payload["records"]) == len(KINDS)
    for record in payload["records"]:
        assert {"id", "file", "kind", "classification", "status"} <= set(record)
        assert record["file"] == f"register/{record['id']}.yaml"
    by_id = {r["id"]: r for r in payload["records"]}
    assert by_id["test-partnership"]["classification"] == "other"
    assert by_id["test-trust"]["classification"] == "out_of_scope"
    findings = payload["findings"]
    assert {f["rule"] for f in findings} == {"EXIT001", "EVA010", "MON009"}
    for finding in findings:
        assert {"rule", "severity", "record", "file", "line", "message", "reference"} <= set(
            finding
        )
        assert finding["record"] == "test-partnership"
        assert finding["file"] == "register/test-partnership.yaml"
        assert isinstance(finding["line"], int) and finding["line"] >= 1
        # Added to the contract: what each finding rests on. MON009's reminder is the council's
        # own rule, so it cites no framework paragraph; the others cite theirs.
        assert finding["basis"] in ("framework", "local")
        if finding["rule"] == "MON009":
            assert (finding["basis"], finding["local"]) == ("local", "the council's own rule")
            assert finding["reference"] == ""
        else:
            assert (finding["basis"], finding["local"]) == ("framework", None)
            assert finding["reference"].startswith(("Framework", "Appendix"))
    summary = payload["summary"]
    assert summary["records"] == summary["files"] == len(KINDS)
    assert (summary["error"], summary["warning"], summary["info"]) == (1, 1, 1)


def test_github_format_annotates_each_finding(repo: Path, runner: CliRunner) -> None:
    _with_findings(repo)
    result = _run(runner, "check", "--today", TODAY, "--format", "github")
    lines = result.stdout.splitlines()
    pattern = re.compile(
        r"^::(error|warning|notice) file=register/test-partnership\.yaml,"
        r"line=(\d+),title=([A-Z]+\d{3}) \((.*?)\)::(.+)$"
    )
    annotations = [pattern.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    levels = {m.group(3): m.group(1) for m in annotations if m}
    assert levels == {"EXIT001": "error", "EVA010": "warning", "MON009": "notice"}
    # Properties are escaped: a reference with a comma or colon cannot break the annotation.
    assert all("," not in m.group(4) and ":" not in m.group(4) for m in annotations if m)
    assert (
        lines[-1] == f"{len(KINDS)} arrangements in {len(KINDS)} files: 1 error, 1 warning, 1 note"
    )


def test_text_format_groups_findings_by_file_with_lines(repo: Path, runner: CliRunner) -> None:
    _with_findings(repo)
    result = _run(runner, "check", "--today", TODAY)
    lines = result.stdout.splitlines()
    assert lines[0] == "register/test-partnership.yaml"
    assert re.search(
        r"^\s+\d+\s+error\s+EXIT001\s+no exit strategy: .*\(Framework 2\.10\)$",
        "\n".join(lines),
        re.MULTILINE,
    )


def test_a_message_with_markup_characters_is_printed_as_written(
    repo: Path, runner: CliRunner
) -> None:
    _write(
        repo,
        "test-partnership",
        yaml_text(
            "partnership",
            {
                "monitoring.targets.0.owner": DELETE,
                "monitoring.targets.0.target": "[bold]100%[/bold] of cases, 50% 'on time'",
            },
        ),
    )
    result = _run(runner, "check", "--today", TODAY)
    assert (
        "target '[bold]100%[/bold] of cases, 50% 'on time'' does not say who is responsible "
        "for that action (owner)" in " ".join(result.stdout.split())
    )
    github = _run(runner, "check", "--today", TODAY, "--format", "github").stdout
    assert "[bold]100%25[/bold] of cases, 50%25" in github


# --- Cross-record checks ------------------------------------------------------------------


def test_duplicate_ids_are_reported_in_both_files(repo: Path) -> None:
    source = yaml_text("informal_network")
    _write(repo, "test-network-copy", source)
    project = open_project(repo)
    result = run_check(project, [project.register_dir], TODAY_DATE)
    duplicates = [f for f in result.findings if f.rule == "REG001"]
    assert sorted(f.file for f in duplicates) == [
        "register/test-network-copy.yaml",
        "register/test-network.yaml",
    ]
    for finding in duplicates:
        assert finding.line == 1
        assert finding.severity.value == "error"
        assert "used by 2 files" in finding.message
        assert "give each arrangement its own id" in finding.message


def test_a_file_not_named_after_its_id(repo: Path) -> None:
    source = "# The council's finance officers.\n" + yaml_text("informal_network")
    (repo / "register" / "test-network.yaml").unlink()
    _write(repo, "finance-officers", source)
    project = open_project(repo)
    result = run_check(project, [project.register_dir], TODAY_DATE)
    (finding,) = [f for f in result.findings if f.rule == "REG002"]
    assert finding.file == "register/finance-officers.yaml"
    assert finding.line == 2  # the id: line, after the comment
    assert "rename the file to test-network.yaml or correct the id" in finding.message
    assert not [f for f in result.findings if f.rule == "REG001"]


def test_likely_duplicates_are_reported_in_both_files_until_marked_distinct(
    repo: Path, runner: CliRunner
) -> None:
    """REG006: 'Thamesbridge C.S.P.' and 'Community Safety Partnership Thamesbridge' are
    likely one arrangement; each record's finding names the other's file and line."""
    _write(
        repo,
        "thamesbridge-csp",
        yaml_text("partnership", id="thamesbridge-csp", name="Thamesbridge C.S.P."),
    )
    _write(
        repo,
        "csp-thamesbridge",
        "# Entered from the old register.\n"
        + yaml_text(
            "partnership", id="csp-thamesbridge", name="Community Safety Partnership Thamesbridge"
        ),
    )
    result = _run(runner, "check", "--today", TODAY, "--format", "json")
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "REG006"]
    assert [(f["file"], f["line"], f["severity"]) for f in found] == [
        ("register/csp-thamesbridge.yaml", 3, "warning"),
        ("register/thamesbridge-csp.yaml", 2, "warning"),
    ]
    assert found[1]["message"] == (
        "'Thamesbridge C.S.P.' may be the same arrangement as 'Community Safety Partnership "
        "Thamesbridge' (register/csp-thamesbridge.yaml:3, score 1.00; CSP = community safety "
        "partnership): merge the two records into one, or if they are different arrangements "
        "add 'distinct_from: [csp-thamesbridge]' to this record"
    )
    assert "(register/thamesbridge-csp.yaml:2, score 1.00" in found[0]["message"]
    # How the register keeps one record per arrangement is the council's own rule.
    assert (found[0]["basis"], found[0]["local"], found[0]["reference"]) == (
        "local",
        "the council's own rule",
        "",
    )

    _write(
        repo,
        "thamesbridge-csp",
        yaml_text(
            "partnership",
            id="thamesbridge-csp",
            name="Thamesbridge C.S.P.",
            distinct_from=["csp-thamesbridge"],
        ),
    )
    result = _run(runner, "check", "--today", TODAY, "--format", "json")
    assert "REG006" not in result.stdout


def test_names_that_differ_in_a_number_or_a_word_are_not_duplicates(repo: Path) -> None:
    for number in (2019, 2020):
        record_id = f"youth-forum-{number}"
        _write(
            repo,
            record_id,
            yaml_text("informal_network", id=record_id, name=f"Youth Forum {number}"),
        )
    _write(
        repo, "youth-arts", yaml_text("partnership", id="youth-arts", name="Youth Arts Partnership")
    )
    project = open_project(repo)
    result = run_check(project, [project.register_dir], TODAY_DATE)
    assert [f for f in result.findings if f.rule == "REG006"] == []


def test_cross_record_rules_can_be_switched_off_by_policy(repo: Path, runner: CliRunner) -> None:
    _write(
        repo,
        "finance-officers",
        yaml_text("informal_network", id="finance-officers-group", name="Planning Agents Forum"),
    )
    (repo / "partnerfw.yaml").write_text(
        SETTINGS + "rules:\n  REG002:\n    enabled: false\n    reason: Legacy names.\n"
    )
    result = _run(runner, "check", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"] == []


# --- Entry points -------------------------------------------------------------------------


def test_python_dash_m_partnerfw_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "partnerfw", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    for command in ("check", "classify", "rules"):
        assert command in done.stdout
    assert "Traceback" not in done.stderr


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [], catch_exceptions=False)
    assert "Usage" in result.output
    assert "check" in result.output


def test_the_installed_command_exits_2_on_a_bad_option(repo: Path) -> None:
    exe = Path(sys.executable).with_name("partnerfw")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "partnerfw"]
    done = subprocess.run(
        [*command, "check", "--today", "soon"], capture_output=True, text=True, timeout=60, cwd=repo
    )
    assert done.returncode == 2
    assert "--today 'soon' is not a date" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_user_error_in_any_command_exits_2_through_the_one_handler(
    repo: Path, runner: CliRunner
) -> None:
    """Commands do not catch ``UserError`` themselves: the application does, for all of them."""
    result = runner.invoke(app, ["import", "no-such-sheet.csv"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.startswith("partnerfw: ")
    assert "no-such-sheet.csv" in result.stderr


def _main(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from partnerfw.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the engine")

    monkeypatch.setattr("partnerfw.rules.engine.run_check", broken)
    monkeypatch.setattr(sys, "argv", argv)
    main()


def test_an_internal_error_is_one_line_saying_how_to_report_it(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _main(["partnerfw", "check", "--today", TODAY], monkeypatch)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError('a bug in the engine')" in err
    assert f"rerun as 'partnerfw --debug check --today {TODAY}'" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback_of_an_internal_error(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(RuntimeError, match="a bug in the engine"):
        _main(["partnerfw", "--debug", "check", "--today", TODAY], monkeypatch)
