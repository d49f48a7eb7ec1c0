import json

from typer.testing import CliRunner

from partnerfw.cli import app
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import TODAY


def test_check_on_example_register_reports_json_contract(runner: CliRunner, example_repo) -> None:
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert {"records", "findings", "summary"} <= set(payload)
    assert len(payload["records"]) == ARRANGEMENTS
    assert {"id", "file", "kind", "classification", "status"} <= set(payload["records"][0])
