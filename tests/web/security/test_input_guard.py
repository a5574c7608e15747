"""What no request may carry (webapp/input_guard.py): NUL characters, lone surrogates, ids the
database cannot hold, JSON that is not one flat object. Refused before the view, in French,
with nothing changed; on PostgreSQL the NUL would otherwise be a server error."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cocon.workshops.models import Post

NUL_MESSAGE = "Le texte envoyé contient un caractère interdit (un caractère nul)."
SHAPE_MESSAGE = "Les données envoyées n’ont pas la forme attendue"


def _posts(app_db) -> int:
    app_db.expire_all()
    return app_db.scalar(select(func.count(Post.id)))


def _thread(world) -> str:
    return (f"/conseils/{world.council.slug}/ateliers/{world.workshop.id}"
            f"/fils/{world.thread.id}")


def test_a_nul_in_a_form_field_is_refused_and_nothing_is_written(app_db, world, signed_in):
    before = _posts(app_db)
    response = signed_in["alice"].post(_thread(world), data={"body": "Bonjour\x00 à tous"})
    assert response.status_code == 400
    assert NUL_MESSAGE in response.get_data(as_text=True)
    assert _posts(app_db) == before


@pytest.mark.parametrize("url", ["/recherche?q=a%00b", "/conseils/a%00b",
                                 "/compte/connexion?next=%2F%00"])
def test_a_nul_in_the_query_or_the_path_is_refused_in_french(client, world, url):
    response = client.get(url)
    assert response.status_code == 400
    assert NUL_MESSAGE in response.get_data(as_text=True)


def test_a_nul_in_a_field_name_or_in_json_is_refused(client, world):
    assert client.post("/compte/connexion", data={"a\x00": "x"}).status_code == 400
    response = client.post("/api/assistant/ask", json={"question": "SCIC\x00 ?"})
    assert response.status_code == 400
    assert response.get_json()["error"].startswith(NUL_MESSAGE[:40])


def test_a_lone_surrogate_in_json_is_refused(client):
    response = client.post("/api/assistant/ask", data=b'{"question": "\\ud800 ?"}',
                           content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("body", [b"[1, 2]", b'"question"', b"3", b"NaN",
                                  b'{"question": {"a": 1}}', b'{"question": [[1]]}',
                                  b"[" * 100_000 + b"]" * 100_000])
def test_json_that_is_not_one_flat_object_is_refused(client, signed_in, world, body):
    for url, who in (("/api/assistant/ask", client), (_thread(world), signed_in["alice"])):
        response = who.post(url, data=body, content_type="application/json")
        assert response.status_code == 400, (url, body[:20])
        text = response.get_data(as_text=True)
        assert SHAPE_MESSAGE in text or "forme attendue" in text


def test_a_flat_json_object_still_reaches_the_forms(signed_in, world, app_db):
    """The notes' autosave and Flask-WTF's JSON forms keep working."""
    before = _posts(app_db)
    response = signed_in["alice"].post(_thread(world), json={"body": "Réponse en JSON"})
    assert response.status_code == 302
    assert _posts(app_db) == before + 1


@pytest.mark.parametrize("suffix", ["ateliers/2147483648", "ateliers/99999999999999999999",
                                    "propositions/9223372036854775808",
                                    "scrutins/340282366920938463463374607431768211456"])
def test_an_id_beyond_the_database_integers_is_simply_not_found(client, world, suffix):
    response = client.get(f"/conseils/{world.council.slug}/{suffix}")
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True) or \
        "n’existe pas" in response.get_data(as_text=True)


@pytest.mark.parametrize("value", ["²", "٣", "99999999999999999999", "2147483648"])
def test_ids_in_form_fields_that_break_int_are_handled(signed_in, world, value):
    """str.isdigit() accepts "²" that int() refuses; twenty digits overflow the database:
    each route that reads an id from a form or a query string answers, never a 500."""
    alice, facilitator = signed_in["alice"], signed_in["facilitator"]
    slug, thread = world.council.slug, _thread(world)
    plenary = f"/conseils/{slug}/seances/{world.plenary.id}"
    requests = [
        (alice, "post", thread, {"body": "Réponse", "reply_to": value}),
        (alice, "get", f"{thread}?repondre={value}", None),
        (alice, "get", f"{thread}/messages.json?after={value}&post={value}", None),
        (alice, "post", f"{plenary}/procuration", {"proxy-holder": value}),
        (alice, "post", f"/conseils/{slug}/propositions/nouvelle",
         {"title": "T", "body": "B", "workshop_id": value, "coauthors": value}),
        (alice, "post", f"/conseils/{slug}/scrutins/{world.ballot.id}/voter",
         {"choice": "pour", "on_behalf_of": value}),
        (facilitator, "post", f"{plenary}/point-courant", {"item": value}),
        (facilitator, "post", f"{plenary}/emargement", {"user_id": value, "status": "present"}),
        (facilitator, "post", f"{plenary}/scrutins",
         {"item_id": value, "proposal_id": value, "question": "Q ?",
          "method": "simple_majority"}),
        (facilitator, "post", f"/conseils/{slug}/propositions/{world.proposal.id}/ordre-du-jour",
         {"item_id": value}),
        (facilitator, "post", f"/conseils/{slug}/ateliers/{world.workshop.id}/inviter",
         {"user_id": value}),
        (facilitator, "post", "/assistant/statistiques/1/fil", {"workshop_id": value}),
    ]
    for who, method, url, data in requests:
        response = getattr(who, method)(url, data=data)
        assert response.status_code < 500, (url, response.status_code)
