"""CSV for French spreadsheets: `;` separators, UTF-8 with a BOM, formulas neutralised."""

from __future__ import annotations

import csv
import io
from typing import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: object) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection): a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """The whole file: a header row, then every row with each cell guarded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([guard_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
