"""The exports are structured documents: headings, header rows, language, page furniture."""

from __future__ import annotations

import io
import re

import docx
import pytest
from minutes_factories import make_document
from docx.oxml.ns import qn
from odf import table, text
from odf.opendocument import load
from pypdf import PdfReader

from cocon.minutes.export import export_minutes


@pytest.fixture(scope="module")
def doc():
    return make_document()


def test_html_has_language_title_headings_and_scoped_header_cells(doc):
    html = export_minutes(doc, "html").decode()
    assert '<html lang="fr">' in html
    assert "<title>Compte rendu — Séance plénière d&#x27;automne</title>" in html
    assert html.count("<h1>") == 1 and "<h2>" in html and "<h3>" in html
    assert '<th scope="row">Pour</th>' in html and '<th scope="col">Choix</th>' in html
    assert "<caption>" in html


def test_print_stylesheet_numbers_pages_and_runs_the_council_name(doc):
    html = export_minutes(doc, "html").decode()
    assert 'counter(page) " / " counter(pages)' in html
    assert "string(council)" in html and '<p class="council">' in html


def test_pdf_pages_carry_page_numbers_and_council_name_and_are_tagged(doc):
    reader = PdfReader(io.BytesIO(export_minutes(doc, "pdf")))
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, 1):
        content = page.extract_text()
        assert f"Page {number} / {total}" in content
        assert "Conseil de l'ESS de l'Eurométropole" in content
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "fr"


def test_odt_uses_heading_styles_with_outline_levels_and_table_header_rows(doc):
    odt = load(io.BytesIO(export_minutes(doc, "odt")))
    headings = odt.getElementsByType(text.H)
    levels = {h.getAttribute("outlinelevel") for h in headings}
    assert {"1", "2", "3", "4"} <= levels
    styles = {s.getAttribute("name"): s for s in odt.styles.childNodes
              if s.qname[1] == "style"}
    for level in (1, 2, 3):
        assert styles[f"Heading_20_{level}"].getAttribute("defaultoutlinelevel") == str(level)
    first = headings[0]
    assert first.getAttribute("stylename") == "Heading_20_1"
    tables = odt.getElementsByType(table.Table)
    assert tables and all(t.getElementsByType(table.TableHeaderRows) for t in tables)


def test_docx_uses_builtin_headings_and_repeating_header_rows(doc):
    document = docx.Document(io.BytesIO(export_minutes(doc, "docx")))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "Heading 4"} <= styles
    assert document.tables
    for t in document.tables:
        header = t.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"
    footer = document.sections[0].footer._element.xml
    assert re.search(r'w:instr="\s*NUMPAGES', footer) and re.search(r'w:instr="\s*PAGE', footer)
    assert document.sections[0].header.paragraphs[0].text == "Conseil de l'ESS de l'Eurométropole"
    assert document.core_properties.language == "fr"
