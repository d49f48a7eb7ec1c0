"""The benchmark's register generator, and the progress bar on a build that takes a moment."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load
from tests.conftest import REPO, TODAY

sys.path.insert(0, str(REPO / "benchmarks"))

from generate import generate


def test_generate_writes_n_varied_valid_records(tmp_path: Path) -> None:
    files = generate(tmp_path / "register", 40)
    assert len(files) == 40
    register = load([tmp_path / "register"])
    assert len(register.records) == 40 and register.problems == []
    ids = {r.arrangement.id for r in register.records}
    names = {r.arrangement.name for r in register.records}
    assert len(ids) == len(names) == 40
    budgets = {r.arrangement.council_resources.dedicated_budget for r in register.records}
    assert len(budgets) > 16, "amounts vary, not just the 16 examples repeated"
    again = generate(tmp_path / "again", 40)
    assert [p.read_text() for p in files] == [p.read_text() for p in again]  # repeatable


def test_build_shows_a_progress_bar_when_it_takes_a_moment(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(tmp_path / "register", 160)
    settings = yaml.safe_load((REPO / "partnerfw.yaml").read_text("utf-8"))
    (tmp_path / "partnerfw.yaml").write_text(yaml.safe_dump(settings), "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "1")
    result = runner.invoke(app, ["build", "--today", TODAY], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Rendering pages" in result.stderr
    # 160 records, 31 listings, open data, the reports page and the 5 reports
    assert "Built 199 pages for 160 arrangements" in result.stdout
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.delenv("TTY_INTERACTIVE")
    monkeypatch.setenv("TERM", "dumb")
    quiet = runner.invoke(app, ["build", "--today", TODAY], catch_exceptions=False)
    assert "Rendering pages" not in quiet.stderr


def test_generated_register_is_realistic(tmp_path: Path) -> None:
    """Distinct names with no numbers, links that resolve, some near-duplicates named, and
    some records with findings (as a council's register has), so that the benchmarks measure
    what a council would meet."""
    files = generate(tmp_path / "register", 120)
    register = load([tmp_path / "register"])
    records = [r.arrangement for r in register.records]
    ids = {a.id for a in records}
    assert not any(ch.isdigit() for a in records for ch in a.name)
    linked = [
        other
        for a in records
        for other in (*a.links.predecessors, *a.links.successors, a.links.parent)
        if other
    ]
    assert linked and set(linked) <= ids
    texts = {p.read_text("utf-8") for p in files}
    assert len(texts) == 120
    assert any(a.distinct_from for a in records)
