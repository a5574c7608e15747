"""The whole database as text, to search it for a person's name and e-mail (RGPD tests).

Two independent views: every row of every table the database itself lists (its catalogue,
not our models: FTS tables and anything unforeseen are included), every value turned to text;
and, on PostgreSQL, `pg_dump` of the whole database when the tool is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata

from sqlalchemy import inspect, text


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "ignore")
    return str(value)


def table_rows_text(engine) -> str:
    """Every value of every table of the database, one line per row."""
    names = inspect(engine).get_table_names()
    lines = []
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":  # shadow tables of FTS5 are not all reflected
            names = [row[0] for row in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'table'"))]
        for name in names:
            for row in connection.execute(text(f'SELECT * FROM "{name}"')):
                lines.append(name + ": " + " | ".join(_as_text(v) for v in row))
    return "\n".join(lines)


def sqlite_iterdump(engine) -> str:
    """SQLite's own dump of the whole file (schema and data)."""
    raw = engine.raw_connection()
    try:
        return "\n".join(raw.driver_connection.iterdump())
    finally:
        raw.close()


def pg_dump_text(url: str) -> str | None:
    """pg_dump of the whole database, or None when the tool is missing."""
    tool = shutil.which("pg_dump")
    if tool is None:
        return None
    libpq = re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql://", url)
    result = subprocess.run([tool, "--no-owner", "--no-privileges", libpq],
                            capture_output=True, timeout=120, env={**os.environ})
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[:500]
    return result.stdout.decode("utf-8", "replace")


def whole_database_dumps(engine) -> dict[str, str]:
    """Every available dump of the database, by the way it was made."""
    dumps = {"rows": table_rows_text(engine)}
    if engine.dialect.name == "sqlite":
        dumps["iterdump"] = sqlite_iterdump(engine)
    else:
        dump = pg_dump_text(engine.url.render_as_string(hide_password=False))
        if dump is not None:
            dumps["pg_dump"] = dump
    return dumps


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def occurrences(dump: str, needles: list[str]) -> list[str]:
    """The needles found in the dump, ignoring case and accents, each with some context."""
    folded = _fold(dump)
    found = []
    for needle in needles:
        at = folded.find(_fold(needle))
        if at >= 0:
            found.append(f"{needle!r} in …{folded[max(0, at - 120):at + 80]}…")
    return found
