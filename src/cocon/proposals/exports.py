"""The register exported: CSV for spreadsheets (guarded), JSON, and an Atom 1.0 feed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime

from cocon.spreadsheet import csv_bytes

ATOM = "http://www.w3.org/2005/Atom"
COLUMNS = ("id", "title", "status", "carried_by", "adopted_at", "text", "result", "updates",
           "url")


def orientation_record(orientation, url: str = "") -> dict:
    """One orientation as plain data, for the JSON and CSV exports."""
    result = (orientation.ballot.result or {}) if orientation.ballot else {}
    return {
        "id": orientation.id, "title": orientation.title, "text": orientation.text,
        "status": orientation.status.value, "carried_by": orientation.carried_by,
        "adopted_at": orientation.adopted_at.isoformat(),
        "result": {k: result.get(k) for k in ("method", "adopted", "quorum_met", "counts",
                                              "winner") if k in result},
        "updates": [{"date": u.created_at.isoformat(), "note": u.note,
                     "status": u.status.value if u.status else None}
                    for u in orientation.updates],
        "indicators": [{"name": i.name, "unit": i.unit,
                        "target": None if i.target is None else str(i.target),
                        "values": [{"date": v.measured_on.isoformat(), "value": str(v.value)}
                                   for v in i.values]} for i in orientation.indicators],
        "url": url,
    }


def register_csv(records: list[dict]) -> bytes:
    """CSV with `;`, UTF-8 with a BOM, every cell guarded against formula injection."""
    rows = []
    for rec in records:
        row = dict(rec, result=_result_text(rec["result"]),
                   updates=" | ".join(f"{u['date'][:10]} {u['note']}" for u in rec["updates"]))
        rows.append([row[c] for c in COLUMNS])
    return csv_bytes(COLUMNS, rows)


def _result_text(result: dict) -> str:
    if not result:
        return ""
    if result.get("winner"):
        return f"{result.get('method')}: {result['winner']}"
    return f"{result.get('method')}: {json.dumps(result.get('counts'), ensure_ascii=False)}"


def register_json(council, records: list[dict]) -> bytes:
    """The register as a JSON document."""
    doc = {"council": {"slug": council.slug, "name": council.name}, "orientations": records}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def register_atom(council, records: list[dict], *, feed_url: str, site_url: str,
                  now: datetime) -> bytes:
    """An Atom 1.0 feed: one entry per orientation, updated with its last follow-up."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", feed_url)
    _sub(feed, "title", f"{council.name} — registre des orientations")
    updated = max([_last(r) for r in records], default=now.isoformat())
    _sub(feed, "updated", _iso(updated))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _sub(author, "name", council.name)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=feed_url,
                  type="application/atom+xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=site_url, type="text/html")
    for rec in records:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _sub(entry, "id", rec["url"] or f"{feed_url}#{rec['id']}")
        _sub(entry, "title", rec["title"])
        _sub(entry, "updated", _iso(_last(rec)))
        _sub(entry, "published", _iso(rec["adopted_at"]))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=rec["url"] or site_url)
        lines = [rec["text"], "", f"Statut : {rec['status']}"]
        lines += [f"{u['date'][:10]} : {u['note']}" for u in rec["updates"]]
        _sub(entry, "summary", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _sub(parent, tag: str, text: str, **attrs) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", **attrs)
    element.text = text
    return element


def _last(rec: dict) -> str:
    return max([rec["adopted_at"]] + [u["date"] for u in rec["updates"]])


def _iso(value: str) -> str:
    return value.replace("+00:00", "Z")
