"""Read an exported compte rendu back with each format's own parser."""

from __future__ import annotations

import io
import re
import zipfile

from cocon.errors import InvalidInput
from cocon.zipcheck import check_archive

MAX_ARCHIVE_BYTES = 100 * 1024 * 1024  # an ODT/DOCX export inflating beyond this is refused
_FINGERPRINT = re.compile(r"SHA\\?-256\D{0,60}?([0-9a-f]{64})")


def detect_format(data: bytes) -> str:
    """md, html, pdf, odt or docx, from the file's own bytes (never its name)."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        check_archive(data, max_total=MAX_ARCHIVE_BYTES)  # a zip bomb stops here, unopened
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").startswith(
                        b"application/vnd.oasis.opendocument.text"):
                    return "odt"
                if "word/document.xml" in names:
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise InvalidInput("This file is not a minutes export (unknown archive).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("This file is not a minutes export.") from exc
    return "html" if text.lstrip().lower().startswith("<!doctype html") else "md"


def _odt_text(data: bytes) -> str:
    from odf import teletype
    from odf.opendocument import load
    lines: list[str] = []

    def walk(node):
        if node.qname[1] in ("p", "h") and node.qname[0].endswith(":text:1.0"):
            lines.append(teletype.extractText(node))
            return
        for child in node.childNodes:
            if child.nodeType == child.ELEMENT_NODE:
                walk(child)
    walk(load(io.BytesIO(data)).text)
    return "\n".join(lines)


def _docx_text(data: bytes) -> str:
    import docx
    from docx.oxml.ns import qn
    document = docx.Document(io.BytesIO(data))
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            for paragraph in element.iter(qn("w:p")):
                lines.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return "\n".join(lines)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _html_text(data: bytes) -> str:
    import html
    text = re.sub(r"<(style|head)[^>]*>.*?</\1>", " ", data.decode("utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", text))


def extract_text(data: bytes, fmt: str | None = None) -> str:
    """The readable text of an export, as its format's parser gives it."""
    fmt = fmt or detect_format(data)
    try:
        if fmt == "md":
            return data.decode("utf-8")
        return {"pdf": _pdf_text, "odt": _odt_text, "docx": _docx_text, "html": _html_text}[fmt](data)
    except InvalidInput:
        raise
    except Exception as exc:  # a parser refusing the file: the file is damaged or not ours
        raise InvalidInput("This %(format)s file cannot be read.", format=fmt) from exc


def embedded_fingerprint(text: str) -> str | None:
    """The content fingerprint printed in an export (the last one: the real one ends the file)."""
    found = _FINGERPRINT.findall(text)
    return found[-1] if found else None


def normalise(text: str) -> str:
    """Text compared across renderings: whitespace of any kind collapsed, Markdown escapes gone."""
    text = re.sub(r"\\(.)", r"\1", text)
    return " ".join(text.split())
