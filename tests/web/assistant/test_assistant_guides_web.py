"""Uploading a guide from the web interface: permissions, checks by content, background indexing."""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile

import pytest

from cocon.assistant import Assistant
from webapp import assistant_jobs
from webapp.assistant_runtime import get_assistant, set_assistant
from tests.conftest import PASSWORD

GUIDE = """Les sociétés coopératives d'intérêt collectif

La SCIC se caractérise par le multisociétariat : elle associe autour d'un même projet des salariés,
des bénéficiaires et des collectivités publiques.
"""

NEW_GUIDE = """# Les monnaies locales complémentaires

## Le rôle des communes

Une commune peut accepter la monnaie locale complémentaire pour le paiement de la cantine scolaire
et des droits d'entrée à la piscine municipale, après une délibération du conseil municipal.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tiny corpus and its index, built once; each test works on a copy."""
    corpus = tmp_path_factory.mktemp("guides-corpus")
    (corpus / "guide-scic.txt").write_text(GUIDE, encoding="utf-8")
    (corpus / "sources.json").write_text(json.dumps({"guides": {"guide-scic.txt": {
        "title": "Les SCIC", "publisher": "Testeurs", "year": 2020, "licence": "CC BY"}}}), encoding="utf-8")
    index = tmp_path_factory.mktemp("guides-index") / "index"
    return corpus, index, Assistant.load_or_build(corpus, index)


@pytest.fixture
def guides_app(app, built, tmp_path):
    corpus, index, assistant = built
    shutil.copytree(corpus, tmp_path / "corpus")
    shutil.copytree(index, tmp_path / "index")
    app.config["CORPUS_DIR"] = str(tmp_path / "corpus")
    app.config["INDEX_DIR"] = str(tmp_path / "index")
    set_assistant(app, assistant)
    assistant_jobs.reset(app)
    yield app
    assistant_jobs.wait(120)
    assistant_jobs.reset(app)


@pytest.fixture
def admin_client(guides_app, client, make_user, login):
    login(make_user(admin=True))
    return client


def upload(client, name, data, **fields):
    form = {"title": "Un guide", "publisher": "Éditeur", "year": "2024", "licence": "CC BY-SA",
            "file": (io.BytesIO(data), name)}
    form.update(fields)
    return client.post("/assistant/guides", data=form, content_type="multipart/form-data")


def corpus_files(app):
    from pathlib import Path
    return sorted(p.name for p in Path(app.config["CORPUS_DIR"]).iterdir())


def test_only_site_and_council_administrators_manage_guides(guides_app, client, make_user, login,
                                                            make_council):
    assert client.get("/assistant/guides").status_code in (302, 401)
    admin_of_council = make_user(email="admin-conseil@example.org")
    make_council(admin_of_council)
    member = make_user(email="simple@example.org")
    login(member)
    assert client.get("/assistant/guides").status_code == 403
    assert client.get("/assistant/guides/etat.json").status_code == 403
    assert upload(client, "x.md", NEW_GUIDE.encode()).status_code == 403
    client.post("/compte/deconnexion")
    login(admin_of_council)
    page = client.get("/assistant/guides")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Les SCIC" in html and "guide-scic.txt" in html and 'type="file"' in html
    assert "assistant-guides.js" in html and "<script>" not in html
    assert client.get("/assistant/guides/etat.json").get_json()["status"] == "idle"


def test_an_uploaded_guide_is_indexed_in_the_background_and_answers(guides_app, admin_client):
    response = upload(admin_client, "../Monnaies locales.md", NEW_GUIDE.encode("utf-8"),
                      title="Les monnaies locales")
    assert response.status_code == 302
    assert "Monnaies_locales.md" in corpus_files(guides_app)
    with open(guides_app.config["CORPUS_DIR"] + "/sources.json", encoding="utf-8") as handle:
        sources = json.load(handle)
    assert sources["guides"]["Monnaies_locales.md"]["title"] == "Les monnaies locales"
    assert sources["guides"]["Monnaies_locales.md"]["year"] == 2024
    assert "guide-scic.txt" in sources["guides"]
    state = admin_client.get("/assistant/guides/etat.json").get_json()
    assert state["status"] in ("running", "done") and 0 <= state["progress"] <= 100
    page = admin_client.get("/assistant/guides").get_data(as_text=True)
    assert "<progress" in page and "Monnaies_locales.md" in page
    deadline = time.monotonic() + 120
    while admin_client.get("/assistant/guides/etat.json").get_json()["status"] == "running":
        assert time.monotonic() < deadline, "indexing took too long"
        time.sleep(0.5)
    state = admin_client.get("/assistant/guides/etat.json").get_json()
    assert state["status"] == "done" and state["progress"] == 100, state
    answer = get_assistant(guides_app).ask("La cantine peut-elle être payée en monnaie locale ?")
    assert answer.sources[0].doc == "Monnaies_locales.md"
    assert answer.sources[0].title == "Les monnaies locales"
    assert "cantine" in answer.sources[0].text


def _refused(app, client, name, data, expected, **fields):
    before = corpus_files(app)
    sources = open(app.config["CORPUS_DIR"] + "/sources.json", encoding="utf-8").read()
    response = upload(client, name, data, **fields)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert any(text in html for text in expected.split("|")), html[-3000:]
    assert corpus_files(app) == before
    assert open(app.config["CORPUS_DIR"] + "/sources.json", encoding="utf-8").read() == sources
    assert assistant_jobs.job_state(app).status == "idle"


def test_a_corrupt_pdf_is_refused_and_nothing_is_written(guides_app, admin_client):
    _refused(guides_app, admin_client, "rapport.pdf", b"%PDF-1.7\n\x00\x01 not really a pdf", "rapport.pdf")
    _refused(guides_app, admin_client, "faux.pdf", b"GIF89a hello", "PDF")


def test_an_oversize_file_is_refused(guides_app, admin_client):
    guides_app.config["MAX_UPLOAD_MB"] = 1
    _refused(guides_app, admin_client, "gros.txt", b"mot " * 300_000, "1 MB|1\u00a0Mo|1 Mo")


def test_a_zip_bomb_docx_is_refused(guides_app, admin_client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:t>" + "a" * 30_000_000 + "</w:t>")
    assert len(buffer.getvalue()) < 200_000
    _refused(guides_app, admin_client, "bombe.docx", buffer.getvalue(), "expands too much|trop")


def test_a_guide_without_text_or_of_the_wrong_type_is_refused(guides_app, admin_client):
    _refused(guides_app, admin_client, "vide.md", b"   \n\n  ", "contains no text|ne contient aucun texte")
    _refused(guides_app, admin_client, "image.png", b"\x89PNG....", "Unsupported file type|non accepté")
    _refused(guides_app, admin_client, "faux.docx", b"PK\x03\x04 broken", "valid DOCX|DOCX valide")


def test_another_server_process_reads_the_new_index_without_reloading_its_models(
        guides_app, admin_client, built, monkeypatch):
    from webapp import assistant_runtime, create_app
    _, _, assistant = built
    other = create_app({key: guides_app.config[key] for key in (
        "TESTING", "DATABASE_URL", "INSTANCE_PATH", "SECRET_KEY", "CORPUS_DIR", "INDEX_DIR",
        "SOCKETIO_MESSAGE_QUEUE")})
    set_assistant(other, assistant)  # the second process loaded the index before the upload
    question = "La cantine peut-elle être payée en monnaie locale ?"
    assert get_assistant(other).ask(question).sources[0].doc == "guide-scic.txt"

    assert upload(admin_client, "monnaies.md", NEW_GUIDE.encode("utf-8"),
                  title="Les monnaies locales").status_code == 302
    assert assistant_jobs.wait(120)
    assert assistant_jobs.job_state(guides_app).status == "done"

    # within REFRESH_SECONDS the other process still answers from what it has
    assert get_assistant(other).ask(question).sources[0].doc == "guide-scic.txt"
    monkeypatch.setattr(assistant_runtime, "REFRESH_SECONDS", 0.0)
    refreshed = get_assistant(other)
    assert refreshed is not assistant and refreshed.encoder is assistant.encoder
    assert refreshed.ask(question).sources[0].doc == "monnaies.md"
    other.extensions["cocon_engine"].dispose()


def _second_process(app):
    from webapp import create_app
    return create_app({key: app.config[key] for key in (
        "TESTING", "DATABASE_URL", "INSTANCE_PATH", "SECRET_KEY", "CORPUS_DIR", "INDEX_DIR",
        "SOCKETIO_MESSAGE_QUEUE", "WTF_CSRF_ENABLED", "RATELIMIT_ENABLED")})


def test_every_process_sharing_the_index_sees_the_job_and_only_one_runs(
        guides_app, admin_client, make_user):
    from webapp.assistant_jobs import JobState, _state_file, _write
    other = _second_process(guides_app)
    try:
        other_client = other.test_client()
        admin = make_user(admin=True, email="autre-admin@example.org")
        other_client.post("/compte/connexion", data={"email": admin.email, "password": PASSWORD})
        # a job started by the first process, still reporting progress
        _write(_state_file(guides_app), JobState("running", 40, "Indexing %(name)s",
                                                 {"name": "a.md"}, "a.md", time.time()))
        state = other_client.get("/assistant/guides/etat.json").get_json()
        assert state["status"] == "running" and state["progress"] == 40
        assert "a.md" in state["message"]
        before = corpus_files(guides_app)
        refused = upload(other_client, "b.md", NEW_GUIDE.encode("utf-8"))
        assert refused.status_code == 422 and corpus_files(guides_app) == before
        assert "déjà en cours d’indexation" in refused.get_data(as_text=True).replace("'", "’")
    finally:
        other.extensions["cocon_engine"].dispose()


def test_a_job_whose_process_died_is_reported_failed_and_a_new_one_can_start(
        guides_app, admin_client):
    from webapp import assistant_jobs
    from webapp.assistant_jobs import JobState, _state_file, _write
    _write(_state_file(guides_app), JobState(
        "running", 30, "Indexing %(name)s", {"name": "a.md"}, "a.md",
        time.time() - assistant_jobs.STALE_SECONDS - 1))
    state = admin_client.get("/assistant/guides/etat.json").get_json()
    assert state["status"] == "failed" and "interromp" in state["message"]
    assert upload(admin_client, "monnaies.md", NEW_GUIDE.encode("utf-8")).status_code == 302
    assert assistant_jobs.wait(120)
    assert assistant_jobs.job_state(guides_app).status == "done"
