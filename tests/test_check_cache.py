"""The check cache never hides a finding: a cache whose entries were emptied of their findings
(as a stale cache from older rules would be) is used while nothing changed, and every change
that could change a finding - one byte of the file, the policy, the date, partnerfw's version -
brings the findings back. ``--no-cache`` neither uses nor writes it; a corrupt one is ignored."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import partnerfw
from partnerfw.cli import app
from partnerfw.judge import duplicates_known
from tests.conftest import TODAY

FOOD_BANK = "register/food-bank-partnership.yaml"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "check-cache"
    monkeypatch.setenv("PARTNERFW_CACHE_DIR", str(folder))
    return folder


def _check(runner: CliRunner, *extra: str, today: str = TODAY) -> dict[str, list[str]]:
    """The rules each file broke (checks across records left out), by file."""
    result = runner.invoke(app, ["check", "--format", "json", "--today", today, *extra])
    assert result.exit_code in (0, 1), result.output
    found: dict[str, list[str]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        if not finding["rule"].startswith("REG"):
            found.setdefault(finding["file"], []).append(finding["rule"])
    return found


def _cache_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("check-*.pickle"))


def _empty_the_cache(cache_dir: Path) -> None:
    """Take every finding out of the cached entries, as stale rules might have left them."""
    files = _cache_files(cache_dir)
    assert files, "the check wrote no cache"
    for file in files:
        version, entries, answers = pickle.loads(file.read_bytes())
        emptied = {
            key: replace(entry, findings=()) if entry.findings else entry
            for key, entry in entries.items()
        }
        file.write_bytes(pickle.dumps((version, emptied, answers)))


@pytest.fixture(autouse=True)
def no_answers_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Likely-duplicates answers from other tests are not in memory."""
    monkeypatch.setattr(duplicates_known, "_known", {})


def _duplicates(runner: CliRunner) -> list[str]:
    """The files REG006 names, in a check as a fresh process makes it: nothing in memory, so
    the likely-duplicates answer comes from the cache file or a new search."""
    duplicates_known._known.clear()
    result = runner.invoke(app, ["check", "--format", "json", "--today", TODAY])
    assert result.exit_code in (0, 1), result.output
    return sorted(f["file"] for f in json.loads(result.stdout)["findings"] if f["rule"] == "REG006")


def _forget_the_duplicates(cache_dir: Path) -> None:
    """Take every pair out of the kept likely-duplicates answers, as a stale cache might."""
    for file in _cache_files(cache_dir):
        version, entries, answers = pickle.loads(file.read_bytes())
        assert answers, "the check kept no likely-duplicates answer"
        file.write_bytes(pickle.dumps((version, entries, dict.fromkeys(answers, ()))))


def test_an_unchanged_register_is_answered_from_the_cache(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    first = _check(runner)
    assert first and _cache_files(cache_dir)
    assert _check(runner) == first
    _empty_the_cache(cache_dir)
    assert _check(runner) == {}, "the cache was not used"


def test_one_byte_changed_brings_that_files_findings_back(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    first = _check(runner)
    assert FOOD_BANK in first
    _empty_the_cache(cache_dir)
    path = example_repo / FOOD_BANK
    path.write_bytes(path.read_bytes() + b" ")  # one trailing space: the record is the same
    again = _check(runner)
    assert again == {FOOD_BANK: first[FOOD_BANK]}


def test_a_changed_policy_brings_the_findings_back(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    first = _check(runner)
    _empty_the_cache(cache_dir)
    settings = example_repo / "partnerfw.yaml"
    text = settings.read_text("utf-8")
    settings.write_text(text.replace("'@thamesbridge/directors'", "'@thamesbridge/chiefs'"))
    assert _check(runner) == first


def test_another_date_brings_the_findings_back(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    _check(runner)
    _empty_the_cache(cache_dir)
    later = _check(runner, today="2027-06-01")
    assert later == _check(runner, "--no-cache", today="2027-06-01")
    assert later != {}


def test_another_version_of_partnerfw_brings_the_findings_back(
    runner: CliRunner, example_repo: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _check(runner)
    _empty_the_cache(cache_dir)
    monkeypatch.setattr(partnerfw, "__version__", "99.0.0")
    assert _check(runner) == first


def test_no_cache_neither_uses_nor_writes_the_cache(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    assert _check(runner, "--no-cache") and not _cache_files(cache_dir)
    first = _check(runner)
    _empty_the_cache(cache_dir)
    written = {p: p.read_bytes() for p in _cache_files(cache_dir)}
    assert _check(runner, "--no-cache") == first
    assert {p: p.read_bytes() for p in _cache_files(cache_dir)} == written


def test_a_corrupt_or_unwritable_cache_is_only_no_cache(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    first = _check(runner)
    for file in _cache_files(cache_dir):
        file.write_bytes(b"not a cache")
    assert _check(runner) == first
    blocker = example_repo / "a-file"
    blocker.write_text("not a folder", "utf-8")
    result = runner.invoke(
        app, ["check", "--today", TODAY], env={"PARTNERFW_CACHE_DIR": str(blocker / "x")}
    )
    assert result.exit_code == 1 and "internal error" not in result.output


def test_build_uses_the_cache_and_no_cache(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    result = runner.invoke(app, ["build", "--today", TODAY, "--no-cache"])
    assert result.exit_code in (0, 1) and not _cache_files(cache_dir)
    result = runner.invoke(app, ["build", "--today", TODAY])
    assert result.exit_code in (0, 1) and _cache_files(cache_dir)


def test_a_kept_likely_duplicates_answer_serves_only_the_same_names(
    runner: CliRunner, example_repo: Path, cache_dir: Path
) -> None:
    """The search's answer is kept for the exact names and links it was given: a stale one is
    used while they are unchanged, and renaming any record searches again."""
    twin = example_repo / "register/the-food-bank-partnership.yaml"
    text = (example_repo / FOOD_BANK).read_text("utf-8")
    twin.write_text(
        text.replace("id: food-bank-partnership", "id: the-food-bank-partnership").replace(
            "name: Thamesbridge Food Network", "name: The Thamesbridge Food Network"
        ),
        "utf-8",
    )
    pair = [FOOD_BANK, "register/the-food-bank-partnership.yaml"]
    assert _duplicates(runner) == pair
    _forget_the_duplicates(cache_dir)
    assert _duplicates(runner) == [], "the kept answer was not used"
    twin.write_text(
        twin.read_text("utf-8").replace(
            "name: The Thamesbridge Food Network", "name: Thamesbridge Food Network (TFN)"
        ),
        "utf-8",
    )
    assert _duplicates(runner) == pair
