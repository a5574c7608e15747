"""ODT export (odfpy): Heading 1–4 styles with outline levels, tables with header rows."""

from __future__ import annotations

import io

from odf.opendocument import OpenDocumentText
from odf.style import (FontFace, ParagraphProperties, Style, TableCellProperties,
                       TableProperties, TextProperties)
from odf.table import Table as OdfTable
from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, LineBreak, List, ListItem, P

from .blocks import Bullets, Heading, Layout, Notes, Para, Table
from .document import MinutesDocument
from .layout import lay_out

_SIZES = {1: "18pt", 2: "14pt", 3: "12pt", 4: "10.5pt"}


def _styles(doc: OpenDocumentText) -> dict[str, Style]:
    doc.fontfacedecls.addElement(FontFace(name="DejaVu Sans", fontfamily="'DejaVu Sans'"))
    out = {}
    base = Style(name="Standard", family="paragraph")
    base.addElement(TextProperties(fontname="DejaVu Sans", fontsize="10pt"))
    base.addElement(ParagraphProperties(marginbottom="0.15cm"))
    doc.styles.addElement(base)
    out["body"] = base
    for level, size in _SIZES.items():
        style = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}",
                      family="paragraph", parentstylename="Standard",
                      defaultoutlinelevel=str(level), nextstylename="Standard")
        style.addElement(TextProperties(fontsize=size, fontweight="bold"))
        style.addElement(ParagraphProperties(margintop="0.35cm", marginbottom="0.2cm",
                                             keepwithnext="always"))
        doc.styles.addElement(style)
        out[f"h{level}"] = style
    for name, text, para in (
            ("meta", {}, {}), ("strong", {"fontweight": "bold"}, {}),
            ("quote", {"fontstyle": "italic"}, {"marginleft": "1cm"}),
            ("code", {"fontname": "DejaVu Sans", "fontsize": "9pt"}, {"marginleft": "0.5cm"}),
            ("fingerprint", {"fontsize": "7.5pt"}, {}),
            ("caption", {"fontstyle": "italic"}, {}),
            ("cell", {"fontsize": "9pt"}, {}),
            ("header_cell", {"fontsize": "9pt", "fontweight": "bold"}, {})):
        style = Style(name=f"Minutes_{name}", family="paragraph", parentstylename="Standard")
        if text:
            style.addElement(TextProperties(**text))
        if para:
            style.addElement(ParagraphProperties(**para))
        doc.styles.addElement(style)
        out[name] = style
    cell = Style(name="Minutes_cellbox", family="table-cell")
    cell.addElement(TableCellProperties(border="0.5pt solid #888888", padding="0.08cm"))
    doc.automaticstyles.addElement(cell)
    out["cellbox"] = cell
    table = Style(name="Minutes_table", family="table")
    table.addElement(TableProperties(width="17cm", align="left"))
    doc.automaticstyles.addElement(table)
    out["table"] = table
    return out


def _text(element, text: str):
    for i, line in enumerate(text.split("\n")):
        if i:
            element.addElement(LineBreak())
        element.addText(line)
    return element


def _table(block: Table, st, count: int) -> list:
    table = OdfTable(name=f"Table{count}", stylename=st["table"])
    table.addElement(TableColumn(numbercolumnsrepeated=len(block.header)))
    header = TableHeaderRows()
    row = TableRow()
    for text in block.header:
        cell = TableCell(stylename=st["cellbox"], valuetype="string")
        cell.addElement(_text(P(stylename=st["header_cell"]), text))
        row.addElement(cell)
    header.addElement(row)
    table.addElement(header)
    for values in block.rows:
        row = TableRow()
        for i, text in enumerate(values):
            style = st["header_cell"] if i == 0 and block.row_headers else st["cell"]
            cell = TableCell(stylename=st["cellbox"], valuetype="string")
            cell.addElement(_text(P(stylename=style), text))
            row.addElement(cell)
        table.addElement(row)
    return [_text(P(stylename=st["caption"]), block.caption), table]


def _elements(block, st, counter: list[int]) -> list:
    if isinstance(block, Heading):
        return [_text(H(outlinelevel=block.level, stylename=st[f"h{block.level}"]), block.text)]
    if isinstance(block, Para):
        return [_text(P(stylename=st.get(block.style, st["body"])), block.text)]
    if isinstance(block, Bullets):
        items = List()
        for text in block.items:
            item = ListItem()
            item.addElement(_text(P(stylename=st["body"]), "• " + text))
            items.addElement(item)
        return [items]
    if isinstance(block, Table):
        counter[0] += 1
        return _table(block, st, counter[0])
    if isinstance(block, Notes):
        return [e for inner in block.blocks for e in _elements(inner, st, counter)]
    raise TypeError(type(block))


def render_layout_odt(layout: Layout) -> bytes:
    """An ODT file of a laid-out compte rendu."""
    doc = OpenDocumentText()
    st = _styles(doc)
    from odf.dc import Language, Title
    doc.meta.addElement(Title(text=layout.title))
    doc.meta.addElement(Language(text=layout.lang))
    counter = [0]
    for block in layout.blocks:
        for element in _elements(block, st, counter):
            doc.text.addElement(element)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def render_odt(document: MinutesDocument) -> bytes:
    """The compte rendu as an OpenDocument text file."""
    return render_layout_odt(lay_out(document))
