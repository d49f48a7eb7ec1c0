"""The Word template a paper is built on, and the document's properties, header and footer.

The template is a reference document: its page size and margins, styles (Normal, Title,
Heading 1-3, List Bullet, List Number, Table Grid), header and footer are the paper's; its
body is replaced by the paper. A register repository's own
``templates/reports/<report>.docx`` or ``templates/reports/paper.docx`` is used before the
shipped ``templates/reports/paper.docx``, so the council's house style (fonts, colours, a logo
in the header) needs no code.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from partnerfw.errors import UserError
from partnerfw.reports.paper import Paper
from partnerfw.templating import templates_dir

SHIPPED = "paper.docx"


def template_path(name: str, root: Path | None) -> Path:
    """The Word template for report ``name``: the register's own first, then the shipped one."""
    folders = [root / "templates" / "reports"] if root is not None else []
    folders.append(templates_dir() / "reports")
    for folder in folders:
        for file_name in (f"{name}.docx", SHIPPED):
            if (folder / file_name).is_file():
                return folder / file_name
    raise UserError(f"no Word template: {templates_dir() / 'reports' / SHIPPED} is missing")


def open_template(path: Path) -> Any:
    """The template as a document with an empty body (its last section's page set-up kept)."""
    # python-docx (here and in the modules that write the paper) loads only when a Word
    # paper is asked for (start-up speed).
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(
            f"{path}: not a Word document ({error}); save the template from Word as .docx "
            "(not .doc or .dotx), or remove it to use the shipped one"
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def set_properties(document: Any, paper: Paper) -> None:
    """Title, subject, author and dates the paper's own: the council, the paper's date."""
    core = document.core_properties
    when = dt.datetime(paper.as_of.year, paper.as_of.month, paper.as_of.day, 9, 0)
    core.title = paper.title
    core.subject = f"Report to {paper.committee}"
    core.author = paper.council
    core.last_modified_by = paper.council
    core.comments = f"{paper.title}: report to {paper.committee}, {paper.scope}."
    core.keywords = "partnerships; shared services; committee report"
    core.category = "Committee report" if paper.public else "Committee report: not for publication"
    core.language = "en-GB"
    core.created = core.modified = when
    core.revision = 1
    core.identifier = f"{paper.name}-{paper.as_of.isoformat()}"


def mark_pages(document: Any, paper: Paper) -> None:
    """Each page's footer names the council and the paper, with the page number; an internal
    paper's header says it is not for publication."""
    restricted = "" if paper.public else "NOT FOR PUBLICATION — "
    for page in document.sections:
        _footer(
            _free_paragraph(page.footer), f"{restricted}{paper.council} — {paper.title} — page "
        )
        if not paper.public:
            header = _free_paragraph(page.header, first=True)
            run = header.add_run("NOT FOR PUBLICATION: contains confidential information")
            run.bold = True


def _free_paragraph(part: Any, first: bool = False) -> Any:
    """An empty paragraph of the header or footer: the template's own if it has one, else a
    new one (at the top with ``first``), so the template's logo or text stays."""
    part.is_linked_to_previous = False
    for paragraph in part.paragraphs:
        if not paragraph.text.strip() and not paragraph._p.xpath(".//w:drawing"):
            return paragraph
    if first and part.paragraphs:
        return part.paragraphs[0].insert_paragraph_before()
    return part.add_paragraph()


def _footer(paragraph: Any, text: str) -> None:
    """Footer text followed by a PAGE field, so each printed page is numbered."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    # Loaded here, not at the top: python-docx is only needed when this runs.
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
