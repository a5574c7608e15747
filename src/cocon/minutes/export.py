"""One entry point for every export format of the compte rendu."""

from __future__ import annotations

from typing import Callable

from cocon.errors import InvalidInput

from .document import MinutesDocument

MIME_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FORMATS = tuple(MIME_TYPES)


def _renderer(fmt: str) -> Callable[[MinutesDocument], bytes]:
    if fmt == "md":
        from .render_markdown import render_markdown as render
    elif fmt == "html":
        from .render_html import render_html as render
    elif fmt == "pdf":
        from .render_pdf import render_pdf as render
    elif fmt == "odt":
        from .render_odt import render_odt as render
    elif fmt == "docx":
        from .render_docx import render_docx as render
    else:
        raise InvalidInput("Unknown minutes format %(format)s; use one of: %(formats)s.",
                           format=fmt, formats=", ".join(FORMATS))
    return render


def export_minutes(document: MinutesDocument, fmt: str) -> bytes:
    """The compte rendu in one format (md, html, pdf, odt, docx), as bytes."""
    return _renderer(fmt)(document)
