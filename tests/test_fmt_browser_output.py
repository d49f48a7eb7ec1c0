"""`fmt` on what a browser form writes: emptied fields removed from optional fields (an
emptied amount "" would stop the record loading), a cleared choice's `null`, dates written as
text, text YAML would misread, the schema line; and `fmt --restore-from`, which puts a record
the editor rewrote back into the file it was, so that only the officer's changes differ."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.already_tidy import looks_tidy
from partnerfw.edit.tidy import tidy_text
from partnerfw.record.loading import parse_record
from tests.conftest import EXAMPLE_REGISTER, REPO

BASE = """\
id: riverside-forum
name: Riverside Forum
kind: informal_network
status: active
lead_officer:
  name: Owen Price
department: Regeneration
"""


def _tidy(extra: str) -> str:
    """The tidied record, less BASE's lines when the extra fields all come after them."""
    text = BASE + textwrap.dedent(extra)
    tidied = tidy_text(text)
    assert tidy_text(tidied) == tidied  # idempotent
    assert looks_tidy(tidied)  # the fast answer agrees with the slow one
    assert not looks_tidy(text) or tidied == text
    return tidied[len(BASE) :] if tidied.startswith(BASE) else tidied


def test_emptied_optional_fields_are_removed_and_the_record_loads() -> None:
    out = _tidy(
        """\
        portfolio: ~
        committee: null
        overall_budget: ''
        council_resources:
          dedicated_budget: ""
          staff_cost: ""
        dates:
          start: 2024-04-01
          end: ""
        """
    )
    assert out == "dates:\n  start: 2024-04-01\n"
    loaded, findings = parse_record((BASE + out).encode(), "register/riverside-forum.yaml")
    assert loaded is not None and findings == []
    # As the editor wrote it, the record did not load: "" is not an amount.
    _, refused = parse_record((BASE + "overall_budget: ''\n").encode(), "r.yaml")
    assert refused


def test_a_blank_waiting_to_be_filled_in_and_required_fields_stay() -> None:
    # 'summary:' with nothing after it is how `new` leaves a blank, under its comment.
    out = _tidy(
        """\
        # The Cabinet portfolio it falls under.
        portfolio:
        partners:
          - name: ""
            sector: voluntary
            contribution: ""
        """
    )
    assert out == (
        "# The Cabinet portfolio it falls under.\n"
        "portfolio:\n"
        "partners:\n"
        '  - name: ""\n'  # required: left for `check` to report
        "    sector: voluntary\n"
    )


def test_comments_stay_and_empty_list_items_go() -> None:
    out = _tidy(
        """\
        committee: ""  # was the Communities Committee
        evaluation:
          benefits:
            - ""
            - faster referrals
            -
          costs:
            - ''
        """
    )
    assert out == (
        "# was the Communities Committee\nevaluation:\n  benefits:\n    - faster referrals\n"
    )


def test_the_first_key_of_a_list_item_leaving_hands_on_the_dash() -> None:
    out = _tidy(
        """\
        partners:
          - contribution: ""
            name: Riverside Trust
            sector: voluntary
        """
    )
    assert out == "partners:\n  - name: Riverside Trust\n    sector: voluntary\n"


def test_dates_written_as_text_and_text_yaml_would_misread() -> None:
    out = _tidy(
        """\
        committee: Yes
        dates:
          start: "2004"
          end: '2030-03'
        outside_body:
          organisation: Citizens Advice Riverside
          appointed_by: Annual Council
          registered_number: 01234567
          indemnity: No
          appointees:
            - name: Cllr Joanne Pike
              appointed: '2024-05-20'
        """
    )
    assert "committee: 'Yes'\n" in out
    assert "  start: 2004\n  end: 2030-03\n" in out
    assert "  registered_number: '01234567'\n" in out
    assert "  indemnity: 'No'\n" in out
    assert "      appointed: 2024-05-20\n" in out
    data = yaml.safe_load(BASE + out)
    assert data["committee"] == "Yes" and data["outside_body"]["registered_number"] == "01234567"
    assert data["dates"]["start"] == 2004


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _as_the_editor_writes(text: str) -> str:
    """A record written back as Decap CMS does: no comments, its own key order, long text
    folded at 80, its own quotes."""
    data = yaml.safe_load(text)
    data = {"governance": data.pop("governance"), **data}  # a key the form put first
    return yaml.safe_dump(data, sort_keys=False, width=80, allow_unicode=True)


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE_REGISTER, tmp_path / "register")
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    shutil.copy(REPO / "partnerfw.yaml", tmp_path / "partnerfw.yaml")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "The register")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_restore_from_leaves_only_the_officers_changes(register: Path, runner: CliRunner) -> None:
    record = register / "register/community-safety-partnership.yaml"
    original = record.read_text("utf-8")
    assert "# A partnership (Framework 1.7)" in original
    edited = original.replace("area: Borough of Thamesbridge", "area: Borough and Kent-wide")
    edited = edited.replace("overall_budget: 125000", "overall_budget: ''")
    _git(register, "switch", "-q", "-c", "cms/arrangements/community-safety-partnership")
    record.write_text(_as_the_editor_writes(edited), "utf-8")
    _git(register, "commit", "-qam", "Update community-safety-partnership")
    assert runner.invoke(app, ["fmt", "--check"]).exit_code == 1

    result = runner.invoke(app, ["fmt", "--restore-from", "main"])
    assert result.exit_code == 0, result.output
    diff = _git(register, "diff", "-U0", "main", "--", str(record))
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-area: Borough of Thamesbridge",
        "+area: Borough and Kent-wide",
        "-overall_budget: 125000",
    ]
    assert runner.invoke(app, ["fmt", "--check"]).exit_code == 0

    # Without --restore-from: the officer's values, the emptied budget removed, the keys back
    # in the record's order and the schema line restored, but the comments are gone.
    record.write_text(_as_the_editor_writes(edited), "utf-8")
    assert runner.invoke(app, ["fmt"]).exit_code == 0
    plain = record.read_text("utf-8")
    intended = yaml.safe_load(edited)
    del intended["overall_budget"]
    assert yaml.safe_load(plain) == intended
    assert list(yaml.safe_load(plain)) == list(intended)  # 'governance' back in its place
    assert next(iter(intended)) != "governance"
    assert plain.startswith("# yaml-language-server: $schema=../schema/arrangement.schema.json\n")
    assert "# A partnership (Framework 1.7)" not in plain


def test_a_record_the_editor_created_gets_the_schema_line_and_house_quotes(
    register: Path, runner: CliRunner
) -> None:
    _git(register, "switch", "-q", "-c", "cms/arrangements/riverside-forum")
    new = register / "register/riverside-forum.yaml"
    new.write_text(BASE + 'committee: "Cabinet: Regeneration Committee"\n', "utf-8")
    result = runner.invoke(app, ["fmt", "--restore-from", "main", str(new)])
    assert result.exit_code == 0, result.output
    assert new.read_text("utf-8") == (
        "# yaml-language-server: $schema=../schema/arrangement.schema.json\n"
        + BASE
        + "committee: 'Cabinet: Regeneration Committee'\n"
    )


def test_restore_from_an_unknown_revision_says_so(register: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["fmt", "--restore-from", "no-such-branch"])
    assert result.exit_code == 2
    assert "--restore-from no-such-branch: no such revision" in result.stderr


def test_no_schema_line_where_there_is_no_schema(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "register").mkdir()
    (tmp_path / "partnerfw.yaml").write_text("council:\n  name: Test Council\n", "utf-8")
    (tmp_path / "register/riverside-forum.yaml").write_text(BASE, "utf-8")
    result = runner.invoke(app, ["fmt", "--check", "--config", str(tmp_path / "partnerfw.yaml")])
    assert result.exit_code == 0, result.output
