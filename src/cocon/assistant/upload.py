"""Adding a guide to the corpus: check the file by its content, then save it and its metadata.

Nothing is written unless the file is of the announced type, within the size limits, readable
and contains text. The web layer sanitises the file name before calling `add_guide`.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cocon.errors import Conflict, InvalidInput
from cocon.zipcheck import inflated_size

from .loaders import SUPPORTED_SUFFIXES, load_text
from .metadata import SOURCES_FILE, read_sources

MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # an ODT/DOCX expanding beyond this is refused
MAX_COMPRESSION_RATIO = 100  # per member; real documents stay far below
MAX_ZIP_MEMBERS = 5000


@dataclass(frozen=True)
class GuideMetadata:
    title: str
    publisher: str = ""
    year: int | None = None
    licence: str = ""


def check_guide_bytes(name: str, data: bytes, max_bytes: int) -> None:
    """Raise InvalidInput unless `data` is a readable guide of the type its name announces."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InvalidInput("Unsupported file type; accepted: %(types)s", types=", ".join(SUPPORTED_SUFFIXES))
    if not data:
        raise InvalidInput("The file is empty")
    if len(data) > max_bytes:
        raise InvalidInput("The file is too large (at most %(mb)s MB)", mb=max_bytes // (1024 * 1024))
    if suffix == ".pdf" and not data.startswith(b"%PDF-"):
        raise InvalidInput("This file is not a PDF document")
    if suffix in (".odt", ".docx"):
        _check_zip(data, suffix)
    if suffix in (".txt", ".md") and b"\0" in data[:8192]:
        raise InvalidInput("This file is not a text document")
    # Extract the text from a private temporary copy: corrupt or empty files stop here.
    with tempfile.TemporaryDirectory(prefix="cocon-guide-") as tmp:
        path = Path(tmp) / (Path(name).name if not Path(name).name.startswith(".") else f"guide{suffix}")
        path.write_bytes(data)
        load_text(path)


def _check_zip(data: bytes, suffix: str) -> None:
    if not data.startswith(b"PK\x03\x04"):
        raise InvalidInput("This file is not a valid %(kind)s document", kind=suffix[1:].upper())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvalidInput("This file is not a valid %(kind)s document", kind=suffix[1:].upper()) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise InvalidInput("This document expands too much to be read safely")
    total = 0
    for member in members:
        total += member.file_size
        if member.compress_size and member.file_size / member.compress_size > MAX_COMPRESSION_RATIO:
            raise InvalidInput("This document expands too much to be read safely")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InvalidInput("This document expands too much to be read safely")
    # the sizes above are what the archive announces; a forged header can announce 1 KB for a
    # member that inflates to gigabytes (zipfile would inflate it whole in memory), so each
    # member is inflated once, in bounded steps, and must be exactly its announced size
    real_total = 0
    for member in members:
        real = inflated_size(data, member, MAX_UNCOMPRESSED_BYTES - real_total)
        if real != member.file_size:
            raise InvalidInput("This document expands too much to be read safely")
        real_total += real
    expected = "word/document.xml" if suffix == ".docx" else "content.xml"
    if expected not in names:
        raise InvalidInput("This file is not a valid %(kind)s document", kind=suffix[1:].upper())


def clean_metadata(title: str, publisher: str = "", year: object = None, licence: str = "") -> GuideMetadata:
    """Validated metadata for a new guide."""
    from cocon.validation import clean_text

    title = clean_text(title, field="title", max_length=300)
    publisher = clean_text(publisher or "", field="publisher", max_length=300, required=False)
    licence = clean_text(licence or "", field="licence", max_length=300, required=False)
    if year in (None, ""):
        year_value = None
    else:
        try:
            year_value = int(str(year).strip())
        except ValueError:
            raise InvalidInput("The year must be a number such as 2024") from None
        if not 1900 <= year_value <= 2100:
            raise InvalidInput("The year must be a number such as 2024")
    return GuideMetadata(title, publisher, year_value, licence)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_guide(corpus_dir: Path, name: str, data: bytes, metadata: GuideMetadata, *, max_bytes: int,
              source: str = "") -> Path:
    """Check and save a guide in the corpus folder and record its metadata in sources.json."""
    corpus_dir = Path(corpus_dir)
    if not name or name.startswith(".") or "/" in name or "\\" in name or name == SOURCES_FILE:
        raise InvalidInput("Invalid file name")
    check_guide_bytes(name, data, max_bytes)
    target = corpus_dir / name
    if target.exists():
        raise Conflict("A guide named %(name)s already exists", name=name)
    sources_path = corpus_dir / SOURCES_FILE
    raw = {}
    if sources_path.exists():
        raw = json.loads(sources_path.read_text(encoding="utf-8"))
    read_sources(corpus_dir)  # raises a clear error when sources.json is damaged
    guides = raw.setdefault("guides", {}) if isinstance(raw, dict) and "guides" in raw else raw
    guides[name] = {"title": metadata.title, "publisher": metadata.publisher, "year": metadata.year,
                    "licence": metadata.licence, "source": source, "language": "fr"}
    fd, tmp = tempfile.mkstemp(dir=corpus_dir, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        _write_atomic(sources_path, json.dumps(raw, ensure_ascii=False, indent=2) + "\n")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target
