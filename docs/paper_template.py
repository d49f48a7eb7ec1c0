"""Write templates/reports/paper.docx, the shipped Word template of the committee papers.

    .venv/bin/python docs/paper_template.py

A council replaces it with its own (a register repository's templates/reports/paper.docx, or
<report>.docx for one report): any .docx whose styles Normal, Title, Heading 1-3, List Bullet,
List Number and Table Grid it wants the papers in. This script only makes the plain default:
A4, 2 cm margins, Arial, British English, headings that keep with the text after them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "templates" / "reports" / "paper.docx"
INK = RGBColor(0x1D, 0x3F, 0x6E)


def main() -> None:
    document = Document()
    for page in document.sections:
        page.page_width, page.page_height = Cm(21), Cm(29.7)
        page.left_margin = page.right_margin = Cm(2)
        page.top_margin = page.bottom_margin = Cm(2)
        page.header_distance = page.footer_distance = Cm(1)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = document.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = INK
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        fonts = style.element.rPr.rFonts
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), "Arial")
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
    title = document.styles["Title"].element.pPr
    for border in title.findall(qn("w:pBdr")):  # the default Title's blue rule
        title.remove(border)
    for lang in document.styles.element.iter(qn("w:lang")):
        for attribute in ("w:val", "w:eastAsia"):
            if lang.get(qn(attribute)) == "en-US":
                lang.set(qn(attribute), "en-GB")
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    core = document.core_properties
    core.title = "Committee report"
    core.author = core.last_modified_by = "partnerfw"
    core.comments = "The template of partnerfw's committee papers: replace it with the council's."
    core.created = core.modified = dt.datetime(2026, 12, 3, 9, 0)
    core.revision = 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
