"""A table of the Word paper: fixed column widths from ``docx_widths``, the heading row
repeated at the top of each page, no row split across a page break, numbers right-aligned,
ratings and heat-map cells shaded."""

from __future__ import annotations

from typing import Any

from partnerfw.reports.docx_widths import Layout
from partnerfw.reports.paper import Table

RATING_FILL = {"Green": "CFE8C4", "Amber": "FFE3A8", "Red": "F4B6B6"}


def add_table(
    document: Any,
    table: Table,
    body: list[list[str]],
    sized: Layout,
    style: str | None,
    key_column: bool = False,
) -> Any:
    """Add ``table`` (its ``body`` rows, the total last) laid out as ``sized``; with
    ``key_column`` there is no heading row and the first column is bold (a front sheet)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Twips

    # python-docx loads only when a Word paper is asked for (start-up speed).
    rows = body if key_column else [table.columns, *body]
    grid = document.add_table(rows=len(rows), cols=len(table.columns))
    if style:
        grid.style = style
    _fixed(grid, sized.widths, sized.margin)
    size = Pt(sized.font_pt)
    for index, (row, texts) in enumerate(zip(grid.rows, rows, strict=True)):
        heading = index == 0 and not key_column
        _row_properties(row, heading)
        position_in_body = index if key_column else index - 1
        total = table.total is not None and position_in_body == len(body) - 1
        for position, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            cell.width = Twips(sized.widths[position])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text)
            run.font.size = size
            run.bold = heading or total or (key_column and position == 0)
            if position in table.numeric and not heading:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if not heading:
                fill = _fill(table, position_in_body, position, text)
                if fill:
                    _shade(cell, fill)
    return grid


def _fill(table: Table, row: int, position: int, text: str) -> str | None:
    fill = None
    if position == table.rating_column and text in RATING_FILL:
        fill = RATING_FILL[text]
    if table.heat_map and row < len(table.fills) and table.fills[row][position]:
        fill = str(table.fills[row][position]).lstrip("#").upper()
    return fill


def _fixed(grid: Any, widths: list[int], margin: int) -> None:
    """Fixed layout at the given widths (twips), so Word and LibreOffice keep them, with
    ``margin`` twips left and right inside each cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    # python-docx loads only when a Word paper is asked for (start-up speed).
    grid.autofit = False
    properties = grid._tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:w"), str(sum(widths)))
    table_width.set(qn("w:type"), "dxa")
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    for old in properties.findall(qn("w:tblCellMar")):
        properties.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(margin))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    properties.append(margins)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Twips(width)
    _order(properties)


_TBLPR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
)


def _order(properties: Any) -> None:
    """Put tblPr's children in the order the schema requires (Word refuses others)."""
    from docx.oxml.ns import qn

    # python-docx loads only when a Word paper is asked for (start-up speed).
    rank = {qn(f"w:{name}"): n for n, name in enumerate(_TBLPR_ORDER)}
    children = sorted(properties, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        properties.remove(child)
        properties.append(child)


def _row_properties(row: Any, heading: bool) -> None:
    """No row split across pages; the heading row repeated at the top of each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # python-docx loads only when a Word paper is asked for (start-up speed).
    properties = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    properties.append(keep)
    if heading:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # python-docx loads only when a Word paper is asked for (start-up speed).
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shade)
