"""Rate limits (webapp/ratelimits.py) with the limiter on: the request after the allowance gets a
429 page in French with a Retry-After header; families share one counter; the count is per
person when signed in; on Redis, two app instances (two processes) count together."""

from __future__ import annotations

import os
import uuid

import pytest

from tests.conftest import PASSWORD, make_test_app, running_test_app
from webapp.ratelimits import FAMILIES, family_of, limited_endpoints

REDIS_URL = os.environ.get("COCON_TEST_REDIS_URL")


@pytest.fixture
def app(database_url, engine, tmp_path):
    """The application with its rate limits on (the shared fixture turns them off)."""
    with running_test_app(database_url, engine, tmp_path / "instance", RATELIMIT_ENABLED=True,
                          RATELIMIT_STORAGE_URI="memory://") as app:
        yield app


def _allowance(name: str) -> int:
    family = next(f for f in FAMILIES if f.name == name)
    return int(family.limit.split(" per minute")[0])


def _assert_refused_in_french(response, wait="1 minute"):
    """A 429 in French that says nothing was done and how long to wait at most (the window of
    the limit reached), with a Retry-After header no longer than that."""
    assert response.status_code == 429
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= {"1 minute": 60, "1 heure": 3600}[wait]
    expected = ("Vous avez envoyé trop de demandes en peu de temps : celle-ci n’a pas été "
                f"traitée. Réessayez dans {wait} au plus.")
    if response.mimetype == "application/json":
        assert response.get_json()["error"].replace("\u00a0", " ") == expected
    else:
        text = response.get_data(as_text=True).replace("\u00a0", " ")  # Babel's "1 heure"
        assert '<html lang="fr"' in text and expected in text


def test_every_family_names_routes_that_exist(app):
    limited = limited_endpoints(app)
    for family in FAMILIES:
        assert any(f is family for f in limited.values()), family.name
    for endpoint in ("workshops.thread", "workshops.view", "proposals.comment", "votes.vote",
                     "workshop_posts.report", "search.index", "minutes.download",
                     "minutes_data.open_data_file", "organisations_data.export_csv",
                     "register.export_atom", "assistant_guides.guides",
                     "organisations_data.import_file"):
        assert endpoint in limited, endpoint
    assert family_of("councils.view") is None  # reading pages is not limited


def test_every_export_and_download_is_limited_somewhere(app):
    """Here or by its own blueprint (the personal-data downloads limit themselves)."""
    limiter = app.extensions["limiter"]
    from flask_limiter.util import get_qualified_name
    for endpoint, view in app.view_functions.items():
        if any(word in endpoint for word in ("export", "download", "csv", "calendar")):
            assert limiter.limit_manager.decorated_limits(get_qualified_name(view)), endpoint


def test_posting_is_limited_per_person_across_replies_threads_and_comments(world, signed_in):
    alice, bob = signed_in["alice"], signed_in["facilitator"]
    slug = world.council.slug
    thread = f"/conseils/{slug}/ateliers/{world.workshop.id}/fils/{world.thread.id}"
    comment = f"/conseils/{slug}/propositions/{world.proposal.id}/commenter"
    allowance = _allowance("posting")
    for n in range(allowance):
        url, data = (thread, {"body": f"Message {n}"}) if n % 2 else (comment, {"body": "Avis"})
        assert alice.post(url, data=data).status_code == 302, n
    refused = alice.post(f"/conseils/{slug}/ateliers/{world.workshop.id}",
                         data={"title": "Nouveau fil", "body": "Bonjour"})
    _assert_refused_in_french(refused)
    # another person in the same room (same address) still posts
    assert bob.post(thread, data={"body": "Je réponds"}).status_code == 302
    assert alice.get(thread).status_code == 200  # reading is never limited


def test_voting_is_limited(world, signed_in):
    alice = signed_in["alice"]
    url = f"/conseils/{world.council.slug}/scrutins/{world.ballot.id}/voter"
    for _ in range(_allowance("voting")):
        assert alice.post(url, data={"choice": "pour"}).status_code == 302
    _assert_refused_in_french(alice.post(url, data={"choice": "pour"}))


def test_reporting_posts_is_limited(world, signed_in):
    alice = signed_in["alice"]
    url = (f"/conseils/{world.council.slug}/ateliers/{world.workshop.id}/messages/"
           f"{world.reply.id}/signaler")
    for _ in range(_allowance("reporting")):
        assert alice.post(url, data={"reason": "Hors sujet"}).status_code in (302, 422)
    _assert_refused_in_french(alice.post(url, data={"reason": "Hors sujet"}))


def test_exports_are_limited_per_address_for_visitors(world, signed_in):
    visitor = signed_in["anonymous"]
    council = f"/conseils/{world.council.slug}"
    urls = [f"{council}/registre.csv", f"{council}/registre.json", f"{council}/registre.atom",
            f"{council}/annuaire/annuaire.csv", f"{council}/donnees-ouvertes/votes.json"]
    for n in range(_allowance("exports")):
        assert visitor.get(urls[n % len(urls)]).status_code == 200, n
    _assert_refused_in_french(visitor.get(f"{council}/seances/{world.plenary.id}/seance.ics"))
    # a facilitator downloading the minutes has an allowance of their own
    minutes = f"{council}/seances/{world.past.id}/compte-rendu/telecharger/md"
    assert signed_in["facilitator"].get(minutes).status_code == 200


def test_personal_data_exports_are_limited(world, signed_in):
    from webapp.blueprints.privacy import DOWNLOAD_LIMIT
    alice = signed_in["alice"]
    for n in range(int(DOWNLOAD_LIMIT.split()[0])):
        assert alice.get("/compte/mes-donnees.json").status_code == 200, n
    _assert_refused_in_french(alice.get("/compte/mes-donnees.zip"), wait="1 heure")


def test_search_is_limited(world, signed_in):
    visitor = signed_in["anonymous"]
    for n in range(_allowance("search")):
        assert visitor.get(f"/recherche?q=charte{n}").status_code == 200
    _assert_refused_in_french(visitor.get("/recherche?q=charte"))


def test_uploads_are_limited(world, signed_in):
    admin = signed_in["facilitator"]
    url = f"/conseils/{world.council.slug}/annuaire/import"
    for _ in range(_allowance("uploads")):
        assert admin.post(url, data={}).status_code in (200, 400, 403)
    _assert_refused_in_french(admin.post(url, data={}))


def test_the_assistant_api_answers_429_in_json_and_in_french(app, world, signed_in):
    visitor = signed_in["anonymous"]
    for _ in range(20):  # the assistant's own limit, set in create_app; refused bodies count
        response = visitor.post("/api/assistant/ask", data="[1]", content_type="application/json")
        assert response.status_code == 400
    _assert_refused_in_french(visitor.post("/api/assistant/ask", data="[2]",
                                           content_type="application/json"))


@pytest.mark.redis
@pytest.mark.skipif(not REDIS_URL, reason="COCON_TEST_REDIS_URL is not set")
def test_two_app_instances_on_redis_share_the_count(database_url, engine, tmp_path, app_db,
                                                    world):
    """Two processes behind a load balancer: their requests add up in Redis."""
    prefix = f"cocon-test-{uuid.uuid4().hex}"
    apps = [make_test_app(database_url, tmp_path / str(i), RATELIMIT_ENABLED=True,
                          RATELIMIT_STORAGE_URI=REDIS_URL, RATELIMIT_KEY_PREFIX=prefix)
            for i in range(2)]
    try:
        first, second = (a.test_client() for a in apps)
        url = f"/conseils/{world.council.slug}/registre.csv"
        allowance = _allowance("exports")
        for n in range(allowance):
            client = first if n % 2 else second
            assert client.get(url).status_code == 200, n
        _assert_refused_in_french(first.get(url))
        _assert_refused_in_french(second.get(url))
        # and signed-in people are counted by person in Redis too
        login = second.post("/compte/connexion", data={"email": world.alice.email,
                                                      "password": PASSWORD})
        assert login.status_code == 302
        assert second.get(url).status_code == 200
    finally:
        import redis
        connection = redis.Redis.from_url(REDIS_URL)
        for key in connection.scan_iter(f"*{prefix}*"):
            connection.delete(key)
        for one in apps:
            one.extensions["cocon_engine"].dispose()
