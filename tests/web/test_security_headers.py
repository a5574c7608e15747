"""Security headers on every kind of response, and the cookie's flags (ASVS 5 V3, V8, V12)."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, make_test_app

REQUIRED = ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
            "default-src 'self'", "form-action 'self'")


def assert_hardened(response):
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    for directive in REQUIRED:
        assert directive in csp, (directive, csp)
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    style_src = next(d for d in csp.split(";") if d.strip().startswith("style-src"))
    assert "unsafe-inline" not in style_src
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", [
    "/", "/compte/connexion", "/page-qui-n-existe-pas", "/static/css/cocon.css",
    "/assistant", "/organisations/donnees.csv", "/recherche?q=%3Cscript%3E",
])
def test_every_kind_of_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code < 500
    assert_hardened(response)


def test_error_pages_and_refusals_are_hardened_too(client):
    assert_hardened(client.post("/compte/connexion", data={"email": "x"}))
    assert_hardened(client.get("/compte/profil"))  # redirect to the login page


def test_in_production_the_session_cookie_is_host_only_secure_httponly_and_lax(
        database_url, tmp_path, make_user):
    app = make_test_app(database_url, tmp_path / "i", SECURE_COOKIES=True)
    try:
        user = make_user()
        client = app.test_client()
        response = client.post("/compte/connexion", base_url="https://localhost",
                               data={"email": user.email, "password": PASSWORD, "remember": "y"})
        assert response.status_code == 302
        cookie = response.headers["Set-Cookie"]
        assert cookie.startswith("__Host-cocon=")
        flags = [part.strip().lower() for part in cookie.split(";")]
        assert "secure" in flags and "httponly" in flags and "samesite=lax" in flags
        assert "path=/" in flags and not any(f.startswith("domain=") for f in flags)
    finally:
        app.extensions["cocon_engine"].dispose()


def test_on_the_embedded_default_the_cookie_is_still_httponly_and_lax(client, make_user):
    user = make_user()
    response = client.post("/compte/connexion", data={"email": user.email, "password": PASSWORD})
    flags = [part.strip().lower() for part in response.headers["Set-Cookie"].split(";")]
    assert flags[0].startswith("cocon=") and "httponly" in flags and "samesite=lax" in flags


@pytest.mark.parametrize("hops, expected", [(0, "127.0.0.1"), (1, "203.0.113.9")])
def test_the_client_address_comes_from_the_proxy_only_when_it_is_trusted(
        database_url, db, tmp_path, hops, expected):
    """Behind a reverse proxy, per-address limits must count people, not the proxy."""
    from sqlalchemy import select
    from cocon.accounts.models import LoginAttempt
    app = make_test_app(database_url, tmp_path / "i", TRUSTED_PROXIES=hops)
    try:
        app.test_client().post("/compte/connexion", data={"email": "x@example.org",
                                                          "password": "mauvais mot de passe"},
                               headers={"X-Forwarded-For": "203.0.113.9"})
        with app.app_context():
            session = app.extensions["cocon_sessions"]()
            attempts = session.scalars(select(LoginAttempt)).all()
            assert len(attempts) == 1
            from cocon.accounts.sessions import _digest
            assert attempts[0].address_hash == _digest(expected)
            session.close()
    finally:
        app.extensions["cocon_engine"].dispose()


def test_each_deployment_sharing_a_redis_has_its_own_socket_channel(database_url, tmp_path):
    """Redis pub/sub ignores the database number: the channel keeps deployments apart."""
    import os
    redis_url = os.environ.get("COCON_TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("COCON_TEST_REDIS_URL is not set")
    apps = [make_test_app(database_url, tmp_path / name / "i", SOCKETIO_MESSAGE_QUEUE=redis_url,
                          SOCKETIO_CHANNEL=name) for name in ("metropole", "reseau")]
    try:
        channels = [a.extensions["socketio"].server.manager.channel for a in apps]
        assert channels == ["metropole", "reseau"]
    finally:
        for a in apps:
            a.extensions["cocon_engine"].dispose()
