"""Guides are checked before they are parsed (cocon/assistant/upload.py): real crafted ODT and
DOCX bombs, lying zip headers, XML entity bombs, external entities, a PDF stream bomb and
oversize files are refused with a clear message, in bounded time and memory.

Memory is measured with tracemalloc (Python allocations: where a decompressed bomb or an
expanded entity would land); every refusal must stay under MEMORY_CEILING."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest

from cocon.assistant import upload
from cocon.assistant.upload import check_guide_bytes
from cocon.errors import InvalidInput
from crafted_files import (CONTENT_XML, DOCUMENT_XML, LAUGHS, MB, docx, lie_about_sizes, odt,
                           pdf_with_stream)

MAX_BYTES = 20 * MB  # the default COCON_MAX_UPLOAD_MB
MEMORY_CEILING = 40 * MB


def refused(name: str, data: bytes, match: str, **limits):
    """Check the file, expecting a refusal; returns (seconds, peak Python memory)."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InvalidInput) as caught:
            check_guide_bytes(name, data, limits.get("max_bytes", MAX_BYTES))
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert match.lower() in str(caught.value).lower(), str(caught.value)
    assert peak < MEMORY_CEILING, f"{peak / MB:.0f} MB"
    return time.perf_counter() - started, peak


def test_the_crafted_documents_are_valid_when_harmless():
    """The builders make documents the readers accept: a refusal below is for the bomb."""
    check_guide_bytes("guide.odt", odt(CONTENT_XML.format(body="Les SCIC associent.")), MAX_BYTES)
    check_guide_bytes("guide.docx", docx(DOCUMENT_XML.format(doctype="", body="Les SCIC.")),
                      MAX_BYTES)


def test_documents_written_by_office_libraries_pass_the_size_checks():
    """Real ODT (odfpy) and DOCX (python-docx) files, as cocon itself exports them."""
    from cocon.minutes.document import AgendaItemMinutes, MinutesDocument
    from cocon.minutes.export import export_minutes
    document = MinutesDocument(council_name="Conseil", session_title="Séance",
                               items=[AgendaItemMinutes("Point", "Les SCIC associent. " * 500)])
    for fmt in ("odt", "docx"):
        check_guide_bytes(f"compte-rendu.{fmt}", export_minutes(document, fmt), MAX_BYTES)


def test_an_odt_that_expands_a_thousandfold_is_refused_before_parsing():
    bomb = odt(CONTENT_XML.format(body="a" * (200 * MB)))
    assert len(bomb) < 300_000  # 200 MB of text in a few hundred kilobytes
    refused("bombe.odt", bomb, "expands too much")


def test_a_docx_that_expands_a_thousandfold_is_refused_before_parsing():
    bomb = docx(DOCUMENT_XML.format(doctype="", body="a" * (200 * MB)))
    refused("bombe.docx", bomb, "expands too much")


def test_an_archive_of_too_many_parts_is_refused():
    parts = {f"Pictures/{n}.xml": b"" for n in range(upload.MAX_ZIP_MEMBERS + 1)}
    refused("parts.odt", odt(CONTENT_XML.format(body="x"), parts), "expands too much")


def test_parts_each_under_the_ratio_but_too_large_together_are_refused(monkeypatch):
    monkeypatch.setattr(upload, "MAX_UNCOMPRESSED_BYTES", 2 * MB)
    import random
    rng = random.Random(1)
    # text that compresses about fourfold: below the per-part ratio, 3 MB in all
    parts = {f"Pictures/{n}.xml": "".join(rng.choice("abcdefgh ") for _ in range(MB // 2))
             for n in range(6)}
    refused("gros.odt", odt(CONTENT_XML.format(body="x"), parts), "expands too much")


def test_a_zip_header_that_lies_about_the_size_cannot_expand_past_it():
    honest = odt(CONTENT_XML.format(body="a" * (100 * MB)))
    liar = lie_about_sizes(honest, "content.xml", 1000)
    with zipfile.ZipFile(io.BytesIO(liar)) as archive:  # the lie passes the ratio check
        info = archive.getinfo("content.xml")
        assert info.file_size <= info.compress_size
    refused("menteur.odt", liar, "expands too much")  # inflated in steps, then compared


def test_an_xml_entity_bomb_in_an_odt_is_refused():
    content = CONTENT_XML.format(body="&lol9;").replace("?>", "?>" + LAUGHS.replace(
        "lolz", "office:document-content"), 1)
    seconds, _peak = refused("rires.odt", odt(content), "Entit")  # odfpy parses with defusedxml
    assert seconds < 10


def test_an_xml_entity_bomb_in_a_docx_is_refused():
    document = DOCUMENT_XML.format(doctype=LAUGHS.replace("lolz", "w:document"), body="&lol9;")
    seconds, _peak = refused("rires.docx", docx(document), "amplification")  # lxml's own limit
    assert seconds < 10


def test_an_external_entity_does_not_read_server_files(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MOT-DE-PASSE-DU-SERVEUR", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    from cocon.assistant.loaders import load_text
    for name, data in (("xxe.docx", docx(DOCUMENT_XML.format(doctype=doctype,
                                                            body="Texte &xxe; fin"))),
                       ("xxe.odt", odt(CONTENT_XML.format(body="Texte &xxe; fin").replace(
                           "?>", "?>" + doctype.replace("w:document",
                                                        "office:document-content"), 1)))):
        path = tmp_path / name
        path.write_bytes(data)
        try:
            text = load_text(path)
        except InvalidInput:
            continue  # refused outright: fine
        assert "MOT-DE-PASSE" not in text, name


def test_a_pdf_whose_page_stream_inflates_to_gigabytes_is_refused_in_bounded_memory():
    bomb = pdf_with_stream(b"BT /F1 12 Tf (a) Tj ET " + b" " * (300 * MB))
    assert len(bomb) < 1 * MB
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput):
            check_guide_bytes("bombe.pdf", bomb, MAX_BYTES)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 120 * MB  # pypdf stops inflating at its own ceiling (75 MB)


def test_an_oversize_file_is_refused_before_anything_is_read(monkeypatch):
    def never(*_args, **_kwargs):
        raise AssertionError("the file was opened")
    monkeypatch.setattr(upload, "load_text", never)
    monkeypatch.setattr(upload, "_check_zip", never)
    for name in ("gros.txt", "gros.odt", "gros.pdf"):
        refused(name, b"PK\x03\x04" + b"a" * (MAX_BYTES + 1), "too large")


def test_the_minutes_checker_refuses_a_bomb_before_opening_it():
    """The public page that checks an exported compte rendu reads ODT/DOCX too."""
    from cocon.minutes.extract import detect_format
    liar = lie_about_sizes(odt(CONTENT_XML.format(body="a" * (100 * MB))), "content.xml", 1000)
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput, match="expands too much"):
            detect_format(liar)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_CEILING


def test_check_archive_measures_real_sizes():
    from cocon.zipcheck import check_archive
    honest = odt(CONTENT_XML.format(body="Les SCIC associent. " * 1000))
    assert {m.filename for m in check_archive(honest, max_total=MB)} >= {"content.xml"}
    with pytest.raises(InvalidInput, match="expands too much"):
        check_archive(honest, max_total=10_000)  # 20 kB of text, 10 kB allowed
    with pytest.raises(InvalidInput, match="expands too much"):
        check_archive(lie_about_sizes(honest, "content.xml", 100), max_total=MB)
    with pytest.raises(InvalidInput, match="not a valid document"):
        check_archive(b"PK\x03\x04 broken", max_total=MB)
