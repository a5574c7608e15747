"""Metadata of the guides, read from `sources.json` beside them in the corpus folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cocon.errors import InvalidInput

SOURCES_FILE = "sources.json"


@dataclass(frozen=True)
class GuideInfo:
    """What a citation says about a guide."""

    doc: str
    title: str
    publisher: str = ""
    year: int | None = None
    licence: str = ""
    source: str = ""
    language: str = "fr"


def read_sources(corpus_dir: Path) -> dict[str, dict]:
    """The raw entries of `sources.json`, keyed by file name (empty when absent)."""
    path = Path(corpus_dir) / SOURCES_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidInput("Cannot read %(name)s: %(error)s", name=SOURCES_FILE, error=str(exc)) from None
    guides = data.get("guides", data) if isinstance(data, dict) else {}
    return {name: entry for name, entry in guides.items() if isinstance(entry, dict)}


def guide_info(doc: str, entries: dict[str, dict]) -> GuideInfo:
    """Metadata for one guide, with a title derived from its file name when none is given."""
    entry = entries.get(doc, {})
    fallback = Path(doc).stem.replace("-", " ").replace("_", " ").capitalize()
    year = entry.get("year")
    return GuideInfo(doc=doc, title=entry.get("title") or fallback,
                     publisher=entry.get("publisher") or "",
                     year=int(year) if isinstance(year, (int, str)) and str(year).isdigit() else None,
                     licence=entry.get("licence") or "", source=entry.get("source") or "",
                     language=entry.get("language") or "fr")
