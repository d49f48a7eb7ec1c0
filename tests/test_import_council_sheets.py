"""partnerfw import on spreadsheets as a new user brings them: a title row above the headings,
an empty name cell, UTF-16 and semicolon/tab CSV files, a name cell holding someone's email,
and a row that is already in the register."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load
from partnerfw.spreadsheet.csv_file import sniff_delimiter
from partnerfw.spreadsheet.headings import heading_row
from partnerfw.spreadsheet.row_people import same_person


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "register").mkdir()
    (tmp_path / "partnerfw.yaml").write_text("council: {name: Test Council}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _records(root: Path) -> dict[str, object]:
    return {r.arrangement.id: r.arrangement for r in load([root / "register"]).records}


TITLED = (
    "Register of partnerships (updated Jan 2024),,\n"
    ",,\n"
    "Partnership name,Lead officer,Directorate\n"
    "Food Bank Partnership,Jo Bloggs,Communities\n"
    "Youth Forum,Sam Okafor,Children's Services\n"
)


def test_title_rows_above_the_headings_are_skipped_and_said_so(
    runner: CliRunner, repo: Path
) -> None:
    (repo / "sheet.csv").write_text(TITLED, encoding="utf-8")
    result = runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    out = result.stdout
    assert result.exit_code == 0, out
    assert "sheet.csv: 2 rows, 3 columns (headings in row 3)." in out
    assert (
        "Note: row 3 was taken as the headings (it best matches known column headings; use "
        "--header-row N to choose another); skipped above it: row 1 'Register of partnerships "
        "(updated Jan 2024)', row 2 (blank)"
    ) in out
    assert "row 4     written  register/food-bank-partnership.yaml" in out
    assert "NOT IMPORTED" not in out
    records = _records(repo)
    assert records["food-bank-partnership"].lead_officer.name == "Jo Bloggs"  # type: ignore[attr-defined]
    assert records["youth-forum"].department == "Children's Services"  # type: ignore[attr-defined]


def test_title_row_in_a_workbook_is_skipped(runner: CliRunner, repo: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Thamesbridge Council: partnerships and shared services"])
    sheet.append([])
    sheet.append(["Name", "Status", "Department"])
    sheet.append(["Carers Network", "Active", "Adults"])
    book.save(repo / "sheet.xlsx")
    result = runner.invoke(app, ["import", "sheet.xlsx", "--write"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert "row 3 was taken as the headings" in result.stdout
    assert _records(repo)["carers-network"].department == "Adults"  # type: ignore[attr-defined]


def test_header_row_option_overrides_the_guess(runner: CliRunner, repo: Path) -> None:
    (repo / "sheet.csv").write_text(TITLED, encoding="utf-8")
    result = runner.invoke(app, ["import", "sheet.csv", "--header-row", "3"])
    assert "Note: row 3 was taken as the headings (as --header-row says)" in result.stdout
    assert "row 4     new      register/food-bank-partnership.yaml" in result.stdout
    result = runner.invoke(app, ["import", "sheet.csv", "--header-row", "1"])
    assert result.exit_code == 1
    assert "row 3     NOT IMPORTED: it has no name" in result.stdout
    assert "no column is mapped to 'name'" in result.stdout
    for row, message in (("2", "row 2 is blank"), ("9", "the sheet has only 5 rows")):
        result = runner.invoke(app, ["import", "sheet.csv", "--header-row", row])
        assert result.exit_code == 2
        assert f"sheet.csv: --header-row {row}: {message}" in result.stderr
        assert "Traceback" not in result.output
    assert not list((repo / "register").iterdir())


def test_an_empty_name_cell_is_named_as_such(runner: CliRunner, repo: Path) -> None:
    (repo / "sheet.csv").write_text(
        "Partnership name,Directorate\n,Communities\nFood Bank,Housing\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    assert result.exit_code == 1
    assert (
        "row 2     NOT IMPORTED: its name cell (column 'Partnership name') is empty: every "
        "record needs the arrangement's name; fill it in, or delete the row"
    ) in result.stdout
    assert "map a column" not in result.stdout and "no column is mapped" not in result.stdout
    assert (repo / "register" / "food-bank.yaml").is_file()


@pytest.mark.parametrize(
    ("encoding", "delimiter", "said"),
    [
        ("utf-16", "\t", "read as UTF-16 little-endian (from its byte order mark), tab-separated"),
        ("utf-16-be", ";", "read as UTF-16 big-endian (from its byte order mark), semicolon"),
        ("utf-8-sig", "|", "read as UTF-8 (from its byte order mark), pipe-separated"),
        ("utf-8", ";", "read as UTF-8, semicolon-separated"),
        ("utf-16-le", "\t", "read as UTF-16 little-endian (no byte order mark), tab-separated"),
    ],
)
def test_csv_encoding_and_delimiter_are_detected(
    runner: CliRunner, repo: Path, encoding: str, delimiter: str, said: str
) -> None:
    rows = [
        ["Partnership name", "Budget (£)", "Directorate"],
        ["Café Forum", "£5,000", "Communities"],
        ["Tea, Cake & Chat", "£1,200", "Adults"],
    ]
    text = "\r\n".join(
        delimiter.join(f'"{c}"' if "," in c and delimiter == "," else c for c in row)
        for row in rows
    )
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (repo / "sheet.csv").write_bytes(data)
    result = runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    assert f"Note: {said}" in result.stdout
    assert "sheet.csv: 2 rows, 3 columns" in result.stdout
    records = _records(repo)
    cafe = records["cafe-forum"]
    assert cafe.name == "Café Forum"  # type: ignore[attr-defined]
    assert cafe.overall_budget == 5000  # type: ignore[attr-defined]
    assert records["tea-cake-and-chat"].department == "Adults"  # type: ignore[attr-defined]


def test_semicolon_csv_with_a_title_row_and_commas_in_cells(runner: CliRunner, repo: Path) -> None:
    (repo / "sheet.csv").write_text(
        "Partnerships register, as at 1 January 2024\n"
        "Name;Partner organisations;Directorate\n"
        "Safer Streets;Kent Police, Kent Fire & Rescue;Communities\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    assert "read as UTF-8, semicolon-separated" in result.stdout
    assert "row 2 was taken as the headings" in result.stdout
    partners = _records(repo)["safer-streets"].partners  # type: ignore[attr-defined]
    assert [p.name for p in partners] == ["Kent Police, Kent Fire & Rescue"]  # one cell


def test_name_cell_with_an_email_is_split_only_when_clearly_the_persons(
    runner: CliRunner, repo: Path
) -> None:
    (repo / "sheet.csv").write_text(
        "Partnership name,Lead officer,Directorate\n"
        "Alpha Forum,Owen Price joanna@x,Communities\n"
        "Beta Forum,Owen Price joanna.smith@council.example,Communities\n"
        "Gamma Forum,Jo Bloggs <jo.bloggs@council.example>,Communities\n"
        "Delta Forum,partnerships@council.example,Communities\n"
        "Food Bank foodbank@charity.example,Jo Bloggs,Communities\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    out = result.stdout
    assert (
        "check: 'Lead officer' 'Owen Price joanna@x' holds an email address that is "
        "incomplete: kept whole, as written"
    ) in out
    assert (
        "check: 'Lead officer' 'Owen Price joanna.smith@council.example' holds an email "
        "address that does not look like this person's: kept whole, as written"
    ) in out
    assert (
        "check: 'Lead officer' 'Jo Bloggs <jo.bloggs@council.example>' was split into name "
        "'Jo Bloggs' and email jo.bloggs@council.example: confirm the email is theirs"
    ) in out
    assert (
        "check: 'Lead officer' holds only an email address (partnerships@council.example), "
        "not a name"
    ) in out
    assert (
        "check: the name in 'Partnership name' holds an email address "
        "(foodbank@charity.example): kept as written; check it is the arrangement's name"
    ) in out
    records = _records(repo)
    for record_id, text in (
        ("alpha-forum", "Owen Price joanna@x"),
        ("beta-forum", "Owen Price joanna.smith@council.example"),
    ):
        officer = records[record_id].lead_officer  # type: ignore[attr-defined]
        assert officer.name == text and officer.email is None
        assert records[record_id].imported_as_written["lead_officer.name"] == text  # type: ignore[attr-defined]
    gamma = records["gamma-forum"].lead_officer  # type: ignore[attr-defined]
    assert (gamma.name, gamma.email) == ("Jo Bloggs", "jo.bloggs@council.example")
    assert "lead_officer.name" not in records["gamma-forum"].imported_as_written  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "email", "same"),
    [
        ("Jo Bloggs", "jo.bloggs@council.example", True),
        ("Jo Bloggs", "jbloggs@council.example", True),
        ("Sam Okafor", "sam@council.example", True),
        ("Sam Okafor", "sam.jones@council.example", False),
        ("Owen Price", "joanna@council.example", False),
        ("Owen Price", "partnerships@council.example", False),
    ],
)
def test_same_person(name: str, email: str, same: bool) -> None:
    assert same_person(name, email) is same


def test_write_skips_a_row_already_in_the_register_unless_allowed(
    runner: CliRunner, example_repo: Path
) -> None:
    (example_repo / "sheet.csv").write_text(
        "Partnership name,Directorate\n"
        "Thamesbridge Community Safety Partnership,Communities\n"
        "Allotment Holders Forum,Environment\n",
        encoding="utf-8",
    )
    duplicate = example_repo / "register" / "thamesbridge-community-safety-partnership.yaml"
    result = runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    assert result.exit_code == 1
    assert (
        "row 2     SKIPPED: likely the same as register/community-safety-partnership.yaml "
        "(score 1.00); rerun with --allow-duplicates to create it anyway"
    ) in result.stdout
    assert "1 written, 0 already in the register, 0 not imported, 1 skipped as likely " in (
        result.stdout
    )
    assert not duplicate.exists()
    assert (example_repo / "register" / "allotment-holders-forum.yaml").is_file()

    result = runner.invoke(
        app, ["import", "sheet.csv", "--write", "--allow-duplicates"], catch_exceptions=False
    )
    assert "row 2     written  register/thamesbridge-community-safety-partnership.yaml" in (
        result.stdout
    )
    assert duplicate.is_file()


def test_heading_row_and_delimiter_units() -> None:
    rows = [
        (1, ["Register of partnerships", None]),
        (2, ["Partnership", "Active"]),
        (3, ["Name", "Status"]),
    ]
    assert heading_row(rows) == 2
    assert heading_row([(1, ["Nothing", "known"]), (2, ["here", "either"])]) == 0
    # a data row with a heading-like value ('Partnership') does not displace the headings
    assert heading_row([(1, ["Scheme", "Owner"]), (2, ["Partnership", "Jo"])]) == 0
    assert heading_row([(1, ["Our register"]), (2, ["Scheme", "Owner"])], frozenset()) == 0
    assert (
        heading_row(
            [(1, ["Our register"]), (2, ["Scheme", "Owner"])], frozenset({"Scheme", "Owner"})
        )
        == 1
    )
    assert sniff_delimiter("a,b,c\n1,2,3\n") == ","
    assert sniff_delimiter("Title\nName\tStatus\tArea\nX\tActive\tKent\n") == "\t"
    assert sniff_delimiter("Name\nFood Bank\n") == ","


def test_headings_named_in_the_mapping_file_are_found_below_a_title(
    runner: CliRunner, repo: Path
) -> None:
    (repo / "sheet.csv").write_text(
        "Our register of schemes\nScheme,Owner\nFood Bank,Jo Bloggs\n", encoding="utf-8"
    )
    (repo / "map.yaml").write_text(
        "columns:\n  Scheme: name\n  Owner: lead_officer.name\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["import", "sheet.csv", "--mapping", "map.yaml", "--write"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stdout
    assert "row 2 was taken as the headings" in result.stdout
    assert _records(repo)["food-bank"].lead_officer.name == "Jo Bloggs"  # type: ignore[attr-defined]
