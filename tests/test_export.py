"""partnerfw export: public by default, confidential only on request, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import build_file_tree

RECORD = """\
id: formula-test
name: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
kind: partnership
status: active
summary: "+44 1632 960000 @home -1 and 'quoted"
lead_officer:
  name: Ann Example
  email: ann@council.example
  phone: 01632 960001
department: "@Place"
partners:
  - name: Kent Police
    sector: public
    contribution: 5000
  - name: Secret Partner Ltd
    sector: private
    contribution: 9999
notes: "'=already quoted"
confidential:
  - partners.1
  - council_resources
council_resources:
  dedicated_budget: 123456
"""


@pytest.fixture
def small_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build_file_tree(
        tmp_path,
        {
            "partnerfw.yaml": "council: {name: Test Council}\n",
            "register/formula-test.yaml": RECORD,
        },
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_public_csv_drops_confidential_parts_and_contact_details(
    runner: CliRunner, example_repo: Path
) -> None:
    result = runner.invoke(app, ["export"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = {row["id"]: row for row in _rows(result.stdout)}
    assert len(rows) == ARRANGEMENTS
    csp = rows["community-safety-partnership"]
    assert csp["partners.0.name"] and csp["partners.1.name"]
    assert csp.get("partners.2.name", "") == ""  # 'partners.2' is confidential
    assert csp.get("monitoring.risk_register.1.risk", "") == ""
    assert csp["monitoring.risk_register.0.risk"]
    header = result.stdout.splitlines()[0].split(",")
    assert not [c for c in header if c.endswith((".email", ".phone")) or c.startswith("confid")]
    assert "@thamesbridge.gov.example" not in result.stdout


def test_include_confidential_keeps_everything(runner: CliRunner, example_repo: Path) -> None:
    result = runner.invoke(app, ["export", "--include-confidential"], catch_exceptions=False)
    rows = {row["id"]: row for row in _rows(result.stdout)}
    csp = rows["community-safety-partnership"]
    assert csp["partners.2.name"] and csp["monitoring.risk_register.1.risk"]
    assert csp["confidential.0"] == "monitoring.risk_register.1"
    assert "@thamesbridge.gov.example" in result.stdout


def test_policy_may_publish_contact_details(runner: CliRunner, example_repo: Path) -> None:
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "policy:\n", "policy:\n  publication: {publish_officer_contact_details: true}\n"
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["export"], catch_exceptions=False)
    assert "@thamesbridge.gov.example" in result.stdout
    rows = {row["id"]: row for row in _rows(result.stdout)}
    assert rows["community-safety-partnership"].get("partners.2.name", "") == ""


def test_public_json_is_nested_and_drops_confidential(runner: CliRunner, small_repo: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "json"], catch_exceptions=False)
    payload = json.loads(result.stdout)
    assert payload["council"] == "Test Council" and payload["view"] == "public"
    (record,) = payload["records"]
    assert record["partners"] == [{"name": "Kent Police", "sector": "public", "contribution": 5000}]
    assert "council_resources" not in record and "confidential" not in record
    assert record["lead_officer"] == {"name": "Ann Example"}
    assert "Secret Partner" not in result.stdout and "123456" not in result.stdout


def test_csv_cells_cannot_run_as_formulas_and_import_restores_them(
    runner: CliRunner, small_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = runner.invoke(app, ["export", "--include-confidential"], catch_exceptions=False)
    (row,) = _rows(result.stdout)
    assert row["name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'+44 1632 960000 @home -1 and 'quoted"
    assert row["department"] == "'@Place"
    assert row["notes"] == "''=already quoted"
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))

    exported = tmp_path / "out.csv"
    exported.write_text(result.stdout, encoding="utf-8")
    (tmp_path / "again" / "register").mkdir(parents=True)
    (tmp_path / "again" / "partnerfw.yaml").write_text("council: {name: Test Council}\n")
    monkeypatch.chdir(tmp_path / "again")
    runner.invoke(app, ["import", str(exported), "--write"], catch_exceptions=False)
    again = runner.invoke(app, ["export", "--include-confidential"], catch_exceptions=False)
    assert again.stdout == result.stdout
    text = (tmp_path / "again" / "register" / "formula-test.yaml").read_text(encoding="utf-8")
    assert 'notes: "\'=already quoted"' in text or "notes: '''=already quoted'" in text


def test_xlsx_cells_are_text_not_formulas(runner: CliRunner, small_repo: Path) -> None:
    from openpyxl import load_workbook

    result = runner.invoke(app, ["export", "-f", "xlsx", "--out", "r.xlsx"], catch_exceptions=False)
    assert result.exit_code == 0
    sheet = load_workbook(small_repo / "r.xlsx")["Register"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c for c in sheet[2]], strict=True))
    assert values["name"].data_type == "s"
    assert str(values["name"].value).startswith("'=HYPERLINK")
    assert values["partners.0.contribution"].value == 5000
    assert "partners.1.name" not in header and "lead_officer.email" not in header


def test_xlsx_needs_a_file_and_files_are_not_overwritten(
    runner: CliRunner, small_repo: Path
) -> None:
    result = runner.invoke(app, ["export", "-f", "xlsx"])
    assert result.exit_code == 2 and "--out" in result.stderr
    (small_repo / "r.csv").write_text("mine\n")
    result = runner.invoke(app, ["export", "--out", "r.csv"])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert (small_repo / "r.csv").read_text() == "mine\n"
    result = runner.invoke(app, ["export", "--out", "r.csv", "--force"])
    assert result.exit_code == 0
    assert (small_repo / "r.csv").read_text(encoding="utf-8-sig").startswith("id,name,")


def test_export_is_reproducible(runner: CliRunner, small_repo: Path) -> None:
    runner.invoke(app, ["export", "-f", "xlsx", "--out", "a.xlsx"], catch_exceptions=False)
    runner.invoke(app, ["export", "-f", "xlsx", "--out", "b.xlsx"], catch_exceptions=False)
    assert (small_repo / "a.xlsx").read_bytes() == (small_repo / "b.xlsx").read_bytes()


def test_bad_format_and_unreadable_records(runner: CliRunner, small_repo: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "pdf"])
    assert result.exit_code == 2 and "csv, json, xlsx" in result.stderr
    (small_repo / "register" / "broken.yaml").write_text("id: broken\nname: [\n")
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 1
    assert "register/broken.yaml" in result.stderr
    assert "formula-test" in result.stdout


def test_format_follows_the_out_file_and_never_contradicts_it(
    runner: CliRunner, small_repo: Path
) -> None:
    result = runner.invoke(app, ["export", "--out", "register.xlsx"], catch_exceptions=False)
    assert result.exit_code == 0
    assert (small_repo / "register.xlsx").read_bytes()[:2] == b"PK"  # a workbook, not CSV text
    result = runner.invoke(app, ["export", "--out", "register.json"], catch_exceptions=False)
    assert json.loads((small_repo / "register.json").read_text("utf-8"))
    result = runner.invoke(
        app, ["export", "--format", "csv", "--out", "other.xlsx"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "--format csv does not match --out other.xlsx" in result.stderr
    assert not (small_repo / "other.xlsx").exists()
    result = runner.invoke(app, ["export", "--out", "register.json"], catch_exceptions=False)
    assert result.exit_code == 2 and "add --overwrite to replace it" in result.stderr
