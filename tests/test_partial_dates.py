"""Dates known only to the month or year: stored as written, read conservatively."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.schemas import schema_of
from partnerfw.record.columns import cell_text, plain
from partnerfw.record.models import Arrangement
from partnerfw.record.partial_dates import PartialDate, from_words
from tests.records import findings, load, yaml_text

D = dt.date


@pytest.mark.parametrize(
    ("written", "iso", "words", "earliest", "latest"),
    [
        (2006, "2006", "2006", D(2006, 1, 1), D(2006, 12, 31)),
        ("2006", "2006", "2006", D(2006, 1, 1), D(2006, 12, 31)),
        ("2020-10", "2020-10", "October 2020", D(2020, 10, 1), D(2020, 10, 31)),
        ("2024-02", "2024-02", "February 2024", D(2024, 2, 1), D(2024, 2, 29)),
        (D(2020, 10, 14), "2020-10-14", "14 October 2020", D(2020, 10, 14), D(2020, 10, 14)),
        ("2020-10-14", "2020-10-14", "14 October 2020", D(2020, 10, 14), D(2020, 10, 14)),
    ],
)
def test_a_date_keeps_its_precision(
    written: object, iso: str, words: str, earliest: dt.date, latest: dt.date
) -> None:
    date = PartialDate.parse(written)
    assert (date.isoformat(), date.in_words(), date.earliest, date.latest) == (
        iso,
        words,
        earliest,
        latest,
    )


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("October 2020", "write 2020-10"),
        ("14 October 2020", "write 2020-10-14"),
        ("2020-13", "there is no month 13"),
        ("2025-02-30", "not a real date"),
        ("2020-1", "YYYY-MM or YYYY when only the month or year is known"),
        ("soon", "not a date partnerfw can read"),
        (99, "write a year as four digits"),
        (True, "true is not a date"),
    ],
)
def test_nonsense_is_refused_saying_how_to_write_it(written: object, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        PartialDate.parse(written)


def test_a_record_with_a_bad_date_is_reported_with_its_line_and_the_spelling_to_use() -> None:
    from partnerfw.record.loading import parse_record

    source = yaml_text("partnership", {"dates.start": "Since 2006"})
    record, problems = parse_record(source.encode(), "register/test-partnership.yaml")
    assert record is None
    (problem,) = problems
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "Since 2006" in text)
    assert (problem.rule, problem.line) == ("DATA004", line)
    assert "dates.start: 'Since 2006' is not a date partnerfw can read" in problem.message
    assert "YYYY-MM or YYYY" in problem.message


def test_an_end_before_the_start_is_refused_only_when_certain() -> None:
    from partnerfw.record.loading import parse_record

    same_year = yaml_text(
        "partnership",
        {"dates.start": "2021-04", "dates.end": "2021", "dates.indefinite": False},
    )
    assert load(same_year).arrangement.dates.end == PartialDate(2021)
    earlier = yaml_text(
        "partnership",
        {"dates.start": "2021-04", "dates.end": "2020", "dates.indefinite": False},
    )
    _record, problems = parse_record(earlier.encode(), "register/test-partnership.yaml")
    assert [p.rule for p in problems] == ["DATA004"]
    assert "the end date 2020 is before the start date 2021-04" in problems[0].message


def test_words_are_read_for_an_importer_but_not_phrases() -> None:
    assert from_words("October 2020") == PartialDate(2020, 10)
    assert from_words("Oct 2020") == PartialDate(2020, 10)
    assert from_words("14th October 2020") == PartialDate(2020, 10, 14)
    assert from_words("01/04/2016") == PartialDate(2016, 4, 1)
    assert from_words("10/2020") == PartialDate(2020, 10)
    assert from_words("2006") == PartialDate(2006)
    for phrase in ("since 2006", "Until March 2025", "2019/20", "31/02/2020", "Smarch 2020"):
        assert from_words(phrase) is None


def test_written_back_as_written_in_yaml_json_and_a_spreadsheet_cell() -> None:
    arrangement = load(yaml_text("partnership", {"dates.start": 2006})).arrangement
    assert arrangement.dates.start == PartialDate(2006)
    assert plain(arrangement.dates.start) == 2006  # a YAML number, as an officer writes it
    assert plain(PartialDate(2020, 10)) == "2020-10"
    assert plain(PartialDate(2020, 10, 14)) == D(2020, 10, 14)
    assert cell_text(PartialDate(2020, 10)) == "2020-10"
    dumped = json.loads(arrangement.model_dump_json())
    assert dumped["dates"]["start"] == "2006"


def test_the_json_schema_takes_every_spelling_and_only_those() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = schema_of(Arrangement, "record")
    start = schema["$defs"]["Dates"]["properties"]["start"]
    validator = jsonschema.Draft202012Validator({**start, "$defs": schema["$defs"]})
    for good in ("2020-10-14", "2020-10", "2006", 2006, None):
        assert validator.is_valid(good), good
    for bad in ("October 2020", "2020-13", "2020-1", 99, "20201014"):
        assert not validator.is_valid(bad), bad


# --- the monitoring rules read a month or year date conservatively ------------------------


def _codes(changes: dict[str, object], today: dt.date, status: str = "active") -> set[str]:
    return {f.rule for f in findings(yaml_text("partnership", changes, status=status), today)}


def test_an_end_date_known_to_the_month_has_passed_only_after_its_last_day() -> None:
    changes = {"dates.indefinite": False, "dates.end": "2026-10"}
    assert "MON008" not in _codes(changes, D(2026, 10, 31))
    assert "MON008" in _codes(changes, D(2026, 11, 1))


def test_a_renewal_reminder_comes_from_the_first_day_the_end_could_be() -> None:
    changes = {"dates.indefinite": False, "dates.end": "2027"}  # 90-day window
    assert "MON009" not in _codes(changes, D(2026, 10, 2))
    assert "MON009" in _codes(changes, D(2026, 10, 3))
    assert "MON009" in _codes(changes, D(2027, 12, 31))  # still to come at its latest
    assert "MON009" not in _codes(changes, D(2028, 1, 1))


def test_a_proposal_has_started_without_approval_only_once_the_whole_month_has_passed() -> None:
    changes = {"dates.start": "2026-10", "approvals": []}
    assert "DATA006" not in _codes(changes, D(2026, 10, 31), "proposed")
    assert "DATA006" in _codes(changes, D(2026, 11, 1), "proposed")


def test_monitoring_due_from_a_start_known_to_the_year_counts_from_its_last_day() -> None:
    changes = {"dates.start": "2025", "monitoring.budget_reports": []}
    grace = 14
    due = D(2026, 3, 31)  # three months after 31 December 2025
    assert "MON001" not in _codes(changes, due + dt.timedelta(days=grace))
    assert "MON001" in _codes(changes, due + dt.timedelta(days=grace + 1))


# --- fmt keeps them, quickly and by the round trip ----------------------------------------


def test_fmt_leaves_month_and_year_dates_as_written(runner: CliRunner, example_repo: Path) -> None:
    from partnerfw.edit.already_tidy import looks_tidy

    path = example_repo / "register" / "community-safety-partnership.yaml"
    text = path.read_text(encoding="utf-8").replace("  start: 2021-04-01", "  start: 2021-04")
    text = text.replace("  indefinite: true", "  end: 2031\n  indefinite: false")
    path.write_text(text, encoding="utf-8")
    assert looks_tidy(text)
    result = runner.invoke(app, ["fmt", "--check", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    runner.invoke(app, ["fmt", str(path)], catch_exceptions=False)
    assert path.read_text(encoding="utf-8") == text


def test_export_and_import_keep_month_and_year_dates(
    runner: CliRunner, example_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = example_repo / "register" / "community-safety-partnership.yaml"
    text = path.read_text(encoding="utf-8").replace("  start: 2021-04-01", "  start: 2006")
    path.write_text(text, encoding="utf-8")
    for fmt in ("csv", "xlsx"):
        first = tmp_path / f"first.{fmt}"
        args = ["export", "--format", fmt, "--include-confidential", "--out", str(first)]
        assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
        root = tmp_path / f"again-{fmt}"
        (root / "register").mkdir(parents=True)
        shutil.copy(example_repo / "partnerfw.yaml", root / "partnerfw.yaml")
        monkeypatch.chdir(root)
        report = runner.invoke(app, ["import", str(first), "--write"], catch_exceptions=False)
        assert "0 values kept" in report.stdout, report.stdout
        written = (root / "register" / "community-safety-partnership.yaml").read_text("utf-8")
        assert "  start: 2006\n" in written
        second = tmp_path / f"second.{fmt}"
        args[-1] = str(second)
        assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
        assert second.read_bytes() == first.read_bytes()
        monkeypatch.chdir(example_repo)


def test_new_takes_a_start_known_only_to_the_month(runner: CliRunner, example_repo: Path) -> None:
    args = [
        "new",
        "--no-input",
        "--kind",
        "partnership",
        "--name",
        "Harbour Warm Spaces Network",
        "--lead-officer",
        "Daniel Moss",
        "--department",
        "Housing",
        "--partner",
        "Age UK Thamesbridge:voluntary",
        "--start",
        "April 2027",
        "--end",
        "2029",
    ]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    written = (example_repo / "register" / "harbour-warm-spaces-network.yaml").read_text("utf-8")
    assert "  start: 2027-04\n" in written
    assert "  end: 2029\n" in written
    bad = runner.invoke(app, [*args[:-4], "--start", "next spring"], catch_exceptions=False)
    assert bad.exit_code == 2
    assert "2027-04 or 2027 when only the month or year is known" in bad.output
