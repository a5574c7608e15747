"""Reading an uploaded CSV safely: size and row limits, encoding, separator, header."""

from __future__ import annotations

import csv
import io
import re

from cocon.errors import InvalidInput
from cocon.organisations.text import fold

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
# folded header → field; the export's own headers come first
HEADERS = {
    "nom": "name", "name": "name", "raison sociale": "name", "denomination": "name",
    "forme juridique": "legal_form", "legal form": "legal_form", "statut juridique": "legal_form",
    "famille": "legal_form", "type cooperative": "cooperative_kind",
    "cooperative kind": "cooperative_kind", "esus": "esus", "agrement esus": "esus",
    "date esus": "esus_date", "secteurs": "sectors", "secteur": "sectors", "sectors": "sectors",
    "enjeux": "stakes", "enjeu": "stakes", "stakes": "stakes", "adresse": "address",
    "address": "address", "code postal": "postcode", "postcode": "postcode", "cp": "postcode",
    "commune": "commune", "ville": "commune", "site web": "website", "site": "website",
    "website": "website", "description": "description", "effectif": "size_range",
    "tranche effectif": "size_range", "size range": "size_range",
    "tete de reseau": "is_network_head", "membre du conseil": "is_council_member",
    "latitude": "latitude", "lat": "latitude", "longitude": "longitude", "lon": "longitude",
}
REQUIRED = ("name", "legal_form", "commune")
# "Ã©" and friends: UTF-8 read as Latin-1 and saved again
_MOJIBAKE = re.compile("[ÃÅ][^A-Za-z \t\r\n]|Â[\u0080-\u00bf]|â€")


def read_limited(source) -> bytes:
    """The upload's bytes, refused without reading further once over the size limit."""
    data = source.read(MAX_BYTES + 1) if hasattr(source, "read") else bytes(source)
    if len(data) > MAX_BYTES:
        raise InvalidInput("The file is larger than %(n)s MB: split it into smaller files.",
                           n=MAX_BYTES // (1024 * 1024))
    if not data.strip():
        raise InvalidInput("The file is empty.")
    return data


def decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), else Windows-1252/Latin-1.

    Anything else, and text already garbled by a double conversion, is refused rather than
    imported as mojibake.
    """
    if b"\x00" in data[:4096]:
        raise InvalidInput("The file is not a text CSV (it looks like UTF-16 or a spreadsheet): "
                           "save it as « CSV UTF-8 ».")
    try:
        text, encoding = data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            raise InvalidInput("The file's encoding is not recognised: save it as "
                               "« CSV UTF-8 ».") from None
    found = _MOJIBAKE.search(text)
    if found:
        raise InvalidInput("The file contains garbled characters (%(sample)s), as if it had been "
                           "converted twice: export it again as « CSV UTF-8 ».",
                           sample=found.group(0))
    return text, encoding


def detect_separator(text: str) -> str:
    """`;` or `,`, whichever splits the header line; anything else is refused."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", ",")}
    separator = max(counts, key=counts.get)
    if counts[separator] == 0:
        raise InvalidInput("The columns must be separated by a semicolon (;) or a comma (,).")
    return separator


def header_fields(header: list[str]) -> list[str | None]:
    """The field of each column (None for a column we do not read); required ones checked."""
    fields = [HEADERS.get(" ".join(fold(h).replace("_", " ").replace("-", " ").split()))
              for h in header]
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        raise InvalidInput("The first line must name the columns; missing: %(columns)s. "
                           "Expected columns: nom, forme_juridique, commune (and optional ones "
                           "as in the export).",
                           columns=", ".join({"name": "nom", "legal_form": "forme_juridique",
                                              "commune": "commune"}[m] for m in missing))
    return fields


def read_rows(text: str, separator: str):
    """(line number, header fields, cells) of each record, refusing past MAX_ROWS at once."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput("The file is empty.") from None
    fields = header_fields(header)
    rows, line = [], reader.line_num
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise InvalidInput("The file has more than %(n)s rows: split it into smaller "
                                   "files.", n=MAX_ROWS)
            rows.append((start, cells))
    except csv.Error as exc:
        raise InvalidInput("The file is not valid CSV near line %(line)s: %(error)s.",
                           line=reader.line_num, error=str(exc)) from None
    return fields, rows
