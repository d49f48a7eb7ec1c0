"""Unit tests of the pieces of import/export: cell readers, duplicates, headings, columns."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.judge.duplicates import score
from partnerfw.record.columns import column_order, guard, target, unguard
from partnerfw.record.ids import is_id, slug
from partnerfw.record.models import Kind, Sector, Status
from partnerfw.spreadsheet import cells
from partnerfw.spreadsheet.headings import guess


@pytest.mark.parametrize(
    ("text", "pounds"),
    [
        ("£10k", 10_000),
        ("7.4m", 7_400_000),
        ("£1.4M", 1_400_000),
        ("£5,605", 5_605),
        ("£1,234.50", Decimal("1234.5")),
        ("2500000", 2_500_000),
        ("£ 10,000", 10_000),
        ("£0", 0),
        ("1.2bn", 1_200_000_000),
        (12500.5, Decimal("12500.5")),
        (5605, 5605),
    ],
)
def test_money_read_exactly(text: object, pounds: object) -> None:
    assert cells.read_money(text) == cells.Reading(Decimal(str(pounds)))


@pytest.mark.parametrize(
    "text",
    [
        "£5605 +VAT",
        "just under £14,000",
        "£67,500 over the 4 years (£16,875 per annum)",
        "in kind",
        "officer time",
        "N/A",
        "75% / 25%",
        "-500",
        "£0.001",
        "about £3k",
        "TBC",
    ],
)
def test_money_that_is_not_exact_is_never_guessed(text: str) -> None:
    assert cells.read_money(text) == cells.INEXACT


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2016-04-01", "2016-04-01"),
        ("01/04/2016", "2016-04-01"),
        ("1/4/2016", "2016-04-01"),
        ("1 April 2016", "2016-04-01"),
        ("1st Sept 2019", "2019-09-01"),
        ("April 1, 2016", "2016-04-01"),
        (dt.datetime(2021, 4, 1), "2021-04-01"),
    ],
)
def test_dates_read_exactly(text: object, day: str) -> None:
    assert cells.read_date(text) == cells.Reading(dt.date.fromisoformat(day))


@pytest.mark.parametrize(
    "text",
    [
        "April 2016",
        "Since 2006",
        "from 1 April",
        "Until March 2025",
        "2019/20",
        "31/02/2020",
        "01/04/16",
        dt.datetime(2021, 4, 1, 9, 30),
    ],
)
def test_dates_that_are_not_a_day_are_never_guessed(text: object) -> None:
    assert cells.read_date(text) == cells.INEXACT


def test_yes_no_numbers_and_words() -> None:
    assert cells.read_bool("Yes") == cells.Reading(True)
    assert cells.read_bool("n") == cells.Reading(False)
    assert not cells.read_bool("partly").exact
    assert cells.read_number("0.5 FTE") == cells.Reading(Decimal("0.5"))
    assert not cells.read_number("half a post").exact
    assert cells.read_int(3.0) == cells.Reading(3)
    assert cells.read_enum("Shared service", Kind, {}) == cells.Reading(Kind.SHARED_SERVICE)
    assert cells.read_enum("Live", Status, {"live": "active"}) == cells.Reading(Status.ACTIVE)
    assert not cells.read_enum("Charity shop", Sector, {}).exact
    assert cells.read_money("") == cells.EMPTY


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Â£5605 +VAT", "£5605 +VAT"),
        ("Carersâ€™ Support", "Carers’ Support"),
        ("CafÃ© and â€œquotesâ€\x9d", "Café and “quotes”"),
    ],
)
def test_mis_encoded_text_is_repaired(text: str, fixed: str) -> None:
    assert cells.repair_encoding(text) == (fixed, True)


def test_mis_encoded_text_that_cannot_be_repaired_is_reported() -> None:
    assert cells.repair_encoding("Caf\ufffd") == ("Caf\ufffd", False)
    assert cells.repair_encoding("plain £ text") == ("plain £ text", None)


@pytest.mark.parametrize(
    ("name", "record_id"),
    [
        ("Health & Wellbeing @ Work", "health-and-wellbeing-at-work"),
        ("Carers’ Support Network", "carers-support-network"),
        ("Children's Services Board", "childrens-services-board"),
        ("Grønland Ståløy Partnership", "gronland-staloy-partnership"),
        ("Straße Forum", "strasse-forum"),
        ("Łódź Twinning Association", "lodz-twinning-association"),
        ("Æthelred Heritage Trust", "aethelred-heritage-trust"),
        ("Café Crème Bürgerhaus Niño", "cafe-creme-burgerhaus-nino"),
        ("£5m Town Fund", "5m-town-fund"),
        ("Œuvre Arts", "oeuvre-arts"),
    ],
)
def test_names_become_ids_letters_transliterated_not_dropped(name: str, record_id: str) -> None:
    assert slug(name) == record_id


def test_long_names_are_cut_at_a_word_and_a_given_id_is_kept() -> None:
    made = slug("Thamesbridge and Medley Joint Waste Collection and Street Cleansing Service")
    assert made == "thamesbridge-and-medley-joint-waste-collection-and-street"
    assert is_id("a-given-id-2") and not is_id("Not An Id") and slug("!!!") == ""


def test_stray_spaces_go() -> None:
    assert cells.tidy("  Kent  Fire &\xa0Rescue ", collapse=True) == "Kent Fire & Rescue"
    assert cells.tidy("Two  spaces kept", collapse=False) == "Two  spaces kept"


@pytest.mark.parametrize(
    ("first", "second", "at_least", "spelt"),
    [
        (
            "Thamesbridge CSP",
            "Thamesbridge Community Safety Partnership",
            1.0,
            "CSP = community safety partnership",
        ),
        ("Health & Wellbeing Board", "Health and Wellbeing Board", 1.0, ""),
        ("Food Bank P'ship", "Thamesbridge Food Bank Partnership", 0.8, ""),
        (
            "Thamesbridge Comunity Safety Partnership",
            "Thamesbridge Community Safety Partnership",
            0.95,
            "",
        ),
    ],
)
def test_likely_duplicates_score_high(first: str, second: str, at_least: float, spelt: str) -> None:
    value, expanded = score(first, second)
    assert value >= at_least and expanded == spelt


def test_different_arrangements_score_low() -> None:
    assert score("Youth Sports Partnership", "Youth Arts Partnership")[0] < 0.8
    assert (
        score(
            "Thamesbridge Climate Action Partnership", "Thamesbridge Community Safety Partnership"
        )[0]
        < 0.8
    )


def test_headings_are_matched_to_fields() -> None:
    assert guess("Partnership name").path == "name"
    assert guess("Council contribution (£)").path == "council_resources.dedicated_budget"
    assert guess("partners.2.sector").how == "field name"
    assert guess("Staff time").how.startswith("guessed from 'staff fte', score 0.84")
    assert guess("RAG rating").path is None


def test_targets_and_column_order() -> None:
    found = target("partners.3.contribution")
    assert found is not None and found.kind == "money"
    assert target("council_resources.staff_fte").kind == "number"  # type: ignore[union-attr]
    assert target("partners.x.name") is None and target("nonsense") is None
    paths = [
        "notes",
        "partners.10.name",
        "partners.2.name",
        "id",
        "imported_as_written.dates.end",
        "imported_as_written.dates.start",
    ]
    assert sorted(paths, key=column_order) == [
        "id",
        "partners.2.name",
        "partners.10.name",
        "notes",
        "imported_as_written.dates.start",
        "imported_as_written.dates.end",
    ]


@given(st.text())
def test_formula_guard_is_undone_exactly(text: str) -> None:
    guarded = guard(text)
    assert unguard(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))


def _repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "register").mkdir()
    (tmp_path / "partnerfw.yaml").write_text("council: {name: Test Council}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


SHEET = (
    "Partnership,Lead,Dept,Budget,RAG\n"
    "Youth@Work,Jo Bloggs <jo.bloggs@council.example>,Communities,£10k,Green\n"
)


def test_mapping_file_saved_then_corrected(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path, monkeypatch)
    (root / "sheet.csv").write_text(SHEET, encoding="utf-8")
    result = runner.invoke(
        app, ["import", "sheet.csv", "--save-mapping", "map.yaml"], catch_exceptions=False
    )
    mapping = (root / "map.yaml").read_text(encoding="utf-8")
    assert "# not mapped (kept in notes): RAG" in mapping
    assert "  Lead: lead_officer.name\n" in mapping and "  Dept: department\n" in mapping
    assert "not mapped, kept in notes: 'RAG' = 'Green'" in result.stdout
    (root / "map.yaml").write_text(
        mapping.replace("  Budget: overall_budget", "  Budget: council_resources.dedicated_budget")
        + "  RAG: ~\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["import", "sheet.csv", "--mapping", "map.yaml", "--write"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stdout
    assert re.search(r"'RAG' +-> -  \(left out \(mapping file\)\)", result.stdout)
    text = (root / "register" / "youth-at-work.yaml").read_text(encoding="utf-8")
    assert "dedicated_budget: 10000" in text and "email: jo.bloggs@council.example" in text
    assert "RAG" not in text and "name: Jo Bloggs\n" in text


def test_bad_inputs_exit_2_with_a_plain_message(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path, monkeypatch)
    (root / "sheet.csv").write_text(SHEET, encoding="utf-8")
    (root / "register.ods").write_text("x")
    (root / "empty.csv").write_text("\n\n")
    (root / "bad.xlsx").write_text("not a zip")
    (root / "map.yaml").write_text("columns:\n  Partnership: nmae\n")
    (root / "map2.yaml").write_text("columns:\n  Budget (£): overall_budget\n", encoding="utf-8")
    (root / "list.yaml").write_text("- name\n")
    cases = {
        ("register.ods",): "imports .csv or .xlsx files",
        ("missing.csv",): "missing.csv: no such file",
        ("empty.csv",): "the sheet is empty",
        ("bad.xlsx",): "cannot open it as an Excel workbook",
        ("sheet.csv", "--mapping", "map.yaml"): "map.yaml, line 2: 'nmae' is not a field",
        ("sheet.csv", "--sheet", "One"): "--sheet only applies to .xlsx files",
        ("sheet.csv", "--mapping", "map2.yaml"): "the column 'Budget (£)' is not in sheet.csv",
        ("sheet.csv", "--mapping", "list.yaml"): "a mapping file needs 'columns:'",
    }
    for args, message in cases.items():
        result = runner.invoke(app, ["import", *args])
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output


def test_windows_1252_csv_is_read_and_said_so(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path, monkeypatch)
    (root / "old.csv").write_bytes("Name,Budget\nCafé Forum,£5k\n".encode("cp1252"))
    (root / "mojibake.csv").write_text("Name,Budget (Â£)\nTea Forum,Â£5k\n", encoding="utf-8")
    result = runner.invoke(app, ["import", "mojibake.csv"], catch_exceptions=False)
    assert "Note: repaired mis-encoded heading 'Budget (Â£)' -> 'Budget (£)'" in result.stdout
    assert "'Budget (£)' -> overall_budget" in result.stdout
    result = runner.invoke(app, ["import", "old.csv", "--write"], catch_exceptions=False)
    assert "it was read as Windows-1252" in result.stdout
    text = (root / "register" / "cafe-forum.yaml").read_text(encoding="utf-8")
    assert "name: Café Forum" in text and "overall_budget: 5000" in text
    assert "kind: partnership" in text
    assert "not in the sheet, placeholder 'partnership' to confirm (DATA010): kind" in result.stdout


def test_values_the_record_refuses_are_kept_as_written(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path, monkeypatch)
    (root / "s.csv").write_text(
        "name,dates.start,dates.end,monitoring.risk_register.0.risk,"
        "monitoring.risk_register.0.likelihood,monitoring.risk_register.0.impact\n"
        "Alpha,2025-01-01,2020-01-01,Flood,7,2\n",
        encoding="utf-8",
    )
    runner.invoke(app, ["import", "s.csv", "--write"], catch_exceptions=False)
    from partnerfw.record.loading import load

    (record,) = load([root / "register"]).records
    assert record.arrangement.dates.start is None
    assert record.arrangement.imported_as_written == {
        "kind": "",
        "status": "",
        "lead_officer.name": "",
        "department": "",
        "dates.start": "2025-01-01",
        "dates.end": "2020-01-01",
    }
    # A likelihood of 7 is the record's to hold: the scale is the council's (risk_scale), so
    # check, not the record, says it is off the scale.
    (risk,) = record.arrangement.monitoring.risk_register
    assert (risk.risk, risk.likelihood, risk.impact) == ("Flood", 7, 2)
    checked = runner.invoke(app, ["check"], catch_exceptions=False)
    assert "MON012" in checked.stdout and "rated 7 for likelihood" in checked.stdout


def test_partners_in_one_cell(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Semicolons and lines separate partners; a comma might be part of a name, so a name
    with one is kept whole and flagged rather than split on a guess."""
    root = _repo(tmp_path, monkeypatch)
    (root / "s.csv").write_text(
        'Name,Partners\nAlpha,"Kent Police; Kent Fire & Rescue\nNHS Kent, Medway"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", "s.csv", "--write"], catch_exceptions=False)
    assert "kept as written, to confirm (DATA010): partners.2.name = 'NHS Kent, Medway'" in (
        result.stdout
    )
    from partnerfw.record.loading import load

    (record,) = load([root / "register"]).records
    assert [p.name for p in record.arrangement.partners] == [
        "Kent Police",
        "Kent Fire & Rescue",
        "NHS Kent, Medway",
    ]


def test_help_does_not_load_openpyxl() -> None:
    import subprocess
    import sys

    code = (
        "import sys, partnerfw.cli; "
        "assert 'openpyxl' not in sys.modules "
        "and 'partnerfw.spreadsheet.importer' not in sys.modules "
        "and not [m for m in sys.modules if m.startswith('partnerfw.spreadsheet')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_public_view_hides_confidential_values_kept_as_written() -> None:
    from partnerfw.views.redaction import public_columns

    flat = {
        "id": "x",
        "council_resources.dedicated_budget": 5,
        "imported_as_written.council_resources.staff_cost": "about £5k",
        "imported_as_written.lead_officer.phone": "ring Sam",
        "imported_as_written.dates.start": "April 2016",
        "confidential.0": "council_resources",
    }
    assert public_columns(flat, ["council_resources"], contacts=False) == {
        "id": "x",
        "imported_as_written.dates.start": "April 2016",
    }
    assert "imported_as_written.lead_officer.phone" in public_columns(flat, [], contacts=True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a company, not a partnership", Kind.COMPANY_OR_TRUST),
        ("Formerly a partnership, now a company", Kind.COMPANY_OR_TRUST),
        ("Community Interest Company", Kind.COMPANY_OR_TRUST),
        ("contracted out (SLA)", Kind.COMMISSIONING),
        ("Joint venture", None),
        ("Shared service (partnership)", None),
        ("not a partnership", None),
    ],
)
def test_a_kind_is_read_from_its_words_or_left_unknown(text: str, kind: Kind | None) -> None:
    from partnerfw.spreadsheet import evidence

    found = evidence.read(text, Kind)
    assert (found.value if found else None) == kind


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ceased 2019", Status.ENDED),
        ("Dissolved October 2020", Status.ENDED),
        ("was wound up in 2018", Status.ENDED),
        ("being wound up", Status.ENDING),
        ("Live (to be reviewed 2025)", Status.ACTIVE),
        ("no longer active", None),
        ("Active - under review", None),
        ("TBC", None),
    ],
)
def test_a_status_is_read_from_its_words_or_left_unknown(text: str, status: Status | None) -> None:
    from partnerfw.spreadsheet import evidence

    found = evidence.read(text, Status)
    assert (found.value if found else None) == status


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("A Person, Director (Communities)", "A Person", "Director (Communities)"),
        ("Head of Housing - J Smith", "J Smith", "Head of Housing"),
        ("Jo Bloggs (Partnerships Officer)", "Jo Bloggs", "Partnerships Officer"),
        ("Partnerships Officer (Jo Bloggs)", "Jo Bloggs", "Partnerships Officer"),
        (
            "Cabinet Member for Housing – Cllr Jane Smith",
            "Cllr Jane Smith",
            "Cabinet Member for Housing",
        ),
        ("Mark O'Neill, Service Manager", "Mark O'Neill", "Service Manager"),
    ],
)
def test_a_name_and_a_title_are_split(text: str, name: str, title: str) -> None:
    from partnerfw.spreadsheet.people import Split, split

    assert split(text) == Split(name, title)


@pytest.mark.parametrize(
    "text",
    ["Director of Place", "Jo Bloggs Director", "Head of Service / Director", "Housing Team"],
)
def test_a_title_that_cannot_be_cut_from_a_name_is_unsure(text: str) -> None:
    from partnerfw.spreadsheet.people import Unsure, split

    assert isinstance(split(text), Unsure)


@pytest.mark.parametrize("text", ["Sam Okafor", "Dr Asha Rao", "Smith, John", "Ruth van der Berg"])
def test_a_plain_name_is_left_alone(text: str) -> None:
    from partnerfw.spreadsheet.people import split

    assert split(text) is None


def test_repair_keeps_the_councils_own_typography() -> None:
    """Only mis-encoding is undone: curly quotes, ligatures, HTML-looking text stay."""
    for text in ["Residents’ “Green” Forum", "ﬁnance ﬂow", "Fish &amp; Chips", "Ｆｕｌｌ"]:
        assert cells.repair_encoding(text) == (text, None)
    assert cells.repair_encoding("GrÃ¸nland") == ("Grønland", True)
    assert cells.repair_encoding("ÃƒÂ©tÃƒÂ©") == ("été", True)


def test_a_formula_in_the_name_cell_is_reported_not_imported(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _repo(tmp_path, monkeypatch)
    (root / "s.csv").write_text('Name,Budget\n"=A1&"" Forum""",£5k\nTea Forum,=B2\n', "utf-8")
    result = runner.invoke(app, ["import", "s.csv", "--write"], catch_exceptions=False)
    assert result.exit_code == 1
    assert (
        "row 2     NOT IMPORTED: its name cell holds the formula '=A1&\" Forum\"', and the "
        "workbook does not hold its result"
    ) in result.stdout
    assert "kept as written, to confirm (DATA010): overall_budget = '=B2'" in result.stdout
    text = (root / "register" / "tea-forum.yaml").read_text(encoding="utf-8")
    assert "  overall_budget: =B2\n" in text


def test_a_split_title_never_overrides_the_title_column(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sheet's own job title column wins; the title found in the name cell is kept as
    written beside it for an officer to choose."""
    root = _repo(tmp_path, monkeypatch)
    (root / "s.csv").write_text(
        "Name,Lead officer,Job title\n"
        "Alpha Forum,Jo Bloggs (Partnerships Officer),Partnerships Manager\n"
        "Beta Forum,Jo Bloggs (Partnerships Officer),\n",
        encoding="utf-8",
    )
    runner.invoke(app, ["import", "s.csv", "--write"], catch_exceptions=False)
    from partnerfw.record.loading import load

    records = {r.arrangement.id: r.arrangement for r in load([root / "register"]).records}
    alpha, beta = records["alpha-forum"], records["beta-forum"]
    assert (alpha.lead_officer.name, alpha.lead_officer.title) == (
        "Jo Bloggs",
        "Partnerships Manager",
    )
    assert alpha.imported_as_written["lead_officer.title"] == "Partnerships Officer"
    assert (beta.lead_officer.name, beta.lead_officer.title) == (
        "Jo Bloggs",
        "Partnerships Officer",
    )
    assert "lead_officer.title" not in beta.imported_as_written


def test_yes_no_text_is_written_so_that_it_reads_back_as_text(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Yes', 'No', 'on' and 'off' are text to the writer (YAML 1.2) but true/false to the
    reader (YAML 1.1): written unquoted, the record would not load."""
    root = _repo(tmp_path, monkeypatch)
    (root / "s.csv").write_text(
        "Name,Notes,Area,Partners,Budget\nAlpha Forum,Yes,Off,On,No\n", encoding="utf-8"
    )
    runner.invoke(app, ["import", "s.csv", "--write"], catch_exceptions=False)
    from partnerfw.record.loading import load

    (record,) = load([root / "register"]).records
    assert record.arrangement.notes == "Yes"
    assert record.arrangement.partners[0].name == "On"
    assert record.arrangement.area == "Off"
    assert record.arrangement.imported_as_written["overall_budget"] == "No"
