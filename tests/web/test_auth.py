"""Registration, login, logout, profile and password through the Flask test client."""

from sqlalchemy import func, select

from cocon.accounts.models import User
from tests.conftest import PASSWORD


def _register(client, **overrides):
    data = {"display_name": "Inès Moreau", "email": "ines@example.org",
            "password": "une phrase de passe longue", "locale": "fr"}
    data.update(overrides)
    return client.post("/compte/inscription", data=data)


def test_registering_signs_in_and_welcomes_in_french(client):
    response = _register(client)
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "Inès Moreau" in page


def test_a_duplicate_email_gets_a_clear_message_and_creates_nothing(client, app_db):
    _register(client)
    client.post("/compte/deconnexion")
    response = _register(client, email="INES@example.org", display_name="Autre")
    assert response.status_code == 400
    assert "already exists" in response.get_data(as_text=True) or \
        "existe déjà" in response.get_data(as_text=True)
    assert app_db.scalar(select(func.count()).select_from(User)) == 1


def test_overlong_and_common_passwords_are_refused(client, app_db):
    assert _register(client, display_name="x" * 500).status_code == 400
    assert _register(client, password="motdepasse").status_code == 400
    assert app_db.scalar(select(func.count()).select_from(User)) == 0


def test_unknown_locale_in_the_form_is_refused(client, app_db):
    assert _register(client, locale="klingon").status_code == 400
    assert app_db.scalar(select(func.count()).select_from(User)) == 0


def test_wrong_password_and_unknown_account_get_the_same_message(client, make_user):
    user = make_user(email="alice@example.org")
    wrong = client.post("/compte/connexion", data={"email": user.email, "password": "pas le bon"})
    unknown = client.post("/compte/connexion", data={"email": "nobody@example.org",
                                                      "password": "pas le bon"})
    assert wrong.status_code == unknown.status_code == 400
    extract = lambda r: r.get_data(as_text=True).split('role="alert"')[1][:200]  # noqa: E731
    assert extract(wrong) == extract(unknown)


def test_login_then_logout(client, make_user, login):
    user = make_user(name="Camille Roth")
    login(user)
    assert "Camille Roth" in client.get("/compte/profil").get_data(as_text=True)
    client.post("/compte/deconnexion")
    assert client.get("/compte/profil").status_code == 302


def test_remember_me_makes_the_session_cookie_persistent(client, make_user, login):
    response = login(make_user(), remember=True)
    assert "Expires=" in response.headers["Set-Cookie"]
    client.post("/compte/deconnexion")
    response = login(make_user(), remember=False)
    assert "Expires=" not in response.headers["Set-Cookie"]


def test_login_redirects_only_to_local_pages(client, make_user):
    user = make_user()
    response = client.post("/compte/connexion?next=https://evil.example/",
                           data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/"


def test_password_change_ends_the_other_sessions(app, make_user, login):
    user = make_user()
    first, second = app.test_client(), app.test_client()
    for c in (first, second):
        c.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    response = first.post("/compte/mot-de-passe", data={
        "pw-current": PASSWORD, "pw-new": "une toute nouvelle phrase"})
    assert response.status_code == 302
    assert first.get("/compte/profil").status_code == 200
    assert second.get("/compte/profil").status_code == 302


def test_wrong_current_password_changes_nothing(client, make_user, login, app_db):
    user = make_user()
    login(user)
    response = client.post("/compte/mot-de-passe", data={"pw-current": "pas le bon du tout",
                                                         "pw-new": "une toute nouvelle phrase"})
    assert response.status_code == 400
    app_db.expire_all()
    assert app_db.get(User, user.id).password_hash == user.password_hash


def test_profile_sets_the_language(client, make_user, login):
    login(make_user())
    client.post("/compte/profil", data={"display_name": "Alice M.", "locale": "en"})
    assert "My account" in client.get("/compte/profil").get_data(as_text=True)


def test_logout_revokes_the_session_server_side(app, make_user):
    user = make_user()
    client = app.test_client()
    client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    stolen = client.get_cookie("cocon").value
    client.post("/compte/deconnexion")
    thief = app.test_client()
    thief.set_cookie("cocon", stolen)
    assert thief.get("/compte/profil").status_code == 302


def test_login_gives_a_new_session_identifier(app, make_user):
    user = make_user()
    client = app.test_client()
    client.get("/langue/en")
    before = client.get_cookie("cocon").value
    client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    assert client.get_cookie("cocon").value != before


def test_closing_other_sessions_keeps_this_one(app, make_user):
    user = make_user()
    mine, other = app.test_client(), app.test_client()
    for c in (mine, other):
        c.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    mine.post("/compte/fermer-les-sessions")
    assert mine.get("/compte/profil").status_code == 200
    assert other.get("/compte/profil").status_code == 302


def test_too_many_failures_on_an_account_block_it_for_a_while(client, make_user, app_db,
                                                             monkeypatch):
    from cocon.accounts import sessions
    monkeypatch.setattr(sessions, "MAX_FAILURES_PER_ACCOUNT", 3)
    user = make_user()
    for _ in range(3):
        assert client.post("/compte/connexion", data={
            "email": user.email, "password": "pas le bon"}).status_code == 400
    blocked = client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    assert blocked.status_code == 429
    assert "une heure" in blocked.get_data(as_text=True)


def test_the_block_lifts_after_the_window(db):
    from datetime import timedelta
    from cocon.accounts import sessions
    from cocon.db import utcnow
    now = utcnow()
    for _ in range(sessions.MAX_FAILURES_PER_ACCOUNT):
        sessions.record_failure(db, email="a@b.fr", address="1.2.3.4", now=now)
    assert sessions.login_blocked(db, email="A@b.fr", address="9.9.9.9", now=now)
    assert not sessions.login_blocked(db, email="a@b.fr", address="9.9.9.9",
                                      now=now + timedelta(hours=1, seconds=1))
    assert not sessions.login_blocked(db, email="c@d.fr", address="9.9.9.9", now=now)


def test_an_idle_session_expires(db):
    from datetime import timedelta
    from cocon.accounts import sessions
    from cocon.accounts.services import register_user
    from cocon.db import utcnow
    now = utcnow()
    user = register_user(db, email="idle@example.org", password=PASSWORD, display_name="Idle",
                         now=now)
    token = sessions.start_session(db, user, remember=False, now=now)
    assert sessions.resolve_session(db, token, now=now + timedelta(minutes=90)) == user
    assert sessions.resolve_session(db, token, now=now + timedelta(minutes=90)
                                    + sessions.IDLE_LIFETIME + timedelta(seconds=1)) is None
    remembered = sessions.start_session(db, user, remember=True, now=now)
    assert sessions.resolve_session(db, remembered, now=now + timedelta(days=29)) == user
    assert sessions.resolve_session(db, remembered, now=now + timedelta(days=31)) is None


def test_a_forged_session_cookie_is_ignored(client, make_user):
    make_user()
    client.set_cookie("cocon", "eyJ1aWQiOjF9.forged.signature")
    response = client.get("/compte/profil")
    assert response.status_code == 302


def test_security_headers_are_on_every_page(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]


def test_activity_keeps_the_session_alive_without_writing_on_every_request(app, make_user, app_db):
    from datetime import timedelta
    from sqlalchemy import select
    from cocon.accounts.models import LoginSession
    user = make_user()
    client = app.test_client()
    client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    login = app_db.scalar(select(LoginSession))
    start = login.last_seen_at
    client.get("/compte/profil")
    app_db.expire_all()
    assert app_db.get(LoginSession, login.id).last_seen_at == start  # within the minute
    login = app_db.get(LoginSession, login.id)
    login.last_seen_at = start - timedelta(minutes=5)
    app_db.commit()
    client.get("/compte/profil")
    app_db.expire_all()
    assert app_db.get(LoginSession, login.id).last_seen_at > start - timedelta(minutes=1)
