"""Help in plain words with the exit codes, one name for one option across commands, and a
clear message outside a register."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.cli.app import _HELP_ORDER
from partnerfw.cli.help_words import EXIT_CODES
from tests.bundled_register import ARRANGEMENTS


@pytest.mark.parametrize("command", _HELP_ORDER)
def test_help_says_what_each_option_takes_in_plain_words_and_the_exit_codes(
    runner: CliRunner, command: str
) -> None:
    result = runner.invoke(app, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    help_text = result.stdout
    assert not re.search(r"<(list\[|str|int|Path|file|dir|path)", help_text), help_text
    assert "Exit codes: 0" in help_text and " ".join(help_text.split()).endswith(
        " ".join(EXIT_CODES.split())
    )


def test_overwrite_is_the_one_name_and_force_still_works_unlisted(
    runner: CliRunner, example_repo: Path
) -> None:
    for command in ("report", "export", "codeowners"):
        shown = runner.invoke(app, [command, "--help"], terminal_width=100).stdout
        assert "--overwrite" in shown and "--force" not in shown
    (example_repo / "r.csv").write_text("mine\n", "utf-8")
    refused = runner.invoke(app, ["export", "--out", "r.csv"])
    assert refused.exit_code == 2 and "add --overwrite to replace it" in refused.stderr
    assert (example_repo / "r.csv").read_text("utf-8") == "mine\n"
    replaced = runner.invoke(app, ["export", "--out", "r.csv", "--overwrite"])
    assert replaced.exit_code == 0
    assert f"Exported {ARRANGEMENTS} records" in replaced.stderr
    old_name = runner.invoke(app, ["export", "--out", "r.csv", "--force"])
    assert old_name.exit_code == 0 and "--force is now called --overwrite" in old_name.stderr


@pytest.mark.parametrize("command", ["check", "classify", "build", "export", "report due"])
def test_outside_a_register_says_to_run_init_or_cd_into_it(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, command.split())
    assert result.exit_code == 2
    assert "no partnerfw.yaml here: run 'partnerfw init', or cd into your register" in (
        result.stderr
    )
    assert "Traceback" not in result.output
