"""Downloads in four formats, read back by their own parsers, and the verify page."""

from __future__ import annotations

import io

import pytest
from web.minutes.minutes_web_helpers import advance

CHECKS = ("Adopter la charte", "Charte des achats", "Séance d'automne")


def _text(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    if fmt == "odt":
        from odf import teletype
        from odf.opendocument import load
        return teletype.extractText(load(io.BytesIO(data)).text)
    if fmt == "docx":
        import docx
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt,mime", [
    ("odt", "application/vnd.oasis.opendocument.text"), ("pdf", "application/pdf"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("md", "text/markdown; charset=utf-8")])
def test_each_download_has_its_type_name_and_content(client, met, app_db, fmt, mime):
    minutes = advance(app_db, met, "locked")
    response = client.get(f"{met.url}/telecharger/{fmt}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == mime
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and f".{fmt}" in disposition
    assert met.slug in disposition
    text = " ".join(_text(fmt, response.data).split())
    for expected in CHECKS:
        assert expected.replace("'", "'") in text.replace("’", "'"), (fmt, expected)
    assert minutes.locked_hash in text.replace("\n", "").replace(" ", "")


def test_unknown_formats_are_not_found(client, met, app_db):
    advance(app_db, met, "locked")
    assert client.get(f"{met.url}/telecharger/exe").status_code == 404


def _verify(client, data: bytes, name: str = "cr.md"):
    return client.post("/comptes-rendus/verifier",
                       data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_the_verify_page_recognises_an_exported_file(client, met, app_db):
    advance(app_db, met, "locked")
    assert client.get("/comptes-rendus/verifier").status_code == 200
    for fmt in ("md", "docx"):
        data = client.get(f"{met.url}/telecharger/{fmt}").data
        page = _verify(client, data, f"cr.{fmt}")
        assert page.status_code == 200
        assert "verify-ok" in page.get_data(as_text=True), fmt


def test_the_verify_page_catches_an_edited_file(client, met, app_db):
    advance(app_db, met, "locked")
    data = client.get(f"{met.url}/telecharger/md").data.decode("utf-8")
    edited = data.replace("Adopter la charte", "Rejeter la charte").encode("utf-8")
    html = _verify(client, edited).get_data(as_text=True)
    assert "verify-ok" not in html and "alert-error" in html


def test_bad_files_get_a_clear_message_never_a_server_error(client, met, app_db, monkeypatch):
    for data in (b"PK\x03\x04 not really a zip", b"\xff\xfe\x00garbage", b"%PDF-1.7 broken",
                 b"# juste du texte"):
        page = _verify(client, data)
        assert page.status_code == 200
        assert "alert-error" in page.get_data(as_text=True)
    empty = client.post("/comptes-rendus/verifier", data={}, content_type="multipart/form-data")
    assert empty.status_code == 200 and "alert-error" in empty.get_data(as_text=True)
    import webapp.blueprints.minutes as minutes_views
    monkeypatch.setattr(minutes_views, "VERIFY_MAX_BYTES", 10)
    assert "alert-error" in _verify(client, b"x" * 100).get_data(as_text=True)
