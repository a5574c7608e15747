"""DOCX export (python-docx): built-in Heading styles, tables whose header row repeats."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .blocks import Bullets, Heading, Layout, Notes, Para, Table
from .document import MinutesDocument
from .layout import lay_out


def _repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trPr.append(flag)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_footer(doc, layout: Layout) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = layout.council_name
    footer = section.footer.paragraphs[0]
    footer.add_run(layout.labels.get("page", "Page") + " ")
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")


def _write_text(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
    lines = text.split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    run.bold, run.italic = bold or None, italic or None


def _table(doc, block: Table) -> None:
    caption = doc.add_paragraph(style="Caption")
    caption.add_run(block.caption)
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    head = table.rows[0]
    _repeat_header(head)
    for cell, text in zip(head.cells, block.header):
        _write_text(cell.paragraphs[0], text, bold=True)
    for values in block.rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, values)):
            _write_text(cell.paragraphs[0], text, bold=i == 0 and block.row_headers)


def _block(doc, block) -> None:
    if isinstance(block, Heading):
        _write_text(doc.add_heading(level=block.level), block.text)
    elif isinstance(block, Para):
        style = {"quote": "Quote", "fingerprint": "No Spacing"}.get(block.style)
        paragraph = doc.add_paragraph(style=style)
        _write_text(paragraph, block.text, bold=block.style == "strong",
                    italic=block.style == "code")
        if block.style == "fingerprint":
            for run in paragraph.runs:
                run.font.size = Pt(7.5)
    elif isinstance(block, Bullets):
        for item in block.items:
            _write_text(doc.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, Table):
        _table(doc, block)
    elif isinstance(block, Notes):
        for inner in block.blocks:
            _block(doc, inner)
    else:
        raise TypeError(type(block))


def render_layout_docx(layout: Layout) -> bytes:
    """A DOCX file of a laid-out compte rendu."""
    doc = Document()
    doc.core_properties.title = layout.title[:255]  # the format caps core properties
    doc.core_properties.language = layout.lang
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(10)
    _header_footer(doc, layout)
    for block in layout.blocks:
        _block(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_docx(document: MinutesDocument) -> bytes:
    """The compte rendu as a Word document."""
    return render_layout_docx(lay_out(document))
