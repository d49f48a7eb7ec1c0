"""Master lists in partnerfw.yaml: people and Corporate Plan objectives a record may name."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.judge.names import normal
from tests.conftest import TODAY

RIVERSIDE = "register/riverside-regeneration-partnership.yaml"


def _edit(repo: Path, name: str, old: str, new: str) -> None:
    path = repo / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _lst(runner: CliRunner) -> list[tuple[str, str, int, str]]:
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    return [
        (f["rule"], f["record"], f["line"], f["message"])
        for f in json.loads(result.stdout)["findings"]
        if f["rule"].startswith("LST")
    ]


def test_bundled_register_names_only_listed_people_and_objectives(
    example_repo: Path, runner: CliRunner
) -> None:
    assert _lst(runner) == []


def test_wrong_lead_member_and_officer_get_the_likely_intended_one(
    example_repo: Path, runner: CliRunner
) -> None:
    _edit(example_repo, RIVERSIDE, "    name: Cllr David Marsh", "    name: Cllr Dave Marsh")
    _edit(
        example_repo,
        RIVERSIDE,
        "  name: Tom Brennan\n  title: Head of Regeneration\n  email",
        "  name: Tom Brenan\n  title: Head of Regeneration\n  email",
    )
    _edit(example_repo, RIVERSIDE, "    name: Priya Chandran", "    name: Priya Chandra")
    found = _lst(runner)
    assert [(code, line, message) for code, _, line, message in found] == [
        (
            "LST001",
            10,
            "the lead officer 'Tom Brenan' is not on the officers list in "
            "partnerfw.yaml (did you mean 'Tom Brennan'?): correct the name, or add them to the "
            "list",
        ),
        (
            "LST001",
            160,
            "the monitoring officer giving the opinion 'Priya Chandra' is not on the "
            "officers list in partnerfw.yaml (did you mean 'Priya Chandran'?): correct the name, "
            "or add them to the list",
        ),
        (
            "LST001",
            176,
            "the Leader of the Executive decision's 'Cllr Dave Marsh' is not on the "
            "councillors or officers list in partnerfw.yaml (did you mean 'Cllr David Marsh'?): "
            "correct the name, or add them to the list",
        ),
    ]


def test_board_member_and_objective_not_on_lists(example_repo: Path, runner: CliRunner) -> None:
    _edit(
        example_repo,
        RIVERSIDE,
        "  - Regeneration of the riverside and town centre",
        "  - Regeneration of the riverside",
    )
    _edit(
        example_repo,
        RIVERSIDE,
        "public_facing: false",
        "public_facing: false\nmembers:\n  - name: Cllr Ian Flecher\n    on_board: true",
    )
    messages = [m for *_, m in _lst(runner)]
    assert (
        "the Corporate Plan objective 'Regeneration of the riverside' is not on the "
        "corporate_objectives list in partnerfw.yaml (did you mean 'Regeneration of the "
        "riverside and town centre'?): correct it, or add it to the list"
    ) in messages
    assert any(
        "the councillor 'Cllr Ian Flecher' is not on the councillors list in "
        "partnerfw.yaml (did you mean 'Cllr Ian Fletcher'?)" in m
        for m in messages
    )


def test_lists_not_kept_are_not_checked(example_repo: Path, runner: CliRunner) -> None:
    settings = example_repo / "partnerfw.yaml"
    text = settings.read_text("utf-8")
    settings.write_text(text[: text.index("\ncouncillors:")] + "\n", encoding="utf-8")
    _edit(example_repo, RIVERSIDE, "    name: Cllr David Marsh", "    name: Cllr Nobody")
    assert _lst(runner) == []


def test_names_compare_without_case_spacing_title_or_job() -> None:
    assert normal("Cllr  David  Marsh") == normal("david marsh")
    assert normal("Graham Oduya, Director (Corporate Services)") == normal("Graham Oduya")
    assert normal("Councillor Amira Hussain") == "amira hussain"


def test_a_github_login_on_the_lists_is_checked_with_its_line(
    example_repo: Path, runner: CliRunner
) -> None:
    settings = example_repo / "partnerfw.yaml"
    text = settings.read_text("utf-8")
    text = text.replace("  - Aisha Bello\n", "  - {name: Aisha Bello, github: '@abello'}\n", 1)
    text = text.replace("  - Daniel Moss\n", "  - name: Daniel Moss\n    github: dan moss\n", 1)
    settings.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    github: dan moss") + 1
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "POL001"]
    assert [(f["file"], f["line"]) for f in found] == [("partnerfw.yaml", line)]
    assert found[0]["message"].startswith(
        "officers.2.github: 'dan moss' is not a GitHub login: write the account's name as "
        "GitHub shows it"
    )


def test_github_logins_are_found_by_name() -> None:
    from partnerfw.policy.schema import Council, Settings

    settings = Settings(
        council=Council(name="X"),
        officers=["Ann Officer", {"name": "Bob  Lead", "github": "@bob-lead"}],
        councillors=[{"name": "Cllr Cara Dean", "github": "cara"}],
    )
    lists = settings.master_lists
    assert lists.officers == ("Ann Officer", "Bob  Lead")
    assert lists.councillors == ("Cllr Cara Dean",)
    assert lists.github_login("bob lead") == "bob-lead"
    assert lists.github_login("Cllr Cara Dean") == "cara"
    assert lists.github_login("Ann Officer") is None
