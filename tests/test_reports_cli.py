"""`partnerfw report`: formats, files, options, confidentiality and the site's pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import open_project
from partnerfw.reports import REPORTS, Options, build_paper, build_reports
from partnerfw.reports.render import markdown_text, render_html
from partnerfw.rules.engine import run_check
from partnerfw.views.open_data import safe_cell
from tests.conftest import TODAY

CONFIDENTIAL_RISK = "Personal data shared without a lawful basis"
CONFIDENTIAL_PARTNER = "Thamesbridge Community Voluntary Service"
EMAIL = "helen.okafor@thamesbridge.gov.example"


def _report(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["report", *args, "--as-of", TODAY], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("output", ["html", "md", "csv"])
def test_every_report_in_every_text_format(
    runner: CliRunner, example_repo: Path, name: str, output: str
) -> None:
    text = _report(runner, name, "--format", output)
    assert "Thamesbridge" in text
    if output == "html":
        assert text.startswith("<!DOCTYPE html>") and "2. Recommendations" in text
    if output == "md":
        assert "## 1. Summary" in text and "| --- |" in text


def test_annual_html_has_pictures_with_text_alternatives(
    runner: CliRunner, example_repo: Path
) -> None:
    html = _report(runner, "annual")
    svgs = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    assert len(svgs) == 2
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Risks by likelihood (rows) and impact (columns)" in html  # the heat map as a table
    assert "£1,090,500" in html
    assert CONFIDENTIAL_RISK not in html and CONFIDENTIAL_PARTNER not in html
    assert EMAIL not in html


def test_include_confidential_is_explicit(runner: CliRunner, example_repo: Path) -> None:
    public = _report(runner, "due", "--format", "md")
    internal = _report(runner, "due", "--format", "md", "--include-confidential")
    assert EMAIL not in public
    assert EMAIL.replace("_", "\\_") in internal or EMAIL in internal
    assert "Not for publication" in internal and "Not for publication" not in public
    # Marked at the top, and on every page of the Word version.
    assert internal.lstrip().startswith("**NOT FOR PUBLICATION")
    html = _report(runner, "due", "--include-confidential")
    assert "NOT FOR PUBLICATION</strong>" in html
    assert "NOT FOR PUBLICATION" not in _report(runner, "due")
    _report(runner, "due", "-f", "docx", "--out", "due.docx", "--include-confidential")
    page = Document(str(example_repo / "due.docx")).sections[0]
    assert page.header.paragraphs[0].text.startswith("NOT FOR PUBLICATION")


def test_docx_is_a_committee_paper_with_tables(runner: CliRunner, example_repo: Path) -> None:
    _report(runner, "governance", "--format", "docx", "--out", "governance.docx")
    document = Document(str(example_repo / "governance.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Governance review of partnerships and shared services" in texts
    assert {"1. Summary", "2. Recommendations"} <= set(texts)
    assert any(t.startswith("Appendix A") for t in texts)
    meta = document.tables[0]
    assert [c.text for c in meta.rows[0].cells] == ["Report to", "Audit and Governance Committee"]
    ratings = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Arrangement" and t.rows[0].cells[-1].text == "Rating"
    )
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in ratings.rows[1:]}
    assert len(rows) == 13
    assert rows["Emergency Rest Centre Partnership"][2:4] == ["2 of 21", "10%"]
    assert rows["Emergency Rest Centre Partnership"][-1] == "Red"
    assert rows["Thamesbridge Community Safety Partnership"][-1] == "Green"
    # A4 and British English, as a UK council's papers are.
    page = document.sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)
    styles = document.styles.element.xml
    assert 'w:val="en-GB"' in styles and "en-US" not in styles


def test_docx_annual_carries_the_pictures_as_tables(runner: CliRunner, example_repo: Path) -> None:
    _report(runner, "annual", "-f", "docx", "-o", "out/annual.docx")
    document = Document(str(example_repo / "out" / "annual.docx"))
    heads = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Likelihood", "Impact 1", "Impact 2", "Impact 3", "Impact 4", "Impact 5"] in heads
    heat = document.tables[heads.index(["Likelihood", *(f"Impact {i}" for i in range(1, 6))])]
    assert [c.text for c in heat.rows[2].cells] == ["4", "0", "0", "1", "0", "0"]
    shading = heat.rows[1].cells[5]._tc.xpath("./w:tcPr/w:shd/@w:fill")  # likelihood 5, impact 5
    assert shading == ["F4B6B6"]  # very high
    resources = next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["Kind", "Council resources a year"]
    )
    assert [c.text for c in resources.rows[-1].cells] == ["Total", "£1,090,500"]


def test_docx_needs_out_and_never_overwrites(runner: CliRunner, example_repo: Path) -> None:
    result = runner.invoke(app, ["report", "annual", "-f", "docx"], catch_exceptions=False)
    assert result.exit_code == 2 and "--out" in result.stderr
    (example_repo / "mine.md").write_text("my notes", encoding="utf-8")
    result = runner.invoke(
        app, ["report", "annual", "-f", "md", "-o", "mine.md"], catch_exceptions=False
    )
    assert result.exit_code == 2 and "--overwrite" in result.stderr
    assert (example_repo / "mine.md").read_text(encoding="utf-8") == "my notes"
    _report(runner, "annual", "-f", "md", "-o", "mine.md", "--overwrite")
    assert "Annual report" in (example_repo / "mine.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, message",
    [
        (["nonsense"], "not one of"),
        (["annual", "--format", "pdf"], "--format 'pdf'"),
        (["annual", "--as-of", "31/11/2026"], "YYYY-MM-DD"),
        (["annual", "--since", "not-a-revision"], "nor a git revision"),
        (["reclassification", "--compare-policy", "missing.yaml"], "no such file"),
        (["due", "--within", "-3"], "0 or more"),
        (
            ["due", "--committee", "Comunities Cabinet Committee"],
            "--committee is one of: Communities Cabinet Committee, "
            "Corporate Services Cabinet Committee",
        ),
    ],
)
def test_bad_options_exit_2_with_a_plain_message(
    runner: CliRunner, example_repo: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["report", *args], catch_exceptions=False)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output


def test_csv_is_safe_against_formula_injection(runner: CliRunner, example_repo: Path) -> None:
    record = example_repo / "register" / "dementia-friendly-thamesbridge.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace(
            "name: Dementia Friendly Thamesbridge", "name: '=HYPERLINK(\"http://evil.example\")'", 1
        ),
        encoding="utf-8",
    )
    out = _report(runner, "scrutiny", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["Rank", "Id", "Arrangement"]
    names = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in names
    assert not any(
        cell.startswith(("=", "+", "-", "@")) and not re.fullmatch(r"-\d+(\.\d+)?", cell)
        for row in rows
        for cell in row
    )
    assert [safe_cell(v) for v in ["+1", "-2+3", "-1+cmd|' /C calc'!A0", "@x", "\tx", "\rx"]] == [
        "'+1",
        "'-2+3",
        "'-1+cmd|' /C calc'!A0",
        "'@x",
        "'\tx",
        "'\rx",
    ]
    # A plain number stays a number, so a spreadsheet can sort and add up the due report's days.
    assert [safe_cell(v) for v in ["-20", "8.1", "ok"]] == ["-20", "8.1", "ok"]
    due = list(csv.reader(io.StringIO(_report(runner, "due", "--format", "csv"))))
    days = [row[due[0].index("Days")] for row in due[1:]]
    assert any(re.fullmatch(r"-\d+", d) for d in days) and not any(d.startswith("'") for d in days)


def test_record_text_is_escaped_in_html_and_markdown(runner: CliRunner, example_repo: Path) -> None:
    record = example_repo / "register" / "dementia-friendly-thamesbridge.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace(
            "name: Dementia Friendly Thamesbridge",
            "name: '<script>alert(1)</script> [x](javascript:1)'",
            1,
        ),
        encoding="utf-8",
    )
    html = _report(runner, "governance")
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = _report(runner, "governance", "-f", "md")
    assert "<script>" not in md and "\\<script\\>" in md and "\\[x\\]" in md
    assert markdown_text("# heading | pipe") == "\\# heading \\| pipe"
    assert markdown_text("1. not a list") == "1\\. not a list"
    assert markdown_text("- not a list") == "\\- not a list"
    # Numbers are numbers, not list markers: no stray backslashes in the scrutiny scores.
    assert [markdown_text(v) for v in ("8.1", "-20", "14.1")] == ["8.1", "-20", "14.1"]
    assert "\\8.1" not in _report(runner, "scrutiny", "-f", "md")


def test_scope_options(runner: CliRunner, example_repo: Path) -> None:
    md = _report(runner, "due", "-f", "md", "--department", "place")
    assert "lead department: place" in md
    assert "Fiona Grant" in md and "Aisha Bello" not in md
    csv_text = _report(runner, "annual", "-f", "csv", "--portfolio", "Leisure and Culture")
    ids = [row[0] for row in csv.reader(io.StringIO(csv_text))][1:]
    assert ids == ["thamesbridge-leisure-trust", "youth-sports-partnership"]


def test_reclassification_with_a_policy_file(runner: CliRunner, example_repo: Path) -> None:
    (example_repo / "strict.yaml").write_text(
        "council: {name: Thamesbridge Borough Council}\nedition: revised\n"
        "policy:\n  significance:\n    triggers:\n      - type: resources_at_least\n"
        "        amount: 40000\n        counts: [dedicated_budget, staff_cost, in_kind_value]\n"
        "        reference: draft\n",
        encoding="utf-8",
    )
    out = _report(runner, "reclassification", "-f", "csv", "--compare-policy", "strict.yaml")
    rows = list(csv.reader(io.StringIO(out)))[1:]
    moves = {row[0]: (row[4], row[5]) for row in rows}
    # £40,000 threshold and no 'fundamental' trigger: two move up, one moves down
    assert moves == {
        "climate-action-partnership": ("Other partnership", "Significant partnership"),
        "youth-sports-partnership": ("Other partnership", "Significant partnership"),
        "riverside-regeneration-partnership": ("Significant partnership", "Other partnership"),
    }


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@e.x", *args],
        check=True,
        capture_output=True,
        env={
            "GIT_COMMITTER_DATE": "2026-01-10T12:00:00",
            "PATH": "/usr/bin:/bin",
            "HOME": str(root),
        },
    )


def test_annual_since_a_git_revision(runner: CliRunner, example_repo: Path) -> None:
    _git(example_repo, "init", "-q")
    _git(example_repo, "add", "-A")
    _git(example_repo, "commit", "-q", "--date=2026-01-10T12:00:00", "-m", "register")
    _git(example_repo, "tag", "start")
    youth = example_repo / "register" / "youth-sports-partnership.yaml"
    youth.write_text(
        youth.read_text(encoding="utf-8").replace(
            "dedicated_budget: 40000", "dedicated_budget: 60000"
        ),
        encoding="utf-8",
    )
    (example_repo / "register" / "downsmere-finance-officers-group.yaml").unlink()
    out = _report(runner, "annual", "-f", "csv", "--since", "start")
    rows = {(row[0], row[1]): row[4] for row in csv.reader(io.StringIO(out))}
    assert rows[("class", "youth-sports-partnership")] == (
        "Other partnership -> Significant partnership"
    )
    assert rows[("ended", "downsmere-finance-officers-group")] == "removed from the register"
    assert ("added", "emergency-rest-centre-partnership") in rows
    html = _report(runner, "annual", "--since", "start")
    assert "the register at revision start (committed 2026-01-10)" in html
    assert "All arrangements" not in html  # only what changed


def test_annual_by_date_uses_git_history_when_there_is_one(
    runner: CliRunner, example_repo: Path
) -> None:
    _git(example_repo, "init", "-q")
    _git(example_repo, "add", "-A")
    _git(example_repo, "commit", "-q", "--date=2026-01-10T12:00:00", "-m", "register")
    youth = example_repo / "register" / "youth-sports-partnership.yaml"
    youth.write_text(
        youth.read_text(encoding="utf-8").replace(
            "dedicated_budget: 40000", "dedicated_budget: 60000"
        ),
        encoding="utf-8",
    )
    md = _report(runner, "annual", "-f", "md", "--since", "2026-02-01")
    assert (
        "| Thamesbridge Youth Sports Partnership | Other partnership | Significant "
        "partnership |" in md
    )
    md_before_history = _report(runner, "annual", "-f", "md", "--since", "2025-12-01")
    assert "need the register's history" in md_before_history


def test_build_reports_gives_public_pages_for_the_site(example_repo: Path) -> None:
    project = open_project(example_repo)
    result = run_check(project, [project.register_dir], dt.date.fromisoformat(TODAY))
    pages = build_reports(project, result, dt.date.fromisoformat(TODAY))
    assert sorted(pages) == [f"reports/{n}.html" for n in sorted(REPORTS)]
    for html in pages.values():
        assert html.startswith("<!DOCTYPE html>")
        for secret in (
            CONFIDENTIAL_RISK,
            CONFIDENTIAL_PARTNER,
            EMAIL,
            "01632 960141",
            "volunteer coordinators",
        ):
            assert secret not in html
    assert "Public: parts marked confidential" in pages["reports/annual.html"]


def test_confidential_council_resources_are_not_published(example_repo: Path) -> None:
    record = example_repo / "register" / "youth-sports-partnership.yaml"
    text = record.read_text(encoding="utf-8")
    assert "confidential:" not in text
    record.write_text(text + "confidential:\n  - council_resources\n", encoding="utf-8")
    project = open_project(example_repo)
    result = run_check(project, [project.register_dir], dt.date.fromisoformat(TODAY))
    pages = build_reports(project, result, dt.date.fromisoformat(TODAY))
    for name, html in pages.items():
        assert "47,500" not in html, name  # the youth partnership's resources
    internal = build_paper(
        "scrutiny", project, result, dt.date.fromisoformat(TODAY), Options(public=False)
    )
    assert "47,500" in render_html(internal)
    assert (
        "Other partnership (the figures are confidential)" in pages["reports/reclassification.html"]
    )


def test_findings_about_a_confidential_part_are_not_published(
    runner: CliRunner, example_repo: Path
) -> None:
    record = example_repo / "register" / "climate-action-partnership.yaml"
    text = record.read_text(encoding="utf-8")
    internal = _report(runner, "annual", "-f", "md", "--include-confidential")
    assert "Further partners leave" in internal  # MON004 quotes the risk
    record.write_text(
        text + "confidential:\n  - monitoring.risk_register.0\n  - name\n", encoding="utf-8"
    )
    public = _report(runner, "annual", "-f", "md")
    assert "Further partners leave" not in public
    assert "Thamesbridge Climate Action Partnership" not in public
    assert "| Withheld | Partnership | Other partnership | Under review |" in public


def test_a_register_repository_can_replace_a_report_template(
    runner: CliRunner, example_repo: Path
) -> None:
    own = example_repo / "templates" / "reports" / "scrutiny.html.j2"
    own.parent.mkdir(parents=True)
    own.write_text(
        '{% extends "reports/paper.html.j2" %}{% block body %}<p>Our own layout</p>{% endblock %}',
        encoding="utf-8",
    )
    html = _report(runner, "scrutiny")
    assert "Our own layout" in html and "Ranked candidates" not in html
    assert "Ranked candidates" in _report(runner, "scrutiny", "-f", "md")


def test_annual_without_history_does_not_claim_no_class_changes(
    runner: CliRunner, example_repo: Path
) -> None:
    md = _report(runner, "annual", "-f", "md")
    summary = md[md.index("## 1. Summary") : md.index("## 2. Recommendations")]
    assert "0 changes of class" not in summary
    assert "need the register's git history, which is not available" in summary
