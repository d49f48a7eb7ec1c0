"""partnerfw export never leaves a record behind, and export -> import keeps every flag
(issue 18.1).

Every record file is exported: a valid record as ever, one that is not valid as written in its
file with an ``errors`` column saying so (its problems also on stderr, as before). A round trip
(export, then import into an empty register) gives back the same records, field by field, and
the same "to be confirmed" flags (``imported_as_written``, placeholders included) on the
bundled register, the governance facts register, the messy council spreadsheet and a register
with errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load
from tests.conftest import REPO
from tests.fixtures.make_messy_register import build as build_messy
from tests.fixtures.make_misfiling_register import build_csv as build_misfiling

FACTS = REPO / "tests" / "fixtures" / "governance_facts"
SECRET_BUDGET = "£5,000 a year (Zanzibar fund)"
BROKEN = {
    "broken-dates.yaml": f"""\
id: broken-dates
name: Harbour Regeneration Board
kind: partnership
status: active
lead_officer: {{name: Ola Brennan, email: ola.brennan@downsmere.gov.example}}
department: Place
dates: {{start: Since 2006}}
council_resources: {{dedicated_budget: "{SECRET_BUDGET}"}}
confidential: [council_resources]
""",
    "no-kind.yaml": """\
id: no-kind
name: Downsmere Tenants Forum
status: live
lead_oficer: {name: Priya Shah}
department: Housing
partners:
  - {name: Downsmere Homes, sector: public}
""",
    "not-yaml.yaml": "id: not-yaml\nname: [Unclosed\n",
    "a-list.yaml": "- just a list, not a record\n",
}
VALID = 5


def _invoke(runner: CliRunner, *args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _empty_register(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (root / "register").mkdir(parents=True)
    (root / "partnerfw.yaml").write_text("council: {name: Downsmere District Council}\n")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def with_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The governance facts register, and four files that are not valid records."""
    root = tmp_path / "with-errors"
    shutil.copytree(FACTS, root)
    for name, text in BROKEN.items():
        (root / "register" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_every_record_is_exported_with_its_errors(runner: CliRunner, with_errors: Path) -> None:
    result = _invoke(runner, "export", "--include-confidential", code=1)
    rows = {row["id"]: row for row in _rows(result.stdout)}
    assert len(rows) == VALID + len(BROKEN)
    assert list(rows["broken-dates"])[:3] == ["id", "name", "errors"]
    assert rows["downsmere-community-safety-partnership"]["errors"] == ""

    dates = rows["broken-dates"]
    assert dates["errors"].startswith(
        "register/broken-dates.yaml is not a valid record: exported as written in the file, "
        "until its errors are corrected (run 'partnerfw check'):\nline 7: dates.start: "
    )
    assert (dates["name"], dates["dates.start"]) == ("Harbour Regeneration Board", "Since 2006")
    assert dates["council_resources.dedicated_budget"] == SECRET_BUDGET
    assert dates["confidential.0"] == "council_resources"

    no_kind = rows["no-kind"]
    assert no_kind["kind"] == "" and no_kind["status"] == "live"
    assert no_kind["lead_oficer.name"] == "Priya Shah"  # a key that names no field: kept
    assert no_kind["partners.0.name"] == "Downsmere Homes"
    assert "line 3: status: 'live' is not one of" in no_kind["errors"]
    assert "kind: is required but missing" in no_kind["errors"]
    assert "unknown field 'lead_oficer'; did you mean 'lead_officer'?" in no_kind["errors"]
    header = result.stdout.splitlines()[0].split(",")
    assert header.index("lead_oficer.name") > header.index("partners.0.name")  # at the end

    for unreadable in ("not-yaml", "a-list"):
        assert rows[unreadable]["name"] == ""
        assert rows[unreadable]["errors"].startswith(
            f"register/{unreadable}.yaml cannot be read as a record"
            if unreadable == "not-yaml"
            else f"register/{unreadable}.yaml is not a record"
        )
        assert "only its file name is exported, as its id" in rows[unreadable]["errors"]

    assert "4 record files are not valid records (8 problems)" in result.stderr
    assert "register/no-kind.yaml:3: status: 'live' is not one of" in result.stderr


def test_the_public_view_of_a_broken_record_withholds_what_it_marks_confidential(
    runner: CliRunner, with_errors: Path
) -> None:
    result = _invoke(runner, "export", code=1)
    rows = {row["id"]: row for row in _rows(result.stdout)}
    assert len(rows) == VALID + len(BROKEN)
    assert "Zanzibar" not in result.stdout and "5,000" not in result.stdout
    assert "ola.brennan@" not in result.stdout  # contact details, as for a valid record
    dates = rows["broken-dates"]
    assert dates["name"] == "Harbour Regeneration Board"
    assert "line 8: a problem in a part of the record that is not published" in dates["errors"]
    assert "line 7: dates.start: 'Since 2006'" in dates["errors"]  # not confidential
    assert "[Unclosed" not in result.stdout  # an unreadable file's own words: not published

    (with_errors / "register" / "no-kind.yaml").write_text(
        BROKEN["no-kind.yaml"] + "confidential: partners\n", encoding="utf-8"
    )
    result = _invoke(runner, "export", "--format", "json", code=1)
    records = {r["id"]: r for r in json.loads(result.stdout)["records"]}
    assert records["no-kind"] == {
        "id": "no-kind",
        "errors": [
            "register/no-kind.yaml is not a valid record, and its confidential: list cannot be "
            "read, so nothing more of it is published (run 'partnerfw check')"
        ],
    }
    assert "Downsmere Homes" not in result.stdout
    assert "errors" not in records["active-downsmere"]
    assert records["broken-dates"]["dates"] == {"start": "Since 2006"}


def _arrangements(root: Path) -> dict[str, Any]:
    return {r.arrangement.id: r.arrangement for r in load([root / "register"]).records}


def _written(root: Path) -> dict[str, Any]:
    """Every record file's data as written (valid or not, None when it is not YAML)."""
    found = {}
    for path in sorted((root / "register").glob("*.yaml")):
        try:
            found[path.name] = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            found[path.name] = None
    return found


def _flags(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {name: d.get("imported_as_written") or {} for name, d in data.items()}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_of_an_imported_register_keeps_every_flag(
    fmt: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The messy council workbook and the misfiling sheet imported (placeholders, words
    read as a kind or status, kinds left unknown, unreadable letters), exported, imported
    into an empty register: the same records and the same flags, one by one."""
    first = _empty_register(tmp_path / "first", monkeypatch)
    build_messy(first / "messy.xlsx")
    build_misfiling(first / "misfiling.csv")
    _invoke(runner, "import", "messy.xlsx", "--write", code=1)
    _invoke(runner, "import", "misfiling.csv", "--write", "--allow-duplicates", code=1)
    before = _written(first)
    flags = sum(len(f) for f in _flags(before).values())
    assert flags >= 30 and sum(1 for f in _flags(before).values() for t in f.values() if not t)
    exported = tmp_path / f"register.{fmt}"
    result = _invoke(runner, "export", "--include-confidential", "--out", str(exported), code=1)
    assert f"Exported {len(before)} records" in result.stderr

    second = _empty_register(tmp_path / "second", monkeypatch)
    report = _invoke(runner, "import", str(exported), "--write", "--allow-duplicates", code=1)
    assert f"{len(before)} rows: {len(before)} written" in report.stdout
    assert "still to confirm (DATA010), from its imported_as_written columns: " in report.stdout
    after = _written(second)
    assert _flags(after) == _flags(before)
    assert after == before  # field by field, the unknown kinds and statuses left out too
    assert _arrangements(second) == _arrangements(first)


def test_round_trip_of_the_governance_facts_register(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FACTS, tmp_path / "facts")
    monkeypatch.chdir(tmp_path / "facts")
    exported = tmp_path / "facts.xlsx"
    _invoke(runner, "export", "--include-confidential", "--out", str(exported))
    second = _empty_register(tmp_path / "second", monkeypatch)
    _invoke(runner, "import", str(exported), "--write")
    assert _arrangements(second) == _arrangements(tmp_path / "facts")


def _values(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    elif node is not None:
        yield node.isoformat() if isinstance(node, dt.date) else str(node)


def test_round_trip_of_a_register_with_errors_loses_no_record_and_no_value(
    runner: CliRunner, with_errors: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The valid records come back equal; each broken one comes back with every value it
    had, in its field or kept as written; a file with nothing to import is refused by row."""
    exported = tmp_path / "with-errors.csv"
    _invoke(runner, "export", "--include-confidential", "--out", str(exported), code=1)
    before = _written(with_errors)
    second = _empty_register(tmp_path / "second", monkeypatch)
    report = _invoke(runner, "import", str(exported), "--write", code=1).stdout
    assert "9 rows: 7 written, 0 already in the register, 2 not imported" in report
    for row in (2, 10):
        assert f"row {row:<4}  NOT IMPORTED: its name cell (column 'name') is empty" in report
    assert report.count("partnerfw export said this record was not valid") == 4

    after = _written(second)
    originals = _arrangements(with_errors)
    assert {k: v for k, v in _arrangements(second).items() if k in originals} == originals
    # Words import reads into their field: 'live' is active, 'Since 2006' the year 2006.
    read = {"live": "active", "Since 2006": "2006"}
    for name in ("broken-dates.yaml", "no-kind.yaml"):
        kept = " ".join(_values(after[name]))
        for value in _values(before[name]):
            assert value in kept or read.get(value, "-") in kept, (name, value)
    dates = after["broken-dates.yaml"]
    assert str(dates["dates"]["start"]) == "2006"
    assert dates["imported_as_written"]["council_resources.dedicated_budget"] == SECRET_BUDGET
    assert dates["confidential"] == ["council_resources"]
    no_kind = after["no-kind.yaml"]
    assert no_kind["status"] == "active" and no_kind["imported_as_written"]["kind"] == ""
