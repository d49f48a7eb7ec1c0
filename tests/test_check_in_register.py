"""`check --in-register FILE...`: pre-commit's check of the staged records, which does not
block a commit over gaps in records it does not touch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import TODAY, build_file_tree
from tests.trail_repo import SETTINGS, record


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_file_tree(
        tmp_path,
        {
            "partnerfw.yaml": SETTINGS,
            # Approved with no opinions, no approvals, no exit strategy: errors.
            "register/old-gaps.yaml": record("old-gaps", "approved"),
            "register/fresh-proposal.yaml": record("fresh-proposal"),
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(runner: CliRunner, *args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(
        app, ["check", "--in-register", "--today", TODAY, "--format", "json", *args]
    )
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_gaps_in_an_untouched_record_do_not_block_the_commit(
    register: Path, runner: CliRunner
) -> None:
    whole = runner.invoke(app, ["check", "--today", TODAY])
    assert whole.exit_code == 1  # the register as a whole has errors, in old-gaps.yaml
    code, out, err = _check(runner, "register/fresh-proposal.yaml")
    assert code == 0, out
    assert {f["file"] for f in out["findings"]} == {"register/fresh-proposal.yaml"}  # type: ignore[attr-defined]
    assert "checking 1 record file as part of the whole register" in err
    code, out, _ = _check(runner, "register/old-gaps.yaml")
    assert code == 1 and out["summary"]["error"] > 0  # type: ignore[index]


def test_a_clash_with_an_unstaged_record_is_still_found(register: Path, runner: CliRunner) -> None:
    # A new file reuses the id of a record already in the register, which is not staged.
    (register / "register" / "riverside.yaml").write_text(record("old-gaps"), "utf-8")
    code, out, _ = _check(runner, "register/riverside.yaml")
    assert code == 1
    found = {(f["file"], f["rule"]) for f in out["findings"]}  # type: ignore[attr-defined]
    assert ("register/riverside.yaml", "REG001") in found
    assert ("register/riverside.yaml", "REG002") in found  # named riverside, id old-gaps
    # ... and the other side of the clash, which involves the staged file.
    assert ("register/old-gaps.yaml", "REG001") in found
    assert not any(rule != "REG001" for file, rule in found if file == "register/old-gaps.yaml")


def test_staged_settings_check_every_record(register: Path, runner: CliRunner) -> None:
    code, out, err = _check(runner, "partnerfw.yaml", "register/fresh-proposal.yaml")
    assert code == 1
    assert "partnerfw.yaml is among the files: checking every record" in err
    assert "register/old-gaps.yaml" in {f["file"] for f in out["findings"]}  # type: ignore[attr-defined]


def test_files_outside_the_register_are_not_records(register: Path, runner: CliRunner) -> None:
    build_file_tree(register, {"docs/notes.yaml": "just: notes\n"})
    code, out, err = _check(runner, "docs/notes.yaml")
    assert code == 0 and out["findings"] == []
    assert "checking 0 record files" in err
    text = runner.invoke(app, ["check", "--in-register", "docs/notes.yaml"])
    assert "0 arrangements in 0 files" in text.stdout  # not 'no arrangements yet'


def test_in_register_needs_files_and_excludes_changed_since(
    register: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["check", "--in-register"])
    assert result.exit_code == 2 and "name at least one" in result.stderr
    result = runner.invoke(
        app, ["check", "--in-register", "--changed-since", "main", "register/old-gaps.yaml"]
    )
    assert result.exit_code == 2 and "give one" in result.stderr
