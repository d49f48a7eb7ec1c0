"""`partnerfw fmt`: keys in the model's order, every comment and value kept, idempotent."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.tidy import TidyProblem, tidy_text
from partnerfw.record.writing import dump_text, load_round_trip
from partnerfw.record.yamlread import parse
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import EXAMPLE_REGISTER, build_file_tree

MESSY = """\
# yaml-language-server: $schema=../schema/arrangement.schema.json
# A header about the whole record.
status: proposed  # still a proposal
# The id is the file's name.
id: messy-partnership
name: 'Messy: a partnership'
kind: partnership
lead_officer:
  title: Head of Housing   # as on the staff list
  # the officer's name, as published
  name: Jo Bloggs
department: Housing
partners:
  -   sector: voluntary
      # who they are
      name: Food Bank
      contribution: 1500
  - name: Churches Together
    sector: community
summary: |
  # this is text, not a comment
  Coordinates emergency food.
dates: {indefinite: true, start: 2027-04-01}
sumary: a typo stays, after the known keys
# closing remark
"""

TIDY = """\
# yaml-language-server: $schema=../schema/arrangement.schema.json
# A header about the whole record.
# The id is the file's name.
id: messy-partnership
name: 'Messy: a partnership'
kind: partnership
status: proposed  # still a proposal
summary: |
  # this is text, not a comment
  Coordinates emergency food.
lead_officer:
  # the officer's name, as published
  name: Jo Bloggs
  title: Head of Housing   # as on the staff list
department: Housing
dates: {start: 2027-04-01, indefinite: true}
partners:
  # who they are
  - name: Food Bank
    sector: voluntary
    contribution: 1500
  - name: Churches Together
    sector: community
sumary: a typo stays, after the known keys
# closing remark
"""


def test_keys_go_in_model_order_and_comments_stay_with_their_fields() -> None:
    assert tidy_text(MESSY) == TIDY
    assert tidy_text(TIDY) == TIDY
    assert parse(TIDY).data == parse(MESSY).data


def test_every_comment_survives() -> None:
    comments = [
        line.split("#", 1)[1]
        for line in MESSY.splitlines()
        if "#" in line and "not a comment" not in line
    ]
    tidied = tidy_text(MESSY)
    for comment in comments:
        assert comment in tidied


@pytest.mark.parametrize("path", sorted(EXAMPLE_REGISTER.glob("*.yaml")), ids=lambda p: p.name)
def test_shuffled_bundled_records_come_back_exactly(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    data = load_round_trip(original)
    keys = list(data)
    random.Random(path.name).shuffle(keys)
    for key in keys:
        data.move_to_end(key)
    for value in data.values():
        if hasattr(value, "move_to_end"):
            for key in reversed(list(value)):
                value.move_to_end(key)
    shuffled = dump_text(data)
    assert shuffled != original
    assert tidy_text(shuffled) == original


def test_fmt_check_on_the_bundled_register_is_a_no_op(
    runner: CliRunner, example_repo: Path
) -> None:
    result = runner.invoke(app, ["fmt", "--check", "register"], catch_exceptions=False)
    assert result.exit_code == 0
    assert f"0 of {ARRANGEMENTS} files would tidy" in result.stdout


def test_fmt_check_lists_files_that_would_change_and_changes_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_file_tree(tmp_path, {"register/messy.yaml": MESSY, "register/tidy.yaml": TIDY})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fmt", "--check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "would tidy register/messy.yaml",
        "1 of 2 files would tidy",
    ]
    assert (tmp_path / "register" / "messy.yaml").read_text() == MESSY


def test_fmt_writes_atomically_keeping_permissions_and_is_idempotent(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_file_tree(tmp_path, {"register/messy.yaml": MESSY})
    path = tmp_path / "register" / "messy.yaml"
    path.chmod(0o640)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fmt", "register/messy.yaml"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "1 of 1 file tidied" in result.stdout
    assert path.read_text() == TIDY
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["messy.yaml"]
    again = runner.invoke(app, ["fmt", "--check", "register/messy.yaml"], catch_exceptions=False)
    assert again.exit_code == 0


def test_unreadable_file_is_reported_and_left_alone(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = "id: x\nname: [unclosed\nkind: partnership\n"
    build_file_tree(tmp_path, {"register/broken.yaml": broken, "register/messy.yaml": MESSY})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fmt"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "register/broken.yaml:" in result.stderr and "not valid YAML" in result.stderr
    assert (tmp_path / "register" / "broken.yaml").read_text() == broken
    assert (tmp_path / "register" / "messy.yaml").read_text() == TIDY


def test_empty_file_is_a_problem_not_a_crash() -> None:
    with pytest.raises(TidyProblem, match="empty"):
        tidy_text("# only a comment\n")


def test_hash_signs_inside_text_are_not_taken_for_comments() -> None:
    long_text = "Partners meet as group #1 and group #2 " + "to plan the work " * 6
    text = f"id: x\nname: '{long_text}'  # the real comment\nkind: partnership\n"
    tidied = tidy_text(text)
    assert parse(tidied).data == parse(text).data
    assert "# the real comment" in tidied


def test_an_order_that_would_break_an_alias_is_refused_not_written() -> None:
    text = "id: x\nnotes: &note hello\nsummary: *note\n"
    with pytest.raises(TidyProblem, match="alias used before its anchor"):
        tidy_text(text)


def test_records_written_by_approved_facts_are_already_tidy(
    runner: CliRunner, example_repo: Path
) -> None:
    assert runner.invoke(app, ["approved-facts", "--all"], catch_exceptions=False).exit_code == 0
    result = runner.invoke(app, ["fmt", "--check"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
