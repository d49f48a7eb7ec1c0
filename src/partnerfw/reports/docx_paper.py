"""The Word committee paper: the template's page and styles, the front sheet, summary,
recommendations, numbered sections, the standard implications and the appendices; every
table sized to the page (``docx_widths``), its heading row repeated on each page and no row
split across pages.

An author prompt (a text in square brackets, e.g. '[For the author: ...]') is highlighted in
the internal paper and never written into a public one.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

from partnerfw.reports.common import date_text
from partnerfw.reports.docx_tables import add_table
from partnerfw.reports.docx_template import mark_pages, open_template, set_properties, template_path
from partnerfw.reports.docx_widths import FONT_SCALE, layout
from partnerfw.reports.paper import Implication, Paper, Section, Table
from partnerfw.xml_text import xml_safe


def is_prompt(text: str) -> bool:
    """Written for the report's author, not for its readers: '[... to be added ...]'."""
    return text.startswith("[") and text.endswith("]")


def render_docx(paper: Paper, root: Path | None = None) -> bytes:
    """The paper as a Word document built on the council's template (see docx_template). A
    character Word's XML cannot hold (a control character a record escapes, such as ESC or
    NUL) is shown as U+FFFD, the replacement character, rather than stopping the paper."""
    paper = _xml_safe(paper)
    document = open_template(template_path(paper.name, root))
    writer = _Writer(document, paper)
    set_properties(document, paper)
    mark_pages(document, paper)
    writer.front()
    writer.heading("1. Summary", 1)
    for text in paper.summary:
        writer.paragraph(text)
    writer.heading("2. Recommendations", 1)
    for text in paper.recommendations:
        writer.paragraph(text, "List Number")
    number = 3
    for section in paper.sections:
        writer.heading(f"{number}. {section.heading}", 1)
        writer.section(section)
        number += 1
    if paper.implications:
        writer.heading(f"{number}. Implications", 1)
        for position, implication in enumerate(paper.implications, start=1):
            writer.implication(f"{number}.{position}", implication)
    for section in paper.appendices:
        document.add_page_break()
        writer.heading(section.heading, 1)
        writer.section(section)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Writer:
    """Adds the paper's parts to the document, in the template's styles where it has them."""

    def __init__(self, document: Any, paper: Paper) -> None:
        self.document = document
        self.paper = paper
        page = document.sections[-1]
        self.text_width = int((page.page_width - page.left_margin - page.right_margin) / 635)
        font = (document.styles["Normal"].font.name or "Arial").casefold()
        self.scale = FONT_SCALE.get(font, 1.0)

    def _style(self, name: str) -> str | None:
        return name if name in self.document.styles else None

    def heading(self, text: str, level: int) -> None:
        style = self._style(f"Heading {level}")
        paragraph = self.document.add_paragraph(text, style)
        if style is None:
            paragraph.runs[0].bold = True
        paragraph.paragraph_format.keep_with_next = True

    def paragraph(self, text: str, style: str | None = None) -> None:
        """A paragraph; an author prompt only in the internal paper, highlighted."""
        if is_prompt(text) and self.paper.public:
            return
        paragraph = self.document.add_paragraph(text, self._style(style) if style else None)
        if is_prompt(text):
            from docx.enum.text import WD_COLOR_INDEX  # python-docx: see render_docx

            paragraph.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW

    def front(self) -> None:
        """The council, the title and the front sheet's table."""
        self.document.add_paragraph(self.paper.council.upper()).runs[0].bold = True
        self.document.add_paragraph(self.paper.title, self._style("Title"))
        rows = [(key, value) for key, value in _front_rows(self.paper) if value is not None]
        shown = [(k, v) for k, v in rows if not (is_prompt(v) and self.paper.public)]
        self.table(Table("", ["", ""], [list(row) for row in shown]), key_column=True)

    def section(self, section: Section) -> None:
        for text in section.paragraphs:
            self.paragraph(text)
        for text in section.bullets:
            self.paragraph(text, "List Bullet")
        for figure in section.figures:
            self.heading(figure.title, 3)
            self.paragraph(figure.description)
            self.table(figure.table)
        for table in section.tables:
            self.table(table)

    def implication(self, number: str, implication: Implication) -> None:
        self.heading(f"{number} {implication.heading}", 2)
        for text in implication.facts:
            self.paragraph(text)
        if implication.comment:
            self.paragraph(implication.comment)
        if implication.prompt:
            self.paragraph(implication.prompt)

    def table(self, table: Table, key_column: bool = False) -> None:
        if table.caption:
            caption = self.document.add_paragraph()
            caption.add_run(table.caption).bold = True
            caption.paragraph_format.keep_with_next = True
        if not table.rows:
            self.document.add_paragraph("None.")
            return
        body = [*table.rows, *([table.total] if table.total else [])]
        header = [] if key_column else table.columns
        size = 10.0 if len(table.columns) <= 4 else 9.0
        sized = layout(header, body, self.text_width, size, self.scale, bold_first=key_column)
        add_table(self.document, table, body, sized, self._style("Table Grid"), key_column)
        self.document.add_paragraph()


def _front_rows(paper: Paper) -> list[tuple[str, str | None]]:
    front = paper.front
    ask = "[For the author: {}, or set papers: {} in partnerfw.yaml]"
    return [
        ("Report to", paper.committee),
        ("Date", date_text(paper.as_of)),
        ("Report of", front.report_of or ask.format("who the report is of", "report_of")),
        (
            "Contact officer",
            front.contact_officer
            or ask.format("the contact officer's name, title, email and phone", "contact_officer"),
        ),
        ("Wards affected", front.wards or ask.format("the wards affected", "wards")),
        ("Key decision", front.key_decision),
        ("Covering", paper.scope),
        ("Framework", paper.framework),
        (
            "Classification",
            "Public: confidential parts left out"
            if paper.public
            else "Not for publication: contains confidential information",
        ),
    ]


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
