"""Exported minutes of a real session are structured for assistive technologies (RGAA, PDF/UA).

tests/unit/minutes/test_minutes_structure.py checks a hand-built document for the basics
(tagged PDF, heading styles, header rows). This takes the demonstration's past plenary (notes
with lists, three kinds of votes, actions), locks its minutes, exports them the way the web
page and `cocon export-minutes` do, in French and in English, and checks what a screen reader
relies on: the language and the title, a heading outline that never skips a level, and tables
whose data cells are tied to their header cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta
from xml.etree import ElementTree

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject
from sqlalchemy import select

from cocon.accounts.services import find_user_by_email
from cocon.db import utcnow
from cocon.demo import populate
from cocon.minutes.blocks import Table
from cocon.minutes.export import export_minutes
from cocon.minutes.layout import lay_out
from cocon.minutes.models import Minutes
from cocon.minutes.services import (approve_minutes, lock_minutes, minutes_document,
                                    submit_minutes)

ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
       "dc": "http://purl.org/dc/elements/1.1/"}
TITLES = {"fr": "Compte rendu — Séance plénière de printemps",
          "en": "Minutes — Séance plénière de printemps"}


@pytest.fixture(scope="module")
def exports(engine):
    """The locked minutes of the demonstration's past plenary in each format and language."""
    from cocon.db import make_session_factory
    from tests.conftest import _empty_tables
    db = make_session_factory(engine)()
    try:
        now = utcnow()
        populate(db, now=now)
        minutes = db.scalar(select(Minutes))
        facilitator = find_user_by_email(db, "animation@demo.cocon.fr")
        submit_minutes(db, minutes=minutes, comments_until=now + timedelta(days=1),
                       actor=facilitator, now=now)
        approve_minutes(db, minutes=minutes, actor=facilitator, now=now + timedelta(days=2))
        lock_minutes(db, minutes=minutes, actor=facilitator, now=now + timedelta(days=2))
        db.commit()
        documents = {lang: minutes_document(db, minutes.plenary_id, locale=lang)
                     for lang in ("fr", "en")}
        files = {(lang, fmt): export_minutes(doc, fmt)
                 for lang, doc in documents.items() for fmt in ("pdf", "odt", "docx")}
        files["tables"] = sum(isinstance(b, Table) for b in lay_out(documents["fr"]).blocks)
        yield files
    finally:
        db.close()
        _empty_tables(engine)


def never_skips(levels: list[int]) -> bool:
    """A heading outline that starts at 1 and never goes down more than one level at a time."""
    return bool(levels) and levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:]))


# ---- PDF -------------------------------------------------------------------------------------

def struct_elements(node, found=None) -> list[DictionaryObject]:
    """The structure elements of a tagged PDF, in document order."""
    found = [] if found is None else found
    node = node.get_object()
    if isinstance(node, ArrayObject):
        for child in node:
            struct_elements(child, found)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            found.append(node)
        if "/K" in node:
            struct_elements(node["/K"], found)
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_pdf_is_tagged_with_its_language_and_title_shown_as_the_window_title(exports, lang):
    reader = PdfReader(io.BytesIO(exports[lang, "pdf"]))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value is True  # a pypdf BooleanObject is always truthy
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == lang
    assert reader.metadata.title == TITLES[lang]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True  # the title, not the file
    xmp = reader.xmp_metadata
    assert xmp.dc_title["x-default"] == TITLES[lang]
    assert re.search(rb"pdfuaid:part[^0-9]{1,3}1", root["/Metadata"].get_object().get_data())


def test_the_pdf_headings_form_an_outline_without_gaps(exports):
    elements = struct_elements(PdfReader(io.BytesIO(exports["fr", "pdf"])).trailer["/Root"]
                               ["/StructTreeRoot"])
    levels = [int(e["/S"][2:]) for e in elements if re.fullmatch(r"/H[1-6]", e["/S"])]
    assert never_skips(levels) and levels.count(1) == 1, levels
    assert max(levels) >= 3
    kinds = {e["/S"] for e in elements}
    assert {"/L", "/LI", "/Lbl", "/LBody"} <= kinds  # the notes' lists stay lists


def test_the_pdf_tables_have_captions_and_cells_tied_to_their_headers(exports):
    elements = struct_elements(PdfReader(io.BytesIO(exports["fr", "pdf"])).trailer["/Root"]
                               ["/StructTreeRoot"])
    tables = [e for e in elements if e["/S"] == "/Table"]
    # WeasyPrint tags each page's part of a long table as a Table of its own: the parts after
    # a page break repeat the header row but not the caption
    captions = [e for e in elements if e["/S"] == "/Caption"]
    assert len(captions) == exports["tables"] and len(tables) >= exports["tables"] >= 4
    for table in tables:
        inside = struct_elements(table["/K"])
        assert any(e["/S"] == "/THead" for e in inside)
        header_ids = {str(e["/ID"]) for e in inside if e["/S"] == "/TH"}
        cells = [e for e in inside if e["/S"] == "/TD"]
        assert header_ids and cells
        for cell in cells:
            headers = [str(h) for h in cell["/A"]["/Headers"]]
            assert headers and set(headers) <= header_ids, headers


# ---- ODT -------------------------------------------------------------------------------------

def odt_parts(data: bytes):
    archive = zipfile.ZipFile(io.BytesIO(data))
    return (ElementTree.fromstring(archive.read("content.xml")),
            ElementTree.fromstring(archive.read("meta.xml")))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_odt_carries_its_title_and_language(exports, lang):
    _content, meta = odt_parts(exports[lang, "odt"])
    assert meta.find(".//dc:title", ODF).text == TITLES[lang]
    assert meta.find(".//dc:language", ODF).text == lang


def test_the_odt_headings_are_real_outline_headings_without_gaps(exports):
    content, _meta = odt_parts(exports["fr", "odt"])
    headings = content.findall(".//text:h", ODF)
    levels = [int(h.get(f"{{{ODF['text']}}}outline-level")) for h in headings]
    assert never_skips(levels) and levels.count(1) == 1, levels
    assert all(h.get(f"{{{ODF['text']}}}style-name") == f"Heading_20_{level}"
               for h, level in zip(headings, levels))


def test_the_odt_tables_repeat_a_header_row_of_named_columns(exports):
    content, _meta = odt_parts(exports["fr", "odt"])
    tables = content.findall(".//table:table", ODF)
    assert len(tables) == exports["tables"]
    for table in tables:
        header = table.find("table:table-header-rows", ODF)
        assert header is not None
        cells = header.findall(".//table:table-cell", ODF)
        assert cells and all("".join(c.itertext()).strip() for c in cells)
        assert table.findall("table:table-row", ODF)  # data rows outside the header


# ---- DOCX ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_docx_carries_its_title_and_language(exports, lang):
    document = docx.Document(io.BytesIO(exports[lang, "docx"]))
    assert document.core_properties.title == TITLES[lang]
    assert document.core_properties.language == lang


def test_the_docx_headings_use_heading_styles_without_gaps(exports):
    document = docx.Document(io.BytesIO(exports["fr", "docx"]))
    levels = [int(p.style.name.split()[-1]) for p in document.paragraphs
              if re.fullmatch(r"Heading [1-9]", p.style.name)]
    assert never_skips(levels) and levels.count(1) == 1, levels


def test_the_docx_tables_repeat_their_header_row_on_every_page(exports):
    document = docx.Document(io.BytesIO(exports["fr", "docx"]))
    assert len(document.tables) == exports["tables"]
    for table in document.tables:
        first = table.rows[0]._tr
        repeat = first.trPr.find(qn("w:tblHeader")) if first.trPr is not None else None
        assert repeat is not None and repeat.get(qn("w:val"), "true") in ("true", "1")
        assert all(cell.text.strip() for cell in table.rows[0].cells)
        for row in table.rows[1:]:
            later = row._tr.trPr.find(qn("w:tblHeader")) if row._tr.trPr is not None else None
            assert later is None  # only the header repeats
