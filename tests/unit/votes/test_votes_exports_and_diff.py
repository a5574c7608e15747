"""Diff rendering, the CSV formula guard and the Atom feed, parsed back."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from types import SimpleNamespace

from cocon.proposals.exports import ATOM, register_atom, register_csv, register_json
from cocon.spreadsheet import guard_cell
from cocon.proposals.markup import diff_html, diff_stats

NOW = datetime(2026, 11, 23, tzinfo=timezone.utc)
RECORD = {"id": 7, "title": "=HYPERLINK(\"http://x\")", "text": "Clauses <sociales> & co",
          "status": "in_progress", "carried_by": "+33 direction", "adopted_at": NOW.isoformat(),
          "result": {"method": "simple_majority", "counts": {"pour": 3}},
          "updates": [{"date": NOW.isoformat(), "note": "@lancé", "status": None}],
          "indicators": [], "url": "http://cocon.test/conseils/x/registre/7"}
COUNCIL = SimpleNamespace(slug="x", name="Conseil de l'ESS")


def test_diff_marks_removed_and_added_words_and_escapes_html():
    html = diff_html("Vingt pour cent <b>", "Trente pour cent <i>")
    assert "<del>Vingt</del><ins>Trente</ins>" in html
    assert "<b>" not in html and "&lt;i&gt;" in html
    assert diff_stats("a b c", "a x c d") == (1, 2)


def test_formula_cells_are_prefixed_with_a_quote():
    assert [guard_cell(v) for v in ("=1+1", "+3", "-2", "@SUM", "ok", None)] == [
        "'=1+1", "'+3", "'-2", "'@SUM", "ok", ""]


def test_csv_uses_semicolons_a_bom_and_guards_every_cell():
    data = register_csv([RECORD])
    assert data.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, row = rows
    values = dict(zip(header, row))
    assert values["title"].startswith("'=") and values["carried_by"].startswith("'+")
    assert values["updates"].endswith("@lancé")  # not at a cell start: left alone


def test_json_export_parses_back():
    doc = json.loads(register_json(COUNCIL, [RECORD]))
    assert doc["orientations"][0]["title"] == RECORD["title"]


def test_atom_feed_is_valid_atom_1_0():
    data = register_atom(COUNCIL, [RECORD], feed_url="http://cocon.test/registre.atom",
                         site_url="http://cocon.test/registre", now=NOW)
    root = ET.fromstring(data)
    ns = {"a": ATOM}
    assert root.tag == f"{{{ATOM}}}feed"
    for required in ("id", "title", "updated", "author/a:name"):
        assert root.find(f"a:{required}", ns) is not None, required
    entry = root.find("a:entry", ns)
    assert entry.find("a:title", ns).text == RECORD["title"]
    assert entry.find("a:updated", ns).text.endswith("Z")
    assert "Clauses <sociales>" in entry.find("a:summary", ns).text
    assert root.find("a:link[@rel='self']", ns).get("href").endswith("registre.atom")
