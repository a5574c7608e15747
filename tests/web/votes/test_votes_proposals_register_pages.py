"""Proposals and register pages, and the register's exports parsed back."""

import csv
import re
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

from cocon.db import utcnow
from cocon.proposals import drafting, register
from cocon.proposals.models import Proposal
from cocon.proposals.register_models import Orientation

ATOM = "{http://www.w3.org/2005/Atom}"


def _as(client, login, user):
    client.post("/compte/deconnexion")
    login(user)


def test_proposal_journey_draft_support_amend_agenda(client, login, votes_world, app_db):
    w = votes_world
    base = f"/conseils/{w.council.slug}/propositions"
    login(w.alice)
    response = client.post(f"{base}/nouvelle", data={
        "title": "Clauses sociales", "body": "Viser **20 %** des marchés.", "submit_now": "y"})
    assert response.status_code == 302
    pid = int(response.headers["Location"].split("/")[-1])
    page = client.get(f"{base}/{pid}").get_data(as_text=True)
    assert "<strong>20 %</strong>" in page
    _as(client, login, w.bob)
    client.post(f"{base}/{pid}/soutenir")
    client.post(f"{base}/{pid}/commenter", data={"body": "Bonne idée <script>x</script>"})
    client.post(f"{base}/{pid}/amender", data={"new_body": "Viser **30 %** des marchés.",
                                               "reason": "Plus ambitieux"})
    page = client.get(f"{base}/{pid}").get_data(as_text=True)
    assert "<del>" in page and "<ins>" in page and "<script>x" not in page
    _as(client, login, w.facilitator)
    app_db.expire_all()
    proposal = app_db.get(Proposal, pid)
    amendment_id = proposal.amendments[0].id
    client.post(f"{base}/{pid}/amendements/{amendment_id}", data={"decision": "accept"})
    assert re.search(r'class="badge">accepté<', client.get(f"{base}/{pid}").get_data(as_text=True))
    client.post(f"{base}/{pid}/ordre-du-jour", data={"item_id": w.item.id})
    app_db.expire_all()
    proposal = app_db.get(Proposal, pid)
    assert "30 %" in proposal.body and proposal.agenda_item_id == w.item.id
    assert len(proposal.supports) == 1 and len(proposal.revisions) == 1
    listing = client.get(base).get_data(as_text=True)
    assert "Clauses sociales" in listing
    council_page = client.get(f"/conseils/{w.council.slug}").get_data(as_text=True)
    assert f"{base}" in council_page and "/registre" in council_page


def test_observers_cannot_draft(client, login, votes_world):
    w = votes_world
    login(w.observer)
    assert client.get(f"/conseils/{w.council.slug}/propositions/nouvelle").status_code == 403


def _orientation(app_db, w):
    now = utcnow()
    proposal = drafting.create_proposal(app_db, council=w.council, title="=cmd|' /C calc'!A0",
                                        body="Former 200 personnes.", author=w.alice, now=now)
    orientation = Orientation(council_id=w.council.id, proposal=proposal, title=proposal.title,
                              text=proposal.body, text_html=proposal.body_html, adopted_at=now)
    app_db.add(orientation)
    app_db.flush()
    register.update_orientation(app_db, orientation=orientation, note="Lancé", status="in_progress",
                                carried_by="@Maison de l'ESS", actor=w.facilitator, now=now)
    indicator = register.add_indicator(app_db, orientation=orientation, name="Personnes formées",
                                       unit="personnes", target=200, actor=w.facilitator, now=now)
    for day, value in ((date(2026, 3, 1), 40), (date(2026, 9, 1), 95)):
        register.add_indicator_value(app_db, indicator=indicator, measured_on=day, value=value,
                                     actor=w.facilitator, now=now)
    app_db.commit()
    return orientation


def test_register_pages_and_follow_up(client, login, votes_world, app_db):
    w = votes_world
    orientation = _orientation(app_db, w)
    base = f"/conseils/{w.council.slug}/registre"
    listing = client.get(base).get_data(as_text=True)
    assert 'id="register"' in listing and "registre.atom" in listing
    page = client.get(f"{base}/{orientation.id}").get_data(as_text=True)
    assert 'class="chart"' in page and "Personnes formées" in page and "<polyline" in page
    assert client.post(f"{base}/{orientation.id}/suivi", data={"note": "x"}).status_code == 401
    login(w.alice)
    assert client.post(f"{base}/{orientation.id}/suivi", data={"note": "x"}).status_code == 403
    _as(client, login, w.facilitator)
    client.post(f"{base}/{orientation.id}/suivi", data={"note": "Terminé", "status": "done"})
    client.post(f"{base}/{orientation.id}/indicateurs/{orientation.indicators[0].id}/valeurs",
                data={"date": "pas une date", "value": "3"})
    app_db.expire_all()
    refreshed = app_db.get(Orientation, orientation.id)
    assert refreshed.status.value == "done" and len(refreshed.indicators[0].values) == 2


def test_exports_parse_back(client, votes_world, app_db):
    w = votes_world
    _orientation(app_db, w)
    base = f"/conseils/{w.council.slug}"
    response = client.get(f"{base}/registre.csv")
    assert response.mimetype == "text/csv" and response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["title"].startswith("'=") and rows[0]["carried_by"].startswith("'@")
    doc = json.loads(client.get(f"{base}/registre.json").data)
    assert doc["orientations"][0]["indicators"][0]["values"][1]["value"].startswith("95")
    feed = ET.fromstring(client.get(f"{base}/registre.atom").data)
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}entry/{ATOM}title").text.startswith("=")
