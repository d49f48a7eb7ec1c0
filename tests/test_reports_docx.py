"""The Word committee papers as a clerk files them: on the council's template, every table
within the page (checked in LibreOffice's PDF of each paper), heading rows repeated, rows never
split, the front sheet and the implications, the paper's own properties, a normal file mode;
author prompts in the internal paper only. Two councils: the bundled Thamesbridge register and
Harrowmere's, differently shaped, on its own template (narrower text, a wider font)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.reports import REPORTS
from partnerfw.reports.docx_widths import layout, text_width
from tests.conftest import REPO, TODAY
from tests.records import yaml_text

POLICIES = REPO / "tests" / "policies"
LONG_NAME = (
    "Harrowmere and Upper Vale Integrated Neighbourhood Health, Wellbeing and Independent "
    "Living Commissioning Partnership"
)
LONG_WORD = "Cholmondeley-Featherstonehaugh-Marjoribanks"
PAPERS = {
    "report_of": "Director of Corporate Services",
    "contact_officer": {
        "name": "Rebecca Lowe",
        "title": "Partnerships Manager",
        "email": "rebecca.lowe@thamesbridge.gov.example",
        "phone": "01632 960123",
    },
    "wards": "All wards",
    "implications": {"legal": "The Monitoring Officer has no further comments."},
    "reports": {"reclassification": {"key_decision": True, "forward_plan": "FP/2026/14"}},
}


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("PARTNERFW_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(
                "LibreOffice is required (PARTNERFW_REQUIRE_LIBREOFFICE=1): make libreoffice"
            )
        pytest.skip("LibreOffice (soffice) is not installed: run `make libreoffice`")
    return found


def _papers(root: Path, *extra: str) -> list[Path]:
    """Every report as a Word paper, public and internal, written by the command."""
    runner = CliRunner()
    written = []
    for name in REPORTS:
        for internal in (False, True):
            out = root / "papers" / f"{name}{'-internal' if internal else ''}.docx"
            args = ["report", name, "-f", "docx", "-o", str(out), "--as-of", TODAY, *extra]
            args += ["--include-confidential"] if internal else []
            result = runner.invoke(app, args, catch_exceptions=False)
            assert result.exit_code == 0, result.output
            written.append(out)
    return written


def _pdfs(papers: list[Path]) -> dict[Path, Path]:
    """LibreOffice's PDF of each paper (one soffice run for all of them)."""
    folder = papers[0].parent / "pdf"
    profile = papers[0].parent / "lo-profile"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, papers),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {paper: folder / f"{paper.stem}.pdf" for paper in papers}


def _harrowmere(root: Path) -> Path:
    """Harrowmere County Council's register (the n-of-m policy), with an arrangement whose
    names are long, and the council's own Word template: 3 cm margins and Verdana."""
    shutil.copy(POLICIES / "n-of-m.yaml", root / "partnerfw.yaml")
    shutil.copytree(POLICIES / "registers" / "n-of-m", root / "register")
    record = yaml.safe_load(yaml_text("partnership"))
    record.update(id="integrated-neighbourhood-health", name=LONG_NAME)
    record["department"] = "Adult Social Care, Public Health and Integrated Commissioning"
    record["lead_officer"]["title"] = "Assistant Director (Integrated Commissioning)"
    record["partners"][0]["name"] = f"{LONG_WORD} Community Interest Company"
    (root / "register" / "integrated-neighbourhood-health.yaml").write_text(
        yaml.safe_dump(record, sort_keys=False), encoding="utf-8"
    )
    template = Document()
    for page in template.sections:
        page.page_width, page.page_height = Cm(21), Cm(29.7)
        page.left_margin = page.right_margin = Cm(3)
    template.styles["Normal"].font.name = "Verdana"
    template.sections[0].header.paragraphs[0].text = "Harrowmere County Council"
    (root / "templates" / "reports").mkdir(parents=True)
    template.save(str(root / "templates" / "reports" / "paper.docx"))
    return root


def _table_edges(pdf_path: Path) -> list[tuple[int, float, float, float]]:
    """(page, leftmost, rightmost x of the table rules, page width) of each page with a table."""
    found = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            edges = [e for e in page.edges if e["orientation"] == "v"]
            if edges:
                left = min(e["x0"] for e in edges)
                right = max(e["x1"] for e in edges)
                found.append((number, left, right, float(page.width)))
    return found


def _words(document: Any) -> set[str]:
    """The words of every table cell, as a reader would see them whole."""
    words = set()
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                # a line may break after a hyphen: the parts between are what must stay whole
                words.update(w.strip(".,;:()'\"") for w in cell.text.replace("-", " ").split())
    return {w for w in words if len(w) > 3}


def _assert_fits(docx: Path, pdf: Path) -> None:
    document = Document(str(docx))
    page = document.sections[0]
    left_margin = page.left_margin.pt
    right_edge = (page.page_width - page.right_margin) / 12700  # EMU to points
    edges = _table_edges(pdf)
    assert edges, f"{pdf.name}: no table found in the PDF"
    for number, left, right, width in edges:
        assert left >= left_margin - 8, f"{pdf.name} page {number}: a table starts at {left}"
        assert right <= right_edge + 1, (
            f"{pdf.name} page {number}: a table reaches {right:.1f} pt, past the text's right "
            f"edge {right_edge:.1f} pt (page {width:.1f} pt)"
        )
    with pdfplumber.open(str(pdf)) as opened:
        text = " ".join(p.extract_text() or "" for p in opened.pages)
    pdf_words = set(text.split())
    broken = [w for w in _words(document) if not any(w in seen for seen in pdf_words)]
    assert not broken, f"{pdf.name}: words split across lines in a table: {broken[:10]}"


# --- the layout in LibreOffice -----------------------------------------------------------------


@pytest.fixture(scope="module")
def thamesbridge_papers(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    root = tmp_path_factory.mktemp("thamesbridge")
    shutil.copytree(REPO / "register", root / "register")
    settings = yaml.safe_load((REPO / "partnerfw.yaml").read_text(encoding="utf-8"))
    settings["papers"] = PAPERS
    (root / "partnerfw.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    here = Path.cwd()
    os.chdir(root)
    try:
        papers = _papers(root)
    finally:
        os.chdir(here)
    return _pdfs(papers)


@pytest.fixture(scope="module")
def harrowmere_papers(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    root = _harrowmere(tmp_path_factory.mktemp("harrowmere"))
    here = Path.cwd()
    os.chdir(root)
    try:
        papers = _papers(root)
    finally:
        os.chdir(here)
    return _pdfs(papers)


def test_every_thamesbridge_paper_keeps_its_tables_on_the_page(
    thamesbridge_papers: dict[Path, Path],
) -> None:
    for docx, pdf in thamesbridge_papers.items():
        _assert_fits(docx, pdf)


def test_every_harrowmere_paper_keeps_its_tables_within_its_own_margins(
    harrowmere_papers: dict[Path, Path],
) -> None:
    for docx, pdf in harrowmere_papers.items():
        _assert_fits(docx, pdf)
        page = Document(str(docx)).sections[0]
        assert round(page.left_margin.cm) == 3  # the council's template, not the shipped one
    governance = next(p for p in harrowmere_papers if p.name == "governance.docx")
    with pdfplumber.open(str(harrowmere_papers[governance])) as pdf:
        text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert text.startswith("Harrowmere County Council")  # the template's own header
    assert "Neighbourhood" in text.split()  # the long name's words whole


def test_the_long_appendix_table_takes_few_pages(thamesbridge_papers: dict[Path, Path]) -> None:
    """The annual paper's appendix of every arrangement fitted the page rather than spreading
    over seven; each page of a long table repeats its heading row."""
    annual = next(p for p in thamesbridge_papers if p.name == "annual.docx")
    with pdfplumber.open(str(thamesbridge_papers[annual])) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    assert len(pages) <= 12, f"the annual paper runs to {len(pages)} pages"
    governance = next(p for p in thamesbridge_papers if p.name == "governance.docx")
    with pdfplumber.open(str(thamesbridge_papers[governance])) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    heading = "Arrangement Kind Items in Complete Errors Warnings"
    assert sum(heading in t for t in texts) >= 2  # the ratings run onto a second page


# --- the Word file itself ------------------------------------------------------------------------


def _report(root: Path, name: str, *args: str) -> Any:
    out = root / f"{'-'.join([name, *args]).replace('--', '')}.docx"
    result = CliRunner().invoke(
        app,
        ["report", name, "-f", "docx", "-o", str(out), "--as-of", TODAY, *args],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return Document(str(out))


def _texts(document: Any) -> list[str]:
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def _front(document: Any) -> dict[str, str]:
    return {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}


def test_front_sheet_and_implications_from_partnerfw_yaml(example_repo: Path) -> None:
    settings = yaml.safe_load((example_repo / "partnerfw.yaml").read_text(encoding="utf-8"))
    settings["papers"] = PAPERS
    (example_repo / "partnerfw.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    document = _report(example_repo, "governance")
    front = _front(document)
    assert front["Report of"] == "Director of Corporate Services"
    assert front["Contact officer"] == (
        "Rebecca Lowe, Partnerships Manager, rebecca.lowe@thamesbridge.gov.example, 01632 960123"
    )
    assert front["Wards affected"] == "All wards" and front["Key decision"] == "No"
    assert front["Date"] == "23 November 2026"
    texts = [p.text for p in document.paragraphs]
    headings = [t for t in texts if re.match(r"\d+\.\d+ ", t)]
    assert [h.split(" ", 1)[1] for h in headings] == [
        "Legal implications",
        "Financial implications",
        "Equalities implications",
        "Climate change and environmental implications",
        "Risk management implications",
    ]
    assert "The Monitoring Officer has no further comments." in texts
    assert any("take £" in t and "a year of the council's resources" in t for t in texts)
    key = _front(_report(example_repo, "reclassification"))["Key decision"]
    assert key == "Yes (Forward Plan FP/2026/14)"


def test_author_prompts_only_in_the_internal_paper(example_repo: Path) -> None:
    """Without papers: in partnerfw.yaml the internal paper asks the author for the contact
    officer, wards and each implications comment, highlighted; the public paper asks nothing."""
    for name in REPORTS:
        public = _texts(_report(example_repo, name))
        assert not [t for t in public if "[" in t], f"{name}: a prompt in the public paper"
        internal = _report(example_repo, name, "--include-confidential")
        prompts = [t for t in _texts(internal) if t.startswith("[For the author")]
        assert any("contact officer" in t for t in prompts)
        assert any("Monitoring Officer" in t and "legal" in t for t in prompts), name
        highlighted = internal.element.body.xpath(".//w:highlight/@w:val")
        assert "yellow" in highlighted


def test_document_properties_and_file_mode(example_repo: Path) -> None:
    old = os.umask(0o022)
    try:
        document = _report(example_repo, "annual")
    finally:
        os.umask(old)
    core = document.core_properties
    assert core.title == "Annual report on partnerships and shared services" or core.title
    assert core.author == core.last_modified_by == "Thamesbridge Borough Council"
    assert core.created.date().isoformat() == TODAY == core.modified.date().isoformat()
    assert core.language == "en-GB" and "python-docx" not in (core.comments or "")
    assert core.revision == 1
    assert (example_repo / "annual.docx").stat().st_mode & 0o777 == 0o644


def test_tables_repeat_their_heading_and_keep_rows_whole(example_repo: Path) -> None:
    document = _report(example_repo, "governance")
    text_width = (document.sections[0].page_width - Cm(4)) / 635  # twips
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert all(r.xpath("./w:trPr/w:cantSplit") for r in rows)
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.gridCol_lst]
        assert sum(grid) <= text_width
        assert table._tbl.tblPr.xpath("./w:tblLayout/@w:type") == ["fixed"]
    for table in document.tables[1:]:
        assert table._tbl.tr_lst[0].xpath("./w:trPr/w:tblHeader")


def test_a_register_template_is_used_and_a_broken_one_is_named(example_repo: Path) -> None:
    template = Document()
    template.styles["Normal"].font.size = Pt(12)
    template.sections[0].header.paragraphs[0].text = "Thamesbridge house style"
    folder = example_repo / "templates" / "reports"
    folder.mkdir(parents=True)
    template.save(str(folder / "due.docx"))
    document = _report(example_repo, "due")
    assert document.sections[0].header.paragraphs[0].text == "Thamesbridge house style"
    assert document.styles["Normal"].font.size == Pt(12)
    assert _report(example_repo, "annual").sections[0].header.paragraphs[0].text == ""
    (folder / "paper.docx").write_text("not a Word file", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["report", "annual", "-f", "docx", "-o", "a.docx"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "paper.docx: not a Word document" in result.stderr
    assert not (example_repo / "a.docx").exists()


# --- the widths ----------------------------------------------------------------------------------


def test_widths_never_split_a_word_when_the_words_fit() -> None:
    header = ["Arrangement", "Kind", "Completeness", "Rating"]
    rows = [["Emergency Rest Centre Partnership", "Commissioning arrangement", "95%", "Green"]]
    sized = layout(header, rows, 9638)
    assert sum(sized.widths) <= 9638 and sized.font_pt == 10
    for column, width in enumerate(sized.widths):
        words = [*header[column].split(), *rows[0][column].split()]
        assert width > max(text_width(w, 10, bold=True) for w in words)


def test_widths_shrink_the_text_before_breaking_words() -> None:
    header = [f"Heading{n}" for n in range(9)]
    rows = [["Commissioning"] * 9]
    sized = layout(header, rows, 9638, 9.0)
    assert sized.font_pt < 9 and sum(sized.widths) <= 9638
    crammed = layout(header, [["Supercalifragilisticexpialidocious"] * 9], 9638, 9.0)
    assert crammed.font_pt == 7 and sum(crammed.widths) <= 9638  # words break; the page holds


def test_html_and_markdown_papers_say_the_same(example_repo: Path, runner: CliRunner) -> None:
    """The front sheet and the implications are the paper's, in every format; the site's
    public pages carry no author prompt."""
    settings = yaml.safe_load((example_repo / "partnerfw.yaml").read_text(encoding="utf-8"))
    settings["papers"] = {"wards": "All wards", "contact_officer": PAPERS["contact_officer"]}
    (example_repo / "partnerfw.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    for output in ("html", "md"):
        result = runner.invoke(app, ["report", "due", "-f", output, "--as-of", TODAY])
        assert "Wards affected" in result.stdout and "Rebecca Lowe" in result.stdout
        assert "Legal implications" in result.stdout and "[For the author" not in result.stdout
        internal = runner.invoke(
            app, ["report", "due", "-f", output, "--as-of", TODAY, "--include-confidential"]
        )
        assert "For the author: add the comments of the Monitoring Officer" in internal.stdout
    built = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert built.exit_code in (0, 1), built.output
    pages = sorted((example_repo / "site" / "reports").glob("*.html"))
    assert len(pages) == len(REPORTS)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "For the author" not in text and "Legal implications" in text, page.name
