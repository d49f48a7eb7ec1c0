"""The terminal at 80 columns: every line of check, classify, rules and new fits, no word is
split (the words are those of the same output unwrapped), in the bundled register and in a
differently shaped one; colour only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pexpect
import pytest
from rich.cells import cell_len
from rich.text import Text
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.new_questions import KIND_HELP
from partnerfw.render.terminal import hanging_indent, wrap_line
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

PARTNERFW = Path(sys.executable).with_name("partnerfw")
POLICIES = Path(__file__).parent / "policies"
NEW = [
    "new",
    "--no-input",
    "--kind",
    "partnership",
    "--name",
    "Riverside Youth Hub and Thamesbridge Community Sports Development Partnership",
    "--lead-officer",
    "Sam Patel",
    "--department",
    "Communities",
    "--today",
    TODAY,
]
COMMANDS = [
    ["check", "--today", TODAY],
    ["classify", "--today", TODAY],
    ["classify", "--compare", "--today", TODAY],
    ["rules", "--today", TODAY],
    ["rules", "--local", "--today", TODAY],
]


def _register(root: Path, shape: str) -> Path:
    """The bundled register, or one of tests/policies' councils with its own policy."""
    root.mkdir()
    if shape == "bundled":
        shutil.copytree(EXAMPLE_REGISTER, root / "register")
        shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    else:
        shutil.copy(POLICIES / f"{shape}.yaml", root / "partnerfw.yaml")
        shutil.copytree(POLICIES / "registers" / shape, root / "register")
    return root


def _run(cwd: Path, args: list[str], **env: str) -> str:
    """partnerfw's stdout and stderr as a pipe gets them (CliRunner: not a terminal)."""
    os.chdir(cwd)
    result = CliRunner().invoke(app, args, env={"COLUMNS": None, "NO_COLOR": None, **env})
    assert result.exit_code in (0, 1), result.output
    return result.stdout + result.stderr


def _assert_fits(wrapped: str, whole: str, width: int = 80) -> None:
    too_wide = [line for line in wrapped.splitlines() if cell_len(line) > width]
    assert too_wide == []
    assert wrapped.split() == whole.split(), "a word was split or joined in wrapping"
    assert "\x1b[" not in wrapped, "colour codes in output that is not a terminal"


@pytest.mark.parametrize("shape", ["bundled", "n-of-m", "money-or-flags"])
def test_check_classify_rules_and_new_fit_80_columns_without_splitting_a_word(
    tmp_path: Path, shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = _register(tmp_path / "council", shape)
    wrapped_any = False
    for args in COMMANDS:
        whole = _run(root, args)
        wrapped = _run(root, args, COLUMNS="80")
        _assert_fits(wrapped, whole)
        wrapped_any = wrapped_any or len(wrapped.splitlines()) > len(whole.splitlines())
    assert wrapped_any, "nothing was long enough to wrap: the test would prove nothing"
    # new writes a record: once in each of two copies, so both name the same file
    other = _register(tmp_path / "again", shape)
    _assert_fits(_run(root, NEW, COLUMNS="80"), _run(other, NEW))


def test_findings_continue_under_the_message_and_money_stays_whole() -> None:
    line = (
        "    41  warning CLS002   council resources of £49,500 are within 10% of the £50,000 "
        "threshold for Thamesbridge Leisure Trust: a small rise would change its approval route"
    )
    lines = [t.plain for t in wrap_line(Text(line), 80)]
    assert len(lines) > 1 and all(len(p) <= 80 for p in lines)
    start = line.index("council")
    assert hanging_indent(line, 80) == start
    assert all(p.startswith(" " * start) and p[start] != " " for p in lines[1:])
    assert " ".join(lines).split() == line.split()
    for money in ("£49,500", "£50,000"):
        assert any(money in p for p in lines)


def test_a_word_longer_than_the_line_is_the_only_thing_cut() -> None:
    path = "evaluation." + "x" * 90
    lines = [t.plain for t in wrap_line(Text(f"  note: {path} is too long"), 60)]
    assert all(len(p) <= 60 for p in lines)
    assert lines[-1].split() == ["is", "too", "long"]


def test_colour_only_on_a_terminal_and_never_with_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = _register(tmp_path / "council", "bundled")

    def in_terminal(**env: str) -> str:
        child = pexpect.spawn(
            str(PARTNERFW),
            ["check", "--today", TODAY],
            cwd=str(root),
            env={"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8", **env},
            encoding="utf-8",
            timeout=60,
            dimensions=(50, 80),
        )
        child.expect(pexpect.EOF)
        return str(child.before).replace("\r\n", "\n")

    coloured = in_terminal()
    assert "\x1b[" in coloured
    plain = in_terminal(NO_COLOR="1")
    assert "\x1b[" not in plain
    # the terminal's own width, with no COLUMNS set
    _assert_fits(plain, _run(root, ["check", "--today", TODAY]))


def test_the_kind_menu_of_new_wraps_at_the_terminal_width(tmp_path: Path) -> None:
    root = _register(tmp_path / "council", "bundled")
    child = pexpect.spawn(
        str(PARTNERFW),
        ["new", "--today", TODAY],
        cwd=str(root),
        env={"PATH": "/usr/bin:/bin", "TERM": "dumb", "LANG": "C.UTF-8"},
        encoding="utf-8",
        timeout=60,
        dimensions=(50, 72),
        preexec_fn=_interruptible,
    )
    child.expect_exact("Kind (1-6)")
    menu = str(child.before).replace("\r\n", "\n")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    assert max(cell_len(line) for line in menu.splitlines()) <= 72
    assert menu.split() == KIND_HELP.split()
    assert "  1  partnership       the council and one or more independent bodies" in menu


def test_a_quoted_name_is_kept_on_one_line() -> None:
    line = (
        "   242  warning MON004   the risk register of the partnership names the risk "
        "'Further partners leave the partnership' but was last reviewed on 2025-03-01"
    )
    lines = [t.plain for t in wrap_line(Text(line), 80)]
    assert len(lines) > 1 and all(len(p) <= 80 for p in lines)
    assert any("'Further partners leave the partnership'" in p for p in lines)
    assert " ".join(lines).split() == line.split()


def _interruptible() -> None:
    """Ctrl-C interrupts the child even when the suite was started in the background (a shell
    starts background jobs with SIGINT ignored, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
