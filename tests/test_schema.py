"""`partnerfw schema`: the JSON Schemas editors use, committed and up to date."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import typer
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.schemas import MODELINE_PREFIX, schema_texts, stale
from partnerfw.policy.schema import EDITIONS, edition_text
from partnerfw.record.yamlread import parse
from tests.conftest import EXAMPLE_REGISTER, REPO

RECORDS = sorted(EXAMPLE_REGISTER.glob("*.yaml"))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _json_terms(value: object) -> object:
    """What an editor's YAML language server hands the schema: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: _json_terms(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_terms(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def test_committed_schemas_are_up_to_date() -> None:
    assert stale(REPO / "schema") == [], "run 'partnerfw schema' and commit schema/"


def test_schema_check_option_reports_a_stale_file(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["schema", "--out", str(tmp_path)]).exit_code == 0
    assert runner.invoke(app, ["schema", "--check", "--out", str(tmp_path)]).exit_code == 0
    (tmp_path / "policy.schema.json").write_text("{}\n")
    result = runner.invoke(app, ["schema", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "out of date:" in result.stdout and "policy.schema.json" in result.stdout


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_schema_accepts_every_bundled_record_and_each_points_at_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _validator("arrangement.schema.json").validate(_json_terms(parse(text).data))
    first = text.splitlines()[0]
    assert first == MODELINE_PREFIX + "../schema/arrangement.schema.json"
    assert (path.parent / first.removeprefix(MODELINE_PREFIX)).resolve().is_file()


def test_schema_rejects_a_typo_and_accepts_plain_numbers_for_money() -> None:
    data = _json_terms(parse(RECORDS[0].read_text(encoding="utf-8")).data)
    assert isinstance(data, dict)
    validator = _validator("arrangement.schema.json")
    typo = {**data, "sumary": data.get("summary", "x")}
    errors = [e.message for e in validator.iter_errors(typo)]
    assert any("'sumary' was unexpected" in m for m in errors)
    nested = json.loads(json.dumps(data))
    nested["lead_officer"]["titel"] = "Head"
    assert not validator.is_valid(nested)
    money = json.loads(json.dumps(data))
    money["council_resources"] = {"dedicated_budget": 12500.5, "staff_cost": 0}
    assert validator.is_valid(money)
    money["council_resources"]["dedicated_budget"] = -1
    assert not validator.is_valid(money)
    wrong_kind = {**data, "kind": "partnrship"}
    assert not validator.is_valid(wrong_kind)


@pytest.mark.parametrize("edition", EDITIONS)
def test_policy_schema_accepts_the_built_in_editions(edition: str) -> None:
    validator = _validator("policy.schema.json")
    data = _json_terms(yaml.safe_load(edition_text(edition)))
    validator.validate(data)
    assert isinstance(data, dict)
    assert not validator.is_valid({**data, "treshold": 1})


def test_schema_carries_field_descriptions(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert result.exit_code == 0
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["arrangement.schema.json", "policy.schema.json", "settings.schema.json"]
    record = json.loads((tmp_path / "out" / "arrangement.schema.json").read_text())
    assert record["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert record["properties"]["fundamental_to_corporate_objective"]["description"].startswith(
        "Without it a Corporate Plan objective"
    )
    assert record["additionalProperties"] is False
    assert (tmp_path / "out" / "arrangement.schema.json").read_text() == schema_texts()[
        "arrangement.schema.json"
    ]


def test_pre_commit_hooks_run_real_commands(runner: CliRunner) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {
        "partnerfw-check",
        "partnerfw-fmt",
        "partnerfw-schema",
        "partnerfw-codeowners",
    }
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for hook in hooks:
        program, command, *options = hook["entry"].split()
        assert program == "partnerfw"
        files = ["register/x.yaml"] if hook.get("pass_filenames", True) else []
        commands[command].make_context(command, [*options, *files])  # known options
        assert runner.invoke(app, [command, "--help"]).exit_code == 0


def test_settings_schema_accepts_the_bundled_partnerfw_yaml_and_partial_overrides() -> None:
    validator = _validator("settings.schema.json")
    data = _json_terms(yaml.safe_load((REPO / "partnerfw.yaml").read_text(encoding="utf-8")))
    validator.validate(data)
    assert isinstance(data, dict)
    validator.validate({**data, "policy": {"intervals": {"grace_days": 7}}})
    assert not validator.is_valid({**data, "policy": {"intervals": {"grace_dayz": 7}}})
    assert not validator.is_valid({**data, "edtion": "earlier"})


def test_schemas_accept_a_councils_own_classes_and_an_old_policy_file() -> None:
    """A three-level scheme by points in partnerfw.yaml, and a whole policy file in the older
    shape (significance.test, no classes), are both valid to an editor; a class with a typo
    in its keys is not."""
    settings = _validator("settings.schema.json")
    council = yaml.safe_load(
        (REPO / "tests" / "policies" / "three-levels.yaml").read_text(encoding="utf-8")
    )
    settings.validate(_json_terms(council))
    broken = json.loads(json.dumps(council))
    broken["policy"]["classes"]["major"]["lable"] = "Major"
    assert not settings.is_valid(broken)
    older = yaml.safe_load(edition_text("revised"))
    classes = older.pop("classes")
    older["significance"]["test"] = classes["significant"]["test"]
    _validator("policy.schema.json").validate(_json_terms(older))
