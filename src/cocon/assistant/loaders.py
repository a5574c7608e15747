"""Read a guide file (txt, md, pdf, odt, docx) into plain text; failures raise InvalidInput."""

from __future__ import annotations

import re
from pathlib import Path

from cocon.errors import InvalidInput

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".odt", ".docx")


def is_guide(path: Path) -> bool:
    """True for a file the assistant can read (hidden files and metadata excluded)."""
    return path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith(".")


def list_guides(corpus_dir: Path) -> list[Path]:
    """The readable guide files of a corpus folder, in a stable order."""
    return sorted(p for p in Path(corpus_dir).iterdir() if is_guide(p))


def load_text(path: Path) -> str:
    """Return the text of a guide, raising InvalidInput when it is unreadable or empty."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InvalidInput("Unsupported guide format: %(name)s", name=path.name)
    try:
        reader = {".txt": _read_plain, ".md": _read_markdown, ".pdf": _read_pdf,
                  ".odt": _read_odt, ".docx": _read_docx}[suffix]
        text = reader(path)
    except InvalidInput:
        raise
    except Exception as exc:  # every parser has its own exception zoo
        raise InvalidInput("Cannot read the guide %(name)s: %(error)s",
                           name=path.name, error=str(exc) or type(exc).__name__) from None
    if not re.search(r"\w{2,}", text or ""):
        raise InvalidInput("The guide %(name)s contains no text", name=path.name)
    return text


def _read_plain(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_markdown(path: Path) -> str:
    text = _read_plain(path)
    text = re.sub(r"^#{1,6}\s*(.+?)\s*#*\s*$", r"\n\1\n", text, flags=re.MULTILINE)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|__|`)", "", text)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    return "\n\n".join(pages)


def _read_odt(path: Path) -> str:
    from odf import teletype, text as odf_text
    from odf.opendocument import load

    document = load(str(path))
    parts = document.getElementsByType(odf_text.H) + document.getElementsByType(odf_text.P)
    return "\n\n".join(teletype.extractText(p) for p in parts)


def _read_docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    return "\n\n".join(p.text for p in document.paragraphs)
