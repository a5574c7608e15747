"""The published XSS vectors through the web layer: posted with the test client as people do,
then every page, feed and file that shows them read back with html.parser.

Names (people, council, workshop, thread, session, organisation) are hostile too, so Jinja's
autoescaping is checked wherever a name is printed. A page passes when it holds no inline
script (every <script> has a /static/ source), no style element or attribute, no on*=
handler, and no javascript:/vbscript:/data: URL in any URL attribute of any element.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from cocon.council.plenary.models import Plenary
from unit.security.xss_checks import load_vectors, problems

VECTORS = load_vectors()
NAME = "<script>alert('nom')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(1)>"
CHUNK = 20  # vectors per post: the whole list in a dozen posts


def _chunks():
    safe = [v.replace("\x00", "") for v in VECTORS]
    return ["\n\n".join(safe[i:i + CHUNK]) for i in range(0, len(safe), CHUNK)]


@pytest.fixture
def hostile(app, app_db, world, signed_in):
    """The vectors posted through the forms, by the people who may post them."""
    slug = world.council.slug
    for person in (world.alice, world.bob, world.facilitator, world.admin):
        person.display_name = NAME
    world.council.name = NAME
    world.workshop.title = NAME
    world.thread.title = NAME
    world.plenary.title = NAME
    world.organisation.name = NAME
    app_db.commit()
    alice, facilitator = signed_in["alice"], signed_in["facilitator"]
    thread_url = f"/conseils/{slug}/ateliers/{world.workshop.id}/fils/{world.thread.id}"
    for chunk in _chunks():
        response = alice.post(thread_url, data={"body": chunk[:20000]})
        assert response.status_code == 302, response.status_code
    blob = "\n\n".join(_chunks())[:19000]
    proposal = f"/conseils/{slug}/propositions/{world.proposal.id}"
    assert signed_in["facilitator"].post(proposal + "/commenter",
                                         data={"body": blob}).status_code == 302
    assert signed_in["facilitator"].post(proposal + "/amender", data={
        "new_body": blob, "reason": VECTORS[0]}).status_code == 302
    created = alice.post(f"/conseils/{slug}/propositions/nouvelle", data={
        "title": NAME, "body": blob, "submit_now": "y"})
    assert created.status_code == 302
    notes = f"/conseils/{slug}/seances/{world.past.id}/compte-rendu/notes/{world.past_item.id}"
    assert facilitator.post(notes, data={"body": blob}).status_code == 302
    facilitator.post(f"/conseils/{slug}/registre/{world.orientation.id}/suivi",
                     data={"note": blob[:2000], "carried_by": NAME})
    # links people may give: refused unless http(s)
    org = f"/conseils/{slug}/annuaire/{world.organisation.id}/modifier"
    for website in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"):
        facilitator.post(org, data={"name": NAME, "commune": "Testville",
                                    "legal_form": "association", "website": website})
    edit = f"/conseils/{slug}/seances/{world.plenary.id}/modifier"
    facilitator.post(edit, data={"title": NAME, "video_url": "javascript:alert(1)"})
    return world


def _pages(world) -> list[str]:
    slug = world.council.slug
    council = f"/conseils/{slug}"
    w = f"{council}/ateliers/{world.workshop.id}"
    return [
        "/", council, f"{council}/membres", f"{council}/ateliers", w,
        f"{w}/fils/{world.thread.id}", f"{w}/moderation",
        f"{w}/messages/{world.reply.id}/historique", f"{w}/messages/{world.reply.id}/signaler",
        f"{council}/propositions", f"{council}/propositions/{world.proposal.id}",
        f"{council}/registre", f"{council}/registre/{world.orientation.id}",
        f"{council}/seances", f"{council}/seances/{world.plenary.id}",
        f"{council}/seances/{world.plenary.id}/scrutins", f"{council}/scrutins/{world.ballot.id}",
        f"{council}/scrutins/{world.closed_ballot.id}",
        f"{council}/seances/{world.past.id}/compte-rendu",
        f"{council}/seances/{world.past.id}/compte-rendu/notes",
        f"{council}/seances/{world.past.id}/compte-rendu/telecharger/html",
        f"{council}/seances/{world.plenary.id}/projection",
        f"{council}/annuaire/", f"{council}/annuaire/{world.organisation.id}",
        f"{council}/donnees-ouvertes", "/recherche?q=script", "/recherche?q=alert",
        "/notifications/", "/compte/profil", "/assistant",
    ]


@pytest.mark.parametrize("role", ["facilitator", "anonymous"])
def test_no_page_runs_what_people_wrote(hostile, signed_in, role):
    client = signed_in[role]
    checked = 0
    for url in _pages(hostile):
        response = client.get(url)
        if response.status_code in (302, 401, 403, 404):
            continue  # not this reader's page
        assert response.status_code == 200, (url, response.status_code)
        if response.mimetype != "text/html":
            continue
        found = problems(response.get_data(as_text=True), page=True)
        assert found == [], (url, found)
        checked += 1
    assert checked >= (25 if role == "facilitator" else 15)


def test_the_vectors_are_shown_as_text_on_the_thread_page(hostile, signed_in):
    slug = hostile.council.slug
    page = signed_in["anonymous"].get(
        f"/conseils/{slug}/ateliers/{hostile.workshop.id}/fils/{hostile.thread.id}")
    html = page.get_data(as_text=True)
    assert "&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt;" in html  # the name, escaped
    assert "alert(" in html and "<script>alert" not in html


def test_json_and_live_payloads_carry_sanitised_html_as_json(hostile, signed_in):
    slug = hostile.council.slug
    url = (f"/conseils/{slug}/ateliers/{hostile.workshop.id}/fils/{hostile.thread.id}"
           "/messages.json")
    response = signed_in["alice"].get(url)
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    posts = response.get_json()["posts"]
    assert len(posts) >= len(_chunks())
    for post in posts:
        assert problems(post["html"]) == [], post["html"][:300]
        assert post["author"] in (NAME, "")  # a name, inserted with textContent by the script


def test_the_atom_feed_and_data_files_hold_the_vectors_as_data(hostile, signed_in):
    client = signed_in["anonymous"]
    council = f"/conseils/{hostile.council.slug}"
    feed = client.get(f"{council}/registre.atom")
    assert feed.mimetype == "application/atom+xml"
    root = ET.fromstring(feed.data)
    for element in root.iter():
        assert element.tag.startswith("{http://www.w3.org/2005/Atom}")
        if element.tag.endswith("summary"):
            assert element.get("type") == "text"
    for url in (f"{council}/registre.csv", f"{council}/annuaire/annuaire.csv",
                f"{council}/donnees-ouvertes/seances.csv",
                f"{council}/donnees-ouvertes/votes.csv",
                f"{council}/donnees-ouvertes/registre.csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
        for cell in (c for row in rows[1:] for c in row):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (url, cell)
    for url in (f"{council}/registre.json", f"{council}/annuaire/annuaire.json",
                f"{council}/donnees-ouvertes/seances.json"):
        response = client.get(url)
        assert response.mimetype == "application/json", url
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert NAME in _strings(json.loads(response.data)), url  # the same text, as data


def _strings(data) -> set[str]:
    if isinstance(data, dict):
        return set().union(*map(_strings, data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*map(_strings, data)) if data else set()
    return {data} if isinstance(data, str) else set()


def test_links_people_give_keep_to_http(hostile, app_db):
    app_db.expire_all()
    assert not re.match(r"\s*(javascript|data|vbscript):", hostile.organisation.website or "",
                        re.I)
    plenary = app_db.get(Plenary, hostile.plenary.id)
    assert not (plenary.video_url or "").lower().startswith("javascript")
