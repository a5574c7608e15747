"""Does an exported file match the locked record? What the check proves, and what it does not.

1. The file is read with its own parser and the fingerprint printed at its end is extracted;
   it must equal the SHA-256 kept when the minutes were locked.
2. The locked record keeps the whole document (a canonical snapshot whose SHA-256 is that
   fingerprint). The snapshot is rendered again in the file's format and language, and the two
   texts must be equal (whitespace aside): a file whose wording was edited but whose
   fingerprint line was kept fails here. Formatting (fonts, styles) is not compared.
3. If the SHA-256 of the file's bytes is among those recorded when files were exported, the
   file is byte-for-byte one that cocon issued. A file re-saved by an office suite can still
   pass 1 and 2 without passing 3, so 3 is reported but does not decide.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from .document import MinutesDocument
from .export import export_minutes
from .extract import detect_format, embedded_fingerprint, extract_text, normalise
from .hashing import content_hash


@dataclass(frozen=True)
class Verification:
    """The outcome of checking one exported file against the record."""

    format: str
    embedded_hash: str | None
    file_sha256: str
    hash_matches: bool | None  # embedded fingerprint == locked hash
    content_matches: bool | None  # text == a fresh rendering of the locked snapshot
    file_known: bool | None  # the file's bytes are exactly an export cocon recorded

    @property
    def ok(self) -> bool:
        return bool(self.hash_matches) and self.content_matches is not False


def _language(text: str) -> str:
    return "en" if "Content SHA-256" in text else "fr"


def verify_export(data: bytes, *, locked_hash: str | None = None,
                  document: MinutesDocument | None = None,
                  known_file_hashes=()) -> Verification:
    """Check an exported file against the locked hash and, if given, the locked snapshot."""
    fmt = detect_format(data)
    text = extract_text(data, fmt)
    embedded = embedded_fingerprint(text)
    if locked_hash is None and document is not None:
        locked_hash = content_hash(document)
    content_matches = None
    if document is not None and embedded is not None:
        if content_hash(document) != locked_hash:
            content_matches = False  # the snapshot itself no longer matches its hash
        else:
            again = dataclasses.replace(document, locale=_language(text))
            fresh = extract_text(export_minutes(again, fmt), fmt)
            content_matches = normalise(fresh) == normalise(text)
    known = set(known_file_hashes)
    file_sha256 = hashlib.sha256(data).hexdigest()
    return Verification(
        format=fmt, embedded_hash=embedded, file_sha256=file_sha256,
        hash_matches=None if locked_hash is None else embedded == locked_hash,
        content_matches=content_matches,
        file_known=(file_sha256 in known) if known else None)
