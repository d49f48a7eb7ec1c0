"""Renderers of a :class:`Paper`: HTML and Markdown through Jinja templates
(``templates/reports/``), DOCX through python-docx, CSV through the csv module."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from partnerfw.reports.common import date_text
from partnerfw.reports.figures import band
from partnerfw.reports.paper import Paper, Table
from partnerfw.templating import environment
from partnerfw.views.open_data import safe_cell
from partnerfw.xml_text import xml_safe

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^([#+=-](?=\s|$)|\d+[.)](?=\s|$))")
RATING_FILL = {"Green": "CFE8C4", "Amber": "FFE3A8", "Red": "F4B6B6"}


def _environment(root: Path | None):  # type: ignore[no-untyped-def]
    # Jinja loads only when a paper is rendered (start-up speed).

    env = environment(root)
    # The report templates are written for these whitespace settings (set before any load).
    env.trim_blocks = env.lstrip_blocks = env.keep_trailing_newline = True
    env.filters["md"] = markdown_text
    env.filters["date_text"] = date_text
    return env


def markdown_text(value: object) -> Markup:
    """Text safe in Markdown (and in the HTML Markdown becomes): punctuation that Markdown or
    HTML would act on is backslash-escaped; line breaks become spaces."""
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:  # '8.1' or '-20' is a number; '1. ' or '- ' would start a list
        text = text[: match.end(1) - 1] + "\\" + text[match.end(1) - 1 :]
    return Markup(text)


def render_html(paper: Paper, root: Path | None = None, site_nav: bool = False) -> str:
    """The paper as an HTML page; with ``site_nav``, as a page of the published site (in its
    ``reports/`` folder), with links back to the register and the list of reports."""
    env = _environment(root)
    return str(
        env.get_template(f"reports/{paper.name}.html.j2").render(paper=paper, site_nav=site_nav)
    )


def render_md(paper: Paper, root: Path | None = None) -> str:
    env = _environment(root)
    return str(env.get_template(f"reports/{paper.name}.md.j2").render(paper=paper))


def render_csv(paper: Paper) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in paper.data.columns])
    for row in paper.data.rows:
        writer.writerow([safe_cell(c) for c in row])
    return buffer.getvalue()


def render_docx(paper: Paper) -> bytes:
    """A plain committee paper: title block, summary, recommendations, sections with their
    tables (pictures become their data tables), appendices. A character Word's XML cannot hold
    (a control character a record escapes, such as ESC or NUL) is shown as U+FFFD, the
    replacement character, rather than stopping the paper."""
    paper = _xml_safe(paper)
    # python-docx (here and below) loads only when a Word paper is asked for (start-up speed).
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm, Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    _british(document)
    for page in document.sections:
        page.page_width, page.page_height = Cm(21), Cm(29.7)  # A4, as council papers are
        page.left_margin = page.right_margin = Cm(2)
        page.top_margin = page.bottom_margin = Cm(2)
        restricted = "" if paper.public else "NOT FOR PUBLICATION — "
        _footer(page.footer.paragraphs[0], f"{restricted}{paper.council} — {paper.title} — page ")
        if not paper.public:
            header = page.header.paragraphs[0]
            header.text = "NOT FOR PUBLICATION: contains confidential information"
            header.runs[0].bold = True
    core = document.core_properties
    core.title = paper.title
    core.author = paper.council
    core.subject = f"Report to {paper.committee}"
    document.add_paragraph(paper.council.upper()).runs[0].bold = True
    document.add_heading(paper.title, level=0)
    meta = document.add_table(rows=0, cols=2)
    meta.style = "Table Grid"
    for key, value in _meta(paper):
        cells = meta.add_row().cells
        cells[0].text = key
        cells[1].text = value
        cells[0].paragraphs[0].runs[0].bold = True
    document.add_heading("1. Summary", level=1)
    for text in paper.summary:
        document.add_paragraph(text)
    document.add_heading("2. Recommendations", level=1)
    for text in paper.recommendations:
        document.add_paragraph(text, style="List Number")
    number = 3
    for section in paper.sections:
        document.add_heading(f"{number}. {section.heading}", level=1)
        number += 1
        _docx_section(document, section)
    for section in paper.appendices:
        document.add_page_break()  # type: ignore[no-untyped-call]
        document.add_heading(section.heading, level=1)
        _docx_section(document, section)
    for table in document.tables:
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xml_safe(value: Any) -> Any:
    """``value`` (the paper, and every part of it) with its text made safe for XML 1.0."""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _british(document) -> None:  # type: ignore[no-untyped-def]
    """UK English for spelling and grammar checks, instead of python-docx's US default."""
    from docx.oxml.ns import qn

    for lang in document.styles.element.iter(qn("w:lang")):
        for attribute in ("w:val", "w:eastAsia"):
            if lang.get(qn(attribute)) == "en-US":
                lang.set(qn(attribute), "en-GB")


def _meta(paper: Paper) -> list[tuple[str, str]]:
    return [
        ("Report to", paper.committee),
        ("Date", date_text(paper.as_of)),
        ("Covering", paper.scope),
        ("Framework", paper.framework),
        (
            "Classification",
            "Public: confidential parts left out"
            if paper.public
            else "Not for publication: contains confidential information",
        ),
    ]


def _docx_section(document, section) -> None:  # type: ignore[no-untyped-def]
    for text in section.paragraphs:
        document.add_paragraph(text)
    for text in section.bullets:
        document.add_paragraph(text, style="List Bullet")
    for figure in section.figures:
        document.add_paragraph(figure.title, style="Heading 3")
        document.add_paragraph(figure.description)
        _docx_table(document, figure.table)
    for table in section.tables:
        _docx_table(document, table)


def _docx_table(document, table: Table) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # Loaded here, not at the top: python-docx is only needed when this runs.
    from docx.shared import Pt

    caption = document.add_paragraph(table.caption)
    caption.runs[0].bold = True
    if not table.rows:
        document.add_paragraph("None.")
        return
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(grid.rows[0], OxmlElement, qn)
    body = [*table.rows, *([table.total] if table.total else [])]
    for index, row in enumerate(body):
        cells = grid.add_row().cells
        for position, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            if position in table.numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fill = None
            if position == table.rating_column and text in RATING_FILL:
                fill = RATING_FILL[text]
            if table.heat_map and position > 0 and index < 5:
                fill = band((5 - index) * position)[1].lstrip("#").upper()
            if fill:
                shade = OxmlElement("w:shd")
                shade.set(qn("w:val"), "clear")
                shade.set(qn("w:fill"), fill)
                cell._tc.get_or_add_tcPr().append(shade)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9 if len(table.columns) > 4 else 10)
            if table.total and index == len(body) - 1 and cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph()


def _footer(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """Footer text followed by a PAGE field, so each printed page is numbered."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # Loaded here, not at the top: python-docx is only needed when this runs.
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    field = paragraph.add_run()
    field.font.size = Pt(8)
    for kind, value in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
        field._r.append(element)


def _repeat_header(row, element, qn) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    header = element("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
