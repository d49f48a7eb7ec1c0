"""`partnerfw cms`: the browser editor's configuration from the record's models and the
council's partnerfw.yaml, for the bundled Thamesbridge register (master lists kept) and for
Kestrel Vale (no master lists, its own yes/no questions), and `--check`."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, Field
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.cms_fields import Choices, form_fields
from partnerfw.record.models import Kind
from tests.conftest import EXAMPLE_REGISTER, REPO

POLICIES = Path(__file__).parent / "policies"
CMS = "\ncms:\n  repo: thamesbridge/partnerships-register\n  oauth_url: https://sign-in.example\n"


def _repo(root: Path, settings: str, register: Path = EXAMPLE_REGISTER) -> Path:
    shutil.copytree(register, root / "register")
    (root / "partnerfw.yaml").write_text(settings, "utf-8")
    return root


def _thamesbridge(root: Path) -> Path:
    text = (REPO / "partnerfw.yaml").read_text("utf-8").replace("\npolicy:", CMS + "\npolicy:", 1)
    shutil.copytree(REPO / "schema", root / "schema")
    return _repo(root, text)


def _config(runner: CliRunner, root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["cms"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = yaml.safe_load((root / "admin/config.yml").read_text("utf-8"))
    return data


def _walk(
    fields: list[dict[str, Any]], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    for field in fields:
        here = (*path, field["name"])
        yield here, field
        yield from _walk(field.get("fields", []), here)
        if "field" in field:
            yield from _walk([field["field"]], here)


def _fields(config: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    (collection,) = config["collections"]
    return dict(_walk(collection["fields"]))


def _options(field: dict[str, Any]) -> list[str]:
    return [o["value"] if isinstance(o, dict) else o for o in field["options"]]


def test_the_form_follows_the_models_and_the_master_lists(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(runner, _thamesbridge(tmp_path), monkeypatch)
    assert config["backend"] == {
        "name": "github",
        "repo": "thamesbridge/partnerships-register",
        "branch": "main",
        "base_url": "https://sign-in.example",
        "auth_endpoint": "auth",
        "squash_merges": True,
        "commit_messages": {
            "create": "Propose {{slug}} (in the browser editor)",
            "update": "Update {{slug}} (in the browser editor)",
            "delete": "Delete {{slug}} (in the browser editor)",
        },
    }
    assert config["publish_mode"] == "editorial_workflow"
    (collection,) = config["collections"]
    assert (collection["folder"], collection["extension"], collection["slug"]) == (
        "register",
        "yaml",
        "{{id}}",
    )
    assert collection["delete"] is False  # deleting a record is a pull request by hand
    fields = _fields(config)

    # Labels from the field names, hints from the descriptions.
    assert fields[("council_resources", "dedicated_budget")]["label"] == "Dedicated budget"
    assert fields[("evaluation", "gdpr", "dpia_required")]["label"] == "DPIA required"
    assert fields[("summary",)]["hint"] == "One or two plain sentences on what it does."
    assert fields[("summary",)]["widget"] == "text"

    # Selects: the enums, and the master lists of partnerfw.yaml.
    assert _options(fields[("kind",)]) == [kind.value for kind in Kind]
    assert fields[("kind",)]["options"][1] == {"label": "shared service", "value": "shared_service"}
    settings = yaml.safe_load((tmp_path / "partnerfw.yaml").read_text("utf-8"))
    assert _options(fields[("lead_officer", "name")]) == settings["officers"]
    assert _options(fields[("lead_member", "name")]) == settings["councillors"]
    assert _options(fields[("members", "name")]) == settings["councillors"]
    assert _options(fields[("portfolio",)]) == list(settings["portfolios"])
    objectives = fields[("corporate_objectives",)]
    assert objectives["widget"] == "select" and objectives["multiple"] is True
    assert _options(objectives) == settings["corporate_objectives"]
    approvers = _options(fields[("approvals", "name")])
    assert set(approvers) == set(settings["councillors"]) | set(settings["officers"])
    assert fields[("links", "predecessors")]["widget"] == "relation"

    # Dates are text with a pattern, never a date picker.
    assert not [path for path, f in fields.items() if f.get("widget") == "datetime"]
    start = fields[("dates", "start")]
    assert start["widget"] == "string"
    pattern = re.compile(start["pattern"][0])
    assert all(pattern.match(text) for text in ("2004", "2020-10", "2020-10-14"))
    assert not any(pattern.match(text) for text in ("14/10/2020", "2020-13", "20"))
    day = re.compile(fields[("approvals", "date")]["pattern"][0])
    assert day.match("2026-03-31") and not day.match("2026-03")

    # Required: the record's own required fields, a required section's, a list item's; never
    # a field inside an optional section (it would stop the officer saving the record).
    required = {path for path, f in fields.items() if f.get("required") is True}
    assert {("id",), ("name",), ("kind",), ("status",), ("department",)} <= required
    assert ("lead_officer", "name") in required
    assert {("partners", "name"), ("partners", "sector")} <= required
    assert ("company", "form") not in required
    assert ("outside_body", "organisation") not in required
    assert ("decided_classification", "reason") not in required
    assert all(f.get("required") is not None for f in fields.values())  # Decap's default: true

    # Written by partnerfw, not in the browser; kept as they are by the editor.
    assert ("approved_facts",) not in fields and ("imported_as_written",) not in fields
    # A switch whose model default is yes says so (Decap shows it off until set).
    assert "counts as yes" in fields[("partners", "independent")]["hint"]
    assert "default" not in fields[("partners", "independent")]
    # The editor writes the schema line above the first key.
    assert (
        fields[("id",)]["comment"]
        == "yaml-language-server: $schema=../schema/arrangement.schema.json"
    )


def test_a_fields_title_is_its_label_and_its_description_its_hint() -> None:
    class Section(BaseModel):
        fte: int | None = Field(None, ge=0, description="Full-time equivalent posts.")

    class Record(BaseModel):
        s151_sign_off: str = Field(
            title="Section 151 Officer's sign-off", description="Who signed off the finances."
        )
        dpia_required: bool = False
        section: Section | None = None

    fields = {f["name"]: f for f in form_fields(Record, Choices())}
    sign_off = fields["s151_sign_off"]
    assert sign_off["label"] == "Section 151 Officer's sign-off"
    assert sign_off["hint"] == "Who signed off the finances."
    assert sign_off["required"] is True
    assert fields["dpia_required"]["label"] == "DPIA required"
    assert "hint" not in fields["dpia_required"]
    (fte,) = fields["section"]["fields"]
    assert (fte["label"], fte["hint"], fte["widget"], fte["min"]) == (
        "FTE",
        "Full-time equivalent posts.",
        "number",
        0,
    )
    assert fields["section"]["required"] is False and fte["required"] is False


def test_a_council_without_master_lists_with_its_own_questions(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = (POLICIES / "money-or-flags.yaml").read_text("utf-8")
    root = _repo(tmp_path, settings, POLICIES / "registers" / "money-or-flags")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(
        ["git", "remote", "add", "origin", "git@github.com:kestrel-vale/partnerships.git"],
        cwd=root,
        check=True,
    )
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["cms"])
    assert result.exit_code == 0, result.output
    assert "the editor saves to kestrel-vale/partnerships" in result.stdout
    assert "no OAuth client for signing in yet" in result.stderr
    config = yaml.safe_load((root / "admin/config.yml").read_text("utf-8"))
    assert "base_url" not in config["backend"] and "site_url" not in config
    fields = _fields(config)
    assert fields[("lead_officer", "name")]["widget"] == "string"  # no officers list kept
    assert fields[("portfolio",)]["widget"] == "string"
    questions = fields[("council_fields",)]
    assert [f["name"] for f in questions["fields"]] == ["statutory_duty", "high_reputational_risk"]
    duty = questions["fields"][0]
    assert duty["widget"] == "boolean" and duty["required"] is False
    assert (
        duty["label"] == "Does the partnership exist to discharge a statutory duty of the council?"
    )
    assert duty["hint"] == "Yes means: exists to discharge a statutory duty of the council."
    # What `cms` writes beside the configuration, once.
    for path in ("package.json", "package-lock.json", ".github/workflows/tidy-browser-edits.yml"):
        assert (root / path).is_file(), path
    assert (root / "package-lock.json").read_bytes() == (REPO / "package-lock.json").read_bytes()
    again = runner.invoke(app, ["cms"])
    assert again.exit_code == 0 and "up to date: admin/config.yml" in again.stdout
    assert "wrote" not in again.stdout


def test_check_says_when_the_configuration_is_stale(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _thamesbridge(tmp_path)
    monkeypatch.chdir(root)
    missing = runner.invoke(app, ["cms", "--check"])
    assert missing.exit_code == 1 and "admin/config.yml is missing" in missing.stdout
    assert runner.invoke(app, ["cms"]).exit_code == 0
    assert runner.invoke(app, ["cms", "--check"]).exit_code == 0
    settings = root / "partnerfw.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace(
            "  - Tom Brennan\n", "  - Tom Brennan\n  - Zara Iqbal\n"
        )
    )
    stale = runner.invoke(app, ["cms", "--check"])
    assert stale.exit_code == 1
    assert "admin/config.yml is out of date: run 'partnerfw cms'" in stale.stdout
    init = runner.invoke(app, ["init", "--check", "."])
    assert "out of date admin/config.yml: run 'partnerfw cms' and commit it" in init.stdout
    assert runner.invoke(app, ["cms"]).exit_code == 0
    assert "Zara Iqbal" in (root / "admin/config.yml").read_text("utf-8")
    init = runner.invoke(app, ["init", "--check", "."])
    assert "ok          admin/config.yml" in init.stdout
    assert "ok          package-lock.json" in init.stdout
    lock = root / "package-lock.json"
    lock.write_text(lock.read_text("utf-8").replace('"version": "3.16.3"', '"version": "3.1.0"', 1))
    init = runner.invoke(app, ["init", "--check", "."])
    assert "out of date package-lock.json: it pins decap-cms" in init.stdout


def test_without_a_github_repository_it_says_where_to_name_it(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path, (REPO / "partnerfw.yaml").read_text("utf-8"))
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["cms"])
    assert result.exit_code == 2
    assert "set it under cms: repo: owner/name" in result.stderr
    assert not (root / "admin").exists()


def test_the_shipped_npm_files_are_this_projects_own() -> None:
    """One pin: a council's package.json and lockfile are the ones this project tests with."""
    shipped = REPO / "templates" / "repository"
    for name in ("package.json", "package-lock.json"):
        assert (shipped / name).read_bytes() == (REPO / name).read_bytes(), name
    lock = yaml.safe_load((REPO / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/decap-cms"]["version"] == "3.16.3"
    assert lock["packages"]["node_modules/decap-server"]["dev"] is True
    assert "node_modules/" in (REPO / ".gitignore").read_text("utf-8").splitlines()
