"""Uploads bounded through the web: the request size cap (MAX_CONTENT_LENGTH, from
COCON_MAX_UPLOAD_MB) answers a French 413 page; large form fields too; the directory's CSV
import stops at 10 MB; zip bombs sent to the guide upload and to the public minutes checker
are refused with a French message, in bounded memory."""

from __future__ import annotations

import io
import tracemalloc

import pytest

from tests.conftest import running_test_app
from unit.security.crafted_files import (CONTENT_XML, DOCUMENT_XML, MB, docx, lie_about_sizes,
                                         odt)


@pytest.fixture
def small_app(database_url, engine, tmp_path):
    """The application with a 1 MB request cap."""
    with running_test_app(database_url, engine, tmp_path / "instance", MAX_UPLOAD_MB=1) as app:
        yield app


def _french_413(response):
    assert response.status_code == 413
    if response.mimetype == "application/json":  # the API answers in JSON, in French too
        assert response.get_json() == {"error": "Votre envoi est trop volumineux."}
        return
    html = response.get_data(as_text=True)
    assert '<html lang="fr"' in html and "Votre envoi est trop volumineux." in html


def test_a_request_over_the_cap_gets_a_french_413_page(small_app):
    client = small_app.test_client()
    assert small_app.config["MAX_CONTENT_LENGTH"] == 1 * MB
    big = io.BytesIO(b"x" * (2 * MB))
    _french_413(client.post("/comptes-rendus/verifier", data={"file": (big, "cr.odt")},
                            content_type="multipart/form-data"))
    _french_413(client.post("/compte/connexion", data={"email": "a" * (2 * MB)}))
    _french_413(client.post("/api/assistant/ask", data=b"{" + b" " * (2 * MB) + b"}",
                            content_type="application/json"))


def test_a_form_field_larger_than_werkzeug_keeps_in_memory_is_refused(client):
    """Below the 20 MB cap, a single text field of 1 MB is still refused (werkzeug's
    max_form_memory_size, 500 kB): posts are at most 20,000 characters anyway."""
    response = client.post("/compte/connexion", data={"email": "a" * MB},
                           content_type="multipart/form-data")
    _french_413(response)


def test_the_directory_import_stops_at_ten_megabytes(client, world, signed_in):
    facilitator = signed_in["facilitator"]
    url = f"/conseils/{world.council.slug}/annuaire/import"
    header = "nom;forme_juridique;commune\n".encode()
    big = header + b"Coop;association;Testville\n" * (10 * MB // 27 + 10)
    assert len(big) > 10 * MB
    response = facilitator.post(url, data={"file": (io.BytesIO(big), "annuaire.csv")},
                                content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Le fichier dépasse 10" in response.get_data(as_text=True) or \
        "10 Mo" in response.get_data(as_text=True)


def _bomb() -> bytes:
    """An ODT whose content.xml announces 1 kB and inflates to 100 MB."""
    return lie_about_sizes(odt(CONTENT_XML.format(body="a" * (100 * MB))), "content.xml", 1000)


def test_a_zip_bomb_sent_to_the_public_minutes_checker_is_refused_in_bounded_memory(client):
    bomb = _bomb()
    tracemalloc.start()
    try:
        response = client.post("/comptes-rendus/verifier",
                               data={"file": (io.BytesIO(bomb), "compte-rendu.odt")},
                               content_type="multipart/form-data")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert "une fois décompressé, est trop volumineux" in response.get_data(as_text=True)
    assert peak < 60 * MB, f"{peak / MB:.0f} MB"


def test_a_zip_bomb_docx_sent_to_the_minutes_checker_is_refused(client):
    bomb = docx(DOCUMENT_XML.format(doctype="", body="a" * (200 * MB)))
    response = client.post("/comptes-rendus/verifier",
                           data={"file": (io.BytesIO(bomb), "compte-rendu.docx")},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    assert "une fois décompressé, est trop volumineux" in response.get_data(as_text=True)


def test_a_forged_zip_bomb_guide_is_refused_through_the_upload_form(app, world, signed_in,
                                                                   tmp_path):
    app.config["CORPUS_DIR"] = str(tmp_path / "corpus")
    (tmp_path / "corpus").mkdir()
    response = signed_in["admin"].post("/assistant/guides", data={
        "file": (io.BytesIO(_bomb()), "bombe.odt"), "title": "Bombe"},
        content_type="multipart/form-data")
    assert response.status_code == 422
    assert "une fois décompressé, est trop volumineux" in response.get_data(as_text=True)
    assert not (tmp_path / "corpus" / "bombe.odt").exists()
