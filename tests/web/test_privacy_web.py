"""RGPD in the browser's view: the privacy page, downloading one's data, deleting one's account."""

from __future__ import annotations

import io
from email import message_from_bytes
from email.policy import default
import json
import re
import zipfile
from pathlib import Path

import pytest
from privacy_world import EMAIL, NAME, PASSWORD, build_privacy_world
from sqlalchemy import inspect

from cocon.accounts.models import User
from cocon.assistant.models import AssistantQuestion
from cocon.mail import FolderMailer, Mail
from cocon.workshops.forum import thread_url
from tests.conftest import running_test_app


@pytest.fixture
def world(app_db):
    built = build_privacy_world(app_db)
    app_db.commit()
    return built


def test_the_privacy_page_is_in_the_footer_and_states_the_periods_in_french(client):
    home = client.get("/").get_data(as_text=True)
    assert 'href="/confidentialite"' in home
    page = client.get("/confidentialite").get_data(as_text=True)
    assert "Confidentialité et données personnelles" in page
    assert re.search(r"Questions posées à l['’]assistant.*?12 mois après la question", page, re.S)
    assert re.search(r"Notifications déjà lues.*?90 jours après leur lecture", page, re.S)
    assert "cocon purge" in page and "CNIL" in page
    assert "aucune adresse IP" in page.replace("\u00a0", " ")
    assert "Télécharger mes données" not in page  # visitors are asked to sign in


def test_the_privacy_page_in_english_with_the_configured_contact(database_url, engine, tmp_path):
    with running_test_app(database_url, engine, tmp_path,
                          PRIVACY_CONTACT="dpo@metropole.example.org") as app:
        client = app.test_client()
        client.get("/langue/en")
        page = client.get("/confidentialite").get_data(as_text=True)
    assert "Privacy and personal data" in page and "dpo@metropole.example.org" in page
    assert "12 months after the question" in page and "1 day after the attempt" in page
    assert "No account, IP address, cookie or browser identifier is stored" in page


def test_the_assistant_log_still_has_nothing_that_identifies_who_asked():
    """The privacy page says so: a new column here must be reflected there."""
    columns = {c.name for c in inspect(AssistantQuestion).columns}
    assert columns == {"id", "token", "asked_at", "question", "abstained", "confidence",
                       "top_doc", "top_passage", "channel", "useful", "rated_at"}


def test_a_member_downloads_their_data_as_json_and_zip(client, login, world):
    assert client.get("/compte/mes-donnees.json").status_code == 302  # sign in first
    login(world.person)
    profile = client.get("/compte/profil").get_data(as_text=True)
    assert "/compte/mes-donnees.zip" in profile and "/compte/supprimer" in profile
    response = client.get("/compte/mes-donnees.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    document = json.loads(response.data)
    assert document["account"]["email"] == EMAIL and document["posts"]
    archive = zipfile.ZipFile(io.BytesIO(client.get("/compte/mes-donnees.zip").data))
    assert "posts.csv" in archive.namelist()
    assert NAME in archive.read("account.csv").decode("utf-8-sig")


def test_a_wrong_password_deletes_nothing(client, login, world, app_db):
    login(world.person)
    response = client.post("/compte/supprimer", data={"password": "pas le bon mot de passe"})
    assert response.status_code == 400
    assert re.search(r"mot de passe n['’]est pas correct", response.get_data(as_text=True))
    app_db.expire_all()
    assert app_db.get(User, world.person.id).erased_at is None


def test_deleting_the_account_signs_out_and_leaves_posts_to_a_deleted_participant(
        app, client, login, world, app_db):
    outbox = Path(app.instance_path) / "outbox"
    FolderMailer(outbox, "cocon@example.org").send(Mail(to=EMAIL, subject="Convocation",
                                                        body="Bonjour"))
    FolderMailer(outbox, "cocon@example.org").send(Mail(to="bruno@example.org", subject="x",
                                                        body="y"))
    login(world.person)
    page = client.get("/compte/supprimer").get_data(as_text=True)
    assert "Supprimer définitivement mon compte" in page
    response = client.post("/compte/supprimer", data={"password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Votre compte est supprimé" in client.get("/").get_data(as_text=True)
    assert client.get("/compte/profil").status_code == 302  # signed out
    assert client.post("/compte/connexion", data={"email": EMAIL, "password": PASSWORD}
                       ).status_code == 400
    app_db.expire_all()
    assert app_db.get(User, world.person.id).erased_at is not None
    mails = [message_from_bytes(p.read_bytes(), policy=default) for p in outbox.glob("*.eml")]
    assert sorted(m["To"] for m in mails) == ["bruno@example.org"] * 2  # hers are gone
    assert any("annulée" in m["Subject"] for m in mails)  # the proxy's giver is told
    thread = thread_url(world.post.thread)
    french = client.get(thread).get_data(as_text=True)
    assert "Participant·e supprimé·e" in french and NAME not in french
    client.get("/langue/en")
    assert "Deleted participant" in client.get(thread).get_data(as_text=True)


def test_the_last_administrator_is_told_why_they_cannot_delete(client, login, world):
    login(world.admin)
    response = client.get("/compte/supprimer")
    assert response.status_code == 409
    assert "dernier·e administrateur·rice" in response.get_data(as_text=True)
    assert client.post("/compte/supprimer", data={"password": PASSWORD}).status_code == 409


@pytest.fixture
def limited(database_url, engine, tmp_path):
    with running_test_app(database_url, engine, tmp_path, RATELIMIT_ENABLED=True,
                          RATELIMIT_STORAGE_URI="memory://") as app:
        yield app


def test_downloads_and_erasure_attempts_are_rate_limited_per_person(limited):
    from cocon.accounts.services import register_user
    from cocon.db import utcnow
    db = limited.extensions["cocon_sessions"]()
    user = register_user(db, email="lina@example.org", password=PASSWORD, display_name="Lina",
                         now=utcnow())
    db.commit()
    db.close()
    http = limited.test_client()
    http.post("/compte/connexion", data={"email": "lina@example.org", "password": PASSWORD})
    statuses = [http.get(f"/compte/mes-donnees.{kind}").status_code
                for kind in ["json", "zip"] * 5 + ["json"]]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429
    guesses = [http.post("/compte/supprimer", data={"password": f"essai {n}"}).status_code
               for n in range(11)]
    assert guesses[:10] == [400] * 10 and guesses[10] == 429  # no password guessing here
    assert user.id
