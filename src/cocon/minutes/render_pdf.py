"""PDF export: WeasyPrint prints the HTML export, tagged as PDF/UA-1 (WeasyPrint ≥ 61).

A character no installed font can draw (an emoji on a server without an emoji font) would be
printed as an empty box, and it also makes pypdf misread the whole page's text. Such characters
are written as their code point, "[U+1F331]", so nothing is silently dropped and the PDF stays
readable by machines.
"""

from __future__ import annotations

import functools
import glob
import unicodedata

from .document import MinutesDocument
from .layout import lay_out
from .render_html import render_layout_html

PDF_VARIANT = "pdf/ua-1"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/fonts/truetype")


@functools.lru_cache(maxsize=1)
def _covered() -> frozenset[int] | None:
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency
    points: set[int] = set()
    for name in FONT_FILES:
        for path in {p for d in FONT_DIRS for p in glob.glob(f"{d}/**/{name}", recursive=True)}:
            points.update(TTFont(path, lazy=True).getBestCmap())
    return frozenset(points) or None


def drawable(text: str) -> str:
    """Text with every character the PDF fonts lack written as [U+XXXX]."""
    covered = _covered()
    if covered is None:
        return text
    out = []
    for char in text:
        code = ord(char)
        if code < 0x80 or code in covered or char.isspace():
            out.append(char)
        elif unicodedata.category(char) in ("Cf", "Mn"):
            continue  # joiners and variation selectors of an emoji sequence carry no text
        else:
            out.append(f"[U+{code:04X}]")
    return "".join(out)


def render_pdf(document: MinutesDocument) -> bytes:
    """The compte rendu as a tagged PDF with running header, page numbers and fingerprint."""
    import weasyprint  # heavy import, only when a PDF is asked for

    layout = lay_out(document)
    html = weasyprint.HTML(string=drawable(render_layout_html(layout)))
    return html.write_pdf(pdf_variant=PDF_VARIANT,
                          pdf_identifier=layout.fingerprint[:32].encode())
