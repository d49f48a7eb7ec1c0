"""The governance facts councils record (issue 11.4), end to end on a register of differently
shaped records (tests/fixtures/governance_facts): a joint waste committee of three districts and
the county, a statutory Community Safety Partnership (Crime and Disorder Act 1998 s5), a
partnership funded by Sport England, an appointment to an outside body and a community interest
company. Each fact is read and validated with its line, shown on the site and in the reports,
published in the open data and survives export and import."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.loading import load, parse_record
from tests.conftest import REPO, TODAY

FIXTURE = REPO / "tests" / "fixtures" / "governance_facts"


@pytest.fixture
def facts_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "downsmere"
    shutil.copytree(FIXTURE, root)
    monkeypatch.chdir(root)
    return root


def _run(runner: CliRunner, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.stdout


def _json_check(runner: CliRunner) -> dict[str, object]:
    return json.loads(_run(runner, "check", "--today", TODAY, "--format", "json", code=1))


def test_every_fixture_record_reads_with_its_facts(facts_repo: Path) -> None:
    records = {r.arrangement.id: r.arrangement for r in load([facts_repo / "register"]).records}
    assert len(records) == 5
    waste = records["mid-kent-joint-waste-committee"]
    assert waste.joint_committee is not None and waste.joint_committee.quorum == 3
    assert waste.partner_decisions[0].authority == "Medley Borough Council"
    assert waste.overall_budget_over_term is not None
    assert waste.overall_budget_over_term.total == 19980000
    csp = records["downsmere-community-safety-partnership"]
    assert csp.statutory_basis is not None and csp.statutory_basis.statutory
    assert (csp.statutory_basis.act, csp.statutory_basis.section) == (
        "Crime and Disorder Act 1998",
        "s5",
    )
    assert records["active-downsmere"].external_funding[0].source == "Sport England"
    assert records["citizens-advice-downsmere-appointments"].kind == "outside_body"
    company = records["downsmere-community-energy-cic"].company
    assert company is not None and company.form == "community_interest_company"


def test_check_flags_the_limited_audit_and_no_one_from_other_councils(
    runner: CliRunner, facts_repo: Path
) -> None:
    payload = _json_check(runner)
    findings = payload["findings"]
    assert isinstance(findings, list)
    limited = [f for f in findings if f["rule"] == "MON020"]
    assert [f["record"] for f in limited] == ["downsmere-community-safety-partnership"]
    assert limited[0]["reference"] == "Framework 6.3, 6.11"
    assert "limited assurance" in limited[0]["message"]
    # Other authorities' committee members and partner decisions are not this council's people.
    assert [f for f in findings if f["rule"] in ("LST001", "GOV020", "CLS020")] == []
    records = {r["id"]: r for r in payload["records"]}  # type: ignore[index]
    assert records["citizens-advice-downsmere-appointments"]["classification"] == "outside_body"
    assert records["downsmere-community-energy-cic"]["classification"] == "out_of_scope"
    assert "community interest company" in records["downsmere-community-energy-cic"]["reason"]


def test_a_lead_member_not_on_the_councillors_list_is_flagged(
    runner: CliRunner, facts_repo: Path
) -> None:
    path = facts_repo / "register" / "active-downsmere.yaml"
    path.write_text(path.read_text().replace("Cllr Peter Quill, title", "Cllr Peter Quil, title"))
    found = [f for f in _json_check(runner)["findings"] if f["rule"] == "LST001"]  # type: ignore[union-attr]
    assert len(found) == 1
    assert found[0]["line"] == 11
    assert "Lead Member 'Cllr Peter Quil'" in found[0]["message"]
    assert "did you mean 'Cllr Peter Quill'" in found[0]["message"]


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("  quorum: 3\n", "  quorum: 8\n", "the quorum of 8 is more than the 6 voting seats"),
        ("total: 19980000", "total: 19000000", "add up to 19980000, not the total 19000000"),
        ("{year: 2026/27,", "{year: 2026/28,", "'2026/28' is not a financial year"),
        (
            "  statutory: false\n  act: Local Government Act 1972\n",
            "  statutory: true\n",
            "needs its Act",
        ),
        (
            "seats: 2, members: [Cllr Simon Webb]",
            "seats: 1, members: [Cllr Simon Webb, Cllr Extra]",
            "has 1 seat(s) but 2 members",
        ),
    ],
)
def test_an_inconsistent_fact_is_an_error_with_its_line(
    facts_repo: Path, old: str, new: str, words: str
) -> None:
    path = facts_repo / "register" / "mid-kent-joint-waste-committee.yaml"
    text = path.read_text()
    assert old in text
    changed = text.replace(old, new)
    record, problems = parse_record(
        changed.encode(), "register/mid-kent-joint-waste-committee.yaml"
    )
    assert record is None
    assert any(words in p.message for p in problems), [p.message for p in problems]
    assert all(p.line > 1 for p in problems)


def test_an_outside_body_without_appointees_or_a_company_section_elsewhere_is_refused() -> None:
    text = (FIXTURE / "register" / "citizens-advice-downsmere-appointments.yaml").read_text()
    cut = (
        text.split("  appointees:")[0]
        + "  appointees: []\n"
        + text.split("  reports_back: an annual written report to Full Council\n")[1]
    )
    record, problems = parse_record(cut.encode(), "register/x.yaml")
    assert record is None and "appointees" in problems[0].message
    cic = (FIXTURE / "register" / "downsmere-community-energy-cic.yaml").read_text()
    wrong = cic.replace("kind: company_or_trust", "kind: partnership")
    record, problems = parse_record(wrong.encode(), "register/x.yaml")
    assert record is None
    assert "'company:' section only belongs to kind company_or_trust" in problems[0].message


def test_the_site_shows_each_fact_and_the_open_data_carries_them(
    runner: CliRunner, facts_repo: Path
) -> None:
    _run(runner, "build", "--today", TODAY, "--out", "site")
    site = facts_repo / "site"
    waste = (site / "arrangements" / "mid-kent-joint-waste-committee.html").read_text()
    for text in (
        "Mid Kent Joint Waste Committee",
        "3 voting members; including a member from each district council",
        "rotates between the district councils",
        "Kent County Council</td><td>1</td><td>No</td>",
        "Decisions by partner authorities",
        "CAB/2018/112",
        "Overall budget over the term (2024/25 to 2027/28)".replace("2024/25", "2025/26"),
        "£19,980,000",
        "Reasonable assurance",
        "Not statutory (made under Local Government Act 1972, ss101(5) and 102)",
        "Cllr Tom Haskell, Cabinet Member for Environment",
    ):
        assert text in waste, text
    csp = (site / "arrangements" / "downsmere-community-safety-partnership.html").read_text()
    assert "Statutory: Crime and Disorder Act 1998, s5" in csp
    assert "Home Office: Safer Streets Fund round 5" in csp and "Could be sought" in csp
    assert "External funding secured</dt>" in csp and "£283,000" in csp
    body = (site / "arrangements" / "citizens-advice-downsmere-appointments.html").read_text()
    assert "Appointments to the outside body" in body and "Trustee" in body
    assert "Outside body appointment" in body
    cic = (site / "arrangements" / "downsmere-community-energy-cic.html").read_text()
    assert "Company or charitable trust (community interest company)" in cic

    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO((site / "register.csv").read_text("utf-8-sig")))
    }
    assert rows["downsmere-community-safety-partnership"]["statutory_basis"] == (
        "Crime and Disorder Act 1998, s5"
    )
    assert rows["downsmere-community-safety-partnership"]["audit_opinion"] == "limited"
    assert rows["active-downsmere"]["external_funding_secured"] == "1200000"
    assert rows["mid-kent-joint-waste-committee"]["overall_budget_over_term"] == "19980000"
    assert rows["citizens-advice-downsmere-appointments"]["kind"] == "outside_body"
    assert rows["downsmere-community-energy-cic"]["company_form"] == "community_interest_company"
    data = json.loads((site / "register.json").read_text())
    active = next(a for a in data["arrangements"] if a["id"] == "active-downsmere")
    assert active["external_funding"][0]["source"] == "Sport England"


def test_a_confidential_fact_is_not_published(runner: CliRunner, facts_repo: Path) -> None:
    path = facts_repo / "register" / "downsmere-community-safety-partnership.yaml"
    path.write_text(
        path.read_text() + "confidential: [external_funding, monitoring.audit_opinions]\n"
    )
    _run(runner, "build", "--today", TODAY, "--out", "site")
    page = (
        facts_repo / "site/arrangements/downsmere-community-safety-partnership.html"
    ).read_text()
    assert "Safer Streets" not in page and "Limited assurance" not in page
    open_data = (facts_repo / "site" / "register.csv").read_text("utf-8-sig")
    assert "Safer Streets" not in open_data and "limited" not in open_data
    report = _run(runner, "report", "governance", "--format", "md", "--as-of", TODAY)
    assert "Limited assurance" not in report


def test_the_reports_show_audit_opinions_and_external_funding(
    runner: CliRunner, facts_repo: Path
) -> None:
    governance = _run(runner, "report", "governance", "--format", "md", "--as-of", TODAY)
    assert "| Limited assurance, 20 March 2026 |" in governance
    assert "audit gave limited assurance on 20 March 2026 (Framework 6.11)" in governance
    annual = _run(runner, "report", "annual", "--format", "md", "--as-of", TODAY)
    assert "secured £1,483,000 of external funding" in annual


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_and_import_back_lose_no_fact(
    fmt: str, runner: CliRunner, facts_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / f"first.{fmt}"
    _run(runner, "export", "--format", fmt, "--include-confidential", "--out", str(first))
    if fmt == "json":
        return  # json export is not an import format; covered by csv and xlsx
    empty = tmp_path / "empty"
    (empty / "register").mkdir(parents=True)
    shutil.copy(facts_repo / "partnerfw.yaml", empty / "partnerfw.yaml")
    monkeypatch.chdir(empty)
    report = _run(runner, "import", str(first), "--write")
    assert "5 rows: 5 written" in report and "0 values kept as written" in report
    second = tmp_path / f"second.{fmt}"
    _run(runner, "export", "--format", fmt, "--include-confidential", "--out", str(second))
    assert second.read_bytes() == first.read_bytes()
    original = {r.arrangement.id: r.arrangement for r in load([FIXTURE / "register"]).records}
    imported = {r.arrangement.id: r.arrangement for r in load([empty / "register"]).records}
    assert imported == original


def test_new_asks_for_an_outside_body_and_a_statutory_partnership(
    runner: CliRunner, facts_repo: Path
) -> None:
    out = _run(
        runner,
        "new", "--no-input", "--kind", "outside_body", "--name", "Downsmere Harbour Board",
        "--organisation", "Downsmere Harbour Board", "--appointed-by", "Annual Council",
        "--appointee", "Cllr Tom Haskell; Cllr Meera Joshi", "--lead-officer", "Erin Shaw",
        "--department", "Democratic Services", "--today", TODAY,
    )  # fmt: skip
    assert "Out of scope (appointment to an outside body)" in out
    text = (facts_repo / "register" / "downsmere-harbour-board.yaml").read_text()
    assert "organisation: Downsmere Harbour Board" in text and "- name: Cllr Meera Joshi" in text
    _run(
        runner,
        "new", "--no-input", "--kind", "partnership", "--name", "Downsmere Safeguarding Forum",
        "--lead-officer", "Dana Whitlock", "--department", "Communities", "--statutory",
        "--statutory-act", "Children Act 2004 s11", "--lead-member", "Cllr Meera Joshi",
        "--today", TODAY,
    )  # fmt: skip
    made = {r.arrangement.id: r.arrangement for r in load([facts_repo / "register"]).records}
    forum = made["downsmere-safeguarding-forum"]
    assert forum.statutory_basis is not None
    assert (forum.statutory_basis.act, forum.statutory_basis.section) == (
        "Children Act 2004",
        "s11",
    )
    assert forum.lead_member is not None and forum.lead_member.name == "Cllr Meera Joshi"
    # What new wrote is tidy. (The register's older files, written before it had a schema/
    # folder, would gain the schema line from fmt now that new has written one.)
    made_files = [
        "register/downsmere-harbour-board.yaml",
        "register/downsmere-safeguarding-forum.yaml",
    ]
    _run(runner, "fmt", "--check", *made_files)
    wrong = runner.invoke(
        app,
        ["new", "--no-input", "--kind", "partnership", "--name", "X", "--lead-officer", "Erin Shaw",
         "--department", "Communities", "--company-form", "community_interest_company"],
    )  # fmt: skip
    assert wrong.exit_code == 2 and "--company-form does not apply here" in wrong.output
