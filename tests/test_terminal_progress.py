"""import and build say how far they have got from the start (on stderr, on a terminal only)
and end with a short summary: the row-by-row details of a long import go to a file."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.words import listed
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

ROWS = 400


def _sheet(path: Path, rows: int = ROWS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        sheet = csv.writer(file)
        sheet.writerow(["Partnership name", "Type", "Lead officer", "Council contribution (£)"])
        for n in range(1, rows + 1):
            sheet.writerow([f"Partnership number {n}", "Partnership", "Sam Okafor", "about £5k"])
    return path


@pytest.fixture
def council(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "council"
    root.mkdir()
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    (root / "register").mkdir()
    monkeypatch.chdir(root)
    monkeypatch.delenv("COLUMNS", raising=False)
    return root


def _as_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich treats stderr as a terminal (CliRunner's is a buffer)."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "1")


def test_a_long_import_prints_a_summary_and_puts_the_rows_in_a_file(
    runner: CliRunner, council: Path, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path / "big.csv")
    result = runner.invoke(app, ["import", str(sheet)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert len(out.splitlines()) < 30
    assert "Columns (heading -> record field):" in out
    assert f"Summary: {ROWS} rows: {ROWS} to create" in out
    assert "row 2 " not in out
    details = Path(out.split("are in ", 1)[1].split(" (--verbose", 1)[0])
    full = details.read_text("utf-8")
    assert full.count("\n  row ") == ROWS and "Summary:" in full
    details.unlink()

    verbose = runner.invoke(app, ["import", str(sheet), "--verbose"])
    assert verbose.stdout.count("\n  row ") == ROWS and "are in " not in verbose.stdout

    named = tmp_path / "import-report.txt"
    again = runner.invoke(app, ["import", str(sheet), "--report", str(named), "--write"])
    assert f"are in {named}" in again.stdout
    assert named.read_text("utf-8").count("written  register/") == ROWS
    assert len(list((council / "register").iterdir())) == ROWS


def test_a_short_import_still_shows_every_row(
    runner: CliRunner, council: Path, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["import", str(_sheet(tmp_path / "small.csv", 5))])
    assert result.stdout.count("\n  row ") == 5 and "are in " not in result.stdout


def test_import_and_build_show_progress_on_a_terminal_only(
    runner: CliRunner, council: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = _sheet(tmp_path / "big.csv", 60)
    plain = runner.invoke(app, ["import", str(sheet), "--write"])
    assert plain.stderr == ""
    shutil.rmtree(council / "register")
    shutil.copytree(EXAMPLE_REGISTER, council / "register")
    built = runner.invoke(app, ["build", "--today", TODAY])
    assert built.stderr == "" and "Built " in built.stdout

    _as_a_terminal(monkeypatch)
    imported = runner.invoke(app, ["import", str(sheet)])
    assert "Reading big.csv" in imported.stderr and "Reading the rows" in imported.stderr
    built = runner.invoke(app, ["build", "--today", TODAY])
    progress = built.stderr
    # the first thing a build does, checking the register, is shown from the start
    assert 0 <= progress.index("Checking the register") < progress.index("Rendering pages")
    assert "Built " in built.stdout and "Built " not in progress


def test_a_long_list_names_the_first_few_and_counts_the_rest() -> None:
    files = [f"register/broken-{n:03}.yaml" for n in range(143)]
    short = listed(files)
    assert short.startswith("register/broken-000.yaml, ") and len(short) < 200
    assert short.endswith("and 138 more (--verbose lists them all)")
    assert listed(files, verbose=True) == ", ".join(files)
    assert listed(files[:6]) == ", ".join(files[:6])
