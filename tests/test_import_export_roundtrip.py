"""Export the whole bundled register, import it into an empty register, export again: the two
exports are identical and every record reads back equal to the original."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import EXAMPLE_REGISTER, REPO


def _invoke(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _empty_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "new-register"
    (root / "register").mkdir(parents=True)
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_of_the_whole_register_loses_nothing(
    fmt: str,
    runner: CliRunner,
    example_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = tmp_path / f"first.{fmt}"
    _invoke(runner, "export", "--format", fmt, "--include-confidential", "--out", str(first))

    root = _empty_register(tmp_path, monkeypatch)
    report = _invoke(runner, "import", str(first), "--write")
    assert (
        f"{ARRANGEMENTS} rows: {ARRANGEMENTS} written, 0 already in the register, 0 not "
        "imported; 0 values kept" in report
    )

    second = tmp_path / f"second.{fmt}"
    _invoke(runner, "export", "--format", fmt, "--include-confidential", "--out", str(second))
    assert second.read_bytes() == first.read_bytes()

    original = {r.arrangement.id: r.arrangement for r in load([EXAMPLE_REGISTER]).records}
    imported = {r.arrangement.id: r.arrangement for r in load([root / "register"]).records}
    assert len(original) == ARRANGEMENTS
    assert imported == original


def test_json_export_is_identical_after_a_csv_round_trip(
    runner: CliRunner, example_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _invoke(runner, "export", "--format", "json", "--include-confidential")
    csv_file = tmp_path / "register.csv"
    csv_file.write_text(_invoke(runner, "export", "--include-confidential"), encoding="utf-8")
    _empty_register(tmp_path, monkeypatch)
    _invoke(runner, "import", str(csv_file), "--write")
    assert _invoke(runner, "export", "--format", "json", "--include-confidential") == before


def test_imported_records_keep_a_clean_check(
    runner: CliRunner, example_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same findings before and after: nothing flagged as imported-as-written."""
    before = runner.invoke(app, ["check", "--today", "2026-11-23", "--format", "json"])
    csv_file = tmp_path / "register.csv"
    _invoke(runner, "export", "--include-confidential", "--out", str(csv_file))
    _empty_register(tmp_path, monkeypatch)
    _invoke(runner, "import", str(csv_file), "--write")
    after = runner.invoke(app, ["check", "--today", "2026-11-23", "--format", "json"])
    assert "DATA010" not in after.stdout

    def messages(text: str) -> list[tuple[str, str]]:
        import json

        return sorted((f["rule"], f["message"]) for f in json.loads(text)["findings"])

    assert messages(after.stdout) == messages(before.stdout)
