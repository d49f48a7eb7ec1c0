"""partnerfw import keeps its word on registers shaped like councils' published ones (issue
18.2, tests/fixtures/council_registers.py): every row becomes a record or is named in the
report with its row number; an outside body is written with what it lacks flagged; a kind or
status never contradicts the row's words; dates in words become partial dates; the headings
for statutory basis, external funding, joint committee and audit opinion fill their fields.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load
from partnerfw.record.partial_dates import PartialDate
from partnerfw.spreadsheet import cells
from partnerfw.spreadsheet.headings import guess
from tests.fixtures.council_registers import (
    ELMBRIDGE_ROWS,
    HARTMOOR_ROWS,
    KESTREL_ROWS,
    NORTHVALE_ROWS,
    elmbridge_csv,
    hartmoor_xlsx,
    kestrel_xlsx,
    northvale_csv,
)

P = PartialDate


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "register").mkdir()
    (tmp_path / "partnerfw.yaml").write_text("council: {name: Test Council}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _import(runner: CliRunner, sheet: Path, code: int = 0) -> str:
    result = runner.invoke(app, ["import", str(sheet), "--write"], catch_exceptions=False)
    assert result.exit_code == code, result.stdout
    return result.stdout


def _records(root: Path) -> dict[str, Any]:
    register = load([root / "register"])
    assert register.problems == []
    return {r.arrangement.id: r.arrangement for r in register.records}


def _row_lines(report: str) -> dict[int, str]:
    """Each row's first line in the report, by row number."""
    return {int(m[1]): m[2] for m in re.finditer(r"^  row (\d+) +(.*)$", report, re.M)}


def test_every_row_is_a_record_or_named_by_its_row(runner: CliRunner, repo: Path) -> None:
    """Four councils' sheets: each row is written, or said to be a heading, note or total."""
    sheets = [
        (northvale_csv(repo / "northvale.csv"), len(NORTHVALE_ROWS), 2),
        (hartmoor_xlsx(repo / "hartmoor.xlsx"), len(HARTMOOR_ROWS), 4),
        (elmbridge_csv(repo / "elmbridge.csv"), len(ELMBRIDGE_ROWS), 0),
        (kestrel_xlsx(repo / "kestrel.xlsx"), len(KESTREL_ROWS), 0),
    ]
    for sheet, rows, left_out in sheets:
        report = _import(runner, sheet)
        lines = _row_lines(report)
        assert len(lines) == rows, report
        assert sum(line.startswith("written ") for line in lines.values()) == rows - left_out
        assert sum(line.startswith("left out: ") for line in lines.values()) == left_out
        assert "NOT IMPORTED" not in report
    assert len(_records(repo)) == 5 + 5 + 3 + 3


def test_a_council_csv_with_words_for_dates_funding_and_audit(
    runner: CliRunner, repo: Path
) -> None:
    report = _import(runner, northvale_csv(repo / "northvale.csv"))
    lines = _row_lines(report)
    assert lines[7] == (
        "left out: a note ('Note: contributions are for 2023/24 and exclude officer time'), "
        "not an arrangement: left out"
    )
    assert lines[8] == "left out: a total row ('Total | 100500'), not an arrangement: left out"
    assert "read 'Start Date' 'Since 2006' as 2006" in report
    records = _records(repo)

    csp = records["northvale-community-safety-partnership"]
    assert csp.dates.start == P(2006)
    assert csp.statutory_basis.statutory
    assert csp.statutory_basis.act == "Crime and Disorder Act 1998 s5"  # its own column
    assert [(f.source, f.scheme, f.amount, f.secured) for f in csp.external_funding] == [
        ("Home Office", "Safer Streets Fund", Decimal(245000), True),
        ("Police and Crime Commissioner", None, Decimal(38000), True),
    ]
    (opinion,) = csp.monitoring.audit_opinions
    assert (opinion.opinion, opinion.date) == ("reasonable", dt.date(2022, 6, 10))

    board = records["northvale-health-and-wellbeing-board"]
    assert board.dates.start == P(2013, 4) and board.external_funding == []
    assert "dates.start" not in board.imported_as_written

    lsp = records["northvale-local-strategic-partnership"]
    assert lsp.status == "ended" and lsp.dates.start == P(2019, 4, 1)
    assert lsp.statutory_basis is not None and not lsp.statutory_basis.statutory
    climate = records["northvale-climate-partnership"]
    assert climate.status == "proposed" and climate.dates.start == P(2027, 4)
    youth = records["northvale-youth-partnership"]
    assert youth.dates.start == P(2016)
    assert [(f.source, f.amount, f.secured) for f in youth.external_funding] == [
        ("Youth Endowment Fund", Decimal(50000), False)
    ]
    assert youth.imported_as_written["monitoring.audit_opinions.0.opinion"] == "Limited"
    assert (
        "check: monitoring.audit_opinions.0 needs monitoring.audit_opinions.0.date too, which "
        "the sheet does not give: kept as written" in report
    )


def test_a_workbook_with_merged_group_headings_and_section_rows(
    runner: CliRunner, repo: Path
) -> None:
    report = _import(runner, hartmoor_xlsx(repo / "hartmoor.xlsx"))
    assert "(headings in row 4)" in report
    assert "Note: column 'Member' under 'Lead' read as 'Lead Member'" in report
    assert "'Lead Member'              -> lead_member.name  (known heading)" in report
    lines = _row_lines(report)
    assert lines[8] == (
        "left out: a section heading ('SHARED SERVICES'), not an arrangement: the rows under "
        "it are read as shared service where they do not say"
    )
    assert lines[13].startswith("left out: a note ('* Contributions are annual")
    records = _records(repo)

    csp = records["hartmoor-community-safety-partnership"]
    assert csp.lead_member.name == "Cllr Peter Vance"
    basis = csp.statutory_basis
    assert (basis.statutory, basis.act, basis.section) == (
        True,
        "Crime and Disorder Act 1998",
        "s.5",
    )
    assert csp.joint_committee is None and csp.external_funding == []
    (opinion,) = csp.monitoring.audit_opinions
    assert (opinion.opinion, opinion.date) == ("limited", dt.date(2026, 3, 20))
    assert csp.imported_as_written == {}

    safeguarding = records["hartmoor-safeguarding-children-partnership"]
    assert safeguarding.imported_as_written["statutory_basis.statutory"] == "Yes"  # which Act?
    assert safeguarding.external_funding[0].source == "Department for Education"

    revenues = records["hartmoor-and-elmbridge-revenues-and-benefits"]
    assert revenues.kind == "shared_service"  # from the section heading above it
    assert revenues.status == "active"
    assert revenues.imported_as_written["joint_committee.name"] == (
        "Hartmoor and Elmbridge Joint Revenues Committee"
    )
    legal = records["hartmoor-and-elmbridge-legal-service"]
    assert legal.status == "ended"  # 'Dissolved 31 March 2024'


def test_outside_bodies_are_written_with_what_they_lack_flagged(
    runner: CliRunner, repo: Path
) -> None:
    report = _import(runner, kestrel_xlsx(repo / "kestrel.xlsx"))
    records = _records(repo)
    rural = records["kestrel-rural-community-council"]
    assert rural.kind == "outside_body"
    body = rural.outside_body
    assert [a.name for a in body.appointees] == ["Cllr Dana Fisher", "Cllr Yusuf Ali"]
    assert (body.appointed_by, body.registered_number) == ("Annual Council", "1012345")
    assert body.organisation == "Kestrel Rural Community Council"
    assert rural.imported_as_written["outside_body.organisation"] == ""
    wildlife = records["kestrel-wildlife-trust"]
    assert wildlife.kind == "outside_body"  # listed as one, though its name says 'Trust'
    airport = records["kestrel-airport-consultative-committee"]
    assert airport.outside_body.appointees[0].name == "(to be confirmed)"
    assert {
        "outside_body.appointed_by": "",
        "outside_body.appointees.0.name": "",
    }.items() <= airport.imported_as_written.items()
    assert (
        "not in the sheet, placeholder 'Kestrel Airport Consultative Committee' (from the row's "
        "name) to confirm (DATA010): outside_body.organisation" in report
    )

    result = runner.invoke(app, ["check", "--today", "2026-11-23", "--format", "json"])
    assert '"rule": "DATA010"' in result.stdout and "outside_body.appointees.0.name" in (
        result.stdout
    )


def test_a_shared_services_register_in_semicolons(runner: CliRunner, repo: Path) -> None:
    report = _import(runner, elmbridge_csv(repo / "elmbridge.csv"))
    assert "read as UTF-8 (from its byte order mark), semicolon-separated" in report
    records = _records(repo)
    control = records["building-control"]
    assert control.kind == "shared_service"
    assert control.shared_service.type == "full_shared_service"
    assert control.shared_service.host_authority == "Elmbridge Borough Council"
    assert [p.name for p in control.partners] == ["Wyre District Council"]
    assert (control.dates.start, control.dates.end) == (P(2015, 4), P(2027, 3, 31))
    assert records["internal-audit"].dates.indefinite
    ict = records["joint-ict"]
    assert (ict.status, ict.dates.end) == ("ended", P(2022))
    assert "s113 Local Government Act 1972" in control.notes


def test_a_status_cell_the_row_contradicts_is_flagged_and_explained(
    runner: CliRunner, repo: Path
) -> None:
    (repo / "sheet.csv").write_text(
        "Name,Status,End date,Comments\n"
        "Marsh Lane Forum,Active,Dissolved October 2020,\n"
        "Canal Partnership,Active,,Dissolved in 2019 and replaced by the Waterways Board\n"
        "Market Board,Active,31/03/2027,Proposed extension agreed\n",
        encoding="utf-8",
    )
    report = _import(runner, repo / "sheet.csv")
    records = _records(repo)
    forum = records["marsh-lane-forum"]
    assert forum.status == "active" and forum.dates.end == P(2020, 10)
    assert forum.imported_as_written["status"] == "Active"
    assert (
        "check: 'Status' 'Active' is read as active, but the row also says ended (from "
        "'dissolved' in 'End date' 'Dissolved October 2020'): kept as written too; confirm the "
        "status"
    ) in report
    assert records["canal-partnership"].imported_as_written["status"] == "Active"
    assert "Waterways Board" in records["canal-partnership"].notes
    assert "status" not in records["market-board"].imported_as_written  # a note, not a status


@pytest.mark.parametrize(
    ("text", "field", "date"),
    [
        ("April 2016", "start", P(2016, 4)),
        ("Since 2006", "start", P(2006)),
        ("since 2006", "joined", P(2006)),
        ("from 1 April 2019", "start", P(2019, 4, 1)),
        ("w.e.f. 1st April 2019", "start", P(2019, 4, 1)),
        ("Established Sept. 2015", "start", P(2015, 9)),
        ("2006 onwards", "start", P(2006)),
        ("Until March 2025", "end", P(2025, 3)),
        ("Dissolved October 2020", "end", P(2020, 10)),
        ("expires 31/03/2027", "end", P(2027, 3, 31)),
        ("ended on 31 March 2020", "end", P(2020, 3, 31)),
    ],
)
def test_dates_in_words_are_partial_dates(text: str, field: str, date: PartialDate) -> None:
    assert cells.read_partial_date(text, field).value == date


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Since 2006", "end"),  # 'since' begins something: not an end date
        ("Until March 2025", "start"),
        ("c. 2006", "start"),
        ("early 2016", "start"),
        ("2019/20", "start"),
        ("from 1 April", "start"),
        ("April 2016 (renewed 2021)", "start"),
    ],
)
def test_other_words_around_a_date_are_kept_as_written(text: str, field: str) -> None:
    assert cells.read_partial_date(text, field) == cells.INEXACT


@pytest.mark.parametrize(
    ("heading", "path"),
    [
        ("Statutory (Y/N)", "statutory_basis"),
        ("Statutory basis", "statutory_basis"),
        ("Legislation", "statutory_basis.act"),
        ("External funding (£)", "external_funding"),
        ("Grant funding", "external_funding"),
        ("Joint committee", "joint_committee"),
        ("Name of joint committee", "joint_committee.name"),
        ("Internal audit opinion", "monitoring.audit_opinions"),
        ("Assurance level", "monitoring.audit_opinions"),
        ("Date of last audit", "monitoring.audit_opinions.0.date"),
        ("Council representative(s)", "outside_body.appointees"),
        ("Partner councils", "partners"),
    ],
)
def test_headings_of_the_governance_facts_are_mapped(heading: str, path: str) -> None:
    assert guess(heading).path == path
