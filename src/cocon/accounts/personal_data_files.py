"""The personal-data document as files: one JSON, or a ZIP of that JSON and one CSV per table."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from typing import Any

from cocon.spreadsheet import csv_bytes

JSON_NAME = "donnees-personnelles.json"
README = """Vos données sur cocon / Your data on cocon

donnees-personnelles.json : tout ce que cocon conserve sur vous, en un seul document.
Un fichier CSV par type d'enregistrement (séparateur « ; », UTF-8), lisible par un tableur ;
les listes imbriquées (historique d'un message…) y figurent en JSON dans une cellule.
La section « not_included » dit ce qui n'y est pas, et pourquoi (votes à bulletin secret…).

donnees-personnelles.json: everything cocon keeps about you, in one document.
One CSV file per kind of record (";" separated, UTF-8) for spreadsheets; nested lists
(a message's history…) appear as JSON in one cell. The "not_included" section says what is
not there, and why (secret ballots…).
"""


def to_json(document: dict[str, Any]) -> bytes:
    """The document as indented UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def tables(document: dict[str, Any]) -> dict[str, bytes]:
    """One CSV per non-empty list of records, plus the account as a one-row table."""
    files = {"account.csv": csv_bytes(list(document["account"]),
                                      [[_cell(v) for v in document["account"].values()]])}
    for key, rows in document.items():
        if isinstance(rows, list) and rows and all(isinstance(r, dict) for r in rows):
            columns = list(dict.fromkeys(k for row in rows for k in row))
            files[f"{key}.csv"] = csv_bytes(columns, [[_cell(row.get(c)) for c in columns]
                                                      for row in rows])
    return files


def to_zip(document: dict[str, Any], *, now: datetime) -> bytes:
    """A ZIP holding README.txt, the JSON document and the CSV tables."""
    buffer = io.BytesIO()
    stamp = now.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [("README.txt", README.encode("utf-8")), (JSON_NAME, to_json(document)),
                           *sorted(tables(document).items())]:
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
