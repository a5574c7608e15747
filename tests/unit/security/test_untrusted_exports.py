"""Untrusted text through every export: the minutes (HTML, Markdown, ODT, DOCX, PDF), the
register's Atom feed, CSV and JSON. Generated documents (their share of the 5,000-input budget,
see xss_checks.BUDGET) and the published evasion list go into the notes and every name; the
HTML holds no script, handler, style or dangerous URL; the Markdown stays inert even under a
reader that allows raw HTML; the office files hold no macro, script, event listener, external
target or field that fetches, and read back as text; the PDF has no action; the feed is plain
text; no CSV cell starts a formula; JSON carries the same text as data."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt

from cocon.minutes.document import (ActionEntry, AgendaItemMinutes, Attendee, CollegeAttendance,
                                    MinutesDocument, OrientationEntry)
from cocon.minutes.export import export_minutes
from cocon.minutes.extract import extract_text
from cocon.minutes.render_html import STYLESHEET
from cocon.proposals.exports import register_atom, register_csv, register_json
from cocon.spreadsheet import FORMULA_START, csv_bytes
from xss_checks import BUDGET, hostile_documents, load_vectors, problems, url_scheme

VECTORS = load_vectors()
FAST = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _document(notes: str, name: str = "Conseil de l'ESS") -> MinutesDocument:
    start = datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc)
    return MinutesDocument(
        council_name=name, session_title=name, starts_at=start, place=name, convened_at=start,
        items=[AgendaItemMinutes(name, notes, [name])],
        attendance=[CollegeAttendance(name, [Attendee(name, "present", name),
                                             Attendee("Anne", "represented", None, name)])],
        orientations=[OrientationEntry(name, notes)], actions=[ActionEntry(name, name)])


def _html_export_problems(data: bytes) -> list[str]:
    html = data.decode("utf-8")
    # the export's own print stylesheet is the one <style> allowed, in <head>, unchanged
    head, _, body = html.partition("</head>")
    styles = re.findall(r"<style>(.*?)</style>", head, re.S)
    assert len(styles) == 1 and styles[0].startswith(STYLESHEET.split("%")[0][:200])
    return problems(body)


def _markdown_export_problems(data: bytes) -> list[str]:
    # read by the laxest renderer (raw HTML on) and by the one cocon uses
    text = data.decode("utf-8")
    return problems(MarkdownIt("commonmark").render(text)) + problems(
        MarkdownIt("js-default").render(text))


@settings(max_examples=BUDGET["minutes_exports"], **FAST)
@given(hostile_documents, hostile_documents)
def test_generated_notes_and_names_in_html_and_markdown_minutes_are_inert(notes, name):
    document = _document(notes, name.strip() or "x")
    assert _html_export_problems(export_minutes(document, "html")) == []
    assert _markdown_export_problems(export_minutes(document, "md")) == []


def test_a_code_block_after_a_list_stays_code_in_the_markdown_minutes():
    """Found by the generated inputs: an indented code block right after a list item was
    read as the item's continuation, raw HTML included, by a Markdown reader."""
    notes = "- point\n\n```\n<script>alert(1)</script>\n```\n\n- ```` `` ````"
    assert _markdown_export_problems(export_minutes(_document(notes), "md")) == []


@pytest.fixture(scope="module")
def vector_exports():
    notes = "\n\n".join(VECTORS)
    document = _document(notes, name="<script>alert('nom')</script><img src=x onerror=alert(1)>")
    return {fmt: export_minutes(document, fmt) for fmt in ("html", "md", "odt", "docx", "pdf")}


def test_the_vector_list_in_html_and_markdown_minutes_is_inert(vector_exports):
    assert _html_export_problems(vector_exports["html"]) == []
    assert _markdown_export_problems(vector_exports["md"]) == []


def _odt_problems(data: bytes) -> list[str]:
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith(("Basic/", "Scripts/")) or name.endswith(".bin"):
                found.append(f"macro part {name}")
            if not name.endswith(".xml"):
                continue
            xml = archive.read(name).decode("utf-8")
            if re.search(r"<(office:script|script:|office:event-listeners)", xml):
                found.append(f"script or event listener in {name}")
            for element in ET.fromstring(xml).iter():
                for attribute, value in element.attrib.items():
                    if attribute.endswith("}href") and url_scheme(value) not in (
                            "", "http", "https", "mailto"):
                        found.append(f"link {value!r} in {name}")
    return found


def _docx_problems(data: bytes) -> list[str]:
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if "vbaProject" in name or "activeX" in name or name.endswith(".bin"):
                found.append(f"macro or ActiveX part {name}")
            if name.endswith(".rels"):
                for rel in ET.fromstring(archive.read(name)).iter():
                    target = rel.attrib.get("Target", "")
                    if rel.attrib.get("TargetMode") == "External" and url_scheme(target) not in (
                            "", "http", "https", "mailto"):
                        found.append(f"external target {target!r} in {name}")
            if name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                if re.search(r"<w:(instrText|fldSimple)\b", xml) and re.search(
                        r"\b(DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE)\b", xml):
                    found.append(f"field code that fetches or runs in {name}")
    return found


def test_the_vector_list_in_odt_and_docx_minutes_is_text_only(vector_exports):
    assert _odt_problems(vector_exports["odt"]) == []
    assert _docx_problems(vector_exports["docx"]) == []
    for fmt in ("odt", "docx"):  # read back with odfpy and python-docx: the vectors are text
        text = extract_text(vector_exports[fmt], fmt)
        assert "<script>alert('nom')</script>" in text
        assert "javascript:alert('XSS')" in text


def test_the_vector_list_in_the_pdf_minutes_has_no_action(vector_exports):
    from pypdf import PdfReader
    data = vector_exports["pdf"]
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/OpenAction" not in root and "/AA" not in root
    assert "/JavaScript" not in root.get("/Names", {})
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A", {})
            assert action.get("/S") in (None, "/URI", "/GoTo"), action
            assert url_scheme(str(action.get("/URI", ""))) in ("", "http", "https", "mailto")
    assert b"/JavaScript" not in data and b"/Launch" not in data


@settings(max_examples=BUDGET["office_exports"], **FAST)
@given(hostile_documents, hostile_documents)
def test_generated_notes_and_names_in_odt_and_docx_minutes_are_text_only(notes, name):
    document = _document(notes, name.strip() or "x")
    assert _odt_problems(export_minutes(document, "odt")) == []
    assert _docx_problems(export_minutes(document, "docx")) == []


# -- the register: Atom, CSV, JSON ----------------------------------------------------------

def _records(texts: list[str]) -> list[dict]:
    return [{"id": i, "title": t, "text": t, "status": "adopted", "carried_by": t,
             "adopted_at": "2026-11-23T17:30:00+00:00", "result": {"method": t},
             "updates": [{"date": "2026-12-01T10:00:00+00:00", "note": t, "status": None}],
             "indicators": [], "url": f"https://cocon.example/registre/{i}"}
            for i, t in enumerate(texts, 1)]


COUNCIL = SimpleNamespace(slug="conseil", name="<script>alert(1)</script> & Cie")
ATOM = "{http://www.w3.org/2005/Atom}"


def _atom_problems(data: bytes, texts: list[str]) -> list[str]:
    found = []
    feed = ET.fromstring(data)
    for element in feed.iter():
        if not element.tag.startswith(ATOM):
            found.append(f"foreign element {element.tag}")
        if element.tag == ATOM + "summary" and element.get("type") != "text":
            found.append("a summary that a reader would render as HTML")
        if element.tag == ATOM + "content":
            found.append("a content element")
        if element.tag == ATOM + "link" and url_scheme(element.get("href", "")) not in (
                "http", "https"):
            found.append(f"link {element.get('href')!r}")
    titles = [e.text or "" for e in feed.iter(ATOM + "title")][1:]
    if titles != texts:  # read back as the very same text: nothing interpreted
        found.append("titles changed")
    return found


@pytest.mark.parametrize("chunk", range(0, len(VECTORS), 50))
def test_the_vector_list_in_the_atom_feed_is_plain_text(chunk):
    texts = [v.replace("\x00", "").replace("\r", "") for v in VECTORS[chunk:chunk + 50]]
    data = register_atom(COUNCIL, _records(texts), feed_url="https://cocon.example/f.atom",
                         site_url="https://cocon.example/registre", now=datetime.now(timezone.utc))
    assert _atom_problems(data, texts) == []


XML_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=200, **FAST)
@given(st.lists(st.one_of(hostile_documents.map(
    lambda t: re.sub("[\x00-\x08\x0b-\x1f]", "", t)), XML_TEXT), min_size=1, max_size=4))
def test_generated_texts_in_the_atom_feed_are_plain_text(texts):
    data = register_atom(COUNCIL, _records(texts), feed_url="https://cocon.example/f.atom",
                         site_url="https://cocon.example/registre", now=datetime.now(timezone.utc))
    assert _atom_problems(data, texts) == []


CELLS = st.one_of(st.text(max_size=30), st.sampled_from(
    ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://evil\",\"x\")",
     "=cmd|' /C calc'!A0", "-2+3", " =1", "\n=1", ";=1", "\"=1\""]), hostile_documents)


@settings(max_examples=300, **FAST)
@given(st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=5))
def test_no_csv_cell_starts_a_formula(rows):
    data = csv_bytes(("a", "b", "c"), rows)
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert parsed[0] == ["a", "b", "c"]
    cells = [cell for row in parsed[1:] for cell in row]
    assert len(cells) == 3 * len(rows)
    for cell, original in zip(cells, [str(c) for row in rows for c in row]):
        assert not cell.startswith(FORMULA_START), cell
        assert cell in (original, "'" + original)


def test_the_register_csv_and_json_carry_the_vectors_as_data():
    texts = [v.replace("\x00", "") for v in VECTORS] + ["=HYPERLINK(\"http://evil\")", "@x"]
    records = _records(texts)
    rows = list(csv.reader(io.StringIO(register_csv(records).decode("utf-8-sig")),
                           delimiter=";"))
    assert all(not cell.startswith(FORMULA_START) for row in rows[1:] for cell in row)
    document = json.loads(register_json(COUNCIL, records))
    assert [o["title"] for o in document["orientations"]] == texts
    assert document["council"]["name"] == COUNCIL.name
