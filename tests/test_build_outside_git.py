"""A register outside git is built without running git at all; inside git, as before."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.git.discovery import surely_outside_git
from tests.conftest import TODAY


def test_a_build_outside_git_runs_no_git(
    example_repo: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[Any] = []
    original = subprocess.Popen.__init__

    def watched(self: subprocess.Popen[Any], args: Any, *more: Any, **options: Any) -> None:
        ran.append(args)
        original(self, args, *more, **options)

    monkeypatch.setattr(subprocess.Popen, "__init__", watched)
    result = runner.invoke(app, ["build", "--today", TODAY], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [args for args in ran if "git" in str(args)] == []
    footer = (example_repo / "site" / "index.html").read_text("utf-8")
    assert "Built on" in footer and "from commit" not in footer


def test_only_a_folder_no_repository_can_hold_is_outside_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    monkeypatch.delenv("GIT_COMMON_DIR", raising=False)
    register = tmp_path / "council" / "register"
    register.mkdir(parents=True)
    assert surely_outside_git(register)

    subprocess.run(["git", "init", "-q", str(tmp_path / "council")], check=True)
    assert not surely_outside_git(register)  # a repository above it

    worktree = tmp_path / "worktree" / "register"
    worktree.mkdir(parents=True)
    (tmp_path / "worktree" / ".git").write_text("gitdir: /elsewhere/.git/worktrees/w\n", "utf-8")
    assert not surely_outside_git(worktree)  # a worktree's link to its repository

    bare = tmp_path / "bare.git"
    bare.mkdir()
    (bare / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    assert not surely_outside_git(bare)  # inside a bare repository

    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "council" / ".git"))
    assert not surely_outside_git(plain)  # git told where the repository is
