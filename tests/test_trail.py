"""The approval trail read from real git repositories (nothing mocked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.git.trail import TrailEntry, changed_since, history
from tests.trail_repo import GitRepo, proposal_through_two_prs, record


def _steps(entries: list[TrailEntry]) -> list[tuple[int | None, str, str | None, str | None]]:
    return [(e.pr, e.author, e.status_before, e.status_after) for e in entries]


def test_history_of_a_proposal_through_two_pull_requests(tmp_path: Path) -> None:
    repo = proposal_through_two_prs(tmp_path / "repo")
    entries = history(repo.root, repo.root / "register/riverside.yaml")
    assert _steps(entries) == [
        (12, "Tom Brennan", None, "proposed"),
        (12, "Tom Brennan", "proposed", "proposed"),
        (13, "Graham Oduya", "proposed", "approved"),
    ]
    assert [e.message for e in entries] == [
        "Propose the riverside partnership",
        "Add the evaluation",
        "Approve the Riverside Regeneration Partnership (#13)",
    ]
    assert entries[0].merged_by == "Priya Chandran"
    assert entries[0].pr_title == "Propose the Riverside Regeneration Partnership"
    assert entries[2].merged_by is None
    assert entries[2].pr_title == "Approve the Riverside Regeneration Partnership"
    assert all(len(e.commit) == 40 for e in entries)
    assert entries[0].day == "2026-09-01"


def test_history_follows_a_renamed_file(tmp_path: Path) -> None:
    repo = proposal_through_two_prs(tmp_path / "repo")
    repo.branch("rename")
    repo.git("mv", "register/riverside.yaml", "register/riverside-regeneration.yaml")
    repo.write(
        {
            "register/riverside-regeneration.yaml": record(
                "riverside-regeneration",
                "active",
                extra="summary: Regenerate the riverside quarter.\n",
            )
        }
    )
    repo.commit("Rename and start the partnership", who="Tom Brennan")
    repo.merge_pr(14, "rename", "Riverside partnership starts", who="Priya Chandran")

    entries = history(repo.root, repo.root / "register/riverside-regeneration.yaml")
    assert _steps(entries) == [
        (12, "Tom Brennan", None, "proposed"),
        (12, "Tom Brennan", "proposed", "proposed"),
        (13, "Graham Oduya", "proposed", "approved"),
        (14, "Tom Brennan", "approved", "active"),
    ]
    assert [e.path for e in entries] == ["register/riverside.yaml"] * 3 + [
        "register/riverside-regeneration.yaml"
    ]


def test_direct_commit_on_main_has_no_pull_request(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit("Add", {"register/a.yaml": record("a")})
    repo.commit("Fix a typo (not a PR)", {"register/a.yaml": record("a", "approved")})
    assert _steps(history(repo.root, repo.root / "register/a.yaml")) == [
        (None, "Repo Admin", None, "proposed"),
        (None, "Repo Admin", "proposed", "approved"),
    ]


def test_history_is_empty_outside_git_and_for_uncommitted_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(record("a"), encoding="utf-8")
    assert history(tmp_path, tmp_path / "a.yaml") == []
    repo = GitRepo(tmp_path / "repo")
    repo.commit("Start", {"register/a.yaml": record("a")})
    repo.write({"register/new.yaml": record("new")})
    assert history(repo.root, repo.root / "register/new.yaml") == []


def test_unreadable_version_has_no_status(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit("Broken", {"register/a.yaml": "id: a\nstatus: [unclosed\n"})
    repo.commit("Fixed (#3)", {"register/a.yaml": record("a")})
    assert _steps(history(repo.root, repo.root / "register/a.yaml")) == [
        (None, "Repo Admin", None, None),
        (3, "Repo Admin", None, "proposed"),
    ]


def test_trail_command_text_shows_steps_numbers_and_people(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = proposal_through_two_prs(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    result = runner.invoke(app, ["trail", "riverside"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "riverside: Riverside (register/riverside.yaml)"
    assert "PR #12" in lines[1] and "Tom Brennan, merged by Priya Chandran" in lines[1]
    assert "added as proposed - Propose the riverside partnership" in lines[1]
    assert "edited (proposed) - Add the evaluation" in lines[2]
    assert "PR #13" in lines[3] and "Graham Oduya" in lines[3]
    assert "proposed -> approved" in lines[3]
    assert len(lines) == 4


def test_trail_command_json_for_every_record(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = proposal_through_two_prs(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    result = runner.invoke(app, ["trail", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert [r["id"] for r in payload["records"]] == ["food-bank", "riverside"]
    riverside = payload["records"][1]["history"]
    assert [(h["pr"], h["author"], h["status_after"], h["change"]) for h in riverside] == [
        (12, "Tom Brennan", "proposed", "added as proposed"),
        (12, "Tom Brennan", "proposed", "edited (proposed)"),
        (13, "Graham Oduya", "approved", "proposed -> approved"),
    ]
    assert payload["records"][0]["history"][0]["pr"] is None


def test_trail_command_unknown_id_and_no_git(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = proposal_through_two_prs(tmp_path / "repo")
    monkeypatch.chdir(repo.root)
    result = runner.invoke(app, ["trail", "riversid"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "did you mean 'riverside'?" in result.stderr

    plain = tmp_path / "plain"
    (plain / "register").mkdir(parents=True)
    (plain / "register/a.yaml").write_text(record("a"), encoding="utf-8")
    (plain / "partnerfw.yaml").write_text("council: {name: X}\n", encoding="utf-8")
    monkeypatch.chdir(plain)
    result = runner.invoke(app, ["trail"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "not in a git repository" in result.stderr


def test_changed_since_lists_committed_modified_and_untracked(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.commit(
        "Start",
        {
            "register/a.yaml": record("a"),
            "register/b.yaml": record("b"),
            "register/c.yaml": record("c"),
        },
    )
    repo.branch("work")
    repo.commit("Change a", {"register/a.yaml": record("a", "approved")})
    repo.write({"register/b.yaml": record("b", "approved"), "register/new.yaml": record("new")})
    changed = changed_since(repo.root, "main")
    assert [p.relative_to(repo.root).as_posix() for p in changed] == [
        "register/a.yaml",
        "register/b.yaml",
        "register/new.yaml",
    ]


def test_changed_since_unknown_ref_is_a_user_error(tmp_path: Path) -> None:
    from partnerfw.errors import UserError

    repo = GitRepo(tmp_path / "repo")
    repo.commit("Start", {"register/a.yaml": record("a")})
    with pytest.raises(UserError, match="no such commit, branch or tag"):
        changed_since(repo.root, "no-such-branch")
    with pytest.raises(UserError, match="not in one"):
        changed_since(tmp_path, "main")


def test_histories_of_many_files_match_one_by_one(tmp_path: Path) -> None:
    from partnerfw.git.trail import histories

    repo = proposal_through_two_prs(tmp_path / "repo")
    files = [
        repo.root / "register/food-bank.yaml",
        repo.root / "register/riverside.yaml",
        repo.root / "register/missing.yaml",
    ]
    found = histories(repo.root, files)
    assert found == {path: history(repo.root, path) for path in files}
    assert [len(found[path]) for path in files] == [1, 3, 0]
    assert histories(tmp_path, [tmp_path / "x.yaml"]) == {tmp_path / "x.yaml": []}


def test_histories_follow_a_move_into_another_folder_and_a_new_file_in_its_place(
    tmp_path: Path,
) -> None:
    """One log of the repository for every file: a record moved into a sub-folder keeps its
    past, and a new record later written at its old path starts its own history."""
    from partnerfw.git.trail import histories

    repo = proposal_through_two_prs(tmp_path / "repo")
    (repo.root / "register/ended").mkdir()
    repo.git("mv", "register/riverside.yaml", "register/ended/riverside.yaml")
    repo.commit("Move the ended partnership", who="Tom Brennan")
    repo.write({"register/riverside.yaml": record("riverside", "proposed")})
    repo.commit("A new riverside proposal", who="Tom Brennan")
    moved, new = repo.root / "register/ended/riverside.yaml", repo.root / "register/riverside.yaml"
    found = histories(repo.root, [moved, new])
    assert [e.message for e in found[new]] == ["A new riverside proposal"]
    assert len(found[moved]) == 4
    assert found[moved][-1].message == "Move the ended partnership"
    assert found[moved][0].path == "register/riverside.yaml"
    assert found[moved][-1].path == "register/ended/riverside.yaml"
    assert found == {path: history(repo.root, path) for path in (moved, new)}
