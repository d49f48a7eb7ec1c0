"""partnerfw import on a register as councils really keep it (tests/fixtures/messy-register):
every odd value is kept verbatim and flagged, nothing is guessed, the report says it all; dates
in words ('April 2016', 'Since 2006', 'Until March 2025') are read as the dates they name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load
from tests.conftest import TODAY
from tests.fixtures.make_messy_register import build

KEPT_AS_WRITTEN = {
    "thamesbridge-csp": {
        "council_resources.dedicated_budget": "£5605 +VAT",
        "partners.0.sector": "",
        "partners.1.sector": "",
    },
    "thamesbridge-community-safety-partnership": {
        "council_resources.staff_fte": "officer time",
        "partners.0.sector": "",
    },
    "health-and-wellbeing-board": {"dates.start": "2019/20", "partners.0.sector": ""},
    "youth-at-work": {"dates.start": "from 1 April", "partners.0.sector": ""},
    "shared-legal-svc": {
        "council_resources.dedicated_budget": "just under £14,000",
        "shared_service.type": "",
        "partners.0.sector": "",
    },
    "town-centre-forum": {"council_resources.dedicated_budget": "in kind"},
    "riverside-heritage-trust": {"council_resources.dedicated_budget": "N/A"},
    "leisure-management-contract": {
        "council_resources.dedicated_budget": "£67,500 over the 4 years (£16,875 per annum)",
        "partners.0.sector": "",
    },
    "carers-support-network": {
        "notes": "Meets at the Caf\ufffd on the High Street",
        "partners.0.sector": "",
    },
    "domestic-abuse-forum": {
        "council_resources.dedicated_budget": "75% / 25%",
        "partners.0.sector": "",
    },
}


@pytest.fixture
def messy(example_repo: Path) -> Path:
    return build(example_repo / "messy-register.xlsx")


def test_preview_reports_columns_rows_and_duplicates_and_writes_nothing(
    runner: CliRunner, messy: Path, example_repo: Path
) -> None:
    before = sorted(p.name for p in (example_repo / "register").iterdir())
    result = runner.invoke(app, ["import", str(messy)], catch_exceptions=False)
    out = result.stdout
    assert result.exit_code == 1  # one row exists already, one has no name
    assert sorted(p.name for p in (example_repo / "register").iterdir()) == before
    assert "messy-register.xlsx (sheet 'Partnerships 2024'): 12 rows, 13 columns" in out
    assert "'Partnership name'         -> name  (known heading)" in out
    assert (
        "'Staff time'               -> council_resources.staff_fte  (guessed from "
        "'staff fte', score 0.84: confirm)"
    ) in out
    assert "'RAG'                      -> -  (not mapped: kept in notes)" in out
    for values in KEPT_AS_WRITTEN.values():
        for path, text in values.items():
            if text:
                assert f"kept as written, to confirm (DATA010): {path} = '{text}'" in out
    assert "not in the sheet, placeholder 'other' to confirm (DATA010): partners.1.sector" in out
    assert (
        "repaired mis-encoded text in 'Partnership name': 'Carersâ€™ Support Network' -> "
        "'Carers’ Support Network'"
    ) in out
    assert "repaired mis-encoded text in 'Council contribution (£)': 'Â£12,000' -> '£12,000'" in out
    assert (
        "tidied 'Partnership name': '  Thamesbridge   Community Safety Partnership ' -> "
        "'Thamesbridge Community Safety Partnership'"
    ) in out
    assert "not mapped, kept in notes: 'RAG' = 'Amber'" in out
    assert (
        "row 12    EXISTS   register/medley-licensing-service.yaml is already there: not written"
    ) in out
    assert "row 13    NOT IMPORTED: its name cell (column 'Partnership name') is empty" in out
    assert (
        "row 2     new      register/thamesbridge-csp.yaml  (likely the same as "
        "register/community-safety-partnership.yaml, score 1.00: --write will skip it unless "
        "--allow-duplicates)"
    ) in out
    assert (
        "row 2 'Thamesbridge CSP' and row 3 'Thamesbridge Community Safety Partnership': "
        "score 1.00; CSP = community safety partnership"
    ) in out
    assert (
        "row 2 'Thamesbridge CSP' and register/community-safety-partnership.yaml "
        "'Thamesbridge Community Safety Partnership': score 1.00"
    ) in out
    assert (
        "Summary: 12 rows: 10 to create, 1 already in the register, 1 not imported; "
        "22 values kept as written for an officer to confirm; 2 mis-encoded texts repaired; "
        "2 cells kept in notes; 4 likely duplicates."
    ) in out
    # The row already in the register under another name is found too ('for Medley ...').
    assert (
        "row 12 'Medley Licensing Service' and register/medley-licensing-service.yaml "
        "'Licensing Service for Medley District Council': score 0.88"
    ) in out
    assert "This was a preview: nothing was written." in out


def test_write_keeps_every_odd_value_verbatim_and_exact_values_in_their_fields(
    runner: CliRunner, messy: Path, example_repo: Path
) -> None:
    medley = (example_repo / "register" / "medley-licensing-service.yaml").read_bytes()
    result = runner.invoke(
        app, ["import", str(messy), "--write", "--allow-duplicates"], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "10 written, 1 already in the register, 1 not imported;" in result.stdout
    assert (example_repo / "register" / "medley-licensing-service.yaml").read_bytes() == medley

    records = {r.arrangement.id: r.arrangement for r in load([example_repo / "register"]).records}
    for record_id, expected in KEPT_AS_WRITTEN.items():
        assert records[record_id].imported_as_written == expected, record_id
    csp = records["thamesbridge-csp"]
    assert (
        csp.council_resources.dedicated_budget is None
    )  # not stated: not guessed from '£5605 +VAT'
    assert (str(csp.dates.start), str(csp.dates.end)) == ("2016-04", "2025-03")  # in words
    assert str(records["thamesbridge-community-safety-partnership"].dates.start) == "2006"
    assert csp.lead_officer.name == "Sam Okafor"
    assert csp.lead_officer.email == "sam.okafor@thamesbridge.gov.example"
    assert [p.name for p in csp.partners] == ["Kent Police", "Kent Fire & Rescue"]
    assert csp.notes == "Annual report due in June\nRAG: Green"
    exact = {
        "thamesbridge-community-safety-partnership": 10_000,
        "health-and-wellbeing-board": 7_400_000,
        "youth-at-work": 1_400_000,
        "carers-support-network": 12_000,
    }
    for record_id, pounds in exact.items():
        assert records[record_id].council_resources.dedicated_budget == pounds
    assert records["thamesbridge-community-safety-partnership"].dates.indefinite is True
    assert str(records["health-and-wellbeing-board"].council_resources.staff_fte) == "0.5"
    legal = records["shared-legal-svc"]
    assert legal.name == "Shared Legal Svc"  # abbreviations are not expanded in names
    assert legal.shared_service is not None and legal.shared_service.cost_split == "75% / 25%"
    assert str(legal.dates.start) == "2016-04-01" and str(legal.dates.end) == "2025-03-31"
    assert str(records["town-centre-forum"].dates.start) == "2021-04-01"
    assert records["town-centre-forum"].kind.value == "informal_network"
    assert records["riverside-heritage-trust"].kind.value == "company_or_trust"
    assert records["carers-support-network"].name == "Carers’ Support Network"
    assert records["health-and-wellbeing-board"].department == "Adults & Health"


def test_check_flags_each_value_kept_as_written_at_its_line(
    runner: CliRunner, messy: Path, example_repo: Path
) -> None:
    runner.invoke(
        app, ["import", str(messy), "--write", "--allow-duplicates"], catch_exceptions=False
    )
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "DATA010"]
    assert len(findings) == sum(len(v) for v in KEPT_AS_WRITTEN.values())
    assert all(f["severity"] == "warning" for f in findings)
    # The council's own rule (the central record of 5.6.1 relies on it, but does not ask it).
    assert all((f["basis"], f["reference"]) == ("local", "") for f in findings)
    just_under = next(f for f in findings if "just under" in f["message"])
    assert just_under["file"] == "register/shared-legal-svc.yaml"
    lines = (example_repo / just_under["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[just_under["line"] - 1].strip() == (
        "council_resources.dedicated_budget: just under £14,000"
    )
    assert just_under["message"].startswith(
        "council_resources.dedicated_budget was imported as 'just under £14,000', which "
        "partnerfw could not read exactly"
    )


def test_rules_lists_the_imported_values_rule(runner: CliRunner, example_repo: Path) -> None:
    result = runner.invoke(app, ["rules", "--format", "json"], catch_exceptions=False)
    assert "DATA010" in result.stdout


def test_import_never_overwrites_a_record_made_meanwhile(
    runner: CliRunner, messy: Path, example_repo: Path
) -> None:
    runner.invoke(
        app, ["import", str(messy), "--write", "--allow-duplicates"], catch_exceptions=False
    )
    csp = example_repo / "register" / "thamesbridge-csp.yaml"
    csp.write_text(csp.read_text(encoding="utf-8") + "# my edit\n", encoding="utf-8")
    result = runner.invoke(
        app, ["import", str(messy), "--write", "--allow-duplicates"], catch_exceptions=False
    )
    assert "0 written, 11 already in the register" in result.stdout
    assert csp.read_text(encoding="utf-8").endswith("# my edit\n")
