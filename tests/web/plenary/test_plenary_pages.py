"""Session pages: list, create, edit, agenda, convene, open, run, close, .ics, state, projector."""

from html import unescape

import email
import email.policy
import json

from cocon.council.plenary.models import Plenary
from cocon.council.plenary.state import plenary_state
from sqlalchemy import func, select

from plenary_web_helpers import base, reload, session_for, world


def _count(app_db):
    return app_db.scalar(select(func.count()).select_from(Plenary))


def test_the_council_page_links_to_its_sessions(client, app_db):
    people = world(app_db)
    page = client.get(f"/conseils/{people['council'].slug}").get_data(as_text=True)
    assert base(people) in page


def test_visitors_see_convened_sessions_but_not_drafts(client, app_db):
    people = world(app_db)
    draft = session_for(app_db, people)
    convened = session_for(app_db, people, state="convened")
    listing = client.get(base(people)).get_data(as_text=True)
    assert f"/seances/{convened.id}" in listing and f"/seances/{draft.id}\"" not in listing
    assert client.get(base(people, draft)).status_code == 404
    assert client.get(base(people, convened)).status_code == 200


def test_sessions_of_a_members_only_council_are_hidden_from_visitors(client, app_db, login):
    people = world(app_db)
    people["council"].is_public = False
    app_db.commit()
    plenary = session_for(app_db, people, state="convened")
    assert client.get(base(people, plenary)).status_code == 404
    assert client.get(base(people, plenary) + "/etat.json").status_code == 404
    login(people["members"][0])
    assert client.get(base(people, plenary)).status_code == 200


def test_a_facilitator_creates_a_session_then_its_agenda(client, app_db, login):
    people = world(app_db)
    login(people["facilitator"])
    response = client.post(base(people) + "/nouvelle", data={
        "title": "Plénière de printemps", "kind": "ordinary", "starts_at": "2027-03-18T18:00",
        "place": "Hôtel de ville", "video_url": "", "description": "Bilan"})
    assert response.status_code == 302 and response.location.endswith("/ordre-du-jour")
    plenary = app_db.scalar(select(Plenary))
    assert plenary.starts_at.isoformat() == "2027-03-18T17:00:00+00:00"  # Paris winter time
    response = client.post(base(people, plenary) + "/ordre-du-jour", data={
        "item-title": "Accueil", "item-description": "", "item-expected_minutes": "15"})
    assert response.status_code == 302
    assert [i.title for i in reload(app_db, plenary).items] == ["Accueil"]


def test_bad_session_input_is_refused_with_a_message_and_nothing_created(client, app_db, login):
    people = world(app_db)
    people["facilitator"].locale = "en"  # the messages' wording, whatever the catalogue says
    app_db.commit()
    login(people["facilitator"])
    cases = [
        ({"title": "", "starts_at": "2027-03-18T18:00"}, None),
        ({"title": "X", "starts_at": "pas une date"}, None),
        ({"title": "X", "starts_at": "2027-03-18T18:00", "ends_at": "2027-03-18T17:00"},
         "after the start"),
        ({"title": "X", "starts_at": "2027-03-18T18:00", "video_url": "javascript:alert(1)"},
         "https://"),
        ({"title": "X" * 201, "starts_at": "2027-03-18T18:00"}, None),
    ]
    for data, words in cases:
        response = client.post(base(people) + "/nouvelle", data={"kind": "ordinary", **data})
        assert response.status_code == 400, data
        page = response.get_data(as_text=True)
        assert 'role="alert"' in page or 'class="error"' in page
        if words:
            assert words in page, (words, data)
    assert _count(app_db) == 0


def test_members_and_visitors_may_not_prepare_sessions(client, app_db, login):
    people = world(app_db)
    assert client.get(base(people) + "/nouvelle").status_code == 302  # to the login page
    login(people["members"][0])
    assert client.get(base(people) + "/nouvelle").status_code == 403
    assert client.post(base(people) + "/nouvelle", data={
        "title": "X", "kind": "ordinary", "starts_at": "2027-03-18T18:00"}).status_code == 403
    assert _count(app_db) == 0


def test_editing_agenda_items_and_refusing_bad_durations(client, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people, items=3)
    login(people["facilitator"])
    url = base(people, plenary) + "/ordre-du-jour"
    third = plenary.items[2]
    assert client.post(f"{url}/{third.id}/deplacer", data={"direction": "up"}).status_code == 302
    assert client.post(f"{url}/{third.id}", data={
        "item-title": "Budget", "item-expected_minutes": "30"}).status_code == 302
    assert client.post(f"{url}/{plenary.items[0].id}/supprimer").status_code == 302
    assert [i.title for i in reload(app_db, plenary).items] == ["Budget", "Point 2"]
    response = client.post(url, data={"item-title": "X", "item-expected_minutes": "0"})
    assert response.status_code == 400 and len(reload(app_db, plenary).items) == 2
    response = client.post(url, data={"item-title": ""})
    assert response.status_code == 400 and len(reload(app_db, plenary).items) == 2
    assert client.get(f"{url}/999999").status_code == 404


def test_convening_sends_the_convocation_with_an_ics(client, app, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people)
    login(people["facilitator"])
    response = client.post(base(people, plenary) + "/convoquer")
    assert response.status_code == 302
    assert plenary_state(reload(app_db, plenary)).value == "convened"
    sent = app.extensions["cocon_mailer"].sent()
    assert len(sent) == len(people["council"].memberships)
    message = email.message_from_bytes(sent[0].read_bytes(), policy=email.policy.default)
    parts = {part.get_content_type(): part for part in message.iter_attachments()}
    ics = parts["text/calendar"].get_content()
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert f"UID:plenary-{plenary.id}@cocon" in ics and "Point 1" in message.get_body().get_content()


def test_convening_without_an_agenda_is_refused_and_changes_nothing(client, app, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people, items=0)
    login(people["facilitator"])
    response = client.post(base(people, plenary) + "/convoquer")
    assert response.status_code == 400
    page = unescape(response.get_data(as_text=True)).replace("\u2019", "'")
    assert "point à l'ordre du jour" in page
    assert reload(app_db, plenary).convened_at is None
    assert app.extensions["cocon_mailer"].sent() == []


def test_a_facilitator_runs_the_session_through_its_agenda(client, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people, items=2, state="convened")
    login(people["facilitator"])
    url = base(people, plenary)
    assert client.post(url + "/ouvrir").status_code == 302
    first, second = reload(app_db, plenary).items
    assert reload(app_db, plenary).current_item_id == first.id
    assert client.post(url + "/point-courant", data={"item": "next"}).status_code == 302
    assert reload(app_db, plenary).current_item_id == second.id
    state = client.get(url + "/etat.json").get_json()
    assert state["state"] == "open" and state["current_item"]["title"] == "Point 2"
    page = client.get(url).get_data(as_text=True)
    assert 'aria-current="step"' in page
    response = client.post(url + "/point-courant", data={"item": "abc"})
    assert response.status_code == 400
    assert reload(app_db, plenary).current_item_id == second.id
    assert client.post(url + "/clore").status_code == 302
    assert plenary_state(reload(app_db, plenary)).value == "closed"
    assert client.post(url + "/clore").status_code == 409


def test_a_draft_cannot_be_opened(client, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people)
    login(people["facilitator"])
    response = client.post(base(people, plenary) + "/ouvrir")
    assert response.status_code == 409 and reload(app_db, plenary).opened_at is None


def test_members_may_not_run_the_session(client, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people, state="convened")
    login(people["members"][0])
    assert client.post(base(people, plenary) + "/ouvrir").status_code == 403
    assert client.get(base(people, plenary) + "/emargement").status_code == 403
    assert reload(app_db, plenary).opened_at is None


def test_the_ics_the_state_and_the_projector_view(client, app_db):
    people = world(app_db)
    plenary = session_for(app_db, people, state="open")
    url = base(people, plenary)
    ics = client.get(url + "/seance.ics")
    assert ics.mimetype == "text/calendar" and ics.data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert f"UID:plenary-{plenary.id}@cocon".encode() in ics.data
    state = json.loads(client.get(url + "/etat.json").data)
    assert set(state) >= {"state", "current_item", "quorum"}
    projection = client.get(url + "/projection").get_data(as_text=True)
    assert 'id="current-item"' in projection and "Point 1" in projection
    assert "plenary-live.js" in projection


def test_editing_a_convened_session_but_not_an_open_one(client, app_db, login):
    people = world(app_db)
    plenary = session_for(app_db, people, state="convened")
    login(people["facilitator"])
    data = {"title": "Nouveau titre", "kind": "extraordinary", "starts_at": "2027-01-10T10:00"}
    assert client.get(base(people, plenary) + "/modifier").status_code == 200
    assert client.post(base(people, plenary) + "/modifier", data=data).status_code == 302
    assert reload(app_db, plenary).title == "Nouveau titre"
    opened = session_for(app_db, people, state="open")
    response = client.post(base(people, opened) + "/modifier", data=data)
    assert response.status_code == 400 and reload(app_db, opened).title == "Plénière d'automne"
