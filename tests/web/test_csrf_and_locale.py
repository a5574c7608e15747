"""CSRF protection and the choice of language, with CSRF turned on."""

import pytest


@pytest.fixture
def csrf_client(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app.test_client()


def test_a_post_without_csrf_token_is_refused_in_the_users_language(csrf_client, app_db):
    response = csrf_client.post("/compte/connexion", data={"email": "a@b.fr", "password": "x"},
                                headers={"Accept-Language": "fr"})
    assert response.status_code == 400
    assert "expiré" in response.get_data(as_text=True)


def test_a_post_with_the_token_passes_csrf(csrf_client, make_user):
    page = csrf_client.get("/compte/connexion").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = csrf_client.post("/compte/connexion", data={
        "email": "nobody@example.org", "password": "pas le bon", "csrf_token": token})
    assert response.status_code == 400
    assert "incorrect" in response.get_data(as_text=True)


def test_accept_language_english_gives_english(client):
    assert "Sign in" in client.get("/", headers={"Accept-Language": "en-GB,en"}).get_data(True)


def test_french_is_the_default(client):
    page = client.get("/").get_data(as_text=True)
    assert 'lang="fr"' in page and "Se connecter" in page


def test_the_switch_overrides_accept_language(client):
    client.get("/langue/fr?next=/", headers={"Accept-Language": "en"})
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="fr"' in page


def test_an_unknown_locale_is_a_404_not_a_500(client):
    assert client.get("/langue/xx").status_code == 404


def test_the_switch_never_redirects_off_site(client):
    response = client.get("/langue/en?next=//evil.example")
    assert response.headers["Location"] == "/"
