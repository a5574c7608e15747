"""HTML export: one document for the page and for the PDF (print stylesheet included)."""

from __future__ import annotations

from html import escape

from .blocks import Bullets, Heading, Layout, Notes, Para, Table
from .document import MinutesDocument
from .layout import lay_out

# The council's name reaches the running header through string-set, never through CSS text,
# so no name can inject CSS.
STYLESHEET = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-center { content: string(council); font-size: 8pt; color: #444; }
  @bottom-center { content: "%(page)s " counter(page) " / " counter(pages);
                   font-size: 8pt; color: #444; } }
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10pt;
       line-height: 1.4; color: #111; }
body { max-width: 60rem; margin: 0 auto; }
h1, h2, h3, h4, p, li, td, th, caption { overflow-wrap: anywhere; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; } h4 { font-size: 10.5pt; }
h2, h3, h4 { break-after: avoid; }
p.council { string-set: council content(); font-weight: bold; }
p.meta { margin: .2em 0; }
p.strong { font-weight: bold; }
blockquote, p.quote { margin: .5em 1.5em; font-style: italic; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%%; margin: .5em 0 1em;
        table-layout: fixed; font-size: 9pt; }
col.wide { width: 28%%; }
thead th { hyphens: auto; }
caption { text-align: left; font-style: italic; padding-bottom: .2em; }
th, td { border: 1px solid #888; padding: .2em .4em; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
p.fingerprint { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
@media screen { body { padding: 1rem; } }
"""


def _table(block: Table) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.header)
    rows = []
    for row in block.rows:
        cells = [f'<th scope="row">{escape(c)}</th>' if i == 0 and block.row_headers
                 else f"<td>{escape(c)}</td>" for i, c in enumerate(row)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # a fixed layout prints long sessions twice as fast; a naming column gets more room
    first = '<col class="wide">' if len(block.header) >= 4 else "<col>"
    cols = first + "<col>" * (len(block.header) - 1)
    return (f"<table><caption>{escape(block.caption)}</caption><colgroup>{cols}</colgroup>"
            f"<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _para(block: Para) -> str:
    if block.style == "code":
        return f"<pre><code>{escape(block.text)}</code></pre>"
    text = escape(block.text).replace("\n", "<br>")
    return f'<p class="{block.style}">{text}</p>'


def _block(block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        return _para(block)
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Notes):
        return f'<div class="notes">{block.html}</div>'
    raise TypeError(type(block))


def render_layout_fragment(layout: Layout) -> str:
    """The body of the compte rendu, for embedding in a page that has its own <head>."""
    parts = [_block(b) for b in layout.blocks]
    # the first meta paragraph is the council's name: it feeds the PDF's running header
    parts[1] = parts[1].replace('<p class="meta">', '<p class="council">', 1)
    return "\n".join(parts)


def render_layout_html(layout: Layout) -> str:
    """A complete HTML document with its print stylesheet."""
    css = STYLESHEET % {"page": layout.labels.get("page", "Page")}
    return (f'<!DOCTYPE html>\n<html lang="{layout.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(layout.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
            f"<main>\n{render_layout_fragment(layout)}\n</main>\n</body>\n</html>\n")


def render_html(document: MinutesDocument) -> bytes:
    """The compte rendu as a UTF-8 HTML document (the PDF is printed from it)."""
    return render_layout_html(lay_out(document)).encode("utf-8")
